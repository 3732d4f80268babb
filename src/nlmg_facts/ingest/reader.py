"""Reading articles: files, directories and stdin, strict UTF-8, one clear error per bad input."""

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
#: Environment variable that overrides the size limit (bytes).
MAX_BYTES_ENV = "NLMG_FACTS_MAX_BYTES"
STDIN = "-"
#: How much of the input is inspected for signs of binary data.
_SNIFF_BYTES = 65536
#: C0 control characters that plain text does not contain (tab, newlines, form feed excepted).
_CONTROL = bytes(b for b in range(32) if b not in (9, 10, 12, 13))


@dataclass(frozen=True, slots=True)
class Source:
    name: str
    text: str


def max_bytes_default() -> int:
    """The size limit: ``NLMG_FACTS_MAX_BYTES`` if set to a positive integer, else 64 MiB."""
    raw = os.environ.get(MAX_BYTES_ENV, "").strip()
    if not raw:
        return DEFAULT_MAX_BYTES
    try:
        value = int(raw)
    except ValueError:
        raise InputError(f"{MAX_BYTES_ENV}={raw!r} is not a whole number of bytes") from None
    if value <= 0:
        raise InputError(f"{MAX_BYTES_ENV}={raw!r} must be positive")
    return value


def _looks_binary(data: bytes) -> bool:
    head = data[:_SNIFF_BYTES]
    if b"\x00" in head:
        return True
    # A few stray control characters happen in scraped text; many mean binary.
    controls = len(head) - len(head.translate(None, _CONTROL))
    return controls > max(8, len(head) // 100)


#: Byte-order marks of the wide Unicode encodings (UTF-32 first: its LE mark starts with UTF-16's).
_WIDE_BOMS = (
    (b"\xff\xfe\x00\x00", "UTF-32LE"),
    (b"\x00\x00\xfe\xff", "UTF-32BE"),
    (b"\xff\xfe", "UTF-16LE"),
    (b"\xfe\xff", "UTF-16BE"),
)


def _wide_encoding(data: bytes) -> str | None:
    """'UTF-16LE' etc. when the bytes are text in a wide Unicode encoding, else None.

    A byte-order mark decides; without one, text in UTF-16 has a NUL in every
    other byte (ASCII letters) and nowhere else, which binary data rarely has.
    """
    for bom, enc in _WIDE_BOMS:
        if data.startswith(bom):
            return enc
    head = data[: _SNIFF_BYTES & ~3]
    if len(head) < 8 or len(head) % 2:
        return None
    even, odd = head[0::2], head[1::2]
    for zeros, other, enc in ((odd, even, "UTF-16LE"), (even, odd, "UTF-16BE")):
        if zeros.count(0) >= 0.9 * len(zeros) and other.count(0) == 0:
            try:
                head.decode(enc)
            except UnicodeDecodeError:
                return None
            return enc
    return None


def decode(data: bytes, name: str) -> str:
    """Strict UTF-8 (a leading BOM is dropped); binary, invalid or empty input raises InputError.

    Text in UTF-16 or UTF-32 is refused as the wrong encoding, naming it and
    the command that converts it, rather than as binary data.
    """
    wide = _wide_encoding(data)
    if wide is not None:
        raise InputError(
            f"{name}: encoded as {wide}, not UTF-8; convert it first, e.g. "
            f"iconv -f {wide} -t UTF-8 {name} > converted.txt"
        )
    if _looks_binary(data):
        raise InputError(f"{name}: binary data, not a text article")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        col = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        raise InputError(
            f"{name}: invalid UTF-8 at byte {exc.start} (line {line}, byte column {col}): "
            f"{exc.reason} (byte 0x{data[exc.start]:02x})"
        ) from None
    if not text.strip():
        raise InputError(f"{name}: empty article (no text)")
    return text


def _too_big(name: str, size: int | str, limit: int) -> InputError:
    return InputError(
        f"{name}: {size} bytes is larger than the {limit}-byte limit (set {MAX_BYTES_ENV} to raise it)"
    )


def _read_stdin(limit: int) -> bytes:
    stream = getattr(sys.stdin, "buffer", None)
    if stream is None:
        raise InputError("<stdin>: standard input is not available")
    try:
        data = stream.read(limit + 1)
    except OSError as exc:
        raise InputError(f"<stdin>: cannot read: {exc.strerror or exc}") from None
    if len(data) > limit:
        raise _too_big("<stdin>", f"more than {limit}", limit)
    return data


def _read_file(path: str, limit: int) -> bytes:
    p = Path(path)
    try:
        if not p.exists():
            raise InputError(f"{path}: no such file or directory")
        if p.is_dir():
            raise InputError(f"{path}: is a directory, expected a file")
        size = p.stat().st_size
        if size > limit:
            raise _too_big(path, size, limit)
        with p.open("rb") as fh:
            data = fh.read(limit + 1)
    except PermissionError:
        raise InputError(f"{path}: permission denied") from None
    except IsADirectoryError:
        raise InputError(f"{path}: is a directory, expected a file") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror or exc}") from None
    if len(data) > limit:  # a file that grew, or a device reporting size 0
        raise _too_big(path, f"more than {limit}", limit)
    return data


def read_source(path: str, max_bytes: int | None = None) -> Source:
    """Read one article from a path or ``-`` (stdin); any problem is one InputError."""
    limit = max_bytes_default() if max_bytes is None else max_bytes
    if path == STDIN:
        name, data = "<stdin>", _read_stdin(limit)
    else:
        name, data = str(path), _read_file(str(path), limit)
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
