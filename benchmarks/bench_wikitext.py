"""Wikitext: the mwparserfromhell reader against the previous one, infobox fields, infobox-vs-prose conflicts.

Run: python benchmarks/bench_wikitext.py [--corpus DIR ...] [--dump FILE.xml.bz2 ...] [--baseline REF] [--repeat N]

``--corpus`` (repeatable) names folders of real ``*.wiki`` articles (searched
recursively); ``--dump`` (repeatable) a MediaWiki XML export (``.xml`` or
``.xml.bz2``), whose articles with an infobox are read (redirects skipped); the
wikitext fixtures of ``tests/fixtures/formats`` are always read. The figures in
the README use the shortened enwiki dump of
``UWPCE-PythonCert/Python300-SystemDevelopmentWithPython-Spring-2014``
(``week-05/serialization_XML/examples/data/enwiki-latest-pages-articles1.xml-p000000010p000010000-shortened.bz2``).

1. **Readers**: every ``.wiki`` file and the bundled article converted to
   wikitext (its body, then ``== References ==`` and its reference list), read
   by this reader and by the hand-written masker of ``--baseline`` (default
   ``main``; its ``ingest/formats.py`` loaded from git, never stored here):
   median read time, and what differs: body sentences (rendered text),
   claims (kind, text, value, attribute), markers, reference spans, findings
   (by rule and quoted evidence). A finding of the old reader missing from
   the new is "lost".
2. **Infobox fields** recognised per infobox domain (``data/infoboxes.json``).
3. **Injected conflicts**: for each infobox field whose fact the prose restates
   (a prose claim of the same attribute key, about the subject as NLMG-I001
   reads it, that agrees), two copies: the
   infobox value altered (a date's year +3, a figure x1.5) and, separately,
   the agreeing prose value altered the same way. Found = a new finding
   (fingerprint absent from the unmodified article) with an evidence span on
   the altered text: by NLMG-I001 alone and by any rule.
4. **False errors**: NLMG-I001 findings on the unmodified articles.
"""

from __future__ import annotations

import argparse
import difflib
import importlib
import importlib.util
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from pathlib import Path

import regex

from nlmg_facts.config import Config
from nlmg_facts.extract import extract_document
from nlmg_facts.ingest import Source, ingest
from nlmg_facts.pipeline import check_source

ingest_module = importlib.import_module("nlmg_facts.ingest")  # the package (``nlmg_facts.ingest`` is also a function)

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "sources" / "never_let_me_go_2010.txt"
FIXTURES = ROOT / "tests" / "fixtures"
_YEAR = regex.compile(r"(?<!\d)(1[0-9]{3}|20[0-9]{2})(?!\d)")
_NUMBER = regex.compile(r"(?<![\d.])\d{1,3}(?:,\d{3})+(?:\.\d+)?|(?<![\d.,])\d+(?:\.\d+)?")


# ------------------------------------------------------------------ inputs


def wiki_files(corpora: list[Path]) -> list[Path]:
    files = sorted((FIXTURES / "formats").rglob("*.wiki"))
    for c in corpora:
        files.extend(sorted(c.rglob("*.wiki")))
    seen, out = set(), []
    for f in files:
        if f.resolve() not in seen:
            seen.add(f.resolve())
            out.append(f)
    return out


def dump_articles(path: Path) -> list[tuple[str, str]]:
    """(title, wikitext) of each article with an infobox in a MediaWiki XML export."""
    import bz2
    import xml.etree.ElementTree as ET

    out = []
    with (bz2.open(path) if path.suffix == ".bz2" else path.open("rb")) as f:
        for _, el in ET.iterparse(f):
            if el.tag.rsplit("}", 1)[-1] != "page":
                continue
            title = el.findtext("./{*}title") or ""
            text = el.findtext("./{*}revision/{*}text") or ""
            if not text.lstrip().upper().startswith("#REDIRECT") and "{{infobox" in text.lower():
                out.append((title, text))
            el.clear()
    return out


def bundled_as_wikitext() -> str:
    """The bundled article as wikitext: its body, a References heading, its reference list."""
    text = SAMPLE.read_text(encoding="utf-8")
    doc = ingest(text, SAMPLE.name)
    body = text[doc.body.start : doc.body.end]
    back = text[doc.back_matter.start : doc.back_matter.end] if doc.back_matter else ""
    return body + "\n\n== References ==\n" + back + "\n"


def legacy_layout(ref: str):
    """The ``layout`` function of ``ingest/formats.py`` at git ``ref`` (loaded in memory from a temp file)."""
    try:
        source = subprocess.run(
            ["git", "-C", str(ROOT), "show", f"{ref}:src/nlmg_facts/ingest/formats.py"],
            check=True, capture_output=True, text=True,
        ).stdout
    except (subprocess.CalledProcessError, FileNotFoundError):
        return None
    if "class _WikiScanner" not in source:
        return None
    with tempfile.NamedTemporaryFile("w", suffix=".py", delete=False) as tmp:
        tmp.write(source)
    spec = importlib.util.spec_from_file_location("nlmg_facts.ingest._baseline_formats", tmp.name)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    Path(tmp.name).unlink()
    return module.layout


class Reader:
    """Ingest with a given layout function (the current one, or the baseline's)."""

    def __init__(self, layout=None) -> None:
        self.layout = layout

    def __enter__(self):
        self.saved = ingest_module.layout
        if self.layout is not None:
            ingest_module.layout = self.layout
        return self

    def __exit__(self, *exc) -> None:
        ingest_module.layout = self.saved


# ------------------------------------------------------------------ 1. readers


def rendered(doc, start: int, end: int) -> str:
    view = doc.analysis_text
    return " ".join(view[start:end].split())


def summary(text: str, name: str) -> dict:
    doc = ingest(text, name, "wikitext")
    try:
        claims = extract_document(doc)
    except Exception as exc:  # noqa: BLE001 - an extractor bug, reported in the table
        claims = []
        print(f"|  {name}: extraction crashed: {exc} |")
    report = check_source(Source(name=name, text=text), Config(root=ROOT, input_format="wikitext"), name)
    prose = [c for c in claims if doc.sentences[c.sentence].section == "body"]
    return {
        "sentences": [rendered(doc, s.span.start, s.span.end) for s in doc.body_sentences],
        "claims": [(c.kind, c.text, c.value.model_dump_json(), c.attribute.key) for c in prose],
        "new_claims": len(claims) - len(prose),
        "markers": [(m.span.start, m.label, m.reference) for m in doc.markers],
        "references": [(s.start, s.end) for s in doc.reference_spans],
        # A finding is named by its rule and the text it quotes (not its fingerprint, nor its
        # message: citation numbers shift when the reader finds more references, e.g. {{sfn}}).
        "findings": {(f.code, *(e.text for e in f.evidence)): f"{f.code} {f.message}" for f in report.findings},
        "errors": [e.message for e in report.internal_errors],
    }


def timed(text: str, name: str, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        ingest(text, name, "wikitext")
        times.append(time.perf_counter() - t)
    return statistics.median(times) * 1000


def compare_readers(inputs: list[tuple[str, str]], baseline, repeat: int) -> int:
    print("## 1. Readers: mwparserfromhell (new) vs the hand-written masker (old)\n")
    print("| article | KB | old ms | new ms | sentences differ | claims old/new (same) | markers same | refs same | findings old/new | lost |")
    print("|---|---:|---:|---:|---:|---|---|---|---|---:|")
    lost_total = 0
    tot_old = tot_new = 0.0
    for name, text in inputs:
        with Reader(baseline):
            old_ms = timed(text, name, repeat)
            old = summary(text, name)
        new_ms = timed(text, name, repeat)
        new = summary(text, name)
        tot_old += old_ms
        tot_new += new_ms
        # sentences only in one reader's list (an edit script, so one extra sentence is one)
        s_diff = sum(
            1 for line in difflib.unified_diff(old["sentences"], new["sentences"], lineterm="", n=0)
            if line[:1] in "+-" and not line.startswith(("+++", "---"))
        )
        same_claims = sum((Counter(old["claims"]) & Counter(new["claims"])).values())
        lost = sorted(set(old["findings"]) - set(new["findings"]))
        lost_total += len(lost)
        print(
            f"| {name} | {len(text) / 1024:.1f} | {old_ms:.1f} | {new_ms:.1f} | {s_diff} | "
            f"{len(old['claims'])}/{len(new['claims'])} ({same_claims}) +{new['new_claims']} infobox | "
            f"{'yes' if old['markers'] == new['markers'] else 'no'} | "
            f"{'yes' if old['references'] == new['references'] else 'no'} | "
            f"{len(old['findings'])}/{len(new['findings'])} | {len(lost)} |"
        )
        for fp in lost:
            print(f"|  lost: {old['findings'][fp][:160]} |")
        for fp in sorted(set(new["findings"]) - set(old["findings"])):
            print(f"|  new: {new['findings'][fp][:160]} |")
    print(f"\nTotal read time: old {tot_old:.0f} ms, new {tot_new:.0f} ms (median of {repeat} per file); "
          f"findings lost: {lost_total}\n")
    return lost_total


# ------------------------------------------------------------------ 2-4. infoboxes


def infobox_fields(inputs: list[tuple[str, str]]) -> None:
    print("## 2. Infobox fields recognised, per domain\n")
    per: dict[str, Counter] = defaultdict(Counter)
    articles: dict[str, set] = defaultdict(set)
    for name, text in inputs:
        doc = ingest(text, name, "wikitext")
        for v in doc.stated:
            if v.source == "infobox":
                per[v.domain or "?"][v.param or "?"] += 1
                articles[v.domain or "?"].add(name)
    print("| domain | articles | values | parameters (values) |")
    print("|---|---:|---:|---|")
    for domain in sorted(per):
        params = ", ".join(f"{p} {n}" for p, n in per[domain].most_common())
        print(f"| {domain} | {len(articles[domain])} | {sum(per[domain].values())} | {params} |")
    print()


def _alter(fragment: str, kind: str) -> str | None:
    """The fragment with its value changed: a year +3 (dates), the first figure x1.5 (others)."""
    if kind == "date":
        m = _YEAR.search(fragment)
        if m is None:
            return None
        return fragment[: m.start()] + str(int(m.group()) + 3) + fragment[m.end() :]
    m = _NUMBER.search(fragment)
    if m is None:
        return None
    raw = m.group()
    value = float(raw.replace(",", "")) * 1.5
    decimals = len(raw.split(".")[1]) if "." in raw else 0
    new = f"{value:,.{decimals}f}" if "," in raw else f"{value:.{decimals}f}"
    return fragment[: m.start()] + new + fragment[m.end() :]


def _found(report, baseline_fps: set[str], lo: int, hi: int, code: str | None) -> bool:
    for f in report.findings:
        if f.fingerprint in baseline_fps or (code is not None and f.code != code):
            continue
        if any(e.span.start < hi and lo < e.span.end for e in f.evidence):
            return True
    return False


def injections(inputs: list[tuple[str, str]]) -> tuple[int, int]:
    from nlmg_facts.rules.compare import overlaps
    from nlmg_facts.rules.context import RuleContext
    from nlmg_facts.rules.infobox import _about_subject, _interval, _unit

    print("## 3. Injected infobox-vs-prose conflicts; 4. false errors on the unmodified articles\n")
    config = Config(root=ROOT, input_format="wikitext")
    rows = []
    found_i = found_any = total = false_i = 0
    for name, text in inputs:
        doc = ingest(text, name, "wikitext")
        try:
            claims = extract_document(doc)
        except Exception as exc:  # noqa: BLE001 - an extractor bug, reported
            rows.append(f"| {name} | skipped: extraction crashed ({exc}) | | |")
            continue
        base = check_source(Source(name=name, text=text), config, name)
        fps = {f.fingerprint for f in base.findings}
        i001 = [f for f in base.findings if f.code == "NLMG-I001"]
        false_i += len(i001)
        for f in i001:
            rows.append(f"| {name} | unmodified | NLMG-I001 | {f.message} |")
        sections = doc.sentences
        box = [c for c in claims if sections[c.sentence].section == "infobox"]
        # Prose about the subject by the infobox's keys, as the rule reads it.
        about = _about_subject(RuleContext(doc=doc, claims=claims))
        for b in box:
            biv = _interval(b)
            if biv is None:
                continue
            agreeing = [
                p for p in about.get(b.attribute.key, [])
                if sections[p.sentence].section == "body" and p.kind == b.kind and _unit(p) == _unit(b)
                and (piv := _interval(p)) is not None and overlaps(piv, biv)
            ]
            if not agreeing:
                continue
            for side, target in (("infobox", b), ("prose", agreeing[0])):
                fragment = text[target.span.start : target.span.end]
                altered = _alter(fragment, target.kind)
                if altered is None:
                    continue
                copy = text[: target.span.start] + altered + text[target.span.end :]
                report = check_source(Source(name=name, text=copy), config, name)
                lo, hi = target.span.start, target.span.start + len(altered)
                by_i = _found(report, fps, lo, hi, "NLMG-I001")
                by_any = by_i or _found(report, fps, lo, hi, None)
                total += 1
                found_i += by_i
                found_any += by_any
                rows.append(
                    f"| {name} | {b.attribute.key} ({side}: {' '.join(fragment.split())[:40]} -> "
                    f"{' '.join(altered.split())[:40]}) | {'yes' if by_i else 'no'} | {'yes' if by_any else 'no'} |"
                )
    print("| article | injection | by NLMG-I001 | by any rule |")
    print("|---|---|---|---|")
    for r in rows:
        print(r)
    if total:
        print(f"\nInjected: {total}; found by NLMG-I001 {found_i} ({found_i / total:.1%}), "
              f"by any rule {found_any} ({found_any / total:.1%}) (target >= 95%)")
    print(f"NLMG-I001 findings on the unmodified articles: {false_i} (target 0)\n")
    return total, found_any


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", action="append", type=Path, default=[], help="folder of real *.wiki articles")
    ap.add_argument("--dump", action="append", type=Path, default=[], help="MediaWiki XML export (.xml or .xml.bz2)")
    ap.add_argument("--baseline", default="main", help="git ref of the hand-written reader (default main)")
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--no-compare", action="store_true", help="skip the reader comparison")
    args = ap.parse_args(argv)
    files = wiki_files(args.corpus)
    inputs = [(str(f.relative_to(ROOT)) if f.is_relative_to(ROOT) else f.name, f.read_text(encoding="utf-8"))
              for f in files]
    for dump in args.dump:
        inputs.extend(dump_articles(dump))
    print(f"{len(inputs)} wikitext articles\n")
    if not args.no_compare:
        baseline = legacy_layout(args.baseline)
        if baseline is None:
            print(f"(no hand-written reader at {args.baseline}: comparison skipped)\n")
        else:
            compare_readers(inputs + [("bundled article as wikitext", bundled_as_wikitext())], baseline, args.repeat)
    infobox_fields(inputs)
    injections(inputs)
    return 0


if __name__ == "__main__":
    sys.exit(main())
