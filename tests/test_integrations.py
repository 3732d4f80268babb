"""The ready-made integrations: the pre-commit hook and the GitHub Action, run for real."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import jsonschema
import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
HOOKS = ROOT / ".pre-commit-hooks.yaml"
ACTION = ROOT / "action.yml"

CONFLICT = (
    "Harbour Lights is a 2014 Danish drama film directed by Ane Holm.\n\n"
    "It was released in Denmark on 20 March 2014.\n\n"
    "Harbour Lights opened in Danish cinemas on 27 March 2014.\n"
)
CLEAN = "Quiet Water is a 2012 Norwegian film. It was released in Norway on 3 August 2012.\n"

needs_git = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


def git(repo: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True)


def article_repo(path: Path, files: dict[str, str]) -> Path:
    path.mkdir()
    git(path, "init", "-q", "-b", "main")
    git(path, "config", "user.email", "editor@example.org")
    git(path, "config", "user.name", "Editor")
    for name, text in files.items():
        (path / name).write_text(text)
    git(path, "add", "-A")
    git(path, "commit", "-q", "-m", "articles")
    return path


# ------------------------------------------------------------------ pre-commit


def test_the_hook_definition_names_the_cli_and_the_article_formats():
    (hook,) = yaml.safe_load(HOOKS.read_text())
    scripts = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["scripts"]
    assert hook["id"] == "nlmg-facts"
    assert hook["language"] == "python"
    assert hook["entry"].split()[0] in scripts
    assert hook["entry"].split()[1:] == ["check"]
    assert hook["pass_filenames"] is True
    files = re.compile(hook["files"])
    for name in ("a.txt", "dir/b.md", "c.wiki", "d.mediawiki"):
        assert files.search(name), name
    for name in ("setup.py", "data.json", "notes.txt.bak", "image.png"):
        assert not files.search(name), name


@pytest.fixture(scope="module")
def pre_commit_home(tmp_path_factory) -> Path:
    """One hook environment for the module: pre-commit installs this checkout once."""
    return tmp_path_factory.mktemp("pre-commit-home")


def try_repo(repo: Path, home: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PRE_COMMIT_HOME": str(home), "PRE_COMMIT_COLOR": "never"}
    return subprocess.run(
        [sys.executable, "-m", "pre_commit", "try-repo", str(ROOT), "nlmg-facts",
         "--all-files", "--verbose"],
        cwd=repo, env=env, capture_output=True, text=True, timeout=900,
    )


@needs_git
def test_pre_commit_passes_a_clean_article(tmp_path, pre_commit_home):
    repo = article_repo(tmp_path / "clean", {"quiet_water.txt": CLEAN, "tool.py": "x = 1\n"})
    proc = try_repo(repo, pre_commit_home)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert re.search(r"nlmg-facts\.+Passed", proc.stdout)


@needs_git
def test_pre_commit_fails_an_article_with_a_conflict_and_prints_the_finding(
    tmp_path, pre_commit_home
):
    repo = article_repo(tmp_path / "conflict", {"harbour_lights.txt": CONFLICT})
    proc = try_repo(repo, pre_commit_home)
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert re.search(r"nlmg-facts\.+Failed", proc.stdout)
    assert "harbour_lights.txt:3:" in proc.stdout and "NLMG-D001" in proc.stdout


# ------------------------------------------------------------------ GitHub Action

#: The shape of action metadata (docs.github.com, "Metadata syntax for GitHub
#: Actions"), for a composite action: what GitHub itself rejects.
ACTION_SCHEMA = {
    "type": "object",
    "required": ["name", "description", "runs"],
    "properties": {
        "name": {"type": "string", "minLength": 1},
        "description": {"type": "string", "minLength": 1},
        "author": {"type": "string"},
        "branding": {
            "type": "object",
            "properties": {"icon": {"type": "string"}, "color": {"type": "string"}},
            "additionalProperties": False,
        },
        "inputs": {
            "type": "object",
            "propertyNames": {"pattern": "^[A-Za-z_][A-Za-z0-9_-]*$"},
            "additionalProperties": {
                "type": "object",
                "required": ["description"],
                "properties": {
                    "description": {"type": "string"},
                    "required": {"type": "boolean"},
                    "default": {"type": "string"},
                    "deprecationMessage": {"type": "string"},
                },
                "additionalProperties": False,
            },
        },
        "outputs": {
            "type": "object",
            "additionalProperties": {
                "type": "object",
                "required": ["description", "value"],
                "properties": {"description": {"type": "string"}, "value": {"type": "string"}},
                "additionalProperties": False,
            },
        },
        "runs": {
            "type": "object",
            "required": ["using", "steps"],
            "properties": {
                "using": {"const": "composite"},
                "steps": {
                    "type": "array",
                    "minItems": 1,
                    "items": {
                        "type": "object",
                        "oneOf": [
                            {"required": ["run", "shell"]},
                            {"required": ["uses"], "not": {"required": ["run"]}},
                        ],
                        "properties": {
                            "name": {"type": "string"},
                            "id": {"type": "string"},
                            "run": {"type": "string"},
                            "shell": {"type": "string"},
                            "uses": {"type": "string"},
                            "with": {"type": "object"},
                            "env": {"type": "object", "additionalProperties": {"type": "string"}},
                            "if": {"type": "string"},
                            "working-directory": {"type": "string"},
                            "continue-on-error": {"type": ["boolean", "string"]},
                        },
                        "additionalProperties": False,
                    },
                },
            },
            "additionalProperties": False,
        },
    },
    "additionalProperties": False,
}

_EXPR = re.compile(r"\$\{\{\s*([^}]*?)\s*\}\}")


def load_action() -> dict:
    return yaml.safe_load(ACTION.read_text())


def test_action_yml_is_valid_composite_action_metadata():
    action = load_action()
    jsonschema.validate(action, ACTION_SCHEMA)
    assert {"paths", "fail-on", "baseline-commit", "format", "sarif-file"} <= set(action["inputs"])
    # Inputs reach the scripts through env, never pasted into them (no shell injection).
    for step in action["runs"]["steps"]:
        assert "inputs." not in step.get("run", ""), step["name"]


def run_action(workdir: Path, inputs: dict[str, str], python: str) -> subprocess.CompletedProcess:
    """Every step of action.yml, as a runner would: expressions substituted, in order."""
    action = load_action()
    values = {k: v.get("default", "") for k, v in action["inputs"].items()} | inputs
    values["python"] = python
    context = {f"inputs.{k}": v for k, v in values.items()} | {"github.action_path": str(ROOT)}
    output = workdir.parent / f"{workdir.name}-github-output"
    output.write_text("")
    proc = None
    for step in action["runs"]["steps"]:
        env = {k: _EXPR.sub(lambda m: context[m[1]], v) for k, v in step.get("env", {}).items()}
        proc = subprocess.run(
            ["bash", "-e", "-c", step["run"]],
            cwd=workdir, capture_output=True, text=True, timeout=900,
            env={**os.environ, **env, "GITHUB_OUTPUT": str(output)},
        )
        if proc.returncode != 0:
            break
    assert proc is not None
    proc.github_output = output.read_text()  # type: ignore[attr-defined]
    return proc


@pytest.fixture(scope="module")
def action_python(tmp_path_factory) -> str:
    """A fresh interpreter for the install step (it must not touch the test's own venv)."""
    venv = tmp_path_factory.mktemp("action-venv")
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    return str(venv / "bin" / "python")


@needs_git
def test_the_action_fails_on_a_conflict_with_annotations_and_sarif(tmp_path, action_python):
    repo = article_repo(tmp_path / "repo", {"harbour_lights.txt": CONFLICT, "ok.txt": CLEAN})
    proc = run_action(repo, {"paths": "harbour_lights.txt ok.txt"}, action_python)
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert "::error file=harbour_lights.txt,line=3" in proc.stdout
    sarif = json.loads((repo / "nlmg-facts.sarif").read_text())
    assert [r["ruleId"] for r in sarif["runs"][0]["results"]] == ["NLMG-D001"]
    assert "sarif-file=nlmg-facts.sarif" in proc.github_output


@needs_git
def test_the_action_with_a_baseline_passes_on_old_findings(tmp_path, action_python):
    repo = article_repo(tmp_path / "repo", {"harbour_lights.txt": CONFLICT})
    (repo / "quiet_water.txt").write_text(CLEAN)
    proc = run_action(repo, {"paths": ".", "baseline-commit": "HEAD"}, action_python)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "::error" not in proc.stdout
    sarif = json.loads((repo / "nlmg-facts.sarif").read_text())
    assert sarif["runs"][0]["results"] == []
