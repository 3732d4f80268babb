"""Which files a run reads: directories walked, excludes and .gitignore applied, each file once.

- A **file named on the command line** is always read (as ruff does), even when
  an exclude pattern or .gitignore would skip it; a file named twice, or reached
  again through a symbolic link, is read once (the first time it comes).
- A **directory** is walked recursively for articles (``*.txt``, ``*.md``,
  ``*.wiki``...), following symbolic links to directories (each real directory
  once). Hidden files and directories, paths matching ``exclude`` (defaults:
  ``build``, ``dist``, ``*.egg-info``...; see ``config.DEFAULT_EXCLUDE``) and,
  with ``respect-gitignore`` (the default), what git ignores are skipped.
  A broken symbolic link is reported as unreadable, never skipped in silence.
- **Patterns** are globs: one without ``/`` matches any single path component
  (``*.egg-info``, ``drafts``); one with ``/`` matches the path relative to the
  project root, or a leading part of it (``tests/fixtures`` skips everything
  below it); ``*`` stays within a component, ``**`` crosses them.
- **.gitignore**: asked of git itself (``git ls-files --others --ignored
  --exclude-standard --directory``, one call per directory given), so every
  rule of git applies (nested .gitignore files, ``.git/info/exclude``, the
  global excludes file, negations), and a tracked file is never treated as
  ignored. Outside a git repository, or without git, nothing is ignored.
"""

from __future__ import annotations

import functools
import os
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Sequence

import regex

from . import _lazyre
from .config import Config
from .ingest.reader import ARTICLE_SUFFIXES, STDIN


@dataclass(frozen=True, slots=True)
class Selected:
    """A path to read, or (``error`` set) one that cannot be read, with why."""

    path: str
    error: str | None = None


# ------------------------------------------------------------------ patterns


@functools.lru_cache(maxsize=256)
def _compile(pattern: str) -> tuple[bool, "regex.Pattern[str]"]:
    """(anchored, regex) for one glob: anchored patterns match a path, the others a name."""
    pat = pattern.strip().removeprefix("./").strip("/") or "."
    anchored = "/" in pat
    out = []
    i = 0
    while i < len(pat):
        ch = pat[i]
        if pat.startswith("**/", i):
            out.append("(?:.*/)?")
            i += 3
            continue
        if pat.startswith("**", i):
            out.append(".*")
            i += 2
            continue
        if ch == "*":
            out.append("[^/]*")
        elif ch == "?":
            out.append("[^/]")
        elif ch == "[":
            end = pat.find("]", i + 1)
            if end < 0:
                out.append(regex.escape(ch))
            else:
                body = pat[i + 1 : end]
                if body.startswith("!"):
                    body = "^" + body[1:]
                out.append(f"[{body}]")
                i = end
        else:
            out.append(regex.escape(ch))
        i += 1
    return anchored, _lazyre.compile("".join(out) + r"\Z")


def matches(pattern: str, relpath: str) -> bool:
    """Does a glob match a POSIX path relative to the project root (or a leading part of it)?"""
    anchored, rx = _compile(pattern)
    parts = [p for p in relpath.split("/") if p not in ("", ".")]
    if not anchored:
        return any(rx.match(p) for p in parts)
    return any(rx.match("/".join(parts[:n])) for n in range(1, len(parts) + 1))


def matching(patterns: Iterable[str], relpath: str) -> str | None:
    """The first pattern that matches, or None."""
    return next((p for p in patterns if matches(p, relpath)), None)


def relative_to_root(path: str | Path, config: Config) -> str:
    """POSIX path relative to the project root (the path itself when outside it)."""
    absolute = os.path.abspath(path)
    rel = os.path.relpath(absolute, config.root)
    if rel == ".." or rel.startswith(".." + os.sep):
        return Path(absolute).as_posix()
    return Path(rel).as_posix()


# ------------------------------------------------------------------ git


def git_ignored(directory: Path) -> set[str] | None:
    """Paths under ``directory`` that git ignores, relative to it (directories end in
    ``/``); None outside a repository or without git. ``{"./"}``: all of it."""
    try:
        out = subprocess.run(
            ["git", "ls-files", "-z", "--others", "--ignored", "--exclude-standard",
             "--directory", "--", "."],
            cwd=directory, capture_output=True, timeout=60,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    if out.returncode != 0:
        return None
    return {p for p in out.stdout.decode("utf-8", "surrogateescape").split("\0") if p}


# ------------------------------------------------------------------ walking


def _hidden(name: str) -> bool:
    return name.startswith(".")


def _walk(top: Path, config: Config) -> tuple[list[Selected], int]:
    """Articles under ``top`` in sorted order, broken links as errors; and how many were skipped."""
    ignored = git_ignored(top) if config.respect_gitignore else None
    if ignored and "./" in ignored:
        ignored = None  # the directory named is itself ignored: the user asked for it anyway
    ignored = ignored or set()
    found: list[Selected] = []
    skipped = 0
    seen_dirs: set[str] = set()
    for folder, dirs, files in os.walk(top, followlinks=True):
        real = os.path.realpath(folder)
        if real in seen_dirs:
            dirs[:] = []
            continue
        seen_dirs.add(real)
        rel_folder = os.path.relpath(folder, top)
        rel_folder = "" if rel_folder == "." else Path(rel_folder).as_posix() + "/"
        keep = []
        for d in sorted(dirs):
            rel = rel_folder + d
            if _hidden(d) or f"{rel}/" in ignored or matching(config.exclude, relative_to_root(os.path.join(folder, d), config)):
                skipped += 1
                continue
            keep.append(d)
        dirs[:] = keep
        for name in sorted(files):
            full = str(Path(folder, name))  # "./a.txt" -> "a.txt", as the old listing gave
            if _hidden(name) or not name.lower().endswith(ARTICLE_SUFFIXES):
                continue
            rel = rel_folder + name
            if rel in ignored or matching(config.exclude, relative_to_root(full, config)):
                skipped += 1
                continue
            if os.path.islink(full) and not os.path.exists(full):
                target = os.readlink(full)
                found.append(Selected(full, f"{full}: broken symbolic link (to {target})"))
            elif os.path.isfile(full):
                found.append(Selected(full))
    return found, skipped


def select_files(paths: Sequence[str], config: Config) -> list[Selected]:
    """The files a run reads, in order, each once; see the module docstring."""
    out: list[Selected] = []
    seen: set[str] = set()

    def add(item: Selected) -> None:
        if item.error is None and item.path != STDIN:
            real = os.path.realpath(item.path)
            if real in seen:
                return
            seen.add(real)
        out.append(item)

    for path in paths:
        if path == STDIN:
            out.append(Selected(STDIN))
        elif os.path.islink(path) and not os.path.exists(path):
            out.append(Selected(path, f"{path}: broken symbolic link (to {os.readlink(path)})"))
        elif os.path.isdir(path):
            found, skipped = _walk(Path(path), config)
            if not found:
                why = f"; {skipped} excluded or ignored by git" if skipped else ""
                out.append(Selected(
                    path, f"{path}: directory holds no articles ({', '.join(ARTICLE_SUFFIXES)}){why}"
                ))
            for item in found:
                add(item)
        else:
            add(Selected(path))  # a file, or a missing path the reader reports in order
    return out


def per_file_ignored(uri: str, config: Config) -> tuple[str, ...]:
    """The rule selectors ``per-file-ignores`` turns off for a document (by its uri)."""
    out: list[str] = []
    for glob, selectors in config.per_file_ignores:
        if matches(glob, uri):
            out.extend(selectors)
    return tuple(out)
