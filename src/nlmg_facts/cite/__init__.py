"""The cite stage: back matter -> citations, and every sentence and claim -> its citation."""

from __future__ import annotations

from bisect import bisect_right

from ..models import Claim, Document
from ..models.citations import Citation, CitationResult, ClaimLink, SentenceLink
from .align import align as align_sentences
from .references import document_references, parse_references

__all__ = ["cite_document", "parse_references", "document_references", "link_claims", "marker_links"]


def marker_links(doc: Document, citations: list[Citation]) -> list[SentenceLink]:
    """Links from explicit markers ([12], <ref>): exact, one per marked sentence."""
    by_number = {c.number: c for c in citations if c.number is not None}
    # Body sentences, and infobox fields (wikitext): a <ref> in a field cites that field.
    body = [s for s in doc.sentences if s.section in ("body", "infobox")]
    starts = [s.span.start for s in body]
    chosen: dict[int, tuple[Citation, str]] = {}
    for marker in doc.markers:
        number = marker.reference
        if number is None and marker.label.strip("[] ").isdigit():
            number = int(marker.label.strip("[] "))
        citation = by_number.get(number) if number is not None else None
        if citation is None:
            continue
        # A marker sits at the end of the sentence it supports, or just after it.
        i = bisect_right(starts, marker.span.start) - 1
        if i >= 0:
            chosen[body[i].index] = (citation, marker.label)  # the last marker of a sentence wins
    links = []
    for s in body:
        if s.index in chosen:
            c, label = chosen[s.index]
            links.append(SentenceLink(
                sentence=s.index, citation=c.id, confidence=1.0, method="marker",
                reason=f"marker {label}", matched=[label],
            ))
        else:
            links.append(SentenceLink(
                sentence=s.index, citation=None, confidence=0.0, method="none", reason="no marker",
            ))
    return links


def link_claims(claims: list[Claim], sentence_links: list[SentenceLink]) -> list[ClaimLink]:
    """Each claim takes the link of its sentence."""
    by_sentence = {link.sentence: link for link in sentence_links}
    out = []
    for claim in claims:
        link = by_sentence.get(claim.sentence)
        if link is None:
            out.append(ClaimLink(
                claim=claim.id, sentence=claim.sentence, citation=None, confidence=0.0,
                method="none", reason="not a body sentence",
            ))
        else:
            out.append(ClaimLink(
                claim=claim.id, sentence=claim.sentence, citation=link.citation,
                confidence=link.confidence, method=link.method, reason=link.reason,
                matched=link.matched,
            ))
    return out


def cite_document(doc: Document, claims: list[Claim]) -> CitationResult:
    """Parse the back matter, link sentences (markers if any, else alignment) and claims."""
    citations = document_references(doc)
    if doc.markers:
        sentence_links = marker_links(doc, citations)
    else:
        # The extract stage's dates, when it ran, spare the aligner a second scan.
        dates = [(c.sentence, c.value) for c in claims if c.kind == "date"] if claims else None
        sentence_links = align_sentences(doc, citations, dates)
    return CitationResult(
        citations=citations, links=link_claims(claims, sentence_links), sentence_links=sentence_links
    )
