"""Coverage-guided fuzz target: every stage of ``nlmg-facts check`` on arbitrary bytes.

    pip install -e '.[test,fuzz]'
    python fuzz/fuzz_check.py -max_total_time=600            # seeds: the bundled article, tests/corpus
    python fuzz/fuzz_check.py -timeout=10 -max_total_time=600 fuzz/corpus
    python fuzz/fuzz_check.py -minimize_crash=1 -runs=20000 crash-<sha1>   # shrink a crash

Options are libFuzzer's (atheris passes them through). The first byte of an
input picks the format (plain, wikitext, Markdown), the rest is read as UTF-8
with ``surrogateescape``. A crash is any exception from a stage, a rule recorded
as crashed, or a broken invariant (see ``harness.check_invariants``); an input
over ``-timeout`` seconds is reported as a timeout. Minimised crashing inputs
go to ``tests/fixtures/fuzz/`` (see the README there), where a test runs each.

Without corpus directories on the command line, a working corpus
``fuzz/corpus/`` (not committed) is created from the seeds and used, so
coverage found in one run is kept for the next.
"""

from __future__ import annotations

import hashlib
import pkgutil
import sys
from pathlib import Path

import atheris

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
CORPUS = HERE / "corpus"
    + sorted((ROOT / "tests" / "corpus").rglob("*.wiki"))
    + sorted((ROOT / "tests" / "fixtures" / "formats").glob("*.*"))
    + sorted((ROOT / "tests" / "fixtures" / "fuzz").glob("*.*"))
)
_FORMAT_BYTE = {".txt": 0, ".wiki": 1, ".md": 2}

sys.path.insert(0, str(HERE))
with atheris.instrument_imports(include=["nlmg_facts"]):
    import nlmg_facts

    # Instrument every module now: the pipeline imports some lazily.
    for _mod in pkgutil.walk_packages(nlmg_facts.__path__, "nlmg_facts."):
        if not _mod.name.endswith("__main__"):
            __import__(_mod.name)
import harness  # noqa: E402


def test_one_input(data: bytes) -> None:
    text, name = harness.decode(data)
    harness.run(text, name)


def seed_corpus(directory: Path) -> Path:
    """Write each seed, whole and in article-sized slices, as a corpus entry."""
    directory.mkdir(parents=True, exist_ok=True)
    for path in harness.SEEDS:
        raw = path.read_bytes()
        head = bytes([_FORMAT_BYTE.get(path.suffix, 0)])
        # Whole articles, and 4 KB slices: short inputs run fast, so the fuzzer mutates more.
        pieces = [raw] + [raw[i : i + 4096] for i in range(0, len(raw), 4096)] if len(raw) > 4096 else [raw]
        for piece in pieces:
            entry = head + piece
            (directory / hashlib.sha1(entry).hexdigest()).write_bytes(entry)
    return directory


def main(argv: list[str]) -> None:
    if not any(not a.startswith("-") for a in argv[1:]):
        argv = [*argv, str(seed_corpus(CORPUS))]
    if not any(a.startswith("-dict=") for a in argv[1:]):
        argv.append(f"-dict={HERE / 'tokens.dict'}")
    if not any(a.startswith("-max_len=") for a in argv[1:]):
        argv.append("-max_len=8192")  # article-sized pieces: many more runs per second than whole articles
    atheris.Setup(argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main(sys.argv)
