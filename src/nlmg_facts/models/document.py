"""The ingested document: original text, body / back-matter split, sentences."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from functools import cached_property
from typing import Literal, Union

from pydantic import Field

from .claims import CountValue, DateValue, DurationValue, MoneyValue
from .common import Model, Span


class Sentence(Model):
    index: int
    span: Span
    #: ``infobox``: one infobox field (``| released = ...``) of a wikitext article.
    section: Literal["body", "back_matter", "infobox"] = "body"


class Marker(Model):
    """An explicit citation marker in the body (``[12]``, ``<ref name=x/>``).

    Plain flattened text has none; richer input formats fill these and the
    linker then uses them exactly instead of aligning.
    """

    span: Span
    label: str
    reference: int | None = None


class Mask(Model):
    """Markup inside a marked-up source (wikitext, Markdown); see ``ingest/formats.py``.

    ``markup`` (tags, brackets, templates, emphasis quotes) and ``break``
    (headings, list bullets, block templates, tables: markup that also ends a
    sentence) are never prose. ``note`` is the body of a reference or footnote
    definition: not the article's prose, but the text of a citation. ``space``
    renders as a space (``&nbsp;``, ``{{nbsp}}``): blanked, but a claim may
    span it ("3&nbsp;May 2010" is one date).
    """

    span: Span
    kind: Literal["markup", "break", "note", "space"] = "markup"


class StatedValue(Model):
    """A typed value the markup states in template parameters (wikitext; see ``ingest/wikitext.py``).

    ``source="template"``: an inline value template in the prose (``{{birth date|1934|4|4}}``);
    ``source="infobox"``: a recognised infobox field, whose ``event`` and ``qualifiers`` come
    from ``data/infoboxes.json`` and whose ``sentence`` is the field's own sentence.
    """

    span: Span
    kind: Literal["date", "money", "count", "duration"]
    value: Union[DateValue, MoneyValue, CountValue, DurationValue]
    source: Literal["template", "infobox"] = "template"
    template: str = Field("", description="The template the value was read from, lower case.")
    infobox: str | None = None
    param: str | None = None
    domain: str | None = None
    event: str | None = Field(None, description="The event the markup itself names (infobox field, 'birth' in death date and age).")
    qualifiers: dict[str, str] = Field(default_factory=dict)
    sentence: int | None = None
    subject_names: list[str] = Field(default_factory=list, description="Infobox only: how it names the subject.")


class Document(Model):
    name: str = Field(description="Display path of the source, or '<stdin>'.")
    text: str
    format: Literal["plain", "wikitext", "markdown"] = "plain"
    body: Span
    back_matter: Span | None = None
    sentences: list[Sentence]
    markers: list[Marker] = []
    #: Marked-up input only (empty for plain text): see ``Mask`` and ``analysis_text``.
    masked: list[Mask] = []
    #: Marked-up input only: the content of each reference (<ref>...</ref>, a
    #: footnote definition) in reference-number order. When set, the cite stage
    #: parses one citation per span instead of splitting the back matter.
    reference_spans: list[Span] = []
    #: Wikitext only: typed values stated by templates and infobox fields.
    stated: list[StatedValue] = []
    #: Wikitext only: the date style set by {{Use dmy dates}} / {{Use mdy dates}}.
    date_style: Literal["dmy", "mdy"] | None = None

    @cached_property
    def analysis_text(self) -> str:
        """The text with every mask blanked, same length (offsets are unchanged).

        Markup and notes become spaces, sentence-ending block markup becomes
        newlines (a paragraph break for the segmenter). Plain text: ``text`` itself.
        """
        if not self.masked:
            return self.text
        return blank(self.text, [(m.span.start, m.span.end, "\n" if m.kind == "break" else " ") for m in self.masked])

    @cached_property
    def citation_text(self) -> str:
        """The text with markup blanked but notes kept: what inline references say."""
        if not self.masked:
            return self.text
        return blank(
            self.text,
            [(m.span.start, m.span.end, "\n" if m.kind == "break" else " ") for m in self.masked if m.kind != "note"],
        )

    def analysis_view(self) -> "Document":
        """This document with ``analysis_text`` as its text (itself for plain text).

        Extractors read ``doc.text`` between body offsets; on the view they see
        prose only, and every offset they report is an offset into ``text``.
        """
        if not self.masked:
            return self
        return Document.model_construct(
            name=self.name, text=self.analysis_text, format=self.format, body=self.body,
            back_matter=self.back_matter, sentences=self.sentences, markers=self.markers,
            masked=[], reference_spans=self.reference_spans, stated=self.stated, date_style=self.date_style,
        )

    @cached_property
    def _mask_runs(self) -> tuple[list[int], list[int]]:
        """Masks merged into disjoint runs: (starts, ends), sorted."""
        starts: list[int] = []
        ends: list[int] = []
        for m in sorted(self.masked, key=lambda m: m.span.start):
            if m.kind == "space":
                continue
            if ends and m.span.start <= ends[-1]:
                ends[-1] = max(ends[-1], m.span.end)
            else:
                starts.append(m.span.start)
                ends.append(m.span.end)
        return starts, ends

    def overlaps_markup(self, start: int, end: int) -> bool:
        """Does ``[start, end)`` share a character with a mask other than a space? (O(log masks))"""
        if not self.masked:
            return False
        starts, ends = self._mask_runs
        i = bisect_left(ends, start + 1)  # first run ending after ``start``
        return i < len(starts) and starts[i] < end

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


def blank(text: str, spans: list[tuple[int, int, str]]) -> str:
    """``text`` with each ``(start, end, fill)`` replaced by ``fill`` repeated (linear).

    Spans may nest or overlap; the one starting first covers the rest of its
    range. The result has the length of ``text``.
    """
    parts: list[str] = []
    pos = 0
    for start, end, fill in sorted(spans, key=lambda t: (t[0], -t[1])):
        start = max(start, pos)
        if end <= start:
            continue
        parts.append(text[pos:start])
        parts.append(fill * (end - start))
        pos = end
    parts.append(text[pos:])
    return "".join(parts)
