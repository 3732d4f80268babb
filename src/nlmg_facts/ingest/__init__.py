"""Ingestion: raw text -> Document (body, back matter, sentences with spans)."""

from __future__ import annotations

from ..models import Document, Sentence, Span
from .backmatter import find_back_matter
from .reader import Source, decode, expand_paths, read_source
from .segment import segment

__all__ = ["ingest", "Source", "decode", "expand_paths", "find_back_matter", "read_source", "segment"]

_BOM = "\ufeff"


def ingest(text: str, name: str = "<text>") -> Document:
    """Parse plain flattened article text into a Document.

    Offsets are into ``text`` exactly as given: a leading byte-order mark is
    kept in ``Document.text`` and simply lies outside the body.
    """
    first = len(text) - len(text.lstrip(_BOM + " \t\r\n\f\v"))
    boundary = find_back_matter(text)
    body_end = _rstrip(text, first, len(text) if boundary is None else boundary)
    sentences = [
        Sentence(index=i, span=Span(start=s, end=e), section="body")
        for i, (s, e) in enumerate(segment(text, first, body_end))
    ]
    back = None
    if boundary is not None:
        back = Span(start=boundary, end=_rstrip(text, boundary, len(text)))
    return Document(
        name=name,
        text=text,
        body=Span(start=first, end=max(first, body_end)),
        back_matter=back,
        sentences=sentences,
    )


def _rstrip(text: str, lo: int, hi: int) -> int:
    return lo + len(text[lo:hi].rstrip())
