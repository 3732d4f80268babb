"""``check --baseline-commit REF``: keep only the findings a change introduced.

A finding is *old* when the same file at git ref REF (followed through renames)
gives a finding with the same fingerprint and none of the finding's evidence
touches a line changed since REF. Old findings are dropped from the report and
counted in ``summary.baseline``; every other finding is reported as usual.
Articles that did not exist at REF are reported whole.

It asks the ``git`` command (no binding: the few plumbing calls below are all
it needs, and git is on every CI runner that has a checkout). The old text is
checked with the same configuration and under the current path, so its
fingerprints are comparable with today's.
"""

from __future__ import annotations

import os
import subprocess
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable

import regex

from . import _lazyre
from .errors import UsageError
from .models import DocumentReport, Finding, Report

#: ``@@ -a,b +c,d @@``: the new side of a unified-diff hunk.
_HUNK = _lazyre.lazy_compile(r"^@@ -\d+(?:,\d+)? \+(?P<start>\d+)(?:,(?P<count>\d+))? @@", regex.M)

#: Checks old text: (text, current path) -> that version's findings.
OldChecker = Callable[[str, str], list[Finding]]


class BaselineError(UsageError):
    """Not a repository, unknown ref, git missing: exit 2 with one line."""


@dataclass(frozen=True)
class FileChange:
    """One article's state at the baseline: where it was, which lines changed since."""

    old_path: str | None  # None: the file is new since the baseline
    changed_lines: frozenset[int] = field(default_factory=frozenset)
    unchanged: bool = False


def _git(root: Path | str, *args: str, check: bool = True) -> subprocess.CompletedProcess[bytes]:
    try:
        proc = subprocess.run(
            ["git", *args], cwd=root, capture_output=True, stdin=subprocess.DEVNULL
        )
    except FileNotFoundError:
        raise BaselineError("--baseline-commit needs the git command, and git is not installed") from None
    if check and proc.returncode != 0:
        msg = " ".join(proc.stderr.decode("utf-8", "replace").split())
        raise BaselineError(f"git {' '.join(args[:2])} failed: {msg}")
    return proc


class Baseline:
    """The repository and the resolved baseline commit."""

    def __init__(self, ref: str, cwd: Path | str | None = None) -> None:
        cwd = Path(cwd or os.getcwd())
        proc = _git(cwd, "rev-parse", "--show-toplevel", check=False)
        if proc.returncode != 0:
            raise BaselineError(
                f"--baseline-commit {ref}: {cwd} is not inside a git repository"
            )
        self.root = Path(proc.stdout.decode().strip()).resolve()
        self.ref = ref
        proc = _git(self.root, "rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}", check=False)
        if proc.returncode != 0:
            shallow = _git(self.root, "rev-parse", "--is-shallow-repository", check=False)
            hint = (
                " (this is a shallow clone: fetch the ref first, e.g. actions/checkout with "
                "fetch-depth: 0, or git fetch --depth=1 origin REF)"
                if shallow.stdout.strip() == b"true"
                else ""
            )
            raise BaselineError(f"--baseline-commit {ref}: unknown git ref{hint}")
        self.commit = proc.stdout.decode().strip()
        self._status = self._name_status()

    def _name_status(self) -> dict[str, tuple[str, str]]:
        """Tracked files that differ from the commit: new path -> (status letter, old path)."""
        out = _git(self.root, "diff", "--name-status", "-z", "-M", self.commit, "--").stdout
        fields = out.decode("utf-8", "surrogateescape").split("\0")
        status: dict[str, tuple[str, str]] = {}
        i = 0
        while i < len(fields) and fields[i]:
            letter = fields[i][0]
            if letter in "RC":
                old, new = fields[i + 1], fields[i + 2]
                i += 3
            else:
                old = new = fields[i + 1]
                i += 2
            status[new] = (letter, old)
        return status

    def relative(self, path: str) -> str | None:
        """The repository-relative POSIX path of ``path``, or None outside the repository."""
        try:
            rel = Path(os.path.realpath(path)).relative_to(self.root)
        except ValueError:
            return None
        return rel.as_posix()

    def _exists_at_commit(self, rel: str) -> bool:
        return _git(self.root, "cat-file", "-e", f"{self.commit}:{rel}", check=False).returncode == 0

    def change(self, rel: str) -> FileChange:
        letter, old = self._status.get(rel, ("", rel))
        if letter == "A" or (letter == "" and not self._exists_at_commit(rel)):
            return FileChange(old_path=None)
        if letter == "":
            return FileChange(old_path=rel, unchanged=True)
        diff = _git(self.root, "diff", "-U0", "-M", self.commit, "--", old, rel).stdout
        return FileChange(old_path=old, changed_lines=changed_lines(diff.decode("utf-8", "replace")))

    def old_text(self, old_path: str) -> str:
        data = _git(self.root, "show", f"{self.commit}:{old_path}").stdout
        return data.decode("utf-8-sig", "replace")


def changed_lines(diff: str) -> frozenset[int]:
    """New-side line numbers a unified diff (``-U0``) adds or replaces.

    A pure deletion (``+c,0``) marks the lines on both sides of the cut, so a
    finding whose sentence lost words is still counted as touched.
    """
    lines: set[int] = set()
    for m in _HUNK.finditer(diff):
        start = int(m["start"])
        count = 1 if m["count"] is None else int(m["count"])
        if count == 0:
            lines.update((start, start + 1))
        else:
            lines.update(range(start, start + count))
    return frozenset(lines)


def _touches(finding: Finding, lines: frozenset[int]) -> bool:
    for ev in finding.evidence:
        first = ev.line or 0
        last = ev.end_line or first
        if any(n in lines for n in range(first, last + 1)):
            return True
    return False


def new_findings(
    doc: DocumentReport, change: FileChange, old_findings: Iterable[Finding]
) -> list[Finding]:
    """The findings of ``doc`` that are not already at the baseline."""
    if change.old_path is None:
        return list(doc.findings)
    old = {f.fingerprint for f in old_findings}
    return [
        f for f in doc.findings if f.fingerprint not in old or _touches(f, change.changed_lines)
    ]


def apply_baseline(report: Report, baseline: Baseline, check_old: OldChecker) -> Report:
    """Drop the findings present at the baseline; count them in ``summary.baseline``."""
    from .pipeline import total

    docs = []
    for doc in report.documents:
        rel = baseline.relative(doc.path) if doc.ok and doc.findings else None
        if rel is None:
            docs.append(doc)
            continue
        change = baseline.change(rel)
        if change.old_path is None:
            kept = list(doc.findings)
        elif change.unchanged:
            kept = []  # same text, same configuration: the same findings
        else:
            kept = new_findings(doc, change, check_old(baseline.old_text(change.old_path), doc.path))
        hidden = len(doc.findings) - len(kept)
        docs.append(doc.model_copy(update={"findings": kept, "baseline_hidden": hidden}))
    return total(report.model_copy(update={"documents": docs}))
