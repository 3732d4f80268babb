"""Audit every regular expression the pipeline runs on article text for catastrophic backtracking.

    pip install -e '.[fuzz]'
    python fuzz/audit_patterns.py [ARTICLE ...]     # default: the bundled article, tests/corpus, format fixtures

The patterns are collected at run time, not from the source: the pipeline
runs over the articles under ``sys.setprofile``, and every call into a
compiled ``re`` or ``regex`` pattern records that pattern (however and
wherever it was created: module level, lazily, in a cache). Each one is then
given to regexploit's ReDoS finder. regexploit reads ``re`` syntax, so the
few ``regex``-only constructs are approximated first (``\\p{..}`` as ``\\w``,
duplicate group names renamed), possessive quantifiers and atomic groups are
read as plain ones (the audit must pass without relying on them), and a bounded
repetition of 16 or more is read as unbounded (``{1,120}`` is linear only in
name). Exit 1 if any pattern is flagged.
"""

from __future__ import annotations

import re
import sys
from itertools import count
from pathlib import Path

import regex
from regexploit.ast.sre import SreOpParser
from regexploit.redos import find

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import harness  # noqa: E402

ROOT = HERE.parent
DEFAULT = (
    [ROOT / "sources" / "never_let_me_go_2010.txt"]
    + sorted((ROOT / "tests" / "corpus").glob("*.txt"))
    + sorted((ROOT / "tests" / "fixtures" / "formats").glob("*.*"))
)
_PATTERN_TYPES = (type(re.compile("")), type(regex.compile("")))


def collect(paths: list[Path]) -> dict[tuple[str, int], str]:
    """(pattern source, flags) -> where it was first called, for every pattern the pipeline used."""
    seen: dict[tuple[str, int], str] = {}

    def profile(frame, event, arg):
        if event == "c_call" and isinstance(getattr(arg, "__self__", None), _PATTERN_TYPES):
            p = arg.__self__
            if isinstance(p.pattern, str):
                key = (p.pattern, p.flags)
                if key not in seen:
                    where = frame.f_code.co_filename.rsplit("src/", 1)[-1]
                    seen[key] = f"{where}:{frame.f_lineno} {arg.__name__}"

    sys.setprofile(profile)
    try:
        for path in paths:
            harness.render_all(harness.run(path.read_text("utf-8"), path.name))
    finally:
        sys.setprofile(None)
    return seen


def as_re_syntax(source: str) -> str:
    s = re.sub(r"\\[pP]\{[^}]*\}", r"\\w", source)
    s = re.sub(r"([*+?}])\+", r"\1", s)  # possessive -> greedy
    s = s.replace("(?>", "(?:")  # atomic -> plain group
    n = count()
    s = re.sub(r"\(\?P<\w+>", lambda m: f"(?P<g{next(n)}>", s)
    s = re.sub(r"\(\?P=\w+\)", "", s)
    return re.sub(r"\{(\d*),(\d+)\}", lambda m: "{%s,}" % (m[1] or 0) if int(m[2]) >= 16 else m[0], s)


def main(argv: list[str]) -> int:
    paths = [Path(a) for a in argv] or DEFAULT
    patterns = collect(paths)
    flagged = unparsed = 0
    for (source, flags), where in sorted(patterns.items(), key=lambda kv: kv[1]):
        try:
            parsed = SreOpParser().parse_sre(as_re_syntax(source), flags & (re.I | re.M | re.S | re.X))
        except Exception as exc:  # noqa: BLE001 - a syntax the approximation misses: reported, not fatal
            unparsed += 1
            print(f"not audited: {where}: {type(exc).__name__}: {exc}")
            continue
        found = list(find(parsed))
        if found:
            flagged += 1
            worst = max(found, key=lambda r: r.starriness)
            print(f"FLAGGED {where}: starriness {worst.starriness}, repeating {worst.repeated_character}"
                  f" ({len(found)} ways)")
            print("    " + " ".join(source.split())[:300])
    print(f"{len(patterns)} patterns run by the pipeline on {len(paths)} articles: "
          f"{flagged} flagged, {unparsed} not audited")
    return 1 if flagged else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
