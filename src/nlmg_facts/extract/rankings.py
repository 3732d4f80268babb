"""Rankings extractor (in progress)."""

from __future__ import annotations

from typing import Iterator

from ..models import Document
from .base import Mention


def extract(doc: Document) -> Iterator[Mention]:
    return iter(())
