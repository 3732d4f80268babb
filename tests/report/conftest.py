"""Reports built by the real pipeline with the fake rules, for the renderer tests."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
if str(FIXTURES / "plugins") not in sys.path:
    sys.path.insert(0, str(FIXTURES / "plugins"))

from nlmg_fake_registry import only_fake_rules  # noqa: E402

ARTICLE = (
    "The Lantern is a 2009 board game designed in Leeds.\n\n"
    "It shipped on 4 May 2009 to shops in England. "
    "Critics found the box DOUBTWORD sturdy, and one called it \"a CONFLICTWORD, if a small one\".\n"
    "A second print run followed; it shipped on 9 June 2009 to the rest of Europe, "
    "100% of copies in a tin (NOTEWORD: the tin rusted)."
)


@pytest.fixture
def fake_rules():
    with only_fake_rules():
        yield


@pytest.fixture
def project(tmp_path, monkeypatch):
    """A project root with one article with findings, and one missing file."""
    (tmp_path / ".git").mkdir()
    (tmp_path / "articles").mkdir()
    (tmp_path / "articles" / "lantern.txt").write_text(ARTICLE, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.fixture
def run(fake_rules, project):
    from nlmg_facts.config import load_config
    from nlmg_facts.pipeline import run_check

    return run_check(["articles", "missing.txt"], load_config())


@pytest.fixture
def report(run):
    return run.report
