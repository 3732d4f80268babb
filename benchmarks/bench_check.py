"""Benchmark ``nlmg-facts check``: one article in process, a 1,000-document corpus, scaling.

    /work/venv/bin/python benchmarks/bench_check.py            # full run (several minutes)
    /work/venv/bin/python benchmarks/bench_check.py --docs 200 # smaller corpus

Measures, and prints as a markdown table:

1. the whole check of the bundled article in process (ingest, extract, cite,
   rules, report), median of repeated runs after a warm-up (target < 100 ms),
   with the time of each stage;
2. the command over a corpus of article-sized documents -- the bundled article
   with its numbers perturbed -- with ``--jobs 1`` and ``--jobs 2`` (target:
   at least 1.6 times faster with two);
3. time against the number of claims, on documents whose body is the article's
   body 1, 2, 4, 8 times (references once, at the end): the fitted exponent should be close to 1 (linear).

The machine is shared: run it when the load average is low, and read the load
printed with the table.
"""

from __future__ import annotations

import argparse
import math
import os
import random
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "sources" / "never_let_me_go_2010.txt"
_NUMBER = re.compile(r"\d+")


def _median_ms(fn, repeat: int, clock=time.perf_counter) -> float:
    times = []
    for _ in range(repeat):
        t = clock()
        fn()
        times.append(clock() - t)
    return statistics.median(times) * 1000


def _timed(setup, fn, repeat: int) -> float:
    """Median ms of ``fn(setup())``, the setup not counted."""
    times = []
    for _ in range(repeat):
        arg = setup()
        t = time.perf_counter()
        fn(arg)
        times.append(time.perf_counter() - t)
    return statistics.median(times) * 1000


def bench_single(repeat: int) -> list[tuple[str, str]]:
    from nlmg_facts import pipeline
    from nlmg_facts.config import load_config
    from nlmg_facts.extract import extract_document
    from nlmg_facts.ingest import ingest, read_source
    from nlmg_facts.report.locate import locate
    from nlmg_facts.rules.context import RuleContext
    from nlmg_facts.rules.engine import run_rules

    config = load_config(use_config=False)
    source = read_source(str(SAMPLE))
    settings = pipeline.settings_for(config)
    report = pipeline.check_source(source, config)  # warm-up: imports, compiled patterns
    total = _median_ms(lambda: pipeline.check_source(source, config), repeat)
    # CPU time is steadier than wall time on a shared machine.
    cpu = _median_ms(lambda: pipeline.check_source(source, config), repeat, clock=time.process_time)

    # Stages may cache on the objects they get, so each timed call gets fresh inputs.
    def fresh_doc():
        return ingest(source.text, source.name)

    def fresh_claims():
        doc = fresh_doc()
        return doc, extract_document(doc)

    def fresh_cited():
        doc, claims = fresh_claims()
        return doc, claims, *pipeline.cite(doc, claims)

    def rules(doc, claims, citations, links):
        ctx = RuleContext(doc=doc, claims=claims, citations=citations, links=links,
                          calendar=settings.calendar)
        return run_rules(ctx, settings.rules, "sources/sample.txt")

    def fresh_findings():
        doc, claims, citations, links = fresh_cited()
        return doc, rules(doc, claims, citations, links).findings

    stages = {
        "ingest": _timed(lambda: (source.text, source.name), lambda a: ingest(*a), repeat),
        "extract": _timed(fresh_doc, extract_document, repeat),
        "cite": _timed(fresh_claims, lambda a: pipeline.cite(*a), repeat),
        "rules (engine + %d rules)" % len(settings.rules): _timed(
            fresh_cited, lambda a: rules(*a), repeat
        ),
        "report (locate)": _timed(fresh_findings, lambda a: locate(*a), repeat),
    }
    rows = [
        ("bundled article, whole check in process (median of %d)" % repeat,
         f"{total:.1f} ms wall, {cpu:.1f} ms CPU (target < 100 ms); {report.claims} claims, "
         f"{report.citations} citations, {len(report.findings)} findings"),
    ]
    rows += [(f"  stage: {name}", f"{ms:.1f} ms") for name, ms in stages.items()]
    return rows


def perturbed(text: str, seed: int) -> str:
    """The article with its non-year numbers nudged, so every document differs."""
    rng = random.Random(seed)

    def nudge(m: re.Match) -> str:
        n = int(m.group())
        if 1800 <= n <= 2100 or rng.random() < 0.5:
            return m.group()
        return str(max(1, n + rng.choice((-2, -1, 1, 2))))

    return _NUMBER.sub(nudge, text)


def make_corpus(folder: Path, n: int) -> None:
    text = SAMPLE.read_text(encoding="utf-8")
    for i in range(n):
        (folder / f"article_{i:04d}.txt").write_text(perturbed(text, i), encoding="utf-8")


def _run_command(folder: Path, jobs: int, out: Path) -> tuple[float, float]:
    cmd = [sys.executable, "-m", "nlmg_facts", "check", str(folder), "--no-config",
           "--format", "json", "--output", str(out), "--jobs", str(jobs)]
    env = {**os.environ, "CI": "true"}  # no progress bar
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t = time.perf_counter()
    result = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, env=env)
    elapsed = time.perf_counter() - t
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if result.returncode not in (0, 1):
        raise SystemExit(f"check --jobs {jobs} failed ({result.returncode}): {result.stderr[-500:]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return elapsed, cpu


def bench_corpus(n: int) -> list[tuple[str, str]]:
    with tempfile.TemporaryDirectory(prefix="nlmg-bench-") as tmp:
        folder = Path(tmp) / "corpus"
        folder.mkdir()
        make_corpus(folder, n)
        one, one_cpu = _run_command(folder, 1, Path(tmp) / "one.json")
        two, two_cpu = _run_command(folder, 2, Path(tmp) / "two.json")
        same = (Path(tmp) / "one.json").read_bytes() == (Path(tmp) / "two.json").read_bytes()
    speedup = one / two
    return [
        (f"{n} article-sized documents, --jobs 1",
         f"{one:.1f} s wall ({one / n * 1000:.0f} ms/doc), {one_cpu:.1f} s CPU"),
        (f"{n} article-sized documents, --jobs 2",
         f"{two:.1f} s wall ({two / n * 1000:.0f} ms/doc), {two_cpu:.1f} s CPU"),
        ("speed-up with 2 jobs", f"{speedup:.2f}x (target >= 1.6x); identical reports: {same}"),
    ]


def bench_scaling(copies: tuple[int, ...], repeat: int) -> list[tuple[str, str]]:
    from nlmg_facts import pipeline
    from nlmg_facts.config import load_config
    from nlmg_facts.ingest import Source

    from nlmg_facts.ingest import ingest

    config = load_config(use_config=False)
    text = SAMPLE.read_text(encoding="utf-8")
    # Repeat the body only: the references stay one list at the end, as in a long article.
    doc = ingest(text, "sample")
    body, back = doc.body.of(text).rstrip(), text[doc.body.end :]
    points = []
    rows = []
    for k in copies:
        source = Source(f"copies_{k}.txt", "\n\n".join([body] * k) + "\n\n" + back)
        report = pipeline.check_source(source, config)
        ms = _median_ms(lambda: pipeline.check_source(source, config), repeat)
        points.append((report.claims, ms))
        rows.append((f"body x{k}: {report.claims} claims, {len(report.findings)} findings",
                     f"{ms:.0f} ms ({ms / max(report.claims, 1) * 1000:.0f} us/claim)"))
    xs = [math.log(c) for c, _ in points]
    ys = [math.log(t) for _, t in points]
    mx, my = statistics.fmean(xs), statistics.fmean(ys)
    slope = sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / sum((x - mx) ** 2 for x in xs)
    rows.append(("fitted exponent, time ~ claims^k", f"k = {slope:.2f} (1.0 is linear)"))
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=1000, help="corpus size (default 1000)")
    parser.add_argument("--repeat", type=int, default=20, help="repetitions in process")
    parser.add_argument("--skip-corpus", action="store_true")
    args = parser.parse_args()

    rows = [("machine", f"{os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.2f} at start")]
    rows += bench_single(args.repeat)
    rows += bench_scaling((1, 2, 4, 8), max(3, args.repeat // 5))
    if not args.skip_corpus:
        rows += bench_corpus(args.docs)
    rows.append(("load average at end", f"{os.getloadavg()[0]:.2f}"))
    print("| measure | result |\n| --- | --- |")
    for name, value in rows:
        print(f"| {name} | {value} |")


if __name__ == "__main__":
    main()
