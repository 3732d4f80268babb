"""Citations parsed from the back matter, and the links from sentences and claims to them."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, computed_field

from .claims import DateValue
from .common import SCHEMA_VERSION, Model, Span

CitationKind = Literal["citation", "see_also", "external_link"]
LinkMethod = Literal["marker", "alignment", "continuation", "none"]

#: Field names counted by ``Citation.fields``, in display order.
CITATION_FIELDS: tuple[str, ...] = (
    "authors", "date", "title", "work", "publisher", "location", "archive",
    "access_date", "page", "tags",
)


class CitedText(Model):
    """A piece of a citation as written (title, work, publisher, tag...)."""

    text: str
    span: Span


class CitedDate(Model):
    """A date in a citation: the text as written and its interval when it parses."""

    text: str
    span: Span
    value: DateValue | None = Field(None, description="None when the text is not a parseable date.")
    valid: bool = Field(True, description="False for impossible calendar dates such as 30 February.")
    problem: str | None = Field(None, description="Why an invalid date is impossible.")


class Author(Model):
    """One author; ``given`` is None for single-name authors ("Thomas (11 May 2010)")."""

    text: str = Field(description="The name as written.")
    span: Span
    surname: str
    given: str | None = None
    order: Literal["surname_first", "given_first", "single"] = "single"

    @property
    def display(self) -> str:
        return f"{self.given} {self.surname}" if self.given else self.surname


class ArchiveNote(Model):
    """'Archived from the original on D Month YYYY' or 'Archived D Month YYYY at archive.today'."""

    text: str
    span: Span
    date: CitedDate | None = None
    service: str | None = Field(None, description="Archive service when named, e.g. archive.today.")


class Citation(Model):
    """One entry of the back matter, with the fields it has."""

    id: str = Field(description="'c<number>' for citations, 's<n>' see-also, 'x<n>' external links.")
    number: int | None = Field(
        None, description="1-based position among citations (the reference number); None for others."
    )
    kind: CitationKind
    text: str = Field(description="The entry as written, equal to document.text[span.start:span.end].")
    span: Span
    authors: list[Author] = Field(default_factory=list)
    date: CitedDate | None = Field(None, description="Publication date.")
    title: CitedText | None = None
    title_quoted: bool = Field(False, description="True when the title was in quotes (not guessed).")
    work: CitedText | None = Field(None, description="Newspaper, magazine or website.")
    publisher: CitedText | None = None
    location: CitedText | None = Field(None, description="Place of publication ('London: ...').")
    archive: ArchiveNote | None = None
    access_date: CitedDate | None = Field(None, description="'Retrieved D Month YYYY'.")
    page: CitedText | None = Field(None, description="Page hint such as '(Page 2)'.")
    tags: list[CitedText] = Field(default_factory=list, description="Editorial tags: (website), [sic], (PDF)...")
    notes: list[CitedText] = Field(
        default_factory=list, description="Pieces the parser could not place in a field."
    )

    @computed_field  # type: ignore[prop-decorator]
    @property
    def fields(self) -> list[str]:
        """Names of the fields this citation has, in ``CITATION_FIELDS`` order."""
        return [f for f in CITATION_FIELDS if getattr(self, f)]

    @property
    def dates(self) -> list[CitedDate]:
        """Every date of the citation: publication, archive, access."""
        out = [self.date, self.archive.date if self.archive else None, self.access_date]
        return [d for d in out if d is not None]


class SentenceLink(Model):
    """The citation a body sentence is linked to (or none), with why."""

    sentence: int
    citation: str | None = Field(None, description="Citation id, None when no credible citation.")
    confidence: float = Field(ge=0.0, le=1.0)
    method: LinkMethod
    reason: str = Field(description="Human-readable: which words, names or dates matched.")
    matched: list[str] = Field(default_factory=list, description="The matched terms.")


class ClaimLink(Model):
    """A claim linked to the citation of its sentence."""

    claim: str = Field(description="Claim id.")
    sentence: int
    citation: str | None = None
    confidence: float = Field(ge=0.0, le=1.0)
    method: LinkMethod
    reason: str
    matched: list[str] = Field(default_factory=list, description="The matched terms of the sentence's link.")


class CitationResult(Model):
    """What the cite stage produces for one document."""

    citations: list[Citation] = Field(default_factory=list)
    links: list[ClaimLink] = Field(default_factory=list, description="One per claim.")
    sentence_links: list[SentenceLink] = Field(default_factory=list, description="One per body sentence.")

    def by_id(self) -> dict[str, Citation]:
        return {c.id: c for c in self.citations}


class CitationSummary(Model):
    entries: int = Field(description="Back-matter entries of every kind.")
    citations: int
    see_also: int
    external_links: int
    fields_per_citation: dict[str, int] = Field(
        description="Histogram: number of fields -> number of citations with that many."
    )
    mean_fields: float
    field_counts: dict[str, int] = Field(description="Field name -> citations having it.")
    sentences: int
    linked_sentences: int
    claims: int
    linked_claims: int


class LocatedCitation(Model):
    line: int
    column: int
    citation: Citation
    sentences: list[int] = Field(default_factory=list, description="Body sentences linked to it.")
    claims: list[str] = Field(default_factory=list, description="Ids of the claims linked to it.")


class CitationsDocument(Model):
    """One document's citations in ``nlmg-facts citations --format json``."""

    schema_version: str = SCHEMA_VERSION
    document: str
    summary: CitationSummary
    citations: list[LocatedCitation]
    sentence_links: list[SentenceLink]
    claim_links: list[ClaimLink]


class CitationsReport(Model):
    """`nlmg-facts citations --format json` output: always one object, one entry per document."""

    schema_version: str = SCHEMA_VERSION
    tool: str = "nlmg-facts"
    documents: list[CitationsDocument]
