"""Finding where the article body ends and the back matter (see also, references, links) begins.

Flattened articles carry no headings, so the boundary is found from the shape
of the text: the reference list is a tail dense with citation signatures
(``(D Month YYYY).``, ``Retrieved D Month YYYY.``, ``Archived ... on``), and
between the last prose sentence and the first dated reference lie only short,
title-like fragments (see-also lines, undated references).
"""

from __future__ import annotations

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
#: Least total weight of the chain that ends the document.
_MIN_WEIGHT = 3
#: Longest tail after the last reference (external links, portal lines).
_MAX_TAIL = 4000
#: How far before the first dated reference the see-also text may reach.
_MAX_WALK = 3000

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


def find_back_matter(text: str) -> int | None:
    """Offset where the back matter (see also, references, links) starts, or None."""
    first = _first_reference_signature(text)
    if first is None:
        return None
    boundary = _walk_back_over_fragments(text, first)
    return boundary if boundary > 0 and text[:boundary].strip() else None


def _first_reference_signature(text: str) -> int | None:
    """Start of the earliest signature of the dense chain that runs to the end, if any."""
    # Walk the signatures from the end: the chain is the last run whose gaps stay small.
    chain_start: int | None = None
    chain_weight = 0
    strong = False
    prev_start: int | None = None
    for start, end, kind in _reverse_signatures(text):
        if prev_start is None:
            if len(text) - end > _MAX_TAIL:
                return None
        elif prev_start - end > _MAX_GAP:
            break
        chain_start, prev_start = start, start
        chain_weight += _WEIGHT[kind]
        strong = strong or _WEIGHT[kind] >= 2
    if chain_start is None or chain_weight < _MIN_WEIGHT or not strong:
        return None
    return chain_start


def _reverse_signatures(text: str) -> list[tuple[int, int, str]]:
    """Every signature as (start, end, kind), last first (linear: one scan per kind)."""
    found = [
        (m.start(), m.end(), kind) for kind, pattern in _SIGNATURES.items() for m in pattern.finditer(text)
    ]
    found.sort(reverse=True)
    return found


def _walk_back_over_fragments(text: str, first_sig: int) -> int:
    """Start of the back matter: after the last prose sentence before ``first_sig``."""
    window = max(0, first_sig - _MAX_WALK)
    units = segment(text, window, first_sig)
    if window > 0 and units:
        units = units[1:]  # the first unit may be cut in half by the window
    if not units:
        return first_sig
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
    # Only fragments within reach. At the start of the text there is no body at
    # all; otherwise keep the body up to the first dated reference.
    return 0 if window == 0 else first_sig


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


def _looks_like_prose(words: str) -> bool:
    tokens = _TOKEN.findall(words)
    # Auxiliaries and pronouns written in lower case occur in sentences, not in
    # title-cased names of works, lists or publishers.
    if any(t in _PROSE_MARKERS for t in tokens):
        return True
    content = [t for t in tokens if t.lower() not in _STOPWORDS]
    if not content:
        return False
    return sum(1 for t in content if t[0].islower()) / len(content) >= 0.5
