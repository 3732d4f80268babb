"""Accuracy of the checker on real articles: injected errors, keyed real inconsistencies, false alarms.

    python benchmarks/corpus_accuracy.py [--corpus DIR] [--verbose] [--json]

For every key ``DIR/*.json`` (default ``tests/corpus/real``; the format is in
the corpus README and ``CorpusKey`` below) the whole check runs in process on
the unmodified ``<slug>.txt`` and on one modified copy per injection (the
injection's ``find`` replaced by its ``replace``, once, at the given
occurrence). It prints, per class:

- **injected found**: injections for which some finding of the copy is new
  (its fingerprint is absent from the unmodified article's findings) and has an
  evidence span overlapping the ``touch`` span inside the replaced text;
- **real found**: keyed real inconsistencies of the unmodified article for which
  one finding (any severity) has evidence spans overlapping both quotes of the item
  (two of them when it lists more, the one when it lists one);
- **false alarms**: findings on the unmodified articles that match no ``real``
  item in that sense, counted separately at severity error and warning
  (info findings are not counted). A finding that touches a ``trap`` quote is a
  false alarm too; the per-class table charges it to the trap's class.

``--verbose`` adds one line per article and per injection (found or missed,
with the findings seen); ``--json`` prints the figures as one JSON object.
Targets of issue 10: at least 90% of injected errors found, every keyed real
inconsistency found, at most one false error per 20 unmodified articles.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = ROOT / "tests" / "corpus" / "real"

Domain = Literal["person", "organisation", "work", "place", "event", "other"]
SLUG = r"^(person|club|company|album|book|film|place|institution|election|season|event|song|game|tv|band|other)_[a-z0-9_]+$"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Provenance(_Strict):
    repo: str | None = None
    path: str | None = None
    commit: str | None = Field(None, pattern=r"^[0-9a-f]{7,40}$")
    address: str | None = None
    licence: str
    retrieved: str = Field(pattern=r"^\d{4}-\d{2}-\d{2}$")

    @model_validator(mode="after")
    def _somewhere(self) -> "Provenance":
        if not (self.address or (self.repo and self.path)):
            raise ValueError("provenance needs an address, or a repo and a path")
        return self


class KeyItem(_Strict):
    """A real inconsistency or a trap: the quoted spans of the two (or more) statements."""

    id: str
    cls: str = Field(alias="class")
    quotes: list[str] = Field(min_length=1)
    occurrence: int | list[int] | None = Field(None, description="1-based occurrence of each quote")
    note: str = ""

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


class Injection(_Strict):
    id: str
    cls: str = Field(alias="class")
    find: str = Field(min_length=1)
    occurrence: int = Field(1, ge=1)
    replace: str
    touch: str = Field(min_length=1)
    note: str = ""

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    @model_validator(mode="after")
    def _touch_in_replace(self) -> "Injection":
        if self.touch not in self.replace:
            raise ValueError(f"{self.id}: touch {self.touch!r} is not in replace")
        if self.find == self.replace:
            raise ValueError(f"{self.id}: replace equals find")
        return self


class CorpusKey(_Strict):
    slug: str = Field(pattern=SLUG)
    title: str = Field(min_length=1)
    domain: Domain
    subdomain: str = Field(min_length=1)
    provenance: Provenance
    real: list[KeyItem] = Field(default_factory=list)
    traps: list[KeyItem] = Field(default_factory=list)
    injections: list[Injection] = Field(default_factory=list)
    notes: str = ""


def nth_index(text: str, needle: str, occurrence: int = 1) -> int:
    """Start of the ``occurrence``-th (1-based) occurrence of needle, or -1."""
    pos = -1
    for _ in range(occurrence):
        pos = text.find(needle, pos + 1)
        if pos < 0:
            return -1
    return pos


def quote_spans(text: str, item: KeyItem) -> list[tuple[int, int]]:
    occ = item.occurrence
    spans = []
    for i, quote in enumerate(item.quotes):
        n = occ[i] if isinstance(occ, list) else (occ or 1)
        start = nth_index(text, quote, n)
        if start >= 0:
            spans.append((start, start + len(quote)))
    return spans


def apply_injection(text: str, inj: Injection) -> tuple[str, tuple[int, int]]:
    """The modified text and the touch span in it."""
    start = nth_index(text, inj.find, inj.occurrence)
    if start < 0:
        raise ValueError(f"{inj.id}: find {inj.find!r} not in the article")
    modified = text[:start] + inj.replace + text[start + len(inj.find):]
    touch = start + inj.replace.index(inj.touch)
    return modified, (touch, touch + len(inj.touch))


def load_keys(corpus: Path) -> list[tuple[Path, CorpusKey]]:
    return [(p, CorpusKey.model_validate_json(p.read_text(encoding="utf-8"))) for p in sorted(corpus.glob("*.json"))]


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _matches(finding, quotes: list[tuple[int, int]]) -> bool:
    """The finding's evidence covers the item: every quote of a pair, at least two of a longer list."""
    if not quotes:
        return False
    spans = _spans(finding)
    touched = sum(1 for q in quotes if any(_overlaps(s, q) for s in spans))
    return touched >= min(2, len(quotes))


def _spans(finding) -> list[tuple[int, int]]:
    return [(ev.span.start, ev.span.end) for ev in finding.evidence]


def _describe(f) -> str:
    quotes = " / ".join(repr(ev.text) for ev in f.evidence[:3])
    return f"{f.severity.value} {f.code} {quotes}"


@dataclass
class ClassScore:
    injected: int = 0
    injected_found: int = 0
    real: int = 0
    real_found: int = 0
    false_errors: int = 0
    false_warnings: int = 0


@dataclass
class Result:
    articles: int = 0
    classes: dict[str, ClassScore] = field(default_factory=lambda: defaultdict(ClassScore))
    lines: list[str] = field(default_factory=list)
    missed: list[str] = field(default_factory=list)
    false_alarms: list[str] = field(default_factory=list)
    internal_errors: list[str] = field(default_factory=list)


class Checker:
    """The in-process pipeline, configured once."""

    def __init__(self) -> None:
        from nlmg_facts import pipeline
        from nlmg_facts.config import load_config
        from nlmg_facts.ingest import Source

        self._pipeline = pipeline
        self._source = Source
        self._config = load_config(use_config=False)

    def check(self, name: str, text: str):
        return self._pipeline.check_source(self._source(name=name, text=text), self._config)


def measure(corpus: Path, verbose: bool = False) -> Result:
    checker = Checker()
    result = Result()
    for key_path, key in load_keys(corpus):
        txt = key_path.with_suffix(".txt")
        if not txt.is_file():
            raise ValueError(f"{key_path.name}: no article {txt.name} beside the key")
        text = txt.read_text(encoding="utf-8")
        result.articles += 1
        base = checker.check(txt.name, text)
        if base.internal_errors:
            result.internal_errors.append(f"{key.slug}: {base.internal_errors[0].message}")
        base_prints = {f.fingerprint for f in base.findings}
        real_spans = {item.id: quote_spans(text, item) for item in key.real}
        trap_of = [(item, quote_spans(text, item)) for item in key.traps]
        # real inconsistencies
        for item in key.real:
            score = result.classes[item.cls]
            score.real += 1
            spans = real_spans[item.id]
            hit = any(_matches(f, spans) for f in base.findings)
            score.real_found += hit
            if not hit:
                result.missed.append(f"{key.slug} real {item.id} ({item.cls}) not found")
        # false alarms on the unmodified article
        article_false = 0
        for f in base.findings:
            if f.severity.value not in ("error", "warning"):
                continue
            if any(_matches(f, spans) for spans in real_spans.values()):
                continue
            cls = next((item.cls for item, spans in trap_of
                        if any(_overlaps(s, q) for s in _spans(f) for q in spans)), "(no key item)")
            score = result.classes[cls]
            if f.severity.value == "error":
                score.false_errors += 1
                article_false += 1
            else:
                score.false_warnings += 1
            result.false_alarms.append(f"{key.slug}: {_describe(f)} [{cls}]")
        # injections
        found_here = 0
        inj_lines: list[str] = []
        for inj in key.injections:
            score = result.classes[inj.cls]
            score.injected += 1
            modified, touch = apply_injection(text, inj)
            report = checker.check(txt.name, modified)
            new = [f for f in report.findings if f.fingerprint not in base_prints]
            hit = [f for f in new if any(_overlaps(s, touch) for s in _spans(f))]
            if hit:
                score.injected_found += 1
                found_here += 1
            else:
                seen = "; ".join(_describe(f) for f in new[:3]) or "no new finding"
                result.missed.append(f"{key.slug} {inj.id} ({inj.cls}) missed: {seen}")
            state = "found " if hit else "MISSED"
            inj_lines.append(f"    {state} {inj.id} {inj.cls}: {inj.touch!r}" + (f" by {hit[0].code}" if hit else ""))
        real_found = sum(
            1 for item in key.real
            if any(_matches(f, real_spans[item.id]) for f in base.findings)
        )
        result.lines.append(
            f"{key.slug}: injected {found_here}/{len(key.injections)}, real {real_found}/{len(key.real)}, "
            f"false errors {article_false}, findings {len(base.findings)}"
        )
        if verbose:
            result.lines.extend(inj_lines)
    return result


def totals(result: Result) -> ClassScore:
    t = ClassScore()
    for s in result.classes.values():
        for name in vars(t):
            setattr(t, name, getattr(t, name) + getattr(s, name))
    return t


def _ratio(a: int, b: int) -> str:
    return f"{a}/{b}" + (f" ({100 * a / b:.0f}%)" if b else "")


def table(result: Result) -> str:
    lines = [
        "| class | injected found | real found | false errors | false warnings |",
        "|---|---|---|---|---|",
    ]
    for cls in sorted(result.classes):
        s = result.classes[cls]
        lines.append(f"| {cls} | {_ratio(s.injected_found, s.injected)} | {_ratio(s.real_found, s.real)} "
                     f"| {s.false_errors} | {s.false_warnings} |")
    t = totals(result)
    lines.append(f"| **all** | {_ratio(t.injected_found, t.injected)} | {_ratio(t.real_found, t.real)} "
                 f"| {t.false_errors} | {t.false_warnings} |")
    lines.append("")
    per20 = 20 * t.false_errors / result.articles if result.articles else 0.0
    lines.append(f"{result.articles} unmodified articles: {t.false_errors} false errors "
                 f"({per20:.1f} per 20 articles), {t.false_warnings} false warnings.")
    return "\n".join(lines)


def as_json(result: Result) -> dict:
    t = totals(result)
    return {
        "articles": result.articles,
        "classes": {cls: vars(s) for cls, s in sorted(result.classes.items())},
        "total": vars(t),
        "false_errors_per_20_articles": 20 * t.false_errors / result.articles if result.articles else 0.0,
        "missed": result.missed,
        "false_alarms": result.false_alarms,
        "internal_errors": result.internal_errors,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="folder of <slug>.txt + <slug>.json")
    parser.add_argument("--verbose", action="store_true", help="per-article and per-injection lines")
    parser.add_argument("--json", action="store_true", help="the figures as JSON")
    args = parser.parse_args(argv)
    if not args.corpus.is_dir():
        print(f"corpus_accuracy.py: no such folder: {args.corpus}", file=sys.stderr)
        return 2
    try:
        result = measure(args.corpus, verbose=args.verbose)
    except ValueError as err:  # a broken key (pydantic errors are ValueErrors too)
        print(f"corpus_accuracy.py: bad key: {str(err).splitlines()[0]}", file=sys.stderr)
        return 2
    if args.json:
        print(json.dumps(as_json(result), indent=2))
        return 0
    print(f"real-article corpus {args.corpus}\n")
    print(table(result))
    if args.verbose:
        print()
        print("\n".join(result.lines))
        for line in result.missed:
            print("missed:", line)
        for line in result.false_alarms:
            print("false: ", line)
    if result.internal_errors:
        print("\ninternal errors:\n" + "\n".join(result.internal_errors))
    return 0


if __name__ == "__main__":
    sys.exit(main())
