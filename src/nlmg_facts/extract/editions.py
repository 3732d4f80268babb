"""Edition mentions: '37th annual Telluride Film Festival', 'The 23rd TIFF', '13th Edition' -> number + event.

The event is named by its calendar key when the calendar knows it (through any
alias or abbreviation), else by its normalised name. A generic head ('31st Film
Awards', '13th Edition', 'the festival's 54th edition') takes the event named
elsewhere in the same window (sentence or citation); with none it is not a
claim. An abbreviation several events share ('TIFF': Toronto and Tokyo) is
resolved by a definition in the text ('Toronto International Film Festival
(TIFF)') or a full name in the same window, else left unresolved.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterator, Mapping

import regex

from .. import _lazyre
from ..calendar import Event, EventCalendar, default_calendar, normalize_event_name
from ..models import Document, EditionValue
from .base import Mention
from .numbers import ORDINAL_WORD_RE, ordinal_anchors, parse_ordinal

__all__ = ["extract", "find_editions", "abbreviation_definitions"]

# Words that end an event name. Singular "Award" is left out on purpose:
# "2nd Place Award" is a prize, not an edition.
_HEAD = r"""(?:
      (?i:film\s+)?(?i:festival|fest|awards)
    | Berlinale | Biennale | Mostra | Oscars | Globes | BAFTAs | BIFAs
)"""
# Capitalised words that are never part of an event name: they belong to a
# prize, a date or an ordinal phrase ("2nd Prize at the Berlin Film Festival").
_NOT_NAME = r"(?:Prize|Place|Award|Anniversary|Birthday|Time|Year|Week|Day|Night|Century|Street|Avenue|Round|Season|Part|Chapter|Volume|Edition)\b"
# One word of a name: a capitalised word (accents, apostrophes, dots, hyphens:
# "Critics'", "Moët", "San Sebastián") or a lower-case linking word. No
# "at/in/on": those join a prize to its festival, not words of one name.
_NAME_WORD = rf"""(?:
      (?!{_NOT_NAME}) \p{{Lu}}[\p{{L}}\p{{M}}'’.&-]*
    | (?:of|and|&|de|del|della|di|du|des|la|le|for|the|d['’]\p{{L}}+)
)"""
# Heads that are names on their own: "the 60th Berlinale", "the 83rd Oscars".
_PROPER = r"(?:Berlinale|Biennale|Mostra|Oscars|BAFTAs|BIFAs|Golden\s+Globes)"
_FIRST_WORD = rf"(?!{_NOT_NAME}|{_HEAD}\b)\p{{Lu}}[\p{{L}}\p{{M}}'’.&-]*"
# A named event: up to eight words and a head. Lazy, so the earliest head ends it
# ("Palm Springs International Film Festival Awards Gala" -> "... Film Festival").
_NAMED = rf"(?:{_FIRST_WORD}\s+(?:{_NAME_WORD}\s+){{0,7}}?{_HEAD}\b|{_PROPER}\b)"
_ORD = rf"(?:(?<![\d.,])\d{{1,3}}(?:st|nd|rd|th)\b|\b(?i:{ORDINAL_WORD_RE})\b)"

#: Event names after normalisation that name no particular event.
_GENERIC = frozenset({"", "film festival", "festival", "fest", "film fest", "film awards", "awards", "edition"})


@dataclass(frozen=True)
class _Patterns:
    forward: regex.Pattern[str]  # matched AT an ordinal
    named: regex.Pattern[str]  # matched AT an ordinal: a calendar name right after it
    possessive: regex.Pattern[str]  # searched in a window ENDING at an ordinal phrase
    context: regex.Pattern[str]  # event names in the window


@lru_cache(maxsize=4)
def _patterns(abbreviations: tuple[str, ...], names: str = r"(?!)") -> _Patterns:
    abbr = "|".join(regex.escape(a) for a in sorted(abbreviations, key=len, reverse=True)) or r"(?!)"
    forward = _lazyre.compile(
        rf"""
        # "the 54th edition of the London Film Festival" / "... of the festival"
        (?P<ord>{_ORD}) \s+ (?i:edition) \s+ of \s+ (?:the\s+)?
            (?P<event>{_NAMED} | (?:{names}) | (?:{abbr})\b | (?i:festival|awards|ceremony|contest|games)\b)
        # "37th annual Telluride Film Festival", "The 23rd TIFF", "31st Film Awards", "13th Edition",
        # "the 64th (2011) Berlinale", "the 45th Super Bowl" (a calendar name without a head word)
        | (?P<ord>{_ORD}) \s+ (?:\(\s*(?:1[89]|20)\d\d\s*\)\s+)? (?:(?P<annual>(?i:annual))\s+)?
            (?P<event>{_NAMED} | (?:{names}) | (?:Film\s+)?(?:Festival|Awards)\b | (?:{abbr})\b | Edition\b)
        """,
        regex.VERBOSE,
    )
    possessive = _lazyre.compile(
        rf"""
        # "the Berlinale's 60th edition", "the festival's 54th edition", "TIFF's 35th edition"
        (?P<event>{_NAMED} | \b(?:{abbr}) | \b(?i:festival|awards)) ['’]s \s+
            (?P<ord>{_ORD}) \s+ (?:(?i:annual)\s+)? (?i:edition|instal?lment)\b
        """,
        regex.VERBOSE,
    )
    # "the 39th International Film Festival Rotterdam": the generic-looking head
    # ("International Film Festival") is a calendar name's beginning; the name wins.
    named = _lazyre.compile(
        rf"(?P<ord>{_ORD}) \s+ (?:\(\s*(?:1[89]|20)\d\d\s*\)\s+)? (?:(?P<annual>(?i:annual))\s+)? (?P<event>{names})",
        regex.VERBOSE,
    )
    # Event names in context: named events and abbreviations (aliases are added per calendar).
    context = _lazyre.compile(rf"(?P<name>{_NAMED}|\b(?:{abbr})\b)", regex.VERBOSE)
    return _Patterns(forward, named, possessive, context)


#: Alias patterns per calendar object (calendars are unhashable pydantic models).
_ALIAS_CACHE: dict[int, tuple[EventCalendar, regex.Pattern[str]]] = {}


def _alias_pattern(calendar: EventCalendar) -> regex.Pattern[str]:
    """Every calendar name and alias, as written in prose (case-insensitive)."""
    hit = _ALIAS_CACHE.get(id(calendar))
    if hit is not None and hit[0] is calendar:
        return hit[1]
    if len(_ALIAS_CACHE) > 8:
        _ALIAS_CACHE.clear()
    names: set[str] = set()
    for e in calendar:
        for n in (e.name, *e.aliases):
            # One-word award aliases ("Oscar") mostly appear as "Oscar-winning": not a context name.
            if len(n.split()) >= 2 or e.kind == "festival":
                names.add(n)
    alts = []
    for n in sorted(names, key=lambda n: (-len(n), n)):
        words = [regex.escape(w).replace("'", "['’]?").replace("’", "['’]?") for w in n.split()]
        alts.append(r"\s+".join(words))
    pattern = _lazyre.compile(rf"\b(?:{'|'.join(alts)})(?!\w)", regex.IGNORECASE)
    _ALIAS_CACHE[id(calendar)] = (calendar, pattern)
    return pattern


_ABBR_CACHE: dict[int, tuple[EventCalendar, tuple[str, ...]]] = {}
_NAMES_CACHE: dict[int, tuple[EventCalendar, str]] = {}


def _names_alternation(calendar: EventCalendar) -> str:
    """Calendar names as a regex alternation (longest first), for names with no head word."""
    hit = _NAMES_CACHE.get(id(calendar))
    if hit is not None and hit[0] is calendar:
        return hit[1]
    if len(_NAMES_CACHE) > 8:
        _NAMES_CACHE.clear()
    names = {n for e in calendar for n in (e.name, *e.aliases) if n[:1].isupper()}
    alts = [
        r"\s+".join(regex.escape(w).replace("'", "['’]?").replace("’", "['’]?") for w in n.split())
        for n in sorted(names, key=lambda n: (-len(n), n))
    ]
    found = rf"(?:{'|'.join(alts)})(?!\w)" if alts else r"(?!)"
    _NAMES_CACHE[id(calendar)] = (calendar, found)
    return found


_ROMAN_CACHE: dict[int, tuple[EventCalendar, tuple[tuple[Event, regex.Pattern[str]], ...]]] = {}
_ROMAN_NUMERAL = r"(?P<roman>[IVXLCDM]{1,8})"
_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}


def parse_roman(numeral: str) -> int | None:
    """'XLV' -> 45; None unless the numeral is in canonical form ('IIII', 'VX' are not)."""
    total, prev = 0, 0
    for ch in reversed(numeral):
        v = _ROMAN_VALUES.get(ch)
        if v is None:
            return None
        total = total - v if v < prev else total + v
        prev = max(prev, v)
    return total if total > 0 and to_roman(total) == numeral else None


def to_roman(n: int) -> str:
    out = []
    for value, letters in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
                           (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= value:
            out.append(letters)
            n -= value
    return "".join(out)


def _roman_patterns(calendar: EventCalendar) -> tuple[tuple[Event, regex.Pattern[str]], ...]:
    """One pattern per event written with Roman numerals ('Super Bowl {n}')."""
    hit = _ROMAN_CACHE.get(id(calendar))
    if hit is not None and hit[0] is calendar:
        return hit[1]
    if len(_ROMAN_CACHE) > 8:
        _ROMAN_CACHE.clear()
    found = []
    for e in calendar:
        forms = []
        for form in e.numeral_forms:
            before, after = form.split("{n}")
            words = lambda t: r"\s+".join(regex.escape(w) for w in t.split())  # noqa: E731
            forms.append(
                (words(before) + r"\s+" if before.strip() else "") + _ROMAN_NUMERAL.replace("roman", f"roman{len(forms)}")
                + (r"\s+" + words(after) if after.strip() else "")
            )
        if forms:
            found.append((e, _lazyre.compile(rf"\b(?:{'|'.join(forms)})\b")))
    _ROMAN_CACHE[id(calendar)] = (calendar, tuple(found))
    return _ROMAN_CACHE[id(calendar)][1]


def _roman_editions(text: str, start: int, end: int, calendar: EventCalendar) -> list[tuple[int, int, EditionValue]]:
    out = []
    for event, pattern in _roman_patterns(calendar):
        for m in pattern.finditer(text, start, end):
            numeral = next(g for g in m.groups() if g)
            number = parse_roman(numeral)
            if number is not None:
                out.append((m.start(), m.end(), EditionValue(number=number, event=event.key, event_text=m.group())))
    return out


def _abbreviations(calendar: EventCalendar) -> tuple[str, ...]:
    hit = _ABBR_CACHE.get(id(calendar))
    if hit is not None and hit[0] is calendar:
        return hit[1]
    if len(_ABBR_CACHE) > 8:
        _ABBR_CACHE.clear()
    found = tuple(sorted({a for e in calendar for a in e.abbreviations}))
    _ABBR_CACHE[id(calendar)] = (calendar, found)
    return found


# "(TIFF)": found first (a literal-led pattern is fast), then the name before it.
_PARENTHESISED = _lazyre.lazy_compile(r"\(\s*(?P<abbr>\p{Lu}[\p{Lu}\p{Ll}]{1,7})\s*\)")
_NAME_BEFORE = _lazyre.lazy_compile(rf"(?P<name>{_NAMED})\s*$", regex.VERBOSE)


def abbreviation_definitions(text: str, start: int = 0, end: int | None = None) -> dict[str, str]:
    """Abbreviations the text defines: 'Toronto International Film Festival (TIFF)' -> {'TIFF': name}."""
    found: dict[str, str] = {}
    for m in _PARENTHESISED.finditer(text, start, len(text) if end is None else end):
        name = _NAME_BEFORE.search(text, max(start, m.start() - 120), m.start())
        if name is not None:
            found.setdefault(m.group("abbr"), name.group("name"))
    return found


def _kind_of(generic_text: str) -> str | None:
    t = generic_text.lower()
    if "festival" in t or t.endswith("fest"):
        return "festival"
    if "award" in t or "ceremony" in t:
        return "award"
    return None


class _Resolver:
    """Names events for one window of text, using the calendar and the window's context."""

    def __init__(self, text: str, start: int, end: int, calendar: EventCalendar,
                 definitions: Mapping[str, str]) -> None:
        self.text, self.start, self.end = text, start, end
        self.calendar = calendar
        self.definitions = definitions
        self._context: list[tuple[int, int, str]] | None = None

    def context(self) -> list[tuple[int, int, str]]:
        """Event names in the window: (start, end, surface), in text order."""
        if self._context is None:
            ctx = _patterns(_abbreviations(self.calendar)).context
            spans = [(m.start(), m.end(), m.group()) for m in ctx.finditer(self.text, self.start, self.end)]
            spans += [(m.start(), m.end(), m.group())
                      for m in _alias_pattern(self.calendar).finditer(self.text, self.start, self.end)]
            self._context = sorted(spans)
        return self._context

    def events_for(self, name: str) -> tuple[Event, ...]:
        if name in self.definitions:
            return self.calendar.candidates(self.definitions[name])
        return self.calendar.candidates(name)

    def resolve(self, event_text: str, at: int, until: int) -> tuple[str, str] | None:
        """(event key or normalised name, event text) for a mention at [at, until), or None."""
        norm = normalize_event_name(event_text)
        if norm in _GENERIC:
            return self._from_context(event_text, at, until)
        found = self.events_for(event_text)
        if len(found) == 1:
            return found[0].key, event_text
        if len(found) > 1:
            # Shared abbreviation: a full name of one of them in the window decides.
            keys = {e.key for e in found}
            for _, _, surface in self._nearest(at, until):
                named = self.calendar.candidates(surface)
                if len(named) == 1 and named[0].key in keys:
                    return named[0].key, event_text
            return norm, event_text
        return norm, event_text

    def _nearest(self, at: int, until: int) -> list[tuple[int, int, str]]:
        """Context names outside the mention, nearest first (preceding ones win ties)."""
        outside = [c for c in self.context() if c[1] <= at or c[0] >= until]
        return sorted(outside, key=lambda c: (at - c[1]) if c[1] <= at else (c[0] - until) + 0.5)

    def _from_context(self, generic: str, at: int, until: int) -> tuple[str, str] | None:
        want = _kind_of(generic)
        fallback: tuple[str, str] | None = None
        for _, _, surface in self._nearest(at, until):
            found = self.events_for(surface)
            if len(found) == 1:
                if want is None or found[0].kind == want:
                    return found[0].key, surface
                continue
            norm = normalize_event_name(surface)
            if not found and norm not in _GENERIC and fallback is None:
                if want is None or _kind_of(surface) == want:
                    fallback = (norm, surface)
        return fallback


def _ordinal_start(text: str, at: int, lo: int) -> int:
    """Start of the word holding offset ``at`` ('twenty-first' from its 'first')."""
    i = at
    while i > lo and (text[i - 1].isalnum() or text[i - 1] == "-"):
        i -= 1
    return i


_ARTICLE_BEFORE = _lazyre.lazy_compile(r"(?i:\bthe)\s+$")
_ITS_BEFORE = _lazyre.lazy_compile(r"\b[Ii]ts\s+$")
# "its 61st" ending its phrase: a comma, a full stop, a bracket, or "edition".
_ITS_ORDINAL = _lazyre.lazy_compile(rf"(?P<ord>{_ORD})(?:\s+(?i:edition|installment|instalment)\b)?(?=\s*(?:[,.;:)]|$))")
_POSSESSIVE_BEFORE = _lazyre.lazy_compile(r"['’]s\s+$")


def find_editions(
    text: str,
    start: int = 0,
    end: int | None = None,
    *,
    calendar: EventCalendar | None = None,
    definitions: Mapping[str, str] | None = None,
    anchors: list[int] | None = None,
    numerals: bool = True,
) -> list[tuple[int, int, EditionValue]]:
    """Edition mentions in ``text[start:end]`` with their values; the window is the context.

    Usable on any text (a body sentence, a citation title): pass the window whose
    other event names may resolve a generic head ('13th Edition'). ``anchors``
    (offsets of ordinals, from ``ordinal_anchors``) may be passed when known.
    """
    end = len(text) if end is None else end
    cal = default_calendar() if calendar is None else calendar
    defs = dict(definitions) if definitions is not None else abbreviation_definitions(text, start, end)
    pats = _patterns(_abbreviations(cal), _names_alternation(cal))
    resolver = _Resolver(text, start, end, cal, defs)
    if anchors is None:
        anchors = ordinal_anchors(text, start, end)
    out: list[tuple[int, int, EditionValue]] = []
    done = start
    for anchor in anchors:
        if not start <= anchor < end:
            continue
        at = _ordinal_start(text, anchor, start)
        if at < done:
            continue  # inside a mention already found
        m = pats.forward.match(text, at, end)
        if m is not None and normalize_event_name(m.group("event")) in _GENERIC:
            m = pats.named.match(text, at, end) or m
        if m is None and _POSSESSIVE_BEFORE.search(text, max(start, at - 4), at):
            # Find the possessor before the ordinal; keep the match that ends on this ordinal.
            for pm in pats.possessive.finditer(text, max(done, at - 120), min(end, at + 60)):
                if pm.start("ord") == at:
                    m = pm
                    break
        if m is None and _ITS_BEFORE.search(text, max(start, at - 5), at):
            # "the Berlinale's 2011 edition, its 61st": the event comes from the context.
            own = _ITS_ORDINAL.match(text, at, end)
            if own is not None and (number := parse_ordinal(own.group("ord"))) is not None:
                resolved = resolver.resolve("edition", own.start(), own.end())
                if resolved is not None:
                    out.append((own.start(), own.end(), EditionValue(
                        number=number, event=resolved[0], event_text=resolved[1])))
                    done = own.end()
            continue
        if m is None or m.start("ord") != at:
            continue
        ordinal = m.group("ord")
        if not ordinal[0].isdigit():
            # Word ordinals only after an article or in the possessive form: "the thirty-seventh
            # Telluride Film Festival", not "her first Golden Globe Awards nomination".
            if not ordinal.islower() or (
                m.start("event") > at and not _ARTICLE_BEFORE.search(text, max(start, at - 5), at)
            ):
                continue
        number = parse_ordinal(ordinal)
        if number is None:
            continue
        resolved = resolver.resolve(m.group("event"), m.start(), m.end())
        if resolved is None:
            continue
        key, shown = resolved
        out.append((m.start(), m.end(), EditionValue(number=number, event=key, event_text=shown)))
        done = m.end()
    if numerals and cal.has_numeral_forms:
        taken = [(a, b) for a, b, _ in out]
        out += [r for r in _roman_editions(text, start, end, cal)
                if not any(a < r[1] and r[0] < b for a, b in taken)]
        out.sort(key=lambda r: r[0])
    return out


def extract(doc: Document) -> Iterator[Mention]:
    """Edition mentions in the body, one sentence at a time (the sentence is the context)."""
    cal = default_calendar()
    anchors = ordinal_anchors(doc.text, doc.body.start, doc.body.end)
    definitions = abbreviation_definitions(doc.text, doc.body.start, doc.body.end) if anchors else {}
    found: list[tuple[int, int, EditionValue]] = []
    for s, e in sentences_with_anchors(doc, anchors):
        inside = anchors[bisect_left(anchors, s) : bisect_left(anchors, e)]
        found += find_editions(
            doc.text, s, e, calendar=cal, definitions=definitions, anchors=inside, numerals=False
        )
    if cal.has_numeral_forms:
        # "Super Bowl XLV": Roman numerals are not ordinal anchors; one scan of the body.
        taken = [(a, b) for a, b, _ in found]
        found += [r for r in _roman_editions(doc.text, doc.body.start, doc.body.end, cal)
                  if not any(a < r[1] and r[0] < b for a, b in taken)]
        found.sort(key=lambda r: r[0])
    for start, end, value in found:
        yield Mention(kind="edition", start=start, end=end, value=value, priority=2)


def sentences_with_anchors(doc: Document, anchors: list[int]) -> Iterator[tuple[int, int]]:
    """(start, end) of each body sentence holding at least one anchor offset, in order."""
    last = -1
    for a in anchors:
        sentence = doc.sentence_at(a)
        if sentence is None or sentence.section != "body" or sentence.index == last:
            continue
        last = sentence.index
        yield sentence.span.start, min(sentence.span.end, doc.body.end)
