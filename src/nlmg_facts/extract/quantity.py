"""Shared by the quantity extractors: amounts, qualifiers, stated precision -> intervals.

Conventions (the data lives in ``data/quantities.json``; tests pin them):

* **Stated precision.** A number is read at the precision it is written with:
  a decimal is good to half its last digit (``9.5 million`` -> 9.45..9.55
  million, ``US$9.90 million`` -> 9.895..9.905 million); an integer mantissa
  with a scale word is good to half a unit of the mantissa (``US$15 million``
  -> 14.5..15.5 million); a plain integer is exact (``163``, ``US$44,500``)
  unless it ends in three or more zeros, which we read as rounded to its last
  non-zero digit, by at most 5% (``£625,000`` -> 624,500..625,500;
  ``US$350,000`` -> 345,000..355,000; ``$20,000`` -> 19,000..21,000).
  Percentages are always good to half their last digit
  (``45%`` -> 44.5..45.5).
* **Qualifiers** are factors of the stated value X. A one-sided qualifier is
  tight at X on its own side and replaces the precision slack: ``over X`` ->
  [X, 1.15X], ``slightly over`` -> [X, 1.05X], ``nearly``/``almost`` ->
  [0.9X, X], ``under``/``less than`` -> [0.85X, X], ``at least`` -> [X, 1.5X],
  ``up to``/``no more than`` -> [0, X]. ``about``/``around``/``an estimated``
  -> [0.95X, 1.05X], widened further if the stated precision is coarser.
  ``exactly``/``a total of`` -> [X, X].
* The qualifier is part of the mention's span ("over US$111,000"), so the
  claim's text shows everything its interval was built from.
* **Ranges** ("US$15–20 million", "20–25 screens", "between 10 and 15 per
  cent", "two to three weeks") are one mention: ``stated`` is the lower end,
  the interval runs from the lower end's low to the upper end's high, and a
  qualifier before the range applies to both ends. A dash between numbers that
  make no range ("the 3–1 win", "2009–10 seasons", "978-0-571") means no
  quantity at all, never the second number alone; "from X to Y" is a change,
  two mentions.
* Bounds are tidied to 12 significant digits (127650.0, not 127649.99999999999).
"""

from __future__ import annotations

import json
import re
from functools import cache, lru_cache
from importlib import resources
from typing import Any, Iterator

import regex

from .. import _lazyre
from .numbers import CARDINAL_WORD_RE, SCALES, VAGUE, parse_cardinal_words


@cache
def load_data(name: str) -> dict[str, Any]:
    """A JSON table from ``nlmg_facts/data`` (read once per process)."""
    text = resources.files("nlmg_facts").joinpath("data", name).read_text(encoding="utf-8")
    return json.loads(text)


def words_alternation(words: list[str] | tuple[str, ...] | set[str]) -> str:
    """A regex for any of the literal phrases, as a trie ("t(?:en|hree|wo)"), spaces as ``\\s+``.

    A trie fails after one character comparison where a flat alternation of
    a hundred words would try each in turn at every offset: it keeps the big
    lexicons (currencies, qualifiers, units) cheap to match.
    """
    trie: dict = {}
    for word in set(words):
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:
        branches = [
            (r"\s+" if ch == " " else regex.escape(ch)) + build(child)
            for ch, child in sorted(node.items())
            if ch
        ]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 and "" not in node else "(?:" + "|".join(branches) + ")"
        if "" in node:
            body = (body if body.startswith("(?:") and body.endswith(")") and len(branches) > 1 else f"(?:{body})") + "?"
        return body

    return "(?:" + build(trie) + ")"


def norm_space(text: str) -> str:
    return " ".join(text.lower().split())


# ---------------------------------------------------------------- qualifiers

@cache
def _qualifier_table() -> tuple[dict[str, str], dict[str, tuple[float, float]]]:
    phrase_to_class: dict[str, str] = {}
    factors: dict[str, tuple[float, float]] = {}
    for cls, row in load_data("quantities.json")["qualifiers"].items():
        factors[cls] = (float(row["low"]), float(row["high"]))
        for phrase in row["words"]:
            phrase_to_class[norm_space(phrase)] = cls
    return phrase_to_class, factors


#: Punctuation that may open a qualified quantity: "(approximately £15 million)".
_OPENERS = "([\"“‘'"


def qualifier_before(text: str, pos: int) -> tuple[str, int] | None:
    """The qualifier phrase ending one space before ``pos``: (class, start offset).

    Looked up word by word in the qualifier table (phrases of up to four
    words) rather than by a regex alternation tried at every offset.
    """
    lo = max(0, pos - 48)
    window = text[lo:pos]
    if len(window) < 2 or window[-1] not in " \u00a0" or window[-2].isspace():
        return None
    tail = window[:-1]
    words = tail.rsplit(None, 4)[-4:] if " " in tail or "\u00a0" in tail else [tail]
    table = _qualifier_table()[0]
    for k in range(min(4, len(words)), 0, -1):
        first = words[-k].lstrip(_OPENERS)
        phrase = " ".join([first, *words[len(words) - k + 1 :]]).lower()
        if first and phrase in table:
            # Offset of the phrase: walk back over the k words of the tail.
            at = len(tail)
            for w in reversed(words[-k:]):
                at = tail.rfind(w, 0, at)
            return table[phrase], lo + at + (len(words[-k]) - len(first))
    return None


def tidy(x: float) -> float:
    """Drop binary noise from a computed value: 111000 * 1.15 -> 127650.0, not 127649.99999999999;
    2.01 * 1e6 -> 2010000.0, so a stated value never falls outside its own interval."""
    return float(f"{x:.12g}")


_tidy = tidy


def interval(stated: float, half_step: float, qualifier: str | None) -> tuple[float, float]:
    """The [low, high] a stated value allows, given its precision and qualifier class."""
    if qualifier is None:
        return _tidy(stated - half_step), _tidy(stated + half_step)
    lo_f, hi_f = _qualifier_table()[1][qualifier]
    low, high = stated * lo_f, stated * hi_f
    if lo_f < 1.0 < hi_f:
        # Two-sided ("about"): never narrower than the stated precision.
        low, high = min(low, stated - half_step), max(high, stated + half_step)
    return (_tidy(min(low, high)), _tidy(max(low, high)))


def range_interval(
    low_end: tuple[float, float], high_end: tuple[float, float], qualifier: str | None
) -> tuple[float, float]:
    """The interval of a stated range: from the low end's low to the high end's high.

    Each end is (stated, half_step); a qualifier before the range applies to
    both ends ("about 20–25" -> 0.95 * 20 .. 1.05 * 25).
    """
    return interval(*low_end, qualifier)[0], interval(*high_end, qualifier)[1]


# ---------------------------------------------------------------- precision

_GROUPING = str.maketrans("", "", ", \u00a0\u202f\u2009")


def strip_grouping(numeral: str) -> str:
    """'44,911' -> '44911', '10 000' -> '10000' (thousands separators out)."""
    return numeral.translate(_GROUPING)


def half_step(numeral: str | None, scale: float = 1.0, *, percent: bool = False) -> float:
    """Rounding slack of a stated number (see the module docstring for the convention).

    ``numeral`` is the digits as written (None for number words, which are exact
    unless scaled: 'five million' -> 0.5 million).
    """
    if numeral is None:
        return 0.5 * scale if scale > 1 else 0.0
    digits = strip_grouping(numeral)
    if "." in digits:
        return 0.5 * 10 ** -len(digits.split(".", 1)[1]) * scale
    if percent or scale > 1:
        return 0.5 * scale
    stripped = digits.rstrip("0")
    zeros = len(digits) - len(stripped)
    if zeros >= 3 and stripped:
        return min(0.5 * 10**zeros, 0.05 * float(digits))
    return 0.0


# ---------------------------------------------------------------- amounts

#: Digits: "44,911", "9.5", "1 000" is not accepted here (money adds it), ".5" neither.
DIGITS_RE = r"(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
#: Scale words after a number ("1.89 million"); "hundred" is left to CARDINAL_WORD_RE.
SCALE_WORD_RE = r"(?:thousand|million|billion|trillion)"
_SCALE_EXTRA = {"lakh": 100_000, "crore": 10_000_000}
_SCALE_ABBR = {
    "k": 1_000, "K": 1_000, "m": 1_000_000, "M": 1_000_000, "mn": 1_000_000, "mln": 1_000_000,
    "mil": 1_000_000, "bn": 1_000_000_000, "bln": 1_000_000_000, "b": 1_000_000_000,
    "B": 1_000_000_000, "T": 1_000_000_000_000, "tn": 1_000_000_000_000,
}
#: A cardinal in words, optionally scaled: "thirty", "five million", "a hundred", "half a million".
WORDS_AMOUNT_RE = (
    rf"(?:(?:half(?:\s+a)?|a\s+quarter|quarter|three\s+quarters|a|an|{CARDINAL_WORD_RE})"
    rf"(?:\s+{SCALE_WORD_RE})"
    rf"|{CARDINAL_WORD_RE})"
)
_FRACTIONS = {"half a": 0.5, "half": 0.5, "a quarter": 0.25, "quarter": 0.25, "three quarters": 0.75, "a": 1.0, "an": 1.0}


def scale_factor(word: str | None) -> float:
    """'million' -> 1e6, 'bn' -> 1e9, 'lakh' -> 1e5, None -> 1."""
    if not word:
        return 1.0
    if word in _SCALE_ABBR:
        return float(_SCALE_ABBR[word])
    w = word.lower()
    return float(SCALES.get(w) or _SCALE_EXTRA.get(w) or _SCALE_ABBR.get(w, 1))


def words_value(text: str) -> tuple[float, float] | None:
    """A WORDS_AMOUNT_RE match -> (value, scale): 'five million' -> (5e6, 1e6), 'thirty' -> (30, 1)."""
    t = norm_space(text)
    scale = 1.0
    for word in ("thousand", "million", "billion", "trillion"):
        if t.endswith(" " + word):
            scale = float(SCALES[word])
            t = t[: -len(word) - 1].strip()
            break
    if t in _FRACTIONS:
        mantissa: float | None = _FRACTIONS[t]
    else:
        n = parse_cardinal_words(t)
        mantissa = None if n is None else float(n)
    if mantissa is None:
        return None
    return mantissa * scale, scale


#: The lower end of a range, right before the number a quantity pattern matched.
#: Searched in a short window that ends where the upper end starts ("$" anchor).
_RANGE_LOW = _lazyre.lazy_compile(
    rf"""
    (?:
        # 1. "between 300 and 400 extras": the only "and" between two numbers read as a range
        (?<![\w])(?P<between>(?i:between))\s+
        (?:(?P<num>{DIGITS_RE})(?P<pct>\s?%|\s(?i:per\s?cent|percent))?|(?P<words>{CARDINAL_WORD_RE}))
        \s+(?i:and)\s+
      | # 2. a dash range: "20–25 screens", "10%–15%", "15-20 per cent"
        (?<![\w.,\-–—/])(?P<num>{DIGITS_RE})(?P<pct>\s?%)?(?P<dash>[–—-])
      | # 2b. spaced, "20 – 25 screens"; never from a year, where the dash is punctuation
        #     ("released in 2010 – 163 theatres in all")
        (?<![\w.,\-–—/])(?!(?:1\d{{3}}|20\d{{2}}|21\d{{2}})\s)(?P<num>{DIGITS_RE})(?P<pct>\s?%)?\s?(?P<dash>[–—-])\s?
      | # 3. "two to three weeks", "3 or 4 months": only where the caller allows it
        (?<![\w.,\-–—/])(?:(?P<num>{DIGITS_RE})|(?P<words>{CARDINAL_WORD_RE}))\s+(?P<to>(?i:to|or))\s+
    )$
    """,
    regex.VERBOSE,
)


_NUMBER_DASH = _lazyre.lazy_compile(r"\d[–—-]$")


def joined_to_number(text: str, pos: int) -> bool:
    """A number and a dash right before ``pos`` ("22413-0", "3–1"): part of an identifier or score
    unless ``range_low_before`` reads the two as a range. A spaced dash is punctuation."""
    return _NUMBER_DASH.search(text, max(0, pos - 2), pos) is not None


def range_low_before(text: str, pos: int, *, to_ok: bool = False) -> tuple[str | None, str | None, int] | None:
    """The lower end of a range ending right before ``pos``: (digits, words, start offset).

    "20–25 screens" -> ("20", None, offset of "20"); "between two and three"
    -> (None, "two", offset of "between"); "two to three weeks" only when
    ``to_ok`` (durations: a count or sum "from 20 to 25" is a change, not a range).
    Word ends are taken only with "between" or "to", never with a dash.
    """
    lo = max(0, pos - 60)
    m = _RANGE_LOW.search(text, lo, pos)
    if m is None or (m.group("to") and not to_ok):
        return None
    return m.group("num"), m.group("words"), m.start()


def vague_range(phrase: str) -> tuple[float, float] | None:
    """'a few' -> (2, 5), 'several' -> (3, 9): the VAGUE table of numbers.py."""
    return VAGUE.get(norm_space(phrase))


VAGUE_RE = words_alternation(tuple(VAGUE))


# ---------------------------------------------------------------- anchors

#: Words after "a"/"an" that make the article part of an amount ("a few", "a million").
_AFTER_ARTICLE = ("few", "couple", "handful", "dozen", "quarter", "million", "billion", "thousand", "penny", "dime", "cent")


@cache
def _anchor_scanners() -> tuple[regex.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """(digits/symbols/cased markers, lower-case words, any-case words) scanners."""
    from .numbers import _TENS, _UNITS

    cur = load_data("currencies.json")
    lower = {*_UNITS, *_TENS, "hundred", "thousand", "million", "billion", "trillion", "several", "half",
             "quarter", "dozen", "dozens", "hundreds", "thousands", "percent", "percents", "per cent", "u",
             "minus", "negative"}
    lower |= {w.lower().rstrip(".") for w in cur["regional_dollar_spaced"]}
    lower |= {w.lower() for w in cur["codes_any_case"]}
    lower |= {f"{a} {b}" for a in ("a", "an") for b in _AFTER_ARTICLE}
    cased = {w.split(".")[0] for w in cur["regional_dollar"]} | set(cur["codes"])
    cased |= {"M" + c for c in cur["codes"]} | {"Rs", "Fr", "B", "D", "F"}
    marks = _lazyre.compile(
        rf"""
        \d+|[$£€¥₹₩₽₺₪฿₱₦₫₡₾₭₴₸元★%]|ரூ                               # digits, currency and star symbols
      | (?<![A-Za-z0-9])(?:{words_alternation(cased)})(?![A-Za-z0-9])   # US, HK, USD, MUSD, grade letters
      | (?<![A-Za-z])(?:{words_alternation(cur["codes"])})(?=\d)        # USD115
        """,
        regex.VERBOSE,
    )
    # Number words are matched with the standard library's re: on a trie of
    # literal words it is about three times faster than regex, and this scan
    # runs over every offset of the article.
    words = rf"\b(?:{words_alternation(lower)})\b"
    return marks, _lazyre.compile_std(words), _lazyre.compile_std(words, re.IGNORECASE)


@lru_cache(maxsize=8)
def _anchors_cached(text: str, start: int, end: int) -> tuple[tuple[int, ...], tuple[int, ...]]:
    marks, words, words_any_case = _anchor_scanners()
    found = [m.start() for m in marks.finditer(text, start, end)]
    letters = [i for i in found if text[i] in "ABCDF" and not text[i + 1 : i + 2].isalnum()]
    folded = text.lower()
    if len(folded) == len(text):
        found.extend(m.start() for m in words.finditer(folded, start, end))
    else:  # some letters change length when lower-cased; offsets must stay exact
        found.extend(m.start() for m in words_any_case.finditer(text, start, end))
    return tuple(sorted(set(found))), tuple(letters)


def anchors(text: str, start: int = 0, end: int | None = None) -> tuple[int, ...]:
    """Offsets where a quantity may start: numbers, number words, currency markers.

    Extractors try their pattern only here (``pattern.match``), which is what
    keeps a pass over a long article in milliseconds. Cached per text, since
    every quantity extractor asks for the same anchors.
    """
    return _anchors_cached(text, start, len(text) if end is None else end)[0]


def letter_anchors(text: str, start: int = 0, end: int | None = None) -> tuple[int, ...]:
    """Offsets of stand-alone capitals A-D and F: candidate letter grades."""
    return _anchors_cached(text, start, len(text) if end is None else end)[1]


def anchored_matches(text: str, start: int, end: int | None, pattern) -> Iterator[Any]:
    """``pattern`` matched at each quantity anchor of ``text[start:end]``, left to right.

    The shared scan of the quantity extractors; each caller skips matches that
    start inside the previous mention it kept.
    """
    stop = len(text) if end is None else end
    for at in anchors(text, start, stop):
        m = pattern.match(text, at, stop)
        if m is not None:
            yield m
