"""The checker on unseen articles: planted errors are found, nothing else is flagged.

``tests/corpus/`` holds encyclopedia-style articles written by us (films, a
novel, an album, a video game, a footballer, a building, a company, a TV
series), full of correct and mutually consistent facts, with a known set of
errors planted in some of them and listed in ``tests/corpus/expected.json``.
The test runs the whole ``check`` pipeline over the folder in process and
asserts recall (every planted error not marked ``known_miss`` is found) and
precision (no error- or warning-level finding that is not a planted error).

Run as a script (``python tests/test_corpus.py``) it prints the score and every
unexpected finding, which is how the corpus is used while tuning the rules.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

import pytest

from nlmg_facts.config import Config
from nlmg_facts.pipeline import check_paths

CORPUS = Path(__file__).resolve().parent / "corpus"
EXPECTED = json.loads((CORPUS / "expected.json").read_text(encoding="utf-8"))
#: Findings at these severities must all be planted errors.
GATED = ("error", "warning")


@cache
def _report():
    # The top-level articles only: tests/corpus/real/ is measured by benchmarks/corpus_accuracy.py.
    return check_paths([str(p) for p in _articles()], Config(root=CORPUS))


@cache
def _findings() -> dict[str, list[dict]]:
    return {
        Path(d.path).name: [f.model_dump(mode="json") for f in d.findings]
        for d in _report().documents
    }


def test_every_article_is_checked_without_an_internal_error() -> None:
    failures = {
        Path(d.path).name: [e.model_dump(mode="json") for e in d.internal_errors] or d.error
        for d in _report().documents
        if d.internal_errors or d.error
    }
    assert failures == {}


def _holds(finding: dict, quote: str) -> bool:
    """One evidence span, or the sentence around it, holds the quote."""
    return any(quote in ev["text"] or quote in (ev.get("context") or "") for ev in finding["evidence"])


def _matches(finding: dict, planted: dict) -> bool:
    """Same rule (code or prefix), the planted quote and, if given, the other side's quote."""
    if not finding["code"].startswith(planted["code"]):
        return False
    return _holds(finding, planted["quote"]) and (
        "with" not in planted or _holds(finding, planted["with"])
    )


def _planted() -> list[tuple[str, dict]]:
    return [
        (name, p) for name, items in EXPECTED.items() if not name.startswith("_") for p in items
    ]


def _articles() -> list[Path]:
    return sorted(CORPUS.glob("*.txt"))


def test_the_corpus_has_the_articles_it_promises() -> None:
    articles = _articles()
    assert len(articles) >= 8
    for path in articles:
        words = len(path.read_text(encoding="utf-8").split())
        assert 400 <= words <= 1500, (path.name, words)
    planted = [name for name, _ in _planted()]
    assert set(planted) <= {p.name for p in articles}
    assert len(set(planted)) * 2 >= len(articles)  # errors in at least half of them


@pytest.mark.parametrize(
    ("name", "planted"),
    [pytest.param(n, p, id=f"{n}:{p['code']}:{p['quote']}") for n, p in _planted()],
)
def test_a_planted_error_is_found(name: str, planted: dict) -> None:
    found = any(_matches(f, planted) for f in _findings()[name])
    if planted.get("known_miss"):
        # A known miss that starts being found should be promoted, not left stale.
        assert not found, f"known miss now found; drop known_miss from {planted}"
        return
    assert found, f"{name}: planted {planted['code']} at {planted['quote']!r} not found"


@pytest.mark.parametrize("name", [p.name for p in _articles()])
def test_no_unexpected_error_or_warning(name: str) -> None:
    planted = EXPECTED.get(name, [])
    unexpected = [
        f"{f['code']} {f['severity']}: {f['message']}"
        for f in _findings()[name]
        if f["severity"] in GATED and not any(_matches(f, p) for p in planted)
    ]
    assert unexpected == []


def _score() -> None:
    found = missed = known = 0
    for name, p in _planted():
        hit = any(_matches(f, p) for f in _findings()[name])
        if p.get("known_miss"):
            known += 1
        elif hit:
            found += 1
        else:
            missed += 1
            print(f"MISSED {name}: {p['code']} {p['quote']!r}")
    false_alarms = 0
    for name, findings in sorted(_findings().items()):
        for f in findings:
            if not any(_matches(f, p) for p in EXPECTED.get(name, [])):
                false_alarms += f["severity"] in GATED
                print(f"UNEXPECTED {name}: {f['severity']} {f['code']} {f['message']}")
    print(f"planted found {found}, missed {missed}, known misses {known}; "
          f"unexpected error/warning findings {false_alarms}")


if __name__ == "__main__":
    _score()
