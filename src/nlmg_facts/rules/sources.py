"""A claim against the citation it links to: its "as of" date, the figures in its title (NLMG-L003, L002)."""

from __future__ import annotations

from functools import cache
from typing import Iterator

import regex

from .. import _lazyre
from ..extract import counts, money
from ..models import Severity
from ..models.citations import Citation
from ..models.claims import Claim, CountClaim, DateClaim, CountValue, MoneyClaim, MoneyValue
from .citations import _citations, _grounded, _linked, _published
from .context import RuleContext
from .registry import Hit, rule
from .values import _data

#: A source dated more than this after an "as of" date no longer states the value as of then.
AS_OF_LATE_DAYS = 365


@cache
def _as_of_before() -> regex.Pattern:
    alt = "|".join(regex.escape(w).replace(r"\ ", r"\s+") for w in _data()["as_of_words"])
    return _lazyre.compile(rf"\b(?:{alt})\s+(?:the\s+end\s+of\s+|early\s+|late\s+|mid-?)?$", regex.IGNORECASE)


@rule("NLMG-L003", "source-long-after-as-of", Severity.WARNING)
def source_long_after_as_of(ctx: RuleContext) -> Iterator[Hit]:
    """A value stated "as of" a date, citing a source published more than a year later.

    **What it does**
    For each date claim preceded by "as of" (or "as at"; the words are in
    data/values.json) whose sentence is linked to a citation with a
    publication date, flags the claim when the source was published more
    than a year after the end of that date. A source from the same year, or
    an archived copy of an older page, is the normal case and is clean.

    **Why it matters**
    "As of March 2009" says what the figure was then; a source written years
    later either gives a later figure (the sentence is out of date) or
    reports the old one second-hand, and the "as of" date or the source is
    then wrong.

    **Example**
    Flagged:
        As of March 2009, the film had grossed $5 million.
        Ward, Ann (4 June 2011). "Lumen passes $5 million". Western Post.
    Corrected:
        As of June 2011, the film had grossed $5 million.
        Ward, Ann (4 June 2011). "Lumen passes $5 million". Western Post.
    """
    by_id = {c.id: c for c in _citations(ctx)}
    claims = ctx.claims_by_id
    text = ctx.doc.analysis_text
    for cid, links in _linked(ctx).items():
        c = by_id.get(cid)
        pub = _published(c) if c is not None else None
        if c is None or c.date is None or pub is None or pub.start is None:
            continue
        for link in links:
            claim = claims.get(link.claim)
            if not isinstance(claim, DateClaim) or not claim.value.resolved or claim.value.end is None:
                continue
            sentence = ctx.doc.sentences[claim.sentence].span
            if not _grounded(link) or not _as_of_before().search(text, sentence.start, claim.span.start):
                continue
            days = (pub.start - claim.value.end).days
            if days <= AS_OF_LATE_DAYS:
                continue
            yield Hit(
                message=f"a value as of {claim.text!r} cites {c.id}, dated {c.date.text}, {days} days later",
                hint="Update the value and its 'as of' date from the source, or cite a source of that date.",
                evidence=[ctx.claim_evidence(claim), ctx.evidence(c.date.span, "citation date")],
                claims=[claim.id],
                citations=[c.id],
                key=(claim.value.iso, pub.iso, cid),
            )


def _phrases(phrases: list[str]) -> regex.Pattern:
    alts = [r"(?:s|es|d|ed|ing)?".join(regex.escape(part).replace(r"\ ", r"[\s\-]+") for part in p.split("~"))
            for p in phrases]
    return _lazyre.compile(rf"\b(?:{'|'.join(sorted(alts, key=lambda w: (-len(w), w)))})\b", regex.IGNORECASE)


@cache
def _event_patterns() -> dict[str, regex.Pattern]:
    return {event: _phrases(phrases) for event, phrases in _data()["title_figure_events"].items()}


@cache
def _count_change() -> regex.Pattern:
    return _phrases(_data()["count_change_words"])


def _overlaps(a, b) -> bool:
    return a.low <= b.high and b.low <= a.high


def _same_measure(claim: Claim, value) -> bool:
    if isinstance(claim, MoneyClaim) and isinstance(value, MoneyValue):
        return claim.value.currency == value.currency
    if isinstance(claim, CountClaim) and isinstance(value, CountValue):
        return claim.value.noun is not None and claim.value.noun == value.noun
    return False


def title_figure_hits(ctx: RuleContext, c: Citation, linked: list[Claim]) -> Iterator[Hit]:
    """L002's money and counts: a figure in the title that no linked claim of its measure agrees with.

    Money is compared only with claims of the measure the title names (its
    verb: "grosses", "costs"; data/values.json), counts only with claims of
    the same counted noun; figures are intervals with their stated precision
    ("$5 million" agrees with "$5.2 million").
    """
    assert c.title is not None
    title = c.title.text
    named = {e for e, p in _event_patterns().items() if p.search(title)}
    mentions = [*money.find(title), *counts.find(title)]
    for mention in mentions:
        value = mention.value
        same = [x for x in linked if _same_measure(x, value)]
        if isinstance(value, MoneyValue):
            same = [x for x in same if x.attribute.event in named]
        elif sum(1 for m in mentions if _same_measure_values(m.value, value)) > 1:
            continue  # "opens in 250 theatres, 400 next week": which count is whose
        else:  # "expanded to 300 cinemas" is a later count than the title's opening one
            same = [x for x in same if not _count_change().search(ctx.sentence_text(x.sentence))]
        if not same or any(_overlaps(x.value, value) for x in same):
            continue
        claim = same[0]
        surface = title[mention.start:mention.end]
        yield Hit(
            message=f"{claim.text!r} contradicts the {surface!r} in the title of its source {c.id} ({title!r})",
            hint="Check the figure against the cited source, or cite the source that gives it.",
            evidence=[ctx.claim_evidence(claim), ctx.evidence(c.title.span, "citation title")],
            claims=[claim.id],
            citations=[c.id],
            key=(f"{claim.value.stated:g}", f"{value.stated:g}", c.id),
        )


def _same_measure_values(a, b) -> bool:
    return type(a) is type(b) and getattr(a, "noun", None) == getattr(b, "noun", None)
