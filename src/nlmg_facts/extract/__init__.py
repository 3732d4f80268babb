"""Extraction: Document -> typed claims (every extractor, overlaps resolved, attributes)."""

from __future__ import annotations

import functools
import gc
from contextlib import contextmanager
from typing import Iterable, Iterator

from pydantic import TypeAdapter

from ..models import Claim, Document
from .base import Extractor, Mention, claim_id


@functools.cache
def _claim_adapter() -> TypeAdapter[Claim]:
    # Built on first use, not at import (start-up time).
    return TypeAdapter(Claim)


def _extractors() -> list[Extractor]:
    # Imported lazily so a slow or broken extractor module shows up where used.
    from . import dates, editions, numeric, rankings

    return [dates.extract, editions.extract, rankings.extract, numeric.extract]


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

    # Marked-up input (wikitext, Markdown): extractors read the text with its
    # markup blanked, same offsets; a mention overlapping markup is dropped so a
    # claim's text is always doc.text[span]. Plain text: ``view is doc``.
    mentions: list[Mention] = []
    for extractor in _extractors():
        mentions.extend(m for m in extractor(view) if not doc.overlaps_markup(m.start, m.end))
    claims: list[Claim] = []
    validate = _claim_adapter().validate_python
    for m in resolve_overlaps(mentions):
        sentence = doc.sentence_at(m.start)
        if sentence is None or sentence.section != "body":
            continue
        claims.append(
            validate(
                {
                    "kind": m.kind,
                    "id": claim_id(m.kind, m.start),
                    "text": doc.text[m.start : m.end],
                    "span": {"start": m.start, "end": m.end},
                    "sentence": sentence.index,
                    "value": m.value,
                    "attribute": attribute_for(view, sentence, m),
                }
            )
        )
    return claims


def extract_claims(text: str) -> list[Claim]:
    """Public API: claims of a plain-text article."""
    from ..ingest import ingest

    return extract_document(ingest(text))
