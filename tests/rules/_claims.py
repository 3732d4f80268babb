"""Hand-built claims over a real ingested Document, for rule unit tests.

Rules are tested on claims we construct (not on extractor output) so a rule's
tests fail only when the rule is wrong.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, field

from nlmg_facts.ingest import ingest
from nlmg_facts.models import Attribute, Span
from nlmg_facts.models.claims import (
    CountClaim,
    CountValue,
    DateClaim,
    DateValue,
    EditionClaim,
    EditionValue,
    MoneyClaim,
    MoneyValue,
    PercentageClaim,
    PercentValue,
    RankingClaim,
    RankingValue,
)
from nlmg_facts.rules.context import RuleContext


@dataclass
class Article:
    """Text plus claims placed on the n-th occurrence of a surface string."""

    text: str
    claims: list = field(default_factory=list)
    calendar: object = None

    def __post_init__(self) -> None:
        self.doc = ingest(self.text, "test.txt")

    def _locate(self, surface: str, nth: int) -> tuple[Span, int]:
        start = -1
        for _ in range(nth + 1):
            start = self.text.index(surface, start + 1)
        span = Span(start=start, end=start + len(surface))
        sentence = self.doc.sentence_at(start)
        assert sentence is not None, surface
        return span, sentence.index

    def _add(self, cls, kind, surface, value, nth, event, subject, quals):
        span, sentence = self._locate(surface, nth)
        attribute = Attribute(subject=subject, event=event, qualifiers=quals)
        claim = cls(id=f"{kind}@{span.start}", text=surface, span=span, sentence=sentence,
                    attribute=attribute, value=value)
        self.claims.append(claim)
        return claim

    # ------------------------------------------------------------ claim kinds
    def date(self, surface, start, end=None, precision="day", *, nth=0, event="unknown",
             subject="this-work", **quals):
        start = dt.date.fromisoformat(start)
        end = dt.date.fromisoformat(end) if end else start
        iso = start.isoformat() if precision == "day" else start.isoformat()[: 7 if precision == "month" else 4]
        value = DateValue(start=start, end=end, precision=precision, iso=iso, is_range=False)
        return self._add(DateClaim, "date", surface, value, nth, event, subject, quals)

    def money(self, surface, stated, low=None, high=None, qualifier=None, currency="USD", *, nth=0,
              event="unknown", subject="this-work", **quals):
        value = MoneyValue(stated=stated, low=stated if low is None else low,
                           high=stated if high is None else high, qualifier=qualifier, currency=currency)
        return self._add(MoneyClaim, "money", surface, value, nth, event, subject, quals)

    def count(self, surface, stated, low=None, high=None, noun=None, qualifier=None, *, nth=0,
              event="unknown", subject="this-work", **quals):
        value = CountValue(stated=stated, low=stated if low is None else low,
                           high=stated if high is None else high, noun=noun, qualifier=qualifier)
        return self._add(CountClaim, "count", surface, value, nth, event, subject, quals)

    def percent(self, surface, stated, low=None, high=None, direction=None, qualifier=None, *, nth=0,
                event="unknown", subject="this-work", **quals):
        value = PercentValue(stated=stated, low=stated if low is None else low,
                             high=stated if high is None else high, direction=direction, qualifier=qualifier)
        return self._add(PercentageClaim, "percentage", surface, value, nth, event, subject, quals)

    def ranking(self, surface, rank, category=None, *, nth=0, event="unknown", subject="this-work", **quals):
        value = RankingValue(rank=rank, category=category)
        return self._add(RankingClaim, "ranking", surface, value, nth, event, subject, quals)

    def edition(self, surface, number, event_name, *, nth=0, event="unknown", subject="this-work", **quals):
        value = EditionValue(number=number, event=event_name, event_text=surface)
        return self._add(EditionClaim, "edition", surface, value, nth, event, subject, quals)

    # ------------------------------------------------------------------ run
    def context(self) -> RuleContext:
        claims = sorted(self.claims, key=lambda c: c.span.start)
        return RuleContext(doc=self.doc, claims=claims, calendar=self.calendar)

    def run(self, func) -> list:
        return list(func(self.context()))


INF = math.inf
