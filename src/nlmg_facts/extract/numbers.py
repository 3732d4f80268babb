"""Number words and numerals: 'forty-two', 'ninth', '1.89 million', '44,911' -> values.

Shared by every numeric extractor (money, counts, rankings, editions, durations).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import regex

from .. import _lazyre

_WORD_SEPARATORS = _lazyre.lazy_compile(r"[-\s]+")

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
#: Words standing for a vague count, with the interval they allow.
VAGUE = {
    "a few": (2, 5), "a couple of": (2, 3), "several": (3, 9), "a handful of": (3, 6),
    "dozens of": (24, 120), "hundreds of": (200, 999), "thousands of": (2000, 9999),
    "a dozen": (12, 12), "half a dozen": (6, 6),
}


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

_cardinal = _lazyre.lazy_compile(rf"^{CARDINAL_WORD_RE}$", regex.IGNORECASE)
_ordinal_word = _lazyre.lazy_compile(rf"^{ORDINAL_WORD_RE}$", regex.IGNORECASE)
_ordinal_digit = _lazyre.lazy_compile(r"^(\d{1,4})(st|nd|rd|th)$", regex.IGNORECASE)


def parse_cardinal_words(text: str) -> int | None:
    """'forty-two' -> 42, 'one hundred and five' -> 105, 'thirty' -> 30; None if not a number."""
    t = text.strip().lower()
    if not _cardinal.match(t):
        return None
    total = 0
    current = 0
    for word in _WORD_SEPARATORS.split(t):
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


def ordinal_words(limit: int) -> dict[str, int]:
    """Every ordinal word from 1 to ``limit`` (at most 99): 'first' .. 'thirty-first'."""
    out: dict[str, int] = {}
    for n in range(1, limit + 1):
        tens, unit = divmod(n, 10)
        if n < 20:
            word = next(w for w, v in _ORDINAL_UNITS.items() if v == n)
        elif unit == 0:
            word = next(w for w, v in _ORDINAL_TENS.items() if v == n)
        else:
            ten = next(w for w, v in _TENS.items() if v == tens * 10)
            word = f"{ten}-" + next(w for w, v in _ORDINAL_UNITS.items() if v == unit)
        out[word] = n
    return out


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
    parts = _WORD_SEPARATORS.split(t)
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


# ---------------------------------------------------------------- ordinal anchors

#: Lower-case stems every ordinal word contains ("twenty-first" has "first",
#: "seventeenth" has "teenth"): a literal scan finds candidates far faster than
#: a regex alternation tried at every offset.
_ORDINAL_STEMS = (
    "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
    "tenth", "eleventh", "twelfth", "teenth", "tieth", "hundredth",
)
_DIGIT_ORDINAL = _lazyre.lazy_compile(r"[0-9](?:st|nd|rd|th)\b", regex.IGNORECASE)


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


# ---------------------------------------------------------------- recognizers
#
# ``find_numbers`` and ``find_ordinals`` find every bare cardinal or ordinal in a
# text, with no counted noun or ranking context: the layer under the claim
# extractors (which need "ninth place", "163 theatres"), and what the peer
# suites' number and ordinal specs measure. Both scan numerals and letter words
# once (linear), then read each run of adjacent number tokens with a small
# state machine: which token may follow which ("twenty" + "one", "hundred" +
# "and"), so "one third" or "three-nought-four" are never read as one number.

#: Scale words beyond "hundred" (short scale), with the Indian lakh and crore.
_BIG_SCALES = {
    "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
    "trillion": 1_000_000_000_000, "lakh": 100_000, "crore": 10_000_000,
    # Newspaper abbreviations, read only after a number ("10 bn"): the grammar needs one before.
    "bn": 1_000_000_000, "bln": 1_000_000_000, "mn": 1_000_000, "tln": 1_000_000_000_000,
}
_ZEROS = {"zero": 0, "nought": 0, "naught": 0}
_DOZENS = ("dozen", "dozens", "dz", "dzs", "doz", "dozs")
_NEGATIVES = ("minus", "negative")
_SCALE_ORDINALS = {"hundredth": 100, "thousandth": 1_000, "millionth": 1_000_000,
                   "billionth": 1_000_000_000, "trillionth": 1_000_000_000_000}
#: Attached or spaced scale letters: "10k", "1.2b", "10M", "1,674.5 G". A spaced
#: lower-case "m" is a metre and "1m" is ambiguous, so only capital M means million.
_SUFFIX_SCALE = {
    "k": 1_000, "K": 1_000, "M": 1_000_000, "mn": 1_000_000, "G": 1_000_000_000,
    "B": 1_000_000_000, "b": 1_000_000_000, "bn": 1_000_000_000, "bln": 1_000_000_000,
    "T": 1_000_000_000_000, "tln": 1_000_000_000_000,
}

_NUMERAL = _lazyre.lazy_compile(
    r"""
    (?<![\p{L}\p{N}_])(?<!\d\.)          # not inside a word, a longer number or after a decimal point
    (?:
      (?P<dotted>\d+(?:\.\d+){2,})        # 192.168.1.2, 1.2.3: each part is a number
    | (?P<sign>(?<![^\s(\[])-)?           # a minus sign only at a word start: " -1", not "SCP-173"
      (?P<body>(?>
          \d{1,3}(?:,\d{3})+(?:\.\d+)?            # 1,234,567.89
        | \d{1,3}(?:[\ \u00a0\u2009\u202f]\d{3}(?!\d))+(?:\.\d+)?  # 1 234 567 (space-grouped thousands)
        | \d+(?:\.\d+)?                            # 42, 9.2321312
        | \.\d+                                    # .08
      ))
      (?:(?P<sfx>k|K|M|G|B|b|bn|mn|bln|tln|T)     # attached scale: 10k, 1.2b, 10M
        |\ {1,2}(?P<ssfx>k|M|G|B|T)(?!\S*\p{L}))?  # spaced scale, only at a word's end: 2.33 k
    )
    (?![\p{L}\p{N}]|\.\d)                  # not before letters (180ml, 4th) or more decimals
    """,
    regex.VERBOSE,
)
_LETTERS = _lazyre.lazy_compile(r"\p{L}+")
#: What may stand between two tokens of one number: spaces, or a hyphen with optional spaces.
_JOIN = _lazyre.lazy_compile(r"(?:\s*-\s*|\s+)")
#: A bare "one" after these is a pronoun ("the one you mentioned", "that one").
_PRONOUN_ONE_BEFORE = frozenset({
    "the", "that", "this", "which", "each", "every", "any", "no", "another", "first", "last",
    "next", "same", "other", "new", "old", "right", "wrong", "little", "big", "good",
})
#: After "a second"/"one second", these words say it is a unit of time.
_TIME_SECOND_AFTER = frozenset({
    "later", "ago", "earlier", "or", "and", "before", "after", "of", "in", "to", "for",
    "longer", "too", "more", "left", "late", "away",
})


@dataclass(frozen=True, slots=True)
class _Tok:
    """One number token: kind drives the grammar, value its arithmetic."""

    kind: str  # unit teen tens num numx hundred scale dozen a and half point neg
    value: float
    start: int
    end: int
    ordinal: bool = False


# Which token kind may follow which inside one number (None: at the start).
_FOLLOWS: dict[str | None, frozenset[str]] = {
    None: frozenset({"unit", "teen", "tens", "num", "numx", "a", "half", "neg"}),
    "neg": frozenset({"unit", "teen", "tens", "num", "numx", "a"}),
    "unit": frozenset({"hundred", "scale", "dozen", "point"}),
    "teen": frozenset({"hundred", "scale", "dozen", "point"}),
    "tens": frozenset({"unit", "scale", "dozen", "point"}),
    "num": frozenset({"hundred", "scale", "dozen"}),
    "numx": frozenset(),
    "a": frozenset({"hundred", "scale", "dozen"}),
    "half": frozenset({"a"}),
    "hundred": frozenset({"and", "unit", "teen", "tens", "num", "scale", "dozen", "point"}),
    "scale": frozenset({"and", "unit", "teen", "tens", "num", "scale"}),
    "and": frozenset({"unit", "teen", "tens", "num"}),
    "dozen": frozenset(),
}
_FINAL = frozenset({"unit", "teen", "tens", "num", "numx", "hundred", "scale", "dozen", "point"})


def _word_token(word: str, start: int, end: int) -> _Tok | None:
    w = word.lower()
    if w in _UNITS:
        v = _UNITS[w]
        return _Tok("unit" if v < 10 else "teen", v, start, end)
    if w in _ZEROS:
        return _Tok("unit", 0, start, end)
    if w in _TENS:
        return _Tok("tens", _TENS[w], start, end)
    if w == "hundred":
        return _Tok("hundred", 100, start, end)
    if w in _BIG_SCALES:
        return _Tok("scale", _BIG_SCALES[w], start, end)
    if w in _DOZENS:
        return _Tok("dozen", 12, start, end)
    if w in _ORDINAL_UNITS:
        v = _ORDINAL_UNITS[w]
        return _Tok("unit" if v < 10 else "teen", v, start, end, ordinal=True)
    if w in _ORDINAL_TENS:
        return _Tok("tens", _ORDINAL_TENS[w], start, end, ordinal=True)
    if w in _SCALE_ORDINALS:
        v = _SCALE_ORDINALS[w]
        return _Tok("hundred" if v == 100 else "scale", v, start, end, ordinal=True)
    if w in ("a", "an"):
        return _Tok("a", 1, start, end)
    if w == "and":
        return _Tok("and", 0, start, end)
    if w == "half":
        return _Tok("half", 0.5, start, end)
    if w == "point":
        return _Tok("point", 0, start, end)
    if w in _NEGATIVES:
        return _Tok("neg", -1, start, end)
    return None


def _numeral_tokens(text: str, start: int, end: int) -> list[_Tok]:
    out: list[_Tok] = []
    for m in _NUMERAL.finditer(text, start, end):
        if m.group("dotted"):
            for part in regex.finditer(r"\d+", m.group("dotted")):
                s = m.start("dotted") + part.start()
                out.append(_Tok("numx", float(part.group()), s, s + len(part.group())))
            continue
        body = m.group("body")
        value = float(regex.sub(r"[,\s\u00a0\u2009\u202f]", "", body))
        if m.group("sign"):
            value = -value
        suffix = m.group("sfx") or m.group("ssfx")
        if suffix:
            out.append(_Tok("numx", value * _SUFFIX_SCALE[suffix], m.start(), m.end()))
        else:
            out.append(_Tok("numx" if m.group("sign") else "num", value, m.start(), m.end()))
    return out


def _tokens(text: str, start: int, end: int) -> list[_Tok]:
    """Numerals and number words of ``text[start:end]``, in order."""
    toks = _numeral_tokens(text, start, end)
    for m in _LETTERS.finditer(text, start, end):
        tok = _word_token(m.group(), m.start(), m.end())
        if tok is not None:
            toks.append(tok)
    toks.sort(key=lambda t: t.start)
    return toks


def _runs(text: str, toks: list[_Tok]) -> list[list[_Tok]]:
    """Maximal runs of tokens joined only by spaces or hyphens."""
    runs: list[list[_Tok]] = []
    for tok in toks:
        if runs and _JOIN.fullmatch(text, runs[-1][-1].end, tok.start):
            runs[-1].append(tok)
        else:
            runs.append([tok])
    return runs


def _point_digits(run: list[_Tok], i: int) -> tuple[int, str] | None:
    """Words after "point": digit words one by one (nought four) or one two-digit word (eleven)."""
    if i < len(run) and run[i].kind == "unit" and not run[i].ordinal:
        digits = ""
        while i < len(run) and run[i].kind == "unit" and not run[i].ordinal:
            digits += str(int(run[i].value))
            i += 1
        return i, digits
    if i < len(run) and run[i].kind in ("teen", "tens") and not run[i].ordinal:
        value = int(run[i].value)
        i += 1
        if value >= 20 and i < len(run) and run[i].kind == "unit" and run[i].value and not run[i].ordinal:
            value += int(run[i].value)
            i += 1
        return i, str(value)
    return None


def _longest(run: list[_Tok], i: int, stop: int | None = None) -> tuple[int, float] | None:
    """The longest number in ``run[i:stop]`` starting at token ``i``: (end index, value).

    An ordinal word can only end a number ("twenty-first"), never sit inside one.
    """
    stop = len(run) if stop is None else stop
    total = current = last_atom = 0.0
    factor = sign = 1.0
    prev: str | None = None
    hundred_used = False
    best: tuple[int, float] | None = None
    j = i
    while j < stop:
        tok = run[j]
        kind = tok.kind
        if kind not in _FOLLOWS.get(prev, frozenset()) and not (
            prev is None and tok.ordinal and kind in ("hundred", "scale")  # "trillionth" alone
        ):
            break
        if kind == "unit" and prev == "tens" and (run[j - 1].ordinal or tok.value == 0):
            break  # "twentieth one", "twenty zero"
        if kind == "point":
            if prev in ("hundred",) and not hundred_used:
                break
            got = _point_digits(run, j + 1)
            if got is None:
                break
            j_end, digits = got
            best = (j_end, sign * (total + current + float("0." + digits)))
            break
        if kind in ("unit", "teen", "tens", "num", "numx"):
            current += tok.value
            last_atom = tok.value if prev != "tens" else last_atom + tok.value
        elif kind == "a":
            current, last_atom = 1, 1
        elif kind == "half":
            factor = 0.5
        elif kind == "neg":
            sign = -1.0
        elif kind == "hundred":
            if hundred_used:
                break
            current = (current or 1) * 100
            last_atom, hundred_used = 0, True
        elif kind == "scale":
            if prev == "scale" and current == 0:
                if tok.value <= run[j - 1].value:
                    break
                total *= tok.value
            else:
                total += (current or 1) * tok.value
            current, last_atom, hundred_used = 0, 0, False
        elif kind == "dozen":
            current = current - last_atom + (last_atom or 1) * 12 * factor
        prev = kind
        j += 1
        if kind in _FINAL:
            best = (j, sign * (total + current))
        if tok.ordinal:
            break
    return best


def _prev_word(text: str, pos: int) -> str:
    m = regex.search(r"(\p{L}+)[^\p{L}\p{N}]{0,3}$", text[max(0, pos - 30) : pos])
    return m.group(1).lower() if m else ""


def _next_word(text: str, pos: int) -> str:
    """The next word (lower case), or '' when punctuation or the end comes first."""
    m = regex.match(r"[ \t]+(\p{L}+)", text[pos : pos + 30])
    return m.group(1).lower() if m else ""


def find_numbers(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int, float]]:
    """Every bare cardinal number in ``text[start:end]``: (start, end, value).

    Numerals with separators and decimals (``1,234,567.89``, ``40 000``,
    ``.08``, ``-9.5``), attached scales (``10k``, ``1.2b``), number words with
    scales (``twenty-one trillion and three hundred``, ``half a dozen``,
    ``two hundred point zero three``, ``minus five``). Not ordinals, not
    fractions, not the pronoun "one" ("the one you mentioned"); no context:
    a year or a price's figure is a number here too.
    """
    end = len(text) if end is None else end
    # Tokens inside an ordinal ("twenty" of "twenty-first") belong to it; both lists are sorted.
    taken = iter(find_ordinals(text, start, end))
    span = next(taken, None)
    toks: list[_Tok] = []
    for t in _tokens(text, start, end):
        while span is not None and span[1] <= t.start:
            span = next(taken, None)
        if span is None or t.start < span[0]:
            toks.append(t)
    out: list[tuple[int, int, float]] = []
    for run in _runs(text, toks):
        # A cardinal stops before an ordinal word ("two millionth" is no "two" + ordinal).
        stops = [len(run)] * (len(run) + 1)
        for k in range(len(run) - 1, -1, -1):
            stops[k] = k if run[k].ordinal else stops[k + 1]
        i = 0
        while i < len(run):
            got = _longest(run, i, stops[i])
            if got is None:
                i += 1
                continue
            j, value = got
            s, e = run[i].start, run[j - 1].end
            if not (j - i == 1 and text[s:e].lower() == "one" and _prev_word(text, s) in _PRONOUN_ONE_BEFORE):
                out.append((s, e, int(value) if value == int(value) and abs(value) < 2**53 else value))
            i = j
    return out


def _fraction_or_time(text: str, run: list[_Tok], i: int, k: int) -> bool:
    """Whether the ordinal ``run[i..k]`` is a fraction ("a third of") or a unit of time ("a second")."""
    word = text[run[k].start : run[k].end].lower()
    before = run[i - 1] if i > 0 else None
    before_word = text[before.start : before.end].lower() if before else _prev_word(text, run[i].start)
    after = _next_word(text, run[k].end)
    if word == "second" and i == k:
        if before_word in ("per", "split", "nano", "milli", "micro"):
            return True
        if before_word in ("a", "an", "one", "each", "half", "every") and (not after or after in _TIME_SECOND_AFTER):
            return True
    if word in ("first", "second"):
        return False
    if i == k and before is not None and before.kind in ("unit", "teen", "tens", "num") and not before.ordinal:
        return True  # "one third", "2 fifths": a count of parts
    lone_a = (i == k and before_word in ("a", "an")) or (k - i == 1 and run[i].kind == "a")
    return lone_a and (not after or after == "of")


def find_ordinals(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int, int]]:
    """Every ordinal in ``text[start:end]``: (start, end, value).

    Digits with the right suffix (``21st``, ``1,000th``; ``21th`` is no
    ordinal) and words (``eleventh``, ``twenty-first``, ``one hundred
    twenty-fifth``, ``two hundredth``). Not "second" as a unit of time ("a
    second later", "per second"), not fractions ("a third of", "one fifth",
    "two-thirds"); misspellings ("nineth") are not recognised.
    """
    end = len(text) if end is None else end
    out: list[tuple[int, int, int]] = []
    for m in _DIGIT_ORDINAL_FULL.finditer(text, start, end):
        n = parse_ordinal(m.group("num").replace(",", "") + m.group("sfx"))
        if n is not None:
            out.append((m.start(), m.end(), n))
    toks = [t for t in _tokens(text, start, end) if t.kind != "numx"]
    for run in _runs(text, toks):
        for k, tok in enumerate(run):
            if not tok.ordinal:
                continue
            # The earliest start whose number ends exactly at this ordinal word.
            for i in range(max(0, k - 12), k + 1):
                got = _longest(run, i, k + 1)
                if got is not None and got[0] == k + 1:
                    break
            else:
                continue
            if _fraction_or_time(text, run, i, k):
                continue
            out.append((run[i].start, tok.end, int(got[1])))
    out.sort()
    return out


_DIGIT_ORDINAL_FULL = _lazyre.lazy_compile(
    r"""(?<![\p{L}\p{N}_./,])                       # not inside a word, a number or a fraction (1/3rd)
        (?P<num>\d{1,3}(?:,\d{3})+|\d+)(?P<sfx>(?i:st|nd|rd|th))(?![\p{L}\p{N}])""",
    regex.VERBOSE,
)
