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
from ._data import data, words

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
    Archived\s++                                               # (possessive: a run of blanks is never re-split)
    (?:
        from\s+the\s+original(?:\s+\([^()]{1,20}\))?\s+on\s+(?P<date>[^.]{1,40}?)  # ... (PDF) on D M Y
        (?=\.(?:\s|$)|$)
      | (?P<date2>[^.]{0,39}?[^.\s])\s++at\s+                  # Archived D M Y at archive.today
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
# A format tag may sit between the quote and the period: '"Survey" (PDF).'
_TITLE_CLOSE = _lazyre.lazy_compile(r"[\"”](?:\s\([^()\"“”]{1,30}\))?(?=\.(?:\s|$))")
_TITLE_TAG = _lazyre.lazy_compile(r"[\"”]\s\((?P<inner>[^()]{1,30})\)$")
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
# The gap after a page number where a new short citation ("Surname, ...") begins.
_AFTER_PAGE = _lazyre.lazy_compile(
    r"(?<=\b(?:p|pp|pg|pgs)\.?\s?\d{1,5}(?:\s?[–\-]\s?\d{1,5})?)\s+(?=\p{Lu}[\p{L}'’\-]{1,30}(?:,\s|\s\(\d{4}))"
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
        "locator": _lazyre.compile(rf"^(?:{alt(words('locator_starts', 'prefixes'))})"),
        "edition": _lazyre.compile(data()["edition_pattern"]["pattern"], regex.IGNORECASE),
        "short": _short_pattern(),
        "ibid": _lazyre.compile(rf"^(?i:{alt(words('ibid_forms', 'words'))})\.?(?:,?\s{{1,3}}{_locator()})?$"),
        "note": _lazyre.compile(rf"^(?:{alt(words('note_starts', 'prefixes'))})"),
        "agency": _lazyre.compile(rf"^(?:{alt(words('news_agencies', 'names'))})$"),
    }


@lru_cache(maxsize=1)
def _locator() -> str:
    """A page or part locator: "p. 9", "pp. 45–52", "pg. 40", "pp. 3, 7–9", "ch. IV", or a bare "12"."""
    loc_words = "|".join(
        regex.escape(w) for w in sorted(words("short_citation_locators", "words"), key=len, reverse=True)
    )
    num = r"[\dIVXLCivxlc]{1,6}(?:\s?[–\-]\s?[\dIVXLCivxlc]{1,6})?"
    return rf"(?:(?i:{loc_words})\.?\s{{0,2}}{num}(?:,\s?{num}){{0,6}}|\d{{1,5}}(?:\s?[–\-]\s?\d{{1,5}})?)"


def _short_pattern() -> regex.Pattern:
    """A short citation: surname(s), then a year, a locator, or both ("Smith 2004, p. 12", "Wells, p. 9").

    Several works cited together ("Donald (1996), pp. 67-69; Thomas (2008), p. 56")
    make one short citation; the groups name the first.
    """
    loc = _locator()
    names = rf"{_SURNAME}(?:(?:,\s|\sand\s|\s&\s){_SURNAME}){{0,3}}(?:\set\sal\.?)?"
    # A year a source can have been published in (1000-2099): "RFC 4949" is a name and a number.
    year = r"\(?(?:(?:1\d{3}|20\d{2})[a-z]?|n\.d\.)\)?"
    one = rf"""
        (?P<names>{names})
        (?:
            ,?\s(?P<year>{year})(?:(?:,\s|:\s?)(?P<loc>{loc}))?     # Smith 2004, p. 12 / Smith 2004: 12
          | ,\s(?P<loc2>{loc})                                     # Wells, p. 9
          | ,\s(?P<title>[^,();]{{3,120}}?),\s(?P<loc3>{loc})        # Wells, The Roads of England, p. 9
        )"""
    more = regex.sub(r"\(\?P<\w+>", "(?:", one)
    return _lazyre.compile(rf"^{one}(?:;\s{more}){{0,8}}$", regex.VERBOSE)


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
    #: A short run of capitalised words ended by a period ("Penguin Books."): may name an organisation.
    name_like: bool = False
    #: The piece opens with a parenthesis: a remark, never the start of an entry.
    remark: bool = False
    #: Written as a phrase or sentence ("Known as ... prior to 1975"): an explanatory note.
    note: bool = False
    #: The title a short citation names ("Wells, The Roads of England, p. 9").
    title: tuple[int, int] | None = None


@dataclass(slots=True)
class _Entry:
    pieces: list[_Piece] = field(default_factory=list)
    #: Kind of entry the section heading above it announces (None: no heading seen).
    section: str | None = None
    #: True when a marker, bullet or number delimits the entry: exactly one entry.
    hard: bool = False
    #: True when the entry opens a unit or follows an entry's closing piece (an access
    #: date, a date, an archive note, a locator): its first piece is its start.
    clean_start: bool = True

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
    # Short citations run together without periods: "Whitburn, p. 297 Whitburn, p. 24".
    m = _AFTER_PAGE.search(text, s, e)
    if m is not None and m.end() < e:
        _classify(text, s, m.start(), True, out, dates)
        _split_other(text, m.end(), e, hard_end, out, dates)
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
    if lex["ibid"].match(piece_text):
        out.append(_Piece(s, e, "ibid", hard_end))
        return
    m = lex["short"].match(piece_text)
    if m is not None:
        year = m.span("year") if m["year"] else None
        title = m.span("title") if m["title"] else None
        out.append(_Piece(s, e, "short", hard_end, names=(s + m.start("names"), s + m.end("names")),
                          date=None if year is None else (s + year[0], s + year[1]),
                          title=None if title is None else (s + title[0], s + title[1])))
        return
    if lex["locator"].match(piece_text) or lex["edition"].match(piece_text):
        out.append(_Piece(s, e, "locator", hard_end))
        return
    if _AUTHORS_ONLY.match(piece_text):
        out.append(_Piece(s, e, "author", hard_end, names=(s, e)))
        return
    out.append(_Piece(s, e, "other", hard_end, name_like=not hard_end and _name_like(piece_text),
                      remark=piece_text.startswith("("), note=_note_shaped(piece_text)))


_NAME_WORD = _lazyre.lazy_compile(r"[\p{L}\p{N}][\p{L}\p{N}'’.\-]*")
_NAME_STOPWORDS = frozenset("of the and for in on at de du la le von van".split())


def _name_like(piece: str) -> bool:
    """'Penguin Books', 'The Children's Book Council of Australia', 'LibraryThing.com'."""
    words = _NAME_WORD.findall(piece)
    if not 1 <= len(words) <= 8:
        return False
    return all(w[0].isupper() or w[0].isdigit() or w.lower() in _NAME_STOPWORDS for w in words) \
        and words[0][0].isupper()


def _rstrip(text: str, s: int, e: int) -> int:
    while e > s and text[e - 1] in " \t\r\n\f\v":
        e -= 1
    return e


def _lstrip(text: str, s: int, e: int) -> int:
    while s < e and text[s] in " \t\r\n\f\v":
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


# ------------------------------------------------------------------ units

# A back-link marker of a copied reference list: "^", "^ a b c", "↑", "Jump up to: a b",
# (a note's number before it, "12. ^", is taken off as a list item at a line start).
_BACKLINK = _lazyre.lazy_compile(
    r"""
    (?:(?<=^)|(?<=\s))
    (?:Jump\s{1,3}up\s{1,3})?[\^↑]
    (?:\s{1,3}(?:Jump\s{1,3}up\s{1,3}to:\s{0,3})?(?:[a-z]{1,2}\s{1,3}){2,40}   # ^ a b c
      |\s{1,3}|$)
    """,
    regex.VERBOSE,
)
# A list item's bullet or number at the start of a line: "* ", "• ", "12. ", "[12] ".
_ITEM = _lazyre.lazy_compile(r"[ \t]{0,8}(?:[*•·▪◦‣#]|[\-–—](?=\s)|\d{1,4}[.)](?=\s)|\[\d{1,4}\])[ \t]{1,8}(?=\S)")
_CLOSING = frozenset('.)]"”’!?')
#: Longest line of a hard-wrapped back matter.
_WRAP_WIDTH = 100


@dataclass(slots=True)
class _Unit:
    start: int
    end: int
    section: str | None
    hard: bool
    #: One line of a back matter written a line per entry: split only into complete entries.
    line: bool = False


@lru_cache(maxsize=1)
def _headings() -> tuple[dict[str, str], regex.Pattern, regex.Pattern]:
    """Heading -> section kind; a pattern for a heading line; one for a run-on heading."""
    table = {h.lower(): kind for h, kind in data()["back_matter_headings"]["headings"].items()}
    names = sorted(data()["back_matter_headings"]["headings"], key=len, reverse=True)
    alt = "|".join(regex.escape(n) for n in names)
    line = _lazyre.compile(rf"(?i:{alt}):?")
    # Run on: a heading, then the start of an entry (capital, quote, marker or digit).
    multi = "|".join(regex.escape(n) for n in names if " " in n)
    run_on = _lazyre.compile(
        rf"(?:\G(?i:{alt})|(?<=[.)\]”\"]\s{{1,3}})(?:{multi})):?\s{{1,3}}(?=[\p{{Lu}}\"“‘'^↑\d])"
    )
    return table, line, run_on


def _lines(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Non-blank lines of ``text[start:end]`` as stripped (start, end) spans."""
    out = []
    pos = start
    while pos < end:
        nl = text.find("\n", pos, end)
        stop = end if nl < 0 else nl
        s, e = _lstrip(text, pos, stop), _rstrip(text, pos, stop)
        if e > s:
            out.append((s, e))
        pos = stop + 1
    return out


def _wrapped(text: str, prev: tuple[int, int], cur: tuple[int, int], width: int) -> bool:
    """Whether line ``cur`` continues ``prev`` in text wrapped at ``width`` characters.

    A wrapper breaks a line only when the next word does not fit: if the first
    word of ``cur`` would have fitted on ``prev``, the break ended an entry.
    """
    first_word = text[cur[0] : cur[1]].split(" ", 1)[0]
    return (prev[1] - prev[0]) + 1 + len(first_word) > width


def _units(text: str, start: int, end: int) -> list[_Unit]:
    """The back matter cut where the layout says an entry must end.

    Headings ("References", "External links") are dropped and name the kind
    of the entries below them; line breaks end entries (wrapped lines are
    joined back); back-link markers ("^ a b"), bullets and note numbers
    delimit exactly one entry each. What is left is cut by shape.
    """
    table, heading_line, run_on = _headings()
    section: str | None = None
    units: list[_Unit] = []
    lines = _lines(text, start, end)
    joined: list[tuple[int, int, bool]] = []  # (start, end, starts with a bullet or number)
    # Hard-wrapped text (every line short, most near the wrap width) may continue an
    # entry on the next line; a line per entry, as flatteners write, never does.
    lengths = sorted(e - s for s, e in lines)
    width = lengths[-1] if lengths else 0
    wrapped = (
        len(lines) >= 3 and _WRAP_WIDTH // 2 <= width <= _WRAP_WIDTH
        and sum(n >= 0.8 * width for n in lengths) * 5 >= len(lengths) * 2  # 40% of the lines are full
    )
    for s, e in lines:
        if heading_line.fullmatch(text, s, e):
            joined.append((s, e, False))
            continue
        item = _ITEM.match(text, s, e)
        if item is None and wrapped and joined and not heading_line.fullmatch(text, joined[-1][0], joined[-1][1]) \
                and _wrapped(text, joined[-1][:2], (s, e), width):
            joined[-1] = (joined[-1][0], e, joined[-1][2])
            continue
        joined.append((item.end() if item else s, e, item is not None))
    lined = sum(1 for s, e, _ in joined if not heading_line.fullmatch(text, s, e)) >= 2
    for s, e, itemised in joined:
        first_unit = len(units)
        if heading_line.fullmatch(text, s, e):
            section = table[text[s:e].rstrip(":").lower()]
            continue
        # Run-on headings: at the start of the line, or a multi-word one after an entry.
        pos = s
        for m in run_on.finditer(text, s, e):
            if m.start() > pos:
                _marker_units(text, pos, _rstrip(text, pos, m.start()), section, itemised, units)
            section = table[text[m.start() : m.end()].strip().rstrip(":").lower()]
            pos, itemised = m.end(), False
        if pos < e:
            _marker_units(text, pos, e, section, itemised, units)
        for unit in units[first_unit:]:
            unit.line = lined
    return units


def _marker_units(text: str, s: int, e: int, section: str | None, hard: bool, out: list[_Unit]) -> None:
    """A line cut at its back-link markers: each marked part is exactly one entry."""
    pos = s
    for m in _BACKLINK.finditer(text, s, e):
        if m.start() > pos:
            out.append(_Unit(pos, _rstrip(text, pos, m.start()), section, hard))
        pos, hard = m.end(), True
    if pos < e:
        out.append(_Unit(pos, e, section, hard))


# ------------------------------------------------------------------ grouping

_ORDER = {"author": 0, "author_date": 0, "title": 1, "other": 2, "date": 3, "archive": 4, "retrieved": 5}


def _starts_entry(entry: _Entry, piece: _Piece) -> bool:
    """Whether ``piece`` cannot continue ``entry`` and must start a new one."""
    if not entry.pieces:
        return False
    last = entry.pieces[-1]
    if piece.kind == "archive" and last.kind == "retrieved" and not entry.has("archive"):
        return False  # "Retrieved D. Archived from the original on D." keeps its archive clause
    if piece.kind == "other" and piece.remark and last.kind != "extlink":
        return False  # "(McKim notes that ...)": a remark on the entry before it
    if last.kind == "other" and last.note and len(entry.pieces) == 1 \
            and piece.kind not in ("date", "retrieved", "archive", "locator"):
        return True  # a note is an entry of its own (a headline is followed by its date)
    if piece.kind == "other" and piece.note:
        # A note after a complete entry is its own; after a bare title it may be its remark.
        if entry.has("date", "author_date", "retrieved", "archive", "short", "ibid", "locator"):
            return True
    if piece.kind == "locator":
        # Pages, ISBN, volume, edition locate within the entry before them;
        # after an access date (always last) or a short citation they open a new one.
        return last.kind in ("retrieved", "extlink", "ibid")
    if last.kind in ("retrieved", "extlink", "ibid", "short") or piece.kind in ("extlink", "ibid"):
        return True
    if piece.kind == "short":
        # "Riverside Press, 1998" after a title is the publisher and year, not a short citation.
        if piece.date is not None and piece.end == piece.date[1] and entry.has("title", "other") \
                and not entry.has("date", "author_date", "archive", "retrieved"):
            piece.kind = "other"
            return False
        return True
    if (last.hard_end and last.kind == "other") or (piece.hard_end and piece.kind == "other"):
        return True  # a bare line ("List of ...", "X (website)") stands alone
    if piece.kind in ("author", "author_date"):
        return True
    if piece.kind == "title":
        if entry.clean_start and len(entry.pieces) == 1 and last.kind == "other" and last.name_like:
            return False  # an organisation as author: 'Penguin Books. "Title". Retrieved ...'
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


def _entries_of(text: str, start: int, end: int, dates: _dates.DateMemo) -> list[_Entry]:
    """Entries of the back matter: units first, then pieces grouped by shape within each."""
    out: list[_Entry] = []
    for unit in _units(text, start, end):
        if unit.end <= unit.start:
            continue
        pieces = _pieces(text, unit.start, unit.end, dates)
        if not pieces:
            continue
        group = [_Entry(pieces=pieces)] if unit.hard else _entries(pieces)
        if unit.line and len(group) > 1 and not all(_complete(g) for g in group):
            group = [_Entry(pieces=pieces)]  # a line per entry: its parts are one entry
        for entry in group:
            entry.section, entry.hard = unit.section, unit.hard
        out.extend(group)
    return out


def _complete(entry: _Entry) -> bool:
    """A whole citation on its own: an opening (author, title) and a closing (date, access date)."""
    return entry.has("title", "author_date", "short", "ibid") and entry.has(
        "date", "author_date", "retrieved", "archive", "locator", "short", "ibid"
    )


#: Pieces that end an entry when they come last: what follows them is a new entry's start.
_CLOSING_PIECES = frozenset({"retrieved", "date", "archive", "locator", "short", "ibid", "extlink", "author_date"})


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
            cur = _Entry(clean_start=cur.pieces[-1].kind in _CLOSING_PIECES)
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
        self.short = False

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
        tag = _TITLE_TAG.search(text, s, e)
        if tag is not None:
            if _is_tag(tag["inner"]):
                f.tag(text, *tag.span("inner"))
            e = tag.start() + 1
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
    m = _LOCATION.match(text, s, e)
    if f.work is None and (m is None or f.publisher is not None):
        f.work = _text(text, s, e)
        return
    if f.publisher is None:
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


_PAGE_WORD = _lazyre.lazy_compile(r"(?i:pp?|pgs?|pages?)\.?\s")
_NAME_SEPARATORS = _lazyre.lazy_compile(r",\s|\sand\s|\s&\s")


def _page_start(text: str, p: _Piece) -> int:
    m = _lazyre.compile(r"(?i:pp?|pgs?|pages?)\.?\s?\d|\d").search(text, p.start, p.end)
    return p.start if m is None else m.start()


def _add_short(text: str, p: _Piece, f: _Fields, dates: _dates.DateMemo) -> None:
    """'Smith and Jones 2004, pp. 3-4': surnames, year and locator of a short citation."""
    assert p.names is not None
    f.short = True
    pos = p.names[0]
    for m in [*_NAME_SEPARATORS.finditer(text, p.names[0], p.names[1]), None]:
        stop = p.names[1] if m is None else m.start()
        name = text[pos:stop].strip()
        if name and name not in ("et al", "et al."):
            name = name.removesuffix(" et al.").removesuffix(" et al")
            f.authors.append(Author(text=name, span=Span(start=pos, end=pos + len(name)), surname=name))
        if m is not None:
            pos = m.end()
    if p.date is not None:
        y0, y1 = p.date
        while y0 < y1 and text[y0] == "(":
            y0 += 1
        while y1 > y0 and text[y1 - 1] == ")":
            y1 -= 1
        f.date = _date_at(text, (y0, y1), dates)
    if p.title is not None:
        f.title = _text(text, *p.title)
    tail = p.title[1] if p.title is not None else p.date[1] if p.date is not None else p.names[1]
    loc_start = _lstrip(text, tail, p.end)
    while loc_start < p.end and text[loc_start] in ",: ":
        loc_start += 1
    if loc_start < p.end:
        f.page = _text(text, loc_start, p.end)


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
        elif p.kind == "short":
            _add_short(text, p, f, dates)
        elif p.kind == "ibid":
            f.short = True
            m = regex.search(r"\d", text[p.start : p.end])
            if m is not None and f.page is None:
                f.page = _text(text, _page_start(text, p), p.end)
        elif p.kind == "locator":
            if f.page is None and _PAGE_WORD.match(text, p.start, p.end):
                f.page = _text(text, p.start, p.end)
            else:
                note = _text(text, p.start, p.end)
                if note is not None:
                    f.notes.append(note)
        elif p.kind == "other" and i == 0 and p.name_like and len(pieces) > 1 and pieces[1].kind == "title":
            name = _text(text, p.start, p.end)
            if name is not None:
                f.authors = [Author(text=name.text, span=name.span, surname=name.text)]
        elif p.kind == "other":
            if p.date is not None and p.names is not None:
                # "Riverside Press, 2001": publisher and year (a short-citation shape inside an entry).
                if f.date is None:
                    f.date = _date_at(text, (p.date[0] + (text[p.date[0]] == "("),
                                             p.date[1] - (text[p.date[1] - 1] == ")")), dates)
                p = _Piece(p.start, p.names[1], "other", p.hard_end)
            if not has_title and f.title is None and f.work is None:
                work_follows = any(q.kind == "other" for q in pieces[i + 1 :])
                _unquoted(text, p, f, known_authors, known_works, work_follows)
            else:
                _add_other(text, p, f)
    return f


# ------------------------------------------------------------------ entry kinds

def _structured(entry: _Entry) -> bool:
    return entry.has("title", "author_date", "retrieved", "archive", "date", "author", "short", "ibid", "locator") \
        or any(p.date is not None for p in entry.pieces)


def _is_note(text: str, entry: _Entry) -> bool:
    """An explanatory note: one piece written as a phrase or sentence, not as a source."""
    return len(entry.pieces) == 1 and entry.pieces[0].kind == "other" and entry.pieces[0].note


def _note_shaped(piece: str) -> bool:
    """'Known as Second Division prior to 1975', 'The deck was replaced in 1979, and ...'."""
    if _lexicons()["note"].match(piece):
        return True
    tokens = _NOTE_TOKEN.findall(piece)
    if len(tokens) < 5:
        return False
    if any(t in _NOTE_VERBS for t in tokens):
        return True
    content = [t for t in tokens if t.lower() not in _NOTE_STOPWORDS]
    return bool(content) and sum(t[0].islower() for t in content) / len(content) >= 0.6


_NOTE_TOKEN = _lazyre.lazy_compile(r"\p{L}[\p{L}'’\-]*+")
_NOTE_VERBS = frozenset(
    "is was were are be been being has had have it its he she they we his her their which who whom"
    " would could should will can did does not".split()
)
_NOTE_STOPWORDS = frozenset("a an and or the of in on at for to by with from as".split())


def _kinds(text: str, entries: list[_Entry]) -> list[str]:
    """citation / note / see_also / external_link for each entry, by heading, shape and position."""
    kinds = []
    seen_citation = False
    seen_external = False
    for entry in entries:
        if entry.section == "external_link" or (entry.section == "see_also" and not _structured(entry)):
            kinds.append(entry.section)
            seen_external = seen_external or entry.section == "external_link"
        elif _is_note(text, entry):
            kinds.append("note")
        elif entry.section == "citation" and not entry.has("extlink"):
            kinds.append("citation")
            seen_citation = True
        elif entry.has("extlink"):
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
    entries = _entries_of(text, start, end, dates)
    kinds = _kinds(text, entries)
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
    prefix = {"citation": "c", "note": "c", "see_also": "s", "external_link": "x"}
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
            counter = "citation" if kind == "note" else kind  # notes are numbered with the citations
            counters[counter] += 1
            n = counters[counter]
            common = dict(
                id=f"{prefix[kind]}{n}", number=n if counter == "citation" else None, kind=kind,
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
                    access_date=f.access_date, page=f.page, tags=f.tags, notes=f.notes, short=f.short,
                )
            )
    return link_full_citations(out)


def _norm_entry(text: str) -> str:
    return " ".join(regex.sub(r"[^\p{L}\p{N}]+", " ", text.casefold()).split())


def link_full_citations(citations: list[Citation]) -> list[Citation]:
    """Point each short citation, and each repeated entry, at the full entry of its work.

    A short citation ("Wells, p. 9.", "Smith 2004, p. 12") names the first
    author's surname and perhaps a year: its full entry is the one full
    citation with that surname (and that year, when given); with several
    candidates and no year to choose, it stays unlinked rather than guess.
    "Ibid." cites the work of the entry before it. An entry repeated word for
    word points at its first occurrence.
    """
    full = [c for c in citations if c.kind == "citation" and not c.short]
    by_surname: dict[str, list[Citation]] = {}
    for c in full:
        if c.authors:
            by_surname.setdefault(c.authors[0].surname.casefold(), []).append(c)
    first_of: dict[str, str] = {}
    out: list[Citation] = []
    previous_work: str | None = None
    for c in citations:
        target: str | None = None
        if c.kind == "citation" and c.short:
            if not c.authors:
                target = previous_work  # Ibid.
            else:
                candidates = by_surname.get(c.authors[0].surname.casefold(), [])
                if c.date is not None and c.date.value is not None:
                    year = c.date.text[:4]
                    candidates = [f for f in candidates if f.date is not None and f.date.text.find(year) >= 0]
                if len(candidates) == 1:
                    target = candidates[0].id
        elif c.kind == "citation":
            key = _norm_entry(c.text)
            if key in first_of:
                target = first_of[key]
            else:
                first_of[key] = c.id
        if c.kind == "citation":
            previous_work = target or c.id
        out.append(c.model_copy(update={"full_citation": target}) if target else c)
    return out
