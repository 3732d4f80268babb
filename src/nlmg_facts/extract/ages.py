"""Stated ages: "at the age of 45", "aged 73", "died at 84", "at age 12".

An age is a claim of its own kind (``AgeClaim``, whole years); the
stated-age rule (NLMG-D008) checks it against the person's birth date and
the date of the event it is stated for.
"""

from __future__ import annotations

import functools
from typing import Iterator

import regex

from .. import _lazyre
from ..models import Document
from ..models.claims import AgeValue
from .base import Mention
from .numbers import parse_cardinal_words


@functools.cache
def _pattern() -> regex.Pattern[str]:
    # Compiled on first use, never at import (start-up time).
    number = r"(?P<n>\d{1,3}|[a-z]+(?:-[a-z]+)?)"
    return _lazyre.compile(
        rf"""
        \b(?:
            at\s+(?:the\s+)?age\s+(?:of\s+)?{number}
          | aged\s+{number}
          | (?:died|dies|death)\s+at\s+(?P<n>\d{{1,3}}|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-[a-z]+)?)
          | (?<=\b(?:was|is|aged|then|only|just|turned|turning|a|an|the)\s+){number}[\s\-]years?[\s\-]old(?![\s\-]+(?:building|house|tree|company|firm|club|record|tradition))
        )\b
        (?!\s*(?:%|[ap]\.?m\b\.?|o['’]clock|per\s*cent|percent|years?\s+(?:later|after|before|earlier)|-year|minutes?|hours?|days?|weeks?|months?|kg|km|m\b))
        """,
        regex.VERBOSE | regex.IGNORECASE,
    )


def _years(text: str) -> int | None:
    if text.isdigit():
        return int(text)
    return parse_cardinal_words(text)


def extract(doc: Document) -> Iterator[Mention]:
    text = doc.text
    for s in doc.sentences:
        if s.section != "body":
            continue
        low = text[s.span.start : s.span.end].lower()
        if "age" not in low and " at " not in low and "old" not in low:
            continue  # most sentences state no age: skip the pattern (it is costly per position)
        for m in _pattern().finditer(text, s.span.start, s.span.end):
            years = _years(m.group("n"))
            if years is None or not 0 < years < 125:
                continue
            yield Mention("age", m.start(), m.end("n"), AgeValue(years=years), priority=2)
