"""Values that cannot be, whatever else the article says (NLMG-D009, D010, M010).

These rules read the prose directly with a small scan, not the extracted
claims: the date extractor (rightly) makes no claim of "31 April 2009", and a
backwards range is no interval at all, so neither reaches the claim list.
Only body sentences are read; the reference list has its own rules (C004).
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Iterator

import regex

from .. import _lazyre
from ..extract.dates import calendar_problem
from ..models import Severity, Span
from .context import RuleContext
from .registry import Hit, rule

_MONTHS = {"jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
           "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12}
_MONTH = (r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
          r"|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)")
_DASH = r"\s*(?:[\-\u2010-\u2015]|\bto\b|\buntil\b)\s*"

_DAY_DATE = _lazyre.lazy_compile(
    rf"""
    # day month year: 31 April 2009 (the year optional: 30 February)
    (?<![\d.,/])\b(?P<d>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m>{_MONTH})(?:,?\s+(?P<y>1\d{{3}}|20\d\d)\b)?(?![\d\-])
    # month day, year: April 31, 2009 (the year required: "in April 31 people came")
    | \b(?P<m>{_MONTH})\s+(?P<d>[0-3]?\d)(?:st|nd|rd|th)?,?\s+(?P<y>1\d{{3}}|20\d\d)\b
    """,
    regex.VERBOSE,
)

_DAY_RANGE = _lazyre.lazy_compile(
    rf"""
    # 19-17 December 2010 (not "April 30 - 2 May": the first day is of another month)
    # (the digit first, then bounded look-behinds: an unbounded one ran at every blank)
    (?=\d)(?<![\d.,/])(?<!{_MONTH}\s{{0,3}})\b(?P<d1>[0-3]?\d){_DASH}(?P<d2>[0-3]?\d)\s+(?P<m>{_MONTH})(?:,?\s+(?P<y>1\d{{3}}|20\d\d)\b)?
    # December 19-17, 2010
    | \b(?P<m>{_MONTH})\s+(?P<d1>[0-3]?\d){_DASH}(?P<d2>[0-3]?\d)\b(?!\s+{_MONTH})(?:,?\s+(?P<y>1\d{{3}}|20\d\d)\b)?
    """,
    regex.VERBOSE,
)

_YEAR_RANGE = _lazyre.lazy_compile(
    r"""
    # 2012-2009, (1969-1895); an ISO date (2009-05-12) has two digits after the dash
    (?<![\d.,/\-])\b(?P<y1>1\d{3}|20\d\d)\s*(?:[\-\u2010-\u2015]|\bto\b)\s*(?P<y2>1\d{3}|20\d\d)\b(?![\d\-/])
    """,
    regex.VERBOSE,
)

#: A capitalised word and a comma just before a pair of years: a title and its subtitle years.
_TITLE_BEFORE = _lazyre.lazy_compile(r"\p{Lu}[\p{L}'’\-]*,\s*$")

_PERCENT = r"(?P<p>\d{1,4}(?:\.\d+)?)\s*(?:%|per\s*cent\b|percent\b)"


@cache
def _data() -> dict:
    return json.loads(resources.files("nlmg_facts.data").joinpath("values.json").read_text("utf-8"))


def _words(name: str) -> str:
    return "|".join(regex.escape(w).replace(r"\ ", r"\s+") for w in sorted(_data()[name], key=len, reverse=True))


@cache
def _share_pattern() -> regex.Pattern:
    nouns, wholes = _words("share_nouns"), _words("share_wholes")
    return _lazyre.compile(
        rf"""
        # a 120% share, 120% stake
        {_PERCENT}\s+(?:(?:market|vote|audience)\s+)?(?:{nouns})\b
        # 120% of the vote, 120% of the market
        | {_PERCENT}\s+of\s+(?:the|its|their|all)\s+(?:(?:popular|total|national|domestic)\s+)?(?:{wholes})\b
        # a share of 120%, market share of 120 per cent
        | \b(?:{nouns})\s+(?:of|was|reached|at)\s+(?:about\s+|nearly\s+|almost\s+|over\s+)?{_PERCENT}
        """,
        regex.VERBOSE | regex.IGNORECASE,
    )


def _body_sentences(ctx: RuleContext) -> Iterator[tuple[int, int, str]]:
    """(index, start offset, text) of each body sentence, markup blanked."""
    text = ctx.doc.analysis_text
    for s in ctx.doc.sentences:
        if s.section == "body":
            yield s.index, s.span.start, text[s.span.start:s.span.end]


def _month(text: str) -> int:
    return _MONTHS[text[:3].lower()]


def _preceded_by(sentence: str, at: int, words: str, reach: int = 3) -> bool:
    before = regex.findall(r"[\w.]+", sentence[:at].lower())[-reach:]
    return any(w in _data()[words] for w in before)


@rule("NLMG-D010", "impossible-date-in-prose", Severity.ERROR)
def impossible_date_in_prose(ctx: RuleContext) -> Iterator[Hit]:
    """A date in the prose that is not on the calendar (31 April, 30 February).

    **What it does**
    Scans the article's body for a day and month (with or without a year)
    that name no calendar day: 31 April, 30 or 31 February, 29 February of a
    year that is not a leap year. The extractor makes no claim of such a
    date, so without this rule it silently disappears; a valid leap day
    (29 February 2012) and the last day of a range across months ("30 April
    – 2 May 2009") are clean.

    **Why it matters**
    The date is certainly mistyped; no other rule can compare it, and a
    reader cannot tell which day was meant.

    **Example**
    Flagged:
        The film was released in Britain on 31 April 2009.
    Corrected:
        The film was released in Britain on 30 April 2009.
    """
    for index, offset, sentence in _body_sentences(ctx):
        seen: set[int] = set()
        for pattern in (_DAY_RANGE, _DAY_DATE):
            for m in pattern.finditer(sentence, overlapped=False):
                year = int(m["y"]) if m["y"] else None
                days = [m["d1"], m["d2"]] if "d1" in m.groupdict() else [m["d"]]
                for group, d in zip(("d1", "d2") if len(days) == 2 else ("d",), days):
                    start = m.start(group)
                    if start in seen:
                        continue
                    seen.add(start)
                    problem = calendar_problem(year, _month(m["m"]), int(d))
                    if problem is None:
                        continue
                    span = Span(start=offset + m.start(), end=offset + m.end())
                    yield Hit(
                        message=f"{m[0]!r} is impossible: {problem}",
                        hint="Correct the day from the source cited for it.",
                        evidence=[ctx.evidence(span, "claim")],
                        key=(m[0].casefold(),),
                    )


@rule("NLMG-D009", "range-written-backwards", Severity.ERROR)
def range_written_backwards(ctx: RuleContext) -> Iterator[Hit]:
    """A day or year range whose end comes before its start ("19–17 December", "2012–2009").

    **What it does**
    Scans the article's body for a range of days in one month ("19–17
    December 2010", "December 19–17, 2010") or of two four-digit years
    ("2012–2009", a lifespan "(1969–1895)") that runs backwards. Forward
    ranges ("1999–2000"), season notation ("1995–96", two digits: not read),
    ranges across months ("30 April – 2 May 2009"), scores or tallies
    ("won 2012–1998", "pp. 2012–1990") and years after a capitalised word
    and a comma, a title's subtitle ("Counting Down, 2040–2001"), are clean.

    **Why it matters**
    A range cannot end before it begins: one of its ends is mistyped, or the
    two were swapped, and every date compared with it is then unreliable.

    **Example**
    Flagged:
        Filming took place on 19–17 December 2010 in Norfolk.
    Corrected:
        Filming took place on 17–19 December 2010 in Norfolk.
    """
    for index, offset, sentence in _body_sentences(ctx):
        for m in _DAY_RANGE.finditer(sentence):
            d1, d2 = int(m["d1"]), int(m["d2"])
            if d1 <= d2 or d1 > 31:
                continue
            span = Span(start=offset + m.start(), end=offset + m.end())
            yield Hit(
                message=f"day range {m[0]!r} runs backwards ({d1} is after {d2})",
                hint="Swap or correct the days from the source cited for them.",
                evidence=[ctx.evidence(span, "claim")],
                key=("days", m[0].casefold()),
            )
        for m in _YEAR_RANGE.finditer(sentence):
            y1, y2 = int(m["y1"]), int(m["y2"])
            if y1 <= y2 or _preceded_by(sentence, m.start(), "score_words"):
                continue
            if _TITLE_BEFORE.search(sentence, 0, m.start()):
                continue  # a title's own years: the novel "Looking Back, 2000–1887"
            span = Span(start=offset + m.start(), end=offset + m.end())
            yield Hit(
                message=f"year range {m[0]!r} runs backwards ({y1} is after {y2})",
                hint="Swap or correct the years from the source cited for them.",
                evidence=[ctx.evidence(span, "claim")],
                key=("years", str(y1), str(y2)),
            )


@rule("NLMG-M010", "share-over-hundred-percent", Severity.ERROR)
def share_over_hundred_percent(ctx: RuleContext) -> Iterator[Hit]:
    """A share of a whole given as more than 100% ("a 120% share of the market").

    **What it does**
    Scans the article's body for a percentage stated as a share, stake or
    part of a whole ("a 120% share", "120% of the vote", "a market share of
    120 per cent") above 100. A change ("rose 120%", "up 120 per cent", "120%
    more than") is not a share and is clean.

    **Why it matters**
    No part is more than its whole: the figure is mistyped (12%?) or is a
    growth rate misread as a share.

    **Example**
    Flagged:
        The film took a 120% share of the weekend's market.
    Corrected:
        The film took a 12% share of the weekend's market.
    """
    for index, offset, sentence in _body_sentences(ctx):
        for m in _share_pattern().finditer(sentence):
            value = float(m["p"])
            if value <= 100 or _preceded_by(sentence, m.start(), "growth_words", reach=2):
                continue
            span = Span(start=offset + m.start(), end=offset + m.end())
            yield Hit(
                message=f"a share of {m['p']}% is more than its whole ({m[0]!r})",
                hint="Check the percentage against the source: a share is at most 100%.",
                evidence=[ctx.evidence(span, "claim")],
                key=(m["p"], m[0].casefold()),
            )
