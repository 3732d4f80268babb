"""Extraction speed: ms per article, MB/s and linear growth, with dateparser side by side.

Run: python benchmarks/bench_extract.py [--runs N] [--sizes 1,4,16,64] [--no-dateparser]
The whole pipeline up to claims is timed in process: ingest (back matter,
sentences) + extract_document. Synthetic articles repeat the body of the
bundled article 1, 4, 16 and 64 times (joined by blank lines) and end with its
back matter once, so every size has the same mix of prose (repeating the back
matter too would turn reference lists into body text and change the mix). dateparser (a bench extra: pip install -e .[bench]) is run on the
same text with ``search_dates(text, languages=["en"])``.
"""

from __future__ import annotations

import argparse
import math
import statistics
import sys
import time
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "sources" / "never_let_me_go_2010.txt"

TARGET_MS = 50.0
TARGET_MBPS = 1.0
#: Largest growth exponent k (time ~ size^k) still called linear; noise on a shared machine.
LINEAR_MAX_K = 1.15


def _ours(text: str) -> int:
    from nlmg_facts import extract_document, ingest

    return len(extract_document(ingest(text, "<bench>")))


def _dateparser(text: str) -> int:
    from dateparser.search import search_dates

    return len(search_dates(text, languages=["en"]) or [])


def _median_ms(fn, text: str, runs: int, budget_s: float) -> tuple[float, int, int]:
    """Median wall time in ms over up to ``runs`` runs (fewer if over ``budget_s``), result, runs."""
    times: list[float] = []
    result = 0
    spent = 0.0
    while len(times) < runs:
        # A distinct string per run (trailing spaces): caches keyed by the text
        # would otherwise make every run after the first look free.
        variant = text + " " * len(times)
        t0 = time.perf_counter()
        result = fn(variant)
        dt = time.perf_counter() - t0
        times.append(dt)
        spent += dt
        if spent > budget_s:
            break
    return statistics.median(times) * 1000, result, len(times)


def _measure(label: str, fn, text: str, runs: int, budget_s: float) -> dict:
    try:
        ms, n, done = _median_ms(fn, text, runs, budget_s)
    except ImportError as exc:
        return {"label": label, "error": f"not installed ({exc.name})"}
    except Exception as exc:  # a half-written extractor must not stop the benchmark
        frames = traceback.extract_tb(exc.__traceback__)
        ours = [f for f in frames if "nlmg_facts" in f.filename] or frames
        where = f"{Path(ours[-1].filename).name}:{ours[-1].lineno}"
        first_line = str(exc).splitlines()[0] if str(exc) else ""
        return {"label": label, "error": f"{type(exc).__name__}: {first_line} ({where})"}
    kb = len(text.encode("utf-8")) / 1024
    return {
        "label": label,
        "ms": ms,
        "kb": kb,
        "ms_per_kb": ms / kb,
        "mbps": (kb / 1024) / (ms / 1000) if ms > 0 else float("inf"),
        "items": n,
        "runs": done,
    }


def _row(size: str, kb: float, m: dict) -> str:
    if "error" in m:
        return f"| {m['label']} | {size} | {kb:,.0f} | error: {m['error']} | | | | |"
    return (
        f"| {m['label']} | {size} | {kb:,.0f} | {m['ms']:,.1f} | {m['ms_per_kb']:.3f} "
        f"| {m['mbps']:.2f} | {m['items']:,} | {m['runs']} |"
    )


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=9, help="runs per measurement (median)")
    ap.add_argument("--sizes", default="1,4,16,64", help="repetitions of the article")
    ap.add_argument("--no-dateparser", action="store_true")
    ap.add_argument(
        "--dateparser-max", type=int, default=16,
        help="largest repetition given to dateparser (it is slow)",
    )
    ap.add_argument("--budget", type=float, default=20.0, help="seconds per measurement at most")
    args = ap.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]

    article = SAMPLE.read_text(encoding="utf-8")
    _ours(article)  # warm up: imports, compiled patterns, data files

    print(f"article: {SAMPLE.relative_to(ROOT)} ({len(article.encode()):,} bytes), "
          f"median of up to {args.runs} runs, Python {sys.version.split()[0]}\n")
    print("| extractor | size | KB | ms | ms/KB | MB/s | items | runs |")
    print("|---|---|---|---|---|---|---|---|")
    ours_by_size: dict[int, dict] = {}
    from nlmg_facts.ingest import find_back_matter

    cut = find_back_matter(article) or len(article)
    body, back = article[:cut].rstrip(), article[cut:]
    for n in sizes:
        text = "\n\n".join([body] * n) + " " + back
        kb = len(text.encode()) / 1024
        runs = max(1, args.runs if n <= 4 else args.runs // 3)
        m = _measure("nlmg-facts ingest+extract", _ours, text, runs, args.budget)
        ours_by_size[n] = m
        print(_row(f"{n}x", kb, m))
        if not args.no_dateparser and n <= args.dateparser_max:
            d = _measure("dateparser search_dates", _dateparser, text, max(1, min(runs, 3)), args.budget)
            print(_row(f"{n}x", kb, d))
    print()
    _stages(article, args.runs)
    return _verdict(ours_by_size)


def _stages(article: str, runs: int) -> None:
    """Where the time goes on one article: ingest, each extractor, the rest (overlaps, attributes)."""
    from nlmg_facts import extract_document, ingest

    try:
        from nlmg_facts.extract import _extractors
    except ImportError:
        return
    # One document per run, each over a distinct string, so no cache keyed by the
    # text or the document carries over from one run to the next.
    docs = [ingest(article + " " * (i + 1), "<bench>") for i in range(runs)]
    rows = [("ingest (back matter, sentences)", lambda i: ingest(article + " " * (runs + i + 1), "<bench>"))]
    for fn in _extractors():
        name = f"{getattr(fn, '__module__', '?').rsplit('.', 1)[-1]}.{getattr(fn, '__name__', '?')}"
        rows.append((f"extractor {name}", lambda i, fn=fn: list(fn(docs[i]))))
    rows.append(("extract_document (all, with overlaps and attributes)", lambda i: extract_document(docs[i])))
    print("| stage (1x article) | ms |")
    print("|---|---|")
    for label, fn in rows:
        try:
            times = []
            for i in range(runs):
                t0 = time.perf_counter()
                fn(i)
                times.append(time.perf_counter() - t0)
            print(f"| {label} | {statistics.median(times) * 1000:.1f} |")
        except Exception as exc:  # noqa: BLE001 - report and go on
            print(f"| {label} | error: {type(exc).__name__}: {str(exc)[:80]} |")
    print()


def _verdict(by_size: dict[int, dict]) -> int:
    ok = [m for m in by_size.values() if "error" not in m]
    if not ok:
        print("no successful measurement")
        return 1
    lines = []
    one = by_size.get(1)
    if one and "error" not in one:
        lines.append(f"- article: {one['ms']:.1f} ms (target < {TARGET_MS:.0f} ms): "
                     + ("met" if one["ms"] < TARGET_MS else "NOT met"))
    biggest = by_size[max(k for k, v in by_size.items() if "error" not in v)]
    lines.append(f"- throughput at the largest size: {biggest['mbps']:.2f} MB/s "
                 f"(target >= {TARGET_MBPS:.0f} MB/s): " + ("met" if biggest["mbps"] >= TARGET_MBPS else "NOT met"))
    sizes = sorted(k for k, v in by_size.items() if "error" not in v)
    if len(sizes) >= 2:
        # time ~ size^k: k = 1 is linear. Pairwise exponents show where growth bends.
        steps = []
        for a, b in zip(sizes, sizes[1:]):
            ka = math.log(by_size[b]["ms"] / by_size[a]["ms"]) / math.log(by_size[b]["kb"] / by_size[a]["kb"])
            steps.append(f"{a}x->{b}x: {ka:.2f}")
        lo, hi = by_size[sizes[0]], by_size[sizes[-1]]
        k = math.log(hi["ms"] / lo["ms"]) / math.log(hi["kb"] / lo["kb"])
        lines.append(f"- growth exponent k (time ~ size^k) {sizes[0]}x->{sizes[-1]}x: {k:.2f} "
                     f"(linear if <= {LINEAR_MAX_K}): " + ("linear" if k <= LINEAR_MAX_K else "NOT linear")
                     + f"; steps {', '.join(steps)}")
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
