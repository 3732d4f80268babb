"""Helpers for the review tests: temporary projects and running the command line."""

from __future__ import annotations

import contextlib
import io
import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "sources" / "never_let_me_go_2010.txt"
SARIF_SCHEMA = ROOT / "tests" / "report" / "sarif-schema-2.1.0.json"

#: A short article of our own with four conflicts (two release dates, two
#: grosses, two filming starts, two Irish release dates): quick to check.
HARBOUR = """\
The Quiet Harbour is a 2012 British drama film directed by Ana Lowe, based on the novel by Tom Reed. \
It was released in the United Kingdom on 3 March 2013 by Northlight Pictures. \
The film earned US$4.2 million at the box office.

Production. Filming began on 2 April 2011 in Whitby and lasted six weeks. \
Principal photography began on 9 June 2011 in Whitby.

Release. The film was released in the United Kingdom on 17 May 2013, and in Ireland on 24 May 2013. \
It opened in Ireland on 31 May 2013. The Quiet Harbour has made a total of US$6.8 million worldwide.

References
Moss, Karen (2 April 2011). "Lowe starts shooting harbour drama". Screen Daily. Retrieved 5 April 2011.
"""


@dataclass
class Result:
    returncode: int
    stdout: str
    stderr: str


def make_project(root: Path, articles: dict[str, str]) -> Path:
    (root / ".git").mkdir()
    (root / "pyproject.toml").write_text("[tool.nlmg-facts]\n", encoding="utf-8")
    (root / "sources").mkdir()
    for name, text in articles.items():
        (root / "sources" / name).write_text(text, encoding="utf-8")
    return root


def nlmg(project: Path, *args: str) -> Result:
    """The command line in this process (fast: rules and calendars load once)."""
    from nlmg_facts.cli import main

    out, err = io.StringIO(), io.StringIO()
    with contextlib.chdir(project), contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(list(args))
    return Result(code, out.getvalue(), err.getvalue())


def environ(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("CI", "NO_COLOR")}
    env.update(extra)
    return env


def nlmg_process(project: Path, *args: str, **kwargs) -> subprocess.Popen:
    """The command line in its own process (concurrency, terminals)."""
    kwargs.setdefault("env", environ())
    return subprocess.Popen([sys.executable, "-m", "nlmg_facts", *args], cwd=project, **kwargs)


def findings_of(project: Path, *args: str) -> list[dict]:
    """Every finding of ``check --format json`` (with its suppression, if any)."""
    result = nlmg(project, "check", "--format", "json", "--fail-on", "never", *args)
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    return [f for doc in report["documents"] for f in doc["findings"]]


def review_file(project: Path) -> dict:
    return json.loads((project / "nlmg-facts.review.json").read_text(encoding="utf-8"))
