"""Percentages: '45%', 'nearly 90 per cent', 'a 45 percent drop' -> PercentValue with direction.

Span: qualifier + number + percent sign or word. The direction comes from the
words around the span ("decreased by 45%", "a 117% increase", "up 8%") and is
None when the text states none ("71% approval").
"""

from __future__ import annotations

from functools import cache
from typing import Iterator

import regex

from .. import _lazyre
from ..models import Document, PercentValue
from .base import Mention
from .quantity import (
    anchored_matches,
    DIGITS_RE, WORDS_AMOUNT_RE, half_step, interval, load_data,
    joined_to_number, qualifier_before, range_interval, range_low_before, words_alternation,
    words_value,
)

PRIORITY = 30


@cache
def _pattern() -> regex.Pattern[str]:
    return _lazyre.compile(
        rf"""
        (?<![\w%.,/=&?])(?<![^\d]-|^-)          # not inside a word, number, URL escape or query
        (?:
            # 1. number then sign or word: 45%, 45 %, 90 per cent, twenty percent, 45-percent
            (?P<sign>minus\s+|negative\s+|-|−)?
            (?:(?P<num>{DIGITS_RE})|(?P<words>{WORDS_AMOUNT_RE}))
            (?:
                \s?%(?![0-9A-Fa-f]{{2}})        # "%28" is a URL escape, not a percentage
              | [\s\-](?:per[\s\-]?cent|percent(?:age)?s?)\b
            )
          |
            # 2. "per cent of twenty-two": the percent word first (rare, list-like text)
            (?<![\d\w]\s)(?:percents?|per\s+cent)\s+of\s+(?:(?P<num>{DIGITS_RE})(?![\d.,]\d)|(?P<words>{WORDS_AMOUNT_RE}))\b
        )
        """,
        regex.VERBOSE | regex.IGNORECASE,
    )


@cache
def _direction_patterns() -> tuple[regex.Pattern[str], regex.Pattern[str], dict[str, str]]:
    table = load_data("quantities.json")["percent_direction"]
    word_dir: dict[str, str] = {}
    before_words: list[str] = []
    after_words: list[str] = []
    for direction, words in table["before"].items():
        before_words += words
        word_dir.update({w: direction for w in words})
    for direction, words in table["after"].items():
        after_words += words
        word_dir.update({f"after:{w}": direction for w in words})
    # Verb (optionally "by") right before the span: "decreased by", "fell", "up".
    before = _lazyre.compile(
        rf"\b(?P<w>{words_alternation(before_words)})\s+(?:by\s+)?$"
        # Noun then "of" right before: "an increase of 45%".
        rf"|\b(?P<n>{words_alternation(after_words)})\s+of\s+$",
        regex.IGNORECASE,
    )
    after = _lazyre.compile(
        rf"^[\s\-]*(?:(?:box[\s\-]office|revenue|sales|year[\s\-]on[\s\-]year|annual|overall)\s+)?"
        rf"(?P<n>{words_alternation(after_words)})s?\b",
        regex.IGNORECASE,
    )
    return before, after, word_dir


@cache
def _up_verbs() -> frozenset[str]:
    return frozenset(load_data("quantities.json")["percent_direction"].get("up_phrasal", ()))


def _phrasal_up(before: str) -> bool:
    words = before.split()
    return bool(words) and words[-1].lower() in _up_verbs()


def direction(text: str, start: int, end: int) -> str | None:
    """'increase' / 'decrease' from the words just before or after a percentage span."""
    before, after, word_dir = _direction_patterns()
    window = text[max(0, start - 40) : start]
    m = before.search(window)
    if m:
        if m.group("w"):
            word = m.group("w").lower()
            if word == "up" and _phrasal_up(window[: m.start("w")]):
                return None  # "makes up 60%": a share, not a rise
            return word_dir.get(word)
        return word_dir.get("after:" + m.group("n").lower())
    m = after.match(text[end : end + 40])
    if m:
        return word_dir.get("after:" + m.group("n").lower())
    return None


def _range_low(m: regex.Match[str], text: str, stated: float) -> tuple[float, float, int] | None | bool:
    """(stated, half_step, start) of a range's lower end ("10–15%", "between 10 and 15 per cent").

    False when a number and a dash come before but make no range ("2009–10%"):
    the match is then not read as a percentage of its second half.
    """
    found = range_low_before(text, m.start())
    if m.group("sign"):
        return None
    if found is None:
        return False if joined_to_number(text, m.start()) else None
    digits, words, start = found
    if digits is not None:
        low, slack = float(digits.replace(",", "")), half_step(digits, percent=True)
    else:
        wv = words_value(words or "")
        if wv is None:
            return False
        low, slack = wv[0], 0.5
    return (low, slack, start) if low < stated else False


def parse(
    m: regex.Match[str], text: str, qual: tuple[str, int] | None = None
) -> tuple[PercentValue, int] | None:
    """(value, start) of a percentage match; start moves back over a range's lower end."""
    if m.group("num"):
        numeral = m.group("num")
        stated = float(numeral.replace(",", ""))
        slack = half_step(numeral, percent=True)
    else:
        wv = words_value(m.group("words"))
        if wv is None:
            return None
        stated, _ = wv
        slack = 0.5
    if m.group("sign"):
        stated = -stated
    lower_end = _range_low(m, text, stated)
    if lower_end is False:
        return None
    start = m.start()
    if lower_end:
        start = lower_end[2]
        qual = qualifier_before(text, start)
    cls = qual[0] if qual else None
    if lower_end:
        low, high = range_interval(lower_end[:2], (stated, slack), cls)
        stated = lower_end[0]
    else:
        low, high = interval(stated, slack, cls)
    start = qual[1] if qual else start
    value = PercentValue(
        stated=stated, low=low, high=high, qualifier=cls, direction=direction(text, start, m.end()),
    )
    return value, start


def find(text: str, start: int = 0, end: int | None = None) -> Iterator[Mention]:
    last = start
    pending: Mention | None = None  # held back: a range "10%–15%" may swallow its "10%"
    for m in anchored_matches(text, start, end, _pattern()):
        if m.start() < last:
            continue
        qual = qualifier_before(text, m.start())
        parsed = parse(m, text, qual)
        if parsed is not None:
            mention = Mention("percentage", parsed[1], m.end(), parsed[0], PRIORITY)
            if pending is not None and pending.end > mention.start:
                pending = None
            if pending is not None:
                yield pending
            pending = mention
            last = m.end()
    if pending is not None:
        yield pending


def extract(doc: Document) -> Iterator[Mention]:
    yield from find(doc.text, doc.body.start, doc.body.end)
