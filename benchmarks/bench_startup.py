"""Whole-process start-up: what a user waits for, from the interpreter's start to its exit.

    python benchmarks/bench_startup.py                  # every table (a minute or two)
    python benchmarks/bench_startup.py --runs 21 --skip-throughput
    python benchmarks/bench_startup.py --baseline /tmp/main/src   # side by side with another checkout

Prints markdown tables:

1. medians (and minima) of whole-process runs, wall and CPU, interleaved
   round-robin so the load of a shared machine falls on every command alike
   (each run as ``python -m nlmg_facts`` with bytecode caching on, as on a
   user's machine): ``python -c pass``,
   the dependency-import floor (pydantic, regex, dateutil, rapidfuzz),
   ``--version``, ``rules``, ``explain``, ``check`` of the bundled article with
   the compiled-pattern cache warm and with it switched off
   (``NLMG_FACTS_CACHE=off``), and ``extract`` of five copies of the article
   beside a process running dateparser's ``search_dates`` on the same text;
2. where the CPU time of a check goes in one process: imports, the first
   document (with everything set up lazily), the same document again, and
   the time spent compiling patterns, reading them from the cache and
   building pydantic models (beside the baseline when given);
3. throughput of ingest + extract per core (CPU seconds, one process per size,
   after a warm-up) on the body repeated 1, 4, 16, 64 times, with the peak
   resident memory of each process and its growth over the warmed-up process.

Targets (issue 12): check <= 0.3 s, --version / rules / explain < 0.15 s,
extract x5 <= 0.1 of dateparser, >= 2 MB/s per core at 64x, linear.
"""

from __future__ import annotations

import argparse
import os
import resource
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


_BREAKDOWN = r"""
import time
T = time.process_time
spent = {"regex compile": 0.0, "re compile": 0.0, "pydantic model build": 0.0, "pattern cache read": 0.0}
import re, regex._main, pydantic, pydantic._internal._model_construction as mc

def timed(key, fn):
    def wrapper(*a, **k):
        t = T()
        try:
            return fn(*a, **k)
        finally:
            spent[key] += T() - t
    return wrapper

regex._main._compile = timed("regex compile", regex._main._compile)
re._compile = timed("re compile", re._compile)
mc.complete_model_class = timed("pydantic model build", mc.complete_model_class)
pydantic.TypeAdapter.__init__ = timed("pydantic model build", pydantic.TypeAdapter.__init__)
t0 = T()
import nlmg_facts.cli.check, nlmg_facts.pipeline as pipeline
from nlmg_facts.config import load_config
from nlmg_facts.ingest import read_source
try:
    from nlmg_facts import _lazyre
    _lazyre._revive = timed("pattern cache read", _lazyre._revive)
except ImportError:
    pass
t1 = T()
config = load_config(use_config=False)
source = read_source("sources/never_let_me_go_2010.txt")
pipeline.check_source(source, config)
t2 = T()
pipeline.check_source(source, config)
t3 = T()
print(t1 - t0, t2 - t1, t3 - t2, *spent.values())
"""
BREAKDOWN_LABELS = ["imports (package, CLI check, pipeline)", "first document (incl. lazy set-up)",
                    "the same document again", "whole run: regex compile", "whole run: re compile",
                    "whole run: pydantic model build", "whole run: pattern cache read"]


def bench_breakdown(runs: int, srcs: dict[str, Path]) -> None:
    """Where a check's CPU time goes in one process, median of ``runs`` processes each."""
    got: dict[str, list[list[float]]] = {w: [] for w in srcs}
    for _ in range(runs):
        for which, path in srcs.items():
            out = subprocess.run([PY, "-c", _BREAKDOWN], cwd=ROOT, capture_output=True, text=True,
                                 check=True, env=_env(path)).stdout.split()
            got[which].append([float(x) for x in out])
    print("| check of the bundled article, in process (CPU ms) | " + " | ".join(srcs) + " |\n|---|"
          + "---:|" * len(srcs))
    for i, label in enumerate(BREAKDOWN_LABELS):
        cells = [f"{statistics.median(r[i] for r in got[w]) * 1000:.0f}" for w in srcs]
        print(f"| {label} | " + " | ".join(cells) + " |")
    print()


def _env(src: Path) -> dict[str, str]:
    """The package from ``src``, with bytecode caching on (as on a user's machine)."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    return {**env, "PYTHONPATH": str(src), "CI": "true"}


def _time(cmd: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall and CPU (user + system) seconds of one whole process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t = time.perf_counter()
    done = subprocess.run(cmd, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    elapsed = time.perf_counter() - t
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(cmd)} failed ({done.returncode}): {done.stderr.decode()[-400:]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return elapsed, cpu


def _commands(copies: int, five: Path, dateparser: bool) -> list[tuple[str, list[str], bool, dict[str, str]]]:
    """(label, command, runs the package?, extra environment) for every measured process."""
    nlmg = [PY, "-m", "nlmg_facts"]
    rows = [
        ("`python -c pass`", [PY, "-c", "pass"], False, {}),
        (f"dependency-import floor (`{FLOOR}`)", [PY, "-c", FLOOR], False, {}),
        ("`nlmg-facts --version`", [*nlmg, "--version"], True, {}),
        ("`nlmg-facts rules`", [*nlmg, "rules"], True, {}),
        ("`nlmg-facts explain NLMG-D001`", [*nlmg, "explain", "NLMG-D001"], True, {}),
        ("`nlmg-facts check sources/`", [*nlmg, "check", "sources/"], True, {}),
        ("`nlmg-facts check sources/`, pattern cache off", [*nlmg, "check", "sources/"], True,
         {"NLMG_FACTS_CACHE": "off"}),
        (f"`nlmg-facts extract` of the article x{copies}", [*nlmg, "extract", str(five)], True, {}),
    ]
    if dateparser:
        code = ("import sys; from dateparser.search import search_dates; "
                "search_dates(open(sys.argv[1], encoding='utf-8').read(), languages=['en'])")
        rows.append((f"dateparser `search_dates` of the article x{copies}", [PY, "-c", code, str(five)],
                     False, {}))
    return rows


def bench_processes(runs: int, copies: int, dateparser: bool, src: Path, baseline: Path | None) -> None:
    srcs = {"this": src, **({"baseline": baseline} if baseline else {})}
    with tempfile.TemporaryDirectory(prefix="nlmg-startup-") as tmp:
        five = Path(tmp) / f"article_x{copies}.txt"
        five.write_text("\n\n".join([SAMPLE.read_text(encoding="utf-8")] * copies), encoding="utf-8")
        rows = _commands(copies, five, dateparser)
        plan = [(label, which, cmd, {**_env(path), **extra})
                for label, cmd, ours, extra in rows
                for which, path in (srcs.items() if ours else [("this", src)])]
        for which, path in srcs.items():  # write bytecode, fill the pattern cache, warm the OS cache
            _time([PY, "-m", "nlmg_facts", "check", "sources/"], _env(path))
        times: dict[tuple[str, str], list[tuple[float, float]]] = {(l, w): [] for l, w, _, _ in plan}
        load = os.getloadavg()[0]
        for _ in range(runs):
            for label, which, cmd, env in plan:
                times[label, which].append(_time(cmd, env))
    print(f"{os.cpu_count()} CPUs, load average {load:.2f} at start, {os.getloadavg()[0]:.2f} at end; "
          f"{runs} runs each, interleaved; Python {sys.version.split()[0]}; "
          "the package run as `python -m nlmg_facts`, bytecode cached\n")
    head = "| whole process | median s | min s | median CPU s |"
    if baseline:
        head += " baseline median s | baseline min s | baseline median CPU s |"
    print(head + "\n|---|" + "---:|" * (head.count("|") - 2))

    def cells(ts: list[tuple[float, float]]) -> str:
        walls, cpus = [w for w, _ in ts], [c for _, c in ts]
        return f" {statistics.median(walls):.3f} | {min(walls):.3f} | {statistics.median(cpus):.3f} |"

    for label, _, ours, _ in rows:
        line = f"| {label} |" + cells(times[label, "this"])
        if baseline:
            line += cells(times[label, "baseline"]) if ours else " | | |"
        print(line)
    if dateparser:
        ext, dp = rows[-2][0], rows[-1][0]
        theirs = statistics.median(w for w, _ in times[dp, "this"])
        for which in srcs:
            ours = statistics.median(w for w, _ in times[ext, which])
            print(f"\nextract x{copies} / dateparser ({which}): {ours / theirs:.3f} (target <= 0.1)")
    print()


def bench_throughput(sizes: list[int], runs: int, src: Path) -> None:
    print("| ingest + extract | KB | claims | CPU s (best) | MB/s per core | wall s | "
          "peak RSS MB | over warmed-up process MB |\n|---|---:|---:|---:|---:|---:|---:|---:|")
    for n in sizes:
        out = subprocess.run(
            [PY, "-c", _THROUGHPUT, str(SAMPLE), str(n), str(runs if n < 64 else max(1, runs // 2))],
            cwd=ROOT, capture_output=True, text=True, check=True, env=_env(src),
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
    ap.add_argument("--skip-breakdown", action="store_true")
    ap.add_argument("--src", type=Path, default=ROOT / "src", help="the package's source directory")
    ap.add_argument("--baseline", type=Path,
                    help="another checkout's src/ to measure side by side (e.g. main, before a change)")
    args = ap.parse_args()
    print(f"package: {args.src.resolve()}" + (f"; baseline: {args.baseline.resolve()}" if args.baseline else ""))
    if not args.skip_processes:
        bench_processes(args.runs, args.copies, not args.no_dateparser, args.src, args.baseline)
    if not args.skip_breakdown:
        bench_breakdown(5, {"this": args.src, **({"baseline": args.baseline} if args.baseline else {})})
    if not args.skip_throughput:
        bench_throughput([int(s) for s in args.sizes.split(",")], 3, args.src)


if __name__ == "__main__":
    main()
