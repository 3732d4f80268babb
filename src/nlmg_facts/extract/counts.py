"""Counts: 'four theatres', '44,911 units', 'Nearly thirty film extras', '96-page' -> CountValue.

A count needs a counted noun right after the number (up to two modifiers:
"three main characters", "300 other films"); the noun is reported as a
singular lower-case lemma. Not counts: years ("2010"), numbers glued to
words ("Film4"), ordinals, money, percentages, ratings, durations, ages
("12-year-olds"), partitives ("three of the films") and vague amounts
("a few missteps"). "one" counts only before a plain noun ("one viewer").
"""

from __future__ import annotations

from functools import cache
from typing import Iterator

import regex

from .. import _lazyre
from ..models import CountValue, Document
from .base import Mention
from .quantity import (
    tidy, DIGITS_RE, SCALE_WORD_RE, anchors, half_step, interval, load_data,
    joined_to_number, qualifier_before, range_interval, range_low_before, scale_factor, words_value,
)
from .dates import four_digits_are_no_year
from .numbers import CARDINAL_WORD_RE, parse_cardinal_words, parse_ordinal

_YEAR_LIKE = _lazyre.lazy_compile(r"1[0-9]{3}|20[0-9]{2}")
_LAST_TOKEN = _lazyre.lazy_compile(r"(\S+)\s+$")

PRIORITY = 10
#: Words before a four-digit number that make it a year modifying the noun, not a count.
_YEAR_DETERMINERS = frozenset("the its his her their this that these those our my your".split())
#: How many lower-case words after the number may hold the counted noun.
_MAX_WORDS = 3

_PATTERN = _lazyre.lazy_compile(
    rf"""
    (?<![\w$£€¥.,/#:+])(?<![^\d]-|^-)         # not glued to a word, a number or a symbol (Film4, US$5, -5)
    (?:
        (?P<num>{DIGITS_RE})(?:\s+(?P<scale>{SCALE_WORD_RE})\b)?
      | (?P<words>{CARDINAL_WORD_RE}(?:\s+{SCALE_WORD_RE})?)\b
    )
    (?![\w%/]|[.,]\d|\s?%|\s?°|'s\b)          # not 37th, 45%, 6.8/10, 1970s, 2010's
    (?:
        -(?-i:(?P<adj>[a-z]+))(?![\w\-])      # 96-page, four-word
      | (?-i:(?P<rest>(?:\s+[a-z][a-z'\-]*[a-z]|\s+[a-z]){{1,{_MAX_WORDS}}}))
    )
    """,
    regex.VERBOSE | regex.IGNORECASE,
)

_WORD = _lazyre.lazy_compile(r"[a-z][a-z'\-]*[a-z]|[a-z]")


@cache
def _lexicon() -> tuple[frozenset[str], frozenset[str], dict[str, str], dict[str, str]]:
    data = load_data("quantities.json")
    fractions = {"half", "halves", "third", "thirds", "quarter", "quarters", "fifth", "fifths",
                 "sixth", "sixths", "tenth", "tenths", "hundredth", "hundredths"}
    not_nouns = frozenset(data["count_not_nouns"]) | fractions
    currencies = load_data("currencies.json")
    money_words = {w for name in [*currencies["names"], *currencies["names_need_scale"], *currencies["minor"]]
                   for w in name.split()}
    return (
        not_nouns | frozenset(money_words),
        frozenset(data["count_stopwords"]),
        data["irregular_plurals"],
        data["singular_exceptions"],
    )


def singular(word: str) -> str:
    """Plural -> singular for counted nouns: theatres -> theatre, stories -> story, people -> person."""
    w = word.lower()
    _, _, irregular, exceptions = _lexicon()
    if w in irregular:
        return irregular[w]
    if w in exceptions:
        return exceptions[w]
    if w.endswith("ies") and len(w) > 4:
        return w[:-3] + "y"
    if w.endswith(("ches", "shes", "sses", "xes", "zzes")):
        return w[:-2]
    if w.endswith("s") and not w.endswith(("ss", "us", "is")):
        return w[:-1]
    return w


def _looks_plural(word: str) -> bool:
    w = word.lower()
    _, _, irregular, _ = _lexicon()
    if w in irregular:
        return True
    return w.endswith("s") and not w.endswith(("ss", "us", "is", "ous", "'s")) and len(w) > 2


def _is_year(numeral: str | None, scale: str | None) -> bool:
    return bool(numeral and not scale and _YEAR_LIKE.fullmatch(numeral))


def _previous_word(text: str, start: int) -> str:
    m = _LAST_TOKEN.search(text[max(0, start - 30) : start])
    return m.group(1) if m else ""


def _is_number_word(word: str) -> bool:
    """'first', 'two', 'seventies', 'tens': number words cannot be the counted noun."""
    w = word.lower()
    return (
        parse_cardinal_words(w) is not None
        or parse_ordinal(w) is not None
        or (w.endswith("ies") and parse_cardinal_words(w[:-3] + "y") is not None)
        or (w.endswith("s") and parse_cardinal_words(w[:-1]) is not None)
    )


def _noun(m: regex.Match[str], amount: float) -> tuple[str, int] | None:
    """(singular noun, end offset of the noun) or None when no counted noun follows."""
    not_nouns, stop, _, _ = _lexicon()
    if m.group("adj"):
        adj = m.group("adj").lower()
        if adj in not_nouns or adj in stop or _is_number_word(adj):
            return None
        return adj, m.end("adj")
    offset = m.start("rest")
    words = [(w.group(0), offset + w.start(), offset + w.end()) for w in _WORD.finditer(m.group("rest"))]
    for i, (word, _, end) in enumerate(words):
        lower = word.lower()
        if lower in stop or lower in not_nouns or lower.endswith("'s") or _is_number_word(lower):
            return None
        if amount == 1:
            if "-" in lower:
                return None  # "one well-designed ...": an adjective, the noun is out of reach
            # "one viewer": the first word is the noun; plural after "one" is not a count.
            return (None if _looks_plural(lower) else (lower, end))
        if _looks_plural(lower):
            return singular(lower), end
        if i == _MAX_WORDS - 2:
            return None  # at most two modifiers before the noun
    return None


_NO_COUNT = (0.0, 0.0, -1)  # a lower end that makes the whole match no count


def _range_low(m: regex.Match[str], text: str, stated: float, factor: float) -> tuple[float, float, int] | None:
    """(stated, half_step, start) of a range's lower end before the match: "20–25 screens".

    ``_NO_COUNT`` when numbers are joined by a dash but do not make a range
    ("the 3–1 win", "2009–10 seasons", "747-400 jets"): a score, a season or a
    model number, so no count at all rather than a count of its second half.
    """
    found = range_low_before(text, m.start())
    if found is None:
        return _NO_COUNT if joined_to_number(text, m.start()) else None
    digits, words, start = found
    if digits is not None:
        if _is_year(digits, None) or "." in digits:
            return _NO_COUNT
        low = float(digits.replace(",", ""))
        # "2–3 million viewers": the scale word after the upper end applies to both.
        if factor > 1 and low * factor < stated:
            return low * factor, half_step(digits, factor), start
        return (low, half_step(digits), start) if low < stated else _NO_COUNT
    n = parse_cardinal_words(words or "")
    if n is None:
        return _NO_COUNT
    low = float(n) * factor
    if low < 100 <= stated and "hundred" in (m.group("words") or "").lower():
        low *= 100  # "between two and three hundred": 200 to 300
    return (low, half_step(None, factor), start) if low < stated else _NO_COUNT


def _value(m: regex.Match[str], text: str, qual: tuple[str, int] | None) -> tuple[CountValue, int, int] | None:
    """(value, start, noun end) of a count match, or None when it is no count."""
    scale = m.group("scale")
    if m.group("num"):
        numeral = m.group("num")
        if "." in numeral and not scale:
            return None  # a decimal (2.5 stars) that no count has
        if _is_year(numeral, scale) and (
            not four_digits_are_no_year(text, m.start(), m.end("num"))
            or _previous_word(text, m.start()).lower() in _YEAR_DETERMINERS
        ):
            # A year: the date extractor claims it ("1500 employees" it leaves to us);
            # after a determiner it modifies the noun ("the 2010 films", "her 2008 films").
            return None
        factor = scale_factor(scale)
        stated = tidy(float(numeral.replace(",", "")) * factor)
        slack = half_step(numeral, factor)
    else:
        wv = words_value(m.group("words"))
        if wv is None:
            return None
        stated, factor = wv
        slack = half_step(None, factor)
    first = m.group("num") or m.group("words")
    lower_end = _range_low(m, text, stated, factor)
    if lower_end == _NO_COUNT:
        return None
    start = m.start() if lower_end is None else lower_end[2]
    if lower_end is not None:
        qual = qualifier_before(text, start)
    prev = "" if qual else _previous_word(text, start)
    if (prev[:1].isupper() and prev[-1:] not in ".!?:;\"”" and prev.lower().strip(",") not in _lexicon()[1]
            and not prev.endswith(("'s", "’s"))):  # "Doe's twelve novels": a possessive, not a name
        return None  # "Chapter 3 covers", "Apollo 11 crew": a name, not a count
    if stated == 1 and first.lower() == "one" and prev.lower() in {"no", "any", "every", "the", "that", "this", "which"}:
        return None
    found = _noun(m, stated)
    if found is None:
        return None
    noun, end = found
    cls = qual[0] if qual else None
    if lower_end is not None:
        # A range states its lower end first: stated is that end, the interval spans both.
        low, high = range_interval(lower_end[:2], (stated, slack), cls)
        stated = lower_end[0]
    else:
        low, high = interval(stated, slack, cls)
    value = CountValue(stated=stated, low=low, high=high, qualifier=cls, noun=noun)
    return value, (qual[1] if qual else start), end


@cache
def _noun_before_pattern() -> regex.Pattern[str]:
    words = "|".join(sorted(load_data("quantities.json")["count_nouns_before"], key=len, reverse=True))
    return _lazyre.compile(
        rf"""\b(?:[Tt]he|[Ii]ts|[Tt]heir)\s+(?:[a-z]+['’]s\s+)?(?P<word>{words})   # its own: "the town's population"
        \s+(?:was|is|of|stood\s+at|stands\s+at|reached|totalled|totaled|numbered|grew\s+to|rose\s+to|fell\s+to)
        (?:\s+(?:about|around|approximately|roughly|some|nearly|almost|over|more\s+than|under|fewer\s+than))?
        \s+$""",
        regex.VERBOSE | regex.IGNORECASE,
    )


_BARE_NUMBER = _lazyre.lazy_compile(rf"(?P<num>{DIGITS_RE})(?![\w%]|[.,]\d|\s?%)")


def _noun_before(text: str, at: int, stop: int, qual: tuple[str, int] | None) -> Mention | None:
    """'The population was 2,954': a count whose noun is the word before the number.

    Only the article's own ("the", "its", "the town's"): "Leeds's population was" is another place's.
    """
    m = _BARE_NUMBER.match(text, at, stop)
    if m is None or _is_year(m.group("num"), None):
        return None
    b = _noun_before_pattern().search(text[max(0, at - 80) : at])
    if b is None:
        return None
    numeral = m.group("num")
    stated = tidy(float(numeral.replace(",", "")))
    low, high = interval(stated, half_step(numeral, 1.0), qual[0] if qual else None)
    noun = load_data("quantities.json")["count_nouns_before"][b.group("word").lower()]
    value = CountValue(stated=stated, low=low, high=high, qualifier=qual[0] if qual else None, noun=noun)
    return Mention("count", qual[1] if qual else at, m.end(), value, PRIORITY)


def find(text: str, start: int = 0, end: int | None = None) -> Iterator[Mention]:
    stop = len(text) if end is None else end
    last = start
    for at in anchors(text, start, stop):
        if at < last:
            continue
        m = _PATTERN.match(text, at, stop)
        qual = qualifier_before(text, at if m is None else m.start())
        found = None if m is None else _value(m, text, qual)
        if found is None:
            before = _noun_before(text, at, stop, qual)
            if before is not None:
                yield before
                last = before.end
            continue
        value, mention_start, noun_end = found
        yield Mention("count", mention_start, noun_end, value, PRIORITY)
        last = noun_end


def extract(doc: Document) -> Iterator[Mention]:
    yield from find(doc.text, doc.body.start, doc.body.end)
