"""Extraction: Document -> typed claims (every extractor, overlaps resolved, attributes)."""

from __future__ import annotations

import functools
import gc
from contextlib import contextmanager
from typing import Iterable, Iterator

from pydantic import TypeAdapter

from ..models import CLAIM_KINDS, Attribute, Claim, Document
from .base import Extractor, Mention, claim_id


@functools.cache
def _claim_adapter() -> TypeAdapter[Claim]:
    # Built on first use, not at import (start-up time).
    return TypeAdapter(Claim)


_ALL_KINDS = frozenset(CLAIM_KINDS)


def _extractors() -> list[Extractor]:
    # Imported lazily so a slow or broken extractor module shows up where used.
    from . import ages, dates, editions, numeric, rankings

    return [dates.extract, editions.extract, rankings.extract, numeric.extract, ages.extract]


#: Kept mentions are filed in blocks of this many characters for overlap queries.
_BLOCK = 64


def resolve_overlaps(mentions: Iterable[Mention]) -> list[Mention]:
    """Keep the best of overlapping mentions: longer span, then higher priority.

    Mentions are taken best first; one is dropped when it overlaps a kept
    mention that it may not coexist with. Kept mentions are filed by the block
    of text they start in, and a kept mention can overlap a new one only if it
    starts at most the longest mention's length before it: each query reads a
    few blocks, so the pass is linear in the number of mentions (no sorted
    list to insert into, which is quadratic on a megabyte of numbers).
    """
    ranked = sorted(mentions, key=lambda m: (-(m.end - m.start), -m.priority, m.start))
    if not ranked:
        return []
    longest = ranked[0].end - ranked[0].start
    kept: list[Mention] = []
    blocks: dict[int, list[Mention]] = {}
    for m in ranked:
        clash = False
        first = max(0, m.start - longest) // _BLOCK
        last = max(m.start, m.end - 1) // _BLOCK
        for b in range(first, last + 1):
            for k in blocks.get(b, ()):
                if k.start < m.end and k.end > m.start and (
                    m.kind not in k.coexists_with and k.kind not in m.coexists_with
                ):
                    clash = True
                    break
            if clash:
                break
        if clash:
            continue
        kept.append(m)
        blocks.setdefault(m.start // _BLOCK, []).append(m)
    kept.sort(key=lambda m: (m.start, m.end, m.kind))
    return kept


@contextmanager
def paused_gc() -> Iterator[None]:
    """The cyclic garbage collector off for a block, then back as it was.

    Analysing a document allocates hundreds of thousands of small objects
    (matches, mentions, cues, models) and creates no reference cycles, so the
    collector's passes over the growing heap are pure overhead: a quarter of
    the extraction time on a 2 MB input, and the part that grows faster than
    the input. Reference counting still frees everything as usual.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def extract_document(doc: Document) -> list[Claim]:
    """All claims of a document, in text order, with sentences and attributes."""
    with paused_gc():
        return _extract_document(doc)


def _extract_document(doc: Document) -> list[Claim]:
    from .attributes import forget

    view = doc.analysis_view()
    try:
        return _claims(doc, view)
    finally:
        forget(view)


def _claims(doc: Document, view: Document) -> list[Claim]:
    from .attributes import attribute_for
    from .lifespans import split_lifespans

    # Marked-up input (wikitext, Markdown): extractors read the text with its
    # markup blanked, same offsets; a mention overlapping markup is dropped so a
    # claim's text is always doc.text[span]. Plain text: ``view is doc``.
    mentions: list[Mention] = []
    for extractor in _extractors():
        mentions.extend(m for m in extractor(view) if not doc.overlaps_markup(m.start, m.end))
    # Values stated by templates in the prose ({{birth date|...}}, {{convert|...}}): typed
    # from their parameters by the reader; the markup they are is masked, so no extractor saw them.
    events: dict[int, str] = {}
    for v in doc.stated:
        if v.source == "template":
            # (a template may state two values, the second within the first's span: both kept)
            mentions.append(Mention(v.kind, v.span.start, v.span.end, v.value, priority=10, coexists_with=_ALL_KINDS))
            if v.event:
                events[v.span.start] = v.event
    claims: list[Claim] = []
    kept, forced = split_lifespans(view, resolve_overlaps(mentions))
    for m in kept:
        sentence = doc.sentence_at(m.start)
        if sentence is None or sentence.section != "body":
            continue
        known = forced.get((m.start, m.end))
        # A template's own event ({{birth date|...}}) is known; a lifespan's birth or death too.
        event = events.get(m.start) or (known.event if known else None)
        attribute = attribute_for(
            view, sentence, m, event=event, named_before=known.named_before if known else None,
        )
        value = m.value
        if m.kind == "percentage" and getattr(value, "qualifier", None) is None and attribute.event in _exact_shares():
            # "the threshold is 4%": a figure set by rule, not a rounded one (4% is not 4.4%)
            value = value.model_copy(update={"low": value.stated, "high": value.stated})
        claims.append(_claim(doc, m.kind, m.start, m.end, sentence.index, value, attribute))
    infobox = _infobox_claims(doc)
    if infobox:
        claims = sorted(claims + infobox, key=lambda c: (c.span.start, c.span.end, c.kind))
    return claims


@functools.cache
def _exact_shares() -> frozenset[str]:
    """Events of percentages stated exactly (``percent_nouns`` marked ``exact`` in triggers.json)."""
    from .attributes import lexicon

    return frozenset(s["event"] for s in lexicon().data["percent_nouns"].values() if s.get("exact"))


def _claim(doc: Document, kind: str, start: int, end: int, sentence: int, value, attribute) -> Claim:
    return _claim_adapter().validate_python(
        {
            "kind": kind,
            "id": claim_id(kind, start),
            "text": doc.text[start:end],
            "span": {"start": start, "end": end},
            "sentence": sentence,
            "value": value,
            "attribute": attribute,
        }
    )


def _infobox_claims(doc: Document) -> list[Claim]:
    """Infobox fields: claims about the article's subject, keyed by the data file's event."""
    out = []
    for v in doc.stated:
        if v.source != "infobox" or v.sentence is None or not v.event:
            continue
        attribute = Attribute(event=v.event, qualifiers=v.qualifiers)
        out.append(_claim(doc, v.kind, v.span.start, v.span.end, v.sentence, v.value, attribute))
    return out


def extract_claims(text: str) -> list[Claim]:
    """Public API: claims of a plain-text article."""
    from ..ingest import ingest

    return extract_document(ingest(text))
