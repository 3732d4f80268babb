"""`nlmg-facts check` end to end: exit codes, formats, output file, configuration, jobs.

Runs ``python -m nlmg_facts`` in a temporary project whose configuration loads
the fake rules as a plugin and selects only them, so the findings are known.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

PLUGINS = Path(__file__).resolve().parents[1] / "fixtures" / "plugins"
CONFIG = """
[tool.nlmg-facts]
plugins = ["nlmg_fake_rules"]
select = ["NLMG-Z"]
"""
CLEAN = "The Heron is a 2012 dice game from Cardiff. It shipped on 2 April 2012.\n"
WARNS = "The Wren is a 2013 dice game. Players found it DOUBTWORD long.\n"
ERRS = "The Owl is a 2014 dice game. It shipped on 1 May 2014. It shipped on 8 May 2014.\n"


@pytest.fixture
def project(tmp_path):
    (tmp_path / ".git").mkdir()
    (tmp_path / "pyproject.toml").write_text(CONFIG, encoding="utf-8")
    sources = tmp_path / "sources"
    sources.mkdir()
    (sources / "heron.txt").write_text(CLEAN, encoding="utf-8")
    return tmp_path


def nlmg(project: Path, *args: str, stdin: str | None = None, env: dict | None = None):
    environ = {k: v for k, v in os.environ.items() if k != "CI"}
    environ["PYTHONPATH"] = os.pathsep.join([str(PLUGINS), environ.get("PYTHONPATH", "")])
    environ.update(env or {})
    return subprocess.run(
        [sys.executable, "-m", "nlmg_facts", *args],
        cwd=project, capture_output=True, text=True, input=stdin, env=environ, timeout=120,
    )


def _add(project: Path, name: str, text: str) -> None:
    (project / "sources" / name).write_text(text, encoding="utf-8")


# ------------------------------------------------------------------ exit codes


def test_a_clean_corpus_exits_0_and_says_so(project):
    result = nlmg(project, "check")
    assert result.returncode == 0, result.stderr
    assert result.stdout == "Checked 1 document: 0 errors, 0 warnings, 0 info.\n"
    assert result.stderr == ""


def test_an_error_finding_exits_1(project):
    _add(project, "owl.txt", ERRS)
    result = nlmg(project, "check")
    assert result.returncode == 1
    assert "sources/owl.txt:1:44: error NLMG-Z905 shipped on 1 May 2014 here" in result.stdout


@pytest.mark.parametrize(
    "fail_on, code", [("error", 0), ("warning", 1), ("info", 1), ("never", 0)]
)
def test_fail_on_sets_the_lowest_failing_severity(project, fail_on, code):
    _add(project, "wren.txt", WARNS)
    assert nlmg(project, "check", "--fail-on", fail_on).returncode == code


def test_fail_on_from_the_configuration_and_the_flag_overrides_it(project):
    _add(project, "wren.txt", WARNS)
    (project / "pyproject.toml").write_text(CONFIG + 'fail-on = "warning"\n', encoding="utf-8")
    assert nlmg(project, "check").returncode == 1
    assert nlmg(project, "check", "--fail-on", "error").returncode == 0


def test_an_unreadable_file_exits_2_and_the_others_are_still_reported(project):
    _add(project, "owl.txt", ERRS)
    result = nlmg(project, "check", "--format", "json", "sources", "nope.txt")
    assert result.returncode == 2
    report = json.loads(result.stdout)
    assert [(d["path"], d["ok"]) for d in report["documents"]] == [
        ("sources/heron.txt", True), ("sources/owl.txt", True), ("nope.txt", False)
    ]
    assert report["documents"][1]["findings"]
    assert result.stderr == "nlmg-facts: error: nope.txt: no such file or directory\n"


def test_a_crashing_rule_exits_3_with_the_report_still_written(project):
    _add(project, "crash.txt", "The Jay is a game. CRASHWORD. It was DOUBTWORD fun.\n")
    result = nlmg(project, "check", "--format", "json", "--output", "out.json")
    assert result.returncode == 3
    report = json.loads((project / "out.json").read_text(encoding="utf-8"))
    crashed = report["documents"][0]
    assert crashed["internal_errors"][0]["rule"] == "NLMG-Z904"
    assert [f["code"] for f in crashed["findings"]] == ["NLMG-Z902"]
    assert "internal error: sources/crash.txt: rule NLMG-Z904 crashed: RuntimeError" in result.stderr


def test_a_crash_outranks_findings_and_unreadable_files(project):
    _add(project, "crash.txt", "CRASHWORD and CONFLICTWORD.\n")
    assert nlmg(project, "check", "sources", "nope.txt").returncode == 3


def test_unknown_format_is_a_usage_error(project):
    result = nlmg(project, "check", "--format", "xml")
    assert result.returncode == 2
    assert "invalid choice: 'xml'" in result.stderr


def test_a_bad_configuration_exits_2_with_one_line(project):
    (project / "pyproject.toml").write_text("[tool.nlmg-facts\nselect = [\n", encoding="utf-8")
    result = nlmg(project, "check")
    assert result.returncode == 2
    assert result.stdout == ""
    (line,) = result.stderr.splitlines()
    assert line.startswith("nlmg-facts: error: ") and "pyproject.toml: invalid TOML" in line


def test_a_selector_matching_no_rule_exits_2(project):
    result = nlmg(project, "check", "--select", "NLMG-Q")
    assert result.returncode == 2
    assert "matches no rule" in result.stderr


def test_negative_jobs_is_a_usage_error(project):
    assert nlmg(project, "check", "--jobs", "-1").returncode == 2


def test_a_missing_default_sources_directory_exits_2(tmp_path):
    (tmp_path / ".git").mkdir()
    result = nlmg(tmp_path, "check", "--no-config")
    assert result.returncode == 2
    assert "no PATH given and sources/ (the default) does not exist" in result.stderr


# ------------------------------------------------------------------ selection


def test_select_and_ignore_flags_choose_the_rules(project):
    _add(project, "mixed.txt", "CONFLICTWORD then DOUBTWORD then NOTEWORD.\n")
    codes = lambda r: [f["code"] for d in json.loads(r.stdout)["documents"] for f in d["findings"]]  # noqa: E731
    assert codes(nlmg(project, "check", "--format", "json", "--select", "NLMG-Z902,NLMG-Z903")) == [
        "NLMG-Z902", "NLMG-Z903"
    ]
    assert codes(
        nlmg(project, "check", "--format", "json", "--ignore", "NLMG-Z901", "--ignore", "fake-note-word")
    ) == ["NLMG-Z902"]


def test_a_severity_override_in_the_configuration_changes_the_exit_code(project):
    _add(project, "owl.txt", ERRS)
    (project / "pyproject.toml").write_text(
        CONFIG + '\n[tool.nlmg-facts.severity]\n"NLMG-Z905" = "warning"\n', encoding="utf-8"
    )
    result = nlmg(project, "check")
    assert result.returncode == 0
    assert "warning NLMG-Z905" in result.stdout


# ------------------------------------------------------------------ formats and output


@pytest.mark.parametrize("fmt", ["text", "json", "sarif", "github"])
def test_every_format_writes_atomically_to_the_output_file(project, fmt):
    _add(project, "owl.txt", ERRS)
    result = nlmg(project, "check", "--format", fmt, "--output", "report.out")
    assert result.returncode == 1
    assert result.stdout == ""
    written = (project / "report.out").read_text(encoding="utf-8")
    assert "NLMG-Z905" in written
    if fmt in ("json", "sarif"):
        json.loads(written)
    assert not [p for p in project.iterdir() if p.name.startswith(".report.out.")]


def test_the_github_format_prints_annotations(project):
    _add(project, "owl.txt", ERRS)
    result = nlmg(project, "check", "--format", "github")
    assert result.stdout.startswith("::error file=sources/owl.txt,line=1,endLine=1,col=44,")


def test_an_article_on_stdin_is_checked(project):
    result = nlmg(project, "check", "--format", "json", "-", stdin=ERRS)
    assert result.returncode == 1
    (doc,) = json.loads(result.stdout)["documents"]
    assert doc["path"] == "<stdin>" and doc["findings"][0]["code"] == "NLMG-Z905"


def test_two_jobs_print_the_same_report_as_one(project):
    for i in range(8):
        _add(project, f"owl{i}.txt", ERRS.replace("8 May", f"{10 + i} May"))
    one = nlmg(project, "check", "--format", "json", "--jobs", "1")
    two = nlmg(project, "check", "--format", "json", "--jobs", "2")
    assert one.returncode == two.returncode == 1
    assert one.stdout == two.stdout
    assert len(json.loads(two.stdout)["documents"]) == 9


def _stderr_on_a_terminal(project: Path, env: dict) -> str:
    """Run a check with stderr on a pseudo-terminal; return what the terminal got."""
    import pty

    leader, follower = pty.openpty()
    environ = {k: v for k, v in os.environ.items() if k != "CI"}
    environ["PYTHONPATH"] = os.pathsep.join([str(PLUGINS), environ.get("PYTHONPATH", "")])
    environ.update(env)
    try:
        subprocess.run(
            [sys.executable, "-m", "nlmg_facts", "check", "--jobs", "2"],
            cwd=project, stdout=subprocess.DEVNULL, stderr=follower, env=environ, timeout=120,
        )
        os.close(follower)
        chunks = []
        while True:
            try:
                chunk = os.read(leader, 4096)
            except OSError:  # EIO: the terminal is closed and drained
                break
            if not chunk:
                break
            chunks.append(chunk)
    finally:
        os.close(leader)
    return b"".join(chunks).decode("utf-8", "replace")


@pytest.mark.parametrize("ci, drawn", [({}, True), ({"CI": "true"}, False)])
def test_the_progress_bar_shows_on_a_terminal_but_not_in_ci(project, ci, drawn):
    for i in range(3):
        _add(project, f"owl{i}.txt", ERRS)
    assert ("checking [" in _stderr_on_a_terminal(project, ci)) is drawn


def test_no_progress_bar_when_stderr_is_not_a_terminal(project):
    for i in range(3):
        _add(project, f"owl{i}.txt", ERRS)
    result = nlmg(project, "check", "--jobs", "2")
    assert "checking [" not in result.stderr


def test_the_progress_bar_draws_on_a_terminal_and_is_wiped():
    import io

    from nlmg_facts.cli.check import ProgressBar

    stream = io.StringIO()
    bar = ProgressBar(stream)
    bar(1, 4)
    bar(4, 4)
    bar.close()
    text = stream.getvalue()
    assert "checking [" in text and "4/4" in text
    assert text.endswith("\r")


def test_the_report_on_the_bundled_article_does_not_depend_on_the_hash_seed():
    """Set iteration order changes with PYTHONHASHSEED; reports must not (CI diffs, goldens)."""
    root = Path(__file__).resolve().parents[2]
    runs = [
        nlmg(root, "check", "sources", "--no-config", "--format", "json",
             env={"PYTHONHASHSEED": seed})
        for seed in ("1", "2", "3")
    ]
    assert {r.returncode for r in runs} <= {0, 1}, runs[0].stderr
    first = json.loads(runs[0].stdout)["documents"][0]["findings"]
    for other in runs[1:]:
        findings = json.loads(other.stdout)["documents"][0]["findings"]
        differ = [(a["code"], a["message"], b["message"]) for a, b in zip(first, findings) if a != b]
        assert len(findings) == len(first) and not differ, differ[:3]


# ------------------------------------------------------------------ choosing files


def test_show_files_lists_what_would_be_checked_and_stops(project):
    _add(project, "owl.txt", ERRS)
    (project / "build").mkdir()
    (project / "build" / "copy.txt").write_text(ERRS, encoding="utf-8")
    (project / "README.md").write_text(WARNS, encoding="utf-8")
    result = nlmg(project, "check", "--show-files", ".", "sources/owl.txt")
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == ["README.md", "sources/heron.txt", "sources/owl.txt"]
    result = nlmg(project, "check", "--show-files", "--extend-exclude", "README.md", ".")
    assert result.stdout.splitlines() == ["sources/heron.txt", "sources/owl.txt"]


def test_a_gitignored_empty_file_no_longer_fails_the_run(project):
    subprocess.run(["git", "init", "-q"], cwd=project, check=True)
    (project / ".gitignore").write_text("generated/\n", encoding="utf-8")
    (project / "generated").mkdir()
    (project / "generated" / "empty.txt").write_text("", encoding="utf-8")
    assert nlmg(project, "check", ".").returncode == 0
    assert nlmg(project, "check", "--no-respect-gitignore", ".").returncode == 2


def test_a_broken_symlink_is_reported_and_exits_2(project):
    (project / "sources" / "gone.txt").symlink_to(project / "nowhere.txt")
    result = nlmg(project, "check")
    assert result.returncode == 2
    assert "sources/gone.txt: broken symbolic link (to " in result.stderr


def test_configured_paths_are_the_default_and_none_existing_is_one_error(project):
    (project / "articles").mkdir()
    (project / "articles" / "owl.txt").write_text(ERRS, encoding="utf-8")
    (project / "pyproject.toml").write_text(CONFIG + 'paths = ["articles/"]\n', encoding="utf-8")
    result = nlmg(project / "sources", "check")  # from a subdirectory: relative to the root
    assert result.returncode == 1 and "owl.txt" in result.stdout
    (project / "pyproject.toml").write_text(CONFIG + 'paths = ["missing/"]\n', encoding="utf-8")
    result = nlmg(project, "check")
    assert result.returncode == 2 and result.stdout == ""
    (line,) = result.stderr.splitlines()
    assert "no PATH given and missing/ (configured in" in line


def test_per_file_ignores_switch_rules_off_for_matching_files(project):
    _add(project, "owl.txt", ERRS)
    (project / "pyproject.toml").write_text(
        CONFIG + '[tool.nlmg-facts.per-file-ignores]\n"sources/owl.txt" = ["NLMG-Z905"]\n', encoding="utf-8"
    )
    assert nlmg(project, "check").returncode == 0


# ------------------------------------------------------------------ output controls


def test_an_inline_ignore_silences_the_finding_and_an_unknown_code_warns(project):
    _add(project, "owl.txt", ERRS.replace("It shipped on 1 May", "<!-- nlmg-facts: ignore NLMG-Z905 --> It shipped on 1 May"))
    result = nlmg(project, "check")
    assert result.returncode == 0, result.stdout
    assert "NLMG-Z905" not in result.stdout and "(1 ignored inline)" in result.stdout
    shown = nlmg(project, "check", "--show-suppressed")
    assert "[ignored: <!-- nlmg-facts: ignore NLMG-Z905 --> at 1:30]" in shown.stdout
    _add(project, "owl.txt", "<!-- nlmg-facts: ignore NLMG-Z095 -->\n" + ERRS)
    result = nlmg(project, "check")
    assert result.returncode == 1
    assert result.stderr == (
        "nlmg-facts: warning: sources/owl.txt:1:1: nlmg-facts ignore names no rule 'NLMG-Z095' "
        "(did you mean NLMG-Z905?): nothing is ignored for it\n"
    )


def test_the_text_output_shows_the_fingerprint_review_accept_takes(project):
    _add(project, "owl.txt", ERRS)
    fp = json.loads(nlmg(project, "check", "--format", "json").stdout)["documents"][1]["findings"][0]["fingerprint"]
    assert f"    fingerprint: {fp[:8]} (nlmg-facts review --accept {fp[:8]} --reason TEXT)" in nlmg(project, "check").stdout
    assert nlmg(project, "review", "--accept", fp[:8], "--reason", "both are sourced").returncode == 0
    assert nlmg(project, "check").returncode == 0


def test_quiet_and_statistics_keep_the_exit_code(project):
    _add(project, "owl.txt", ERRS)
    quiet = nlmg(project, "check", "--quiet")
    assert quiet.returncode == 1
    assert quiet.stdout.startswith("sources/owl.txt:1:44: error NLMG-Z905 shipped on 1 May 2014 here")
    assert len(quiet.stdout.splitlines()) == 1
    stats = nlmg(project, "check", "--statistics")
    assert stats.returncode == 1
    assert stats.stdout.splitlines()[0] == "1  NLMG-Z905  fake-shipping-date-conflict (error)"
    wrong = nlmg(project, "check", "--statistics", "--format", "json")
    assert wrong.returncode == 2 and "--statistics goes with --format text" in wrong.stderr


@pytest.mark.parametrize(
    "flag, env, coloured",
    [("always", {}, True), ("never", {}, False), ("auto", {}, False), ("always", {"NO_COLOR": "1"}, True)],
)
def test_color_is_used_only_when_asked_or_on_a_terminal(project, flag, env, coloured):
    _add(project, "owl.txt", ERRS)
    out = nlmg(project, "check", "--color", flag, env=env).stdout
    assert ("\x1b[" in out) is coloured


def test_auto_color_honours_no_color_and_dumb_terminals():
    from nlmg_facts.cli.check import use_color

    class Tty:
        def isatty(self):
            return True

    assert use_color("auto", Tty(), {}) is True
    assert use_color("auto", Tty(), {"NO_COLOR": "1"}) is False
    assert use_color("auto", Tty(), {"TERM": "dumb"}) is False
    assert use_color("never", Tty(), {}) is False


def test_an_unknown_code_in_select_gets_a_did_you_mean(project):
    result = nlmg(project, "check", "--select", "NLMG-Z095")
    assert result.returncode == 2
    assert "(did you mean NLMG-Z905?)" in result.stderr
    result = nlmg(project, "check", "--ignore", "fake-doubt-wrd")
    assert result.returncode == 2 and "(did you mean fake-doubt-word?)" in result.stderr


def test_a_config_file_without_our_table_warns(project):
    (project / "other.toml").write_text("[tool.ruff]\nline-length = 100\n", encoding="utf-8")
    result = nlmg(project, "check", "--config", "other.toml")
    assert result.stderr.startswith("nlmg-facts: warning: ")
    assert "other.toml: no [tool.nlmg-facts] table, so nothing is configured" in result.stderr


def test_a_review_file_holding_an_empty_object_warns(project):
    (project / "nlmg-facts.review.json").write_text("{}\n", encoding="utf-8")
    result = nlmg(project, "check")
    assert result.returncode == 0
    assert "review file has no \"reviews\" list ({}), so nothing is reviewed" in result.stderr
