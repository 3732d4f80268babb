"""Citations of marked-up input: one per reference span (``<ref>`` content, footnote definition).

Used by :func:`sources.document_references` when the document lists its
references exactly (``Document.reference_spans``, filled by
``ingest/formats.py``). Reference *i* becomes citation ``c<i>`` numbered *i*,
so the markers' reference numbers link to it exactly.

* ``{{cite web}}``, ``{{cite news}}``, ``{{citation}}``...: the named
  parameters are read directly (names per field in ``data/markup.json``);
  values are cleaned of links and emphasis, spans point at the raw values.
* ``{{harvnb|Surname|2010|p=5}}``-style short citations: authors and year.
* Anything else: the free-text parser over ``Document.citation_text`` (the
  reference with its inner markup blanked, same offsets).
"""

from __future__ import annotations

from functools import lru_cache
import regex

from .. import _lazyre
from ..ingest.formats import markup_data, pair_brackets, template_name, template_params
from ..models import Document, Span
from ..models.citations import ArchiveNote, Author, Citation, CitedDate, CitedText
from . import _dates
from .references import parse_references

# Markup inside a parameter value, replaced by what it displays.
_CLEAN = _lazyre.lazy_compile(
    r"""
      \[\[(?:[^\[\]|]{0,300}\|)?(?P<link>[^\[\]|]{0,300})\]\]   # [[target|text]] -> text
    | \[(?i:https?:|ftp:)?//[^\s\]]{1,2000}(?:\s+(?P<ext>[^\]]{0,300}))?\]  # [url text] -> text
    | '{2,5}                                                 # emphasis quotes
    | <[^<>]{0,300}>                                         # tags
    | \{\{[^{}]{0,300}\}\}                                   # a nested template: dropped
    | &nbsp;                                                 # a non-breaking space
    """,
    regex.VERBOSE,
)
_YEAR = _lazyre.lazy_compile(r"^\d{4}[a-z]?$")
# The host of an archive URL. Read with a pattern rather than urllib's parser,
# which raises on a "[" or "]" in the host (broken or truncated markup: "http://[x").
_URL_HOST = _lazyre.lazy_compile(r"(?:[A-Za-z][A-Za-z0-9+.\-]{0,30}:)?//(?:[^/?#@\s]{0,300}@)?(?P<host>[\w.\-]{1,300})")


@lru_cache(maxsize=1)
def _fields() -> dict:
    return markup_data()["cite_template"]


def _clean(raw: str) -> str:
    def display(m: regex.Match) -> str:
        if m["link"] is not None:
            return m["link"]
        if m.group().startswith("&"):
            return " "
        return m["ext"] or ""

    return " ".join(_CLEAN.sub(display, raw).split())


def _is_cite_template(name: str) -> bool:
    f = _fields()
    return name in f["names"] or name.startswith(tuple(f["prefixes"]))


class _Params:
    """A template's parameters: named -> (clean text, span of the raw value); positional in order."""

    def __init__(self, text: str, start: int, end: int) -> None:
        self.named: dict[str, tuple[str, Span]] = {}
        self.positional: list[tuple[str, Span]] = []
        for ps, pe in template_params(text, start, end, pair_brackets(text, start, end))[1:]:
            raw = text[ps:pe]
            eq = raw.find("=")
            name = raw[:eq].strip().casefold() if eq != -1 else ""
            vs = ps + eq + 1 if eq != -1 and name else ps
            vs += len(text[vs:pe]) - len(text[vs:pe].lstrip())
            ve = vs + len(text[vs:pe].rstrip())
            value = _clean(text[vs:ve])
            if not value:
                continue
            if eq != -1 and name:
                self.named.setdefault(name, (value, Span(start=vs, end=ve)))
            else:
                self.positional.append((value, Span(start=vs, end=ve)))

    def first(self, field: str) -> tuple[str, Span] | None:
        for name in _fields()[field]:
            if name in self.named:
                return self.named[name]
        return None

    def text(self, field: str) -> CitedText | None:
        got = self.first(field)
        return CitedText(text=got[0], span=got[1]) if got else None

    def date(self, field: str) -> CitedDate | None:
        got = self.first(field)
        return _dates.cited_date(got[0], got[1].start) if got else None


def _author(value: str, span: Span) -> Author:
    """One author written in one parameter: "Surname, Given", "Given Surname" or one name."""
    if "," in value:
        surname, given = (x.strip() for x in value.split(",", 1))
        return Author(text=value, span=span, surname=surname, given=given or None, order="surname_first")
    if " " in value:
        given, surname = value.rsplit(" ", 1)
        return Author(text=value, span=span, surname=surname, given=given, order="given_first")
    return Author(text=value, span=span, surname=value, order="single")


def _authors(p: _Params) -> list[Author]:
    f = _fields()
    out: list[Author] = []
    for n in ["", *map(str, range(1, f["max_authors"] + 1))]:
        last = next((p.named[k + n] for k in f["surname"] if k + n in p.named), None)
        first = next((p.named[k + n] for k in f["given"] if k + n in p.named), None)
        if last is not None:
            span = Span(start=min(last[1].start, first[1].start if first else last[1].start),
                        end=max(last[1].end, first[1].end if first else last[1].end))
            text = f"{last[0]}, {first[0]}" if first else last[0]
            out.append(Author(text=text, span=span, surname=last[0], given=first[0] if first else None,
                              order="surname_first" if first else "single"))
            continue
        for key in f["author"]:
            got = p.named.get(key + n)
            if got is not None:
                # "authors=A; B" lists several people in one parameter.
                for part in got[0].split(";") if key.endswith("s") else [got[0]]:
                    if part.strip():
                        out.append(_author(part.strip(), got[1]))
                break
    return out


def _archive(p: _Params) -> ArchiveNote | None:
    got = p.first("archive_date")
    if got is None:
        return None
    url = p.first("archive_url")
    service = None
    if url is not None:
        m = _URL_HOST.match(url[0])
        service = (m["host"].lower().removeprefix("www.") or None) if m else None
    return ArchiveNote(text=got[0], span=got[1], date=_dates.cited_date(got[0], got[1].start), service=service)


def _template_citation(text: str, start: int, end: int, name: str, common: dict) -> Citation:
    p = _Params(text, start, end)
    if not _is_cite_template(name):
        # Short citations ({{harvnb|Surname|Surname|2010|p=5}}): names, then the year.
        authors, date = [], None
        for value, span in p.positional:
            if _YEAR.match(value):
                date = _dates.cited_date(value[:4], span.start)
                break
            authors.append(Author(text=value, span=span, surname=value, order="single"))
        return Citation(**common, authors=authors if date else [], date=date, page=p.text("page"))
    title = p.text("title")
    url = p.text("url")
    return Citation(
        **common,
        authors=_authors(p),
        date=p.date("date"),
        title=title,
        title_quoted=title is not None,  # a title= parameter is a stated title, not a guess
        work=p.text("work"),
        publisher=p.text("publisher"),
        location=p.text("location"),
        archive=_archive(p),
        access_date=p.date("access_date"),
        page=p.text("page"),
        tags=[CitedText(text=v, span=sp) for k in _fields()["tags"] if k in p.named for v, sp in [p.named[k]]],
        notes=[url] if url is not None else [],
    )


def _free_text_citation(doc: Document, start: int, end: int, common: dict) -> Citation:
    parsed = [c for c in parse_references(doc.citation_text, start, end) if c.kind == "citation"]
    if not parsed:
        return Citation(**common)
    best = max(parsed, key=lambda c: len(c.fields))  # a ref may add a remark to its citation
    return best.model_copy(update=common)


def reference_citations(doc: Document) -> list[Citation]:
    """One citation per ``doc.reference_spans`` entry, numbered in order."""
    text = doc.text
    out = []
    for n, span in enumerate(doc.reference_spans, 1):
        common = dict(id=f"c{n}", number=n, kind="citation", text=text[span.start : span.end], span=span)
        if doc.format == "wikitext" and text.startswith("{{", span.start):
            end = pair_brackets(text, span.start, span.end).get(span.start)
            if end is not None:
                name = template_name(text, span.start, end)
                if _is_cite_template(name) or name.startswith(("harv", "sfn")):
                    out.append(_template_citation(text, span.start, end, name, common))
                    continue
        out.append(_free_text_citation(doc, span.start, span.end, common))
    return out
