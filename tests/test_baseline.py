"""``check --baseline-commit``: only what a change introduced, in real git repositories."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from nlmg_facts.baseline import changed_lines
from nlmg_facts.cli import main

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")

LEAD = "Harbour Lights is a 2014 Danish drama film directed by Ane Holm.\n\n"
OLD_CONFLICT = (
    "The film premiered at the Berlin International Film Festival on 8 February 2014. "
    "It was released in Denmark on 20 March 2014.\n\n"
    "Harbour Lights opened in Danish cinemas on 27 March 2014, and it grossed DKK 4 million there.\n"
)
NEW_CONFLICT = (
    "\nIts director was born in Aarhus. The film was released in Sweden on 2 May 2014. "
    "It opened in Swedish cinemas on 16 May 2014.\n"
)
CLEAN = "Quiet Water is a 2012 Norwegian film. It was released in Norway on 3 August 2012.\n"


def git(repo: Path, *args: str) -> str:
    return subprocess.run(
        ["git", *args], cwd=repo, check=True, capture_output=True, text=True
    ).stdout


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A repository whose first commit has one article with one conflict."""
    root = tmp_path / "articles"
    root.mkdir()
    git(root, "init", "-q", "-b", "main")
    git(root, "config", "user.email", "editor@example.org")
    git(root, "config", "user.name", "Editor")
    (root / "pyproject.toml").write_text("[tool.nlmg-facts]\n")
    (root / "harbour_lights.txt").write_text(LEAD + OLD_CONFLICT)
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "first")
    monkeypatch.chdir(root)
    return root


def commit(repo: Path, message: str) -> None:
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", message)


def check_json(*args: str) -> tuple[int, dict]:
    out = Path("report.json")
    code = main(["check", "--no-review", "--format", "json", "--output", str(out), *args])
    report = json.loads(out.read_text())
    out.unlink()
    return code, report


def codes(report: dict) -> list[tuple[str, int]]:
    return [
        (f["code"], f["evidence"][0]["line"])
        for d in report["documents"]
        for f in d["findings"]
    ]


def test_without_a_change_every_finding_is_already_at_the_baseline(repo):
    code, report = check_json("--baseline-commit", "HEAD", "harbour_lights.txt")
    assert code == 0
    assert codes(report) == []
    assert report["summary"]["baseline"] == 1
    code, report = check_json("harbour_lights.txt")
    assert code == 1 and len(codes(report)) == 1  # the finding is real without a baseline


def test_a_conflict_added_since_the_ref_is_reported_and_the_old_one_is_not(repo):
    with (repo / "harbour_lights.txt").open("a") as fh:
        fh.write(NEW_CONFLICT)
    code, report = check_json("--baseline-commit", "HEAD", "harbour_lights.txt")
    assert code == 1
    assert codes(report) == [("NLMG-D001", 7)]
    assert report["summary"]["baseline"] == 1


def test_text_inserted_above_an_old_finding_leaves_it_at_the_baseline(repo):
    path = repo / "harbour_lights.txt"
    path.write_text(LEAD + "The screenplay went through six drafts.\n\n" + OLD_CONFLICT)
    commit(repo, "insert a paragraph")
    code, report = check_json("--baseline-commit", "HEAD~1", "harbour_lights.txt")
    assert (code, codes(report)) == (0, [])


def test_an_old_finding_whose_line_was_edited_is_reported_again(repo):
    path = repo / "harbour_lights.txt"
    # The evidence's paragraph changes far from the quoted dates: same fingerprint, touched line.
    path.write_text(LEAD + OLD_CONFLICT.replace("Berlin International", "Berlin"))
    code, report = check_json("--baseline-commit", "HEAD", "harbour_lights.txt")
    assert code == 1
    assert codes(report) == [("NLMG-D001", 3)]


def test_an_article_added_since_the_ref_is_checked_whole(repo):
    (repo / "second.txt").write_text(LEAD + OLD_CONFLICT)  # untracked, not at HEAD
    code, report = check_json("--baseline-commit", "HEAD", "second.txt", "harbour_lights.txt")
    assert code == 1
    by_doc = {d["path"]: len(d["findings"]) for d in report["documents"]}
    assert by_doc == {"second.txt": 1, "harbour_lights.txt": 0}


def test_a_renamed_article_keeps_the_identity_of_its_old_findings(repo):
    git(repo, "mv", "harbour_lights.txt", "harbour_lights_2014.txt")
    with (repo / "harbour_lights_2014.txt").open("a") as fh:
        fh.write(NEW_CONFLICT)
    commit(repo, "rename and extend")
    code, report = check_json("--baseline-commit", "HEAD~1", "harbour_lights_2014.txt")
    assert code == 1
    assert codes(report) == [("NLMG-D001", 7)]


def test_a_clean_change_passes(repo):
    (repo / "quiet_water.txt").write_text(CLEAN)
    code, report = check_json("--baseline-commit", "HEAD", ".")
    assert code == 0 and codes(report) == []


def test_outside_a_repository_is_one_clear_error(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.txt").write_text(CLEAN)
    assert main(["check", "--baseline-commit", "HEAD", "a.txt"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "not inside a git repository" in err[0]


def test_an_unknown_ref_is_one_clear_error(repo, capsys):
    assert main(["check", "--baseline-commit", "no-such-branch", "harbour_lights.txt"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "unknown git ref" in err[0]


def test_a_shallow_clone_names_the_fetch_depth_it_needs(repo, tmp_path, monkeypatch, capsys):
    (repo / "quiet_water.txt").write_text(CLEAN)
    commit(repo, "second")
    shallow = tmp_path / "shallow"
    subprocess.run(
        ["git", "clone", "-q", "--depth", "1", f"file://{repo}", str(shallow)],
        check=True, capture_output=True,
    )
    monkeypatch.chdir(shallow)
    first = git(repo, "rev-parse", "HEAD~1").strip()
    assert main(["check", "--baseline-commit", first, "harbour_lights.txt"]) == 2
    assert "fetch-depth" in capsys.readouterr().err
    git(shallow, "fetch", "-q", "--depth", "2", "origin", "main")
    code, report = check_json("--baseline-commit", first, "harbour_lights.txt")
    assert (code, codes(report)) == (0, [])


@pytest.mark.parametrize(
    ("diff", "expected"),
    [
        ("@@ -3 +3 @@\n-a\n+b\n", {3}),
        ("@@ -3,0 +4,2 @@\n+a\n+b\n", {4, 5}),
        ("@@ -5,2 +4,0 @@\n-a\n-b\n", {4, 5}),  # a deletion touches the lines on both sides
        ("@@ -1,2 +1,3 @@ heading\n+x\n@@ -9 +10 @@\n-a\n+b\n", {1, 2, 3, 10}),
        ("", set()),
    ],
)
def test_changed_lines_are_the_new_side_of_each_hunk(diff, expected):
    assert changed_lines(diff) == frozenset(expected)
