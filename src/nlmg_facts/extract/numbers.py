"""Number words and numerals: 'forty-two', 'ninth', '1.89 million', '44,911' -> values.

Shared by every numeric extractor (money, counts, rankings, editions, durations).
"""

from __future__ import annotations

from functools import lru_cache

import regex

_RX0 = regex.compile(r"[-\s]+")

_UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
_TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90,
}
_ORDINAL_UNITS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
    "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11,
    "twelfth": 12, "thirteenth": 13, "fourteenth": 14, "fifteenth": 15,
    "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19,
}
_ORDINAL_TENS = {
    "twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50,
    "sixtieth": 60, "seventieth": 70, "eightieth": 80, "ninetieth": 90,
}
#: Scale words; "billion" is the short scale (10**9) as in modern English prose.
SCALES = {
    "hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
    "trillion": 1_000_000_000_000,
}
SCALE_ABBREVIATIONS = {"k": 1_000, "m": 1_000_000, "mn": 1_000_000, "bn": 1_000_000_000, "b": 1_000_000_000}
#: Words standing for a vague count, with the interval they allow.
VAGUE = {
    "a few": (2, 5), "a couple of": (2, 3), "several": (3, 9), "a handful of": (3, 6),
    "dozens of": (24, 120), "hundreds of": (200, 999), "thousands of": (2000, 9999),
    "a dozen": (12, 12), "half a dozen": (6, 6),
}

CARDINAL_WORDS = tuple(sorted([*_UNITS, *_TENS, *SCALES], key=len, reverse=True))
ORDINAL_WORDS = tuple(sorted([*_ORDINAL_UNITS, *_ORDINAL_TENS, "hundredth", "thousandth"], key=len, reverse=True))

_U = "|".join(sorted(_UNITS, key=len, reverse=True))
_T = "|".join(sorted(_TENS, key=len, reverse=True))
_OU = "|".join(sorted(_ORDINAL_UNITS, key=len, reverse=True))
_OT = "|".join(sorted(_ORDINAL_TENS, key=len, reverse=True))

#: A cardinal in words up to the thousands: "forty-two", "one hundred and five", "thirty".
CARDINAL_WORD_RE = (
    rf"(?:(?:{_U}|{_T}(?:[-\s](?:{_U}))?)\s+hundred(?:\s+(?:and\s+)?(?:{_T}(?:[-\s](?:{_U}))?|{_U}))?"
    rf"|(?:{_T})(?:[-\s](?:{_U}))?"
    rf"|(?:{_U}))"
)
#: An ordinal in words: "ninth", "twenty-first", "forty-second".
ORDINAL_WORD_RE = rf"(?:(?:{_T})[-\s](?:{_OU})|{_OT}|{_OU})"
#: An ordinal in digits: "42nd", "1st", "23rd", "11th".
ORDINAL_DIGIT_RE = r"(?:\d{1,4}(?:st|nd|rd|th))"
#: A numeral: "44,911", "9.5", "1 000", ".5" is not accepted (prose writes 0.5).
NUMERAL_RE = r"(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"

_cardinal = regex.compile(rf"^{CARDINAL_WORD_RE}$", regex.IGNORECASE)
_ordinal_word = regex.compile(rf"^{ORDINAL_WORD_RE}$", regex.IGNORECASE)
_ordinal_digit = regex.compile(r"^(\d{1,4})(st|nd|rd|th)$", regex.IGNORECASE)


def parse_cardinal_words(text: str) -> int | None:
    """'forty-two' -> 42, 'one hundred and five' -> 105, 'thirty' -> 30; None if not a number."""
    t = text.strip().lower()
    if not _cardinal.match(t):
        return None
    total = 0
    current = 0
    for word in _RX0.split(t):
        if word == "and":
            continue
        if word in _UNITS:
            current += _UNITS[word]
        elif word in _TENS:
            current += _TENS[word]
        elif word == "hundred":
            current = max(current, 1) * 100
        else:
            return None
    return total + current


def parse_ordinal(text: str) -> int | None:
    """'ninth' -> 9, 'twenty-first' -> 21, '42nd' -> 42; suffix must agree ('42th' -> None)."""
    t = text.strip().lower()
    m = _ordinal_digit.match(t)
    if m:
        n = int(m.group(1))
        suffix = m.group(2)
        expected = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
        return n if suffix == expected else None
    if not _ordinal_word.match(t):
        return None
    parts = _RX0.split(t)
    if len(parts) == 2:
        return _TENS[parts[0]] + _ORDINAL_UNITS[parts[1]]
    return _ORDINAL_UNITS.get(t) or _ORDINAL_TENS.get(t)


def parse_numeral(text: str) -> float | None:
    """'44,911' -> 44911.0, '9.5' -> 9.5; None when malformed."""
    t = text.strip().replace(",", "")
    try:
        return float(t)
    except ValueError:
        return None


def parse_number(text: str) -> float | None:
    """A numeral or a cardinal in words, optionally followed by a scale word.

    '1.89 million' -> 1890000.0, 'thirty' -> 30.0, 'two thousand' -> 2000.0.
    """
    t = text.strip().lower()
    scale = 1
    for word, factor in SCALES.items():
        if t.endswith(" " + word) and t != word:
            t = t[: -len(word) - 1].strip()
            scale = factor
            break
    value = parse_numeral(t)
    if value is None:
        words = parse_cardinal_words(t)
        value = float(words) if words is not None else None
    return None if value is None else value * scale


def decimals_stated(numeral: str) -> int:
    """Digits after the decimal point as written: '9.50' -> 2, '9.5' -> 1, '44,911' -> 0."""
    t = numeral.strip().replace(",", "")
    return len(t.split(".", 1)[1]) if "." in t else 0


def stated_half_step(numeral: str, scale: float = 1.0) -> float:
    """Half the last stated unit: the rounding slack of a stated number.

    '9.5' million -> 0.05 million; '625,000' -> 0.5 (exact); '2.5' million -> 0.05 million.
    A bare integer with a scale word ('15 million') rounds to the last digit of
    the mantissa (0.5 million); a plain integer is exact to 0.5.
    """
    return 0.5 * (10 ** -decimals_stated(numeral)) * scale


# ---------------------------------------------------------------- ordinal anchors

#: Lower-case stems every ordinal word contains ("twenty-first" has "first",
#: "seventeenth" has "teenth"): a literal scan finds candidates far faster than
#: a regex alternation tried at every offset.
_ORDINAL_STEMS = (
    "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
    "tenth", "eleventh", "twelfth", "teenth", "tieth", "hundredth",
)
_DIGIT_ORDINAL = regex.compile(r"[0-9](?:st|nd|rd|th)\b", regex.IGNORECASE)


def ordinal_anchors(text: str, start: int = 0, end: int | None = None, extra: tuple[str, ...] = ()) -> list[int]:
    """Sorted offsets in ``text[start:end]`` where an ordinal (or an ``extra`` lower-case literal) may be.

    A cheap prefilter for extractors that need an ordinal: over-approximate
    ('secondary' is an anchor), never miss one. Linear in the window; cached,
    since several extractors ask about the same document.
    """
    end = len(text) if end is None else end
    found = list(_ordinal_anchors(text, start, end))
    if extra:
        low = text[start:end].lower()
        found.extend(_find_all(low, extra, start))
        found.sort()
    return found


def _find_all(low: str, literals: tuple[str, ...], offset: int) -> list[int]:
    found: list[int] = []
    for lit in literals:
        i = low.find(lit)
        while i != -1:
            found.append(offset + i)
            i = low.find(lit, i + 1)
    return found


@lru_cache(maxsize=16)
def _ordinal_anchors(text: str, start: int, end: int) -> tuple[int, ...]:
    found = [m.start() for m in _DIGIT_ORDINAL.finditer(text, start, end)]
    found.extend(_find_all(text[start:end].lower(), _ORDINAL_STEMS, start))
    return tuple(sorted(found))
