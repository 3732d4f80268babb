"""Reading and writing the review file: validated, sorted, atomic, safe under concurrency."""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterator

from pydantic import ValidationError

from ..errors import UsageError
from ..models.review import ReviewEntry, ReviewFile

if TYPE_CHECKING:  # pragma: no cover
    from ..config import Config

DEFAULT_REVIEW_FILE = "nlmg-facts.review.json"


def find_review_file(start: Path | None = None) -> Path | None:
    """The nearest ``nlmg-facts.review.json`` from ``start`` (cwd) upwards."""
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        candidate = folder / DEFAULT_REVIEW_FILE
        if candidate.is_file():
            return candidate
    return None


def locate_review_file(
    config: "Config", explicit: str | Path | None = None, cwd: Path | None = None
) -> Path | None:
    """The review file to read: ``--review FILE``, else the configuration's ``review``,
    else the nearest ``nlmg-facts.review.json`` from ``cwd`` up to the project root.

    The walk stops at the project root: a review file above it belongs to
    another project. None when there is none (nothing is reviewed yet).
    """
    cwd = (cwd or Path.cwd()).resolve()
    if explicit is not None:
        return (cwd / Path(explicit)).resolve()
    if config.review is not None:
        return Path(config.review)
    root = Path(config.root).resolve()
    folders = [cwd, *cwd.parents] if cwd.is_relative_to(root) else [root]
    for folder in folders:
        candidate = folder / DEFAULT_REVIEW_FILE
        if candidate.is_file():
            return candidate
        if folder == root:
            break
    return None


def review_file_for_writing(
    config: "Config", explicit: str | Path | None = None, cwd: Path | None = None
) -> Path:
    """Where ``nlmg-facts review`` records decisions: the file check reads, else
    ``nlmg-facts.review.json`` at the project root."""
    found = locate_review_file(config, explicit, cwd)
    return found if found is not None else Path(config.root).resolve() / DEFAULT_REVIEW_FILE


def _line_of(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


def _entry_offsets(text: str) -> list[int]:
    """Character offsets where each element of the top-level "reviews" array starts."""
    dec = json.JSONDecoder()
    offsets: list[int] = []
    try:
        obj, _ = dec.raw_decode(text.lstrip())
    except json.JSONDecodeError:
        return offsets
    if not isinstance(obj, dict) or "reviews" not in obj:
        return offsets
    key = text.find('"reviews"')
    pos = text.find("[", key)
    if key < 0 or pos < 0:
        return offsets
    pos += 1
    ws = " \t\r\n,"
    while pos < len(text):
        while pos < len(text) and text[pos] in ws:
            pos += 1
        if pos >= len(text) or text[pos] == "]":
            break
        offsets.append(pos)
        try:
            _, pos = dec.raw_decode(text, pos)
        except json.JSONDecodeError:
            break
    return offsets


def parse_review_text(text: str, name: str) -> ReviewFile:
    """Parse and validate; any defect is a one-line UsageError naming the line."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise UsageError(f"{name}:{exc.lineno}:{exc.colno}: invalid JSON in review file: {exc.msg}") from None
    if isinstance(data, dict) and "reviews" not in data:
        _warn_once(
            f"{name}: review file has no \"reviews\" list ({json.dumps(data)[:40]}), so nothing "
            "is reviewed; restore it from git, or delete it to start afresh"
        )
    try:
        return ReviewFile.model_validate(data)
    except ValidationError as exc:
        err = exc.errors()[0]
        loc = err["loc"]
        line = 1
        if len(loc) >= 2 and loc[0] == "reviews" and isinstance(loc[1], int):
            offsets = _entry_offsets(text)
            if loc[1] < len(offsets):
                line = _line_of(text, offsets[loc[1]])
        where = ".".join(str(p) for p in loc)
        raise UsageError(f"{name}:{line}: invalid review file: {where}: {err['msg']}") from None


_WARNED: set[str] = set()


def _warn_once(message: str) -> None:
    """A warning on stderr, once per process (the review file is read several times a run)."""
    if message not in _WARNED:
        _WARNED.add(message)
        print(f"nlmg-facts: warning: {message}", file=sys.stderr)


def load_review_file(path: Path) -> ReviewFile:
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return ReviewFile()
    except (OSError, UnicodeDecodeError) as exc:
        raise UsageError(f"{path}: cannot read review file: {exc}") from None
    if not text.strip():
        raise UsageError(f"{path}:1: review file is empty (delete it or restore it from git)")
    return parse_review_text(text, str(path))


def render_review_file(review: ReviewFile) -> str:
    data = review.sorted().model_dump(mode="json")
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


class ReviewStore:
    """The review file of a repository, updated under an exclusive lock.

    Every update re-reads the file under the lock, applies the change and
    replaces the file atomically (temporary file + rename), so concurrent
    ``review --accept`` calls never lose entries and a crash never leaves a
    half-written file.
    """

    def __init__(self, path: Path) -> None:
        self.path = Path(path)

    @property
    def base(self) -> Path:
        """Directory document keys are relative to."""
        return self.path.resolve().parent

    def document_key(self, document_path: str) -> str:
        """The document's path relative to the review file's directory, POSIX style,
        whatever the working directory ("../articles/a.txt" for one beside it)."""
        if document_path in ("-", "<stdin>"):
            return "<stdin>"
        rel = os.path.relpath(Path(document_path).resolve(), self.base)
        return Path(rel).as_posix()

    def read(self) -> ReviewFile:
        return load_review_file(self.path)

    @contextlib.contextmanager
    def _locked(self) -> Iterator[None]:
        # The lock is on the directory: the file itself is replaced on every write
        # (a lock on its old inode would not exclude the next writer), and a lock
        # file would litter the repository.
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.path.parent, os.O_RDONLY)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(fd, fcntl.LOCK_UN)
        finally:
            os.close(fd)

    def update(self, change: Callable[[ReviewFile], ReviewFile]) -> ReviewFile:
        with self._locked():
            current = self.read()
            new = change(current).sorted()
            self._write(new)
            return new

    def add(self, entries: list[ReviewEntry]) -> ReviewFile:
        def change(current: ReviewFile) -> ReviewFile:
            return ReviewFile(schema_version=current.schema_version, reviews=[*current.reviews, *entries])

        return self.update(change)

    def remove(self, keys: set[tuple[str, str]]) -> ReviewFile:
        def change(current: ReviewFile) -> ReviewFile:
            kept = [e for e in current.reviews if e.key not in keys]
            return ReviewFile(schema_version=current.schema_version, reviews=kept)

        return self.update(change)

    def _write(self, review: ReviewFile) -> None:
        text = render_review_file(review)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{self.path.name}.", suffix=".tmp", dir=self.path.parent)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                fh.write(text)
                fh.flush()
                os.fsync(fh.fileno())
            os.replace(tmp, self.path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
