"""Whole real wikitext articles: their reports (findings with line and column, infobox claims) against goldens."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from nlmg_facts import pipeline
from nlmg_facts.config import load_config
from nlmg_facts.extract import extract_document
from nlmg_facts.ingest import ingest

ROOT = Path(__file__).resolve().parents[2]
ARTICLES = sorted((ROOT / "tests" / "fixtures" / "wikitext").glob("*.wiki"))


@pytest.mark.parametrize("path", ARTICLES, ids=[p.stem for p in ARTICLES])
def test_wikitext_article_report_matches_the_golden(path, data_regression):
    text = path.read_text(encoding="utf-8")
    doc = ingest(text, path.name)
    claims = extract_document(doc)
    (report,) = pipeline.check_paths([str(path)], load_config(use_config=False, cwd=ROOT)).documents
    data_regression.check(
        {
            "date_style": doc.date_style,
            "sentences": dict(sorted(Counter(s.section for s in doc.sentences).items())),
            "claims": dict(sorted(Counter(c.kind for c in claims).items())),
            "infobox": [
                {"key": c.attribute.key, "text": c.text, "line": text.count("\n", 0, c.span.start) + 1}
                for c in claims
                if doc.sentences[c.sentence].section == "infobox"
            ],
            "markers": len(doc.markers),
            "references": len(doc.reference_spans),
            "findings": [
                {
                    "code": f.code,
                    "message": f.message,
                    "evidence": [f"{e.line}:{e.column} {e.role}: {e.text}" for e in f.evidence],
                }
                for f in report.findings
            ],
        },
        basename=f"wikitext_{path.stem}",
    )
