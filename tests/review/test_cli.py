"""`nlmg-facts review` without a terminal: --accept/--dismiss/--accept-all/--prune/--list."""

from __future__ import annotations

import json
import subprocess

import pytest
from _project import environ, findings_of, nlmg, nlmg_process, review_file

ARTICLE = "sources/harbour.txt"


def _fingerprints(project) -> list[str]:
    fps = [f["fingerprint"] for f in findings_of(project)]
    assert len(fps) >= 3, "the short article should have at least three conflicts"
    return fps


def test_accept_and_dismiss_record_entries_that_read_on_their_own(small_project):
    a, d = _fingerprints(small_project)[:2]
    result = nlmg(small_project, "review", "--accept", a[:8], "--dismiss", d, "--reason",
                  "checked against the press kit", "--reviewer", "Ana Reviewer")
    assert result.returncode == 0, result.stderr
    assert "2 recorded, 0 pruned" in result.stdout
    entries = {e["fingerprint"]: e for e in review_file(small_project)["reviews"]}
    assert set(entries) == {a, d}
    assert entries[a]["decision"] == "accepted" and entries[d]["decision"] == "dismissed"
    for e in entries.values():
        assert e["document"] == ARTICLE
        assert e["reason"] == "checked against the press kit"
        assert e["reviewer"] == "Ana Reviewer"
        assert e["code"].startswith("NLMG-") and e["message"] and e["evidence"]


def test_a_decision_can_be_changed_later(small_project):
    fp = _fingerprints(small_project)[0]
    nlmg(small_project, "review", "--accept", fp, "--reason", "first look", "--reviewer", "a")
    nlmg(small_project, "review", "--dismiss", fp, "--reason", "second look", "--reviewer", "b")
    (entry,) = review_file(small_project)["reviews"]
    assert (entry["decision"], entry["reason"], entry["reviewer"]) == ("dismissed", "second look", "b")


def test_only_reviewed_findings_stop_failing_the_check(small_project):
    fps = _fingerprints(small_project)
    nlmg(small_project, "review", *[x for fp in fps[:-1] for x in ("--accept", fp)],
         "--reason", "known", "--reviewer", "a")
    assert nlmg(small_project, "check").returncode == 1
    nlmg(small_project, "review", "--accept", fps[-1], "--reason", "known", "--reviewer", "a")
    assert nlmg(small_project, "check").returncode == 0


@pytest.mark.parametrize("args", [
    ["--accept", "00000000"],
    ["--accept-all"],
    ["--dismiss", "00000000", "--reason", "   "],
])
def test_a_decision_without_a_reason_is_refused(small_project, args):
    result = nlmg(small_project, "review", *args, "--reviewer", "a")
    assert result.returncode == 2
    assert "--reason" in result.stderr and len(result.stderr.splitlines()) == 1
    assert not (small_project / "nlmg-facts.review.json").exists()


def test_an_unknown_fingerprint_is_a_usage_error_and_nothing_is_written(small_project):
    good = _fingerprints(small_project)[0]
    result = nlmg(small_project, "review", "--accept", good, "--accept", "deadbeefdead",
                  "--reason", "x", "--reviewer", "a")
    assert result.returncode == 2
    assert result.stderr == (
        "nlmg-facts: error: no finding has fingerprint deadbeefdead in the checked articles "
        "(nlmg-facts review --list shows the unreviewed ones)\n"
    )
    assert not (small_project / "nlmg-facts.review.json").exists()


@pytest.mark.parametrize("value", ["abc", "not-hex-at-all", "1234567"])
def test_a_fingerprint_needs_eight_hex_characters(small_project, value):
    result = nlmg(small_project, "review", "--accept", value, "--reason", "x", "--reviewer", "a")
    assert result.returncode == 2 and "at least 8 hex characters" in result.stderr


def _finding(fp: str):
    from nlmg_facts.models import Evidence, Finding, Severity, Span

    ev = Evidence(span=Span(start=0, end=4), role="claim", text="2011", line=1, column=1)
    return Finding(code="NLMG-D001", name="date-conflict", severity=Severity.ERROR, message="m",
                   hint="h", evidence=[ev], fingerprint=fp)


def test_an_ambiguous_prefix_names_the_candidates_and_a_longer_one_picks_one():
    from nlmg_facts.cli.review import resolve
    from nlmg_facts.errors import UsageError
    from nlmg_facts.models import DocumentReport, Report, Summary

    doc = DocumentReport(path="a.txt", findings=[_finding("abcdef0011" + "0" * 22),
                                                 _finding("abcdef0022" + "0" * 22)])
    report = Report(version="0", documents=[doc], summary=Summary())
    with pytest.raises(UsageError, match=r"abcdef00 is ambiguous: abcdef001100 \(NLMG-D001, a.txt\), abcdef002200"):
        resolve(report, "abcdef00")
    assert resolve(report, "abcdef002")[1].fingerprint.startswith("abcdef0022")


def test_without_a_terminal_and_without_an_action_it_explains_the_flags(small_project):
    proc = nlmg_process(small_project, "review", stdin=subprocess.DEVNULL,
                        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == 2 and out == ""
    assert err.startswith("nlmg-facts: error: review needs a terminal")
    for flag in ("--accept FINGERPRINT --reason TEXT", "--dismiss", "--accept-all", "--prune"):
        assert flag in err


def test_list_shows_the_unreviewed_findings_with_their_fingerprints(small_project):
    fps = _fingerprints(small_project)
    nlmg(small_project, "review", "--accept", fps[0], "--reason", "x", "--reviewer", "a")
    listed = nlmg(small_project, "review", "--list").stdout.splitlines()
    assert listed[-1] == f"{len(fps) - 1} unreviewed findings."
    assert [line.split()[0] for line in listed[:-1]] == [fp[:12] for fp in fps[1:]]
    assert all(f" {ARTICLE}:" in line for line in listed[:-1])


def test_the_reviewer_defaults_to_the_user(small_project, monkeypatch):
    import nlmg_facts.cli.review as cli

    monkeypatch.setattr(cli.subprocess, "run", lambda *a, **k: (_ for _ in ()).throw(OSError()))
    monkeypatch.setenv("USER", "fallback-user")
    fp = _fingerprints(small_project)[0]
    assert nlmg(small_project, "review", "--accept", fp, "--reason", "x").returncode == 0
    assert review_file(small_project)["reviews"][0]["reviewer"] == "fallback-user"


# ------------------------------------------------------------------ stale entries


def test_stale_entries_are_reported_count_for_fail_on_info_and_are_pruned(small_project):
    nlmg(small_project, "review", "--accept-all", "--reason", "baseline", "--reviewer", "a")
    article = small_project / ARTICLE
    # Fix one conflict: the Irish release date now agrees with itself.
    article.write_text(article.read_text().replace("31 May 2013", "24 May 2013"), encoding="utf-8")

    text = nlmg(small_project, "check")
    assert text.returncode == 0
    stale_lines = [line for line in text.stdout.splitlines() if "matches no finding" in line]
    assert len(stale_lines) == 1 and stale_lines[0].startswith(f"{ARTICLE}: info: review entry ")
    assert "1 stale review" in text.stdout.splitlines()[-1]
    assert nlmg(small_project, "check", "--fail-on", "info").returncode == 1

    report = json.loads(nlmg(small_project, "check", "--format", "json").stdout)
    (stale,) = report["documents"][0]["stale_reviews"]
    assert report["summary"]["stale"] == 1 and stale["decision"] == "accepted"

    before = len(review_file(small_project)["reviews"])
    pruned = nlmg(small_project, "review", "--prune")
    assert pruned.returncode == 0
    assert pruned.stdout.startswith(f"pruned {stale['fingerprint'][:12]} {ARTICLE} ")
    assert len(review_file(small_project)["reviews"]) == before - 1
    assert nlmg(small_project, "check", "--fail-on", "info").returncode == 0


def test_entries_of_rules_that_did_not_run_are_not_stale(small_project):
    nlmg(small_project, "review", "--accept-all", "--reason", "baseline", "--reviewer", "a")
    codes = {e["code"] for e in review_file(small_project)["reviews"]}
    other = sorted(codes)[0]
    result = nlmg(small_project, "check", "--ignore", other, "--fail-on", "info")
    assert result.returncode == 0 and "stale" not in result.stdout
    nlmg(small_project, "review", "--prune", "--ignore", other)
    assert {e["code"] for e in review_file(small_project)["reviews"]} == codes


def test_checking_one_article_does_not_make_the_reviews_of_another_stale(small_project):
    nlmg(small_project, "review", "--accept-all", "--reason", "baseline", "--reviewer", "a")
    (small_project / "sources" / "clean.txt").write_text(
        "The Lantern Road is a 2015 film. It was shot in Leeds.\n", encoding="utf-8")
    result = nlmg(small_project, "check", "sources/clean.txt", "--fail-on", "info")
    assert result.returncode == 0 and "stale" not in result.stdout


# ------------------------------------------------------------------ the file


def test_a_corrupt_review_file_is_exit_2_naming_the_line_and_is_left_alone(small_project):
    nlmg(small_project, "review", "--accept-all", "--reason", "baseline", "--reviewer", "a")
    path = small_project / "nlmg-facts.review.json"
    lines = path.read_text().splitlines()
    broken_at = next(i for i, line in enumerate(lines) if '"decision"' in line)
    lines[broken_at] = lines[broken_at].replace('"accepted"', '"maybe"')
    broken = "\n".join(lines) + "\n"
    path.write_text(broken)
    entry_line = max(i for i in range(broken_at) if lines[i].strip() == "{") + 1
    for args in (["check"], ["review", "--prune"], ["review", "--list"]):
        result = nlmg(small_project, *args)
        assert result.returncode == 2, args
        assert len(result.stderr.splitlines()) == 1
        assert f"nlmg-facts.review.json:{entry_line}: invalid review file: reviews.0.decision" \
            in result.stderr
    # Invalid JSON: the line and column of the defect.
    path.write_text(broken.replace('"reason": "baseline",', '"reason": "baseline"', 1))
    result = nlmg(small_project, "check")
    assert result.returncode == 2 and "invalid JSON" in result.stderr
    line = int(result.stderr.split("nlmg-facts.review.json:")[1].split(":")[0])
    assert '"reason": "baseline"' in path.read_text().splitlines()[line - 2]
    assert path.read_text() == broken.replace('"reason": "baseline",', '"reason": "baseline"', 1)


def test_an_explicit_review_file_must_exist_for_check(small_project):
    result = nlmg(small_project, "check", "--review", "nope.json")
    assert result.returncode == 2 and "--review nope.json: no such file" in result.stderr


def test_the_configured_review_path_is_used_by_review_and_check(small_project):
    (small_project / "pyproject.toml").write_text(
        '[tool.nlmg-facts]\nreview = "decisions/reviews.json"\n', encoding="utf-8")
    (small_project / "decisions").mkdir()
    nlmg(small_project, "review", "--accept-all", "--reason", "baseline", "--reviewer", "a")
    data = json.loads((small_project / "decisions" / "reviews.json").read_text())
    assert {e["document"] for e in data["reviews"]} == {f"../{ARTICLE}"}
    assert not (small_project / "nlmg-facts.review.json").exists()
    assert nlmg(small_project, "check").returncode == 0
    assert nlmg(small_project / "sources", "check", ".").returncode == 0


def test_the_review_file_is_found_from_a_subdirectory_and_keys_stay_root_relative(small_project):
    nlmg(small_project, "review", "--accept-all", "--reason", "baseline", "--reviewer", "a")
    assert nlmg(small_project / "sources", "check", "harbour.txt").returncode == 0
    fp = findings_of(small_project, "--no-review")[0]["fingerprint"]
    nlmg(small_project / "sources", "review", "harbour.txt", "--dismiss", fp, "--reason", "y",
         "--reviewer", "a")
    assert {e["document"] for e in review_file(small_project)["reviews"]} == {ARTICLE}


# ------------------------------------------------------------------ concurrency


def test_concurrent_accepts_lose_no_entries(small_project):
    fps = _fingerprints(small_project)
    procs = [
        nlmg_process(small_project, "review", "--accept", fp, "--reason", f"reason {i}",
                     "--reviewer", f"r{i}", stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                     env=environ())
        for i, fp in enumerate(fps)
    ]
    for p in procs:
        p.communicate(timeout=120)
    assert [p.returncode for p in procs] == [0] * len(fps)
    entries = review_file(small_project)["reviews"]
    assert sorted(e["fingerprint"] for e in entries) == sorted(fps)
    assert not list(small_project.glob("*.tmp"))
    assert nlmg(small_project, "check").returncode == 0


def test_prune_without_a_review_file_creates_none(small_project):
    result = nlmg(small_project, "review", "--prune")
    assert result.returncode == 0 and "nothing to prune" in result.stdout
    assert sorted(p.name for p in small_project.iterdir()) == [".git", "pyproject.toml", "sources"]


def test_recording_decisions_leaves_only_the_review_file_behind(small_project):
    nlmg(small_project, "review", "--accept-all", "--reason", "baseline", "--reviewer", "a")
    assert sorted(p.name for p in small_project.iterdir()) == [
        ".git", "nlmg-facts.review.json", "pyproject.toml", "sources"]


def test_review_without_a_path_reads_the_configured_paths(small_project):
    (small_project / "sources").rename(small_project / "articles")
    (small_project / "pyproject.toml").write_text('[tool.nlmg-facts]\npaths = ["articles"]\n', encoding="utf-8")
    listed = nlmg(small_project, "review", "--list")
    assert listed.returncode == 0, listed.stderr
    assert "articles/harbour.txt:" in listed.stdout


def test_review_without_a_path_or_any_default_is_one_clear_error(small_project):
    (small_project / "sources").rename(small_project / "articles")
    result = nlmg(small_project, "review", "--list")
    assert result.returncode == 2 and result.stdout == ""
    (line,) = result.stderr.splitlines()
    assert line.startswith("nlmg-facts: error: no PATH given and sources/ (the default) does not exist")
