"""The keys of the real-article corpus (tests/corpus/real/*.json) are well formed.

Guards the corpus, not the checker (benchmarks/corpus_accuracy.py measures that):
every key validates against ``CorpusKey``, names its own article, has provenance,
and every quote, ``find`` and ``touch`` is an exact substring of the flat text
(``touch`` of the replacement), so an edit of a ``.txt`` that breaks its key fails here.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from functools import cache
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
REAL = ROOT / "tests" / "corpus" / "real"
KEYS = sorted(REAL.glob("*.json"))


@cache
def _bench():
    spec = importlib.util.spec_from_file_location("corpus_accuracy", ROOT / "benchmarks" / "corpus_accuracy.py")
    module = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    sys.modules[spec.name] = module  # dataclasses and pydantic look the module up
    spec.loader.exec_module(module)
    return module


def _key(path: Path):
    return _bench().CorpusKey.model_validate_json(path.read_text(encoding="utf-8"))


def test_the_corpus_has_keys() -> None:
    assert len(KEYS) >= 20


@pytest.mark.parametrize("path", KEYS, ids=[p.stem for p in KEYS])
def test_a_key_validates_and_names_its_article(path: Path) -> None:
    key = _key(path)
    assert key.slug == path.stem
    assert (REAL / f"{key.slug}.txt").is_file()
    assert key.provenance.licence
    ids = [i.id for i in (*key.real, *key.traps, *key.injections)]
    assert len(ids) == len(set(ids)), "item ids repeat"


@pytest.mark.parametrize("path", KEYS, ids=[p.stem for p in KEYS])
def test_every_quote_find_and_touch_is_in_the_text(path: Path) -> None:
    bench = _bench()
    key = _key(path)
    text = (REAL / f"{key.slug}.txt").read_text(encoding="utf-8")
    for item in (*key.real, *key.traps):
        assert len(bench.quote_spans(text, item)) == len(item.quotes), (item.id, item.quotes)
    for inj in key.injections:
        modified, (start, end) = bench.apply_injection(text, inj)
        assert modified[start:end] == inj.touch
        assert modified != text


@pytest.mark.parametrize("path", KEYS, ids=[p.stem for p in KEYS])
def test_the_flat_text_starts_with_the_title_and_has_no_markup_left(path: Path) -> None:
    key = _key(path)
    text = (REAL / f"{key.slug}.txt").read_text(encoding="utf-8")
    assert text.split("\n", 1)[0] == key.title
    for markup in ("{{", "}}", "[[", "]]", "<ref", "''"):
        assert markup not in text, markup


def test_slugs_and_titles_are_unique() -> None:
    keys = [json.loads(p.read_text(encoding="utf-8")) for p in KEYS]
    assert len({k["slug"] for k in keys}) == len(keys)
    assert len({k["title"] for k in keys}) == len(keys)


def test_a_broken_key_is_refused() -> None:
    bench = _bench()
    good = json.loads(KEYS[0].read_text(encoding="utf-8")) if KEYS else None
    if good is None:
        pytest.skip("no keys yet")
    bad = dict(good, provenance={"licence": "CC BY-SA", "retrieved": "2026-12-04"})
    with pytest.raises(ValueError):
        bench.CorpusKey.model_validate(bad)
    inj = {"id": "x", "class": "c", "find": "a", "replace": "b", "touch": "zzz"}
    with pytest.raises(ValueError):
        bench.Injection.model_validate(inj)


class _Ev:
    def __init__(self, start: int, end: int) -> None:
        self.span = type("S", (), {"start": start, "end": end})()


class _Finding:
    def __init__(self, *spans: tuple[int, int]) -> None:
        self.evidence = [_Ev(a, b) for a, b in spans]


def test_an_injection_is_applied_at_its_occurrence_and_the_touch_span_is_mapped() -> None:
    bench = _bench()
    text = "He won in 1990. He won in 1990 again."
    inj = bench.Injection.model_validate(
        {"id": "i1", "class": "c", "find": "won in 1990", "occurrence": 2, "replace": "won in 1991", "touch": "1991"}
    )
    modified, (start, end) = bench.apply_injection(text, inj)
    assert modified == "He won in 1990. He won in 1991 again."
    assert modified[start:end] == "1991"


def test_a_real_item_is_matched_only_by_a_finding_covering_both_quotes() -> None:
    bench = _bench()
    quotes = [(0, 5), (20, 25)]
    assert bench._matches(_Finding((1, 3), (21, 24)), quotes)
    assert not bench._matches(_Finding((1, 3), (40, 44)), quotes)
    assert bench._matches(_Finding((2, 4)), [(0, 5)])
    assert not bench._matches(_Finding((2, 4)), [])
