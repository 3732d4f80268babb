"""Extraction accuracy on the bundled article against its hand-checked claims table.

Run: python benchmarks/sample_accuracy.py [--show]
The table is tests/extract/sample_expected_claims.json (kind, surface, start
offset, value fields; rows marked optional count in neither direction). A
claim is right when kind, span and every listed value field agree. Prints per
kind recall (expected claims found right), span recall (found at the right
span, value aside) and precision (extracted claims that are right), as a
Markdown table for the README. tests/extract/test_sample_recall.py asserts
floors on the same figures.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "sources" / "never_let_me_go_2010.txt"
EXPECTED = ROOT / "tests" / "extract" / "sample_expected_claims.json"
KINDS = ("date", "money", "ranking", "edition", "count", "percentage", "rating", "duration")


@dataclass
class KindScore:
    """Tallies for one claim kind."""

    expected: int = 0
    found_right: int = 0
    found_span: int = 0
    extracted: int = 0
    extracted_right: int = 0
    misses: list[str] = field(default_factory=list)
    false_claims: list[str] = field(default_factory=list)

    @property
    def recall(self) -> float:
        return self.found_right / self.expected if self.expected else 1.0

    @property
    def span_recall(self) -> float:
        return self.found_span / self.expected if self.expected else 1.0

    @property
    def precision(self) -> float:
        return self.extracted_right / self.extracted if self.extracted else 1.0


def _same(want: Any, got: Any) -> bool:
    if isinstance(want, (int, float)) and isinstance(got, (int, float)) and not isinstance(want, bool):
        return math.isclose(float(want), float(got), rel_tol=1e-9, abs_tol=1e-6)
    return want == got


def value_matches(expected: dict[str, Any], got: dict[str, Any]) -> bool:
    """Every field the table lists agrees with the extracted value."""
    return all(_same(want, got.get(key)) for key, want in expected.items())


def load_expected(path: Path = EXPECTED) -> list[dict[str, Any]]:
    return json.loads(path.read_text(encoding="utf-8"))["claims"]


def score(claims: Iterable[Any], expected: list[dict[str, Any]]) -> dict[str, KindScore]:
    """Per-kind tallies of ``claims`` (pydantic Claim models) against the table rows."""
    rows = {(r["kind"], r["start"], r["start"] + len(r["surface"])): r for r in expected}
    scores = {k: KindScore() for k in KINDS}
    for r in expected:
        if not r.get("optional"):
            scores[r["kind"]].expected += 1
    hit: dict[tuple[str, int, int], bool] = {}
    for c in claims:
        key = (c.kind, c.span.start, c.span.end)
        row = rows.get(key)
        if row is not None and row.get("optional"):
            continue  # defensible either way: neither right nor wrong
        s = scores[c.kind]
        s.extracted += 1
        value = c.value.model_dump(mode="json")
        right = row is not None and value_matches(row["value"], value)
        if row is not None:
            hit[key] = right
        if right:
            s.extracted_right += 1
        else:
            why = "wrong value " + json.dumps(value) if row is not None else "not in the table"
            s.false_claims.append(f"{c.kind} {c.text!r} @{c.span.start}: {why}")
    for key, r in rows.items():
        if r.get("optional"):
            continue
        s = scores[r["kind"]]
        if key in hit:
            s.found_span += 1
            s.found_right += hit[key]
        if not hit.get(key):
            s.misses.append(f"{r['kind']} {r['surface']!r} @{r['start']} {json.dumps(r['value'])}")
    return scores


def overall(scores: dict[str, KindScore]) -> KindScore:
    total = KindScore()
    for s in scores.values():
        total.expected += s.expected
        total.found_right += s.found_right
        total.found_span += s.found_span
        total.extracted += s.extracted
        total.extracted_right += s.extracted_right
    return total


def sample_scores() -> dict[str, KindScore]:
    from nlmg_facts import extract_document, ingest

    text = SAMPLE.read_text(encoding="utf-8")
    return score(extract_document(ingest(text, str(SAMPLE))), load_expected())


def table(scores: dict[str, KindScore]) -> str:
    lines = [
        "| kind | expected | recall | span recall | extracted | precision |",
        "|---|---|---|---|---|---|",
    ]
    for kind in KINDS:
        s = scores[kind]
        lines.append(
            f"| {kind} | {s.expected} | {s.recall:.3f} | {s.span_recall:.3f} | {s.extracted} | {s.precision:.3f} |"
        )
    t = overall(scores)
    lines.append(
        f"| **all** | {t.expected} | {t.recall:.3f} | {t.span_recall:.3f} | {t.extracted} | {t.precision:.3f} |"
    )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", action="store_true", help="list misses and false claims")
    args = parser.parse_args(argv)
    scores = sample_scores()
    print(f"bundled article vs {EXPECTED.relative_to(ROOT)}\n")
    print(table(scores))
    if args.show:
        for kind in KINDS:
            for line in scores[kind].misses:
                print("missed:", line)
            for line in scores[kind].false_claims:
                print("false: ", line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
