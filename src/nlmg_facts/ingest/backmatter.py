"""Finding where the article body ends and the back matter begins."""

from __future__ import annotations


def find_back_matter(text: str) -> int | None:
    """Offset where the back matter (see also, references, links) starts, or None."""
    return None
