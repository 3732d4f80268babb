"""Which counts and percentages are keyed by their noun: "its five studio albums", "the 4% threshold".

A counted noun of the domain files (``count_nouns`` in ``data/domains/*.json``)
marked ``"whole_set": true`` keys a count only when the count plainly gives
the whole number: a possessive right before it ("its five studio albums",
"the band's four albums", "Smith's twelve novels") or a verb of making or
holding ("released four studio albums", "wrote nine novels", "contains ten
tracks", "a total of 12 episodes"). A part of the set ("five tracks from New
York", "the remaining nine tracks", "its first four albums", "two albums with
Geffen") names no such number and stays unkeyed: a count left unkeyed costs a
missed finding, a part keyed as the whole a false one.

Words between the number and the noun must be one of the noun's
``modifiers`` (which join the key: "studio album" is not "live album") or
none at all; any other modifier ("four platinum albums") leaves it unkeyed.
"""

from __future__ import annotations

import regex

from .. import _lazyre
from .numbers import parse_cardinal_words

#: The few words before the count that make it the whole number.
_WHOLE_BEFORE = _lazyre.lazy_compile(
    r"""(?:
        (?P<owner>\b(?:its|his|her|their)|(?:\b(?:[Tt]he\s+)?[A-Z]?[\w.\-]+\s+){0,3}[\w.\-]+['’]s?)
      | \b(?:released|recorded|issued|wrote|written|published|produced|composed|authored
            |contains?|contained|comprises?|comprised|consists?\s+of|consisted\s+of|features?|featured
            |includes?|included|spans?|spanned|totall?ed|a\s+total\s+of)
    )(?:\s+(?:over|about|some|around|nearly|almost|more\s+than|at\s+least))?\s+$""",
    regex.VERBOSE,
)
#: What after the noun says it is only part of the set.
_PART_AFTER = _lazyre.lazy_compile(
    r"^\s*(?:from|with|by|for|on|under|of|at|that|which|who|recorded|written|released|produced|issued"
    r"|(?:before|after|since|until|between|by)\s+(?:the\s+)?(?:\d|early|mid|late|end)|so\s+far|to\s+date|in\s+(?!\d{4}\b)|out\b)",
    regex.IGNORECASE,
)
_WORDS = _lazyre.lazy_compile(r"[A-Za-z][A-Za-z'\-]*|\d[\d,.]*")


def modifiers(span_text: str, noun_words: int = 1) -> tuple[str, ...] | None:
    """The words between the number and the counted noun, or None when no number is found.

    ``span_text`` is the count's own text ("over five studio albums").
    """
    words = _WORDS.findall(span_text)
    last_number = None
    for i, w in enumerate(words[:-noun_words]):
        if w[0].isdigit() or parse_cardinal_words(w.lower()) is not None or w.lower() in ("hundred", "thousand", "million"):
            last_number = i
    if last_number is None:
        return None
    return tuple(w.lower() for w in words[last_number + 1 : len(words) - noun_words])


def whole_set_scope(spec: dict, before: str, span_text: str, after: str) -> tuple[str, str | None] | None:
    """(scope, owner) of a whole-set count, or None when the count is no whole set.

    The scope is the noun with its modifier ("studio album"); the owner is the
    possessive right before the count ("its", "the band's", "Smith's"), None
    when a verb introduced it (the clause's subject owns it then).
    """
    mods = modifiers(span_text)
    if mods is None or len(mods) > 1:
        return None
    allowed = spec.get("modifiers", ())
    if mods and mods[0] not in allowed:
        return None
    owner = None
    if spec.get("whole_set"):
        m = _WHOLE_BEFORE.search(before[-40:])
        if m is None or _PART_AFTER.match(after):
            return None
        if m.group("owner"):
            owner = regex.sub(r"['’]s?$", "", m.group("owner")).strip()
    return (f"{mods[0]} {spec['scope']}" if mods else spec["scope"]), owner


#: "the 4% threshold", "a 5% electoral threshold": the noun right after the percentage.
_PERCENT_NOUN_AFTER = _lazyre.lazy_compile(r"^\s*(?:(?P<mod>[a-z]+)\s+)?(?P<noun>[a-z]+)\b")
#: "the threshold is 4%", "a threshold of 5%": the noun right before it.
_PERCENT_NOUN_BEFORE = _lazyre.lazy_compile(
    r"\b(?P<noun>[a-z]+)\s+(?:is|was|of|stood\s+at|remains|remained|set\s+at|at)\s+$"
)
#: A change of the figure in its sentence: two values of one thing, both true in their time.
_CHANGE = _lazyre.lazy_compile(
    r"\b(?:raised|lowered|increased|decreased|reduced|cut|changed|amended|from\s+\d|to\s+\d|previously|formerly|until|former)\b"
    r"|\d\s*%\s*(?:to|and|or|-|–)\s*\d",
    regex.IGNORECASE,
)


def percent_noun(table: dict[str, dict], before: str, after: str, sentence: str) -> dict | None:
    """The spec of the noun a percentage is a share of ('threshold'), or None.

    The noun comes right after the percentage ("the 4% threshold", one modifier
    allowed: "a 5% electoral threshold") or right before it with a copula or "of"
    ("the threshold is 4%"). A sentence that states a change ("raised the
    threshold from 4% to 5%") keys nothing.
    """
    m = _PERCENT_NOUN_AFTER.match(after)
    spec = None
    if m is not None:
        spec = table.get(m.group("noun")) or (table.get(m.group("mod")) if m.group("mod") else None)
    if spec is None:
        b = _PERCENT_NOUN_BEFORE.search(before[-40:])
        spec = table.get(b.group("noun")) if b else None
    if spec is None or _CHANGE.search(sentence):
        return None
    return spec
