"""Dates: calendar dates, ranges and relative dates in prose, as day intervals with a precision.

Three passes, each linear in the text:

1. ``_FORMS`` find absolute expressions (``15 September 2010``, ``11–13 February
   2011``, ``2009–10``, ``the 1990s``, a bare ``2010``, a month in date context)
   and checks them against the calendar; adjacent atoms joined by ``to``/``–``
   become ranges (``Nov 18 – Dec 19, 2015``).
2. Year-less dates (``By 6 February``) take the year of the nearest preceding
   dated mention a few sentences back (``year_source="context"``).
3. ``_RELATIVE`` finds ``Seven years later``, ``That same month``, ``the
   previous weekend``, ``three years ago``; each is anchored to the nearest
   suitable preceding date claim (its id ``date@<offset>``) and resolved when
   that anchor is.

Values are inclusive day intervals; ``September 2010`` is 1 to 30 September at
month precision, never a fake midnight on the 1st. ``parse_date`` and
``find_dates`` serve other modules (the citation parser reads reference dates
with them); ``date_problem`` says why a date-shaped string is impossible.
"""

from __future__ import annotations

import calendar
import datetime as dt
import json
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib import resources
from typing import Iterator

import regex

from .. import _lazyre
from ..models import DatePrecision, DateValue, Document, RelativeDate
from .base import Mention, claim_id
from .numbers import find_numbers, ordinal_words, parse_cardinal_words

_LEADING_DIGITS = _lazyre.lazy_compile(r"\d+")
_WHITESPACE_RUN = _lazyre.lazy_compile(r"\s+")
#: An era marker after a century: "BC", "BCE", "B.C.", "before Christ".
_ERA_BC = _lazyre.lazy_compile(r"\s*(?:B\.?\s?C\.?(?:E\.?)?|before\s+(?:Christ|the\s+common\s+era))(?![\p{L}])")

__all__ = [
    "extract",
    "parse_date",
    "find_dates",
    "find_invalid_dates",
    "date_problem",
    "calendar_problem",
    "four_digits_are_no_year",
]

#: Sentences back a year-less date may look for its year ("By 6 February").
CONTEXT_WINDOW = 3
#: Sentences back a relative date may look for its anchor ("Seven years later").
ANCHOR_WINDOW = 5
#: Mention priorities: a date spelled with a month beats a bare number of another kind.
_PRIORITY_NAMED, _PRIORITY_RELATIVE, _PRIORITY_YEAR = 3, 2, 1
#: A year inside an event name is still the event's date ("the 2011 Toronto ... Festival").
_COEXISTS = frozenset({"edition"})

# ----------------------------------------------------------------- lexicon

_MONTH_NUMBER = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}
_MONTH_NAME = [
    "", "January", "February", "March", "April", "May", "June", "July",
    "August", "September", "October", "November", "December",
]
#: Day ordinals in words, "first" .. "thirty-first".
_ORDINAL_WORDS: dict[str, int] = ordinal_words(31)
_CARDINAL_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100,
}


def _alternation(words: list[str]) -> str:
    """Longest-first alternation; a hyphen in a word also matches a space."""
    ordered = sorted(words, key=len, reverse=True)
    return "|".join(regex.escape(w).replace(r"\-", r"[-\s]") for w in ordered)


_ORDINAL_RE = _alternation(list(_ORDINAL_WORDS))
_UNIT_RE = "one|two|three|four|five|six|seven|eight|nine"
_TEEN_RE = "eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|ten"
_TENS_RE = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
#: A number 1-99 in words, as the last part of a spelled year.
_TWO_RE = f"(?:(?:{_TENS_RE})(?:[-\\s]+(?:{_UNIT_RE}))?|{_TEEN_RE}|{_UNIT_RE})"
_DECADE_WORDS = {
    "tens": 10, "twenties": 20, "thirties": 30, "forties": 40, "fifties": 50, "sixties": 60,
    "seventies": 70, "eighties": 80, "nineties": 90,
}
_CARDINAL_RE = _alternation([w for w in _CARDINAL_WORDS if w not in ("a", "an")])


@lru_cache(maxsize=1)
def _lexicon() -> dict[str, frozenset[str]]:
    """Word lists from ``data/dates.json`` (read once per process)."""
    raw = json.loads(resources.files("nlmg_facts.data").joinpath("dates.json").read_text("utf-8"))
    return {k: frozenset(v) for k, v in raw.items() if isinstance(v, list)}


# ----------------------------------------------------------------- patterns

# Building blocks, spliced into the verbose patterns below as <M1>, <D1>, <Y1>, ...
_BLOCKS = {
    # A month name. "May" and "March" are also a verb, so they must be capitalised;
    # other names and the abbreviations (Sept., Sep, Dec) may be in any case.
    "M": r"""(?:(?i:january|february|april|june|july|august|september|october|november|december)
              |May|March|Mar\.?
              |(?i:jan|feb|apr|jun|jul|aug|sept|sep|oct|nov|dec)\.?)(?!\p{L})""",
    # A day of the month, with an optional ordinal suffix: 15, 05, 15th, 1st.
    "D": r"""(?:3[01]|[12][0-9]|0?[1-9])(?!\d)(?:st|nd|rd|th)?(?!\p{L})""",
    # A day of the month in words: first, twenty-first, thirty-first.
    "W": r"""(?i:""" + _ORDINAL_RE + r""")(?!\p{L})""",
    # A year 1000-2199: older or later four-digit numbers are rarely years in prose.
    "Y": r"""(?:1[0-9]{3}|20[0-9]{2}|21[0-9]{2})(?!\d)""",
    # A day of the month as a cardinal word: twenty five, thirty-one, nine.
    "C": r"""(?i:thirty[-\s]one|thirty|twenty(?:[-\s](?:""" + _UNIT_RE + r"""))?|""" + _TEEN_RE
         + r"""|""" + _UNIT_RE + r""")(?!\p{L}|-\p{L})""",
    # A year in words, read in code: nineteen ninety-six, nineteen oh five, seventeen hundred
    # thirty three, two thousand and eighteen, one thousand seven hundred and eighty nine.
    "S": r"""(?i:(?:nineteen|eighteen|seventeen|sixteen|fifteen|fourteen|thirteen|twelve|eleven|twenty)
               [-\s]+(?:hundred(?:[-\s]+(?:and\s+)?""" + _TWO_RE + r""")?
                       |(?:oh|o|zero|nought)[-\s]+(?:""" + _UNIT_RE + r""")
                       |""" + _TWO_RE + r""")
             |(?:one|two)[-\s]+thousand(?:[-\s]+(?:""" + _UNIT_RE + r""")[-\s]+hundred)?
               (?:[-\s]+(?:and\s+)?""" + _TWO_RE + r""")?
            )(?!\p{L}|-\p{L})""",
}
_GROUPS = {
    "<M1>": ("m1", "M"), "<M2>": ("m2", "M"), "<D1>": ("d1", "D"), "<D2>": ("d2", "D"),
    "<W1>": ("w1", "W"), "<W2>": ("w2", "W"), "<Y1>": ("y1", "Y"), "<Y2>": ("y2", "Y"),
    "<C1>": ("c1", "C"), "<S1>": ("s1", "S"),
}
# A weekday before a day-precision date, kept in the span so a rule can check it.
_WEEKDAY = r"""(?P<wd>(?i:monday|tuesday|wednesday|thursday|friday|saturday|sunday)
              |Tues|Tue|Wed|Thurs|Thur|Thu|Fri)(?!\p{L})\.?,?\s+"""
# Between the two days of one month: 11–13, 12 and 13, 4 to 22, 9th through 17th.
_DAY_CONN = r"""(?:\s*[-–—~]\s*|\s*&\s*|\s+(?i:to|until|till|through|thru|and)\s+(?:the\s+)?)"""

# The absolute forms, one row per branch: (how the form starts, pattern). A form
# starting with ``<WD>`` may carry a weekday: without it the form starts with its
# own first token. Each pattern ends with an empty marker group (?P<k_...>) that
# names the branch (see ``_branch``). Order matters: at one position the longer
# form must be tried first (a day range before a day, a date before its year).
_FORMS: list[tuple[str, str]] = [
    ("digit", r"""
      # ISO 8601 or year-first numeric date: 2010-09-15, 2010/09/15, 2018-7-6.
      <Y1>(?P<sep>[-/.])(?P<mm1>1[0-2]|0?[1-9])(?P=sep)(?P<dd1>3[01]|[12][0-9]|0?[1-9])(?!\d)
      (?P<k_iso>)"""),
    ("digit", r"""
      # Two numeric dates with the year last: 10/1/2018-10/7/2018 (the tail guard would split them);
      # the first year may be left out when the second is stated: 5/1-5/7/2020.
      (?P<n1>\d{1,2})(?P<sep>[-/.])(?P<n2>\d{1,2})(?:(?P=sep)<Y1>)?\s*[-–]\s*
      (?P<n3>\d{1,2})(?P<sep2>[-/.])(?P<n4>\d{1,2})(?P=sep2)<Y2>
      (?P<k_numrange>)"""),
    ("digit", r"""
      # Numeric date with the year last: 9/3/2017, 21-04-2016, 13.5.2015.
      (?P<n1>\d{1,2})(?P<sep>[-/.])(?P<n2>\d{1,2})(?P=sep)<Y1>
      (?P<k_numeric>)"""),
    ("digit", r"""
      # Numeric month and year: 11/2016, 12-2015 (never a bare day and month: 3/4 is a fraction).
      (?P<mm1>1[0-2]|0?[1-9])[-/]<Y1>
      (?P<k_nmy>)"""),
    ("digit", r"""
      # Year, month name, day: 2019/aug/01, 2019-Sep-1.
      <Y1>(?P<sep>[-/])<M1>(?P=sep)<D1>
      (?P<k_ymd>)"""),
    ("digit", r"""
      # Decade: 1990s, 1970's (whether "2010's" is a decade or a possessive is decided in code).
      (?P<decade>1\d\d0|20\d0|21\d0)(?P<dsfx>s|['’]s)(?!\p{L})
      (?P<k_decade>)"""),
    ("digit", r"""
      # Century in figures: 21st century, 15th-century.
      (?P<cent>2[01]|1[0-9]|[1-9])(?:st|nd|rd|th)(?:-|\s+)(?i:century)(?!\p{L})
      (?P<k_century>)"""),
    ("word", r"""
      # Century in words: the twentieth century, twenty-first-century.
      (?P<centw>(?i:twenty[-\s]first|twentieth|nineteenth|eighteenth|seventeenth|sixteenth|
         fifteenth|fourteenth|thirteenth|twelfth|eleventh|tenth))(?:-|\s+)(?i:century)(?!\p{L})
      (?P<k_century>)"""),
    ("digit", r"""
      # Year, then quarter or half: 2016 Q3, 2016-Q1, 2016 H2.
      <Y1>(?:[-\s]?[Qq](?P<q>[1-4])|[-\s]?[Hh](?P<h>[12]))(?!\p{L}|\p{N})
      (?P<k_part>)"""),
    ("word", r"""
      # Quarter or half, then year: Q3 2016, H1 2016, third quarter of 2016, first half of 2016.
      (?:[Qq](?P<q>[1-4])[-\s]?<Y1>
        |[Hh](?P<h>[12])\s?<Y1>
        |(?P<qw>(?i:first|second|third|fourth))\s+(?i:quarter)\s+(?:of\s+)?<Y1>
        |(?P<hw>(?i:first|second))\s+(?i:half)\s+of\s+<Y1>)
      (?P<k_part>)"""),
    ("digit", r"""
      # Ordinal quarter in figures: 3rd quarter of 2016.
      (?P<qd>[1-4])(?:st|nd|rd|th)\s+(?i:quarter)\s+(?:of\s+)?<Y1>
      (?P<k_part>)"""),
    ("digit", r"""
      # Days of one month: 11–13 February 2011, 12 and 13 May 2009, 4 to 22 January, 1995.
      <D1><DCONN><D2>(?:\s+of)?\s+<M2>(?:(?:\s*,\s*|\s+)(?:<Y2>|<S1>))?
      (?P<k_ddm>)"""),
    ("word", r"""
      # Days of one month, month first: February 18–20, 2011; April 9th through 17th.
      <M1>\s*<D1><DCONN><D2>(?:(?:\s*,\s*|\s+)<Y2>)?
      (?P<k_mdd>)"""),
    ("digit", r"""
      # Lower-case "may"/"march" only between a day and a year: 25th march 2015.
      <D1>\s+(?:of\s+)?(?P<m1>may|march|mar)(?:\s*,\s*|\s+)<Y1>
      (?P<k_dmy>)"""),
    ("weekday", r"""
      # Day, month, optional year: 15 September 2010, 4th of July 1995, 05-Aug-2016, 16. Nov. 2016.
      <WD><D1>\.?(?:\s+of\s+|[-/]|\s+)<M1>(?:(?:\s*,\s*|\s+|[-/])(?:of\s+)?(?:<Y1>|<S1>))?
      (?P<k_dmy>)"""),
    ("weekday", r"""
      # Day in words, month, optional year: fourth of July, tenth of September 1990.
      <WD><W1>(?:\s+day)?\s+of\s+<M1>(?:(?:\s*,\s*|\s+)(?:of\s+)?(?:<Y1>|<S1>))?
      (?P<k_dmy>)"""),
    ("word", r"""
      # A weekday, then a numeric month and day: Friday 7/6 (a bare 7/6 is a fraction or a score).
      <WD>(?P<n1>1[0-2]|0?[1-9])(?P<sep>[-/.])(?P<n2>3[01]|[12][0-9]|0?[1-9])(?![\d/.-])
      (?P<k_wnum>)"""),
    ("word", r"""
      # Lower-case "may"/"march" only between a day and a year: march 25, 2015.
      (?P<m1>may|march|mar)\s+<D1>\s*,\s*<Y1>
      (?P<k_mdy>)"""),
    ("word", r"""
      # Month name, day, year joined by a separator: Sep-23-2020, Oct/2, Jan-1.
      <M1>(?P<sep>[-/])<D1>(?:(?P=sep)<Y1>)?
      (?P<k_mdy>)"""),
    ("word", r"""
      # Days of one month in words: April ninth through seventeenth, April the ninth till the 17th.
      <M1>\s+(?:the\s+)?(?:<W1>|<D1>)<DCONN>(?:<W2>|<D2>)(?!\s*(?:of\s+)?<M2>)
      (?:(?:\s*,\s*|\s+)(?:<Y2>|<S1>))?
      (?P<k_mdd>)"""),
    ("word", r"""
      # Days in words, then the month: ninth till seventeenth of April, the ninth and the 17th of May.
      <W1><DCONN>(?:<W2>|<D2>)\s+of\s+<M2>(?:(?:\s*,\s*|\s+)<Y2>)?
      (?P<k_ddm>)"""),
    ("word", r"""
      # Month, day, optional year: September 15, 2010; Sept. 15th 2010; Dec. 31 , 1994; July 4th of 1995;
      # October, 1st (a comma only before a suffixed day: "In October, 12 films" is no date).
      (?:<WD>)?<M1>(?:\s*|\s*,\s*(?=\d{1,2}(?:st|nd|rd|th)(?!\p{L})))(?:the\s+)?<D1>
      (?:(?:\s*,\s*|\s+)(?:of\s+)?(?:<Y1>|<S1>))?
      (?P<k_mdy>)"""),
    ("word", r"""
      # Month, day in words, only before a year or a clause end ("in May the first album" is no date):
      # June the twenty-first 1978, May twenty nine.
      (?:<WD>)?<M1>\s+(?:the\s+)?(?:<W1>|<C1>)(?:(?:\s*,\s*|\s+)(?:<Y1>|<S1>)|(?=\s*(?:[,.;:)]|$)))
      (?P<k_mdy>)"""),
    ("word", r"""
      # Day as a cardinal word, month, year: twenty five January nineteen eighty six (a year is required).
      <C1>\s+(?:of\s+)?<M1>(?:\s*,\s*|\s+)(?:<Y1>|<S1>)
      (?P<k_dmy>)"""),
    ("word", r"""
      # Month and year: September 2010, Dec, 2018, June of 1992, Dec/2018, October two thousand and five.
      <M1>(?:\s*,\s*|\s+of\s+|\s+|[-/])(?:<Y1>|<S1>)
      (?P<k_my>)"""),
    ("digit", r"""
      # Year, then month: 2016 November (not "2016 May 5" nor "the 2010 May Day march").
      <Y1>\s+<M1>(?!\s*\d|\s+\p{Lu})
      (?P<k_ym>)"""),
    ("digit", r"""
      # Two years: 2009–2010, 2014 to 2018, between 2007 and 2009; 2009–10, 2010/11 (seasons)
      # and 2015-12 (ISO year-month) are told apart in code.
      <Y1>(?:\s*[-–—~/]\s*<Y2>
            |(?P<ysep>[-–/])(?P<yy2>\d\d?)(?!\d)
            |\s+(?i:to|until|till|through|thru)\s+<Y2>
            |(?<=(?i:between)\s+\d{4})\s+and\s+<Y2>)
      (?P<k_years>)"""),
    ("digit", r"""
      # A year standing alone: 2010, 1978 (code checks it is not a count, unit, identifier or address).
      <Y1>(?!\p{L})
      (?P<k_year>)"""),
    ("word", r"""
      # A decade in words: the nineteen seventies, the twenty-tens.
      (?P<sdc>(?i:nineteen|eighteen|seventeen|twenty))[-\s]+
      (?P<sdd>(?i:tens|twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties))(?!\p{L})
      (?P<k_sdecade>)"""),
    ("word", r"""
      # A year in words standing alone: in nineteen ninety six (code checks the words around it).
      <S1>
      (?P<k_syear>)"""),
    ("word", r"""
      # A month name alone: kept only after a date preposition or inside a range.
      <M1>
      (?P<k_month>)"""),
]

# Where a form may start: not inside a word, a number, an amount of money or an
# identifier (138-2010-2015); right after "18-" only a word ("Nov 18-Dec 19").
_LEAD = r"""(?<![\p{L}\p{N}$£€¥#])(?:(?<=\p{N}[.,:/-])(?!\p{N})|(?<!\p{N}[.,:/-]))"""
# Where a form must end: not before more digits, a decimal, a time or an identifier tail.
_TAIL = r"""(?!\p{N}|[.,:/\-–]\p{N})"""


def _compile_forms(start: str) -> regex.Pattern[str]:
    """One alternation of the forms that can start with a digit (or with a word)."""
    branches = []
    for kind, pattern in _FORMS:
        if kind == "weekday":
            pattern = pattern.replace("<WD>", "" if start == "digit" else "(?:<WD>)?")
        elif kind != start:
            continue
        branches.append(_expand(pattern))
    body = "\n    |".join(branches)
    return _lazyre.compile(f"{_LEAD}\n(?:{body}\n)\n{_TAIL}", regex.VERBOSE)


def _expand(pattern: str) -> str:
    for token, (name, block) in _GROUPS.items():
        pattern = pattern.replace(token, f"(?P<{name}>{_BLOCKS[block]})")
    return pattern.replace("<WD>", _WEEKDAY).replace("<DCONN>", _DAY_CONN)


_ATOM_DIGIT = _lazyre.lazy(lambda: _compile_forms("digit"))
_ATOM_WORD = _lazyre.lazy(lambda: _compile_forms("word"))
#: id of a compiled atom pattern -> its marker groups (``k_...``), filled on first use.
_MARKERS: dict[int, tuple[str, ...]] = {}


def _markers(pattern: regex.Pattern[str]) -> tuple[str, ...]:
    found = _MARKERS.get(id(pattern))
    if found is None:
        found = _MARKERS[id(pattern)] = tuple(n for n in pattern.groupindex if n.startswith("k_"))
    return found

# Cheap first pass: a form can only start at a digit or at a word whose first
# letters are a month, weekday, ordinal, quarter or half. ``str.find`` over the
# lower-cased text finds those in microseconds; the full forms are tried only there.
_DIGITS = _lazyre.lazy_compile(r"\d+")
_WORD_STARTS = (
    *(m.lower() for m in _MONTH_NAME[1:]),  # "may" and "march" too: the forms check the case
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    "mon", "tue", "wed", "thu", "fri", "sat", "sun",
    "fir", "sec", "thi", "fou", "fif", "six", "sev", "eig", "nin", "ten", "ele", "twe",
    "one", "two",  # spelled years: one thousand seven hundred ..., two thousand and five
    "q1", "q2", "q3", "q4", "h1", "h2",
)
_WORD_STARTS = tuple(sorted({w[:3] if not w[1:2].isdigit() else w for w in _WORD_STARTS}))

# What may join two dates into a range: 2014 through May 2018, Nov 18 – Dec 19, 2015.
_RANGE_GAP = _lazyre.lazy_compile(
    r"""\s*(?:
        (?P<dash>[-–—~])                                   # a dash or tilde
      | (?P<word>(?i:to|until|till|through|thru|and|&))     # a word; "and" needs "between" before
    )\s*(?:(?i:the)\s+)?""",
    regex.VERBOSE,
)
# A month alone is a date only after one of these words: "in January", "by the end of May".
_MONTH_CONTEXT = _lazyre.lazy_compile(
    r"""(?:^|[^\p{L}])
    (?i:in|during|by|from|until|till|through|throughout|since|of|early|late|mid|before|after
       |between|around|about)
    [\s-]+(?:(?i:the)\s+)?$""",
    regex.VERBOSE,
)
# "and"/"or"/comma between a month and the date before it: "in January and February".
_LIST_GAP = _lazyre.lazy_compile(r"\s*(?:,\s*)?(?:(?i:and|or)\s+|,\s*)")
_IN_YEAR_GAP = _lazyre.lazy_compile(r"\s+(?i:in|of)\s+")
_BETWEEN_BEFORE = _lazyre.lazy_compile(r"(?i:\bbetween)\s+(?:(?i:the)\s+)?$")
_FROM_BEFORE = _lazyre.lazy_compile(r"(?i:\bfrom)\s+(?:(?i:the)\s+)?$")
_DECADE_BEFORE = _lazyre.lazy_compile(r"(?i:\b(?:the|early|late|mid))[\s-]+$")
_WORD = _lazyre.lazy_compile(r"[\p{L}#][\p{L}.'’]*")
_NEXT_WORD = _lazyre.lazy_compile(r"[ \t]{0,3}(\p{L}[\p{L}'’]*)")

_RELATIVE = _lazyre.lazy_compile(
    r"""
    (?<![\p{L}\p{N}])
    (?:
      # An offset from the last date: "Seven years later", "Another nine years later",
      # "a year earlier", "three years ago", "two weeks afterwards"; a bare "after"/"before"
      # only at a clause end ("three years after the war" is anchored to the war).
      (?:(?P<another>(?i:another))\s+)?
      (?P<num>\d{1,3}|(?i:"""
    + _CARDINAL_RE
    + r"""|a|an))\s+
      (?P<unit>(?i:year|month|week|day|decade))s?\s+
      (?P<dir>(?i:later|earlier|afterwards?|ago)(?![\p{L}-])(?!\s+(?i:than)\b)
             |(?i:after|before|on)(?=\s*[,.;:!?)]))
      (?P<k_offset>)
    | # A neighbouring period: "the following year", "the previous weekend", "That same month".
      (?P<det>(?i:the|that))\s+
      (?P<rel>(?i:following|next|previous|preceding|prior|subsequent|same))\s+
      (?P<unit>(?i:year|month|weekend|week|day))(?![\p{L}-])
      (?P<k_neighbour>)
    | # The rest of the anchor's period: "later that year", "earlier the same month".
      (?P<dir>(?i:later|earlier))\s+(?:(?i:that)|(?i:the)\s+(?i:same))\s+
      (?P<unit>(?i:year|month|week|day))(?![\p{L}-])
      (?P<k_rest>)
    )
    """,
    regex.VERBOSE,
)


# ----------------------------------------------------------------- atoms


@dataclass(frozen=True, slots=True)
class _Point:
    """One endpoint as stated; a missing field was not stated."""

    year: int | None
    month: int | None = None
    day: int | None = None


@dataclass(frozen=True, slots=True)
class _Atom:
    """An absolute date expression before context: one or two stated endpoints."""

    start: int
    end: int
    lo: _Point
    hi: _Point
    scale: DatePrecision | None = None  # decade or century; else from the stated fields
    weak: bool = False  # a month name alone, kept only in date context or in a range
    invalid: str | None = None

    @property
    def precision(self) -> DatePrecision:
        if self.scale:
            return self.scale
        return _coarser(_point_precision(self.lo), _point_precision(self.hi))

    @property
    def is_range(self) -> bool:
        return self.lo != self.hi

    @property
    def has_year(self) -> bool:
        return self.lo.year is not None and self.hi.year is not None


_RANK = {"day": 0, "month": 1, "year": 2, "decade": 3, "century": 4}


def _point_precision(p: _Point) -> DatePrecision:
    return "day" if p.day else "month" if p.month else "year"


def _coarser(a: DatePrecision, b: DatePrecision) -> DatePrecision:
    return a if _RANK[a] >= _RANK[b] else b


def calendar_problem(year: int | None, month: int | None, day: int | None) -> str | None:
    """Why (year, month, day) is no calendar date, or None; a missing field is not checked."""
    if month is None:
        return None
    if not 1 <= month <= 12:
        return f"{month} is not a month"
    if day is None:
        return None
    name = _MONTH_NAME[month]
    if year is None:
        limit = 29 if month == 2 else calendar.monthrange(2001, month)[1]
        return None if 1 <= day <= limit else f"{day} {name} is not a calendar date"
    limit = calendar.monthrange(year, month)[1]
    if 1 <= day <= limit:
        return None
    if month == 2 and day == 29:
        return f"29 February {year} is not a calendar date ({year} is not a leap year)"
    return f"{day} {name} is not a calendar date"


def _first_day(p: _Point) -> dt.date:
    assert p.year is not None
    return dt.date(p.year, p.month or 1, p.day or 1)


def _last_day(p: _Point) -> dt.date:
    assert p.year is not None
    if p.day:
        return dt.date(p.year, p.month or 1, p.day)
    month = p.month or 12
    return dt.date(p.year, month, calendar.monthrange(p.year, month)[1])


def _order_problem(lo: _Point, hi: _Point) -> str | None:
    """A range must not end before it starts (compared at the stated precision)."""
    if lo.year is not None and hi.year is not None:
        if _first_day(lo) > _last_day(hi):
            return "the range ends before it starts"
    elif lo.year is None and hi.year is None and lo.month == hi.month and lo.day and hi.day:
        # Without a year only days of one month are ordered ("November to February" may wrap).
        if lo.day > hi.day:
            return "the range ends before it starts"
    return None


def _check(atom: _Atom) -> _Atom:
    """The atom with ``invalid`` set when an endpoint or the order is impossible."""
    for p in (atom.lo, atom.hi):
        problem = calendar_problem(p.year, p.month, p.day)
        if problem:
            return replace(atom, invalid=problem)
    if atom.is_range and atom.scale is None:
        problem = _order_problem(atom.lo, atom.hi)
        if problem:
            return replace(atom, invalid=problem)
    return atom


def _month(text: str | None) -> int | None:
    return _MONTH_NUMBER[text[:3].lower()] if text else None


def _day(m: regex.Match, digits: str, words: str, cardinal: str = "c1") -> int | None:
    if _g(m, digits):
        return int(_LEADING_DIGITS.match(_g(m, digits)).group())
    if words and _g(m, words):
        return _ORDINAL_WORDS[_WHITESPACE_RUN.sub("-", _g(m, words).lower())]
    if cardinal and _g(m, cardinal):
        return int(parse_cardinal_words(_g(m, cardinal)) or 0) or None
    return None


def _spelled_year(words: str) -> int | None:
    """'nineteen ninety six' -> 1996, 'nineteen oh five' -> 1905, 'two thousand and ten' -> 2010."""
    parts = [w for w in _WHITESPACE_RUN.sub(" ", words.lower().replace("-", " ")).split() if w != "and"]
    if "hundred" in parts or "thousand" in parts:
        found = find_numbers(" ".join(parts))
        year = int(found[0][2]) if len(found) == 1 else None
    else:
        century = parse_cardinal_words(parts[0])
        rest = parts[2:] if parts[1] in ("oh", "o", "zero", "nought") else parts[1:]
        tail = parse_cardinal_words(" ".join(rest))
        year = century * 100 + tail if century is not None and tail is not None else None
    return year if year is not None and 1000 <= year <= 2199 else None


def _g(m: regex.Match, name: str) -> str | None:
    """A group of either form pattern (they do not share every group)."""
    return m.group(name) if name in m.re.groupindex else None


def _int(m: regex.Match, name: str) -> int | None:
    value = _g(m, name)
    if value:
        return int(value)
    if name in ("y1", "y2") and _g(m, "s1"):
        return _spelled_year(_g(m, "s1"))  # the one spelled year of a form stands for its year
    return None


# ------------------------------------------------------- words around a number


def _words_before(text: str, pos: int, n: int = 3) -> list[str]:
    """Up to ``n`` words before ``pos``, nearest last, lower case."""
    window = text[max(0, pos - 40) : pos]
    return [w.lower() for w in _WORD.findall(window)][-n:]


def _word_after(text: str, pos: int) -> str:
    """The word right after ``pos`` (after spaces), as written, or ''."""
    m = _NEXT_WORD.match(text, pos)
    return m.group(1) if m else ""


def _plural_noun(word: str) -> bool:
    """A lower-case word that reads as a regular plural noun (screens, pieces)."""
    lex = _lexicon()
    w = word.lower().rstrip(".")
    if not word[:1].islower():
        return False
    if w in lex["count_nouns"]:
        return True
    return (
        len(w) >= 4
        and w.endswith("s")
        and not w.endswith(("ss", "us", "is", "'s", "’s"))
        and w not in lex["not_plural"]
        and w not in lex["event_plurals"]
    )


def _count_like(text: str, start: int, end: int) -> bool:
    """A four-digit number that is a count, unit, identifier or address, not a year."""
    lex = _lexicon()
    after = text[end : end + 2]
    if after[:1] == "-" and after[1:2].isalpha():
        return True  # a compound modifier: 2000-year-old, 1500-seat
    before = _words_before(text, start)
    prev = before[-1] if before else ""
    pair = " ".join(before[-2:])
    triple = " ".join(before[-3:])
    if prev in lex["identifier_words"] or text[max(0, start - 1) : start] == "#":
        return True
    if prev in lex["count_quantifiers"] or pair in lex["count_quantifiers"] or triple in lex["count_quantifiers"]:
        return True
    nxt = _word_after(text, end)
    if nxt.lower() in lex["count_nouns"] and nxt[:1].islower():
        return True
    if _plural_noun(nxt) and prev not in lex["year_prepositions"]:
        return True
    return _address_follows(text, end)


def four_digits_are_no_year(text: str, start: int, end: int) -> bool:
    """Whether the four-digit number at [start, end) is a count, unit or identifier, not a year.

    The count extractor asks this so that the two agree on every "1500
    employees" / "in 1500": exactly one of them claims the number.
    """
    return _count_like(text, start, end)


def _address_follows(text: str, end: int) -> bool:
    """1600 Pennsylvania Avenue: capitalised words then a street suffix."""
    suffixes = _lexicon()["address_suffixes"]
    pos = end
    for _ in range(3):
        m = _WORD.match(text, pos + 1) if text[pos : pos + 1] == " " else None
        if not m or not m.group()[:1].isupper():
            return False
        if m.group().lower() in suffixes or m.group().lower().rstrip(".") in suffixes:
            return pos != end
        pos = m.end()
    return False


# ----------------------------------------------------------------- atom finder


def _branch(m: regex.Match) -> str:
    """The marker of the branch that matched (``lastgroup`` is unreliable with shared names)."""
    return next(k for k in _markers(m.re) if m.group(k) is not None)


def _atom_from_match(text: str, m: regex.Match) -> _Atom | None:
    """Interpret one form match; None when it is no date after all."""
    kind = _branch(m)
    s, e = m.span()
    y1, y2 = _int(m, "y1"), _int(m, "y2")
    if kind == "k_iso":
        return _check(_Atom(s, e, *(_Point(y1, int(_g(m, "mm1")), int(_g(m, "dd1"))),) * 2))
    if kind == "k_numeric":
        p = _numeric_point(int(_g(m, "n1")), int(_g(m, "n2")), _g(m, "sep"), y1)
        return _check(_Atom(s, e, p, p))
    if kind == "k_numrange":
        lo = _numeric_point(int(_g(m, "n1")), int(_g(m, "n2")), _g(m, "sep"), y1 or y2)
        hi = _numeric_point(int(_g(m, "n3")), int(_g(m, "n4")), _g(m, "sep2"), y2)
        return _check(_Atom(s, e, lo, hi))
    if kind == "k_nmy":
        p = _Point(y1, int(_g(m, "mm1")))
        return _Atom(s, e, p, p)
    if kind == "k_wnum":
        p = _Point(None, int(_g(m, "n1")), int(_g(m, "n2")))
        return _check(_Atom(s, e, p, p))
    if kind == "k_ymd":
        p = _Point(y1, _month(_g(m, "m1")), _day(m, "d1", "w1"))
        return _check(_Atom(s, e, p, p))
    if kind == "k_decade":
        year = int(_g(m, "decade"))
        if _g(m, "dsfx") != "s" and not _DECADE_BEFORE.search(text, max(0, s - 8), s):
            # "one of 2010's big films": a year in the possessive, not a decade.
            return None if _count_like(text, s, s + 4) else _Atom(s, s + 4, _Point(year), _Point(year))
        return _Atom(s, e, _Point(year), _Point(year + 9), scale="decade")
    if kind == "k_century":
        if _g(m, "cent"):
            n = int(_g(m, "cent"))
        else:
            n = _ORDINAL_WORDS[_WHITESPACE_RUN.sub("-", _g(m, "centw").lower())]
        if _ERA_BC.match(text, e):
            return None  # "the 2nd century BC": dates before the common era are not modelled
        # The 1st century is the years 1-100 (there is no year 0); the Nth, (N-1)*100 to N*100-1.
        return _Atom(s, e, _Point(max(1, (n - 1) * 100)), _Point((n - 1) * 100 + 99), scale="century")
    if kind == "k_part":
        if _g(m, "q") or _g(m, "qd") or _g(m, "qw"):
            words = {"first": 1, "second": 2, "third": 3, "fourth": 4}
            q = int(_g(m, "q") or _g(m, "qd")) if (_g(m, "q") or _g(m, "qd")) else words[_g(m, "qw").lower()]
            return _Atom(s, e, _Point(y1, 3 * q - 2), _Point(y1, 3 * q))
        h = int(_g(m, "h")) if _g(m, "h") else (1 if _g(m, "hw").lower() == "first" else 2)
        return _Atom(s, e, _Point(y1, 6 * h - 5), _Point(y1, 6 * h))
    if kind in ("k_ddm", "k_mdd"):
        month = _month(_g(m, "m2") or _g(m, "m1"))
        lo_day, hi_day = _day(m, "d1", "w1", ""), _day(m, "d2", "w2", "")
        if _g(m, "s1") and y2 is None:
            y2 = _spelled_year(_g(m, "s1"))
        atom = _Atom(s, e, _Point(y2, month, lo_day), _Point(y2, month, hi_day))
        if y2 is None and _plural_noun(_word_after(text, e)):
            return _weak_month(m, "m1") if kind == "k_mdd" else None  # "May 5 to 10 people"
        return _check(atom)
    if _g(m, "s1") and y1 is None and kind not in ("k_ddm", "k_mdd"):
        return None  # a spelled year outside the calendar range
    if _g(m, "s1") and kind != "k_syear" and _plural_noun(_word_after(text, e)):
        return _weak_month(m, "m1") if _g(m, "m1") else None  # "in May two thousand people"
    if kind in ("k_dmy", "k_mdy"):
        p = _Point(y1, _month(_g(m, "m1")), _day(m, "d1", "w1"))
        if y1 is None and _g(m, "d1") and _g(m, "d1").isdigit() and _plural_noun(_word_after(text, e)):
            return _weak_month(m, "m1") if kind == "k_mdy" else None  # "In May 12 people died"
        return _check(_Atom(s, e, p, p))
    if kind in ("k_my", "k_ym"):
        p = _Point(y1, _month(_g(m, "m1")))
        return _Atom(s, e, p, p)
    if kind == "k_years":
        return _years(text, m)
    if kind == "k_year":
        if _count_like(text, s, e):
            return None
        return _Atom(s, e, _Point(y1), _Point(y1))
    if kind == "k_sdecade":
        century = parse_cardinal_words(_g(m, "sdc")) or 0
        year = century * 100 + _DECADE_WORDS[_g(m, "sdd").lower()]
        return _Atom(s, e, _Point(year), _Point(year + 9), scale="decade")
    if kind == "k_syear":
        return _spelled_year_alone(text, m, y1)
    if kind == "k_month":
        return _weak_month(m, "m1")
    return None


def _spelled_year_alone(text: str, m: regex.Match, year: int | None) -> _Atom | None:
    """A year in words with no month: "nineteen ninety six" alone reads as a year; a
    thousands form ("two thousand and five") only after a year preposition, and
    neither before a counted noun ("in two thousand and five cases")."""
    s, e = m.span()
    if year is None or _plural_noun(_word_after(text, e)) or _count_like(text, s, e):
        return None
    words = _words_before(text, s, 1)
    if "thousand" in m.group().lower() and (not words or words[0] not in _YEAR_WORD_BEFORE):
        return None
    return _Atom(s, e, _Point(year), _Point(year))


#: Words before a thousands-form spelled year that make it a year.
_YEAR_WORD_BEFORE = frozenset({"in", "since", "until", "till", "by", "from", "during", "of", "year", "and", "to"})


def _numeric_point(a: int, b: int, sep: str, year: int | None) -> _Point:
    """9/3/2017 is read month first (en-US) unless the first number cannot be a month;
    dotted dates (13.5.2015) are read day first."""
    day_first = (sep == "." and b <= 12) or a > 12
    month, day = (b, a) if day_first else (a, b)
    return _Point(year, month, day)


def _weak_month(m: regex.Match, group: str) -> _Atom:
    s, e = m.span(group)
    p = _Point(None, _month(_g(m, group)))
    return _Atom(s, e, p, p, weak=True)


def _years(text: str, m: regex.Match) -> _Atom | None:
    """Two years (2009–2010), a season (2009–10, 2010/11) or an ISO year-month (2015-12)."""
    s, e = m.span()
    y1 = int(_g(m, "y1"))
    if _g(m, "yy2"):
        yy, sep = int(_g(m, "yy2")), _g(m, "ysep")
        nxt = (y1 + 1) % 100
        if len(_g(m, "yy2")) == 2 and (sep == "–" or yy == nxt):
            y2 = y1 // 100 * 100 + yy
            if y2 <= y1:
                y2 += 100
            if y2 - y1 > 50:
                return None
        elif sep in "-/" and 1 <= yy <= 12:
            p = _Point(y1, yy)
            return _Atom(s, e, p, p)
        else:
            return None
    else:
        y2 = int(_g(m, "y2"))
    if _count_like(text, s, e):
        return None
    return _check(_Atom(s, e, _Point(y1), _Point(y2)))


def _merge(text: str, a: _Atom, b: _Atom) -> _Atom | None:
    """One range from two atoms joined by a dash or to/through/until (or between..and)."""
    if a.invalid or b.invalid or a.is_range or b.is_range or a.scale or b.scale:
        return None
    gap = _RANGE_GAP.fullmatch(text, a.end, b.start)
    if gap is None:
        return None
    word = (gap["word"] or "").lower()
    if word in ("and", "&") and not _BETWEEN_BEFORE.search(text, max(0, a.start - 14), a.start):
        return None
    if word and _FROM_BEFORE.search(text, max(0, a.start - 8), a.start):
        # "the date was moved from 1 October to 15 September": a change, not a range.
        before = _words_before(text, a.start, 8)
        if any(w in _lexicon()["change_verbs"] for w in before):
            return None
    lo, hi = a.lo, b.hi
    if lo.month and not hi.month and lo.year is None:
        return None  # "May to 2018" is no range
    if lo.year is None and hi.year is not None:
        if lo.month is None:
            return None
        year = hi.year
        if (lo.month, lo.day or 1) > (hi.month or 12, hi.day or 31):
            if not gap["dash"] or lo.day:
                return None  # only "Nov–Feb 2017" wraps into the previous year
            year -= 1
        lo = replace(lo, year=year)
    elif lo.year is not None and hi.year is None:
        return None  # "3 January 2017 – 1 February": read as two dates
    elif lo.year is None and hi.year is None:
        if (lo.month, lo.day or 1) > (hi.month, hi.day or 31) and (lo.day or hi.day):
            return None
    merged = _check(_Atom(a.start, b.end, lo, hi))
    return None if merged.invalid else merged


def _word_starts(text: str, start: int, end: int, needles: tuple[str, ...]) -> list[int]:
    """Offsets in ``text[start:end]`` where a word starts with one of ``needles``."""
    low = text[start:end].lower()
    found: list[int] = []
    for needle in needles:
        i = low.find(needle)
        while i >= 0:
            if i == 0 and not text[start - 1 : start].isalnum() or i > 0 and not low[i - 1].isalnum():
                found.append(start + i)
            i = low.find(needle, i + 1)
    return found


def _forms(text: str, start: int, end: int) -> Iterator[regex.Match]:
    """Non-overlapping form matches, left to right, tried only at candidate starts."""
    digits = [(m.start(), True) for m in _DIGITS.finditer(text, start, end)]
    words = [(i, False) for i in _word_starts(text, start, end, _WORD_STARTS)]
    last = start
    for pos, is_digit in sorted(digits + words):
        if pos < last:
            continue
        m = (_ATOM_DIGIT if is_digit else _ATOM_WORD).match(text, pos, end)
        if m is not None:
            last = m.end()
            yield m


def _pairwise(text: str, atoms: list[_Atom], join) -> list[_Atom]:
    """One left-to-right pass replacing neighbours ``join`` accepts by their join."""
    out: list[_Atom] = []
    i = 0
    while i < len(atoms):
        if i + 1 < len(atoms):
            joined = join(text, atoms[i], atoms[i + 1])
            if joined is not None:
                out.append(joined)
                i += 2
                continue
        out.append(atoms[i])
        i += 1
    return out


def _attach_year(text: str, a: _Atom, b: _Atom) -> _Atom | None:
    """A year-less date and a year after "in"/"of": "from April to June in 2017"."""
    if a.has_year or a.invalid or a.scale or not a.lo.month:
        return None
    if b.is_range or b.precision != "year" or b.scale or not _IN_YEAR_GAP.fullmatch(text, a.end, b.start):
        return None
    dated = _with_year(a, b.lo.year)
    return None if dated is None else replace(dated, end=b.end, weak=False)


def _scan(text: str, start: int, end: int, *, loose_months: bool = False) -> tuple[list[_Atom], list[_Atom]]:
    """Valid and invalid atoms of ``text[start:end]``, ranges joined, weak months filtered."""
    raw: list[_Atom] = []
    for m in _forms(text, start, end):
        atom = _atom_from_match(text, m)
        if atom is not None:
            raw.append(atom)
    joined = _pairwise(text, _pairwise(text, _pairwise(text, raw, _attach_year), _merge), _attach_year)
    valid: list[_Atom] = []
    invalid: list[_Atom] = []
    for atom in joined:
        if atom.invalid:
            invalid.append(atom)
        elif atom.weak and not loose_months and not _month_in_context(text, atom, valid):
            continue
        else:
            valid.append(replace(atom, weak=False) if atom.weak else atom)
    return valid, invalid


def _month_in_context(text: str, atom: _Atom, kept: list[_Atom]) -> bool:
    """A bare month name is a date after a date preposition or in a list of dates."""
    s, e = atom.start, atom.end
    nxt = text[e : e + 2]
    if len(nxt) == 2 and nxt[0] == " " and nxt[1].isupper():
        return False  # "June Carter", "April Fools"
    if not text[s].isupper():
        return False
    if _MONTH_CONTEXT.search(text, max(0, s - 30), s):
        return True
    return bool(kept) and _LIST_GAP.fullmatch(text, kept[-1].end, s) is not None


# ----------------------------------------------------------------- values


def _iso_point(p: _Point) -> str:
    if p.year is None:
        return f"--{p.month:02d}" + (f"-{p.day:02d}" if p.day else "")
    out = f"{p.year:04d}"
    if p.month:
        out += f"-{p.month:02d}"
        if p.day:
            out += f"-{p.day:02d}"
    return out


def _value(atom: _Atom, year_source: str = "stated") -> DateValue:
    """The DateValue of a valid atom (unresolved while a year is missing)."""
    if atom.scale == "decade":
        iso = f"{atom.lo.year // 10:03d}"
    elif atom.scale == "century":
        iso = f"{atom.lo.year // 100:02d}"
    elif atom.is_range:
        iso = f"{_iso_point(atom.lo)}/{_iso_point(atom.hi)}"
    else:
        iso = _iso_point(atom.lo)
    if not atom.has_year:
        return DateValue(
            start=None, end=None, precision=atom.precision, iso=iso,
            is_range=atom.is_range, year_source="none",
        )
    return DateValue(
        start=_first_day(atom.lo), end=_last_day(atom.hi), precision=atom.precision, iso=iso,
        is_range=atom.is_range and atom.scale is None, year_source=year_source,
    )


def find_dates(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int, DateValue]]:
    """Absolute dates in ``text[start:end]`` as (start, end, value), without context.

    Year-less dates (``15 September``) are returned unresolved (``year_source="none"``);
    impossible dates (``30 February 2010``) are left out, see ``find_invalid_dates``.
    """
    end = len(text) if end is None else end
    valid, _ = _scan(text, start, end)
    return [(a.start, a.end, _value(a)) for a in valid]


def find_invalid_dates(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int, str]]:
    """Date-shaped expressions that name no calendar date, with the reason."""
    end = len(text) if end is None else end
    _, invalid = _scan(text, start, end)
    return [(a.start, a.end, a.invalid or "") for a in invalid]


_LEADING_WORD = _lazyre.lazy_compile(r"^(?i:the|on|in|of|from|between|during|since)\s+")


def _whole(text: str) -> str:
    """The date part of a string: brackets, punctuation and a leading preposition off."""
    stripped = text.strip().strip("()[]{},;:.").strip()
    return _LEADING_WORD.sub("", stripped)


def parse_date(text: str) -> DateValue | None:
    """One date string such as a citation's ``15 September 2010`` or ``September 2010``.

    The whole string must be one date (surrounding brackets and punctuation
    aside); impossible dates give None (``date_problem`` says why).
    """
    s = _whole(text)
    valid, invalid = _scan(s, 0, len(s), loose_months=True)
    if len(valid) == 1 and not invalid and valid[0].start == 0 and len(s) - valid[0].end <= 1:
        return _value(valid[0])
    return None


def date_problem(text: str) -> str | None:
    """Why a date-shaped string is impossible ("30 February is not a calendar date"), or None."""
    s = _whole(text)
    _, invalid = _scan(s, 0, len(s), loose_months=True)
    return invalid[0].invalid if invalid else None


# ----------------------------------------------------------------- context


@dataclass(frozen=True, slots=True)
class _Found:
    """A date mention with its resolved value, for the context and anchor passes."""

    start: int
    end: int
    sentence: int
    value: DateValue
    atom: _Atom | None  # None for relative expressions

    @property
    def id(self) -> str:
        return claim_id("date", self.start)


def _recent(found: list[_Found], sentence: int, window: int) -> Iterator[_Found]:
    """Earlier mentions, nearest first, at most ``window`` sentences back."""
    if sentence < 0:
        return
    for f in reversed(found):
        if f.sentence < 0 or sentence - f.sentence > window:
            return
        yield f


def _context_year(found: list[_Found], sentence: int) -> int | None:
    """The year of the nearest preceding dated mention; a day or month beats a bare year."""
    fallback = None
    for f in _recent(found, sentence, CONTEXT_WINDOW):
        v = f.value
        if v.start is None or v.end is None or v.start.year != v.end.year:
            continue
        if v.precision in ("day", "month"):
            return v.start.year
        if v.precision == "year" and fallback is None:
            fallback = v.start.year
    return fallback


def _with_year(atom: _Atom, year: int) -> _Atom | None:
    lo = replace(atom.lo, year=year)
    hi_year = year + 1 if atom.is_range and (atom.lo.month, atom.lo.day or 1) > (atom.hi.month, atom.hi.day or 1) else year
    hi = replace(atom.hi, year=hi_year)
    resolved = _check(replace(atom, lo=lo, hi=hi))
    return None if resolved.invalid else resolved


# ----------------------------------------------------------------- relative


@dataclass(frozen=True, slots=True)
class _Relative:
    start: int
    end: int
    expression: str
    unit: str  # year, month, week, day, weekend
    amount: int  # signed offset in units; 0 for same-period expressions
    needs: frozenset[str]  # anchor precisions it can use
    utterance: bool = False  # "ago": anchored only to an utterance date


_NEEDS = {
    "year": frozenset({"year", "month", "day"}),
    "month": frozenset({"month", "day"}),
    "week": frozenset({"day"}),
    "weekend": frozenset({"day"}),
    "day": frozenset({"day"}),
}
_ISO_UNIT = {"year": "Y", "month": "M", "week": "W", "day": "D"}
_UNRESOLVED_ISO = {"year": "XXXX", "month": "XXXX-XX", "day": "XXXX-XX-XX"}


_UNIT_WORDS = ("year", "month", "week", "day", "decade")


def _relatives(text: str, start: int, end: int) -> list[regex.Match]:
    """``_RELATIVE`` matches, searched only around the unit words they all contain."""
    out: list[regex.Match] = []
    last = start
    for u in sorted(_word_starts(text, start, end, _UNIT_WORDS)):
        window = (max(start, u - 40), min(end, u + 24))
        for m in _RELATIVE.finditer(text, *window):
            if m.start() >= last and m.start() <= u < m.end():
                out.append(m)
                last = m.end()
    return out


def _relative_from_match(m: regex.Match) -> _Relative | None:
    unit = _g(m, "unit").lower()
    s, e = m.span()
    branch = next(k for k in ("k_offset", "k_neighbour", "k_rest") if m.group(k) is not None)
    if branch == "k_offset":
        num = _g(m, "num").lower()
        n = int(num) if num.isdigit() else _CARDINAL_WORDS[num]
        if unit == "decade":
            unit, n = "year", 10 * n
        direction = _g(m, "dir").lower()
        sign = -1 if direction in ("earlier", "ago", "before") else 1
        expression = "ago" if direction == "ago" else "offset"
        return _Relative(s, e, expression, unit, sign * n, _NEEDS[unit], utterance=direction == "ago")
    if branch == "k_neighbour":
        rel = _g(m, "rel").lower()
        if rel == "same":
            return _Relative(s, e, f"same-{unit}", unit, 0, _NEEDS[unit])
        sign = -1 if rel in ("previous", "preceding", "prior") else 1
        if unit == "weekend":
            name = "previous-weekend" if sign < 0 else "following-weekend"
            return _Relative(s, e, name, unit, sign, _NEEDS[unit])
        return _Relative(s, e, "offset", unit, sign, _NEEDS[unit])
    return _Relative(s, e, f"same-{unit}", unit, 0, _NEEDS[unit])


def _offset_text(rel: _Relative) -> str | None:
    if rel.amount == 0 or rel.unit == "weekend":
        return None
    sign = "-" if rel.amount < 0 else ""
    return f"{sign}P{abs(rel.amount)}{_ISO_UNIT[rel.unit]}"


def _relative_precision(rel: _Relative) -> DatePrecision:
    return "day" if rel.unit in ("week", "weekend", "day") else rel.unit  # type: ignore[return-value]


def _find_anchor(rel: _Relative, found: list[_Found], sentence: int, text: str, sent_span: tuple[int, int] | None) -> _Found | None:
    if rel.utterance:
        # "three years ago" counts back from when it was said: only an utterance or
        # publication date in the same sentence anchors it.
        if sent_span is None:
            return None
        words = {w.lower() for w in _WORD.findall(text, sent_span[0], sent_span[1])}
        if not words & _lexicon()["utterance_cues"]:
            return None
        window = 0
    else:
        window = ANCHOR_WINDOW
    for f in _recent(found, sentence, window):
        if f.value.precision in rel.needs:
            return f
    return None


def _shifted(base: dt.date, unit: str, amount: int) -> dt.date | None:
    """``base`` moved by ``amount`` calendar units; relativedelta clips to the month's end
    (31 January + 1 month = 28 February; 29 February 2012 + 1 year = 28 February 2013)."""
    unit = {"week": "weeks", "day": "days", "month": "months", "year": "years"}[unit]
    try:
        from dateutil.relativedelta import relativedelta  # on first use: start-up time

        return base + relativedelta(**{unit: amount})
    except (OverflowError, ValueError):
        return None  # beyond year 1..9999


def _resolve(rel: _Relative, anchor: DateValue) -> tuple[dt.date, dt.date] | None:
    """The interval a relative expression names, given its anchor's interval."""
    if anchor.start is None or anchor.end is None:
        return None
    base = anchor.end if rel.amount > 0 else anchor.start
    if rel.unit == "week" and rel.amount == 0:
        monday = base - dt.timedelta(days=base.weekday())
        return monday, monday + dt.timedelta(days=6)
    if rel.unit in ("year", "month", "week", "day"):
        day = _shifted(base, rel.unit, rel.amount)
        if day is None:
            return None
        if rel.unit == "year":
            return day.replace(month=1, day=1), day.replace(month=12, day=31)
        if rel.unit == "month":
            return day.replace(day=1), day.replace(day=calendar.monthrange(day.year, day.month)[1])
        return day, day
    # weekend: Saturday and Sunday before (or after) the anchor day.
    if rel.amount < 0:
        back = (base.weekday() - 5) % 7 if base.weekday() < 5 else base.weekday() - 5 + 7
        saturday = base - dt.timedelta(days=back)
    else:
        saturday = base + dt.timedelta(days=(5 - base.weekday()) % 7 or 7)
    return saturday, saturday + dt.timedelta(days=1)


def _iso_interval(start: dt.date, end: dt.date, precision: DatePrecision) -> str:
    fmt = {"year": "%Y", "month": "%Y-%m", "day": "%Y-%m-%d"}[precision]
    a, b = start.strftime(fmt), end.strftime(fmt)
    return a if a == b else f"{a}/{b}"


def _relative_value(rel: _Relative, anchor: _Found | None) -> DateValue:
    precision = _relative_precision(rel)
    info = RelativeDate(
        expression=rel.expression, offset=_offset_text(rel), anchor=anchor.id if anchor else None
    )
    interval = _resolve(rel, anchor.value) if anchor else None
    is_range = rel.unit == "weekend" or (rel.unit == "week" and rel.amount == 0)
    if interval is None:
        return DateValue(
            start=None, end=None, precision=precision, iso=_UNRESOLVED_ISO[precision],
            is_range=is_range, year_source="none", relative=info,
        )
    start, end = interval
    return DateValue(
        start=start, end=end, precision=precision, iso=_iso_interval(start, end, precision),
        is_range=is_range, year_source="anchor", relative=info,
    )


# ----------------------------------------------------------------- extractor


def extract(doc: Document) -> Iterator[Mention]:
    """Date mentions of the document body, with context years and relative anchors."""
    text = doc.text
    lo, hi = doc.body.start, doc.body.end
    atoms, _ = _scan(text, lo, hi)
    relatives = [_relative_from_match(m) for m in _relatives(text, lo, hi)]
    items: list[_Atom | _Relative] = sorted([*atoms, *relatives], key=lambda x: x.start)
    found: list[_Found] = []
    last_end = -1
    for item in items:
        if item.start < last_end:
            continue  # a relative phrase overlapping an absolute date
        last_end = item.end
        sent = doc.sentence_at(item.start)
        index = sent.index if sent is not None else -1
        if isinstance(item, _Atom):
            value = _value(item)
            if not item.has_year:
                year = _context_year(found, index)
                resolved = _with_year(item, year) if year is not None else None
                if resolved is not None:
                    value = _value(resolved, year_source="context")
            priority = _PRIORITY_YEAR if item.precision == "year" and not item.is_range else _PRIORITY_NAMED
            found.append(_Found(item.start, item.end, index, value, item))
            yield Mention("date", item.start, item.end, value, priority=priority, coexists_with=_COEXISTS)
        else:
            span = (sent.span.start, sent.span.end) if sent is not None else None
            anchor = _find_anchor(item, found, index, text, span)
            value = _relative_value(item, anchor)
            found.append(_Found(item.start, item.end, index, value, None))
            yield Mention("date", item.start, item.end, value, priority=_PRIORITY_RELATIVE)
