"""Splitting flattened back matter into entries and parsing each into a Citation.

The flattened text runs every entry together on one line, so the split is
made on the *shape* of citation pieces, never on known titles:

1. quoted titles are found first (their inner periods must not split);
2. the rest is cut after ``. `` (not after initials or abbreviations), and
   around inline structures: ``Archived D Month YYYY at archive.today``,
   ``Retrieved ...``, an author-date group glued to the previous line,
   ``X at IMDb`` lines and sister-project boxes;
3. each piece is classified (author-date, title, date, archive, retrieved,
   external link, other) and pieces are grouped into entries by the order a
   citation's pieces come in: authors, title, work, publisher, date,
   archive, retrieved. A piece that cannot follow the previous one starts a
   new entry.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

import regex

from .. import _lazyre
from ..models import Document, Span
from ..models.citations import ArchiveNote, Author, Citation, CitedDate, CitedText
from . import _dates
from ._data import words

# ------------------------------------------------------------------ patterns

# A name word: capitalised, may carry apostrophes, hyphens, an initial's period.
_NW = r"(?:\p{Lu}[\p{L}\p{M}'’\-]{0,30}\.?)"
# Surname particles written in lower case (de la Cruz, van Gogh).
_PART = r"(?:van|von|de|del|della|der|den|di|da|du|la|le|ter|bin|ibn|al|el|dos|das)"
_SURNAME = rf"(?:(?:{_PART}\s){{0,2}}{_NW}(?:\s(?:{_PART}\s)?{_NW}){{0,2}})"
_GIVEN = rf"(?:{_NW}(?:\s{_NW}){{0,3}})"
_COMMA_NAME = rf"(?:{_SURNAME},\s{_GIVEN})"
_COMMA_NAMES = rf"(?:{_COMMA_NAME}(?:;\s{_COMMA_NAME}){{0,11}})"
_GIVEN_FIRST = rf"(?:{_NW}(?:\s{_NW}){{0,3}})"

_AUTHOR_DATE = _lazyre.lazy_compile(
    rf"""
    ^(?P<names>
        {_COMMA_NAMES}      # Surname, Given; Surname, Given
      | {_GIVEN_FIRST}      # Given Surname, or a single name
    )
    \s*\((?P<date>[^()]{{1,40}})\)$   # (8 October 2010)
    """,
    regex.VERBOSE,
)
# An author-date group glued to the end of a previous bare line
# ("Forest School (website) Leins, Jeff (8 October 2010)"): comma form only,
# single-word surname, so the previous line's capitalised words are not eaten.
_GLUED_AUTHOR_DATE = _lazyre.lazy_compile(
    rf"""
    (?<=\S\s)
    (?P<names>
        {_NW},\s{_GIVEN}(?:;\s{_COMMA_NAME}){{0,11}}
    )
    \s*\((?P<date>[^()]{{1,40}})\)$
    """,
    regex.VERBOSE,
)
_AUTHORS_ONLY = _lazyre.lazy_compile(rf"^(?P<names>{_COMMA_NAMES})$")

_ARCHIVE = _lazyre.lazy_compile(
    r"""
    Archived\s+
    (?:
        from\s+the\s+original\s+on\s+(?P<date>[^.]{1,40}?)      # Archived from the original on D M Y
        (?=\.(?:\s|$)|$)
      | (?P<date2>[^.]{1,40}?)\s+at\s+                         # Archived D M Y at archive.today
        (?P<service>the\s+Wayback\s+Machine|[\w\-]+(?:\.[\w\-]+)+|[\p{Lu}][\w\-]+)
    )
    """,
    regex.VERBOSE,
)
_RETRIEVED = _lazyre.lazy_compile(
    r"""
    (?:Retrieved|Accessed)\s+(?:on\s+)?      # Retrieved 2 November 2010
    (?P<date>[^.]{1,40}?)
    (?=\.(?:\s|$)|$)
    """,
    regex.VERBOSE,
)
# Where a quoted title ends: a closing quote followed by a period and a space.
_TITLE_CLOSE = _lazyre.lazy_compile(r"[\"”](?=\.(?:\s|$))")
_TITLE_OPEN = _lazyre.lazy_compile(r"(?:(?<=^)|(?<=[\s(]))[\"“]")
_PERIOD_CUT = _lazyre.lazy_compile(r"\.\s+")
_WORD_BEFORE = _lazyre.lazy_compile(r"(?:^|[\s(])(?P<w>[\p{L}.]{1,12})$")
_PAREN_TAIL = _lazyre.lazy_compile(r"(?P<main>.*?)\s*[(\[](?P<inner>[^()\[\]]{1,60})[)\]]$")
_BRACKET_TAG = _lazyre.lazy_compile(r"[(\[](?P<inner>[^()\[\]]{1,40})[)\]]")
_PAGE = _lazyre.lazy_compile(
    r"""
    \s*\(
    (?P<page>(?:Page|Part|p\.|pp\.)\s?[\dIVXivx]{1,5}(?:\s?[–\-]\s?\d{1,5})?)   # (Page 2), (pp. 3-4)
    \)
    """,
    regex.VERBOSE,
)
_LOCATION = _lazyre.lazy_compile(r"(?P<loc>\p{Lu}[\p{L} .'\-]{1,30}):\s+(?P<rest>\S.*)$")
_LANGUAGE_TAG = _lazyre.lazy_compile(r"^in\s\p{Lu}\p{L}+$")
# A trailing "The Weston Mercury"-style name: where an unquoted title runs into its work.
_TRAILING_THE_WORK = _lazyre.lazy_compile(r"(?<=\S\s)(?P<work>The(?:\s\p{Lu}[\p{L}'’\-]*){1,4})$")
_LEADING_GIVEN_SURNAME = _lazyre.lazy_compile(rf"^(?P<name>{_NW}\s{_NW})\s(?=['‘\"“])")


@lru_cache(maxsize=1)
def _lexicons() -> dict[str, regex.Pattern]:
    abbrevs = {w.lower() for w in words("no_split_abbreviations", "words")}
    sites = sorted(set(words("external_link_sites", "sites")), key=lambda s: (-len(s), s))
    starts = words("external_link_starts", "prefixes")
    projects = words("sister_projects", "projects")
    see_also = words("see_also_starts", "prefixes")
    alt = lambda xs: "|".join(regex.escape(x) for x in xs)  # noqa: E731
    return {
        "abbrevs": abbrevs,  # type: ignore[dict-item]
        "tags": {t.lower() for t in words("editorial_tags", "tags")},  # type: ignore[dict-item]
        # "<Work> at <Site>" ends an external-link line.
        "at_site": _lazyre.compile(rf"\sat\s(?:{alt(sites)})(?=\s|$|\.)"),
        # A navigation or official-site line starts here.
        "ext_start": _lazyre.compile(rf"(?:(?<=^)|(?<=\s))(?:{alt(starts)})"),
        # "<Project> has media related to <topic>."
        "sister": _lazyre.compile(
            rf"(?:(?<=^)|(?<=\s))(?:{alt(projects)})\shas\s(?:[\p{{Ll}}\-]+\s){{0,5}}?"
            r"(?:related\sto|about|on|for|from|by)\s"
        ),
        "tag_end": _lazyre.compile(
            rf"\((?i:{alt(words('editorial_tags', 'tags'))})\)(?=\s+\S)"
        ),
        "see_also": _lazyre.compile(rf"(?<=\S\s)(?:{alt(see_also)})\s"),
    }


# ------------------------------------------------------------------ pieces

@dataclass(slots=True)
class _Piece:
    start: int
    end: int
    kind: str  # title, author_date, author, date, archive, retrieved, extlink, other
    #: True when the piece ended without a period, cut by the start of a structure.
    hard_end: bool = False
    names: tuple[int, int] | None = None
    date: tuple[int, int] | None = None
    service: str | None = None


@dataclass(slots=True)
class _Entry:
    pieces: list[_Piece] = field(default_factory=list)

    def has(self, *kinds: str) -> bool:
        return any(p.kind in kinds for p in self.pieces)

    def count(self, kind: str) -> int:
        return sum(p.kind == kind for p in self.pieces)


def _find_titles(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Quoted titles as (open quote, after close quote); nested quotes stay inside."""
    titles: list[tuple[int, int]] = []
    pos = start
    while True:
        m = _TITLE_OPEN.search(text, pos, end)
        if m is None:
            return titles
        close = _TITLE_CLOSE.search(text, m.end(), min(end, m.end() + 400))
        if close is None:
            pos = m.end()
            continue
        titles.append((m.start(), close.end()))
        pos = close.end()


def _period_cuts(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """(period, next start) pairs where a piece ends at a period."""
    abbrevs = _lexicons()["abbrevs"]
    cuts = []
    for m in _PERIOD_CUT.finditer(text, start, end):
        before = _WORD_BEFORE.search(text, max(start, m.start() - 13), m.start())
        if before:
            w = before["w"]
            if (len(w) == 1 and w.isupper()) or w.lower() in abbrevs:
                continue  # an initial ("Jay A.") or abbreviation ("Co.")
            if w.endswith(".") and w[-2:-1].isupper():
                continue  # "U.S." style initialism
        cuts.append((m.start(), m.end()))
    return cuts


def _split_other(text: str, s: int, e: int, hard_end: bool, out: list[_Piece], dates: _dates.DateMemo) -> None:
    """Cut an unstructured stretch around inline structures and classify the parts."""
    lex = _lexicons()
    # Inline archive notes and "Retrieved" in the middle of a stretch.
    for rx, kind in ((_ARCHIVE, "archive"), (_RETRIEVED, "retrieved")):
        m = rx.search(text, s, e)
        if m is not None:
            if m.start() > s:
                _split_other(text, s, _rstrip(text, s, m.start()), False, out, dates)
            date_group = "date" if m.group("date") is not None else "date2"
            out.append(
                _Piece(
                    m.start(), m.end(), kind,
                    hard_end=m.end() < e or hard_end,
                    date=m.span(date_group),
                    service=m.groupdict().get("service"),
                )
            )
            rest = _lstrip(text, m.end(), e)
            if rest < e:
                _split_other(text, rest, e, hard_end, out, dates)
            return
    # External-link lines run together: "X at IMDb Y at AllMovie Portal: Film".
    for rx in (lex["sister"], lex["ext_start"]):
        m = rx.search(text, s + 1, e)
        if m is not None and m.start() > s:
            _split_other(text, s, _rstrip(text, s, m.start()), True, out, dates)
            _split_other(text, m.start(), e, hard_end, out, dates)
            return
    # A bare link text ends with its tag: "Saltmarsh Quay (website) Next line".
    m = lex["tag_end"].search(text, s, e)
    if m is not None and m.end() < e:
        _classify(text, s, m.end(), True, out, dates)
        _split_other(text, _lstrip(text, m.end(), e), e, hard_end, out, dates)
        return
    m = lex["at_site"].search(text, s, e)
    if m is not None and m.end() < e and text[m.end() : e].strip(" ."):
        _classify(text, s, m.end(), True, out, dates)
        _split_other(text, _lstrip(text, m.end(), e), e, hard_end, out, dates)
        return
    # An author-date group glued to the end of a bare line.
    m = None if _AUTHOR_DATE.match(text[s:e]) else _GLUED_AUTHOR_DATE.search(text, s, e)
    if m is not None and m.start() > s and dates.is_date(m["date"]):
        _split_other(text, s, _rstrip(text, s, m.start()), True, out, dates)
        _classify(text, m.start(), e, hard_end, out, dates)
        return
    _classify(text, s, e, hard_end, out, dates)


def _classify(text: str, s: int, e: int, hard_end: bool, out: list[_Piece], dates: _dates.DateMemo) -> None:
    lex = _lexicons()
    piece_text = text[s:e]
    if not piece_text.strip(" .;,"):
        return
    m = _AUTHOR_DATE.match(piece_text)
    if m is not None and dates.is_date(m["date"]):
        out.append(
            _Piece(s, e, "author_date", hard_end, names=(s + m.start("names"), s + m.end("names")),
                   date=(s + m.start("date"), s + m.end("date")))
        )
        return
    if dates.is_date(piece_text):
        out.append(_Piece(s, e, "date", hard_end, date=(s, e)))
        return
    if (
        lex["sister"].match(piece_text)
        or lex["ext_start"].match(piece_text)
        or (lex["at_site"].search(piece_text) and not piece_text.rstrip(". ").endswith(")")
            and lex["at_site"].search(piece_text).end() >= len(piece_text.rstrip(". ")))
    ):
        out.append(_Piece(s, e, "extlink", True))
        return
    if _AUTHORS_ONLY.match(piece_text):
        out.append(_Piece(s, e, "author", hard_end, names=(s, e)))
        return
    out.append(_Piece(s, e, "other", hard_end))


def _rstrip(text: str, s: int, e: int) -> int:
    while e > s and text[e - 1] in " \t\n":
        e -= 1
    return e


def _lstrip(text: str, s: int, e: int) -> int:
    while s < e and text[s] in " \t\n":
        s += 1
    return s


def _pieces(text: str, start: int, end: int, dates: _dates.DateMemo) -> list[_Piece]:
    """Pieces of the back matter in order (titles, period-delimited stretches, inline structures)."""
    out: list[_Piece] = []
    titles = _find_titles(text, start, end)
    pos = start
    bounds = titles + [(end, end)]
    for t_start, t_end in bounds:
        # The stretch before this title, cut at periods.
        seg_start = _lstrip(text, pos, t_start)
        seg_end = _rstrip(text, seg_start, t_start)
        if seg_end > seg_start:
            cur = seg_start
            for p_start, p_next in _period_cuts(text, seg_start, seg_end):
                if p_start > cur:
                    _split_other(text, cur, p_start, False, out, dates)
                cur = p_next
            if cur < seg_end:
                last_end = seg_end
                ended_with_period = text[last_end - 1] == "."
                if ended_with_period:
                    last_end -= 1
                # A stretch that runs into a title without a period ends hard.
                _split_other(text, cur, last_end, not ended_with_period and t_start < end, out, dates)
        if t_start < end:
            out.append(_Piece(t_start, t_end, "title"))
            pos = t_end + 1 if t_end < end and text[t_end] == "." else t_end
    return out


# ------------------------------------------------------------------ grouping

_ORDER = {"author": 0, "author_date": 0, "title": 1, "other": 2, "date": 3, "archive": 4, "retrieved": 5}


def _starts_entry(entry: _Entry, piece: _Piece) -> bool:
    """Whether ``piece`` cannot continue ``entry`` and must start a new one."""
    if not entry.pieces:
        return False
    last = entry.pieces[-1]
    if last.kind in ("retrieved", "extlink") or piece.kind == "extlink":
        return True
    if (last.hard_end and last.kind == "other") or (piece.hard_end and piece.kind == "other"):
        return True  # a bare line ("List of ...", "X (website)") stands alone
    if piece.kind in ("author", "author_date"):
        return True
    if piece.kind == "title":
        return any(p.kind != "author" and p.kind != "author_date" for p in entry.pieces)
    if piece.kind == "other":
        if entry.has("date", "retrieved"):
            return True
        if entry.has("archive") and not any(p.kind == "archive" and p.service for p in entry.pieces):
            return True
        limit = 3 if entry.has("title") else 2
        return entry.count("other") >= limit
    if piece.kind == "date":
        return entry.has("date", "archive", "retrieved") or (
            entry.has("author_date") and not entry.has("title")
        )
    if piece.kind == "archive":
        return entry.has("archive", "retrieved")
    return False


def _entries(pieces: list[_Piece]) -> list[_Entry]:
    # "Surname, Given" without a date is an author only when a title follows;
    # otherwise it is a company ("Flixster, Inc.") or a place.
    for p, nxt in zip(pieces, pieces[1:] + [None]):
        if p.kind == "author" and (nxt is None or nxt.kind != "title"):
            p.kind = "other"
    entries: list[_Entry] = []
    cur = _Entry()
    for p in pieces:
        if _starts_entry(cur, p):
            entries.append(cur)
            cur = _Entry()
        cur.pieces.append(p)
    if cur.pieces:
        entries.append(cur)
    return entries


# ------------------------------------------------------------------ fields

def _text(text: str, s: int, e: int) -> CitedText | None:
    s, e = _lstrip(text, s, e), _rstrip(text, s, e)
    while e > s and text[e - 1] in ".,;:":
        e -= 1
    return CitedText(text=text[s:e], span=Span(start=s, end=e)) if e > s else None


def _is_tag(inner: str) -> bool:
    inner = inner.strip().lower()
    return inner in _lexicons()["tags"] or bool(_LANGUAGE_TAG.match(inner.capitalize().replace("In ", "in ", 1)))


def _authors(text: str, s: int, e: int) -> list[Author]:
    """Authors of a names group: ';'-separated, "Surname, Given" or "Given Surname"."""
    out: list[Author] = []
    pos = s
    for chunk in text[s:e].split(";"):
        c_start = pos + (len(chunk) - len(chunk.lstrip()))
        name = chunk.strip()
        pos += len(chunk) + 1
        if not name:
            continue
        span = Span(start=c_start, end=c_start + len(name))
        if "," in name:
            surname, given = (x.strip() for x in name.split(",", 1))
            out.append(Author(text=name, span=span, surname=surname, given=given or None, order="surname_first"))
        elif " " in name:
            given, surname = name.rsplit(" ", 1)
            out.append(Author(text=name, span=span, surname=surname, given=given, order="given_first"))
        else:
            out.append(Author(text=name, span=span, surname=name, order="single"))
    return out


def _date_at(text: str, span: tuple[int, int] | None, dates: _dates.DateMemo) -> CitedDate | None:
    if span is None:
        return None
    return dates.cited(text[span[0] : span[1]], span[0])


class _Fields:
    """Mutable field collector for one entry, frozen into a Citation at the end."""

    def __init__(self) -> None:
        self.authors: list[Author] = []
        self.date: CitedDate | None = None
        self.title: CitedText | None = None
        self.title_quoted = False
        self.work: CitedText | None = None
        self.publisher: CitedText | None = None
        self.location: CitedText | None = None
        self.archive: ArchiveNote | None = None
        self.access_date: CitedDate | None = None
        self.page: CitedText | None = None
        self.tags: list[CitedText] = []
        self.notes: list[CitedText] = []

    def tag(self, text: str, s: int, e: int) -> None:
        t = _text(text, s, e)
        if t is not None:
            self.tags.append(t)


def _strip_tags(text: str, s: int, e: int, f: _Fields, publisher_ok: bool) -> tuple[int, int]:
    """Peel trailing '(tag)' / '(Publisher)' off a piece; returns the remaining span."""
    while True:
        m = _PAREN_TAIL.match(text, s, e)
        if m is None or not m["main"].strip():
            return s, e
        inner_s, inner_e = m.span("inner")
        if _is_tag(m["inner"]):
            f.tag(text, inner_s, inner_e)
        elif publisher_ok and f.publisher is None:
            f.publisher = _text(text, inner_s, inner_e)
        else:
            return s, e
        e = _rstrip(text, s, m.start("main") + len(m["main"]))


def _add_title(text: str, s: int, e: int, f: _Fields, quoted: bool) -> None:
    if quoted:
        s, e = s + 1, e - 1  # drop the outer quotes
    page = None
    for m in _PAGE.finditer(text, s, e):
        page = m
    if page is not None and page.end() == e:
        f.page = _text(text, *page.span("page"))
        e = page.start()
    for m in _BRACKET_TAG.finditer(text, s, e):
        if _is_tag(m["inner"]):
            f.tag(text, *m.span("inner"))
    if quoted:
        # Keep a title's own closing punctuation ("...?" "...!"): only strip spaces.
        s, e = _lstrip(text, s, e), _rstrip(text, s, e)
        f.title = CitedText(text=text[s:e], span=Span(start=s, end=e)) if e > s else None
    else:
        f.title = _text(text, s, e)
    f.title_quoted = quoted and f.title is not None


def _add_other(text: str, p: _Piece, f: _Fields) -> None:
    s, e = _strip_tags(text, p.start, p.end, f, publisher_ok=f.work is None)
    if f.work is None:
        f.work = _text(text, s, e)
        return
    if f.publisher is None:
        m = _LOCATION.match(text, s, e)
        if m is not None:
            f.location = _text(text, *m.span("loc"))
            s = m.start("rest")
        f.publisher = _text(text, s, e)
        return
    note = _text(text, s, e)
    if note is not None:
        f.notes.append(note)


def _unquoted(text: str, p: _Piece, f: _Fields, known_authors: dict[str, list[str]],
              known_works: dict[str, list[str]], work_follows: bool) -> None:
    """An entry without quotes: author, title and work run together.

    ``known_authors`` and ``known_works`` are the names of the well-formed
    entries, indexed by first and last word (longest first) so a look-up
    does not scan them all.
    """
    s, e = _strip_tags(text, p.start, p.end, f, publisher_ok=False)
    if not f.authors:
        piece = text[s:e]
        m = _LEADING_GIVEN_SURNAME.match(piece)
        first = piece.split(" ", 1)[0]
        name = m["name"] if m else next(
            (n for n in known_authors.get(first, ()) if piece.startswith(n + " ") and len(piece) > len(n) + 3),
            None,
        )
        if name:
            f.authors = _authors(text, s, s + len(name))
            s = _lstrip(text, s + len(name), e)
    if not work_follows and f.work is None:
        piece = text[s:e]
        last = piece.rsplit(" ", 1)[-1]
        work = next(
            (w for w in known_works.get(last, ()) if piece.endswith(" " + w) and len(piece) > len(w) + 3), None
        )
        if work is None:
            m = _TRAILING_THE_WORK.search(piece)
            work = m["work"] if m else None
        if work:
            w_start = e - len(work)
            f.work = _text(text, w_start, e)
            e = _rstrip(text, s, w_start)
    _add_title(text, s, e, f, quoted=False)


def _fields(text: str, entry: _Entry, known_authors: dict[str, list[str]], known_works: dict[str, list[str]],
            dates: _dates.DateMemo) -> _Fields:
    f = _Fields()
    pieces = entry.pieces
    has_title = entry.has("title")
    for i, p in enumerate(pieces):
        if p.kind in ("author", "author_date"):
            assert p.names is not None
            f.authors = _authors(text, *p.names)
            if p.kind == "author_date":
                f.date = _date_at(text, p.date, dates)
        elif p.kind == "title":
            _add_title(text, p.start, p.end, f, quoted=True)
        elif p.kind == "date":
            if f.date is None:
                f.date = _date_at(text, p.date, dates)
            else:
                f.notes.append(CitedText(text=text[p.start : p.end], span=Span(start=p.start, end=p.end)))
        elif p.kind == "archive":
            f.archive = ArchiveNote(
                text=text[p.start : p.end], span=Span(start=p.start, end=p.end),
                date=_date_at(text, p.date, dates), service=p.service,
            )
        elif p.kind == "retrieved":
            f.access_date = _date_at(text, p.date, dates)
        elif p.kind == "other":
            if not has_title and f.title is None and f.work is None:
                work_follows = any(q.kind == "other" for q in pieces[i + 1 :])
                _unquoted(text, p, f, known_authors, known_works, work_follows)
            else:
                _add_other(text, p, f)
    return f


# ------------------------------------------------------------------ entry kinds

def _structured(entry: _Entry) -> bool:
    return entry.has("title", "author_date", "retrieved", "archive", "date", "author")


def _kinds(entries: list[_Entry]) -> list[str]:
    """citation / see_also / external_link for each entry, by shape and position."""
    kinds = []
    seen_citation = False
    seen_external = False
    for entry in entries:
        if entry.has("extlink"):
            kinds.append("external_link")
            seen_external = True
        elif _structured(entry):
            kinds.append("citation")
            seen_citation = True
        elif seen_external:
            kinds.append("external_link")
        elif not seen_citation:
            kinds.append("see_also")
        else:
            kinds.append("citation")
    return kinds


def _split_see_also(text: str, p: _Piece) -> list[tuple[int, int]]:
    """A run of see-also titles ("List of X List of Y") split before each list opening."""
    spans = []
    s = p.start
    for m in _lexicons()["see_also"].finditer(text, p.start, p.end):
        spans.append((s, _rstrip(text, s, m.start())))
        s = m.start()
    spans.append((s, p.end))
    return spans


# ------------------------------------------------------------------ public

def parse_references(text: str, start: int, end: int) -> list[Citation]:
    """Every entry of ``text[start:end]`` (the back matter) as a Citation, in order."""
    dates = _dates.DateMemo()
    entries = _entries(_pieces(text, start, end, dates))
    kinds = _kinds(entries)
    # Names and works of the well-formed entries help split the unquoted ones.
    known_authors: set[str] = set()
    known_works: set[str] = set()
    fields: dict[int, _Fields] = {}
    for i, (entry, kind) in enumerate(zip(entries, kinds)):
        if kind == "citation" and entry.has("title"):
            f = fields[i] = _fields(text, entry, {}, {}, dates)
            known_authors.update(a.display for a in f.authors if a.given)
            if f.work is not None:
                known_works.add(f.work.text)
    by_first: dict[str, list[str]] = {}
    for name in sorted(known_authors, key=lambda n: (-len(n), n)):
        by_first.setdefault(name.split(" ", 1)[0], []).append(name)
    by_last: dict[str, list[str]] = {}
    for work in sorted(known_works, key=lambda w: (-len(w), w)):
        by_last.setdefault(work.rsplit(" ", 1)[-1], []).append(work)

    out: list[Citation] = []
    counters = {"citation": 0, "see_also": 0, "external_link": 0}
    prefix = {"citation": "c", "see_also": "s", "external_link": "x"}
    for i, (entry, kind) in enumerate(zip(entries, kinds)):
        if kind == "see_also":
            spans = [sp for p in entry.pieces for sp in _split_see_also(text, p)]
        else:
            spans = [(entry.pieces[0].start, entry.pieces[-1].end)]
        for s, e in spans:
            if e <= s:
                continue
            if e < len(text) and text[e : e + 1] == "." and kind != "see_also":
                e += 1
            counters[kind] += 1
            n = counters[kind]
            common = dict(
                id=f"{prefix[kind]}{n}", number=n if kind == "citation" else None, kind=kind,
                text=text[s:e], span=Span(start=s, end=e),
            )
            if kind != "citation":
                out.append(Citation(**common))
                continue
            f = fields.get(i) or _fields(text, entry, by_first, by_last, dates)
            out.append(
                Citation(
                    **common,
                    authors=f.authors, date=f.date, title=f.title, title_quoted=f.title_quoted,
                    work=f.work, publisher=f.publisher, location=f.location, archive=f.archive,
                    access_date=f.access_date, page=f.page, tags=f.tags, notes=f.notes,
                )
            )
    return out


def document_references(doc: Document) -> list[Citation]:
    """The citations of a document's back matter (none when it has no back matter)."""
    if doc.reference_spans:
        # Marked-up input (wikitext <ref>, Markdown footnotes) lists its references
        # exactly: one citation per span, numbered as the markers expect (inline.py).
        from .inline import reference_citations

        return reference_citations(doc)
    if doc.back_matter is None:
        return []
    return parse_references(doc.text, doc.back_matter.start, doc.back_matter.end)
