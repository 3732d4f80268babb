"""SARIF 2.1.0: valid against the vendored OASIS schema, with what GitHub code scanning needs."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from nlmg_facts.models import Suppression
from nlmg_facts.pipeline import total
from nlmg_facts.report.sarif import FINGERPRINT_KEY, render

SCHEMA = json.loads((Path(__file__).parent / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))


def _validate(text: str) -> dict:
    log = json.loads(text)
    validator_cls = jsonschema.validators.validator_for(SCHEMA)
    validator_cls.check_schema(SCHEMA)
    errors = sorted(validator_cls(SCHEMA).iter_errors(log), key=lambda e: list(e.path))
    assert not errors, "\n".join(f"{list(e.path)}: {e.message}" for e in errors[:5])
    return log


def _reviewed(report):
    doc = report.documents[0]
    findings = [
        doc.findings[0].model_copy(
            update={"suppression": Suppression(status="accepted", reason="both dates are cited",
                                               reviewer="ana", date="2024-05-01")}
        ),
        doc.findings[1].model_copy(
            update={"suppression": Suppression(status="dismissed", reason="not a defect")}
        ),
        *doc.findings[2:],
    ]
    docs = [doc.model_copy(update={"findings": findings}), *report.documents[1:]]
    return total(report.model_copy(update={"documents": docs}))


def test_the_sarif_log_validates_against_the_sarif_2_1_0_schema(report):
    _validate(render(report))


def test_the_sarif_log_with_suppressions_validates_too(report):
    _validate(render(_reviewed(report)))


def test_a_schema_violation_would_be_caught():
    with pytest.raises(AssertionError):
        _validate(json.dumps({"version": "2.1.0", "runs": [{"tool": {"driver": {}}}]}))


def test_the_driver_lists_rules_with_descriptions_help_and_default_level(report):
    driver = json.loads(render(report))["runs"][0]["tool"]["driver"]
    assert driver["name"] == "nlmg-facts"
    rule = driver["rules"][1]
    assert rule["id"] == "NLMG-Z902" and rule["name"] == "fake-doubt-word"
    assert rule["shortDescription"]["text"] == "Flags the marker word DOUBTWORD."
    assert rule["fullDescription"]["text"] == "Flags a marker word."
    assert "## Why it matters" in rule["help"]["markdown"]
    assert "Why it matters:" in rule["help"]["text"]
    assert rule["defaultConfiguration"]["level"] == "warning"


def test_results_carry_rule_level_location_region_snippet_and_fingerprint(report):
    run = json.loads(render(report))["runs"][0]
    first = run["results"][0]
    assert first["ruleId"] == "NLMG-Z905"
    assert run["tool"]["driver"]["rules"][first["ruleIndex"]]["id"] == "NLMG-Z905"
    assert first["level"] == "error"
    location = first["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"] == "articles/lantern.txt"
    assert location["region"] == {
        "startLine": 3, "startColumn": 15, "endLine": 3, "endColumn": 25,
        "charOffset": location["region"]["charOffset"], "charLength": 10,
        "snippet": {"text": "4 May 2009"},
    }
    assert first["relatedLocations"][0]["physicalLocation"]["region"]["snippet"]["text"] == "9 June 2009"
    assert first["partialFingerprints"][FINGERPRINT_KEY] == report.documents[0].findings[0].fingerprint
    assert [r["level"] for r in run["results"]] == ["error", "warning", "error", "note"]


def test_reviewed_findings_carry_an_accepted_suppression_with_the_reason(report):
    results = json.loads(render(_reviewed(report)))["runs"][0]["results"]
    assert results[0]["suppressions"] == [
        {"kind": "external", "status": "accepted", "justification": "accepted: both dates are cited",
         "properties": {"reviewer": "ana", "date": "2024-05-01"}}
    ]
    assert results[1]["suppressions"][0]["justification"] == "dismissed: not a defect"
    assert "suppressions" not in results[2]


def test_unreadable_documents_become_tool_notifications(report):
    invocation = json.loads(render(report))["runs"][0]["invocations"][0]
    assert invocation["executionSuccessful"] is True
    (note,) = invocation["toolExecutionNotifications"]
    assert note["level"] == "error" and "no such file" in note["message"]["text"]


def test_the_bundled_article_sarif_validates_with_every_real_rule_described():
    from nlmg_facts.config import load_config
    from nlmg_facts.pipeline import check_paths

    root = Path(__file__).resolve().parents[2]
    report = check_paths([str(root / "sources")], load_config(use_config=False, cwd=root))
    log = _validate(render(report))
    run = log["runs"][0]
    assert run["results"], "the bundled article has known findings"
    for rule in run["tool"]["driver"]["rules"]:
        assert rule["help"]["markdown"].count("## ") == 3, rule["id"]
    assert run["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == (
        "sources/never_let_me_go_2010.txt"
    )


def test_the_second_place_of_a_finding_is_a_related_location(report):
    result = json.loads(render(report))["runs"][0]["results"][0]
    (related,) = result["relatedLocations"]
    assert related["physicalLocation"]["region"]["startLine"] == 4
    assert related["physicalLocation"]["region"]["startColumn"] == 44
    assert related["message"]["text"] == "conflicting claim: 9 June 2009"


def test_an_inline_ignore_is_an_in_source_suppression(report):
    doc = report.documents[0]
    ignored = doc.findings[0].model_copy(update={"suppression": Suppression(
        status="ignored", reason="<!-- nlmg-facts: ignore NLMG-Z905 --> at 2:1")})
    docs = [doc.model_copy(update={"findings": [ignored, *doc.findings[1:]]}), *report.documents[1:]]
    log = _validate(render(total(report.model_copy(update={"documents": docs}))))
    (suppression,) = log["runs"][0]["results"][0]["suppressions"]
    assert suppression["kind"] == "inSource"
    assert "nlmg-facts: ignore NLMG-Z905" in suppression["justification"]
