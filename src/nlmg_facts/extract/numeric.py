"""Numeric quantities: money, percentages, ratings, durations and counts, in one pass each.

Counts are taken last and never where a money sum, percentage, rating or
duration already claimed the digits ("15 million dollars" is money, not a
count of dollars).
"""

from __future__ import annotations

from bisect import bisect_right
from typing import Iterator

from ..models import Document
from . import counts, durations, money, percentages, ratings
from .base import Mention


def _overlaps(spans: list[tuple[int, int]], starts: list[int], m: Mention) -> bool:
    i = bisect_right(starts, m.end - 1) - 1
    # Spans are sorted and mostly disjoint; a few steps back cover nested ones.
    for j in range(i, max(i - 4, -1), -1):
        s, e = spans[j]
        if s < m.end and m.start < e:
            return True
    return False


def extract(doc: Document) -> Iterator[Mention]:
    claimed: list[Mention] = []
    for module in (money, percentages, ratings, durations):
        claimed.extend(module.extract(doc))
    spans = sorted((m.start, m.end) for m in claimed)
    starts = [s for s, _ in spans]
    yield from claimed
    for m in counts.extract(doc):
        if not _overlaps(spans, starts, m):
            yield m
