"""Reading articles: strict UTF-8, BOM, stdin, directories, size limit, one clear error each."""

from __future__ import annotations

import io
import sys

import pytest

from nlmg_facts.errors import InputError
from nlmg_facts.ingest import decode, expand_paths, read_source
from nlmg_facts.ingest.reader import MAX_BYTES_ENV, max_bytes_default


def test_utf8_text_is_decoded_unchanged():
    assert decode("Première £625,000 — “fine”.".encode(), "a.txt") == "Première £625,000 — “fine”."


def test_a_bom_is_dropped_by_decode():
    assert decode(b"\xef\xbb\xbfIt opened.", "a.txt") == "It opened."


@pytest.mark.parametrize(
    ("why", "data", "message"),
    [
        ("a NUL byte", b"It opened.\x00\x01 more", "binary data"),
        ("an image header", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary data"),
        ("many control characters", b"\x01\x02\x03\x04\x05\x06\x07\x08\x0b\x0e" * 10, "binary data"),
        ("empty", b"", "empty article"),
        ("whitespace only", b" \n\t\r\n ", "empty article"),
        ("a BOM and nothing else", b"\xef\xbb\xbf\n", "empty article"),
    ],
)
def test_unreadable_bytes_raise_one_clear_error(why, data, message):
    with pytest.raises(InputError, match=message):
        decode(data, "a.txt")


def test_invalid_utf8_says_where():
    data = "line one\nline two £".encode() + b"\xff tail\n"
    with pytest.raises(InputError) as exc:
        decode(data, "a.txt")
    msg = str(exc.value)
    assert "invalid UTF-8" in msg
    bad = data.index(b"\xff")
    assert f"byte {bad} " in msg
    assert "line 2" in msg
    assert "0xff" in msg
    assert "\n" not in msg


@pytest.mark.parametrize(
    ("encoding", "named"),
    [("utf-16", "UTF-16LE"), ("utf-16-le", "UTF-16LE"), ("utf-16-be", "UTF-16BE"), ("utf-32", "UTF-32LE"),
     ("BOM+utf-32-be", "UTF-32BE")],
)
def test_wide_unicode_text_is_named_as_the_wrong_encoding_with_the_fix(encoding, named):
    text = "The bridge opened in 1932 and cost £4 million.\n"
    if encoding.startswith("BOM+"):
        data = "\ufeff".encode(encoding[4:]) + text.encode(encoding[4:])
    else:
        data = text.encode(encoding)
    with pytest.raises(InputError) as exc:
        decode(data, "a.txt")
    msg = str(exc.value)
    assert f"encoded as {named}, not UTF-8" in msg
    assert f"iconv -f {named} -t UTF-8 a.txt" in msg
    assert "binary" not in msg


def test_binary_data_with_nul_bytes_is_still_binary_not_utf16():
    with pytest.raises(InputError, match="binary data"):
        decode(bytes(range(256)) * 4, "a.bin")


def test_latin1_text_is_invalid_utf8_not_silently_guessed():
    with pytest.raises(InputError, match="invalid UTF-8 at byte 3"):
        decode("Caf\u00e9 opened.".encode("latin-1"), "a.txt")


def test_read_source_reads_a_file(tmp_path):
    p = tmp_path / "a.txt"
    p.write_text("It opened on 4 April 2014.", encoding="utf-8")
    src = read_source(str(p))
    assert (src.name, src.text) == (str(p), "It opened on 4 April 2014.")


def test_read_source_reads_stdin(monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO("It opened.".encode())))
    src = read_source("-")
    assert (src.name, src.text) == ("<stdin>", "It opened.")


@pytest.mark.parametrize(
    ("why", "setup", "message"),
    [
        ("a missing path", lambda d: d / "nope.txt", "no such file or directory"),
        ("a directory", lambda d: d, "is a directory"),
    ],
)
def test_read_source_errors_name_the_path(tmp_path, why, setup, message):
    path = setup(tmp_path)
    with pytest.raises(InputError, match=message) as exc:
        read_source(str(path))
    assert str(path) in str(exc.value)


def test_a_file_over_the_size_limit_is_refused_before_reading(tmp_path):
    p = tmp_path / "big.txt"
    with p.open("wb") as fh:
        fh.truncate(2048)  # sparse: nothing is written
    with pytest.raises(InputError, match="larger than the 1024-byte limit"):
        read_source(str(p), max_bytes=1024)


def test_stdin_over_the_size_limit_is_refused(monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"x" * 5000)))
    with pytest.raises(InputError, match="larger than the 1000-byte limit"):
        read_source("-", max_bytes=1000)


def test_the_size_limit_comes_from_the_environment(monkeypatch):
    monkeypatch.setenv(MAX_BYTES_ENV, "4096")
    assert max_bytes_default() == 4096
    monkeypatch.setenv(MAX_BYTES_ENV, "lots")
    with pytest.raises(InputError, match="not a whole number"):
        max_bytes_default()


def test_directories_expand_to_their_articles_sorted_and_recursive(tmp_path):
    (tmp_path / "b.txt").write_text("B.")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.md").write_text("A.")
    (tmp_path / "notes.json").write_text("{}")
    (tmp_path / ".hidden").mkdir()
    (tmp_path / ".hidden" / "c.txt").write_text("C.")
    assert expand_paths([str(tmp_path)]) == [str(tmp_path / "b.txt"), str(tmp_path / "sub" / "a.md")]


def test_a_directory_without_articles_is_an_error(tmp_path):
    (tmp_path / "data.json").write_text("{}")
    with pytest.raises(InputError, match="holds no articles"):
        expand_paths([str(tmp_path)])


def test_missing_paths_and_stdin_pass_through_expansion(tmp_path):
    missing = str(tmp_path / "missing.txt")
    assert expand_paths(["-", missing]) == ["-", missing]
