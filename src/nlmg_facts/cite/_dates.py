"""Citation dates through the extraction date parser (one parser for the whole project, plain days fast)."""

from __future__ import annotations

import datetime as dt

import regex

from .. import _lazyre
from ..extract.dates import date_problem, find_dates, parse_date
from ..models import DateValue, Span
from ..models.citations import CitedDate

_WORD_MAYBE_ABBREVIATED = _lazyre.lazy_compile(r"\p{L}+\.?")

# Shape only (not a parser): does a string look like a stated calendar date?
# Used to tell "(30 February 2010)" (an impossible date) from "(website)" when
# the parser rejects it.
_DATE_SHAPE = _lazyre.lazy_compile(
    r"""
    ^\s*(?:
        \d{1,2}(?:st|nd|rd|th)?\s+\p{L}{3,9}\.?,?\s+\d{1,4}   # 30 February 2010
      | \p{L}{3,9}\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{1,4}   # February 30, 2010
      | \d{4}-\d{1,2}-\d{1,2}                                 # 2010-02-30
      | \p{L}{3,9}\s+\d{4}                                    # February 2010
      | \d{4}                                                 # 2010, 0000
    )\s*$
    """,
    regex.VERBOSE,
)
_MONTHS = frozenset(
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec".split()
)


# The day-precision shapes nearly every citation uses, read without the full
# parser (which they would reach with the same result; tests/cite/test_dates.py
# checks that). Anything else, or an impossible day, goes to the full parser.
_PLAIN_DAY = _lazyre.lazy_compile(
    r"""
    (?P<d>\d{1,2})\s(?P<m>\p{L}{3,9})\s(?P<y>\d{4})        # 8 October 2010
  | (?P<m>\p{L}{3,9})\s(?P<d>\d{1,2}),\s(?P<y>\d{4})       # October 8, 2010
  | (?P<y>\d{4})-(?P<mn>\d{2})-(?P<d>\d{2})                # 2010-10-08
    """,
    regex.VERBOSE,
)
_MONTH_OF = {
    name: i + 1
    for i, name in enumerate(
        "january february march april may june july august september october november december".split()
    )
}


def _plain_day(text: str) -> DateValue | None:
    """A plain full date ("8 October 2010", "October 8, 2010", "2010-10-08"), else None."""
    m = _PLAIN_DAY.fullmatch(text)
    if m is None:
        return None
    month = int(m["mn"]) if m["mn"] else _MONTH_OF.get(m["m"].lower())
    if month is None:
        return None
    try:
        day = dt.date(int(m["y"]), month, int(m["d"]))
    except ValueError:
        return None  # 30 February, year 0: the full parser says why
    if day.year < 1:
        return None
    return DateValue(start=day, end=day, precision="day", iso=day.isoformat(), is_range=False, year_source="stated")


def _words_are_months(text: str) -> bool:
    words = [w.lower().rstrip(".,") for w in _WORD_MAYBE_ABBREVIATED.findall(text)]
    return all(w.rstrip(".") in _MONTHS or w in {"st", "nd", "rd", "th"} for w in words)


def looks_like_date(text: str) -> bool:
    """True when ``text`` has the shape of a date (month names checked), parseable or not."""
    return bool(_DATE_SHAPE.match(text)) and _words_are_months(text)


def parse(text: str) -> DateValue | None:
    """The interval of a whole date string (``extract.dates.parse_date``)."""
    return parse_date(text.strip())


class DateMemo:
    """Date strings already read in one back matter: entries repeat their access dates."""

    __slots__ = ("_seen",)

    def __init__(self) -> None:
        self._seen: dict[str, tuple[DateValue | None, str | None] | None] = {}

    def read(self, stripped: str) -> tuple[DateValue | None, str | None] | None:
        """(value, problem) for a stripped date string; None when it is not a date at all."""
        if stripped in self._seen:
            return self._seen[stripped]
        out: tuple[DateValue | None, str | None] | None = None
        if stripped and len(stripped) <= 40 and any(ch.isdigit() for ch in stripped):
            # Every stated date has a digit; most pieces are not dates.
            value = _plain_day(stripped) or parse(stripped)
            if value is not None:
                out = (value, None)
            else:
                problem = date_problem(stripped)
                if problem is None and looks_like_date(stripped):
                    problem = f"{stripped} is not a calendar date"  # year 0000 and the like
                if problem is not None:
                    out = (None, problem)
        self._seen[stripped] = out
        return out

    def is_date(self, text: str) -> bool:
        return self.read(text.strip()) is not None

    def cited(self, text: str, start: int) -> CitedDate | None:
        """A ``CitedDate`` for ``text`` found at absolute offset ``start``; None if not a date."""
        stripped = text.strip()
        found = self.read(stripped)
        if found is None:
            return None
        lead = len(text) - len(text.lstrip())
        span = Span(start=start + lead, end=start + lead + len(stripped))
        value, problem = found
        if value is not None:
            return CitedDate(text=stripped, span=span, value=value, valid=True)
        # Date-shaped but impossible (30 February, year 0000): kept, marked invalid.
        return CitedDate(text=stripped, span=span, value=None, valid=False, problem=problem)


def cited_date(text: str, start: int) -> CitedDate | None:
    """A ``CitedDate`` for ``text`` found at absolute offset ``start``; None if not a date."""
    return DateMemo().cited(text, start)


def find(text: str, start: int, end: int) -> list[tuple[int, int, DateValue]]:
    """Dates stated in ``text[start:end]`` (``extract.dates.find_dates``)."""
    return find_dates(text, start, end)
