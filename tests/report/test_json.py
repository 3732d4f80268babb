"""The JSON report: the versioned Report model, valid against schemas/report.schema.json."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema

from nlmg_facts.models import Report
from nlmg_facts.models.common import SCHEMA_VERSION
from nlmg_facts.report.json import render

SCHEMA = Path(__file__).resolve().parents[2] / "schemas" / "report.schema.json"


def test_the_json_report_validates_against_the_generated_schema(report):
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(schema).validate(json.loads(render(report)))


def test_the_json_report_round_trips_through_the_model(report):
    assert Report.model_validate_json(render(report)) == report


def test_the_json_report_is_versioned_and_lists_the_rules_that_ran(report):
    data = json.loads(render(report))
    assert data["schema_version"] == SCHEMA_VERSION
    assert [r["code"] for r in data["rules"]] == [
        "NLMG-Z901", "NLMG-Z902", "NLMG-Z903", "NLMG-Z904", "NLMG-Z905"
    ]


def test_every_evidence_span_has_start_end_line_column_and_text(report):
    data = json.loads(render(report))
    spans = [e for d in data["documents"] for f in d["findings"] for e in f["evidence"]]
    assert spans
    for e in spans:
        assert e["span"]["end"] > e["span"]["start"]
        assert e["line"] >= 1 and e["column"] >= 1
        assert e["end_line"] >= e["line"]
        assert e["text"] and e["context"]


def test_unreadable_documents_are_kept_with_their_one_line_error(report):
    data = json.loads(render(report))
    missing = data["documents"][1]
    assert missing["path"] == "missing.txt" and missing["ok"] is False
    assert missing["error"] == "missing.txt: no such file or directory"
    assert data["summary"]["unreadable"] == 1
