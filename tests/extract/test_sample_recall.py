"""The bundled article against its hand-checked claims table: recall and precision per kind."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from nlmg_facts import extract_document

ROOT = Path(__file__).resolve().parents[2]

#: Floors per kind (recall, precision). The kinds of the issue's "Done means"
#: get the tight ones; ratings and durations are few, so one slip moves them a lot.
FLOORS = {
    "date": (0.95, 0.95),
    "money": (0.95, 0.95),
    "ranking": (0.95, 0.95),
    "edition": (0.95, 0.95),
    "count": (0.9, 0.9),
    "percentage": (0.95, 0.95),
    "rating": (0.75, 0.75),
    "duration": (0.75, 0.75),
}
OVERALL_FLOOR = 0.95


def _load_scoring():
    path = ROOT / "benchmarks" / "sample_accuracy.py"
    spec = importlib.util.spec_from_file_location("sample_accuracy", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while being built
    spec.loader.exec_module(module)
    return module


scoring = _load_scoring()


@pytest.fixture(scope="module")
def expected():
    return scoring.load_expected()


@pytest.fixture(scope="module")
def scores(sample_doc, expected):
    return scoring.score(extract_document(sample_doc), expected)


def test_every_table_row_points_at_its_surface_in_the_body(sample_doc, expected):
    text = sample_doc.text
    for row in expected:
        start, end = row["start"], row["start"] + len(row["surface"])
        assert text[start:end] == row["surface"], row
        assert sample_doc.body.start <= start and end <= sample_doc.body.end, row
        assert sample_doc.sentence_at(start).index == row["sentence"], row
        assert row["kind"] in scoring.KINDS


def test_the_table_covers_every_kind_of_the_done_criterion(expected):
    kinds = {row["kind"] for row in expected if not row.get("optional")}
    assert {"date", "money", "ranking", "edition", "count", "percentage"} <= kinds


@pytest.mark.parametrize("kind", sorted(FLOORS))
def test_each_kind_meets_its_recall_and_precision_floor(scores, kind):
    s = scores[kind]
    recall_floor, precision_floor = FLOORS[kind]
    assert s.recall >= recall_floor, s.misses
    assert s.precision >= precision_floor, s.false_claims


def test_overall_recall_and_precision_are_at_least_95_percent(scores):
    total = scoring.overall(scores)
    assert total.recall >= OVERALL_FLOOR
    assert total.precision >= OVERALL_FLOOR


# ------------------------------------------------------------ the scorer itself


def test_a_dropped_claim_is_a_miss_and_a_wrong_value_is_both_a_miss_and_a_false_claim(sample_doc, expected):
    claims = extract_document(sample_doc)
    money = [c for c in claims if c.kind == "money"]
    dropped = [c for c in claims if c is not money[0]]
    assert scoring.score(dropped, expected)["money"].found_right == len(money) - 1
    wrong = money[1].model_copy(update={"value": money[1].value.model_copy(update={"currency": "EUR"})})
    s = scoring.score([wrong if c is money[1] else c for c in claims], expected)["money"]
    assert (s.found_span, s.found_right) == (len(money), len(money) - 1)
    assert len(s.false_claims) == 1 and "wrong value" in s.false_claims[0]


def test_a_claim_at_an_optional_row_counts_neither_way():
    rows = [
        {"kind": "count", "surface": "one viewer", "start": 10, "sentence": 0,
         "value": {"stated": 1}, "optional": True},
    ]

    class _Claim:
        kind, text = "count", "one viewer"
        span = type("S", (), {"start": 10, "end": 20})()
        value = type("V", (), {"model_dump": staticmethod(lambda mode: {"stated": 1})})()

    s = scoring.score([_Claim()], rows)["count"]
    assert (s.expected, s.extracted, s.false_claims) == (0, 0, [])
