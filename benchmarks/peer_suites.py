"""Extraction quality against test suites written by others (../shared/peer-suites/*.jsonl).

Run: python benchmarks/peer_suites.py [--suite msrt-date] [--kind date] [--show-misses 20]
The suites are read where they live (never copied into the project); see their
README for the conventions. Each case text is given alone to
``nlmg_facts.extract_claims``; our kinds map to theirs (date->date,
money->money, ranking and edition->ordinal, count->number, percentage->percent)
and only predictions whose kind the case annotates exhaustively (``kinds``)
are scored. Ordinals and numbers are scored at two levels: "claims" (what
``extract_claims`` returns: rankings and editions, counts with their counted
noun) and "recognizer" (``find_ordinals`` / ``find_numbers`` over the bare
text, no context needed); the suites hold mostly bare "eleventh", "192", which
only the recognizer level is meant to find. Per suite, level and kind it prints expected items, recall by exact span
and by overlap, value accuracy on matched items, false hits (predictions that
match no expected item) and false hits on negative cases (``expected: []``).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from types import SimpleNamespace
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DIR = ROOT.parent / "shared" / "peer-suites"

#: Our claim kind -> the suites' kind. Kinds not listed (rating, duration) are not scored.
KIND_MAP = {
    "date": "date",
    "money": "money",
    "ranking": "ordinal",
    "edition": "ordinal",
    "count": "number",
    "percentage": "percent",
}
THEIR_KINDS = ("date", "money", "ordinal", "number", "percent")
#: Kinds also scored at the recognizer level (no context needed).
RECOGNIZER_KINDS = ("ordinal", "number")
LEVELS = ("claims", "recognizer")


@dataclass
class Pred:
    kind: str  # their kind
    start: int
    end: int
    text: str
    claim: Any


@dataclass
class Tally:
    cases: int = 0
    negatives: int = 0
    expected: int = 0
    exact: int = 0
    overlap: int = 0
    value_checked: int = 0
    value_ok: int = 0
    predicted: int = 0
    false_hits: int = 0
    false_hits_negative: int = 0
    errors: int = 0
    misses: list[str] = field(default_factory=list)
    false: list[str] = field(default_factory=list)
    wrong_values: list[str] = field(default_factory=list)

    def add(self, other: "Tally") -> None:
        for name in (
            "cases", "negatives", "expected", "exact", "overlap", "value_checked", "value_ok",
            "predicted", "false_hits", "false_hits_negative", "errors",
        ):
            setattr(self, name, getattr(self, name) + getattr(other, name))


# --------------------------------------------------------------------- values

def _iso_bounds(value: Any) -> tuple[str, str] | None:
    """Our date value as (start, end) ISO strings, resolved dates or the stated iso."""
    start, end = getattr(value, "start", None), getattr(value, "end", None)
    if start is not None and end is not None:
        return start.isoformat(), end.isoformat()
    iso = getattr(value, "iso", None)
    if not iso:
        return None
    a, _, b = iso.partition("/")
    return a, (b or a)


def _reduce(ours: str, gold: str) -> str:
    """Our ISO date reduced to the precision (and year-lessness) of a gold value."""
    if gold.startswith("--"):
        month_day = ours[2:] if ours.startswith("--") else ours[5:]
        return "--" + month_day[: len(gold) - 2]
    if ours.startswith("--"):
        return ours  # we have no year but gold has one: cannot match
    return ours[: len(gold)]


def date_value_ok(value: Any, gold: Any) -> bool:
    bounds = _iso_bounds(value)
    if bounds is None:
        return False
    g_start, g_end = (gold["start"], gold["end"]) if isinstance(gold, dict) else (gold, gold)
    return _reduce(bounds[0], g_start) == g_start and _reduce(bounds[1], g_end) == g_end


def _close(a: float | None, b: float) -> bool:
    return a is not None and abs(float(a) - float(b)) <= 1e-6 * max(1.0, abs(float(b)))


def value_ok(pred: Pred, gold: dict) -> bool:
    v, g = pred.claim.value, gold["value"]
    if pred.kind == "date":
        return date_value_ok(v, g)
    if pred.kind == "money":
        return _close(getattr(v, "stated", None), g["amount"]) and getattr(v, "currency", None) == g["currency"]
    if pred.kind == "ordinal":
        return getattr(v, "rank", getattr(v, "number", None)) == g
    if pred.kind in ("number", "percent"):
        return _close(getattr(v, "stated", None), g)
    return False


def _describe_value(claim: Any) -> str:
    v = claim.value
    for attr in ("iso", "rank", "number"):
        if getattr(v, attr, None) is not None:
            return str(getattr(v, attr))
    if getattr(v, "currency", None):
        return f"{v.stated:g} {v.currency}"
    if getattr(v, "stated", None) is not None:
        return f"{v.stated:g}"
    return "?"


# --------------------------------------------------------------------- scoring

def _predictions(text: str, kinds: set[str]) -> list[Pred]:
    from nlmg_facts import extract_claims

    preds = []
    for c in extract_claims(text):
        theirs = KIND_MAP.get(c.kind)
        if theirs in kinds:
            preds.append(Pred(theirs, c.span.start, c.span.end, c.text, c))
    return preds


def _recognized(text: str, kinds: set[str]) -> list[Pred]:
    """Bare ordinals and numbers from the recognizer layer, shaped like claim predictions."""
    from nlmg_facts.extract.numbers import find_numbers, find_ordinals

    preds = []
    for kind, finder in (("ordinal", find_ordinals), ("number", find_numbers)):
        if kind in kinds:
            for s, e, v in finder(text):
                value = SimpleNamespace(rank=v, number=v, stated=v)
                preds.append(Pred(kind, s, e, text[s:e], SimpleNamespace(value=value)))
    return preds


def score_case(case: dict, only_kind: str | None, level: str = "claims") -> dict[str, Tally]:
    """Tallies per their kind for one case, at the claims or the recognizer level."""
    kinds = set(case["kinds"]) & ({only_kind} if only_kind else set(THEIR_KINDS))
    if level == "recognizer":
        kinds &= set(RECOGNIZER_KINDS)
    tallies: dict[str, Tally] = {k: Tally() for k in kinds}
    text = case["text"]
    negative = not case["expected"]
    for k in kinds:
        tallies[k].cases += 1
        tallies[k].negatives += negative
    try:
        preds = _recognized(text, kinds) if level == "recognizer" else _predictions(text, kinds)
    except Exception as exc:  # noqa: BLE001 - an extractor bug is a finding, not a crash
        for k in kinds:
            tallies[k].errors += 1
            tallies[k].misses.append(f"ERROR {type(exc).__name__}: {exc} | {text[:120]!r}")
        for gold in case["expected"]:
            if gold["kind"] in kinds:
                tallies[gold["kind"]].expected += 1  # an error misses every expected item
        return tallies
    used: set[int] = set()
    for gold in case["expected"]:
        k = gold["kind"]
        if k not in kinds:
            continue
        t = tallies[k]
        t.expected += 1
        best, best_overlap, exact = None, 0, False
        for i, p in enumerate(preds):
            if i in used or p.kind != k:
                continue
            ov = min(p.end, gold["end"]) - max(p.start, gold["start"])
            if p.start == gold["start"] and p.end == gold["end"]:
                best, exact = i, True
                break
            if ov > best_overlap:
                best, best_overlap = i, ov
        if best is None:
            t.misses.append(f"{gold['surface']!r} ({json.dumps(gold['value'])}) in {text[:160]!r}"
                            + _pred_note(preds, k))
            continue
        used.add(best)
        t.overlap += 1
        t.exact += exact
        t.value_checked += 1
        p = preds[best]
        if value_ok(p, gold):
            t.value_ok += 1
        else:
            t.wrong_values.append(
                f"{gold['surface']!r}: want {json.dumps(gold['value'])}, got {_describe_value(p.claim)}"
                f" from {p.text!r} in {text[:120]!r}"
            )
    for i, p in enumerate(preds):
        tallies[p.kind].predicted += 1
        if i not in used:
            tallies[p.kind].false_hits += 1
            tallies[p.kind].false_hits_negative += negative
            tallies[p.kind].false.append(f"{p.text!r} -> {_describe_value(p.claim)} in {text[:160]!r}")
    return tallies


def _pred_note(preds: list[Pred], kind: str) -> str:
    same = [p.text for p in preds if p.kind == kind]
    return f"  [we found: {same}]" if same else ""


# --------------------------------------------------------------------- report

def _pct(n: int, d: int) -> str:
    return f"{n / d:.3f}" if d else "–"


def _row(label: str, level: str, kind: str, t: Tally) -> str:
    return (
        f"| {label} | {level} | {kind} | {t.cases} | {t.expected} | {_pct(t.exact, t.expected)} "
        f"| {_pct(t.overlap, t.expected)} | {_pct(t.value_ok, t.value_checked)} | {t.predicted} "
        f"| {t.false_hits} | {t.negatives} | {t.false_hits_negative} | {t.errors} |"
    )


HEADER = (
    "| suite | level | kind | cases | expected | recall exact | recall overlap | value acc. "
    "| predicted | false hits | negative cases | false hits on negatives | errors |\n"
    "|---|---|---|---|---|---|---|---|---|---|---|---|---|"
)


def load_suites(directory: Path, suite_filter: str | None) -> dict[str, list[dict]]:
    suites: dict[str, list[dict]] = {}
    files = sorted(directory.glob("*.jsonl"))
    if not files:
        raise SystemExit(f"no *.jsonl suites in {directory} (use --dir)")
    for path in files:
        with path.open(encoding="utf-8") as fh:
            cases = [json.loads(line) for line in fh if line.strip()]
        if not cases:
            continue
        name = cases[0].get("suite", path.stem)
        if suite_filter and suite_filter not in name and suite_filter not in path.stem:
            continue
        suites[name] = cases
    return suites


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--dir", type=Path, default=DEFAULT_DIR, help=f"suite directory (default {DEFAULT_DIR})")
    ap.add_argument("--suite", help="only suites whose name or file contains this (e.g. msrt-date, te3)")
    ap.add_argument("--kind", choices=THEIR_KINDS, help="only this (their) kind")
    ap.add_argument("--show-misses", type=int, default=0, metavar="N",
                    help="print up to N misses, false hits and wrong values per suite and kind")
    args = ap.parse_args(argv)

    suites = load_suites(args.dir, args.suite)
    by_suite: dict[tuple[str, str], dict[str, Tally]] = {}
    t0 = time.perf_counter()
    n_cases = 0
    for name, cases in suites.items():
        n_cases += len(cases)
        for level in LEVELS:
            per_kind: dict[str, Tally] = defaultdict(Tally)
            for case in cases:
                for kind, t in score_case(case, args.kind, level).items():
                    agg = per_kind[kind]
                    agg.add(t)
                    agg.misses.extend(t.misses)
                    agg.false.extend(t.false)
                    agg.wrong_values.extend(t.wrong_values)
            if per_kind:
                by_suite[(name, level)] = dict(per_kind)
    elapsed = time.perf_counter() - t0

    print(f"peer suites from {args.dir} ({n_cases} cases in {elapsed:.1f} s)\n")
    print(HEADER)
    totals: dict[tuple[str, str], Tally] = defaultdict(Tally)
    for (name, level), per_kind in by_suite.items():
        for kind in THEIR_KINDS:
            if kind in per_kind:
                print(_row(name, level, kind, per_kind[kind]))
                totals[(level, kind)].add(per_kind[kind])
    for level in LEVELS:
        for kind in THEIR_KINDS:
            if (level, kind) in totals:
                print(_row("**all**", level, kind, totals[(level, kind)]))

    if args.show_misses:
        n = args.show_misses
        for (name, level), per_kind in by_suite.items():
            for kind, t in sorted(per_kind.items()):
                for title, items in (("missed", t.misses), ("false hits", t.false), ("wrong values", t.wrong_values)):
                    if items:
                        print(f"\n### {name} / {level} / {kind}: {title} ({len(items)}, showing {min(n, len(items))})")
                        for line in items[:n]:
                            print(f"- {line}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
