"""Every input the fuzzing campaign found a defect with, minimised, run through every stage.

The files in ``tests/fixtures/fuzz/`` are read as bytes and decoded as UTF-8
with ``surrogateescape`` (so a fixture can hold the lone surrogates a fuzzer
makes); the extension picks the format. Each must pass every stage with the
invariants of ``fuzz/harness.py``, inside a time budget far above what it needs.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import harness
from nlmg_facts import budget

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "fuzz"
CASES = sorted(p for p in FIXTURES.iterdir() if p.suffix in (".txt", ".wiki", ".md") and p.name != "README.md")


def test_the_fixtures_are_there():
    assert len(CASES) >= 6


@pytest.mark.parametrize("path", CASES, ids=[p.name for p in CASES])
def test_a_minimised_fuzz_finding_passes_every_stage(path, monkeypatch):
    monkeypatch.setenv(budget.BUDGET_ENV, "10")
    harness.run(harness.read_seed(path), path.name)
