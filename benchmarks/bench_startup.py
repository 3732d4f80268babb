"""Whole-process start-up: what a user waits for, from the interpreter's start to its exit.

    python benchmarks/bench_startup.py                  # every table (a minute or two)
    python benchmarks/bench_startup.py --runs 21 --skip-throughput

Prints markdown tables:

1. medians (and minima) of whole-process runs, interleaved round-robin so the
   load of a shared machine falls on every command alike: ``python -c pass``,
   the dependency-import floor (pydantic, regex, dateutil, rapidfuzz),
   ``--version``, ``rules``, ``explain``, ``check`` of the bundled article with
   the compiled-pattern cache warm and with it switched off
   (``NLMG_FACTS_CACHE=off``), and ``extract`` of five copies of the article
   beside a process running dateparser's ``search_dates`` on the same text;
2. throughput of ingest + extract per core (CPU seconds, one process per size,
   after a warm-up) on the body repeated 1, 4, 16, 64 times, with the peak
   resident memory of each process and its growth over the warmed-up process.

Targets (issue 12): check <= 0.3 s, --version / rules / explain < 0.15 s,
extract x5 <= 0.1 of dateparser, >= 2 MB/s per core at 64x, linear.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "sources" / "never_let_me_go_2010.txt"
PY = sys.executable
FLOOR = "import pydantic, regex, dateutil, rapidfuzz"

_THROUGHPUT = r"""
import resource, sys, time
from nlmg_facts import extract_document, ingest
from nlmg_facts.ingest import find_back_matter
article = open(sys.argv[1], encoding="utf-8").read()
n = int(sys.argv[2])
extract_document(ingest(article, "<warm-up>"))
base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
cut = find_back_matter(article) or len(article)
text = "\n\n".join([article[:cut].rstrip()] * n) + " " + article[cut:]
best_cpu = best_wall = float("inf")
for i in range(int(sys.argv[3])):
    variant = text + " " * (i + 1)
    c, w = time.process_time(), time.perf_counter()
    claims = extract_document(ingest(variant, "<bench>"))
    best_cpu = min(best_cpu, time.process_time() - c)
    best_wall = min(best_wall, time.perf_counter() - w)
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(len(text.encode()), len(claims), best_cpu, best_wall, base, peak)
"""


def _nlmg() -> list[str]:
    """The installed console script when there is one (what users run), else ``-m``."""
    script = Path(PY).parent / "nlmg-facts"
    return [str(script)] if script.exists() else [PY, "-m", "nlmg_facts"]


def _time(cmd: list[str], env: dict[str, str]) -> float:
    t = time.perf_counter()
    done = subprocess.run(cmd, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    elapsed = time.perf_counter() - t
    if done.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(cmd)} failed ({done.returncode}): {done.stderr.decode()[-400:]}")
    return elapsed


def bench_processes(runs: int, copies: int, dateparser: bool) -> None:
    env = {**os.environ, "CI": "true"}
    cold = {**env, "NLMG_FACTS_CACHE": "off"}
    with tempfile.TemporaryDirectory(prefix="nlmg-startup-") as tmp:
        five = Path(tmp) / f"article_x{copies}.txt"
        five.write_text("\n\n".join([SAMPLE.read_text(encoding="utf-8")] * copies), encoding="utf-8")
        nlmg = _nlmg()
        rows: list[tuple[str, list[str], dict[str, str]]] = [
            ("`python -c pass`", [PY, "-c", "pass"], env),
            (f"dependency-import floor (`{FLOOR}`)", [PY, "-c", FLOOR], env),
            ("`nlmg-facts --version`", [*nlmg, "--version"], env),
            ("`nlmg-facts rules`", [*nlmg, "rules"], env),
            ("`nlmg-facts explain NLMG-D001`", [*nlmg, "explain", "NLMG-D001"], env),
            ("`nlmg-facts check sources/` (pattern cache warm)", [*nlmg, "check", "sources/"], env),
            ("`nlmg-facts check sources/` (cache off)", [*nlmg, "check", "sources/"], cold),
            (f"`nlmg-facts extract` x{copies} article (cache warm)", [*nlmg, "extract", str(five)], env),
        ]
        if dateparser:
            code = ("import sys; from dateparser.search import search_dates; "
                    "search_dates(open(sys.argv[1], encoding='utf-8').read(), languages=['en'])")
            rows.append((f"dateparser `search_dates` x{copies} article", [PY, "-c", code, str(five)], env))
        _time([*nlmg, "check", "sources/"], env)  # fill the cache, warm the OS file cache
        times: dict[str, list[float]] = {label: [] for label, _, _ in rows}
        load = os.getloadavg()[0]
        for _ in range(runs):
            for label, cmd, e in rows:
                times[label].append(_time(cmd, e))
    print(f"{os.cpu_count()} CPUs, load average {load:.2f} at start, {os.getloadavg()[0]:.2f} at end; "
          f"{runs} runs each, interleaved; Python {sys.version.split()[0]}\n")
    print("| whole process | median s | min s |\n|---|---:|---:|")
    for label, ts in times.items():
        print(f"| {label} | {statistics.median(ts):.3f} | {min(ts):.3f} |")
    if dateparser:
        ours = statistics.median(times[f"`nlmg-facts extract` x{copies} article (cache warm)"])
        theirs = statistics.median(times[f"dateparser `search_dates` x{copies} article"])
        print(f"\nextract x{copies} / dateparser: {ours / theirs:.3f} (target <= 0.1)")
    print()


def bench_throughput(sizes: list[int], runs: int) -> None:
    print("| ingest + extract | KB | claims | CPU s (best) | MB/s per core | wall s | "
          "peak RSS MB | over warmed-up process MB |\n|---|---:|---:|---:|---:|---:|---:|---:|")
    for n in sizes:
        out = subprocess.run(
            [PY, "-c", _THROUGHPUT, str(SAMPLE), str(n), str(runs if n < 64 else max(1, runs // 2))],
            cwd=ROOT, capture_output=True, text=True, check=True,
        ).stdout.split()
        size, claims = int(out[0]), int(out[1])
        cpu, wall, base, peak = float(out[2]), float(out[3]), int(out[4]), int(out[5])
        print(f"| body x{n} | {size / 1024:,.0f} | {claims:,} | {cpu:.3f} | "
              f"{size / 1e6 / cpu:.2f} | {wall:.3f} | {peak / 1024:.0f} | {(peak - base) / 1024:.0f} |")
    print()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=11, help="whole-process runs per command (median)")
    ap.add_argument("--copies", type=int, default=5, help="copies of the article given to extract")
    ap.add_argument("--sizes", default="1,4,16,64", help="body repetitions for the throughput table")
    ap.add_argument("--no-dateparser", action="store_true")
    ap.add_argument("--skip-processes", action="store_true")
    ap.add_argument("--skip-throughput", action="store_true")
    args = ap.parse_args()
    if not args.skip_processes:
        bench_processes(args.runs, args.copies, not args.no_dateparser)
    if not args.skip_throughput:
        bench_throughput([int(s) for s in args.sizes.split(",")], 3)


if __name__ == "__main__":
    main()
