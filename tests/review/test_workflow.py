"""The review workflow end to end on the sample article: baseline, pass, new conflict, fail."""

from __future__ import annotations

import json

import jsonschema

from _project import SAMPLE, SARIF_SCHEMA, findings_of, nlmg, review_file

ARTICLE = f"sources/{SAMPLE.name}"
#: Our own sentences. A neutral one to insert above every finding, and one that
#: states another production budget than the article does (twice) elsewhere.
NEUTRAL = " The cast rehearsed for a fortnight before the shoot."
NEW_CONFLICT = " The producers later put the production budget at US$22 million."


def _edit(project, anchor: str, inserted: str, after: bool = True) -> tuple[int, int]:
    """Insert ``inserted`` right after (or before) the first ``anchor``; its span."""
    path = project / ARTICLE
    text = path.read_text(encoding="utf-8")
    at = text.index(anchor) + (len(anchor) if after else 0)
    path.write_text(text[:at] + inserted + text[at:], encoding="utf-8")
    return at, at + len(inserted)


def test_a_baseline_makes_check_pass_and_a_new_conflict_fails_it_alone(sample_project):
    before = nlmg(sample_project, "check")
    assert before.returncode == 1
    total = len(findings_of(sample_project))
    assert total >= 5

    baseline = nlmg(sample_project, "review", "--accept-all", "--reason", "baseline", "--reviewer", "ci")
    assert baseline.returncode == 0, baseline.stderr
    entries = review_file(sample_project)["reviews"]
    assert len(entries) == total
    assert {e["document"] for e in entries} == {ARTICLE}
    assert all(e["decision"] == "accepted" and e["reason"] == "baseline" for e in entries)

    after = nlmg(sample_project, "check")
    assert after.returncode == 0, after.stdout
    assert after.stdout.splitlines()[-1].endswith(f"({total} reviewed).")

    # A new budget figure that contradicts the article's US$15 million.
    start, end = _edit(sample_project, "Principal photography began in April 2009.", NEW_CONFLICT)
    failed = nlmg(sample_project, "check")
    assert failed.returncode == 1
    findings = findings_of(sample_project)
    open_ = [f for f in findings if f["suppression"] is None]
    assert open_, "the new budget figure was not flagged"
    for f in open_:
        assert any(start <= ev["span"]["start"] < end for ev in f["evidence"]), f["message"]
    # Every reviewed finding is still recognised: none went stale, none came back.
    assert sum(1 for f in findings if f["suppression"]) == total
    assert "stale" not in failed.stdout


def test_text_inserted_above_reviewed_findings_keeps_them_reviewed(sample_project):
    nlmg(sample_project, "review", "--accept-all", "--reason", "baseline", "--reviewer", "ci")
    reviewed = {f["fingerprint"] for f in findings_of(sample_project)}
    # Above every finding: after the article's first sentence, and a new paragraph start.
    text = (sample_project / ARTICLE).read_text(encoding="utf-8")
    first = text[: text.index(". ") + 1]
    _edit(sample_project, first, NEUTRAL)
    result = nlmg(sample_project, "check", "--fail-on", "info")
    assert result.returncode == 0, result.stdout
    moved = findings_of(sample_project)
    assert {f["fingerprint"] for f in moved} == reviewed
    assert all(f["suppression"] for f in moved)
    assert all(f["evidence"][0]["span"]["start"] > len(first) for f in moved)


def test_json_and_sarif_keep_reviewed_findings_as_suppressed(sample_project):
    fingerprints = [f["fingerprint"] for f in findings_of(sample_project)]
    accepted, dismissed = fingerprints[0], fingerprints[1]
    nlmg(sample_project, "review", "--accept", accepted[:10], "--reason", "the sources disagree",
         "--reviewer", "ana")
    nlmg(sample_project, "review", "--dismiss", dismissed, "--reason", "not a defect", "--reviewer", "ana")

    report = json.loads(nlmg(sample_project, "check", "--format", "json").stdout)
    by_fp = {f["fingerprint"]: f for f in report["documents"][0]["findings"]}
    assert by_fp[accepted]["suppression"]["status"] == "accepted"
    assert by_fp[dismissed]["suppression"] == {
        "status": "dismissed", "reason": "not a defect", "reviewer": "ana",
        "date": by_fp[dismissed]["suppression"]["date"],
    }
    assert report["summary"]["suppressed"] == 2
    assert report["summary"]["findings"] == len(fingerprints)

    sarif = nlmg(sample_project, "check", "--format", "sarif")
    log = json.loads(sarif.stdout)
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    validator = jsonschema.validators.validator_for(schema)
    errors = list(validator(schema).iter_errors(log))
    assert not errors, [e.message for e in errors[:3]]
    results = log["runs"][0]["results"]
    suppressed = {r["partialFingerprints"]["nlmgFingerprint/v1"]: r["suppressions"]
                  for r in results if "suppressions" in r}
    assert set(suppressed) == {accepted, dismissed}
    for fp, decision, reason in ((accepted, "accepted", "the sources disagree"),
                                 (dismissed, "dismissed", "not a defect")):
        (s,) = suppressed[fp]
        assert s["kind"] == "external" and s["status"] == "accepted"
        assert decision in s["justification"] and reason in s["justification"]
    assert len(results) == len(fingerprints)


def test_no_review_reports_every_finding_as_unreviewed(sample_project):
    nlmg(sample_project, "review", "--accept-all", "--reason", "baseline", "--reviewer", "ci")
    assert nlmg(sample_project, "check").returncode == 0
    assert nlmg(sample_project, "check", "--no-review").returncode == 1
