"""File selection: excludes, .gitignore (asked of git in real repositories), each file once, broken links."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from nlmg_facts.config import Config, load_config, with_cli
from nlmg_facts.files import matches, per_file_ignored, select_files

ARTICLE = "The Heron is a 2012 film. It was released on 3 May 2012.\n"
needs_git = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


def _tree(root: Path, files: list[str]) -> None:
    for name in files:
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(ARTICLE, encoding="utf-8")


def _git(root: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=root, check=True, capture_output=True)


def _names(root: Path, config: Config, paths=None) -> list[str]:
    return [
        os.path.relpath(s.path, root) if s.error is None else f"ERROR {s.error}"
        for s in select_files([str(p) for p in (paths or [root])], config)
    ]


@pytest.mark.parametrize(
    "pattern, path, expected",
    [
        ("*.egg-info", "src/pkg.egg-info/SOURCES.txt", True),
        ("build", "build/lib/a.txt", True),
        ("build", "rebuild/a.txt", False),
        ("tests/fixtures", "tests/fixtures/rules/x.txt", True),
        ("tests/fixtures", "other/tests/fixtures/x.txt", False),
        ("tests/*.txt", "tests/a.txt", True),
        ("tests/*.txt", "tests/sub/a.txt", False),
        ("tests/**/*.txt", "tests/sub/deeper/a.txt", True),
        ("tests/**/*.txt", "tests/a.txt", True),
        ("draft-?.md", "articles/draft-1.md", True),
        ("[ab].txt", "c.txt", False),
    ],
)
def test_glob_patterns_match_components_or_root_relative_paths(pattern, path, expected):
    assert matches(pattern, path) is expected


def test_default_excludes_skip_build_output_and_egg_info(tmp_path):
    _tree(tmp_path, ["a.txt", "build/b.txt", "src/pkg.egg-info/SOURCES.txt", "node_modules/x/c.md",
                     ".hidden/d.txt", "docs/e.md"])
    assert _names(tmp_path, Config(root=tmp_path)) == ["a.txt", "docs/e.md"]


def test_exclude_replaces_the_defaults_and_extend_exclude_adds_to_them(tmp_path):
    _tree(tmp_path, ["a.txt", "build/b.txt", "drafts/c.txt"])
    base = Config(root=tmp_path)
    assert _names(tmp_path, with_cli(base, extend_exclude=["drafts"])) == ["a.txt"]
    assert _names(tmp_path, with_cli(base, exclude=["drafts"])) == ["a.txt", "build/b.txt"]


def test_excludes_come_from_the_configuration_relative_to_the_root(tmp_path):
    _tree(tmp_path, ["articles/a.txt", "articles/old/b.txt", "tests/fixtures/c.txt"])
    (tmp_path / "pyproject.toml").write_text(
        '[tool.nlmg-facts]\nextend-exclude = ["articles/old", "tests/fixtures"]\n', encoding="utf-8"
    )
    config = load_config(cwd=tmp_path)
    assert _names(tmp_path, config) == ["articles/a.txt"]


def test_a_file_named_explicitly_is_read_even_when_excluded(tmp_path):
    _tree(tmp_path, ["build/b.txt"])
    assert _names(tmp_path, Config(root=tmp_path), [tmp_path / "build" / "b.txt"]) == ["build/b.txt"]


def test_a_file_named_twice_or_reached_through_a_symlink_is_read_once(tmp_path):
    _tree(tmp_path, ["a.txt", "real/b.txt"])
    os.symlink(tmp_path / "a.txt", tmp_path / "alias.txt")
    os.symlink(tmp_path / "real", tmp_path / "linked")
    names = _names(tmp_path, Config(root=tmp_path), [tmp_path / "a.txt", tmp_path, tmp_path / "a.txt"])
    assert names == ["a.txt", "linked/b.txt"]


def test_a_symlink_loop_is_walked_once(tmp_path):
    _tree(tmp_path, ["d/a.txt"])
    os.symlink(tmp_path / "d", tmp_path / "d" / "loop")
    assert _names(tmp_path, Config(root=tmp_path)) == ["d/a.txt"]


def test_a_broken_symlink_is_reported_not_skipped(tmp_path):
    _tree(tmp_path, ["a.txt"])
    os.symlink(tmp_path / "gone.txt", tmp_path / "b.txt")
    names = _names(tmp_path, Config(root=tmp_path))
    assert names[0] == "a.txt"
    assert names[1].startswith("ERROR ") and "b.txt: broken symbolic link (to " in names[1]
    named = _names(tmp_path, Config(root=tmp_path), [tmp_path / "b.txt"])
    assert len(named) == 1 and "broken symbolic link" in named[0]


def test_a_directory_with_only_excluded_articles_says_so(tmp_path):
    _tree(tmp_path, ["build/b.txt"])
    (error,) = _names(tmp_path, Config(root=tmp_path))
    assert "directory holds no articles" in error and "1 excluded or ignored by git" in error


@needs_git
def test_gitignored_files_are_skipped_in_a_repository_and_tracked_ones_kept(tmp_path):
    _git(tmp_path, "init", "-q")
    _tree(tmp_path, ["a.txt", "out/gen.txt", "notes/kept.txt", "notes/scratch.md", "sub/x.txt"])
    (tmp_path / "pkg.egg-info").mkdir()
    (tmp_path / "pkg.egg-info" / "top_level.txt").write_text("", encoding="utf-8")  # empty: unreadable
    (tmp_path / ".gitignore").write_text("out/\nscratch.md\nnotes/\n", encoding="utf-8")
    (tmp_path / "sub" / ".gitignore").write_text("x.txt\n", encoding="utf-8")
    _git(tmp_path, "add", "-f", "notes/kept.txt")  # tracked, so not ignored though notes/ is
    config = Config(root=tmp_path)
    assert _names(tmp_path, config) == ["a.txt", "notes/kept.txt"]
    unfiltered = _names(tmp_path, with_cli(config, respect_gitignore=False, exclude=["nothing"]))
    assert unfiltered == ["a.txt", "notes/kept.txt", "notes/scratch.md", "out/gen.txt",
                          "pkg.egg-info/top_level.txt", "sub/x.txt"]


@needs_git
def test_gitignore_applies_below_a_subdirectory_given(tmp_path):
    _git(tmp_path, "init", "-q")
    _tree(tmp_path, ["articles/a.txt", "articles/tmp/b.txt"])
    (tmp_path / ".gitignore").write_text("articles/tmp/\n", encoding="utf-8")
    assert _names(tmp_path, Config(root=tmp_path), [tmp_path / "articles"]) == ["articles/a.txt"]


def test_without_a_repository_gitignore_files_mean_nothing(tmp_path):
    _tree(tmp_path, ["a.txt", "b.txt"])
    (tmp_path / ".gitignore").write_text("b.txt\n", encoding="utf-8")
    assert _names(tmp_path, Config(root=tmp_path)) == ["a.txt", "b.txt"]


def test_per_file_ignores_name_the_rules_off_for_matching_documents(tmp_path):
    (tmp_path / "pyproject.toml").write_text(
        '[tool.nlmg-facts.per-file-ignores]\n"tests/**" = ["NLMG-C", "date-conflict"]\n'
        '"*.md" = ["NLMG-M001"]\n',
        encoding="utf-8",
    )
    config = load_config(cwd=tmp_path)
    assert per_file_ignored("tests/corpus/a.txt", config) == ("NLMG-C", "date-conflict")
    assert per_file_ignored("docs/a.md", config) == ("NLMG-M001",)
    assert per_file_ignored("sources/a.txt", config) == ()
