"""Sentence segmentation of article prose into character spans (linear time)."""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources

import regex

from .. import _lazyre

# A candidate boundary is terminal punctuation, whatever closes with it, and
# whitespace; whether it really ends a sentence is decided by looking at the
# word before and the word after (bounded look-around, so the pass is linear).
_CANDIDATE = _lazyre.lazy_compile(
    r"""
    (?:
        # Only the first character of a run of terminal punctuation may start a
        # match; otherwise a long run of dots is rescanned from every position.
        (?<![.!?…])
        (?P<punct>[.!?…]++)
        # Closing quotes and brackets belong to the sentence they close: ." .” ’. ).
        (?P<close>["”’'\)\]]{0,3})
        # Logical quotation puts the period after the quote: "Title".
        (?P<punct2>[.!?](?![.!?…]))?
        # An editorial tag ([sic], [when?], [citation needed]) after the period
        # belongs to the sentence it comments on.
        (?P<tag>\[[^\[\]\n]{1,30}\])?
        (?P<space>\s++)
    |
        # A blank line (paragraph break) always ends a sentence, punctuated or not.
        (?P<para>\n[^\S\n]*+\n\s*+)
    )
    """,
    regex.VERBOSE,
)

# Dotted abbreviations such as U.S, U.K, e.g (the final period is the candidate).
_DOTTED = _lazyre.lazy_compile(r"(?:\p{L}\.)+\p{L}")
_BLANK_LINE = _lazyre.lazy_compile(r"\n[^\S\n]*+\n")
# Opening quotes and brackets that may precede the first letter of a sentence.
_OPENERS = "\"“‘'([«"
# What lies inside the word before a period: letters, digits, inner dots, apostrophes, hyphens.
_WORD_CHARS_LIMIT = 64
# Whitespace and the byte-order mark, skipped before the first sentence.
_LEADING_SPACE = "\ufeff \t\r\n\f\v\u00a0\u2028\u2029"
# Characters that may start a sentence besides letters and digits.
_CURRENCY_STARTS = "$£€¥₹"


@lru_cache(maxsize=1)
def _lexicon() -> tuple[frozenset[str], frozenset[str], frozenset[str], frozenset[str]]:
    data = json.loads(
        resources.files("nlmg_facts.data").joinpath("segmentation.json").read_text("utf-8")
    )
    return (
        frozenset(data["titles"]),
        frozenset(data["ambiguous"]),
        frozenset(data["before_number"]),
        frozenset(data["sentence_starters"]),
    )


def _word_before(text: str, pos: int, lo: int) -> str:
    """The whitespace-delimited token ending at ``pos``, without brackets or quotes."""
    i = pos
    floor = max(lo, pos - _WORD_CHARS_LIMIT)
    while i > floor and not text[i - 1].isspace():
        i -= 1
    return text[i:pos].lstrip(_OPENERS + "—–-").rstrip(")]\"”’'")


def _next_word(text: str, pos: int, hi: int) -> str:
    """The token starting at ``pos`` (bounded), opening quotes and brackets removed."""
    j = pos
    ceiling = min(hi, pos + _WORD_CHARS_LIMIT)
    while j < ceiling and not text[j].isspace():
        j += 1
    return text[pos:j].lstrip(_OPENERS)


def _starts_sentence(word: str) -> bool:
    """Could ``word`` be the first word of a sentence? (upper case, digit, currency)."""
    if not word:
        return False
    c = word[0]
    return c.isupper() or c.isdigit() or c in _CURRENCY_STARTS


def _is_starter(word: str) -> bool:
    core = word.rstrip(".,;:!?\"”’'").lower()
    return core in _lexicon()[3]


def _ends_sentence(prev: str, nxt: str, m: regex.Match) -> bool:
    """Decide one candidate: ``prev`` is the word before the punctuation, ``nxt`` the word after."""
    if not _starts_sentence(nxt):
        # "...", he said / Kathy H. as a child / U.S. by the second week: a lowercase
        # continuation never starts a sentence.
        return False
    punct = m["punct"]
    if punct != "." or m["close"] or m["punct2"] or m["tag"]:
        # ! ? ellipses, quotations ending in ." and tagged sentences: the capital decides.
        return True
    titles, ambiguous, before_number, _ = _lexicon()
    core = prev.lower()
    if len(prev) == 1 and prev.isalpha():
        if prev.isupper():
            # An initial (Jay A. Fernandez) unless a sentence plainly starts (Plan B. The).
            return _is_starter(nxt) and not (len(nxt) >= 2 and nxt[1] == ".")
        return prev not in titles  # v. (versus) continues; other lone letters end
    if "." in prev and _DOTTED.fullmatch(prev):
        # Dotted abbreviations: e.g. and i.e. never end; U.S. and U.K. only before a starter.
        if core in titles:
            return False
        return _is_starter(nxt)
    if core in titles:
        return False
    if core in before_number and nxt[0].isdigit():
        return False
    if core in ambiguous:
        return _is_starter(nxt)
    return True


def segment(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Split ``text[start:end]`` into sentence spans without surrounding whitespace.

    Handles abbreviations and initials, decimals and money (no space after the
    dot), quotations closed after the period (``."``, ``.”``) or before it
    (``".``), lowercase continuations after a quotation, editorial tags such
    as ``[sic]`` and ``[when?]``, ellipses, and paragraph breaks.
    """
    end = len(text) if end is None else min(end, len(text))
    spans: list[tuple[int, int]] = []
    pos = _skip_space(text, start, end)
    for m in _CANDIDATE.finditer(text, pos, end):
        if m["para"] is not None:
            cut, nxt_start = m.start(), m.end()
        else:
            cut = m.start("space")
            nxt_start = m.end()
            prev = _word_before(text, m.start(), pos)
            blank_line = m["space"].count("\n") >= 2 and _BLANK_LINE.search(m["space"])
            if not blank_line and not _ends_sentence(prev, _next_word(text, nxt_start, end), m):
                continue
        if cut > pos:
            spans.append((pos, _rstrip(text, pos, cut)))
        pos = nxt_start
    if pos < end:
        stop = _rstrip(text, pos, end)
        if stop > pos:
            spans.append((pos, stop))
    return spans


def _skip_space(text: str, pos: int, end: int) -> int:
    # A byte-order mark counts as leading space: it is never part of a sentence.
    chunk = text[pos:end]
    return pos + len(chunk) - len(chunk.lstrip(_LEADING_SPACE))


def _rstrip(text: str, lo: int, hi: int) -> int:
    # Slices are per sentence, so the whole pass stays linear.
    return lo + len(text[lo:hi].rstrip())
