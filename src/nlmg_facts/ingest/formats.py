"""Marked-up input (wikitext, Markdown): where the prose, the markup and the citation markers lie.

Nothing is rewritten: every offset stays an offset into the original text. A
format's scanner reports a :class:`Layout`:

* ``masks``: spans of markup (``markup``: tags, brackets, link targets,
  templates, emphasis; ``break``: headings, list bullets, block templates,
  tables, which also end a sentence) and of ``note`` text (a reference's or a
  footnote definition's content: a citation, not the article's prose);
* ``markers``: each ``<ref>`` / ``<ref name="x" />`` / ``{{r|x}}`` / ``[^x]``
  in the body, with its label and the number of the reference it points to;
* ``references``: the content span of each distinct reference, in number
  order (first use in the text; defined-but-unused ones last), which the cite
  stage parses one citation each (``cite/inline.py``);
* ``body`` and ``back_matter``: the body ends at the first back-matter heading
  (``== References ==``, ``## Notes``...; see ``data/markup.json``).

``Document.analysis_text`` blanks the masks (spaces; newlines for ``break``),
so the segmenter and the extractors run unchanged over a string of the same
length, and a claim whose span overlaps a mask is dropped. Plain text has no
masks and pays nothing. Scanners are single forward passes: brackets and
braces are paired once with a stack, closing tags are looked up by bisection
in precomputed position lists, and nested constructs are scanned once each.
"""

from __future__ import annotations

import json
from bisect import bisect_left
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import PurePath
from typing import Literal

import regex

from .. import _lazyre

Format = Literal["plain", "wikitext", "markdown"]
InputFormat = Literal["auto", "plain", "wikitext", "markdown"]
INPUT_FORMATS: tuple[str, ...] = ("auto", "plain", "wikitext", "markdown")
MaskKind = Literal["markup", "break", "note", "space"]

_EXTENSIONS: dict[str, Format] = {
    ".wiki": "wikitext", ".wikitext": "wikitext", ".mediawiki": "wikitext",
    ".md": "markdown", ".markdown": "markdown",
}


@lru_cache(maxsize=1)
def markup_data() -> dict:
    return json.loads(resources.files("nlmg_facts.data").joinpath("markup.json").read_text("utf-8"))


# ------------------------------------------------------------------ detection

_SNIFF_WIKITEXT = _lazyre.lazy_compile(
    r"""
      <ref(?:\s[^<>]{0,300})?/?>        # a reference tag
    | \{\{\s*(?:cite\s|citation\b|reflist\b)  # a citation or reference-list template
    | <references\s*/?>                  # the reference list tag
    """,
    regex.VERBOSE | regex.IGNORECASE,
)
_SNIFF_FOOTNOTE_DEF = _lazyre.lazy_compile(r"^[ ]{0,3}\[\^(?P<label>[^\]\s]{1,100})\]:", regex.MULTILINE)


def detect_format(text: str, name: str = "<text>", requested: InputFormat = "auto") -> Format:
    """The format to read ``text`` as: the requested one, else by file extension, else by content."""
    if requested != "auto":
        return requested
    ext = _EXTENSIONS.get(PurePath(name).suffix.lower())
    if ext is not None:
        return ext
    if _SNIFF_WIKITEXT.search(text):
        return "wikitext"
    for m in _SNIFF_FOOTNOTE_DEF.finditer(text):
        # A definition alone could be a stray line; a use of it makes it a footnote.
        use = "[^" + m["label"] + "]"
        if text.find(use, 0, m.start()) != -1 or text.find(use, m.end()) != -1:
            return "markdown"
    return "plain"


# ------------------------------------------------------------------ layout


@dataclass(frozen=True, slots=True)
class MarkerSpan:
    start: int
    end: int
    label: str
    reference: int | None  # 1-based reference number, None when the reference is never defined


@dataclass(slots=True)
class Layout:
    """What a format scanner found; offsets into the original text."""

    body: tuple[int, int]
    back_matter: tuple[int, int] | None
    masks: list[tuple[int, int, MaskKind]]
    markers: list[MarkerSpan]
    references: list[tuple[int, int]]


@dataclass(slots=True)
class _Ref:
    order: int  # first use (or first definition when never used), in scan order
    used: bool = False
    content: tuple[int, int] | None = None


@dataclass(slots=True)
class _References:
    """Distinct references by key, numbered by first use once the scan is over."""

    refs: dict[str, _Ref] = field(default_factory=dict)
    pending: list[tuple[int, int, str, str]] = field(default_factory=list)  # marker start, end, label, key
    _anonymous: int = 0
    _seen: int = 0

    def key(self, name: str | None) -> str:
        if name:
            return "name:" + name
        self._anonymous += 1
        return f"anon:{self._anonymous}"

    def _get(self, key: str) -> _Ref:
        ref = self.refs.get(key)
        if ref is None:
            self._seen += 1
            ref = self.refs[key] = _Ref(order=self._seen)
        return ref

    def use(self, key: str, marker: tuple[int, int, str] | None) -> None:
        ref = self._get(key)
        if not ref.used:
            # A definition seen before the first use (list-defined references) keeps
            # its place only if nothing uses it: the first use decides the number.
            self._seen += 1
            ref.order, ref.used = self._seen, True
        if marker is not None:
            self.pending.append((*marker, key))

    def define(self, key: str, content: tuple[int, int]) -> None:
        ref = self._get(key)
        if ref.content is None and content[1] > content[0]:
            ref.content = content

    def resolve(self) -> tuple[list[tuple[int, int]], list[MarkerSpan]]:
        defined = [(k, r) for k, r in self.refs.items() if r.content is not None]
        defined.sort(key=lambda kr: (not kr[1].used, kr[1].order))
        number = {k: i for i, (k, _) in enumerate(defined, 1)}
        spans = [r.content for _, r in defined if r.content is not None]
        markers = []
        for start, end, label, key in self.pending:
            n = number.get(key)
            markers.append(MarkerSpan(start, end, label or (str(n) if n is not None else "?"), n))
        return spans, markers


def _lstrip(text: str, lo: int, hi: int) -> int:
    while lo < hi and text[lo].isspace():
        lo += 1
    return lo


def _rstrip(text: str, lo: int, hi: int) -> int:
    while hi > lo and text[hi - 1].isspace():
        hi -= 1
    return hi


def _line_end(text: str, pos: int) -> int:
    i = text.find("\n", pos)
    return len(text) if i == -1 else i


def _is_block(text: str, start: int, end: int) -> bool:
    """Does ``[start, end)`` stand alone on its lines (nothing but space before and after)?

    Walks only the blanks next to the span, so many spans on one long line stay linear.
    """
    i = start
    while i > 0 and text[i - 1] in " \t":
        i -= 1
    if i > 0 and text[i - 1] != "\n":
        return False
    j, n = end, len(text)
    while j < n and text[j] in " \t\r":
        j += 1
    return j == n or text[j] == "\n"


def _normalise_heading(title: str) -> str:
    return " ".join(title.strip().strip("=#").strip().casefold().split())


def _back_heading(title: str) -> bool:
    return _normalise_heading(title) in frozenset(markup_data()["back_matter_headings"])


def _finish(text: str, boundary: int | None, masks, refs: _References) -> Layout:
    from ..models.document import blank

    references, markers = refs.resolve()
    view = blank(text, [(s, e, "\n" if k == "break" else " ") for s, e, k in masks])
    hi = len(text) if boundary is None else boundary
    lo = _lstrip(view, 0, hi)
    body = (lo, max(lo, _rstrip(view, lo, hi)))
    back = None
    if boundary is not None:
        back = (boundary, max(boundary, _rstrip(text, boundary, len(text))))
    masks.sort(key=lambda m: (m[0], -m[1]))
    return Layout(body=body, back_matter=back, masks=masks, markers=markers, references=references)


# ------------------------------------------------------------------ wikitext

_PAIRS = _lazyre.lazy_compile(r"\{\{|\}\}|\[\[|\]\]")
_INLINE_BREAK = _lazyre.lazy_compile(r"[|\[\]{}]")


def pair_brackets(text: str, lo: int = 0, hi: int | None = None) -> dict[int, int]:
    """Opening offset of each matched ``{{`` / ``[[`` -> offset just after its closer (one stack pass)."""
    stacks: dict[str, list[int]] = {"{": [], "[": []}
    out: dict[int, int] = {}
    for m in _PAIRS.finditer(text, lo, len(text) if hi is None else hi):
        tok = m.group()
        if tok in ("{{", "[["):
            stacks[tok[0]].append(m.start())
        else:
            stack = stacks["{" if tok == "}}" else "["]
            if stack:
                out[stack.pop()] = m.end()
    return out


def template_params(text: str, start: int, end: int, pairs: dict[int, int]) -> list[tuple[int, int]]:
    """Spans of the ``|``-separated parts of the template ``text[start:end]`` (name first).

    Nested templates and links are skipped whole (their pipes are theirs).
    """
    parts = []
    pos = part = start + 2
    stop = end - 2
    while True:
        m = _INLINE_BREAK.search(text, pos, stop)
        if m is None:
            break
        c = m.group()
        nested = pairs.get(m.start()) if text.startswith(c * 2, m.start()) and c in "{[" else None
        if nested is not None and nested <= stop:
            pos = nested
        elif c == "|":
            parts.append((part, m.start()))
            pos = part = m.end()
        else:
            pos = m.end()
    parts.append((part, stop))
    return parts


def template_name(text: str, start: int, end: int) -> str:
    """Lower-cased template name ('_' read as ' ', 'Template:' dropped)."""
    m = _INLINE_BREAK.search(text, start + 2, end - 2)
    raw = text[start + 2 : m.start() if m else end - 2]
    name = " ".join(raw.replace("_", " ").split()).casefold()
    return name.removeprefix("template:").strip()


def wikitext_layout(text: str) -> Layout:
    """Masks, markers and references of a wikitext article (read with mwparserfromhell: ``wikitext.py``)."""
    from .wikitext import wikitext_layout as read

    return read(text)


# ------------------------------------------------------------------ Markdown

_MD_LINE = _lazyre.lazy_compile(
    r"""
      (?P<fence>^[ ]{0,3}(?P<fence_run>`{3,}|~{3,}))       # fenced code block
    | (?P<atx>^[ ]{0,3}\#{1,6}(?:[^\S\n][^\n]*)?$)         # ## Heading
    | (?P<footdef>^[ ]{0,3}\[\^(?P<label>[^\]\s]{1,100})\]:[^\S\n]?)  # [^1]: footnote definition
    | (?P<linkdef>^[ ]{0,3}\[[^\]\n]{1,999}\]:[^\S\n]*\S[^\n]*$)  # [label]: https://...
    | (?P<rule>^[ ]{0,3}(?:(?:\*[^\S\n]*){3,}|(?:-[^\S\n]*){3,}|(?:_[^\S\n]*){3,})$)  # --- *** ___
    | (?P<setext>^[ ]{0,3}(?:=+|-+)[^\S\n]*$)              # underline of a Setext heading
    | (?P<table>^[^\S\n]*\|?[^\S\n]*:?-{3,}:?[^\S\n]*(?:\|[^\S\n]*:?-{3,}:?[^\S\n]*)+\|?[^\S\n]*$)  # |---|---|
    | (?P<quote>^[ ]{0,3}(?:>[^\S\n]?)+)                    # > quotation
    | (?P<bullet>^[^\S\n]*(?:[-*+]|\d{1,9}[.)])(?=[^\S\n]|$))  # - item, 1. item
    | (?P<html>^[ ]{0,3}<!--)                               # HTML comment block
    """,
    regex.VERBOSE | regex.MULTILINE,
)
_MD_INLINE = _lazyre.lazy_compile(
    r"""
      (?P<code>`+)                                         # code span (closed by an equal run)
    | (?P<image>!\[[^\[\]\n]{0,500}\]\([^()\s]{0,1000}+(?:\([^()\s]{0,1000}+\)[^()\s]{0,1000}+){0,8}+(?:[^\S\n]+"[^"\n]{0,500}")?\))  # ![alt](src)
    | (?P<footnote>\[\^(?P<label>[^\]\s]{1,100})\])        # [^1] footnote reference
    | (?P<link>\[(?=[^\[\]\n]{0,500}\][(\[]))              # [text](url) or [text][ref]
    | (?P<autolink><(?i:https?|ftp|mailto):[^\s<>]{1,2000}>)  # <https://...>
    | (?P<url>\b(?i:https?|ftp)://[^\s<>()\[\]]{1,2000})  # bare address
    | (?P<comment><!--.{0,2000}?-->)                         # inline comment (bounded)
    | (?P<tag></?[A-Za-z][A-Za-z0-9-]{0,30}\b[^<>\n]{0,500}?/?>)  # inline HTML tag
    | (?P<escape>\\[!-/:-@\[-`{-~])                        # backslash escape: \* is a literal *
    | (?P<emph>\*{1,3}|_{1,3}|~~)                          # emphasis delimiters
    """,
    regex.VERBOSE,
)
_TICKS = _lazyre.lazy_compile(r"`+")
# A link destination: an address (with balanced parentheses, bounded) and an optional title.
_MD_DEST = _lazyre.lazy_compile(r"\((?:[^()\s]{0,1000}+(?:\([^()\s]{0,1000}+\)[^()\s]{0,1000}+){0,8}+)(?:[^\S\n]+\"[^\"\n]{0,500}\")?[^\S\n]*\)")
_MD_REFLINK = _lazyre.lazy_compile(r"\[[^\[\]\n]{0,999}\]")
_PUNCT = _lazyre.lazy_compile(r"[\p{P}\p{S}]")


def _flanking(text: str, s: int, e: int) -> bool:
    """Is the delimiter run ``text[s:e]`` left- or right-flanking (CommonMark), i.e. emphasis?"""
    before = text[s - 1] if s > 0 else " "
    after = text[e] if e < len(text) else " "
    b_space, a_space = before.isspace(), after.isspace()
    b_punct, a_punct = bool(_PUNCT.match(before)), bool(_PUNCT.match(after))
    left = not a_space and (not a_punct or b_space or b_punct)
    right = not b_space and (not b_punct or a_space or a_punct)
    if text[s] == "_" and left and right:
        return False  # snake_case: underscores inside a word are text
    return left or right


class _MarkdownScanner:
    def __init__(self, text: str) -> None:
        self.text = text
        self.masks: list[tuple[int, int, MaskKind]] = []
        self.refs = _References()
        # Backtick runs by length: a code span closes at the next run of its length.
        self.tick_runs: dict[int, list[int]] = {}
        for m in _TICKS.finditer(text):
            self.tick_runs.setdefault(len(m.group()), []).append(m.start())

    def mask(self, start: int, end: int, kind: MaskKind = "markup") -> None:
        if end > start:
            self.masks.append((start, end, kind))

    def lines(self) -> int | None:
        """Block pass; returns the back-matter boundary, if any."""
        text = self.text
        n = len(text)
        starts = [0] + [m.end() for m in regex.finditer(r"\n", text)]
        boundary: int | None = None
        tail: int | None = None  # start of a trailing run of footnote/link definitions
        i = 0
        prev_para: tuple[int, int] | None = None  # the previous line if it was paragraph text
        if text.startswith("---\n"):
            close = _lazyre.compile(r"^(?:---|\.\.\.)[^\S\n]*$", regex.MULTILINE).search(text, 4)
            if close is not None:
                self.mask(0, close.end(), "break")
                i = bisect_left(starts, close.end() + 1)
        while i < len(starts):
            ls = starts[i]
            le = _line_end(text, ls)
            i += 1
            line = text[ls:le]
            if not line.strip():
                prev_para = None
                continue
            m = _MD_LINE.match(text, ls, le)
            kind = m.lastgroup if m is not None else None
            if kind == "fence":
                run = m["fence_run"]
                close = _lazyre.compile(r"^[ ]{0,3}" + regex.escape(run[0]) + "{" + str(len(run)) + r",}[^\S\n]*$", regex.MULTILINE)
                c = close.search(text, le)
                end = n if c is None else c.end()
                self.mask(ls, end, "break")
                i = bisect_left(starts, end + 1)
                prev_para, tail = None, None
                continue
            if kind == "html":
                close = text.find("-->", ls)
                end = n if close == -1 else close + 3
                self.mask(ls, end, "break")
                i = bisect_left(starts, end)
                continue
            if kind == "atx":
                self.mask(ls, le, "break")
                if boundary is None and _back_heading(line):
                    boundary = ls
                prev_para, tail = None, None
                continue
            if kind in ("setext", "rule") and prev_para is not None and line.strip()[0] in "=-":
                # Text underlined with === or --- is a heading (a --- rule needs a blank line before).
                ps, pe = prev_para
                self.mask(ps, le, "break")
                if boundary is None and _back_heading(text[ps:pe]):
                    boundary = ps
                prev_para, tail = None, None
                continue
            if kind == "rule":
                self.mask(ls, le, "break")
                prev_para = None
                continue
            if kind == "footdef":
                i = self._definition(m, starts, i)
                tail = ls if tail is None else tail
                prev_para = None
                continue
            if kind == "linkdef":
                self.mask(ls, le, "break")
                tail = ls if tail is None else tail
                prev_para = None
                continue
            tail = None
            if kind == "table" and prev_para is not None:
                # The header row was read as a paragraph line: the whole table is not prose.
                end = le
                while i < len(starts) and "|" in text[starts[i] : _line_end(text, starts[i])]:
                    end = _line_end(text, starts[i])
                    i += 1
                self.mask(prev_para[0], end, "break")
                prev_para = None
                continue
            content = ls
            if kind == "quote":
                self.mask(ls, m.end(), "markup")
                content = m.end()
            elif kind == "bullet":
                self.mask(ls, m.end(), "break")
                content = m.end()
            self.inline(content, le, body=boundary is None)
            prev_para = (ls, le)
        if boundary is None and tail is not None:
            boundary = tail
        return boundary

    def _definition(self, m: regex.Match, starts: list[int], i: int) -> int:
        """A footnote definition and its continuation lines; returns the next line's index."""
        text = self.text
        end = _line_end(text, m.start())
        j = i
        while j < len(starts):
            ls = starts[j]
            le = _line_end(text, ls)
            line = text[ls:le]
            if not line.strip():
                # A blank line continues the footnote only if an indented line follows.
                k = j + 1
                while k < len(starts) and not text[starts[k] : _line_end(text, starts[k])].strip():
                    k += 1
                if k < len(starts) and text[starts[k] : starts[k] + 4].startswith(("    ", "\t")):
                    j = k
                    continue
                break
            if _MD_LINE.match(text, ls, le) is not None and not line.startswith(("    ", "\t")):
                break  # a new block (another definition, a heading, a list)
            end = le
            j += 1
        self.mask(m.start(), m.end())
        cs, ce = _lstrip(text, m.end(), end), _rstrip(text, m.end(), end)
        self.refs.define(self.refs.key(m["label"]), (cs, ce))
        self.mask(m.end(), end, "note")
        self.inline(m.end(), end, body=False)
        return j

    def inline(self, lo: int, hi: int, body: bool) -> None:
        text = self.text
        pos = lo
        while pos < hi:
            m = _MD_INLINE.search(text, pos, hi)
            if m is None:
                return
            kind = m.lastgroup
            s = m.start()
            if kind == "code":
                run = m.group()
                runs = self.tick_runs.get(len(run), [])
                i = bisect_left(runs, m.end())
                close = runs[i] if i < len(runs) and runs[i] < hi else -1
                if close == -1:
                    pos = m.end()
                    continue
                self.mask(s, close + len(run))
                pos = close + len(run)
            elif kind == "footnote":
                label = m["label"]
                self.mask(s, m.end())
                self.refs.use(self.refs.key(label), (s, m.end(), label) if body else None)
                pos = m.end()
            elif kind == "link":
                close = text.find("]", m.end(), hi)
                dest = _MD_DEST.match(text, close + 1, hi) or _MD_REFLINK.match(text, close + 1, hi)
                if dest is None:
                    pos = m.end()
                    continue
                self.mask(s, m.end())
                self.inline(m.end(), close, body)
                self.mask(close, dest.end())
                pos = dest.end()
            elif kind == "escape":
                self.mask(s, s + 1)  # the backslash; the escaped character is text
                pos = m.end()
            elif kind == "emph":
                if _flanking(text, s, m.end()):
                    self.mask(s, m.end())
                pos = m.end()
            else:  # image, autolink, url, comment, tag
                self.mask(s, m.end())
                pos = m.end()


def markdown_layout(text: str) -> Layout:
    """Masks, markers and references of a Markdown article with footnotes."""
    scanner = _MarkdownScanner(text)
    boundary = scanner.lines()
    return _finish(text, boundary, scanner.masks, scanner.refs)


def layout(text: str, fmt: Format) -> Layout:
    if fmt == "wikitext":
        return wikitext_layout(text)
    if fmt == "markdown":
        return markdown_layout(text)
    raise ValueError(f"no markup layout for {fmt!r}")
