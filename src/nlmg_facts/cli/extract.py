"""``nlmg-facts extract``: list the typed claims of articles."""

from __future__ import annotations

import argparse
import json

from ..errors import UsageError
from ..models import CLAIM_KINDS
from .output import write_output


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("extract", help="list the typed claims of articles")
    p.add_argument("paths", nargs="+", metavar="PATH", help="article file, directory, or - for stdin")
    p.add_argument("--format", choices=["text", "json"], default="text")
    p.add_argument("--kind", default=None, help=f"comma-separated kinds ({','.join(CLAIM_KINDS)})")
    p.add_argument("--output", "-o", default=None, help="write to FILE instead of stdout")
    p.add_argument("--input-format", choices=["auto", "plain", "wikitext", "markdown"], default="auto",
                   help="how to read articles (default auto: .wiki/.md by extension, else by content)")
    p.set_defaults(func=run)


def _kinds(spec: str | None) -> set[str] | None:
    if not spec:
        return None
    kinds = {k.strip() for k in spec.split(",") if k.strip()}
    unknown = kinds - set(CLAIM_KINDS)
    if unknown:
        raise UsageError(
            f"--kind: unknown kind(s) {', '.join(sorted(unknown))}; choose from {', '.join(CLAIM_KINDS)}"
        )
    return kinds


def run(args: argparse.Namespace) -> int:
    from ..extract import extract_document
    from ..ingest import expand_paths, ingest, read_source
    from ..report.claims import claims_document, render_claims_text

    kinds = _kinds(args.kind)
    docs = []
    for path in expand_paths(args.paths):
        source = read_source(path)
        doc = ingest(source.text, source.name, args.input_format)
        claims = [c for c in extract_document(doc) if kinds is None or c.kind in kinds]
        docs.append((doc, claims))
    if args.format == "json":
        from ..models.claims import ClaimsReport

        report = ClaimsReport(documents=[claims_document(d, c) for d, c in docs])
        text = json.dumps(report.model_dump(mode="json"), indent=2, ensure_ascii=False) + "\n"
    else:
        text = "".join(render_claims_text(d, c, with_name=len(docs) > 1) for d, c in docs)
    write_output(text, args.output)
    return 0
