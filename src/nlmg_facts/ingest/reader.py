"""Reading articles: files, directories and stdin, strict UTF-8, clear errors."""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError

#: File name endings treated as articles when a directory is given.
ARTICLE_SUFFIXES = (".txt", ".md", ".markdown", ".wiki", ".wikitext", ".mediawiki")
#: Inputs above this size are refused rather than risk exhausting memory.
DEFAULT_MAX_BYTES = 64 * 1024 * 1024
STDIN = "-"


@dataclass(frozen=True, slots=True)
class Source:
    name: str
    text: str


def decode(data: bytes, name: str) -> str:
    """Strict UTF-8 (BOM optional); binary and invalid bytes raise InputError."""
    if b"\x00" in data[:65536]:
        raise InputError(f"{name}: binary data (NUL byte), not a text article")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        col = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        raise InputError(
            f"{name}: invalid UTF-8 at byte {exc.start} (line {line}, byte column {col}): "
            f"{exc.reason}"
        ) from None
    if not text.strip():
        raise InputError(f"{name}: empty article (no text)")
    return text


def read_source(path: str, max_bytes: int = DEFAULT_MAX_BYTES) -> Source:
    """Read one article from a path or ``-`` (stdin)."""
    if path == STDIN:
        data = sys.stdin.buffer.read(max_bytes + 1)
        name = "<stdin>"
    else:
        p = Path(path)
        name = str(path)
        if not p.exists():
            raise InputError(f"{name}: no such file or directory")
        if p.is_dir():
            raise InputError(f"{name}: is a directory, expected a file")
        try:
            size = p.stat().st_size
            if size > max_bytes:
                raise InputError(
                    f"{name}: {size} bytes is larger than the {max_bytes}-byte limit"
                )
            with p.open("rb") as fh:
                data = fh.read(max_bytes + 1)
        except PermissionError:
            raise InputError(f"{name}: permission denied") from None
        except IsADirectoryError:
            raise InputError(f"{name}: is a directory, expected a file") from None
        except OSError as exc:
            raise InputError(f"{name}: cannot read: {exc.strerror or exc}") from None
    if len(data) > max_bytes:
        raise InputError(f"{name}: larger than the {max_bytes}-byte limit")
    return Source(name=name, text=decode(data, name))


def expand_paths(paths: list[str]) -> list[str]:
    """Files as given, directories expanded to their articles (sorted, recursive).

    A directory holding no article is an InputError; a missing path is kept so
    that reading it reports the error in order with the others.
    """
    out: list[str] = []
    for path in paths:
        p = Path(path)
        if path != STDIN and p.is_dir():
            found = sorted(
                str(f)
                for f in p.rglob("*")
                if f.suffix.lower() in ARTICLE_SUFFIXES
                and f.is_file()
                and not any(part.startswith(".") for part in f.relative_to(p).parts)
            )
            if not found:
                raise InputError(
                    f"{path}: directory holds no articles ({', '.join(ARTICLE_SUFFIXES)})"
                )
            out.extend(found)
        else:
            out.append(path)
    return out


def is_terminal(stream=None) -> bool:
    stream = stream or sys.stderr
    try:
        return stream.isatty() and os.environ.get("CI", "").lower() not in ("true", "1")
    except (AttributeError, ValueError):
        return False
