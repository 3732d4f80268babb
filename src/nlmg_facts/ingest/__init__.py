"""Ingestion: raw text -> Document (body, back matter, sentences with spans)."""

from __future__ import annotations

from ..models import Document, Sentence, Span
from .backmatter import find_back_matter
from .reader import Source, decode, expand_paths, read_source
from .segment import segment

__all__ = ["ingest", "Source", "decode", "expand_paths", "read_source"]


def ingest(text: str, name: str = "<text>") -> Document:
    """Parse plain flattened article text into a Document."""
    boundary = find_back_matter(text)
    body_end = len(text) if boundary is None else boundary
    sentences = [
        Sentence(index=i, span=Span(start=s, end=e), section="body")
        for i, (s, e) in enumerate(segment(text, 0, body_end))
    ]
    back = None
    if boundary is not None:
        back = Span(start=boundary, end=len(text.rstrip()))
    return Document(
        name=name,
        text=text,
        body=Span(start=0, end=body_end),
        back_matter=back,
        sentences=sentences,
    )
