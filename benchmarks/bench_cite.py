"""Citation stage on the bundled article: parse + align timing, parser figures, gold accuracy.

Run: /work/venv/bin/python benchmarks/bench_cite.py [--repeat N]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

from nlmg_facts.cite import cite_document
from nlmg_facts.cite.references import document_references
from nlmg_facts.extract import extract_document
from nlmg_facts.ingest import ingest

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "sources" / "never_let_me_go_2010.txt"
GOLD = ROOT / "tests" / "cite" / "gold_links.json"
BUDGET_MS = 100.0


def _time(fn, repeat: int) -> tuple[float, float]:
    fn()  # warm caches (lexicons, compiled patterns)
    runs = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        runs.append((time.perf_counter() - t0) * 1000)
    return min(runs), statistics.median(runs)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=30)
    args = ap.parse_args()
    doc = ingest(SAMPLE.read_text(encoding="utf-8"), str(SAMPLE))
    if doc.back_matter is None:
        print("back matter not detected; nothing to measure", file=sys.stderr)
        return 2
    claims = extract_document(doc)
    result = cite_document(doc, claims)
    cites = [c for c in result.citations if c.kind == "citation"]
    fields = [len(c.fields) for c in cites]

    parse_min, parse_med = _time(lambda: document_references(doc), args.repeat)
    all_min, all_med = _time(lambda: cite_document(doc, claims), args.repeat)

    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    links = {link.sentence: link for link in result.sentence_links}
    ok = wrong = missed = 0
    for row in gold["links"]:
        link = links[doc.sentence_at(doc.text.index(row["text"])).index]
        good = (link.citation in row["citations"]) if row["citations"] else link.citation is None
        ok += good
        wrong += link.citation is not None and not good
        missed += link.citation is None and not good
    n = len(gold["links"])

    print(f"entries: {len(result.citations)} ({len(cites)} citations, "
          f"{sum(c.kind == 'see_also' for c in result.citations)} see-also, "
          f"{sum(c.kind == 'external_link' for c in result.citations)} external links)")
    print(f"fields per citation: mean {statistics.mean(fields):.2f}, min {min(fields)}, max {max(fields)}")
    print(f"linked: {sum(s.citation is not None for s in result.sentence_links)}/{len(result.sentence_links)} "
          f"sentences, {sum(c.citation is not None for c in result.links)}/{len(result.links)} claims")
    print(f"gold accuracy: {ok}/{n} = {ok / n:.3f} (wrong citation {wrong}, missed {missed})")
    print(f"parse references: min {parse_min:.1f} ms, median {parse_med:.1f} ms")
    print(f"cite_document (parse + align + claim links): min {all_min:.1f} ms, median {all_med:.1f} ms "
          f"(budget {BUDGET_MS:.0f} ms)")
    return 0 if all_min < BUDGET_MS else 1


if __name__ == "__main__":
    raise SystemExit(main())
