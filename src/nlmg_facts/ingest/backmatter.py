"""Finding where the article body ends and the back matter (see also, references, links) begins.

Flattened articles carry no headings, so the boundary is found from the shape
of the text: the reference list is a tail dense with citation signatures
(``(D Month YYYY).``, ``Retrieved D Month YYYY.``, ``Archived ... on``), and
between the last prose sentence and the first dated reference lie only short,
title-like fragments (see-also lines, undated references).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import regex

from .. import _lazyre
from .segment import segment

_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?"
)
# A calendar date as citation templates print it (bounded whitespace: linear time).
_DATE = (
    rf"(?:\d{{1,2}}\s{{1,3}}{_MONTH},?\s{{1,3}}\d{{4}}"  # 8 October 2010
    rf"|{_MONTH}\s{{1,3}}\d{{1,2}},\s{{1,3}}\d{{4}}"  # October 8, 2010
    r"|\d{4}-\d{2}-\d{2})"  # 2010-10-08
)

# Citation signatures, one pattern per kind: separate patterns let the engine
# skip ahead to each literal prefix, which one big alternation prevents (4x slower).
_SIGNATURES = {
    # Access date: the most reliable mark of a reference.
    "retrieved": _lazyre.lazy_compile(rf"\b(?:Retrieved|Accessed)\s{{1,3}}(?:on\s{{1,3}})?{_DATE}"),
    # Archive notes: "Archived from the original on D", "Archived D at".
    "archived": _lazyre.lazy_compile(
        rf"\bArchived\s{{1,3}}(?:from\s{{1,3}}the\s{{1,3}}original\s{{1,3}}on\s{{1,3}}{_DATE}|{_DATE}\s{{1,3}}at\b)"
    ),
    # Author-date: "Surname, Given (8 October 2010)." or "(2005)." closing a name.
    "author_date": _lazyre.lazy_compile(
        rf"\((?:{_DATE}|{_MONTH}\s{{1,3}}\d{{4}}|\d{{4}}[a-z]?)\)\.(?=\s|$)"
    ),
    # A publication date standing alone between periods: ". BBC News. 6 August 2010."
    # (the cheap first-character test spares the look-behind at most offsets).
    "work_date": _lazyre.lazy_compile(rf"(?=[\dJFMASOND])(?<=[.”\"]\s{{1,3}}){_DATE}\.(?=\s|$)"),
    # Identifiers and addresses that prose does not print.
    "identifier": _lazyre.lazy_compile(
        r"\bISBN(?:-1[03])?:?\s{0,2}[\dX][\d\-\ ]{8,16}[\dX]|\bdoi:\s{0,2}10\.\d{4,9}/|\bhttps?://"
    ),
}

#: Weight of each signature: an access date or archive note alone is strong
#: evidence; a date in parentheses also occurs in prose, so it counts less and a
#: chain of parenthesised dates alone never makes a reference list.
_WEIGHT = {"retrieved": 2, "archived": 2, "identifier": 2, "work_date": 2, "author_date": 1}
#: Two consecutive signatures of one reference list are never further apart.
_MAX_GAP = 900
#: A gap or tail up to these lengths is allowed when little of it reads as prose.
_MAX_LOOSE_GAP = 2500
_MAX_LOOSE_TAIL = 9000
#: Least total weight of the chain that ends the document.
_MIN_WEIGHT = 3
#: Longest tail after the last reference (external links, portal lines).
_MAX_TAIL = 4000
#: How far before the first dated reference the see-also text may reach.
_MAX_WALK = 3000
#: A single access date or archive note after the last sentence makes a reference list
#: only if no more than this follows it (a one-reference article and its link lines).
_MAX_SINGLE_TAIL = 600
#: How far before a lone signature its reference's quoted title may start.
_SINGLE_TITLE_REACH = 400
#: Lines walked back over from the first reference (see-also and undated references).
_MAX_WALK_LINES = 40

_TOKEN = _lazyre.lazy_compile(r"\p{L}[\p{L}'’\-]*+")
# Function words are lower case in titles too, so they say nothing about prose.
_STOPWORDS = frozenset(
    "a an and or the of in on at for to by with from as into via vs de la le du von van der"
    " del di da et".split()
)
_PROSE_MARKERS = frozenset(
    "is was were are be been being has had have having it its he she they we his her their"
    " them him which who whom whose said says would could should will can did does do not".split()
)
_CLOSED = _lazyre.lazy_compile(r"[.!?…][\"”’'\)\]]{0,3}$")
_ENDS_SENTENCE = _lazyre.lazy_compile(r"[.!?…][\"”’'\)\]]{0,3}(?:\[[^\[\]]{1,30}\])?$|[\"”’'\)]\.$")
# A whole unit in quotes closed before the period ("Title".) is how citations print
# titles; prose quoting a whole sentence closes after the period ("...".).
_QUOTED_TITLE = _lazyre.lazy_compile(r"^[\"“‘'].*[\"”’'][.!?]$")
# A quotation closing the unit before its period: the opening quote is found by
# excluding quote characters from the quoted run (no backtracking across quotes).
_TRAILING_TITLE = _lazyre.lazy_compile(r"(?:\"[^\"]*+\"|“[^“”]*+”)\.$")


@dataclass(frozen=True, slots=True)
class Boundary:
    """Where the back matter starts, how sure the shape makes it, and why."""

    offset: int
    confidence: float
    reason: str


def find_back_matter(text: str) -> int | None:
    """Offset where the back matter (see also, references, links) starts, or None."""
    found = locate_back_matter(text)
    return None if found is None else found.offset


def locate_back_matter(text: str) -> Boundary | None:
    """The start of the back matter with a confidence, from the shape of what follows.

    A heading line ("References", "External links") with no long prose after
    it decides (0.95). Otherwise the reference list is the chain of citation
    signatures that runs to the end of the text: the more weight it carries,
    the surer (0.6 to 0.9); a single access date or archive note counts only
    after a quoted title and near the end (0.55: a one-reference article).
    The start is then walked back over the fragments, never prose, before
    the first signature: see-also lines and undated references, line by line
    when the text has lines.
    """
    heading = _heading_boundary(text)
    if heading is not None:
        return heading
    by_lines = _line_boundary(text)
    if by_lines is not None:
        return by_lines
    return _chain_boundary(text)


def _chain_boundary(text: str) -> Boundary | None:
    """The start of the chain of signatures that runs to the end, walked back over fragments."""
    chain = _first_reference_signature(text)
    if chain is None:
        return None
    first, weight = chain
    boundary = _walk_back_over_fragments(text, first)
    if boundary <= 0 or not text[:boundary].strip():
        return None
    if weight < _MIN_WEIGHT:
        return Boundary(boundary, 0.55, "a single reference after the last sentence")
    confidence = min(0.9, 0.6 + 0.05 * (weight - _MIN_WEIGHT))
    return Boundary(boundary, round(confidence, 2), f"a reference list (citation signatures of weight {weight})")


@lru_cache(maxsize=1)
def _heading_names() -> frozenset[str]:
    raw = resources.files("nlmg_facts.data").joinpath("citations.json").read_text(encoding="utf-8")
    return frozenset(n.lower() for n in json.loads(raw)["back_matter_headings"]["headings"])


#: Longest heading line looked at (a line of a few words).
_MAX_HEADING = 40


def _heading_boundary(text: str) -> Boundary | None:
    """The first back-matter heading line after which no prose paragraph follows.

    A heading is a line of its own after a line break, not at the very start
    ("References", "External links:"); lines are scanned with plain string
    operations, so a text without line breaks costs nothing.
    """
    names = _heading_names()
    headings: list[tuple[int, int]] = []  # (line start, line end) of each heading line
    pos = text.find("\n")
    while pos >= 0:
        start = pos + 1
        nxt = text.find("\n", start)
        stop = len(text) if nxt < 0 else nxt
        line = text[start:stop]
        if len(line) <= _MAX_HEADING and line.strip().rstrip(":").lower() in names and text[:start].strip():
            headings.append((start, stop))
        pos = nxt
    # The first heading from which on no section holds a paragraph, nor more lone
    # sentences than references (a sentence may be a note or a link's description).
    ok_from = None
    for i in range(len(headings) - 1, -1, -1):
        stop = headings[i + 1][0] if i + 1 < len(headings) else len(text)
        scores = [_line_score(text[s:e])[0] for s, e in _line_spans(text, headings[i][1], stop)]
        if any(x <= -3 for x in scores) or sum(x < 0 for x in scores) > sum(x > 0 for x in scores) + 1:
            break
        ok_from = i
    if ok_from is None:
        return None
    start, stop = headings[ok_from]
    line = text[start:stop]
    return Boundary(start + len(line) - len(line.lstrip()), 0.95, f"the heading {line.strip()!r}")


def _line_spans(text: str, lo: int = 0, hi: int | None = None) -> list[tuple[int, int]]:
    hi = len(text) if hi is None else hi
    out, pos = [], lo
    while pos < hi:
        nl = text.find("\n", pos, hi)
        stop = hi if nl < 0 else nl
        if text[pos:stop].strip():
            out.append((pos, stop))
        pos = stop + 1
    return out


def _is_prose_line(line: str) -> bool:
    """A paragraph line: a prose sentence in it, and no citation signature."""
    if len(line) > 20_000:
        return True  # a whole run-on article on one line
    if any(p.search(line) for p in _SIGNATURES.values()):
        return False
    units = segment(line, 0, len(line))
    return any(_is_prose(line[s:e]) for s, e in units)


# ------------------------------------------------------------------ a line per paragraph or reference

#: Fewest lines for the text to be read line by line.
_MIN_LINES = 4
#: Least score of the lines from the boundary to the end (a reference line scores 2).
_MIN_LINE_SCORE = 3
#: See-also titles walked back over, at most, before the first reference line.
_MAX_SEE_ALSO_LINES = 15
# A short citation on a line of its own: "Rahm, Urs (1990); pp. 453-454", "Eicher, p. 322.",
# "Gelman (2005, p 2)", "Linden 1996, p. 7".
_SHORT_LINE = _lazyre.lazy_compile(
    r"""
    ^(?:\p{Lu}[\p{L}'’.\-]*+(?:,?\s(?:and\s|&\s|et\sal\.?|van\s|von\s|de\s)?\p{Lu}[\p{L}'’.\-]*+){0,6}
        (?:;\s\p{Lu}[\p{L}'’.\-]*+(?:,?\s\p{Lu}[\p{L}'’.\-]*+){0,3}){0,6})
    ,?\s
    (?:\(\d{4}[a-z]?(?:,\sp{1,2}\.?\s?[\dxvil]+(?:[–\-]\d+)?)?\)(?:[;,:]?\s?(?:pp?\.|pg\.)?\s?[\dxvil]+(?:[–\-]\d+)?)?
      |\d{4}[a-z]?(?:,\s(?:pp?\.|pg\.)\s?[\dxvil]+(?:\s?[–\-,]\s?\d+)*)?
      |(?:pp?\.|pg\.)\s?[\dxvil]+(?:\s?[–\-,]\s?\d+)*)
    [.;]?$
    """,
    regex.VERBOSE,
)
# A quoted title opening the line: '"Title". Work.' (web and news references).
_QUOTED_START = _lazyre.lazy_compile(r"^[\"“][^\"“”]{3,300}[\"”][.,]")
# Page, volume and identifier marks that prose rarely prints.
_LOCATOR_MARK = _lazyre.lazy_compile(r"\b(?:pp?|pg)\.\s?[\dxvil]+|\bISBN\b|\bVol\.\s?\d|\bdoi:|\bOCLC\b")
_END_PUNCT = _lazyre.lazy_compile(r"[.:,;!?]$")


def _line_score(line: str) -> tuple[int, bool]:
    """How much a line says "reference list" (positive) or "body" (negative), and if it is sure."""
    kinds = {kind for kind, pattern in _SIGNATURES.items() if pattern.search(line)}
    if any(_WEIGHT[k] >= 2 for k in kinds):
        return 2, True
    units = segment(line, 0, len(line))
    prose = sum(1 for s, e in units if _is_prose(line[s:e]))
    if prose >= 2 or (prose == 1 and len(_TOKEN.findall(line)) >= 30):
        return -3, False  # a paragraph
    if kinds or _SHORT_LINE.match(line) or _QUOTED_START.match(line):
        return 2, True
    if _LOCATOR_MARK.search(line):
        return 1, False
    return (-1 if prose else 0), False


def _line_boundary(text: str) -> Boundary | None:
    """A text with a line per paragraph and per reference: the best-scoring run of final lines.

    Each line scores by its shape (a reference +2, a paragraph -3, a lone prose
    sentence -1, a bare title 0); the back matter is the suffix of lines with
    the highest total, from its first reference line, walked back over bare
    see-also titles. A line holding both prose and references is cut inside.
    """
    lines = _line_spans(text)
    if len(lines) < _MIN_LINES or max(e - s for s, e in lines) > 20_000:
        return None
    scores = [_line_score(text[s:e]) for s, e in lines]
    total, best, best_at, strong = 0, 0, None, False
    for i in range(len(lines) - 1, -1, -1):
        total += scores[i][0]
        strong = strong or scores[i][1]
        if total > best and strong:
            best, best_at = total, i
    if best_at is None or best < _MIN_LINE_SCORE or best_at == 0:
        return None
    start = lines[best_at][0]
    # References run on after prose on the same line: the signature chain cuts it.
    chained = _chain_boundary(text)
    if chained is not None and start < chained.offset < lines[best_at][1] and any(
        _is_prose(text[s:e]) and len(_TOKEN.findall(text, s, e)) >= 8 for s, e in segment(text, start, chained.offset)
    ):  # (a sentence-case title such as "Safety and health in agriculture." is no paragraph)
        start = chained.offset
    else:
        i = best_at
        while i > 1 and best_at - i < _MAX_SEE_ALSO_LINES and _see_also_title(text[slice(*lines[i - 1])]) \
                and scores[i - 1][0] == 0:
            i -= 1
        start = lines[i][0]
    start += len(text[start:]) - len(text[start:].lstrip())
    if not text[:start].strip():
        return None
    confidence = round(min(0.9, 0.5 + 0.05 * best), 2)
    return Boundary(start, confidence, f"the lines from here on read as references (score {best})")


def _see_also_title(line: str) -> bool:
    """A bare title line: a few words, no sentence punctuation at its end."""
    line = line.strip()
    return 0 < len(_TOKEN.findall(line)) <= 10 and not _END_PUNCT.search(line)


# ------------------------------------------------------------------ a chain of signatures


def _first_reference_signature(text: str) -> tuple[int, int] | None:
    """Start and weight of the dense chain of signatures that runs to the end, if any."""
    # Walk the signatures from the end: the chain is the last run whose gaps stay small.
    chain_start: int | None = None
    chain_weight = 0
    strong = False
    prev_start: int | None = None
    for start, end, kind in _reverse_signatures(text):
        if prev_start is None:
            tail = len(text) - end
            if tail > _MAX_TAIL and (tail > _MAX_LOOSE_TAIL or _prose_share(text, end, len(text)) > 0.5):
                return None
        elif prev_start - end > _MAX_GAP:
            # Undated entries between two dated ones: a longer gap, if it is not prose.
            if prev_start - end > _MAX_LOOSE_GAP or _prose_share(text, end, prev_start) > 0.3:
                break
        chain_start, prev_start = start, start
        chain_weight += _WEIGHT[kind]
        strong = strong or _WEIGHT[kind] >= 2
    if chain_start is None or not strong:
        return None
    if chain_weight < _MIN_WEIGHT and not _lone_reference(text, chain_start):
        return None
    return chain_start, chain_weight


_LONE_TITLE = _lazyre.lazy_compile(r"[\"“][^\"“”\n]{3,200}[\"”]\.\s")


def _lone_reference(text: str, sig: int) -> bool:
    """One access date or archive note: a reference only after a quoted title, near the end."""
    if len(text) - sig > _MAX_SINGLE_TAIL:
        return False
    return _LONE_TITLE.search(text, max(0, sig - _SINGLE_TITLE_REACH), sig) is not None


def _prose_share(text: str, start: int, end: int) -> float:
    """Share of the characters of ``text[start:end]`` in units that read as prose sentences."""
    units = segment(text, start, end)
    total = sum(e - s for s, e in units)
    prose = sum(e - s for s, e in units if _is_prose(text[s:e]))
    return prose / total if total else 0.0


def _reverse_signatures(text: str) -> list[tuple[int, int, str]]:
    """Every signature as (start, end, kind), last first (linear: one scan per kind)."""
    found = [
        (m.start(), m.end(), kind) for kind, pattern in _SIGNATURES.items() for m in pattern.finditer(text)
    ]
    found.sort(reverse=True)
    return found


def _walk_back_over_fragments(text: str, first_sig: int) -> int:
    """Start of the back matter: after the last prose sentence before ``first_sig``.

    Within the line of the first signature the walk goes unit by unit; when it
    reaches that line's start, it goes on line by line over lines that hold no
    prose sentence (a line per reference or see-also title).
    """
    line_start = text.rfind("\n", 0, first_sig) + 1
    window = max(line_start, first_sig - _MAX_WALK)
    units = segment(text, window, first_sig)
    if window > line_start and units:
        units = units[1:]  # the first unit may be cut in half by the window
    if not units:
        start = first_sig
    else:
        s, e = units[-1]
        if _CLOSED.search(text, s, e):
            # The signature opens its own unit: every unit before it is a candidate.
            start = first_sig
        else:
            # "Surname, Given (8 October 2010)": the reference starts with the unit.
            start, units = s, units[:-1]
        for s, e in reversed(units):
            if _is_prose(text[s:e]):
                return start
            start = s
        if window > line_start:
            return first_sig
    if line_start == 0:
        # Only fragments within reach, at the start of the text: no body at all.
        return 0
    return _walk_back_over_lines(text, line_start)


def _walk_back_over_lines(text: str, line_start: int) -> int:
    """Start of the earliest line before ``line_start`` after the last prose line."""
    start = line_start
    lo = max(0, line_start - _MAX_WALK)
    lines = _line_spans(text, lo, line_start)
    if lo > 0 and lines:
        lines = lines[1:]
    if len(lines) > _MAX_WALK_LINES:
        lines, lo = lines[-_MAX_WALK_LINES:], 1
    for s, e in reversed(lines):
        if _is_prose_line(text[s:e]):
            return start
        start = s + (len(text[s:e]) - len(text[s:e].lstrip()))
    # No prose within reach: at the start of the text there is no body at all;
    # otherwise keep the body up to the first reference's line.
    return 0 if lo == 0 else line_start


def _is_prose(unit: str) -> bool:
    """A sentence of running text: punctuated end, and mostly lower-case content words."""
    if not _ENDS_SENTENCE.search(unit) or _QUOTED_TITLE.match(unit):
        return False
    if len(_TOKEN.findall(unit)) < 4:
        return False
    title = _TRAILING_TITLE.search(unit)
    if title is not None:
        # 'Cinema of Ireland "Work begins on the drama".' is a see-also line and a
        # citation title, 'one calling it "a quiet triumph".' is prose: judge the
        # words before the quotation, the quoted words may be in sentence case.
        return _looks_like_prose(unit[: title.start()])
    return _looks_like_prose(unit)


#: Past-tense verbs that do not end in -ed, common in encyclopedic sentences.
_IRREGULAR_PAST = frozenset(
    "won made became began took wrote gave held led left met ran sold told found brought built bought chose"
    " drew fell grew kept knew lost paid rose sang saw spent stood taught thought threw went came".split()
)
# A lower-case past tense or participle ("named", "released", "designated").
_PAST = _lazyre.lazy_compile(r"^\p{Ll}{3,}ed$")


def _looks_like_prose(words: str) -> bool:
    tokens = _TOKEN.findall(words)
    # Auxiliaries and pronouns written in lower case occur in sentences, not in
    # title-cased names of works, lists or publishers.
    if any(t in _PROSE_MARKERS for t in tokens):
        return True
    # A title-cased sentence ("X won the Y Award in 1987 for Best Z.") still has
    # its verb in lower case between capitalised words.
    if len(tokens) >= 6 and any(t in _IRREGULAR_PAST or _PAST.match(t) for t in tokens[1:]):
        return True
    content = [t for t in tokens if t.lower() not in _STOPWORDS]
    if not content:
        return False
    return sum(1 for t in content if t[0].islower()) / len(content) >= 0.5
