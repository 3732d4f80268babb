"""Durations: 'two-week', 'a four-month period', 'a few weeks', '90 minutes' -> DurationValue.

Only an explicit amount with a unit counts ("a week", "the following weeks"
do not). Left to other kinds: ages ("12-year-olds", "22 years old") and
relative dates ("three years ago", "Seven years later"). Decades and
centuries are stated in years, fortnights in weeks; a qualifier widens the
interval as for money ("beyond 100 years" -> 100..115 years).
"""

from __future__ import annotations

from functools import cache
from typing import Iterator

import regex

from .. import _lazyre
from ..models import Document, DurationValue
from .base import Mention
from .quantity import (
    anchored_matches,
    DIGITS_RE, VAGUE_RE, interval, load_data, norm_space, qualifier_before,
    joined_to_number, range_low_before, vague_range, words_alternation,
)
from .numbers import CARDINAL_WORD_RE, parse_cardinal_words

PRIORITY = 20

#: Words before "one month" that make it a length of time ("after one month of release").
_ONE_CONTEXT = _lazyre.lazy_compile(
    r"\b(?:for|after|within|lasted|lasting|lasts|last|spent|spend|took|take|takes|over|of|in|only|just|"
    r"nearly|about|around|almost|under|than|least|than|first|final|last)\s+$",
    regex.IGNORECASE,
)


@cache
def _units() -> tuple[dict[str, tuple[str, float]], list[str]]:
    data = load_data("quantities.json")
    unit_of: dict[str, tuple[str, float]] = {}
    for unit, words in data["duration_units"].items():
        unit_of.update({w: (unit, 1.0) for w in words})
    for word, (unit, factor) in data["duration_multiples"].items():
        unit_of[word] = (unit, float(factor))
    return unit_of, data["relative_after_duration"]


@cache
def _pattern() -> regex.Pattern[str]:
    unit_of, relative = _units()
    units = words_alternation(list(unit_of))
    return _lazyre.compile(
        rf"""
        (?<![\w$£€.,/])(?<![^\d]-|^-)        # "20-week" only after a number ("16-20 weeks")
        (?:
            (?P<vague>{VAGUE_RE})                    # a few, several, a couple of
          | (?P<num>{DIGITS_RE})(?P<half>\s*½|\s+and\s+a\s+half)?
          | (?P<words>{CARDINAL_WORD_RE})(?P<half>\s+and\s+a\s+half)?
        )
        (?P<sep>\s+|-)(?-i:(?P<unit>{units}))\b
        (?!-olds?\b|-old\b)                          # 12-year-olds: an age
        (?!\s+(?:{words_alternation(relative)})\b)   # three years ago: a relative date
        """,
        regex.VERBOSE | regex.IGNORECASE,
    )


def _value(m: regex.Match[str], text: str, qual: str | None) -> DurationValue | None:
    unit_of, _ = _units()
    unit, factor = unit_of[m.group("unit").lower()]
    if m.group("vague"):
        rng = vague_range(m.group("vague"))
        if rng is None:
            return None
        low, high = rng[0] * factor, rng[1] * factor
        stated = norm_space(m.group("vague"))
        if qual is not None:
            low, high = interval(low, 0.0, qual)[0], interval(high, 0.0, qual)[1]
        return DurationValue(unit=unit, low=low, high=high, stated=stated)
    if m.group("num"):
        amount = float(m.group("num").replace(",", ""))
        stated = m.group("num")
    else:
        n = parse_cardinal_words(m.group("words"))
        if n is None:
            return None
        amount, stated = float(n), norm_space(m.group("words"))
        if n == 1 and not qual and not _ONE_CONTEXT.search(text[max(0, m.start() - 20) : m.start()]):
            return None  # "One day, ..." is not a length of time
    if m.group("half"):
        amount += 0.5
        stated += "½" if "½" in m.group("half") else " and a half"  # as written: "2½", not "2"
    if m.group("sep") == "-" and m.group("unit").lower().endswith("s"):
        return None  # "two-weeks" is not English; likely a compound we misread
    low, high = interval(amount * factor, 0.0, qual)
    return DurationValue(unit=unit, low=low, high=high, stated=stated)


def _with_range(
    m: regex.Match[str], text: str, value: DurationValue
) -> tuple[DurationValue, int] | None:
    """The value widened to a range's lower end before it ("two to three weeks"), and its start.

    None when a number and a dash come before but make no range ("2009-10 years").
    """
    found = range_low_before(text, m.start(), to_ok=True)
    if m.group("vague"):
        return value, m.start()
    if found is None:
        return None if joined_to_number(text, m.start()) else (value, m.start())
    digits, words, start = found
    n = float(digits.replace(",", "")) if digits is not None else parse_cardinal_words(words or "")
    _, factor = _units()[0][m.group("unit").lower()]
    if n is None or n * factor >= value.low:
        return None
    low = n * factor
    return value.model_copy(update={"low": low, "stated": f"{text[start:m.start()]}{value.stated}"}), start


def find(text: str, start: int = 0, end: int | None = None) -> Iterator[Mention]:
    last = start
    for m in anchored_matches(text, start, end, _pattern()):
        if m.start() < last:
            continue
        qual = qualifier_before(text, m.start())
        value = _value(m, text, qual[0] if qual else None)
        ranged = None if value is None else _with_range(m, text, value)
        if ranged is not None:
            value, begin = ranged
            if begin != m.start():
                qual = qualifier_before(text, begin)
                if qual is not None:
                    low = interval(value.low, 0.0, qual[0])[0]
                    high = interval(value.high, 0.0, qual[0])[1]
                    value = value.model_copy(update={"low": low, "high": high})
            yield Mention("duration", qual[1] if qual else begin, m.end(), value, PRIORITY)
            last = m.end()


def extract(doc: Document) -> Iterator[Mention]:
    yield from find(doc.text, doc.body.start, doc.body.end)
