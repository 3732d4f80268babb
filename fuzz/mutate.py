"""A quick random-mutation fuzzer (no coverage, no compiled dependency): crash and slow classes.

    python fuzz/mutate.py --runs 2000 --seed 1 --out /tmp/fuzz-findings

Each input is a slice of a seed article (the bundled article, tests/corpus,
the format fixtures) with a few mutations: grammar tokens inserted, spans
deleted, duplicated, upper-cased or spliced in from another seed, random code
points added. Every stage runs with the invariants of ``harness.py``; the first
input of each failure class, and every input slower than ``--slow`` seconds
per 40 KB, is written to ``--out`` as JSON (name, text, failure). Runs at
about 50 inputs a second, three to five times atheris's rate, which makes it
the quicker first pass; ``fuzz_check.py`` then follows coverage.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import harness  # noqa: E402

TOKENS = [
    bytes(line.strip()[1:-1], "ascii").decode("unicode_escape").encode("latin-1").decode("utf-8", "replace")
    for line in (HERE / "tokens.dict").read_text("ascii").splitlines()
    if line.startswith('"')
]


def mutate(text: str, seeds: list[str], rng: random.Random) -> str:
    for _ in range(rng.randint(1, 8)):
        op, n = rng.random(), len(text)
        p = rng.randint(0, n)
        if op < 0.35:
            text = text[:p] + rng.choice(TOKENS) + text[p:]
        elif op < 0.5:
            text = text[:p] + text[min(n, p + rng.randint(1, 200)):]
        elif op < 0.65:
            q = min(n, p + rng.randint(1, 400))
            text = text[:q] + text[p:q] + text[q:]
        elif op < 0.8:
            cp = rng.choice([rng.randint(0, 0x7F), rng.randint(0x80, 0x2FFF), rng.randint(0, 0x10FFFF)])
            text = text[:p] + chr(cp) + text[p:]
        elif op < 0.9:
            other = rng.choice(seeds)
            a = rng.randint(0, len(other))
            text = text[:p] + other[a : a + rng.randint(1, 2000)] + text[p:]
        else:
            q = rng.randint(p, n)
            text = text[:p] + text[p:q].upper() + text[q:]
    return text


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=2000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--max-len", type=int, default=5000, help="longest slice of a seed (characters)")
    ap.add_argument("--slow", type=float, default=0.5, help="seconds per 40 KB counted as slow")
    ap.add_argument("--out", type=Path, default=Path("fuzz-findings"))
    args = ap.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    rng = random.Random(args.seed)
    seeds = [harness.read_seed(p) for p in harness.SEEDS]
    harness.run(seeds[0], "warm.txt")  # data loaded, patterns compiled: not counted as slow
    classes: set[str] = set()
    slow = 0
    t0 = time.monotonic()
    for i in range(args.runs):
        base = rng.choice(seeds)
        a = rng.randint(0, max(0, len(base) - args.max_len))
        text = mutate(base[a : a + rng.randint(50, args.max_len)], seeds, rng)
        name = rng.choice(harness.NAMES)
        t = time.perf_counter()
        try:
            harness.run(text, name)
            failure = None
        except harness.InvariantError as exc:
            failure = str(exc)
        took = time.perf_counter() - t
        if failure and failure[:80] not in classes:
            classes.add(failure[:80])
            print(f"run {i}: {failure[:160]}", flush=True)
            (args.out / f"failure-{len(classes)}.json").write_text(json.dumps({"name": name, "text": text, "failure": failure}))
        if took > args.slow * max(1.0, len(text) / 40000):
            slow += 1
            print(f"run {i}: slow, {took:.2f} s on {len(text)} characters", flush=True)
            (args.out / f"slow-{slow}.json").write_text(json.dumps({"name": name, "text": text, "seconds": took}))
    print(f"{args.runs} inputs in {time.monotonic() - t0:.0f} s: {len(classes)} failure classes, {slow} slow")
    return 1 if classes or slow else 0


if __name__ == "__main__":
    sys.exit(main())
