"""Money: 'US$15 million', '£625,000', 'over US$111,000', '15 million dollars' -> MoneyValue intervals.

Span convention: the span covers the qualifier, the currency marker, the
amount and its scale ("slightly over US$44,500", "€2.5m", "420 million
finnish markka"). A rate's "per theatre" / "a share" stays outside the span:
the claim is the amount, and the attribute stage reads the "per ..." after it.
Intervals follow the conventions of ``quantity.py``.
"""

from __future__ import annotations

from functools import cache
from typing import Iterator

import regex

from .. import _lazyre
from ..models import Document, MoneyValue
from .base import Mention
from .quantity import (
    anchored_matches,
    WORDS_AMOUNT_RE, half_step, interval, load_data, norm_space, tidy,
    joined_to_number, qualifier_before, range_interval, range_low_before, scale_factor, strip_grouping,
    words_alternation, words_value,
)

PRIORITY = 30

#: Money also accepts space-grouped thousands ("10 000 dollars") and Indian
#: lakh grouping ("12,34,567.89 rupees"): safe only next to a currency marker.
_MONEY_DIGITS = (
    r"(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?"
    r"|\d{1,2}(?:,\d{2})+,\d{3}(?:\.\d+)?"
    r"|\d{1,3}(?:[\u00a0\u202f\u2009]\d{3})+(?:\.\d+)?"
    r"|\d{1,3}(?:\x20\d{3})+(?!\d)(?:\.\d+)?"
    r"|\d+(?:\.\d+)?)"
)


@cache
def _tables() -> dict:
    return load_data("currencies.json")


@cache
def _pattern() -> regex.Pattern[str]:
    t = _tables()
    symbols = words_alternation(list(t["symbols"]))
    region = words_alternation(list(t["regional_dollar"]))
    region_spaced = words_alternation(t["regional_dollar_spaced"])
    codes = words_alternation(t["codes"])
    codes_any = words_alternation(t["codes_any_case"])
    names = words_alternation(list(t["names"]) + list(t["names_need_scale"]))
    minor = words_alternation(list(t["minor"]))
    adjectival = words_alternation(list(t["adjectival"]))
    code = rf"(?:(?-i:{codes})|{codes_any})"
    scale = r"(?:thousand|million|billion|trillion|lakh|crore)"
    abbr = r"(?:(?-i:bn|mn|mln|bln|tn)|(?-i:[kKmMbBT]))"
    cents = rf"(?:\s+(?:and\s+)?(?P<cents>\d{{1,2}}|{WORDS_AMOUNT_RE})\s+(?-i:cents?|pence))?"
    return _lazyre.compile(
        rf"""
        (?<![\w$£€¥.,])(?<![^\d]-|^-)            # not inside a word, number or hyphen compound
        (?:
            # 1. marker first: US$15 million, £625,000, c $ 16.4 million, USD 200, MAUD 60
            (?:
                (?-i:(?P<region>{region}))\$
              | (?P<spaced>{region_spaced})\s?\$
              | (?-i:(?P<sym>{symbols}))          # symbols as written: "Rs", never "rs" or "RS"
              | (?-i:M(?P<mcode>{codes}))\b
              | (?P<code>{code})
            )
            \s?(?P<num>{_MONEY_DIGITS})
            # a range, the scale after its upper end: US$15–20 million, $5-$10, £1–2m
            (?:\s?[–—-]\s?(?-i:(?P<sym2>{symbols}))?(?P<num2>{_MONEY_DIGITS}))?
            # the scale; hyphenated when the sum is an adjective ("a US$15-million budget")
            (?:(?:\s*|-)(?P<scale>{scale})\b|(?P<abbr>{abbr})(?![\w])|\s(?P<abbr>(?-i:bn|mn|tn))\b)?
            {cents}
          |
            # 2. amount first: 15 million dollars, 10 €, 115USD, 30 MUSD, 75 USD million, 50 cents
            (?:(?P<num>{_MONEY_DIGITS})|(?P<words>{WORDS_AMOUNT_RE}))
            (?:\s+(?P<scale>{scale})\b)?
            (?:
                \s?(?-i:M(?P<mcode>{codes}))\b
              | \s?(?P<code>{code})\b(?:\s+(?P<scale2>{scale})\b)?{cents}
              | \s?(?-i:(?P<sym>{symbols}))(?!\s?\d)     # "10 €", but "2010 $5 million" is no sum in dollars
              | \s+(?P<name>{names})\b{cents}
              | \s+(?-i:(?P<minor>{minor}))\b
            )
          |
            # 3. adjectival: a 12-cent dividend, a one-yen bid
            (?:(?P<num>\d+(?:\.\d+)?)|(?P<words>{WORDS_AMOUNT_RE}))-(?-i:(?P<adj>{adjectival}))\b
          |
            # 4. "a penny", "a dime"
            (?P<words>a)\s+(?-i:(?P<minor>penny|dime|cent))\b
        )
        """,
        regex.VERBOSE | regex.IGNORECASE,
    )


def _currency(m: regex.Match[str]) -> tuple[str, float] | None:
    """(ISO code, factor to the major unit) from whichever marker matched."""
    t = _tables()
    if m.group("region"):
        return t["regional_dollar"][m.group("region")], 1.0
    if m.group("spaced"):
        key = m.group("spaced").lower()
        for k, v in t["regional_dollar"].items():
            if k.lower() == key:
                return v, 1.0
        return "USD", 1.0
    if m.group("sym"):
        return t["symbols"][m.group("sym")], 1.0
    for g in ("mcode", "code"):
        if m.group(g):
            c = m.group(g).upper()
            return t["code_aliases"].get(c, c), (1e6 if g == "mcode" else 1.0)
    if m.group("name"):
        n = norm_space(m.group("name"))
        if n in t["names"]:
            return t["names"][n], 1.0
        return t["names_need_scale"][n], 1.0
    if m.group("minor"):
        code, factor = t["minor"][m.group("minor").lower()]
        return code, float(factor)
    if m.group("adj"):
        adj = m.group("adj").lower()
        minor = t["minor"].get(adj)
        return (minor[0], float(minor[1])) if minor else (t["adjectival"][adj], 1.0)
    return None


def _cents(m: regex.Match[str]) -> float:
    c = m.group("cents")
    if not c:
        return 0.0
    if c.isdigit():
        return int(c) / 100
    wv = words_value(c)
    return (wv[0] / 100) if wv else 0.0


def _lower_end(numeral: str, scale: float, upper: float) -> tuple[float, float] | None:
    """(stated, half_step) of a range's lower end ("US$15–20 million"), None if no range.

    The scale after the upper end applies to both ends ("15–20 million"),
    except to a lower end written in full with thousands separators
    ("US$500,000–1 million"). A lower end not below the upper one makes no
    range ("$20–10", "2009–10 million"): no telling which sum is meant.
    """
    low = float(strip_grouping(numeral))
    if "," in numeral and scale > 1:
        return (low, half_step(numeral)) if low < upper else None
    return (low * scale, half_step(numeral, scale)) if low * scale < upper else None


def parse(m: regex.Match[str], qual: str | None = None, lower: tuple[str, int] | None = None) -> MoneyValue | None:
    """A match of the money pattern -> MoneyValue, or None when it is not money after all.

    A range ("US$15–20 million", or ``lower``: the digits of a lower end
    found before an amount-first match, "15–20 million dollars") gives the
    interval from its lower end to its upper end; ``stated`` is the lower end.
    """
    cur = _currency(m)
    if cur is None:
        return None
    currency, factor = cur
    scale_word = m.group("scale") or m.group("scale2") or m.group("abbr")
    scale = scale_factor(scale_word)
    name = m.group("name")
    if name and norm_space(name) in _tables()["names_need_scale"] and scale == 1.0:
        return None  # "20 pounds" may be a weight; "20 million pounds" is money
    low_end: tuple[float, float] | None = None
    if m.group("num"):
        numeral = m.group("num2") or m.group("num")
        stated = float(strip_grouping(numeral)) * scale
        slack = half_step(numeral, scale)
        lower_numeral = m.group("num") if m.group("num2") else (lower[0] if lower else None)
        if lower_numeral is not None:
            low_end = _lower_end(lower_numeral, scale, stated)
            if low_end is None:
                return None
    else:
        wv = words_value(m.group("words") or "")
        if wv is None:
            return None
        stated, word_scale = wv
        stated *= scale
        slack = half_step(None, max(scale, word_scale))
    stated = tidy(stated * factor + _cents(m))
    slack *= factor
    if m.group("cents"):
        slack = 0.0
    if low_end is not None:
        low_end = (tidy(low_end[0] * factor), low_end[1] * factor)
        low, high = range_interval(low_end, (stated, slack), qual)
        stated = low_end[0]
    else:
        low, high = interval(stated, slack, qual)
    return MoneyValue(stated=stated, low=low, high=high, qualifier=qual, currency=currency)


def find(text: str, start: int = 0, end: int | None = None) -> Iterator[Mention]:
    """Money mentions in ``text[start:end]`` (offsets into ``text``)."""
    last = start
    for m in anchored_matches(text, start, end, _pattern()):
        if m.start() < last:
            continue
        begin = m.start()
        lower = None
        if text[begin].isdigit():
            # Amount first ("15–20 million dollars"): a lower end may come before the match.
            found = range_low_before(text, begin)
            if found is not None and found[0] is not None:
                lower = (found[0], found[2])
                begin = found[2]
            elif found is not None or joined_to_number(text, begin):
                continue  # "between two and 20 million dollars", "978-0 dollars": ends we cannot pair
        qual = qualifier_before(text, begin)
        value = parse(m, qual[0] if qual else None, lower)
        if value is not None:
            yield Mention("money", qual[1] if qual else begin, m.end(), value, PRIORITY)
            last = m.end()


def extract(doc: Document) -> Iterator[Mention]:
    yield from find(doc.text, doc.body.start, doc.body.end)
