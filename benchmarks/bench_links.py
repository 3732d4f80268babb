"""Links measured, not guessed: the aligner scored against the ``<ref>`` markers of real wikitext.

Run: python benchmarks/bench_links.py [--dump PAGES.xml.bz2] [--limit N] [--verbose] [--json]

For each article (the ``.wiki`` files under ``tests/corpus/real/`` and, with
``--dump``, the main-namespace, non-redirect pages of a MediaWiki XML dump
that carry ``<ref>`` markers):

1. the pipeline reads the wikitext: every claim's true citations are those
   of the ``<ref>`` markers of its sentence (the truth);
2. the article is flattened as the bundled one is (``tests/corpus/real/flatten.py``:
   markers removed, the reference list run on after the body as plain text)
   and the pipeline reads the flat text: the aligner links each claim;
3. claims are paired between the two readings by their (kind, surface text,
   value) in order (a longest-common-subsequence over the two claim lists),
   citations by content (title words, author surnames, date), never by number;
4. per article and overall: **accuracy** (claims with a marker whose flat
   link is one of the marker's citations), **coverage** (claims with a marker
   linked to anything), and **high-confidence wrong links** (links at or
   above the confidence the rules accuse a citation with,
   ``rules.citations.MIN_LINK_CONFIDENCE``, to a citation the marker does not
   give), over the claims with a marker; claims of sentences without a
   marker are counted apart (their true source is unknown).

Nothing from a dump is stored: its path is an argument.
"""

from __future__ import annotations

import argparse
import bz2
import difflib
import importlib.util
import json
import re
import sys
import xml.etree.ElementTree as ET
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from nlmg_facts.cite import cite_document
from nlmg_facts.extract import extract_document
from nlmg_facts.ingest import ingest
from nlmg_facts.models import Document
from nlmg_facts.models.citations import Citation
from nlmg_facts.rules.citations import MIN_LINK_CONFIDENCE

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "tests" / "corpus" / "real"
#: Targets of issue 15.
TARGET_ACCURACY = 0.9
TARGET_HIGH_WRONG = 0.02
#: Two citations are one when their content agrees at least this much (0..3).
MATCH_MIN = 1.0
_WORD = re.compile(r"[^\W\d_]{3,}|\d+")


def _flatten_module():
    spec = importlib.util.spec_from_file_location("corpus_flatten", CORPUS / "flatten.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("corpus_flatten", module)
    spec.loader.exec_module(module)
    return module


# ------------------------------------------------------------------ citations by content


def _words(text: str | None) -> set[str]:
    return {w.lower() for w in _WORD.findall(text or "")}


_URL = re.compile(r"https?://\S+|\{\{|\}\}|\b(?:cite|web|news|book|journal|url|title|last|first|date|"
                  r"accessdate|access|work|publisher|author|http|https|www|com|org|html|htm|aspx)\b", re.I)


def _content(c: Citation) -> tuple[set[str], set[str], str | None, set[str]]:
    """Title words, author surnames, publication date and (for untitled entries) all the entry's words."""
    title = _words(c.title.text) if c.title is not None else set()
    surnames = {w for a in c.authors for w in _words(a.surname)}
    date = c.date.value.iso if c.date is not None and c.date.value is not None else None
    return title, surnames, date, _words(_URL.sub(" ", c.text))


def _jaccard(a: set[str], b: set[str]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


def _agreement(a: tuple, b: tuple) -> float:
    """0..3: title-word overlap (Jaccard), surname overlap, same date; without a title on
    either side, the whole entries' words (markup and addresses aside) stand for it, doubled."""
    score = _jaccard(a[1], b[1])
    if a[2] and b[2]:
        score += 1.0 if a[2] == b[2] else 0.0
    if a[0] and b[0]:
        score += _jaccard(a[0], b[0])
    else:
        score += 2 * _jaccard(a[3], b[3])
    return score


def match_citations(truth: list[Citation], flat: list[Citation]) -> dict[str, str]:
    """Wikitext citation id -> flat citation id, by content (greedy on agreement)."""
    tc = [(c.id, _content(c)) for c in truth if c.kind == "citation"]
    fc = [(c.id, _content(c)) for c in flat if c.kind == "citation"]
    pairs = sorted(
        ((_agreement(a, b), i, j) for i, (_, a) in enumerate(tc) for j, (_, b) in enumerate(fc)),
        key=lambda p: (-p[0], abs(p[1] - p[2]), p[1], p[2]),
    )
    out: dict[str, str] = {}
    used: set[int] = set()
    for score, i, j in pairs:
        if score < MATCH_MIN:
            break
        if tc[i][0] in out or j in used:
            continue
        out[tc[i][0]] = fc[j][0]
        used.add(j)
    return out


# ------------------------------------------------------------------ truth from markers


def marker_truth(doc: Document, citations: list[Citation]) -> dict[int, set[str]]:
    """Sentence index -> every citation its markers give (a marker closes the sentence before it)."""
    by_number = {c.number: c.id for c in citations if c.number is not None}
    body = [s for s in doc.sentences if s.section in ("body", "infobox")]
    starts = [s.span.start for s in body]
    out: dict[int, set[str]] = {}
    for m in doc.markers:
        cid = by_number.get(m.reference) if m.reference is not None else None
        i = bisect_right(starts, m.span.start) - 1
        if cid is not None and i >= 0 and body[i].section == "body":
            out.setdefault(body[i].index, set()).add(cid)
    return out


def _key(claim) -> tuple[str, str, str]:
    return claim.kind, claim.text, claim.value.model_dump_json()


# ------------------------------------------------------------------ scoring


@dataclass
class Score:
    name: str
    claims: int = 0  # claims found in both readings
    marked: int = 0  # ... of sentences with a marker whose citation has a flat counterpart
    right: int = 0
    linked: int = 0
    wrong: int = 0
    high_wrong: int = 0
    unmarked: int = 0
    unmarked_linked: int = 0
    lost_citation: int = 0  # marked, but no flat citation matched the marker's
    rows: list[dict] = field(default_factory=list)

    def add(self, other: Score) -> None:
        for k in ("claims", "marked", "right", "linked", "wrong", "high_wrong", "unmarked",
                  "unmarked_linked", "lost_citation"):
            setattr(self, k, getattr(self, k) + getattr(other, k))

    @property
    def accuracy(self) -> float:
        return self.right / self.marked if self.marked else 0.0

    @property
    def coverage(self) -> float:
        return self.linked / self.marked if self.marked else 0.0

    @property
    def high_wrong_rate(self) -> float:
        return self.high_wrong / self.marked if self.marked else 0.0


def score_pair(name: str, wiki: Document, wiki_claims, wiki_cites: list[Citation], wiki_links,
               flat: Document, flat_claims, flat_cites: list[Citation], flat_links,
               threshold: float = MIN_LINK_CONFIDENCE) -> Score:
    """Score the flat reading's claim links against the wikitext reading's markers."""
    truth = marker_truth(wiki, wiki_cites)
    to_flat = match_citations(wiki_cites, flat_cites)
    wiki_body = {s.index for s in wiki.body_sentences}
    flat_body = {s.index for s in flat.body_sentences}
    wc = [c for c in wiki_claims if c.sentence in wiki_body]
    fc = [c for c in flat_claims if c.sentence in flat_body]
    flat_link = {link.claim: link for link in flat_links}
    s = Score(name)
    matcher = difflib.SequenceMatcher(None, [_key(c) for c in wc], [_key(c) for c in fc], autojunk=False)
    for block in matcher.get_matching_blocks():
        for off in range(block.size):
            w, f = wc[block.a + off], fc[block.b + off]
            s.claims += 1
            link = flat_link.get(f.id)
            got = link.citation if link is not None else None
            conf = link.confidence if link is not None else 0.0
            given = truth.get(w.sentence)
            if not given:
                s.unmarked += 1
                s.unmarked_linked += got is not None
                continue
            want = {to_flat[c] for c in given if c in to_flat}
            if not want:
                s.lost_citation += 1
                continue
            s.marked += 1
            ok = got in want
            s.right += ok
            s.linked += got is not None
            if got is not None and not ok:
                s.wrong += 1
                s.high_wrong += conf >= threshold
            s.rows.append({"claim": f.text, "sentence": flat.sentence_text(f.sentence)[:120],
                           "want": sorted(want), "got": got, "confidence": conf, "ok": ok,
                           "method": link.method if link is not None else "none",
                           "reason": link.reason if link is not None else ""})
    return s


def score_article(name: str, wikitext: str, title: str, flatten) -> Score:
    wiki = ingest(wikitext, f"{name}.wiki", "wikitext")
    wclaims = extract_document(wiki)
    wres = cite_document(wiki, wclaims)
    flat_text = flatten(wikitext, title)
    flat = ingest(flat_text, f"{name}.txt", "plain")
    fclaims = extract_document(flat)
    fres = cite_document(flat, fclaims)
    return score_pair(name, wiki, wclaims, list(wres.citations), wres.links,
                      flat, fclaims, list(fres.citations), fres.links)


# ------------------------------------------------------------------ sources


def corpus_articles() -> Iterator[tuple[str, str, str]]:
    for path in sorted(CORPUS.glob("*.wiki")):
        key = path.with_suffix(".json")
        title = json.loads(key.read_text(encoding="utf-8")).get("title") if key.exists() else None
        yield path.stem, path.read_text(encoding="utf-8"), title or path.stem.replace("_", " ")


def dump_articles(path: Path, limit: int | None = None) -> Iterator[tuple[str, str, str]]:
    """Main-namespace, non-redirect pages with ``<ref>`` markers of a MediaWiki XML dump (.bz2 or .xml)."""
    opener = bz2.open if path.suffix == ".bz2" else open
    count = 0
    with opener(path, "rb") as fh:
        for _, elem in ET.iterparse(fh, events=("end",)):
            if not elem.tag.endswith("}page") and elem.tag != "page":
                continue
            fields = {child.tag.rsplit("}", 1)[-1]: child for child in elem.iter()}
            ns = fields.get("ns")
            text = fields.get("text")
            title = fields.get("title")
            redirect = "redirect" in fields
            body = text.text if text is not None and text.text else ""
            if ((ns is None or (ns.text or "").strip() == "0") and not redirect and title is not None
                    and not body.lstrip().lower().startswith("#redirect") and "<ref" in body):
                yield "dump:" + title.text, body, title.text
                count += 1
                if limit and count >= limit:
                    return
            elem.clear()


# ------------------------------------------------------------------ report


def _row(s: Score) -> str:
    return (f"| {s.name} | {s.claims} | {s.marked} | {s.right} | {s.accuracy:.3f} | {s.coverage:.3f} "
            f"| {s.wrong} | {s.high_wrong} ({s.high_wrong_rate:.1%}) | {s.unmarked} ({s.unmarked_linked} linked) "
            f"| {s.lost_citation} |")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dump", type=Path, help="a MediaWiki XML dump (.xml.bz2) to take articles from too")
    parser.add_argument("--limit", type=int, help="at most this many pages of the dump")
    parser.add_argument("--no-corpus", action="store_true", help="skip tests/corpus/real/*.wiki")
    parser.add_argument("--verbose", action="store_true", help="print every wrong or missed claim link")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args(argv)
    if args.dump is not None and not args.dump.is_file():
        print(f"bench_links.py: no such dump: {args.dump}", file=sys.stderr)
        return 2
    flatten = _flatten_module().flatten_wikitext
    sources = [] if args.no_corpus else list(corpus_articles())
    scores: list[Score] = []
    for group, items in (("corpus", sources), ("dump", dump_articles(args.dump, args.limit) if args.dump else [])):
        for name, text, title in items:
            try:
                scores.append(score_article(name, text, title, flatten))
            except Exception as err:  # one bad page must not stop the measure
                print(f"{name}: skipped ({type(err).__name__}: {err})", file=sys.stderr)
    total = Score("**overall**")
    for s in scores:
        total.add(s)
    if args.json:
        print(json.dumps({s.name: {"claims": s.claims, "marked": s.marked, "accuracy": round(s.accuracy, 3),
                                   "coverage": round(s.coverage, 3), "wrong": s.wrong,
                                   "high_wrong": s.high_wrong, "unmarked": s.unmarked}
                          for s in [*scores, total]}, indent=1))
        return 0
    print(f"threshold for a high-confidence link: {MIN_LINK_CONFIDENCE}")
    print("| article | claims | marked | right | accuracy | coverage | wrong | high-conf wrong | unmarked | lost cite |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for s in scores:
        if s.marked or s.claims:
            print(_row(s))
    print(_row(total))
    print(f"articles: {len(scores)} ({sum(1 for s in scores if s.marked)} with marked claims); targets: "
          f"accuracy >= {TARGET_ACCURACY} ({'met' if total.accuracy >= TARGET_ACCURACY else 'NOT met'}), "
          f"high-confidence wrong <= {TARGET_HIGH_WRONG:.0%} "
          f"({'met' if total.high_wrong_rate <= TARGET_HIGH_WRONG else 'NOT met'})")
    if args.verbose:
        for s in scores:
            for r in s.rows:
                if not r["ok"]:
                    print(f"{s.name}: {r['claim']!r} want {r['want']} got {r['got']} ({r['confidence']}) :: {r['sentence']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
