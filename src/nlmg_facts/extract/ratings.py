"""Ratings and scores: '6.8/10', '69 out of 100', 'two-out-of-four-star', 'rated it a C+' -> RatingValue.

Letter grades are taken only where the words around say they are grades
("rated it a C+", "a grade of B-", "gave the film an A"), never a bare capital.
``normalized`` is score/scale; for letters it is the grade's position on the
F, D-, D, D+, ... A, A+ ladder divided by 12 (F = 0, C+ = 0.5, A+ = 1).
"""

from __future__ import annotations

from typing import Iterator

import regex

from .. import _lazyre
from ..models import Document, RatingValue
from .base import Mention
from .numbers import CARDINAL_WORD_RE, parse_cardinal_words
from .quantity import anchors, letter_anchors

_PLURAL_NOUN_AFTER = _lazyre.lazy_compile(r"\s+[a-z]+s\b")

PRIORITY = 40

_LADDER = ["F", "D-", "D", "D+", "C-", "C", "C+", "B-", "B", "B+", "A-", "A", "A+"]
#: Scales a "score/scale" or "score out of scale" may be stated on.
_SCALES = {4.0, 5.0, 10.0, 20.0, 100.0}

_NUM = rf"(?:\d{{1,3}}(?:\.\d+)?|{CARDINAL_WORD_RE})"
_HALF = r"(?:\s*½|\s+and\s+a\s+half)"

#: Words that make a bare "4/5" or "three stars" a rating.
_CONTEXT = _lazyre.lazy_compile(
    r"\b(?:rat(?:ing|ings|ed|es)|scor(?:e|ed|es|ing)|reviews?|reviewed|gave|give|gives|giving|"
    r"awarded|grade[sd]?|stars?|verdict|marks?|critics?|metacritic|aggregat\w*)\b",
    regex.IGNORECASE,
)

_PATTERN = _lazyre.lazy_compile(
    rf"""
    (?<![\w./\-])
    (?:
        # 1. score/scale: 6.8/10, 4/5, 8 / 10 (not 9/11/2001, not 1/4 point without context)
        (?P<score>\d{{1,3}}(?:\.\d+)?)\s?/\s?(?P<scale>100|10|20|5|4)(?![\d/]|\.\d|\w)
      |
        # 2. hyphenated: two-out-of-four-star, 3-out-of-5-star
        (?P<score>{_NUM})(?P<half>{_HALF})?-out-of-(?P<scale>{_NUM})-stars?\b
      |
        # 3. score out of scale: 69 out of 100, three stars out of five, 4 out of 5 stars
        (?P<score>{_NUM})(?P<half>{_HALF})?(?:\s+(?P<unit>stars?|points?))?\s+out\s+of\s+
        (?:a\s+(?:possible\s+|maximum\s+(?:of\s+)?)?)?(?P<scale>{_NUM})(?:\s+(?P<unit2>stars?|points?))?\b
      |
        # 4. star count without scale: a four-star review, three and a half stars, 3½ stars
        (?P<score>{_NUM})(?P<half>{_HALF})?(?P<hyphen>[\s\-])(?P<unit>stars?)\b
      |
        # 5. star glyphs: ★★★½ or ★★★☆☆
        (?P<glyphs>★{{1,5}})(?P<half>½)?(?P<empty>☆{{0,5}})
    )
    """,
    regex.VERBOSE | regex.IGNORECASE,
)

#: What must come right before a letter grade: a grading verb or "grade of"
#: ("rated it a C+", "gave the film an A", "a grade of B-"), matched up to the
#: letter (the pattern ends at \Z and is searched in the text before it).
_LETTER_BEFORE = _lazyre.lazy_compile(
    r"""
    (?:
        \b(?:rated|rates|rating|graded|grades|gave|gives|give|giving|given|awarded|assigned|
            earned|earning|received|receiving|scored)
        \s+(?:(?:it|this|the\s+(?:film|movie|show|album|book|series|episode|game|play|record))\s+)?
        (?:(?:an?|its)\s+)?(?:(?:average|overall|rare)\s+)?(?:(?:grade|rating|score)\s+of\s+(?:an?\s+)?)?
      | \bgrade\s+of\s+(?:an?\s+)?
    )
    ["“'‘]?\Z
    """,
    regex.VERBOSE | regex.IGNORECASE,
)
#: The letter itself (at a letter anchor), and what may follow it.
_LETTER = _lazyre.lazy_compile(
    r"""
    (?P<letter>(?-i:[A-DF])(?:[+\-−–](?![\w+]))?)(?![\w+])
    (?P<follow>["”'’]?(?=\s*(?:[.,;:!?)\]]|$|\s(?:grade|rating|score|from|on|in|for|and|but|while|with|as|after|despite)\b)))?
    """,
    regex.VERBOSE | regex.IGNORECASE,
)
#: "a B+ grade": the letter between an article and grade/rating.
_LETTER_ARTICLE = _lazyre.lazy_compile(r"\b(?:an?)\s\Z", regex.IGNORECASE)
_GRADE_AFTER = _lazyre.lazy_compile(r"\s+(?:grade|rating)\b", regex.IGNORECASE)


def _number(text: str) -> float | None:
    t = text.strip()
    try:
        return float(t)
    except ValueError:
        n = parse_cardinal_words(t)
        return None if n is None else float(n)


def _letter_value(letter: str) -> RatingValue:
    norm = letter.replace("−", "-").replace("–", "-")
    pos = _LADDER.index(norm) if norm in _LADDER else None
    return RatingValue(letter=norm, normalized=None if pos is None else round(pos / 12, 4))


def _has_context(text: str, start: int, end: int) -> bool:
    return bool(_CONTEXT.search(text[max(0, start - 80) : start]) or _CONTEXT.match(text[end : end + 12].lstrip()))


def _value(m: regex.Match[str], text: str) -> RatingValue | None:
    if m.group("glyphs"):
        score = len(m.group("glyphs")) + (0.5 if m.group("half") else 0.0)
        empty = len(m.group("empty") or "")
        scale = float(len(m.group("glyphs")) + empty + (1 if m.group("half") else 0)) if empty else None
        return RatingValue(score=score, scale=scale, normalized=round(score / scale, 4) if scale else None)
    score = _number(m.group("score"))
    if score is None:
        return None
    if m.group("half"):
        score += 0.5
    scale_text = m.group("scale")
    scale = _number(scale_text) if scale_text else None
    decimal = "." in m.group("score")
    if scale is None:
        # "a four-star review": needs rating words around (not "four-star general").
        if m.group("hyphen") == "-" and not _has_context(text, m.start(), m.end()):
            return None
        if m.group("hyphen") != "-" and not _has_context(text, m.start(), m.end()):
            return None
        return RatingValue(score=score)
    if scale not in _SCALES or score > scale:
        return None
    stars = m.group("unit") or m.group("unit2")
    if "/" in m.group(0):
        if not decimal and not _has_context(text, m.start(), m.end()):
            return None  # "1/4 point", "3/4 of the cast": fractions, not scores
    elif "-out-of-" not in m.group(0).lower() and not stars:
        # "69 out of 100" is a score; "37 out of 40 critics" is a proportion.
        after = text[m.end() : m.end() + 20]
        if _PLURAL_NOUN_AFTER.match(after) or not _has_context(text, m.start(), m.end()):
            return None
    return RatingValue(score=score, scale=scale, normalized=round(score / scale, 4))


def find(text: str, start: int = 0, end: int | None = None) -> Iterator[Mention]:
    stop = len(text) if end is None else end
    last = start
    for at in anchors(text, start, stop):
        if at < last:
            continue
        window = text[at : at + 48]
        if "/" not in window and "out" not in window and "star" not in window and "★" not in window:
            continue  # every rating form has one of these right after its number
        m = _PATTERN.match(text, at, stop)
        if m is None:
            continue
        value = _value(m, text)
        if value is not None:
            yield Mention("rating", m.start(), m.end(), value, PRIORITY)
            last = m.end()
    for at in letter_anchors(text, start, stop):
        m = _LETTER.match(text, at, stop)
        if m is None:
            continue
        before = text[max(0, at - 80) : at]
        # A signed grade ("C+") is unambiguous after a grading verb; a bare
        # capital must also end its phrase ("gave it an A.", not "gave it A Name").
        signed = len(m.group("letter")) > 1
        graded = (signed or m.group("follow") is not None) and _LETTER_BEFORE.search(before)
        if graded or (_LETTER_ARTICLE.search(before) and _GRADE_AFTER.match(text, m.end("letter"))):
            yield Mention("rating", at, m.end("letter"), _letter_value(m.group("letter")), PRIORITY)


def extract(doc: Document) -> Iterator[Mention]:
    yield from find(doc.text, doc.body.start, doc.body.end)
