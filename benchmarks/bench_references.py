"""Reference lists of real articles: the flat-text reader measured against the wikitext's ``<ref>`` list.

Run: python benchmarks/bench_references.py [--corpus DIR ...] [--layout lines|run-on|both] [--show]

For every ``<slug>.wiki`` with its flattened ``<slug>.txt`` beside it (the
corpus format of ``tests/corpus/real/``):

1. **Truth** from the wikitext with mwparserfromhell: the ``<ref>`` list in
   order of first use, a named reference once (its content from whichever
   use carries it, list-defined references included); references in a note
   group (``group=note``...) are left out, as the rendered reference list
   leaves them out. Each reference's words are its text and its templates'
   parameter values (addresses and formatting switches dropped).
2. Each truth reference is located in the flat text: the flat list runs in
   the same order, so each is matched to the next line (within a short
   window) holding most of its words. A reference found nowhere is counted as
   *absent* (the flattener dropped it, for example from an infobox), never as
   missed.
3. The flat text goes through ``ingest`` and ``document_references`` as any
   user's file would, and each truth reference is judged against the entries
   of kind citation or note (first that applies): **missed** (no entry holds
   it: read as prose, or as a see-also or link line), **merged** (its entry
   also holds another reference), **split** (two or more entries hold parts
   of it), **cut** (one entry, but part of the reference is outside it),
   else **exactly one**. The **boundary** is right when the back matter
   starts after the last body line and no later than the first reference.

``--dump FILE`` adds the articles of a MediaWiki XML dump (``.xml`` or
``.xml.bz2``; redirects and pages with fewer than ``--min-refs`` references
skipped), flattened on the fly with the corpus's ``flatten.py`` (found in the
first ``--corpus`` folder holding it): a wider measure that stores nothing.

``--layout run-on`` reads each file with its line breaks turned into spaces
(same offsets), the shape of the bundled article, where nothing but the text
itself says where an entry ends; ``both`` (the default) reports each.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass, field
from pathlib import Path

import regex

from nlmg_facts.cite.sources import document_references
from nlmg_facts.ingest import ingest

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = ROOT / "tests" / "corpus" / "real"
#: Reference groups that render as a separate notes list, not in the references.
NOTE_GROUPS = {"note", "n", "nb", "notes", "lower-alpha", "upper-alpha", "lower-roman", "upper-roman", "a"}
#: Template parameters that are not displayed words of a reference.
HIDDEN_PARAMS = {
    "url", "archive-url", "archiveurl", "url-status", "df", "mf", "ref", "name", "mode", "language", "lang",
    "trans-title", "script-title", "via-url", "access-date", "accessdate", "archive-date", "archivedate",
    "dead-url", "deadurl", "format", "postscript", "subscription", "registration", "url-access", "quote",
    "author-link", "authorlink", "editor-link", "separator", "lay-url", "layurl", "id",
}
_WORD = regex.compile(r"[\p{L}\p{N}]+")
_ALNUM = regex.compile(r"[\p{L}\p{N}]")
#: How many lines past the previous match a reference may be found at.
WINDOW = 8
#: Share of a reference's words a flat line must hold to be its rendering.
MIN_SHARE = 0.6
#: Share of a reference's letters and digits its one entry must hold to be exactly one.
COVER = 0.9


#: Sections of the wikitext whose lines are back matter, not body prose.
BACK_SECTIONS = {
    "see also", "external links", "further reading", "bibliography", "notes", "references", "sources",
    "citations", "footnotes", "works cited", "notes and references", "references and notes", "links",
}


@dataclass
class Truth:
    words: list[str]
    span: tuple[int, int] | None = None


@dataclass
class Result:
    slug: str
    layout: str
    refs: int = 0
    absent: int = 0
    exact: int = 0
    missed: int = 0
    merged: int = 0
    split: int = 0
    cut: int = 0
    boundary_ok: bool = False
    problems: list[str] = field(default_factory=list)


# ------------------------------------------------------------------ truth


def _ref_words(content: str) -> list[str]:
    import mwparserfromhell

    code = mwparserfromhell.parse(content)
    parts = [code.strip_code(normalize=True, collapse=True)]
    for template in code.filter_templates(recursive=True):
        for param in template.params:
            name = str(param.name).strip().lower()
            if name in HIDDEN_PARAMS or name.endswith(("-url", "url")):
                continue
            parts.append(mwparserfromhell.parse(str(param.value)).strip_code(normalize=True, collapse=True))
    text = " ".join(parts)
    text = regex.sub(r"https?://\S+", " ", text)
    return [w.casefold() for w in _WORD.findall(text)]


def truth_refs(wikitext: str) -> list[Truth]:
    """The ``<ref>`` list in first-use order, a named reference once."""
    import mwparserfromhell

    code = mwparserfromhell.parse(wikitext)
    order: list[str] = []  # keys in first-use order
    content: dict[str, str] = {}
    for n, tag in enumerate(code.filter_tags(recursive=True, matches=lambda t: str(t.tag).strip().lower() == "ref")):
        if tag.has("group") and tag.get("group").value.strip().strip("\"'").lower() in NOTE_GROUPS:
            continue
        name = tag.get("name").value.strip().strip("\"'") if tag.has("name") else None
        key = f"name:{name}" if name else f"anon:{n}"
        if key not in content:
            order.append(key)
            content[key] = ""
        body = str(tag.contents).strip() if tag.contents is not None else ""
        if body and not content[key]:
            content[key] = body
    return [Truth(words=_ref_words(content[k])) for k in order if content[k]]


_HEADING = regex.compile(r"^(={2,6})\s*(.+?)\s*\1\s*$", regex.MULTILINE)


def back_section_lines(wikitext: str) -> list[set[str]]:
    """Word bags of each line of the see-also, external-link and similar sections.

    Headings are found line by line (a stray bracket earlier in the page must
    not hide them, as it can from a full parse).
    """
    bags = []
    heads = list(_HEADING.finditer(wikitext))
    for h, nxt in zip(heads, heads[1:] + [None]):
        if h.group(2).strip().lower() not in BACK_SECTIONS:
            continue
        body = wikitext[h.end() : nxt.start() if nxt else len(wikitext)]
        for line in body.split("\n"):
            words = set(_ref_words(line))
            if words:
                bags.append(words)
    return bags


# ------------------------------------------------------------------ locating


def _lines(text: str) -> list[tuple[int, int]]:
    out, pos = [], 0
    for line in text.split("\n"):
        if line.strip():
            s = pos + len(line) - len(line.lstrip())
            out.append((s, pos + len(line.rstrip())))
        pos += len(line) + 1
    return out


def locate(text: str, refs: list[Truth]) -> None:
    """Give each truth reference the span of the flat line that renders it.

    The line must hold most of the reference's words, and the reference most
    of the line's; among such lines the best is taken, ties going to the first
    unused line after the previous reference's (the list runs in order).
    """
    lines = _lines(text)
    bags = [set(w.casefold() for w in _WORD.findall(text[s:e])) for s, e in lines]
    used: set[int] = set()
    prev = 0
    for ref in refs:
        words = set(ref.words)
        if not words:
            continue
        best, best_key = None, None
        for i in range(1, len(lines)):  # line 0 is the title
            if i in used or not bags[i]:
                continue
            common = len(words & bags[i])
            share_ref, share_line = common / len(words), common / len(bags[i])
            if share_ref < MIN_SHARE or share_line < 0.4:
                continue
            key = (round(share_ref * share_line, 2), i > prev, -i)
            if best_key is None or key > best_key:
                best, best_key = i, key
        if best is None:
            continue
        ref.span = lines[best]
        used.add(best)
        prev = best


# ------------------------------------------------------------------ judging


def _alnum(text: str, s: int, e: int) -> int:
    return len(_ALNUM.findall(text, s, e))


def _overlap(text: str, a: tuple[int, int], b: tuple[int, int]) -> int:
    s, e = max(a[0], b[0]), min(a[1], b[1])
    return _alnum(text, s, e) if e > s else 0


def _is_back_line(words: set[str], back: list[set[str]]) -> bool:
    return bool(words) and any(len(words & bag) >= 0.6 * len(words) for bag in back)


def judge(slug: str, layout: str, text: str, refs: list[Truth], back: list[set[str]], lines: list[tuple[int, int]],
          show: bool) -> Result:
    """Judge every located reference and the boundary; ``lines`` are the flat file's lines."""
    r = Result(slug=slug, layout=layout, refs=len(refs))
    doc = ingest(text, f"{slug}.txt", format="plain")  # flat files are plain, whatever markup is left
    entries = [(c.span.start, c.span.end, c.text) for c in document_references(doc) if c.kind in ("citation", "note")]
    located = [t for t in refs if t.span is not None]
    r.absent = len(refs) - len(located)
    spans = [t.span for t in located]

    def material(entry: tuple[int, int], truth: tuple[int, int]) -> bool:
        o = _overlap(text, entry[:2], truth)
        return o >= 3 and o >= 0.2 * min(_alnum(text, *entry[:2]), _alnum(text, *truth))

    for t in located:
        holders = [en for en in entries if material(en, t.span)]
        if not holders:
            r.missed += 1
            verdict = "missed"
        elif any(material(en, other) for en in holders for other in spans if other != t.span):
            r.merged += 1
            verdict = "merged"
        elif len(holders) > 1:
            r.split += 1
            verdict = "split"
        elif _overlap(text, holders[0][:2], t.span) < COVER * _alnum(text, *t.span):
            r.cut += 1
            verdict = "cut"
        else:
            r.exact += 1
            verdict = ""
        if verdict:
            r.problems.append(f"{verdict}: {text[t.span[0]:t.span[1]][:100]!r}"
                              + "".join(f"\n        entry {en[2][:100]!r}" for en in holders[:3]))
    if spans:
        # The body ends with the last line before the first reference that renders
        # neither a reference nor a line of a see-also or link section.
        first = min(s for s, _ in spans)
        body_end = max(
            (e for s, e in lines if e <= first and (s, e) not in spans
             and not _is_back_line({w.casefold() for w in _WORD.findall(text[s:e])}, back)),
            default=0,
        )
        start = doc.back_matter.start if doc.back_matter is not None else None
        r.boundary_ok = start is not None and body_end <= start <= first
        if not r.boundary_ok:
            got = "none" if start is None else repr(text[start : start + 60])
            r.problems.append(f"boundary: back matter starts at {got}; expected {text[first:first + 60]!r}")
    else:
        r.boundary_ok = True
    if show and r.problems:
        print(f"\n{slug} ({layout}):", file=sys.stderr)
        for p in r.problems:
            print("    " + p, file=sys.stderr)
    return r


# ------------------------------------------------------------------ report


def articles(dirs: list[Path]) -> list[tuple[str, str, str]]:
    """(slug, wikitext, flat text) of every ``<slug>.wiki`` with its ``<slug>.txt``."""
    seen: dict[str, tuple[str, str, str]] = {}
    for d in dirs:
        for wiki in sorted(d.glob("*.wiki")):
            txt = wiki.with_suffix(".txt")
            if txt.exists() and wiki.stem not in seen:
                seen[wiki.stem] = (wiki.stem, wiki.read_text(encoding="utf-8"), txt.read_text(encoding="utf-8"))
    return [seen[k] for k in sorted(seen)]


def dump_articles(dump: Path, dirs: list[Path], min_refs: int) -> list[tuple[str, str, str]]:
    """(slug, wikitext, flat text) of the articles of a MediaWiki XML dump, flattened here."""
    import bz2
    import importlib.util
    import xml.etree.ElementTree as ET

    found = next((d / "flatten.py" for d in dirs if (d / "flatten.py").exists()), None)
    if found is None:
        raise SystemExit(f"--dump needs the corpus flattener (flatten.py) in {', '.join(map(str, dirs))}")
    spec = importlib.util.spec_from_file_location("corpus_flatten", found)
    flatten = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    sys.modules[spec.name] = flatten  # its dataclasses look their module up
    spec.loader.exec_module(flatten)
    raw = bz2.open(dump).read() if dump.suffix == ".bz2" else dump.read_bytes()
    root = ET.fromstring(raw)
    ns = root.tag.split("}")[0].strip("{")
    out = []
    for page in root.iter(f"{{{ns}}}page"):
        title = page.findtext(f"{{{ns}}}title") or ""
        text = page.findtext(f"{{{ns}}}revision/{{{ns}}}text") or ""
        if ":" in title or text.lstrip().lower().startswith("#redirect") or text.count("<ref") < min_refs:
            continue
        slug = regex.sub(r"[^a-z0-9]+", "_", title.lower()).strip("_")
        out.append((slug, text, flatten.flatten_wikitext(text, title)))
    return out


def _pct(n: int, d: int) -> str:
    return f"{100 * n / d:.1f}%" if d else "-"


def table(results: list[Result], layout: str) -> list[str]:
    rows = [r for r in results if r.layout == layout]
    out = [
        f"**{layout}** ({len(rows)} articles)",
        "",
        "| article | refs | absent | exactly one | missed | merged | split | cut | boundary |",
        "|---|---:|---:|---:|---:|---:|---:|---:|:---:|",
    ]
    for r in rows:
        out.append(f"| {r.slug} | {r.refs} | {r.absent} | {r.exact} | {r.missed} | {r.merged} | {r.split} | "
                   f"{r.cut} | {'yes' if r.boundary_ok else 'no'} |")
    n = sum(r.refs - r.absent for r in rows)
    tot = {k: sum(getattr(r, k) for r in rows) for k in ("refs", "absent", "exact", "missed", "merged", "split", "cut")}
    ok = sum(r.boundary_ok for r in rows)
    out.append(
        f"| **all** | {tot['refs']} | {tot['absent']} | {tot['exact']} ({_pct(tot['exact'], n)}) | "
        f"{tot['missed']} ({_pct(tot['missed'], n)}) | {tot['merged']} ({_pct(tot['merged'], n)}) | "
        f"{tot['split']} ({_pct(tot['split'], n)}) | {tot['cut']} ({_pct(tot['cut'], n)}) | {ok}/{len(rows)} |"
    )
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", action="append", type=Path, help="corpus folder (repeatable)")
    ap.add_argument("--layout", choices=("lines", "run-on", "both"), default="both")
    ap.add_argument("--show", action="store_true", help="list each problem reference on stderr")
    ap.add_argument("--dump", type=Path, help="a MediaWiki XML dump (.xml or .xml.bz2) to flatten and add")
    ap.add_argument("--min-refs", type=int, default=3, help="with --dump: skip pages with fewer <ref> tags")
    args = ap.parse_args(argv)
    dirs = args.corpus or [DEFAULT_CORPUS]
    found = articles(dirs)
    if args.dump is not None:
        known = {slug for slug, _, _ in found}
        found += [a for a in dump_articles(args.dump, dirs, args.min_refs) if a[0] not in known]
    if not found:
        print(f"no <slug>.wiki with <slug>.txt beside it in {', '.join(map(str, dirs))}", file=sys.stderr)
        return 2
    layouts = ["lines", "run-on"] if args.layout == "both" else [args.layout]
    results = []
    for slug, wikitext, flat in found:
        refs = truth_refs(wikitext)
        back = back_section_lines(wikitext)
        locate(flat, refs)
        for layout in layouts:
            text = flat if layout == "lines" else flat.replace("\n", " ")
            results.append(judge(slug, layout, text, refs, back, _lines(flat), args.show))
    for layout in layouts:
        print("\n".join(table(results, layout)))
        print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
