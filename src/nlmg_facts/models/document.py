"""The ingested document: original text, body / back-matter split, sentences."""

from __future__ import annotations

from bisect import bisect_right
from functools import cached_property
from typing import Literal

from pydantic import Field

from .common import Model, Span


class Sentence(Model):
    index: int
    span: Span
    section: Literal["body", "back_matter"] = "body"


class Marker(Model):
    """An explicit citation marker in the body (``[12]``, ``<ref name=x/>``).

    Plain flattened text has none; richer input formats fill these and the
    linker then uses them exactly instead of aligning.
    """

    span: Span
    label: str
    reference: int | None = None


class Document(Model):
    name: str = Field(description="Display path of the source, or '<stdin>'.")
    text: str
    format: Literal["plain", "wikitext", "markdown"] = "plain"
    body: Span
    back_matter: Span | None = None
    sentences: list[Sentence]
    markers: list[Marker] = []

    @cached_property
    def _sentence_starts(self) -> list[int]:
        return [s.span.start for s in self.sentences]

    def sentence_at(self, offset: int) -> Sentence | None:
        """The sentence containing ``offset`` (binary search, O(log n))."""
        i = bisect_right(self._sentence_starts, offset) - 1
        if i < 0:
            return None
        s = self.sentences[i]
        return s if s.span.start <= offset < max(s.span.end, s.span.start + 1) else None

    def sentence_text(self, index: int) -> str:
        return self.sentences[index].span.of(self.text)

    @property
    def body_sentences(self) -> list[Sentence]:
        return [s for s in self.sentences if s.section == "body"]
