"""Sentence segmentation with character spans (owned by the ingestion work)."""

from __future__ import annotations

import regex

_BOUNDARY = regex.compile(r"(?<=[.!?][\"'”’)]?)\s+(?=[\"“‘(]?[A-Z0-9])")


def segment(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Split ``text[start:end]`` into sentence spans (interim simple splitter)."""
    end = len(text) if end is None else end
    spans: list[tuple[int, int]] = []
    pos = start
    for m in _BOUNDARY.finditer(text, start, end):
        if m.start() > pos:
            spans.append((pos, m.start()))
        pos = m.end()
    if pos < end and text[pos:end].strip():
        spans.append((pos, len(text[:end].rstrip())))
    return spans
