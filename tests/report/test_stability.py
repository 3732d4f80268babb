"""Report stability: what a user's reviews and baselines rely on between edits and versions."""

from __future__ import annotations

import json
from pathlib import Path

from nlmg_facts.config import Config
from nlmg_facts.ingest import Source
from nlmg_facts.models.common import SCHEMA_VERSION
from nlmg_facts.pipeline import build_report, check_source

ROOT = Path(__file__).resolve().parents[2]
ARTICLE = ROOT / "sources" / "never_let_me_go_2010.txt"
INSERTED = " The crew worked in a cold spring, and the schedule was long."


def fingerprints_after(text: str, offset: int) -> dict[str, str]:
    doc = check_source(Source(name="article.txt", text=text), Config(root=ROOT), "article.txt")
    return {f.fingerprint: f.code for f in doc.findings if f.evidence[0].span.start > offset}


def test_editing_an_early_paragraph_keeps_the_fingerprints_of_later_findings():
    text = ARTICLE.read_text(encoding="utf-8")
    cut = text.index(". ") + 1  # after the first sentence
    before = fingerprints_after(text, cut + 400)
    after = fingerprints_after(text[:cut] + INSERTED + text[cut:], cut + len(INSERTED) + 400)
    assert len(before) >= 10  # the article has many findings past the edit
    assert after == before


def test_the_json_report_carries_the_published_schema_version():
    schema = json.loads((ROOT / "schemas" / "report.schema.json").read_text())
    report = json.loads(build_report([]).model_dump_json())
    assert report["schema_version"] == SCHEMA_VERSION
    assert schema["properties"]["schema_version"]["default"] == SCHEMA_VERSION
