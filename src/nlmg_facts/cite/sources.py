"""A document's citations, whichever way it lists them.

Above both parsers: ``inline`` (wikitext <ref>, Markdown footnotes) reads
free-text references with ``references``, and ``references`` imports neither,
so the two never import each other.
"""

from __future__ import annotations

from ..models import Document
from ..models.citations import Citation
from .inline import reference_citations
from .references import link_full_citations, parse_references


def document_references(doc: Document) -> list[Citation]:
    """The citations of a document's back matter (none when it has no back matter)."""
    if doc.reference_spans:
        # Marked-up input lists its references exactly: one citation per span,
        # numbered as the markers expect.
        return link_full_citations(reference_citations(doc))
    if doc.back_matter is None:
        return []
    return parse_references(doc.text, doc.back_matter.start, doc.back_matter.end)
