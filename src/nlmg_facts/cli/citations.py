"""``nlmg-facts citations``: the parsed reference list and the claims linked to each citation."""

from __future__ import annotations

import argparse
import json
from collections import Counter, defaultdict

from ..models import Claim, Document
from ..models.citations import (
    CITATION_FIELDS,
    Citation,
    CitationResult,
    CitationsDocument,
    CitationsReport,
    CitationSummary,
    LocatedCitation,
)
from ..spans import LineIndex
from .output import write_output


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("citations", help="list the citations of articles and the claims linked to them")
    p.add_argument("paths", nargs="+", metavar="PATH", help="article file, directory, or - for stdin")
    p.add_argument("--format", choices=["text", "json"], default="text")
    p.add_argument("--output", "-o", default=None, help="write to FILE instead of stdout")
    p.add_argument("--input-format", choices=["auto", "plain", "wikitext", "markdown"], default="auto",
                   help="how to read articles (default auto: .wiki/.md by extension, else by content)")
    p.set_defaults(func=run)


def citations_document(doc: Document, claims: list[Claim], result: CitationResult) -> CitationsDocument:
    """The JSON model of one document's citations, links and summary."""
    index = LineIndex(doc.text)
    sentences: dict[str, list[int]] = defaultdict(list)
    for link in result.sentence_links:
        if link.citation is not None:
            sentences[link.citation].append(link.sentence)
    linked_claims: dict[str, list[str]] = defaultdict(list)
    for link in result.links:
        if link.citation is not None:
            linked_claims[link.citation].append(link.claim)
    located = []
    for c in result.citations:
        line, col = index.position(c.span.start)
        located.append(LocatedCitation(
            line=line, column=col, citation=c, sentences=sentences.get(c.id, []),
            claims=linked_claims.get(c.id, []),
        ))
    return CitationsDocument(
        document=doc.name,
        summary=summarise(result, len(claims)),
        citations=located,
        sentence_links=result.sentence_links,
        claim_links=result.links,
    )


def summarise(result: CitationResult, n_claims: int) -> CitationSummary:
    cites = [c for c in result.citations if c.kind == "citation"]
    kinds = Counter(c.kind for c in result.citations)
    histogram = Counter(len(c.fields) for c in cites)
    return CitationSummary(
        entries=len(result.citations),
        citations=len(cites),
        see_also=kinds["see_also"],
        external_links=kinds["external_link"],
        fields_per_citation={str(k): histogram[k] for k in sorted(histogram)},
        mean_fields=round(sum(len(c.fields) for c in cites) / len(cites), 2) if cites else 0.0,
        field_counts={f: sum(1 for c in cites if f in c.fields) for f in CITATION_FIELDS},
        sentences=len(result.sentence_links),
        linked_sentences=sum(1 for s in result.sentence_links if s.citation is not None),
        claims=n_claims,
        linked_claims=sum(1 for link in result.links if link.citation is not None),
    )


def _fields_text(c: Citation) -> list[str]:
    out = []
    if c.authors:
        out.append("authors: " + "; ".join(
            f"{a.surname}, {a.given}" if a.given else a.surname for a in c.authors))
    for name, label in (("date", "date"), ("title", "title"), ("work", "work"),
                        ("publisher", "publisher"), ("location", "location"), ("page", "page")):
        v = getattr(c, name)
        if v is not None:
            extra = " (invalid)" if name == "date" and not v.valid else ""
            extra += " (unquoted)" if name == "title" and not c.title_quoted else ""
            out.append(f"{label}: {v.text}{extra}")
    if c.archive is not None:
        out.append(f"archived: {c.archive.date.text if c.archive.date else '?'}"
                   + (f" at {c.archive.service}" if c.archive.service else ""))
    if c.access_date is not None:
        out.append(f"retrieved: {c.access_date.text}")
    if c.tags:
        out.append("tags: " + ", ".join(t.text for t in c.tags))
    if c.notes:
        out.append("unplaced: " + " | ".join(n.text for n in c.notes))
    return out


def render_text(doc: Document, claims: list[Claim], result: CitationResult) -> str:
    model = citations_document(doc, claims, result)
    s = model.summary
    lines = [f"{doc.name}:"]
    for lc in model.citations:
        c = lc.citation
        label = f"[{c.number}]" if c.number is not None else f"({c.kind.replace('_', ' ')})"
        lines.append(f"  {lc.line}:{lc.column} {c.id} {label} {len(c.fields)} fields")
        if c.kind != "citation":
            lines.append(f"      {c.text.strip()}")
        for f in _fields_text(c):
            lines.append(f"      {f}")
        if lc.sentences:
            lines.append(f"      sentences: {', '.join(map(str, lc.sentences))}")
        if lc.claims:
            lines.append(f"      claims: {', '.join(lc.claims)}")
    hist = ", ".join(f"{k} fields: {v}" for k, v in s.fields_per_citation.items())
    lines.append(
        f"  {s.citations} citations ({s.see_also} see-also, {s.external_links} external links); "
        f"{s.mean_fields} fields per citation on average ({hist}); "
        f"{s.linked_sentences}/{s.sentences} sentences and {s.linked_claims}/{s.claims} claims linked"
    )
    return "\n".join(lines) + "\n"


def run(args: argparse.Namespace) -> int:
    from ..cite import cite_document
    from ..extract import extract_document
    from ..ingest import expand_paths, ingest, read_source

    docs = []
    for path in expand_paths(args.paths):
        source = read_source(path)
        doc = ingest(source.text, source.name, args.input_format)
        claims = extract_document(doc)
        docs.append((doc, claims, cite_document(doc, claims)))
    if args.format == "json":
        report = CitationsReport(documents=[citations_document(d, c, r) for d, c, r in docs])
        text = json.dumps(report.model_dump(mode="json"), indent=2, ensure_ascii=False) + "\n"
    else:
        text = "".join(render_text(d, c, r) for d, c, r in docs)
    write_output(text, args.output)
    return 0
