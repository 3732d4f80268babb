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
