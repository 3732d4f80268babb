"""Ranking mentions: 'ninth place', 'number-one', '28th-highest-grossing', 'finished third', 'the second film ... to open'.

A bare ordinal is never a ranking ('first weekend', 'second week', 'fourth
donation', 'third-person', 'September 15th'): only a ranking construction
makes one. Trigger words live in ``data/rankings.json``.
"""

from __future__ import annotations

import json
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Iterator

import regex

from .. import _lazyre
from ..models import Document, RankingValue
from .base import Mention
from .editions import sentences_with_anchors
from .numbers import ORDINAL_WORD_RE, ordinal_anchors, parse_cardinal_words, parse_ordinal

_NP_WORD = _lazyre.lazy_compile(r"[\p{L}'’-]+")

__all__ = ["extract", "find_rankings"]

#: Category of every positional ranking (place, position, number N, No. N, finished Nth).
PLACE = "place"

_NUMBER_WORDS = (
    "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|"
    "fifteen|sixteen|seventeen|eighteen|nineteen|twenty"
)
_ORD = rf"(?:(?<![\d.,])\d{{1,3}}(?:st|nd|rd|th)\b|\b(?i:{ORDINAL_WORD_RE})\b)"
# "number one", "number-one", "Number 1", "No. 1", "#1"; never "number one hundred".
_NUMBER_N = rf"""(?P<numph>
      \b(?i:number)[\s-](?P<n>(?i:{_NUMBER_WORDS})|\d{{1,3}})\b
    | \bNo\.\s?(?P<n>\d{{1,3}})\b
    | (?<!\w)\#(?P<n>\d{{1,3}})\b
)(?![\s-]+(?i:hundred|thousand|million|billion)\b)(?!-year|\.\d|,\d)"""
# Words before "No. N" / "number two" that make it a position rather than a catalogue number.
_POSITION_LEFT = frozenset(
    "at to hit hits reached reach reaches peaked debuted opened entered remained stayed "
    "was is became become becomes the a its their his her ranked rose fell climbed dropped "
    "slipped moved landed spent of".split()
)
# Words after "number N" that make it a position ("number two spot", "number one film").
_POSITION_RIGHT = frozenset(
    "spot position place on at in film movie single album song hit seed for with".split()
)
# Words before "number one" that make it a label, not a rank ("page number one").
_LABEL_LEFT = frozenset(
    "phone page room track platform gate chapter part volume issue episode size account serial "
    "route bus line box exit catalogue catalog opus symphony concerto sonata no".split()
)
# An ordinal followed by one of these counts periods or items, not places.
_PERIOD_NOUNS = frozenset(
    "week weeks weekend weekends day days night nights month months year years season seasons "
    "time times half act acts part parts chapter episode instalment installment film films movie "
    "movies feature book novel album single round leg stage draft version edition".split()
)


@dataclass(frozen=True)
class _Lexicon:
    place_nouns: frozenset[str]
    superlatives: frozenset[str]
    participles: frozenset[str]
    verbs: frozenset[str]
    strict_verbs: frozenset[str]
    first_contexts: frozenset[str]
    order_nouns: frozenset[str]
    order_stops: frozenset[str]
    object_stops: frozenset[str]


@lru_cache(maxsize=1)
def _lexicon() -> _Lexicon:
    raw = json.loads(resources.files("nlmg_facts.data").joinpath("rankings.json").read_text("utf-8"))

    def words(section: str, key: str = "words") -> frozenset[str]:
        return frozenset(w.lower() for w in raw[section][key])

    return _Lexicon(
        place_nouns=words("place_nouns"),
        superlatives=words("superlatives"),
        participles=words("participles"),
        verbs=words("place_verbs") | words("place_verbs", "strict"),
        strict_verbs=words("place_verbs", "strict"),
        first_contexts=words("first_contexts"),
        order_nouns=words("order_nouns"),
        order_stops=words("order_stops"),
        object_stops=words("order_object_stops"),
    )


def _alt(words: frozenset[str]) -> str:
    return "|".join(regex.escape(w) for w in sorted(words, key=lambda w: (-len(w), w)))


@lru_cache(maxsize=1)
def _pattern() -> regex.Pattern[str]:
    lx = _lexicon()
    return _lazyre.compile(
        rf"""
        # "finished third", "finished in third place", "ranked No. 5", "debuted at number two", "fell to ninth"
        (?P<verb>\b(?i:{_alt(lx.verbs)})) \s+ {_SEASON_BETWEEN} {_OBJECT} (?:(?i:at|in|to)\s+)? (?:(?i:the)\s+)?
            (?: (?P<ord>{_ORD}) (?:[\s-]+(?P<noun>(?i:{_alt(lx.place_nouns)}))\b)? | {_NUMBER_N} )
        # "the second film based on an Ishiguro novel to open the festival"
        | \b(?i:the) \s+ (?P<ord>{_ORD}) \s+ (?P<np>(?:[\p{{L}}'’-]+\s+){{1,9}}?) to \s+
            (?P<act>\p{{Ll}}+) (?P<obj>(?:\s+[\p{{L}}'’-]+){{0,3}})
        # "28th-highest-grossing", "17th-best-selling", "the third-largest", "fifth most watched"
        | (?P<ord>{_ORD}) [\s-]+ (?P<sup>(?i:{_alt(lx.superlatives)}))\b (?:[\s-]+(?P<part>\p{{Ll}}+)\b)?
        # "ninth place", "42nd place", "first-place", "third position"
        | (?P<ord>{_ORD}) [\s-]+ (?P<noun>(?i:{_alt(lx.place_nouns)}))\b
        # "number-one", "number one", "No. 1", "#1"
        | {_NUMBER_N}
        """,
        regex.VERBOSE,
    )


_WORD_BEFORE = _lazyre.lazy_compile(r"([\p{L}.]+)\W*$")
_WORD_AFTER = _lazyre.lazy_compile(r"[\s-]*([\p{L}]+)")


def _word_before(text: str, lo: int, at: int) -> str:
    m = _WORD_BEFORE.search(text, max(lo, at - 40), at)
    return m.group(1).lower().rstrip(".") if m else ""


def _word_after(text: str, at: int, hi: int) -> str:
    m = _WORD_AFTER.match(text, at, min(hi, at + 40))
    return m.group(1).lower() if m else ""


_ARTICLE = _lazyre.lazy_compile(r"\s(?i:the)\s")
_CAPITALISED_AFTER = _lazyre.lazy_compile(r"[ \t]+\p{Lu}")


def _capitalised_after(text: str, at: int, hi: int) -> bool:
    return _CAPITALISED_AFTER.match(text, at, hi) is not None


def _number_value(n: str) -> int | None:
    if n.isdigit():
        return int(n)
    return parse_cardinal_words(n)


def _number_is_position(text: str, start: int, end: int, lo: int, hi: int, rank: int, has_verb: bool) -> bool:
    before = _word_before(text, lo, start)
    if before in _LABEL_LEFT:
        return False
    if has_verb:
        return True
    after = _word_after(text, end, hi)
    surface = text[start:end].lower()
    if surface.startswith("number") and rank == 1 and not text[start:end].istitle():
        return True  # "number one"/"number-one" reads as a rank; "Number One" may be a title
    return before in _POSITION_LEFT or after in _POSITION_RIGHT


def _order(m: regex.Match[str], text: str, lx: _Lexicon) -> tuple[int, int, str] | None:
    """(span end, category) of 'the ORD NOUN ... to VERB OBJECT', or None if the head is no order noun."""
    tokens = list(_NP_WORD.finditer(m.group("np")))
    head = None
    for tok in tokens:
        w = tok.group().lower()
        if w in lx.order_stops:
            break
        head = tok
    if head is None or head.group().lower() not in lx.order_nouns:
        return None
    obj_words = []
    for w in m.group("obj").split():
        if w.lower() in lx.object_stops:
            break
        obj_words.append(w)
    category = " ".join([head.group().lower(), "to", m.group("act"), *obj_words])
    end = m.start("np") + head.end()
    return m.start("ord"), end, category


def find_rankings(
    text: str, start: int = 0, end: int | None = None, *, anchors: list[int] | None = None
) -> list[tuple[int, int, RankingValue]]:
    """Ranking mentions in ``text[start:end]`` with their values (the window bounds the context).

    Every ranking holds an ordinal or a 'number N' / 'No. N' / '#N': the pattern
    is only tried near those anchors (found by a literal scan), which keeps the
    pass linear and fast.
    """
    end = len(text) if end is None else end
    lx = _lexicon()
    if anchors is None:
        anchors = ordinal_anchors(text, start, end, extra=_NUMBER_ANCHORS)
    pattern = _pattern()
    out: list[tuple[int, int, RankingValue]] = []
    done = start
    for anchor in anchors:
        if not start <= anchor < end:
            continue
        at = anchor
        while at > start and (text[at - 1].isalnum() or text[at - 1] == "-"):
            at -= 1
        if at < done:
            continue
        # A ranking may start a few words before its ordinal ("finished in the third ..."):
        # try the pattern at each word start from there, earliest first.
        for p in _word_starts(text, max(done, at - _LOOK_BACK), at):
            m = pattern.match(text, p, end)
            if m is None or m.end() <= at:
                continue
            found = _classify(m, text, start, end, lx)
            if found is not None:
                out.append(found)
                done = m.end()
            break
    return out


def _word_starts(text: str, lo: int, at: int) -> list[int]:
    """Offsets in [lo, at] where a word starts (``at`` always included)."""
    starts = [p for p in range(lo, at) if (p == 0 or text[p - 1].isspace()) and not text[p].isspace()]
    starts.append(at)
    return starts


# "finished the season 5th", "ended the 1995–96 campaign in third place": the season between verb and place.
_SEASON_BETWEEN = r"""(?P<season>(?i:the|its|their|his|her)\s+(?:(?:1[5-9]|20)\d\d(?:[–/-]\d\d(?:\d\d)?)?\s+)?
    (?i:season|campaign|league\s+season)\s+)?"""

# "ranked the album 48th", "rated the film 12th": what is ranked between the verb and the place.
_OBJECT = r"""(?P<obj>(?i:the\s+(?:album|film|movie|song|book|novel|record|single|game|series|show))\s+)?"""
#: Verbs that take what they rank as an object.
_OBJECT_VERBS = frozenset({"ranked", "ranking", "ranks", "rank", "rated", "placed", "placing"})

#: Literals that may start a ranking without an ordinal ("number one", "No. 1", "#1").
_NUMBER_ANCHORS = ("number", "no.", "#")
#: How far before an ordinal a ranking phrase may start ("debuting at the ").
_LOOK_BACK = 32


def _classify(m: regex.Match[str], text: str, lo: int, hi: int, lx: _Lexicon) -> tuple[int, int, RankingValue] | None:
    s, e = m.span()
    if m.group("np") is not None:
        order = _order(m, text, lx)
        if order is None:
            return None
        rank = parse_ordinal(m.group("ord"))
        return None if rank is None else (order[0], order[1], RankingValue(rank=rank, category=order[2]))

    verb = (m.group("verb") or "").lower()
    if m.group("n") is not None:
        rank = _number_value(m.group("n"))
        if not rank or not _number_is_position(text, m.start("numph"), e, lo, hi, rank, bool(verb)):
            return None
        return s, e, RankingValue(rank=rank, category=PLACE)

    rank = parse_ordinal(m.group("ord"))
    if not rank:
        return None  # "0th place" is no position
    after = _word_after(text, e, hi)
    if m.group("sup") is not None:
        sup = m.group("sup").lower()
        part = (m.group("part") or "").lower()
        if sup in ("most", "least"):
            if not part or part in lx.order_stops or part in lx.object_stops or part in {"the", "a", "an"}:
                return None
            return s, e, RankingValue(rank=rank, category=f"{sup}-{part}")
        if part and part in lx.participles:
            return s, e, RankingValue(rank=rank, category=f"{sup}-{part}")
        e = m.end("sup")  # the next word is what is ranked, not part of the category
        return s, e, RankingValue(rank=rank, category=sup)

    if verb:
        if m.group("noun") is None:
            if m.group("obj") is not None and verb not in _OBJECT_VERBS:
                return None  # "finished the album third": no ranking
            plain = m.group()
            for part in ("obj", "season"):
                if m.group(part) is not None:
                    plain = plain.replace(m.group(part), " ", 1)
            if _ARTICLE.search(plain) or _capitalised_after(text, e, hi):
                return None  # "opened the 53rd London Film Festival": the ordinal names a thing
            if after in _PERIOD_NOUNS or after in lx.order_nouns:
                return None  # "finished the second film", "opened its third week"
            if rank == 1 and verb in lx.strict_verbs and after not in lx.first_contexts:
                return None  # "came first", "opened first" usually mean earliest
        return s, e, RankingValue(rank=rank, category=PLACE)

    # ORD + place noun
    if rank == 1 and m.group("noun").lower() == "place" and text[max(lo, s - 7):s].lower() == "in the ":
        return None  # "in the first place" = to begin with
    return s, e, RankingValue(rank=rank, category=PLACE)


def extract(doc: Document) -> Iterator[Mention]:
    """Ranking mentions in the body, one sentence at a time."""
    anchors = ordinal_anchors(doc.text, doc.body.start, doc.body.end, extra=_NUMBER_ANCHORS)
    for s, e in sentences_with_anchors(doc, anchors):
        inside = anchors[bisect_left(anchors, s) : bisect_left(anchors, e)]
        for start, end, value in find_rankings(doc.text, s, e, anchors=inside):
            yield Mention(kind="ranking", start=start, end=end, value=value, priority=1)
