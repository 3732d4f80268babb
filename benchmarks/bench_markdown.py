"""Markdown: our scanner against markdown-it-py (+ mdit-py-plugins footnotes), the case for and against.

Run: python benchmarks/bench_markdown.py [--copies N] [--repeat N]

What decides it is whether markdown-it-py can give what the pipeline needs:
character offsets into the original text for every span of markup and prose.
It reports (1) how many inline tokens carry a source position (markdown-it-py
gives block tokens a line range, ``Token.map``, and inline tokens none), and
(2) the time to read the Markdown fixture repeated ``--copies`` times: the
markdown-it-py parse alone against our whole layout (masks, footnote markers,
references).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FIXTURE = ROOT / "tests" / "fixtures" / "formats" / "tide_clock_2016.md"


def main(argv: list[str] | None = None) -> int:
    from markdown_it import MarkdownIt
    from mdit_py_plugins.footnote import footnote_plugin

    from nlmg_facts.ingest.formats import markdown_layout

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--copies", type=int, default=200)
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args(argv)
    md = MarkdownIt("commonmark").use(footnote_plugin).enable("table")
    text = FIXTURE.read_text(encoding="utf-8")
    tokens = md.parse(text)
    inline = [c for t in tokens for c in (t.children or [])]
    with_pos = sum(1 for c in inline if c.map is not None)
    print(f"markdown-it-py on {FIXTURE.name}: {len(tokens)} block tokens (line ranges only), "
          f"{len(inline)} inline tokens, {with_pos} with any source position")
    big = (text + "\n\n") * args.copies
    for name, run in (("markdown-it-py parse", lambda: md.parse(big)), ("nlmg-facts layout", lambda: markdown_layout(big))):
        times = []
        for _ in range(args.repeat):
            t = time.perf_counter()
            run()
            times.append(time.perf_counter() - t)
        print(f"{name:22s} {len(big) / 1024:7.0f} KB  min {min(times) * 1000:7.1f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
