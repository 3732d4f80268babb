"""Citation stage speed and linking accuracy: the bundled article, then synthetic scale.

Run: /work/venv/bin/python benchmarks/bench_cite.py [--repeat N] [--sizes 100,1000,10000] [--no-scale]

1. The bundled article: parse, align and the whole ``cite_document`` (min and
   median of ``--repeat`` runs, claims extracted beforehand as the pipeline does).
2. Accuracy on the hand-checked gold table ``tests/cite/gold_links.json``.
3. Synthetic back matters of N references and bodies of N sentences (no test:
   generated here, never stored): each sentence names its reference's author,
   outlet, title words and date in list order; one sentence in five names
   three random other authors too (evidence out of order), one in seven is a
   quotation running on. Time per sentence must stay flat as N grows: the
   aligner is O(P log R) for P sentence/citation pairs that share a feature,
   never sentences x references.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import time
from pathlib import Path

from nlmg_facts.cite import cite_document
from nlmg_facts.cite.align import align
from nlmg_facts.cite.sources import document_references
from nlmg_facts.extract import extract_document
from nlmg_facts.ingest import ingest
from nlmg_facts.ingest.segment import segment
from nlmg_facts.models import Document, Sentence, Span

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "sources" / "never_let_me_go_2010.txt"
GOLD = ROOT / "tests" / "cite" / "gold_links.json"
BUDGET_MS = 100.0
TARGET_MS = 15.0
#: Largest per-sentence time growth from the smallest to the largest synthetic size still called flat.
FLAT_MAX_RATIO = 3.0

_MONTHS = "January February March April May June July August September October November December".split()
_SYLLABLES = "ka lo mi ren to sa vek dor an il mu pe tra gos bel fin hal jor kes lun mar nor pik quin ros sul tav wen yor zed".split()
_OUTLETS = ["The Daily Ledger", "Evening Courier", "Screen Weekly", "The Film Gazette", "Morning Post",
            "Arts Review", "The Northern Star", "Cinema Journal", "The Observer Times", "Pacific Herald"]


def _time(fn, repeat: int) -> tuple[float, float]:
    fn()  # warm the lexicons and compiled patterns
    runs = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        runs.append((time.perf_counter() - t0) * 1000)
    return min(runs), statistics.median(runs)


def _gold(doc, result) -> dict[str, int]:
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    links = {link.sentence: link for link in result.sentence_links}
    out = {"rows": 0, "right": 0, "cited": 0, "cited_right": 0, "wrong": 0, "unlinked": 0,
           "uncited": 0, "uncited_right": 0}
    for row in gold["links"]:
        link = links[doc.sentence_at(doc.text.index(row["text"])).index]
        out["rows"] += 1
        if row["citations"]:
            out["cited"] += 1
            if link.citation in row["citations"]:
                out["cited_right"] += 1
            elif link.citation is None:
                out["unlinked"] += 1
            else:
                out["wrong"] += 1
        else:
            out["uncited"] += 1
            if link.citation is None:
                out["uncited_right"] += 1
            else:
                out["wrong"] += 1
    out["right"] = out["cited_right"] + out["uncited_right"]
    return out


def _word(rng: random.Random, n: int) -> str:
    return "".join(rng.choice(_SYLLABLES) for _ in range(n))


def synthetic(n: int, seed: int = 7) -> Document:
    """A document of ``n`` body sentences and ``n`` references (see the module docstring)."""
    rng = random.Random(seed)
    surnames, seen = [], set()
    while len(surnames) < n:
        w = _word(rng, 3).capitalize()
        if w not in seen:
            seen.add(w)
            surnames.append(w)
    vocab = [_word(rng, 2) for _ in range(max(200, n // 2))]
    refs, body = [], []
    for i in range(n):
        given = _word(rng, 2).capitalize()
        outlet = rng.choice(_OUTLETS)
        day, month, year = rng.randint(1, 28), rng.choice(_MONTHS), rng.randint(1990, 2020)
        title = " ".join(rng.choice(vocab) for _ in range(4)).capitalize()
        refs.append(f'{surnames[i]}, {given} ({day} {month} {year}). "{title}". {outlet}. '
                    f"Retrieved {day} {month} {year + 1}.")
        words = title.lower().split()
        s = f"{given} {surnames[i]} of {outlet} wrote on {day} {month} {year} that the {words[1]} was {words[2]}"
        if i % 5 == 0:
            others = ", ".join(rng.choice(surnames) for _ in range(3))
            s += f", unlike {others}"
        if i % 7 == 0:
            body.append(s + ': "It was the ' + words[0] + ".")
            body.append("Nobody saw it coming.")
            body.append('We all agreed on the ' + words[3] + '."')
        else:
            body.append(s + ".")
    body_text = " ".join(body)
    back = " ".join(refs)
    text = f"{body_text} {back}"
    sentences = [Sentence(index=k, span=Span(start=a, end=b)) for k, (a, b) in enumerate(segment(text, 0, len(body_text)))]
    return Document(name=f"<synthetic {n}>", text=text, body=Span(start=0, end=len(body_text)),
                    back_matter=Span(start=len(body_text) + 1, end=len(text)), sentences=sentences)


def _scale(sizes: list[int]) -> bool:
    print("\n| references x sentences | parse references ms | align ms | align us/sentence | links | linked right |")
    print("|---:|---:|---:|---:|---:|---:|")
    per_sentence = []
    for n in sizes:
        doc = synthetic(n)
        t0 = time.perf_counter()
        citations = document_references(doc)
        t1 = time.perf_counter()
        links = align(doc, citations)
        t2 = time.perf_counter()
        # Sentence k names reference k (ids c1..cn); quotations add two sentences each.
        by_author = {c.authors[0].surname: c.id for c in citations if c.authors}
        right = linked = 0
        for link in links:
            text = doc.sentence_text(link.sentence)
            if link.citation is None:
                continue
            linked += 1
            words = text.split()
            if len(words) > 1 and by_author.get(words[1]) == link.citation:
                right += 1
        us = (t2 - t1) * 1e6 / max(1, len(links))
        per_sentence.append(us)
        print(f"| {len(citations)} x {len(links)} | {(t1 - t0) * 1000:.0f} | {(t2 - t1) * 1000:.0f} | {us:.0f} "
              f"| {linked} | {right} named |")
    ratio = per_sentence[-1] / per_sentence[0] if per_sentence and per_sentence[0] else 1.0
    print(f"\nper-sentence align time, largest / smallest size: {ratio:.2f} (flat if <= {FLAT_MAX_RATIO})")
    return ratio <= FLAT_MAX_RATIO


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=20)
    ap.add_argument("--sizes", default="100,1000,10000")
    ap.add_argument("--no-scale", action="store_true")
    args = ap.parse_args()
    doc = ingest(SAMPLE.read_text(encoding="utf-8"), str(SAMPLE))
    if doc.back_matter is None:
        print("back matter not detected; nothing to measure", file=sys.stderr)
        return 2
    claims = extract_document(doc)
    result = cite_document(doc, claims)
    cites = [c for c in result.citations if c.kind == "citation"]
    fields = [len(c.fields) for c in cites]
    dates = [(c.sentence, c.value) for c in claims if c.kind == "date"]

    parse = _time(lambda: document_references(doc), args.repeat)
    aligned = _time(lambda: align(doc, result.citations, dates), args.repeat)
    scanned = _time(lambda: align(doc, result.citations), args.repeat)
    whole = _time(lambda: cite_document(doc, claims), args.repeat)

    print(f"entries: {len(result.citations)} ({len(cites)} citations, "
          f"{sum(c.kind == 'see_also' for c in result.citations)} see-also, "
          f"{sum(c.kind == 'external_link' for c in result.citations)} external links); "
          f"fields per citation: mean {statistics.mean(fields):.2f}, min {min(fields)}, max {max(fields)}")
    print(f"linked: {sum(s.citation is not None for s in result.sentence_links)}/{len(result.sentence_links)} "
          f"sentences, {sum(c.citation is not None for c in result.links)}/{len(result.links)} claims\n")
    print(f"| bundled article ({args.repeat} runs) | min ms | median ms |")
    print("|---|---:|---:|")
    print(f"| parse references | {parse[0]:.1f} | {parse[1]:.1f} |")
    print(f"| align (dates from the claims) | {aligned[0]:.1f} | {aligned[1]:.1f} |")
    print(f"| align (scanning the body for dates) | {scanned[0]:.1f} | {scanned[1]:.1f} |")
    print(f"| cite_document (parse + align + claim links) | {whole[0]:.1f} | {whole[1]:.1f} |")

    g = _gold(doc, result)
    print("\n| gold table | sentences | right | wrong citation | left unlinked |")
    print("|---|---:|---:|---:|---:|")
    print(f"| cited sentences | {g['cited']} | {g['cited_right']} | "
          f"{g['wrong'] - (g['uncited'] - g['uncited_right'])} | {g['unlinked']} |")
    print(f"| uncited sentences | {g['uncited']} | {g['uncited_right']} | {g['uncited'] - g['uncited_right']} | - |")
    print(f"| all | {g['rows']} | {g['right']} ({g['right'] / g['rows']:.3f}) | {g['wrong']} | {g['unlinked']} |")

    flat = True if args.no_scale else _scale([int(s) for s in args.sizes.split(",")])
    ok = whole[0] < BUDGET_MS and flat
    print(f"\ncite_document min {whole[0]:.1f} ms: budget {BUDGET_MS:.0f} ms, target {TARGET_MS:.0f} ms")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
