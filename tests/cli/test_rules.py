"""`nlmg-facts rules`: every rule with code, name, default severity and summary."""

from __future__ import annotations

import json

from test_check import nlmg, project  # noqa: F401  (the fixture and runner)


def test_rules_lists_code_name_severity_and_summary(project):  # noqa: F811
    result = nlmg(project, "rules")
    assert result.returncode == 0, result.stderr
    rows = [line.split(None, 3) for line in result.stdout.splitlines()]
    assert ["NLMG-Z901", "fake-conflict-word", "error", "Flags the marker word CONFLICTWORD."] in rows
    assert ["NLMG-Z903", "fake-note-word", "info", "Flags the marker word NOTEWORD."] in rows
    # Columns line up: the severity starts at the same place on every line.
    assert len({line.find(row[2], 11 + len(row[1])) for line, row in
                zip(result.stdout.splitlines(), rows)}) == 1

def test_rules_as_json(project):  # noqa: F811
    rows = json.loads(nlmg(project, "rules", "--format", "json").stdout)
    fake = [r for r in rows if r["code"].startswith("NLMG-Z")]
    assert fake[1] == {
        "code": "NLMG-Z902", "name": "fake-doubt-word", "severity": "warning",
        "family": "other", "summary": "Flags the marker word DOUBTWORD.",
    }
    assert [r["code"] for r in rows] == sorted(r["code"] for r in rows)
