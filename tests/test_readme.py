"""The README's configuration, plugin and calendar examples work when copied as written."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import regex

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")
ARTICLE = (
    "The Tern is a 2010 film. It premiered at the 12th Harbourside Film Festival in June 2010, "
    "and its audience grew by 45% in a year.\n"
)


def _block(heading: str, lang: str) -> str:
    """The first ```lang block after a heading of the README."""
    start = README.index(f"\n{heading}\n")
    m = regex.compile(rf"```{lang}\n(.*?)```", regex.DOTALL).search(README, start)
    assert m is not None, f"no {lang} block under {heading}"
    return m.group(1)


def _project(tmp_path: Path) -> Path:
    (tmp_path / ".git").mkdir()
    (tmp_path / "pyproject.toml").write_text(_block("## Configuration", "toml"), encoding="utf-8")
    (tmp_path / "house_rules.py").write_text(_block("### Writing a rule (plugin API)", "python"), encoding="utf-8")
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "festivals.json").write_text(_block("### Calendar files", "json"), encoding="utf-8")
    (tmp_path / "sources").mkdir()
    (tmp_path / "sources" / "tern.txt").write_text(ARTICLE, encoding="utf-8")
    return tmp_path


def _nlmg(cwd: Path, *args: str):
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "CI")}
    return subprocess.run(
        [sys.executable, "-m", "nlmg_facts", *args],
        cwd=cwd, capture_output=True, text=True, env=env, timeout=120,
    )


def _codes(result) -> list[str]:
    return [f["code"] for d in json.loads(result.stdout)["documents"] for f in d["findings"]]


def test_the_configuration_block_runs_as_written_with_its_plugin_and_calendar(tmp_path):
    project = _project(tmp_path)
    # From a subdirectory, so the project root is not on sys.path by accident: the plugin
    # is found because it is beside pyproject.toml, without PYTHONPATH.
    result = _nlmg(project / "sources", "check", "--format", "json")
    assert result.returncode == 1, result.stderr
    assert result.stderr == ""
    assert _codes(result) == ["NLMG-X001"]  # selected by "NLMG-X"; R002 is ignored there


def test_the_calendar_file_numbers_the_festival(tmp_path):
    project = _project(tmp_path)
    result = _nlmg(project / "sources", "check", "--format", "json", "--select", "NLMG-R002")
    assert _codes(result) == ["NLMG-R002"], result.stderr  # the 12th was held in 2012
    message = json.loads(result.stdout)["documents"][0]["findings"][0]["message"]
    assert "12th Harbourside Film Festival was held in 2012" in message


def test_the_plugin_rule_is_listed_and_explained(tmp_path):
    project = _project(tmp_path)
    assert "NLMG-X001" in _nlmg(project, "rules").stdout
    explained = _nlmg(project, "explain", "percent-sign-in-prose")
    assert explained.returncode == 0 and "Why it matters" in explained.stdout


def test_the_readme_points_to_no_file_outside_the_repository():
    assert not regex.search(r"\.\./|/work/|/home/|/tmp/", README)
    for path in regex.findall(r"`((?:src|tests|schemas|benchmarks|sources)/[\w./-]*\w)`", README):
        if "<" not in path and "*" not in path:
            assert (ROOT / path).exists(), path
