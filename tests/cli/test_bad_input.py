"""Bad input to `nlmg-facts extract`: one clear stderr line, exit 2, no traceback, inputs untouched."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from nlmg_facts.cli import main

GOOD = "The Quiet Harbour was released on 4 April 2014. It earned €1.2 million.\n"


def run_cli(*args: str, stdin: bytes | None = None, env: dict[str, str] | None = None, timeout=120):
    """`python -m nlmg_facts ...` in a subprocess: (exit code, stdout, stderr, seconds)."""
    t0 = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, "-m", "nlmg_facts", *args],
        input=stdin if stdin is not None else b"",
        capture_output=True,
        timeout=timeout,
        env={**os.environ, **(env or {})},
    )
    elapsed = time.perf_counter() - t0
    return proc.returncode, proc.stdout.decode(), proc.stderr.decode(), elapsed


def assert_one_clear_error(code: int, stderr: str, *needles: str) -> None:
    assert code == 2, stderr
    assert "Traceback" not in stderr
    lines = stderr.strip().splitlines()
    assert len(lines) == 1, stderr
    assert lines[0].startswith("nlmg-facts: error: ")
    for needle in needles:
        assert needle in lines[0]


def digest(path: Path) -> tuple[str, int]:
    return hashlib.sha256(path.read_bytes()).hexdigest(), path.stat().st_mtime_ns


@pytest.fixture
def write(tmp_path):
    def _write(name: str, data: bytes) -> Path:
        p = tmp_path / name
        p.write_bytes(data)
        return p

    return _write


# ------------------------------------------------------------ rejected inputs

BAD_FILES = [
    # (why, file bytes, words the message must contain)
    ("binary data", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", ["binary data"]),
    ("invalid UTF-8", "First line.\nSecond £ line ".encode() + b"\xe9t\xe9.\n", ["invalid UTF-8", "byte 27", "line 2"]),
    ("an empty file", b"", ["empty article"]),
    ("whitespace only", b"  \n\n\t \r\n", ["empty article"]),
    ("a BOM and nothing else", b"\xef\xbb\xbf", ["empty article"]),
]


@pytest.mark.parametrize(("why", "data", "needles"), BAD_FILES, ids=[c[0] for c in BAD_FILES])
def test_unreadable_files_exit_2_with_one_line(write, why, data, needles):
    path = write("article.txt", data)
    before = digest(path)
    code, out, err, _ = run_cli("extract", str(path))
    assert_one_clear_error(code, err, str(path), *needles)
    assert out == ""
    assert digest(path) == before


def test_a_missing_path_exits_2_naming_it(tmp_path):
    missing = tmp_path / "nowhere.txt"
    code, _, err, _ = run_cli("extract", str(missing))
    assert_one_clear_error(code, err, str(missing), "no such file or directory")


def test_a_directory_without_articles_exits_2(tmp_path):
    (tmp_path / "data.json").write_text("{}")
    code, _, err, _ = run_cli("extract", str(tmp_path))
    assert_one_clear_error(code, err, str(tmp_path), "holds no articles")


def test_a_file_over_the_default_size_limit_is_refused_without_reading_it(tmp_path):
    big = tmp_path / "huge.txt"
    with big.open("wb") as fh:
        fh.truncate(64 * 1024 * 1024 + 1)  # sparse: costs no disk and no reading
    code, _, err, elapsed = run_cli("extract", str(big))
    assert_one_clear_error(code, err, str(big), "larger than the 67108864-byte limit")
    assert elapsed < 30


def test_the_size_limit_can_be_lowered_from_the_environment(write):
    path = write("article.txt", GOOD.encode() * 100)
    code, _, err, _ = run_cli("extract", str(path), env={"NLMG_FACTS_MAX_BYTES": "1000"})
    assert_one_clear_error(code, err, "larger than the 1000-byte limit")


def test_stdin_over_the_size_limit_is_refused():
    code, _, err, _ = run_cli("extract", "-", stdin=b"word " * 400, env={"NLMG_FACTS_MAX_BYTES": "1000"})
    assert_one_clear_error(code, err, "<stdin>", "larger than the 1000-byte limit")


def test_empty_stdin_exits_2():
    code, _, err, _ = run_cli("extract", "-", stdin=b"")
    assert_one_clear_error(code, err, "<stdin>", "empty article")


def test_one_bad_file_among_good_ones_fails_the_run(write):
    good = write("good.txt", GOOD.encode())
    bad = write("bad.txt", b"\xff\xfe broken")
    code, _, err, _ = run_cli("extract", str(good), str(bad))
    assert_one_clear_error(code, err, str(bad))


# ------------------------------------------------------------ accepted inputs

def test_stdin_dash_is_read():
    code, out, err, _ = run_cli("extract", "-", "--format", "json", stdin=GOOD.encode())
    assert code == 0, err
    assert '"document": "<stdin>"' in out


def test_a_bom_file_is_read_and_its_claims_point_into_the_text(write):
    path = write("bom.txt", b"\xef\xbb\xbf" + GOOD.encode())
    before = digest(path)
    code, out, err, _ = run_cli("extract", str(path), "--format", "json")
    assert code == 0, err
    assert digest(path) == before
    import json

    payload = json.loads(out)
    for located in payload["documents"][0]["claims"]:
        claim = located["claim"]
        assert GOOD[claim["span"]["start"] : claim["span"]["end"]] == claim["text"]


def test_a_directory_of_articles_is_read(tmp_path):
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "b.md").write_text(GOOD, encoding="utf-8")
    code, _, err, _ = run_cli("extract", str(tmp_path))
    assert code == 0, err


PATHOLOGICAL = [
    # (why, text) -- processed, not rejected, in reasonable time
    ("a 5 MB line with no spaces", "x" * 5_000_000),
    ("100k nested brackets and quotes", "(" * 50_000 + '"' * 25_000 + "[" * 25_000 + "x" + "]" * 25_000 + '"' * 25_000 + ")" * 50_000),
    ("only punctuation", ".,;:!?-—()[]\"'…" * 100_000),
    ("digits and separators without end", "1,2.3/4-5 " * 200_000),
    ("a huge run of dates", "On 1 May 2010, 2 May 2010 and 3 May 2010. " * 10_000),
]


@pytest.mark.parametrize(("why", "text"), PATHOLOGICAL, ids=[c[0] for c in PATHOLOGICAL])
def test_pathological_text_is_processed_in_reasonable_time(write, why, text):
    path = write("odd.txt", text.encode())
    code, _, err, elapsed = run_cli("extract", str(path), "--format", "json", timeout=300)
    assert code == 0, err[-2000:]
    assert "Traceback" not in err
    assert elapsed < 120, f"{why}: {elapsed:.1f}s"


# ------------------------------------------------------------ in process

def test_main_returns_2_and_prints_one_line_for_a_missing_file(tmp_path, capsys):
    assert main(["extract", str(tmp_path / "gone.txt")]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.count("\n") == 1
    assert "no such file or directory" in captured.err


def test_main_reads_a_good_file(write, capsys):
    path = write("good.txt", GOOD.encode())
    assert main(["extract", str(path), "--format", "json"]) == 0
    assert '"schema_version"' in capsys.readouterr().out
