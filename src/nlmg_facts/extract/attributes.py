"""What a claim is about: the attribute key (subject, event, qualifiers) read from its sentence.

The words come from ``data/triggers.json`` (general English, extendable); this
module decides which of the cues found in a sentence belong to a mention. The
key is what the "same fact, different values" rule groups on: specific enough
not to merge different facts, canonical enough to merge one fact stated twice.
Rules should group by ``(kind, attribute.key)``: a date and an edition of one
festival opening share a key but are different kinds of value.

**Event.** Value hints first (a count's noun: theatres -> theatre-count; a
ranking's category: best-selling -> chart-position; a percentage with a
direction -> percent-change; money followed by "per theatre" ->
average-gross; a year heading "a 2005 novel" -> that work's publication),
then the nearest trigger whose event admits the mention's kind: fewest clause
boundaries, then fewest characters, never across a sentence-like boundary.
A figure looks at most one clause away, a date two, and a date never borrows
the word of another clause that has its own year ("made his debut on 4 May
2010, and scored at the 2018 World Cup") unless its clause is elliptic ("...,
and in France on 9 February") or a rescheduling ("moved up to 15 September").
No admissible trigger: event ``unknown`` and no qualifiers.

**Canonical qualifiers per event** (only these enter the key; the list is the
``qualifiers`` field of each event in the data):

- release: region, medium (``theatrical`` is the default and left out; dvd,
  blu-ray, dvd+blu-ray, streaming... kept), scope (only ``wide``: a wide
  release or expansion; a limited release is the release), status.
- premiere, festival-opening, festival-closing, festival-screening (a
  screening at a named festival): festival (normalised lower-case name),
  status; premiere keeps a region only when no festival is named. The edition
  number is a value, never a qualifier, so "opened the 53rd X" and "opened the
  54th X" collide as they should. festival-run: subject ``festival``.
- gross, average-gross (with per-unit: theatre, screen, weekend...),
  units-sold, chart-position (with chart), percent-change, run (the dates of
  an opening weekend): region, medium, period. A gross with no qualifier at
  all is the worldwide total (region=world).
- theatre-count: region, period, scope (theatre or screen), change (added);
  other count events (review-count, page-count, goal-count...) come from the
  counted noun and keep it as scope.
- approval-rating, average-rating, review-count: source (rotten-tomatoes,
  metacritic...); review-score: source (aggregator, else the publication or
  critic that opens the sentence).
- year (gross, units-sold, percent-change, share, count events): the bare
  year or season a figure is for ("In 2019, revenue was ...", "19 goals in
  2015–16"); season (broadcast, premiere, count events): "the second
  series", "season 3"; per-unit for counts: "Each series consists of six
  episodes". A year heading ("a 2012 film") is the release with
  scope=first: the year it first came out anywhere, not a regional date.
- career-debut ("made his league debut"), goal and appearance counts
  without a year, and dates whose clause opens with an indefinite subject
  ("A second plant opened", "A free demo was released") are occasions.
- filming-start, filming-end, budget, composition, birth, death...: none.
- Repeatable events (screening without a festival, filming on a day, fee,
  announcement, casting, award/nomination without a ceremony, an article's
  publication) get an ``occurrence`` qualifier (hash of sentence and offset)
  so that two occasions are never taken for one fact.

**Values.** region: ISO 3166-1 alpha-2 (US, GB, FR), ``world``,
``international`` (outside the home market), ``domestic``,
``north-america``, ``europe``...; period: ``opening-day``,
``opening-weekend`` (= first weekend), ``opening-week``, ``week-N``,
``weekend-N``, ``month-N`` ("after one month"), ``later``, ``later-weeks``,
``as-of-<date words>`` ("by 6 February"); a "succeeding week" counts on from
the previous period (opening weekend -> week-2); status: ``planned``.

**Subject.** ``this-work`` unless: a year inside "[owner's] YEAR [adj] noun
[Title]" (her 2008 film The Duchess -> the-duchess; Owen Price's 2005 novel
-> book, the family of a work unlike the article's own); "after <owner's>
<Title> in YEAR" / "<work noun>, <Title> (YEAR)" -> that title; a titled work
noun phrase earlier in the clause; a sentence opening with "The <noun>" of
another family (the soundtrack album -> album); birth/death -> the person's
slug (no person: unknown); "a news piece published ..." -> article.

**Propagation.** Box-office figures take the sentence's only region (else
the nearest in their clause, else the opening adverbial's); dates take a
region only from their clause or before it. A period comes from the
mention's clause (after it within 60 characters), from an earlier clause when
it is the only one ("In its first weekend in the UK, earning X and taking
Y"), from the opening adverbial, or from "that week" (the previous sentence's
period). Carry-over across sentences, for box-office and sales facts only: a
sentence that continues the topic (it, its, these, an opening participle),
has box-office words and names no region inherits the region of the previous
box-office or release sentence, up the run. Release and premiere dates never
inherit a region.

**Speed.** The lexicon is compiled once into one trie (plus two small ones),
matched on lower-cased text where that is exact; each sentence is analysed
once per document and cached (the cue lists few mentions need, such as
periods and works, on first use), so attribute_for costs a few comparisons
per mention. Extraction drops the cache when the document is done.
"""

from __future__ import annotations

import functools
import hashlib
import json
import re
from bisect import bisect_left, bisect_right
from collections import OrderedDict
from dataclasses import dataclass
from importlib import resources
from itertools import product
from typing import Hashable, Iterable

import regex

from .. import _lazyre
from ..models import Attribute, Document, Sentence, Span
from ..models.claims import THIS_WORK, UNKNOWN
from . import countkeys, entities
from .base import Mention
from .subject import find_subject
from .vocab import domains

# ---------------------------------------------------------------- the lexicon

_VOWELS = set("aeiou")
_IRREGULAR = {
    "make": ["made"], "take": ["took", "taken"], "bring": ["brought"], "shoot": ["shot"],
    "show": ["shown", "showed"], "begin": ["began", "begun"], "run": ["ran"],
    "give": ["gave", "given"], "win": ["won"], "sell": ["sold"], "come": ["came"],
    "go": ["went", "gone"], "fall": ["fell", "fallen"], "rise": ["rose", "risen"],
    "grow": ["grew", "grown"], "write": ["wrote", "written"], "hit": ["hit"],
    "set": ["set"], "cut": ["cut"], "hold": ["held"], "die": ["died", "dies", "dying"],
    "pay": ["paid"], "find": ["found"], "lead": ["led"], "draw": ["drew", "drawn"],
    "rake": ["raked"], "pull": ["pulled"], "stream": ["streamed"],
}


def _inflect(word: str) -> set[str]:
    """Regular English inflections of a verb or noun (extra forms are harmless)."""
    forms = {word, *_IRREGULAR.get(word, ())}
    if word.endswith("e"):
        forms |= {word + "s", word + "d", word[:-1] + "ing"}
    elif word.endswith("y") and len(word) > 1 and word[-2] not in _VOWELS:
        forms |= {word[:-1] + "ies", word[:-1] + "ied", word + "ing"}
    elif word.endswith(("s", "sh", "ch", "x", "z")):
        forms |= {word + "es", word + "ed", word + "ing"}
    else:
        forms |= {word + "s", word + "ed", word + "ing"}
        # Doubled final consonant (ship -> shipped, star -> starred).
        if len(word) >= 3 and word[-1] not in _VOWELS | set("wxy") and word[-2] in _VOWELS:
            forms |= {word + word[-1] + "ed", word + word[-1] + "ing"}
    return forms


_BRACES = _lazyre.lazy_compile(r"\{(?P<alts>[^{}]*)\}")


def expand(phrase: str) -> set[str]:
    """All concrete strings of a lexicon phrase ('{a|b}' alternatives, 'word~' inflections)."""
    parts: list[list[str]] = []
    pos = 0
    for m in _BRACES.finditer(phrase):
        parts.append([phrase[pos : m.start()]])
        parts.append(m.group("alts").split("|"))
        pos = m.end()
    parts.append([phrase[pos:]])
    out: set[str] = set()
    for combo in product(*parts):
        words = "".join(combo).split()
        choices = [sorted(_inflect(w[:-1])) if w.endswith("~") else [w] for w in words]
        out |= {" ".join(c) for c in product(*choices)}
    return {o for o in out if o}


_SEP_CHARS = _lazyre.lazy_compile(r"[\s\-‐‑]+")


def _norm(text: str, fold: bool = True) -> str:
    """Match key: hyphens and runs of white space become one space; lower case if ``fold``."""
    text = _SEP_CHARS.sub(" ", text.strip())
    return text.lower() if fold else text


def _trie_pattern(strings: Iterable[str]) -> str:
    """One alternation for many literal phrases, shaped as a trie.

    A trie never tries two branches with the same first character, so a
    match costs at most the length of the longest phrase at each position;
    optional tails are greedy, so the longest phrase at a position wins.
    A space in a phrase matches white space or hyphens.
    """
    root: dict = {}
    for s in strings:
        node = root
        for ch in s:
            node = node.setdefault(ch, {})
        node[""] = {}

    escaped: dict[str, str] = {" ": r"[\s\-‐‑]+"}  # per character, once (startup time)

    def emit(node: dict) -> str:
        alts = []
        for ch in sorted(k for k in node if k):
            piece = escaped.get(ch) or escaped.setdefault(ch, regex.escape(ch))
            alts.append(piece + emit(node[ch]))
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if "" in node else body

    return emit(root) or r"(?!x)x"


class _Folded:
    """A case-insensitive trie and its case-sensitive twin for lower-cased text.

    ``re`` skips a trie branch with one comparison when its first character is
    a plain literal, but not under IGNORECASE; matching the lower-cased text
    with the lower-case trie is about twice as fast. Offsets are unchanged
    because the lower-cased text is used only when lowering kept its length
    and every character in it folds as IGNORECASE would fold it
    (``str.lower`` and the regex engine differ on a handful of letters such as
    'İ', 'ſ' and 'ı'); otherwise the IGNORECASE trie reads the text as written.
    """

    def __init__(self, body: str, flags: int, alphabet: Iterable[str]):
        self.body, self.flags = body, flags & ~re.IGNORECASE
        self.lower = _lazyre.compile_std(body, self.flags)
        self.alphabet = frozenset(alphabet)
        self._safe: dict[str, bool] = {}

    @functools.cached_property
    def ignorecase(self) -> re.Pattern[str]:
        # Compiled on first need only: most texts never need it (startup time).
        return _lazyre.compile_std(self.body, self.flags | re.IGNORECASE)

    def finditer(self, text: str) -> Iterable[re.Match[str]]:
        low = self._lowered(text)
        return self.ignorecase.finditer(text) if low is None else self.lower.finditer(low)

    def _lowered(self, text: str) -> str | None:
        low = text.lower()
        if len(low) != len(text):
            return None
        if not text.isascii():
            for ch in set(text):
                ok = self._safe.get(ch)
                if ok is None:
                    ok = self._safe[ch] = self._folds_like_lower(ch)
                if not ok:
                    return None
        return low

    def _folds_like_lower(self, ch: str) -> bool:
        low = ch.lower()
        if len(low) != 1 or bool(_WORD_CHAR.match(ch)) != bool(_WORD_CHAR.match(low)):
            return False
        return all((low == p) == bool(re.fullmatch(re.escape(p), ch, re.IGNORECASE)) for p in self.alphabet)


_WORD_CHAR = _lazyre.lazy(lambda: _lazyre.compile_std(r"\w"))


def _compile_phrases(strings: Iterable[str], fold: bool = True) -> "re.Pattern[str] | _Folded":
    """The phrases as one trie, matched at every word start (overlapping matches).

    Generated tries are compiled with the standard ``re`` module: it compiles
    the ~14 kB lexicon trie ten times faster than ``regex`` (30 ms instead of
    250 ms per process) and scans faster; the trie has no nested quantifiers,
    so it stays linear. The capture inside a lookahead reports the longest
    phrase at each word start without consuming it, which is what
    ``overlapped=True`` would do.
    """
    phrases = sorted(set(strings))
    body = r"""
        (?<![\w])                  # at a word start
        (?=(?P<phrase>TRIE)         # the longest phrase there, not consumed
           (?![\w]))               # ending on a word boundary
        """.replace("TRIE", _trie_pattern(phrases))
    if fold:  # the phrases are lower case already (see _phrase_set)
        return _Folded(body, re.VERBOSE, "".join(phrases))
    return _lazyre.compile_std(body, re.VERBOSE)


class _PhraseSet:
    """Phrases -> values, found with one case-insensitive and one case-sensitive trie."""

    def __init__(self, folded: dict[str, list], exact: dict[str, list] | None = None):
        self.folded = folded
        self.exact = exact or {}
        self._ci = _compile_phrases(folded, fold=True) if folded else None
        self._cs = _compile_phrases(self.exact, fold=False) if self.exact else None

    def find(self, text: str, base: int = 0) -> list[tuple[int, int, list]]:
        """The longest phrase at each word start, overlapping matches included.

        Overlaps are kept ("an average" / "average rating"): a left-to-right
        scan would let a short phrase hide the one that really applies.
        """
        found = []
        for pattern, table, fold in ((self._ci, self.folded, True), (self._cs, self.exact, False)):
            if pattern is None:
                continue
            for m in pattern.finditer(text):
                g = m.group("phrase")
                values = table.get(g.lower() if fold else g) or table[_norm(g, fold)]
                found.append((base + m.start(), base + m.end("phrase"), values))
        found.sort(key=lambda t: (t[0], -t[1]))
        return found


def _outermost(spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Drop spans nested in a longer one (the same span with another value is kept)."""
    spans.sort(key=lambda t: (t[0], -t[1]))
    out: list[tuple[int, int, str]] = []
    reach = -1
    for s, e, v in spans:
        if e <= reach and not (out and out[-1][0] == s and out[-1][1] == e):
            continue
        out.append((s, e, v))
        reach = max(reach, e)
    return out


def _add(table: dict[str, list], phrase: str, value: Hashable) -> None:
    values = table.setdefault(phrase, [])
    if value not in values:
        values.append(value)


def _phrase_set(entries: dict[Hashable, list[str]], exact: Iterable[Hashable] = ()) -> _PhraseSet:
    """{value: [phrases]} -> _PhraseSet.

    Phrases that are all capitals (US, UK, DVD) and the entries listed in
    ``exact`` match only as written; everything else ignores case.
    """
    exact = set(exact)
    folded: dict[str, list] = {}
    cased: dict[str, list] = {}
    for value, phrases in entries.items():
        for phrase in phrases:
            for s in expand(phrase):
                if value in exact or _is_abbreviation(s):
                    _add(cased, _norm(s, fold=False), value)
                else:
                    _add(folded, _norm(s), value)
    return _PhraseSet(folded, cased)


def _is_abbreviation(s: str) -> bool:
    letters = [c for c in s if c.isalpha()]
    return bool(letters) and len(letters) <= 5 and all(c.isupper() for c in letters)


@dataclass(frozen=True)
class _EventDef:
    name: str
    kinds: frozenset[str]
    qualifiers: tuple[str, ...]
    repeatable: bool = False
    distinguishers: tuple[str, ...] = ()


class _Lexicon:
    """data/triggers.json, compiled once into three tries (cues, demonyms, adjacency)."""

    def __init__(self, data: dict):
        self.data = data
        self.events: dict[str, _EventDef] = {}
        self.count_nouns: dict[str, dict] = dict(data["count_nouns"])
        cues: dict[Hashable, list[str]] = {}
        for name, spec in data["events"].items():
            self.events[name] = _EventDef(
                name, frozenset(spec["kinds"]), tuple(spec["qualifiers"]),
                spec.get("repeatable", False), tuple(spec.get("distinguishers", ())),
            )
            cues[("event", name)] = spec["triggers"]
        # A screening at a named festival is the festival-screening event.
        self.events["festival-screening"] = _EventDef(
            "festival-screening", self.events["screening"].kinds, ("festival", "status"),
        )
        # Counts of other nouns (episodes, languages...) need no triggers of their own.
        for spec in data["count_nouns"].values():
            self.events.setdefault(spec["event"], _EventDef(
                spec["event"], frozenset({"count"}), ("scope", "year", "season", "per-unit"),
                spec.get("repeatable", False), tuple(spec.get("distinguishers", ()))))
        for spec in data["percent_nouns"].values():
            self.events.setdefault(spec["event"], _EventDef(
                spec["event"], frozenset({"percentage"}), ("scope", "year", "season")))
        self.core_events = frozenset(self.events)
        # Events of the domain files (data/domains/): new names get a definition; an
        # existing name keeps its own (the domain file adds triggers and applies_to).
        doms = domains()
        for name, spec in doms.events.items():
            if name not in self.events and "kinds" in spec:
                self.events[name] = _EventDef(
                    name, frozenset(spec["kinds"]),
                    tuple(spec.get("qualifiers", ())) + tuple(q for q in spec.get("distinguishers", ())
                                                          if q not in spec.get("qualifiers", ())),
                    spec.get("repeatable", False), tuple(spec.get("distinguishers", ())),
                )
            elif name in self.events and spec.get("repeatable") and not self.events[name].repeatable:
                old = self.events[name]
                self.events[name] = _EventDef(name, old.kinds, old.qualifiers, True, old.distinguishers)
            elif name in self.events and spec.get("add_qualifiers"):
                old = self.events[name]
                extra = tuple(q for q in spec["add_qualifiers"] if q not in old.qualifiers)
                self.events[name] = _EventDef(name, old.kinds, old.qualifiers + extra,
                                              old.repeatable, old.distinguishers)
        for noun, spec in doms.count_nouns.items():
            self.count_nouns.setdefault(noun, spec)
            self.events.setdefault(spec["event"], _EventDef(
                spec["event"], frozenset({"count"}), ("scope", "year", "season", "competition"),
                spec.get("repeatable", False), tuple(spec.get("distinguishers", ()))))
        for code, spec in data["regions"].items():
            cues[("region", code)] = spec["names"] + spec["case_sensitive"]
        for category, table in (("medium", "media"), ("period", "periods"), ("status", "status"),
                                ("scope", "scope_cues"), ("change", "change_cues"),
                                ("source", "sources")):
            for value, phrases in data[table].items():
                cues[(category, value)] = phrases
        cues[("cmp", "")] = data["comparison_periods"]
        cues[("ana", "")] = data["anaphoric_periods"]
        cues[("article", "")] = data["article_nouns"]
        for noun in data["works"]:
            cues[("work", _norm(noun))] = [noun]
        heads = ("festival-head", "")
        cues[heads] = data["festival_heads"]
        for alias, name in data["festival_aliases"].items():
            cues.setdefault(("festival-alias", name), []).append(alias)
        exact = [heads, *(k for k in cues if k[0] == "festival-alias")]
        self.cues = _phrase_set(cues, exact=exact)

        demonyms = {_norm(d): code for code, spec in data["regions"].items() for d in spec["demonyms"]}
        self.demonym_of = demonyms
        heads = sorted(_norm(h) for h in data["demonym_heads"])
        self.demonyms = _Folded(  # a generated trie: see _compile_phrases for why ``re``
            r"""
            (?<![\w])(?P<demonym>DEM)    # British, French, U.S. ...
            [\s\-]+(?:HEAD)(?![\w])      # ... press, release, box office
            """.replace("DEM", _trie_pattern(sorted(demonyms)))
            .replace("HEAD", _trie_pattern(heads)),
            re.VERBOSE,
            "".join([*demonyms, *heads]),
        )
        self.adjacent_periods = _phrase_set(
            {("adjacent", k): v for k, v in data["adjacent_periods"].items()}
        )
        self.default_media: dict[str, str] = data["default_media"]
        self.per_units = {
            _norm(w): unit for unit, words in data["per_units"].items() for w in words
        }
        self.chart_categories = frozenset(data["chart_categories"])
        self.works: dict[str, dict] = {_norm(k): v for k, v in data["works"].items()}
        self.connectors = frozenset(data["title_connectors"])
        self.person_titles = frozenset(w.lower() for w in data["person_titles"])
        self.other_work_cues = frozenset(data["other_work_cues"])
        nouns = sorted((n for n in data["works"] if n.islower()), key=len, reverse=True)
        self.sentence_subject = _lazyre.compile(
            r"""
            \W*(?:The|Its|This|His|Her|Their)\s+      # a definite noun phrase opening the sentence
            (?:[a-z][\w\-]*\s+){0,3}?                  # a few lower-case modifiers
            (?P<noun>NOUNS)                             # a work noun as its head ...
            \b(?!['’])                                 # ... not a possessive
            """.replace("NOUNS", "|".join(regex.escape(n).replace(r"\ ", r"\s+") for n in nouns)),
            regex.VERBOSE,
        )
        self.festival_aliases = {_norm(k): v for k, v in data["festival_aliases"].items()}
        self.festival_drop = frozenset(data["festival_drop_words"])
        self.weak_gross = frozenset(_norm(x) for p in data["weak_gross_triggers"] for x in expand(p))
        self.box_office_events = frozenset(
            {"gross", "average-gross", "units-sold", "theatre-count", "chart-position",
             "percent-change", "run"}
        )


@functools.cache
def lexicon() -> _Lexicon:
    raw = resources.files("nlmg_facts").joinpath("data", "triggers.json").read_text("utf-8")
    return _Lexicon(json.loads(raw))


# ------------------------------------------------------------ small patterns

_SOFT_BOUNDARY = _lazyre.lazy_compile(
    r"""
      ,(?=\s)                      # comma before a space (not 3,794,951)
    | ;                            # semicolon
    | :(?=\s)                      # colon before a space (not 6:30)
    | [()\[\]]                     # brackets
    | (?<=\s)[—–-](?=\s) | —       # dashes used as punctuation, not ranges (11–13)
    | \b(?:and|but|while|whereas|although|though|despite|which|where|who)\b  # clause words
    """,
    regex.VERBOSE,
)

_HARD_BOUNDARY = _lazyre.lazy_compile(
    r"""
      (?P<stop>[.!?])["”’)]?\s+(?=["“‘]?[A-Z])   # a sentence end the segmenter missed
    | (?P<tag>\])\s+(?=[A-Z])                    # after an editorial tag: [when?] The ...
    """,
    regex.VERBOSE,
)

_ABBREV_BEFORE_DOT = _lazyre.lazy_compile(
    r"""
    (?: \b(?:[A-Za-z]\.)*[A-Za-z]       # U.S / initials
      | \b(?:Mr|Mrs|Ms|Dr|St|Jr|Sr|vs|No|Vol|Inc|Ltd|Co|Corp|Bros|Mt|Prof|Gen|Col|Lt)  # titles
    )$
    """,
    regex.VERBOSE,
)

_LEADING_PREPOSITION = _lazyre.lazy_compile(
    r"""
    ^\W*(?:In|By|After|During|On|Over|Within|For|Throughout|Across|At|Following|Upon|Since|
          Until|Through|As\ of|Before|Prior\ to|Between)\b
    """,
    regex.VERBOSE,
)

# A sentence that continues the previous one's topic rather than opening a new one.
_CONTINUATION = _lazyre.lazy_compile(
    r"""
      \b(?:it|its|they|their|these|those|this|that\ week|that\ weekend|the\ previous
          |succeeding|following|subsequent|next|later|then)\b     # pronouns, sequence words
    | ^\W*(?!(?:According|Including|Regarding|Considering|Concerning|Excluding)\b)
      [A-Z][a-z]+ing\b                                           # opening participle: Playing on ...
    """,
    regex.VERBOSE | regex.IGNORECASE,
)

_MONTHS = (
    "January|February|March|April|May|June|July|August|September|October|November|December|"
    "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec"
)
_ORDINAL_WORDS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "twentieth": 20,
}
_SEASON_ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5,
    "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
}
_NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
}

_PERIOD = _lazyre.lazy_compile(
    r"""
      (?P<asof>                                       # cumulative up to a date: by 6 February
        \b(?:by|as\ of|through|until|up\ to)\s+
        (?:the\s+(?:end|middle|beginning|start)\s+of\s+)?
        (?:the\s+\w+\s+(?:week|weekend)\s+of\s+)?
        (?:\d{1,2}\s+(?:MONTHS)(?:\s+\d{4})?
          |(?:MONTHS)(?:\s+\d{1,2})?(?:,?\s+\d{4})?
          |\d{4})\b
      )
    | (?P<ordinal>                                    # its second week, the 3rd weekend
        \b(?P<ord>ORDWORDS|\d{1,2}(?:st|nd|rd|th)|succeeding|following|next|subsequent)
        \s+(?P<unit>weekend|week|month|day)\b(?!s)
        (?:\s+of\s+(?:its\s+)?(?:release|its\s+run|the\s+run))?
      )
    | (?P<after>                                      # after one month (of release)
        \b(?:after|within|in)\s+(?:its\s+first\s+)?(?P<n>\d{1,2}|NUMWORDS)\s+
        (?P<unit2>weeks?|months?|days?)\b(?:\s+of\s+release)?
      )
    """.replace("MONTHS", _MONTHS)
    .replace("ORDWORDS", "|".join(_ORDINAL_WORDS))
    .replace("NUMWORDS", "|".join(_NUMBER_WORDS)),
    regex.VERBOSE | regex.IGNORECASE,
)

_OPEN_FESTIVAL = _lazyre.lazy_compile(
    r"""
    \b(?P<verb>open(?:s|ed|ing)?|close[sd]?|closing)\s+    # the festival opener / closer
    (?:the\s+)?
    (?:\d{1,3}(?:st|nd|rd|th)\s+|\d{4}\s+|annual\s+|edition\s+of\s+(?:the\s+)?)*$
    """,
    regex.VERBOSE | regex.IGNORECASE,
)

_PER_UNIT_AFTER = _lazyre.lazy_compile(
    r"""
    ^\s*(?:\w+\s+){0,1}?                 # at most one word between: "$9,500 a theatre" is rare
    (?:per|a)[\s\-]+(?P<unit>\w+)        # per theatre, per-screen
    """,
    regex.VERBOSE | regex.IGNORECASE,
)
_PER_UNIT_BEFORE = _lazyre.lazy_compile(
    r"""
    \bper[\s\-]+(?P<unit>\w+)\s+average\b   # its per-theatre average (was / of) ...
    (?:\s+\w+){0,3}\s*$
    """,
    regex.VERBOSE | regex.IGNORECASE,
)

_FESTIVAL_ANAPHORA = _lazyre.lazy_compile(
    r"\b(?:the|this|that)\s+(?P<what>festival|ceremony|awards|event)\b", regex.IGNORECASE
)
_SOURCE_ANAPHORA = _lazyre.lazy_compile(
    r"\b(?:the|this)\s+(?:website|site|aggregator)(?:['’]s)?\b", regex.IGNORECASE
)
# Linear: the leading \W and each \s run are taken whole (possessive), and the
# title ends on a non-space, so no run of spaces is re-split between the parts
# (the old form backtracked cubically on a first sentence of blanked markup).
_DOC_SELF = _lazyre.lazy_compile(
    r"^\W*+(?P<title>[^\n]{0,119}?\S)\s++(?:is|was|are|were)\s++(?:an?|the)\s++(?P<rest>[^\n]{0,160})"
)
_ABBR_DEFINITION = _lazyre.lazy_compile(
    r"(?P<name>(?:[A-Z][\w'’\-]*\s+){1,8}?(?:Festival|Fest|Awards|Biennale))\s+\((?P<abbr>[A-Z]{2,6})\)"
)
_CURRENCY_SIGNS = frozenset("$£€¥₹₩")
_CAPS_WORD = _lazyre.lazy_compile(r"\b[A-Z]{2,6}\b")
_YEAR_TOKEN = _lazyre.lazy_compile(r"^(?:1[5-9]|20)\d\d$")
_ORDINAL_TOKEN = _lazyre.lazy_compile(r"^\d{1,3}(?:st|nd|rd|th)$", regex.IGNORECASE)
_TOKEN = _lazyre.lazy_compile(r"\S+")
_NEXT_CAPITALISED = _lazyre.lazy_compile(r"\s+[A-Z][a-z]+")  # US Weekly, USA Today
_ASOF_WORD = _lazyre.lazy_compile(r"^\w+(?:\s+of)?\s+")  # the "by" / "as of" in front of an as-of date
_NON_DIGITS = _lazyre.lazy_compile(r"\D")
_CEREMONY_HEAD = _lazyre.lazy_compile(r"Award|Prize|Oscar|Globe|Emmy|Grammy|Tony|BAFTA|Circle")  # ceremonies, not festivals
_PLAIN_WORD = _lazyre.lazy_compile(r"^[\w\-]+$")
_IS_A = _lazyre.lazy_compile(r"\b(?:is|was)\s+an?\s+$")  # "X is a 2010 film": the article describing itself
_QUOTED_TITLE = _lazyre.lazy_compile(r"\s+[\"“](?P<t>[^\"”]{1,80})[\"”]")  # the song "Title"
_SPACED_WORD = _lazyre.lazy_compile(r"\s+(?P<w>[^\s]+)")
_HEDGE_ONLY = _lazyre.lazy_compile(r"\s*(?:over|about|nearly|around|just|an?\s+estimated|some|only)?\s*")  # "opened at about 300"
_WORDS_ONLY = _lazyre.lazy_compile(r"[\s\w]*")
_OPENING_NAME = _lazyre.lazy_compile(r"\W*(?P<name>(?:[A-Z][\w.'’\-]*\s+){0,4}[A-Z][\w.'’\-]*)")  # "Slant writer X gave..."
_POSSESSIVE_END = _lazyre.lazy_compile(r"['’]s$")
_IN_OR_PAREN_END = _lazyre.lazy_compile(r"(?:\s+in\s+|\s*\(\s*)$")  # "<Title> in 1993", "<Title> (1993"
_NOUN_AFTER = _lazyre.lazy_compile(r"[\s\-]*(?:long\s+)?(?P<noun>[a-z]+)")  # "96-page script"
_LEAD_NOUN = _lazyre.lazy_compile(r"\W*(?:The|This|Its|His|Her|Their)\s+(?P<noun>[a-z]+)")  # "The script ... was 96 pages"
_NUMBERED_PERIOD = _lazyre.lazy_compile(r"^(?:week|weekend|month|day)-(\d+)$")
_PERSON_BEFORE = _lazyre.lazy_compile(
    r"(?P<name>[A-Z][\w.'’\-]+(?:\s+[A-Z][\w.'’\-]+){1,3})(?=\s*(?:\(|,|\s+was\s+born|\s+died|\s+is\s+born))"
)  # "Name (born", "Name was born", "Name, ..."
_YEAR = _lazyre.lazy_compile(r"\b(?:1[5-9]|20)\d\d\b")
_OWN_CLAUSE_SUBJECT = _lazyre.lazy_compile(r"\W*(?:and|but|while|as)?\s*(?:the|it|its)\b", regex.IGNORECASE)
_FINISH_WORD = _lazyre.lazy_compile(
    r"\b(?:finish(?:ed|es|ing)?|end(?:ed|ing|s)?\s+(?:the|their|its|his|her)\s+(?:league\s+)?season)\b",
    regex.IGNORECASE,
)
# The finish word right before the place: "finished third", "finishing the season in 8th",
# "ended the 1995–96 season in third place"; a few words may stand between.
_FINISH_BEFORE = _lazyre.lazy_compile(
    r"\b(?:finish(?:ed|es|ing)?|end(?:ed|ing|s)?\s+(?:the|their|its|his|her)\s+(?:[\w–/-]+\s+){0,2}?season)"
    r"(?:\s+(?:the|their|its|his|her|a|as|in|at|joint|level|[\w–/-]+\s+season)){0,4}\s*$",
    regex.IGNORECASE,
)
# "an 8th-place finish", "a third-place finish in the league".
_FINISH_AFTER = _lazyre.lazy_compile(r"[\s-]+finish\b", regex.IGNORECASE)
_DEBUTED = _lazyre.lazy_compile(r"\bdebut(?:s|ed|ing)?\b", regex.IGNORECASE)
_DIGIT = _lazyre.lazy_compile(r"\d")
_PARENTHESES = _lazyre.lazy_compile(r"\s*\([^()]*\)")
_SURNAME_BEFORE = _lazyre.lazy_compile(
    r"(?<![\w.'’\-]\s?)(?P<name>[A-Z][\w.'’\-]+)(?=\s*(?:\(|,|\s+was\s+born|\s+died|\s+is\s+born))"
)  # "Ilić, born ...": one capitalised word, the first of its clause
_CAPITALISED_NEIGHBOUR = _lazyre.lazy_compile(r"[A-Z][\w'’\-]*\s+$|^\s+(?:[A-Z][\w'’\-]*|&)")  # Domino Recording Company
_PERSONAL_DEBUT = _lazyre.lazy_compile(
    r"\b(?:his|her|their|its\s+own)\s+(?:[\w\-]+\s+){0,3}$",  # "his Eredivisie debut": a career step
    regex.IGNORECASE,
)
_RELATIVE_TO = _lazyre.lazy_compile(
    r"\b(?:before|after|until|since|ahead\s+of|prior\s+to)\s+(?:the\s+|its\s+|their\s+|his\s+|her\s+)?$",
    regex.IGNORECASE,
)  # "two years before publication": the date is measured from that event, not its date
_YEAR_PERIOD = _lazyre.lazy_compile(
    r"""
    (?:
        \b(?P<prep>in|during|for|throughout|over)\s+(?:the\s+)?  # in (the) 2019 ("by 2019" is an as-of period)
      | ^\W*                                                                  # 2019 opening a clause
      | \bcensus\s+of\s+|\bthe\s+(?=(?:1[5-9]|20)\d\d\s+census\b)               # census of 2010, the 2010 census
    )
    (?P<y>(?:1[5-9]|20)\d\d(?:[–\-/]\d\d(?:\d\d)?)?)   # 2019, 2012–13
    (?![\w–\-/])
    """,
    regex.VERBOSE | regex.IGNORECASE,
)
_SEASON_NUMBER = _lazyre.lazy_compile(
    r"""
      \b(?P<ord>first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d{1,2}(?:st|nd|rd|th))
      \s+(?:and\s+(?:final|last)\s+)?(?:series|season)\b               # the second series
    | \b(?:series|season)\s+(?P<num>\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten)\b  # season 2
    """,
    regex.VERBOSE | regex.IGNORECASE,
)
_OPEN_OBJECT = _lazyre.lazy_compile(
    r"\s+(?:their|its|his|her|our|a|an|another|two|three|four|five|several|new)\s+(?!(?:\w+\s+){0,2}(?:cinemas?|theatres?|theaters?|screens?|venues?|markets?|territories|weeks?|weekends?|months?|days?|years?|fortnight)\b)",
    regex.IGNORECASE,
)  # "opened their first bakery" (but "opened in four cinemas" / "opened a week later"?)
_INDEFINITE_SUBJECT = _lazyre.lazy_compile(
    r"""
    \W*(?:A|An)\s+                                   # an indefinite noun phrase opening the clause:
    (?P<mods>(?:(?:[a-z][\w\-]*|\d+[A-Za-z]+)\s+){0,3}?)  # "A second", "A free", "A restored 4K"
    (?P<noun>[a-z][a-z\-]+)                          # ... plant, demo, version: one of many things
    (?=,|\s+(?:was|were|is|are|has|had|opened|followed|containing|featuring|with|of|for|that|which|[a-z]+ed)\b)
    """,
    regex.VERBOSE,
)
_EACH = _lazyre.lazy_compile(r"\b(?:each|every|per)\s+(?P<unit>[a-z]+)\b[^,;]*$", regex.IGNORECASE)  # "each series consists of six"
_RESCHEDULED = _lazyre.lazy_compile(
    r"""
    \b(?:moved|brought|pulled|pushed|put|postponed|delayed|rescheduled|changed|shifted)\b  # a new date
    | \bthe\s+(?:same\s+)?(?:date|day|month)\b                                       # for the same event
    """,
    regex.VERBOSE | regex.IGNORECASE,
)
_ELLIPTIC = _lazyre.lazy_compile(
    r"\W*(?:and|or|but|then)?\s*(?:in|on|at|to|for|via)\b",  # "..., and in France on 9 May": the verb is shared
    regex.IGNORECASE,
)
_SHORT_PARENS = _lazyre.lazy_compile(r"\((?:[^()\s]+(?:\s+[^()\s]+){0,2})\)")  # (TIFF), (2012): not a clause
_CLAUSE_SUBJECT = _lazyre.lazy_compile(
    r"""
    \W*(?!(?:The|A|An|It|Its|This|These|Those|That|They|He|She|His|Her|Their|In|On|By|At|As|After)\s+[a-z])
    (?P<name>[A-Z][\w'’\-]*(?:\s+(?:[A-Z][\w'’\-]*|of|the|and|&|de)){0,6})  # a proper name ...
    (?=\s+[a-z])                                       # ... followed by its (lower-case) verb
    """,
    regex.VERBOSE,
)
_SLUG = _lazyre.lazy_compile(r"[^\w]+")


def slug(text: str) -> str:
    """'The Remains of the Day' -> 'the-remains-of-the-day'."""
    return _SLUG.sub("-", text.lower().replace("’", "").replace("'", "")).strip("-_")


# ------------------------------------------------------------ analysed sentence

@dataclass(frozen=True, slots=True)
class _Cue:
    start: int
    end: int
    value: str


@dataclass(frozen=True, slots=True)
class _Work:
    """A noun phrase naming a work: [owner] [year] [adjectives] noun [Title]."""

    start: int
    end: int
    year: tuple[int, int] | None
    noun: str
    family: str
    event: str
    owner: str | None
    title: str | None
    self_description: bool  # "X is a 2010 British film"


class _lazy:
    """A computed-once attribute (``functools.cached_property`` without its lock, which
    costs more than most of these lists do to build on Python 3.11)."""

    def __init__(self, fn):
        self.fn = fn
        self.name = fn.__name__

    def __get__(self, obj, cls=None):
        if obj is None:
            return self
        value = obj.__dict__[self.name] = self.fn(obj)
        return value


class _Sentence:
    """One analysed sentence: every cue it holds, with offsets into the document.

    The boundaries, the cue trie's phrases, the events and the festival names
    are found at once (every mention needs its event). The other cue lists are
    found on first use and kept: a sentence whose mentions have no event, or
    events without periods, sources or works, never pays for those scans.
    Each is a pure function of the sentence and the document context, so when
    it is computed does not change what it is.
    """

    def __init__(self, doc: Document, sentence: Sentence, ctx: "_DocContext"):
        lex = lexicon()
        self.subject_type = ctx.subject_type
        self.index = sentence.index
        self.start = start = sentence.span.start
        self.end = sentence.span.end
        self.text = text = doc.text[start : self.end]
        soft: list[int] = []
        short = {p for m in _SHORT_PARENS.finditer(text) for p in (m.start(), m.end() - 1)}
        for m in _SOFT_BOUNDARY.finditer(text):
            if m.start() in short:
                continue
            # ", and" / ", but" is one boundary, not two.
            if soft and start + m.start() - soft[-1] <= 3:
                continue
            soft.append(start + m.start())
        self.soft = soft
        #: id(cue list) -> (the list, its starts if sorted by start, its longest cue): see _window.
        self._index: dict[int, tuple[list[_Cue], list[int] | None, int]] = {}
        hard = []
        for m in _HARD_BOUNDARY.finditer(text):
            if m.group("stop") and _ABBREV_BEFORE_DOT.search(text[max(0, m.start() - 12) : m.start()]):
                continue
            hard.append(start + m.start())
        self.hard = hard

        # One pass of the cue trie; then each category keeps its outermost phrases.
        by_cat: dict[str, list[tuple[int, int, str]]] = {}
        for s, e, values in lex.cues.find(text, 0):
            for cat, value in values:
                by_cat.setdefault(cat, []).append((s, e, value))
        # The domain files' event words, looked up over tokens (data/domains/).
        for s0, e0, values in domains().triggers.find(text):
            by_cat.setdefault("event", []).extend((s0, e0, v) for v in values)
        for cat in by_cat:
            by_cat[cat] = _outermost(by_cat[cat])
        self._by_cat = by_cat

        events = [(start + s, start + e, [v for c, v in vals if c == "event"])
                  for s, e, vals in _group_events(by_cat.get("event", []))
                  if not _inside_name(text, s, e)]
        events = [(s, e, [v for v in evs if not (v == "release" and _opens_something(text, e - start))])
                  for s, e, evs in events]
        events = [ev for ev in events if ev[2]]
        self.festivals, self.festival_kind = _find_festivals(text, start, ctx, by_cat)
        # "opened the 54th X Film Festival": the opening of a festival, not a release.
        for f in self.festivals:
            m = _OPEN_FESTIVAL.search(text[max(0, f.start - start - 60) : f.start - start])
            if m:
                v0 = f.start - (len(m.string) - m.start("verb"))
                v1 = v0 + len(m.group("verb"))
                kind = "festival-closing" if m.group("verb").lower().startswith("clos") else "festival-opening"
                events = [e for e in events if not (e[0] < v1 and v0 < e[1])]
                events.append((v0, v1, [kind]))
        events.sort()
        self.events: list[tuple[int, int, list[str]]] = events
        self.event_starts = [e[0] for e in events]

    def _cues(self, cat: str) -> list[_Cue]:
        start = self.start
        return [_Cue(start + s, start + e, v) for s, e, v in self._by_cat.get(cat, ())]

    # ------------------------------------------------------ found on first use
    @_lazy
    def regions(self) -> list[_Cue]:
        lex = lexicon()
        start, text = self.start, self.text
        regions = [
            c for c in self._cues("region")
            if not _is_abbreviation(text[c.start - start : c.end - start])
            or _region_abbreviation_ok(text, c.start - start, c.end - start)
        ]
        regions += [
            _Cue(start + m.start(), start + m.end(), lex.demonym_of[_norm(m.group("demonym"))])
            for m in lex.demonyms.finditer(text)
        ]
        # A region word inside a festival name (Berlin, Tokyo) is not the claim's region.
        festivals = self.festivals
        return _dedupe([r for r in regions if not any(f.start <= r.start < f.end for f in festivals)])

    @_lazy
    def media(self) -> list[_Cue]:
        return self._cues("medium")

    @_lazy
    def periods(self) -> list[_Cue]:
        return _find_periods(self.text, self.start, self._cues("period"), self._cues("cmp"))

    @_lazy
    def adjacent_periods(self) -> list[_Cue]:
        start = self.start
        return [_Cue(start + s, start + e, v[0][1]) for s, e, v in lexicon().adjacent_periods.find(self.text, 0)]

    @_lazy
    def anaphoric_periods(self) -> list[_Cue]:
        return self._cues("ana")

    @_lazy
    def status(self) -> list[_Cue]:
        return self._cues("status")

    @_lazy
    def scope(self) -> list[_Cue]:
        return self._cues("scope")

    @_lazy
    def change(self) -> list[_Cue]:
        return self._cues("change")

    @_lazy
    def sources(self) -> list[_Cue]:
        return self._cues("source")

    @_lazy
    def festival_anaphora(self) -> list[_Cue]:
        start = self.start
        return [
            _Cue(start + m.start(), start + m.end(), m.group("what").lower())
            for m in _FESTIVAL_ANAPHORA.finditer(self.text)
        ]

    @_lazy
    def source_anaphora(self) -> bool:
        return bool(_SOURCE_ANAPHORA.search(self.text))

    @_lazy
    def works(self) -> list[_Work]:
        return _find_works(self.text, self.start, self._by_cat.get("work", []))

    def festivals_of(self, kind: str) -> list[_Cue]:
        """The festival (or ceremony) names of the sentence of one kind, built once per kind."""
        got = self.__dict__.setdefault("_festivals_of", {})
        if kind not in got:
            got[kind] = [f for f in self.festivals if self.festival_kind[f.start] == kind]
        return got[kind]

    @_lazy
    def work_years(self) -> tuple[list[int], list[tuple[int, _Work]]]:
        """Works with a year, sorted by where the year starts: (starts, (order, work))."""
        dated = sorted(((w.year[0], i, w) for i, w in enumerate(self.works) if w.year), key=lambda t: t[:2])
        return [t[0] for t in dated], [(i, w) for _, i, w in dated]

    @_lazy
    def work_nouns(self) -> list[_Cue]:
        return self._cues("work")

    @_lazy
    def articles(self) -> list[_Cue]:
        return self._cues("article")

    @_lazy
    def leading_end(self) -> int | None:
        return _leading_end(self.text, self.start, self.soft)

    @_lazy
    def continuation(self) -> bool:
        head = _first_clause_len(self.text, self.start, self.soft, self.leading_end)
        return bool(_CONTINUATION.search(self.text[:head]))

    @_lazy
    def topic(self) -> bool:
        # Box-office talk: a release sentence may open the run ("It opened in the US on ...").
        lex = lexicon()
        return any(
            any(ev in lex.box_office_events or ev == "release" for ev in evs) for _, _, evs in self.events
        ) or any(p.value not in ("later", "total") for p in self.periods)

    def sub_sentence(self, pos: int) -> tuple[int, int]:
        """The stretch between hard boundaries around ``pos``."""
        i = bisect_left(self.hard, pos)
        lo = self.hard[i - 1] if i > 0 else self.start
        hi = self.hard[i] if i < len(self.hard) else self.end
        return lo, hi


def _count_between(points: list[int], lo: int, hi: int) -> int:
    return bisect_left(points, hi) - bisect_left(points, lo)


def _gap(a0: int, a1: int, b0: int, b1: int) -> tuple[int, int]:
    """The stretch of text between two spans (empty when they touch or overlap)."""
    if a1 <= b0:
        return a1, b0
    if b1 <= a0:
        return b1, a0
    return a0, a0


def _analyse(doc: Document, sentence: Sentence, ctx: "_DocContext") -> _Sentence:
    return _Sentence(doc, sentence, ctx)


def _inside_name(text: str, s: int, e: int) -> bool:
    """'Domino Recording Company', 'Box Office Mojo': a capitalised trigger inside a name.

    The first word of the sentence is capitalised anyway; festival and award
    names are found (and used) separately, so their heads never get here as
    events of their own ("Golden Globe Award" keeps its award trigger).
    """
    if s == 0 or not text[s:s + 1].isupper() or text[:s].strip() == "":
        return False
    if _CEREMONY_HEAD.match(text, s) or text[s:e].isupper():
        return False  # "Award", "BAFTA": ceremony words, read with the festival cues
    before, after = text[max(0, s - 40) : s], text[e : e + 40]
    return bool(_CAPITALISED_NEIGHBOUR.search(before) or _CAPITALISED_NEIGHBOUR.match(after))


def _opens_something(text: str, end: int) -> bool:
    """'opened their first bakery', 'opens a new plant': open with an object is no release."""
    return bool(_OPEN_OBJECT.match(text, end)) and text[:end].lower().rstrip().endswith(("open", "opens", "opened", "opening"))


def _group_events(spans: list[tuple[int, int, str]]) -> list[tuple[int, int, list]]:
    """Event phrases with the same span become one cue listing all its events."""
    out: list[tuple[int, int, list]] = []
    for s, e, v in spans:
        if out and out[-1][0] == s and out[-1][1] == e:
            out[-1][2].append(("event", v))
        else:
            out.append((s, e, [("event", v)]))
    return out


def _dedupe(cues: list[_Cue]) -> list[_Cue]:
    """Drop cues nested in a longer cue of the same list ("DVD" inside "DVD and Blu-ray")."""
    cues = sorted(cues, key=lambda c: (c.start, -(c.end - c.start)))
    out: list[_Cue] = []
    for c in cues:
        if out and out[-1].start <= c.start and c.end <= out[-1].end:
            continue
        out.append(c)
    return out


def _region_abbreviation_ok(text: str, s: int, e: int) -> bool:
    """'US' in 'USA Today' or 'US Weekly' is a name, and in 'US$5' a currency, not a region."""
    after = text[e : e + 20]
    if after[:1] in _CURRENCY_SIGNS:
        return False
    return not _NEXT_CAPITALISED.match(after)


def _leading_end(text: str, base: int, soft: list[int]) -> int | None:
    """End of a short sentence-opening adverbial ('In its opening weekend in the UK,')."""
    if not _LEADING_PREPOSITION.match(text):
        return None
    commas = [p for p in soft if text[p - base] == ","]
    if not commas:
        return None
    head = text[: commas[0] - base]
    return commas[0] if len(head.split()) <= 10 else None


def _first_clause_len(text: str, base: int, soft: list[int], leading_end: int | None) -> int:
    """Length of the first clause (after an opening adverbial: 'After a month, it ...')."""
    after = leading_end + 1 if leading_end is not None else base
    commas = [p - base for p in soft if p >= after and text[p - base] in ",;"]
    return commas[0] if commas else min(len(text), after - base + 80)


def _find_periods(text: str, base: int, fixed: list[_Cue], comparisons: list[_Cue]) -> list[_Cue]:
    cues = []
    for m in _PERIOD.finditer(text):
        s, e = base + m.start(), base + m.end()
        if m.group("asof"):
            cues.append(_Cue(s, e, "as-of-" + slug(_ASOF_WORD.sub("", m.group("asof")))))
        elif m.group("ordinal"):
            ordw = m.group("ord").lower()
            unit = m.group("unit").lower()
            if ordw in ("succeeding", "following", "next", "subsequent"):
                cues.append(_Cue(s, e, f"next-{unit}"))
                continue
            n = _ORDINAL_WORDS.get(ordw) or int(_NON_DIGITS.sub("", ordw))
            if n == 1 and unit in ("weekend", "day", "week"):
                cues.append(_Cue(s, e, f"opening-{unit}"))
            else:
                cues.append(_Cue(s, e, f"{unit}-{n}"))
        else:
            n = m.group("n").lower()
            num = _NUMBER_WORDS.get(n) or int(n)
            unit = m.group("unit2").lower().rstrip("s")
            cues.append(_Cue(s, e, f"{unit}-{num}"))
    taken = [(c.start, c.end) for c in cues]
    cues += [c for c in fixed if not any(a < c.end and c.start < b for a, b in taken)]
    # "from its previous weekend": the base of a comparison, not the claim's own period.
    for cmp in comparisons:
        cues = [c for c in cues if not (c.start < cmp.end and cmp.start < c.end)]
    return sorted(cues, key=lambda c: c.start)


def _find_festivals(text: str, base: int, ctx: "_DocContext",
                    by_cat: dict[str, list[tuple[int, int, str]]]) -> tuple[list[_Cue], dict[int, str]]:
    """Festival and award-ceremony names: head word plus the capitalised words before it."""
    found: list[_Cue] = []
    kinds: dict[int, str] = {}
    for s, e, _ in by_cat.get("festival-head", ()):
        head = text[s:e]
        name_start = _walk_back_name(text, s)
        if name_start == s and head.split()[0] in ("Festival", "Fest", "Awards", "Award", "Prize", "Prizes", "Film"):
            continue  # a bare "Festival" is the anaphora case, handled apart
        name = text[name_start:e]
        found.append(_Cue(base + name_start, base + e, normalise_festival(name)))
        kinds[base + name_start] = "ceremony" if _CEREMONY_HEAD.search(head) else "festival"
    for s, e, name in by_cat.get("festival-alias", ()):
        found.append(_Cue(base + s, base + e, name))
        kinds[base + s] = "ceremony" if "award" in name else "festival"
    for m in _CAPS_WORD.finditer(text):
        name = ctx.abbreviations.get(m.group())
        if name:
            found.append(_Cue(base + m.start(), base + m.end(), name))
            kinds[base + m.start()] = "festival"
    found = _dedupe(found)
    return found, {c.start: kinds.get(c.start, "festival") for c in found}


def _walk_back_name(text: str, head_start: int) -> int:
    """Start of the capitalised name ending at ``head_start`` (stops at editions, years, 's)."""
    lex = lexicon()
    pos = head_start
    tokens = list(_TOKEN.finditer(text[max(0, head_start - 120) : head_start]))
    offset = max(0, head_start - 120)
    name_start = head_start
    for tok in reversed(tokens):
        w = tok.group()
        if w[-1] in ",;:()\"“”" or w.endswith(("'s", "’s")):
            break
        if _YEAR_TOKEN.match(w) or _ORDINAL_TOKEN.match(w) or w.lower() == "annual":
            break
        if w[0].isupper() or w in lex.connectors and w != "the":
            name_start = offset + tok.start()
            continue
        break
    # Trim leading connectors ("of the X Festival" -> "X Festival").
    while name_start < pos:
        m = _TOKEN.match(text, name_start)
        if m and m.group() in lex.connectors:
            name_start = m.end() + 1
        else:
            break
    return min(name_start, head_start)


def normalise_festival(name: str) -> str:
    """'37th annual Telluride Film Festival' -> 'telluride film festival'; aliases applied."""
    lex = lexicon()
    alias = lex.festival_aliases.get(_norm(name))
    if alias:
        return alias
    words = [
        w for w in _norm(name.replace("’", "'")).split()
        if w not in lex.festival_drop and not _YEAR_TOKEN.match(w) and not _ORDINAL_TOKEN.match(w)
    ]
    if words and words[-1] == "award":
        words[-1] = "awards"
    out = " ".join(words)
    return lex.festival_aliases.get(out, out)


def _find_works(text: str, base: int, nouns: list[tuple[int, int, str]]) -> list[_Work]:
    lex = lexicon()
    works = []
    for s, e, noun in nouns:
        if text[s].isupper() and not noun[0].isupper():
            continue  # "Film" in "Toronto International Film Festival" is part of a name
        spec = lex.works[noun]
        owner, year, np_start, self_desc = _work_left(text, s)
        title = _title_after(text, e)
        if year is None and title is None:
            continue
        works.append(_Work(
            start=base + np_start, end=base + (title[1] if title else e),
            year=(base + year[0], base + year[1]) if year else None,
            noun=noun, family=spec["family"], event=spec["event"],
            owner=owner, title=title[2] if title else None, self_description=self_desc,
        ))
    return works


def _work_left(text: str, noun_start: int) -> tuple[str | None, tuple[int, int] | None, int, bool]:
    """Owner, year span and start of '[owner] [year] [adjectives] <noun>'."""
    tokens = list(_TOKEN.finditer(text[max(0, noun_start - 120) : noun_start]))
    off = max(0, noun_start - 120)
    np_start = noun_start
    year = None
    owner = None
    adjectives = 0
    i = len(tokens) - 1
    while i >= 0:
        t = tokens[i]
        w = t.group()
        if year is None and _YEAR_TOKEN.match(w):
            year = (off + t.start(), off + t.end())
            np_start = off + t.start()
            i -= 1
            break
        if w[-1] in ",;:()\"“”" or w.lower() in ("a", "an", "the", "this", "that", "its", "his", "her", "their") \
                or w.endswith(("'s", "’s")) or adjectives >= 6 or not _PLAIN_WORD.match(w):
            break
        adjectives += 1
        i -= 1
    if i >= 0:
        w = tokens[i].group()
        if w.lower() in ("his", "her", "their", "its", "my", "our") or w.endswith(("'s", "’s")):
            j = i
            while w.endswith(("'s", "’s")) and j > 0 and tokens[j - 1].group()[:1].isupper() \
                    and tokens[j - 1].group()[-1] not in ",;:":
                j -= 1
            owner = text[off + tokens[j].start() : off + tokens[i].end()]
            np_start = off + tokens[j].start()
    before = text[max(0, np_start - 12) : np_start].lower()
    self_desc = owner is None and bool(_IS_A.search(before))
    if year is None:
        np_start = noun_start
    return owner, year, np_start, self_desc


def _title_after(text: str, noun_end: int) -> tuple[int, int, str] | None:
    """A Title Case (or quoted) title right after a work noun: 'film The Duchess'."""
    lex = lexicon()
    rest = text[noun_end:]
    q = _QUOTED_TITLE.match(rest)
    if q:
        return noun_end + q.start("t"), noun_end + q.end(), q.group("t").rstrip(",.")
    pos = noun_end
    end = None
    words: list[str] = []
    for m in _SPACED_WORD.finditer(rest):
        if m.start() != pos - noun_end:
            break
        w = m.group("w")
        core = w.rstrip(",.;:)!?\"”")
        if not core:
            break
        if core[0].isupper() or (words and core in lex.connectors):
            words.append(core)
            pos = noun_end + m.end()
            if core[0].isupper():
                end = noun_end + m.start("w") + len(core)
            if core != w:
                break
            continue
        break
    while words and words[-1] in lex.connectors:
        words.pop()
    if not words or end is None:
        return None
    return noun_end + 1, end, " ".join(words)


# ------------------------------------------------------------ per-document state

class _DocContext:
    """Per-document analysis: sentences, the work's own title and family, carry-over."""

    def __init__(self, doc: Document):
        self.doc = doc
        self.sentences: dict[int, _Sentence] = {}
        self._carry: dict[int, str | None] = {}
        self._periods: dict[int, dict[int, str]] = {}
        body = doc.text[doc.body.start : doc.body.end]
        self.abbreviations = {
            m.group("abbr"): normalise_festival(m.group("name"))
            for m in _ABBR_DEFINITION.finditer(body)
        }
        self.title, self.family = self._self_description()
        self.subject = find_subject(doc)
        self.subject_type = self.subject.type if self.subject else None

    def _self_description(self) -> tuple[str | None, str | None]:
        body = [s for s in self.doc.sentences if s.section == "body"]
        if not body:
            return None, None
        first = self.doc.text[body[0].span.start : body[0].span.end]
        m = _DOC_SELF.match(first)
        if not m:
            return None, None
        found = [v for _, _, vals in lexicon().cues.find(m.group("rest")) for c, v in vals if c == "work"]
        family = lexicon().works[found[0]]["family"] if found else None
        return m.group("title").strip("\"“” "), family

    def sentence(self, index: int) -> _Sentence:
        s = self.sentences.get(index)
        if s is None:
            s = self.sentences[index] = _analyse(self.doc, self.doc.sentences[index], self)
        return s

    def own_region(self, s: _Sentence) -> str | None:
        codes = {r.value for r in s.regions}
        if len(codes) == 1:
            return codes.pop()
        if s.leading_end is not None:
            lead = {r.value for r in s.regions if r.end <= s.leading_end}
            if len(lead) == 1:
                return lead.pop()
        return None

    def carried_region(self, index: int) -> str | None:
        """Region inherited through a run of box-office sentences (see module docstring)."""
        if index in self._carry:
            return self._carry[index]
        chain = []
        i = index
        result = None
        while i > 0:
            s = self.sentence(i)
            if s.regions or not (s.topic and s.continuation):
                break
            prev = self.sentence(i - 1)
            if not prev.topic or self.doc.sentences[i - 1].section != "body":
                break
            chain.append(i)
            own = self.own_region(prev)
            if own:
                result = own
                break
            if i - 1 in self._carry:
                result = self._carry[i - 1]
                break
            i -= 1
        for j in chain:
            self._carry[j] = result
        self._carry.setdefault(index, result)
        return self._carry[index]

    def last_festival(self, index: int, kind: str, before: int) -> _Cue | None:
        """The festival named most recently before ``before`` (this or the 3 previous sentences)."""
        for i in range(index, max(-1, index - 4), -1):
            s = self.sentence(i)
            named = [f for f in s.festivals if f.end <= before and s.festival_kind[f.start] == kind]
            if named:
                return named[-1]
        return None

    def last_source(self, index: int) -> _Cue | None:
        for i in range(index - 1, max(-1, index - 3), -1):
            s = self.sentence(i)
            if s.sources:
                return s.sources[-1]
        return None

    def periods(self, index: int) -> dict[int, str]:
        """Resolved period of each period cue of a sentence, by cue start.

        'succeeding week' counts on from the period before it: in the same
        sentence, else the last one of the previous sentence (opening weekend
        -> week-2, week-3 -> week-4); unresolved it stays 'next-week'.
        """
        done = self._periods.get(index)
        if done is not None:
            return done
        out: dict[int, str] = {}
        last: str | None = None
        for i, cue in enumerate(self.sentence(index).periods):
            value = cue.value
            if value.startswith("next-"):
                if i == 0 or last is None:
                    # Only now look back: resolving every sentence's periods would chain to the start.
                    last = last or self.last_period(index)
                n = _period_number(last)
                value = f"{value[5:]}-{n + 1}" if n is not None else value
            out[cue.start] = value
            if value not in _NOT_A_BASE:
                last = value
        self._periods[index] = out
        return out

    def last_period(self, index: int) -> str | None:
        """The last explicit period of the previous sentence (for 'that week', 'succeeding week')."""
        if index <= 0 or self.doc.sentences[index - 1].section != "body":
            return None
        resolved = self.periods(index - 1)
        explicit = [v for v in resolved.values() if v not in _NOT_A_BASE]
        return explicit[-1] if explicit else None


#: Periods that cannot anchor a 'succeeding week' or 'that week'.
_NOT_A_BASE = frozenset({"total", "later", "later-weeks"})

_CONTEXTS: "OrderedDict[int, _DocContext]" = OrderedDict()
_MAX_CONTEXTS = 16


def forget(doc: Document) -> None:
    """Drop a document's analysis from the cache (extraction calls it when done).

    A finished document's context would otherwise stay alive with every cue of
    every sentence until sixteen other documents pushed it out: memory, and
    work for the garbage collector on every later pass over the heap.
    """
    ctx = _CONTEXTS.get(id(doc))
    if ctx is not None and ctx.doc is doc:
        del _CONTEXTS[id(doc)]


def _context(doc: Document) -> _DocContext:
    """Per-document cache: the last few documents, by identity.

    A context holds its document, so an id in the cache cannot be reused by
    another document while the entry lives; the ``is`` check is for safety.
    """
    ctx = _CONTEXTS.get(id(doc))
    if ctx is not None and ctx.doc is doc:
        _CONTEXTS.move_to_end(id(doc))
        return ctx
    ctx = _CONTEXTS[id(doc)] = _DocContext(doc)
    while len(_CONTEXTS) > _MAX_CONTEXTS:
        _CONTEXTS.popitem(last=False)
    return ctx


# ------------------------------------------------------------ choosing cues

def _nearest(s: _Sentence, cues: Iterable[_Cue], m0: int, m1: int,
             max_soft: int | None = None) -> tuple[_Cue, int] | None:
    """The cue closest to the mention: fewest clause boundaries, then fewest characters.

    Never across a hard (sentence-like) boundary. Returns the cue and the
    number of clause boundaries crossed.
    """
    best = None
    best_key = None
    for c in cues:
        lo, hi = _gap(m0, m1, c.start, c.end)
        if _count_between(s.hard, lo, hi):
            continue
        soft = _count_between(s.soft, lo, hi)
        if max_soft is not None and soft > max_soft:
            continue
        key = (soft, hi - lo)
        if best_key is None or key < best_key:
            best, best_key = c, key
    return (best, best_key[0]) if best is not None and best_key is not None else None


#: What ends a comma-free stretch after a figure (a period beyond it is not the figure's).
_STRETCH_BREAK = _lazyre.lazy_compile(r"[,;:.!?()]|\b(?:and|but|while|whereas)\s+(?:it|its|the\s+film|they|he|she)\b")

#: How far after a figure a period phrase may follow in its clause ("$5 million in its opening weekend").
_PERIOD_REACH = 60


def _qualifier_cue(s: _Sentence, cues: list[_Cue], m0: int, m1: int,
                   clause_bound: bool = False, stretch: bool = False) -> _Cue | None:
    """The cue that qualifies a mention, or None.

    Same clause first (for a ``clause_bound`` qualifier such as a period, a
    cue after the mention must be close: "$5 million in its opening
    weekend"). Else the only value in the sub-sentence; a clause-bound
    qualifier takes it only from before the mention, so "In its first weekend
    in the UK, earning X and taking Y" shares it but "... 200 theatres ...
    cut its screens in the succeeding weeks" does not. Else the sentence's
    opening adverbial.
    """
    if not cues:
        return None
    # Each step reads only the window of cues it can take (linear in a long sentence).
    near = _nearest(s, _clause_window(s, cues, m0, m1, 0), m0, m1, max_soft=0)
    if near and not (clause_bound and near[0].start >= m1 and near[0].start - m1 > _PERIOD_REACH):
        return near[0]
    if stretch:
        # "$4.2 million in the United States and Canada in its first month": a period in
        # the same comma-free stretch after the figure, even past an "and" inside a place.
        after = [c for c in _window(s, cues, m1, min(s.end, m1 + _PERIOD_REACH)) if c.start >= m1
                 and c.start - m1 <= _PERIOD_REACH and not _STRETCH_BREAK.search(s.text, m1 - s.start, c.start - s.start)]
        if after:
            return min(after, key=lambda c: c.start)
    lo, hi = s.sub_sentence(m0)
    inside = [c for c in _window(s, cues, lo, hi) if lo <= c.start < hi and (not clause_bound or c.end <= m0)]
    if inside and len({c.value for c in inside}) == 1:
        near = _nearest(s, inside, m0, m1)
        return near[0] if near else inside[0]
    if s.leading_end is not None and m0 >= s.leading_end and lo == s.start:
        lead = [c for c in _window(s, cues, s.start, s.leading_end) if c.end <= s.leading_end]
        if lead and len({c.value for c in lead}) == 1:
            return lead[-1]
    return None


def _event_cue(s: _Sentence, kind: str, m0: int, m1: int) -> tuple[str, _Cue] | None:
    lex = lexicon()
    cands, weak = [], []
    doms, typ = domains(), s.subject_type
    reach = _EVENT_REACH.get(kind, 1)
    for c0, c1, events in _events_within(s, m0, m1, reach):
        # Of the events a word may name, the first that can be a fact of the article's
        # kind of subject ("opened": a release of a film, the opening of a shop). A
        # domain file's word that cannot be (a film "moved to" a studio) is taken only
        # when no other event word is within reach.
        admitted = [ev for ev in events if kind in lex.events[ev].kinds]
        fitting = [ev for ev in admitted if doms.fits(ev, typ)]
        if fitting or any(ev in lex.core_events for ev in admitted):
            cands.append(_Cue(c0, c1, (fitting or admitted)[0]))
        elif admitted:
            weak.append(_Cue(c0, c1, admitted[0]))
    # A figure takes its measure from its own clause or the next one; a date may
    # reach a little further ("scheduled for 1 October, but the date was later
    # moved up to 15 September" is still the release).
    if kind == "date":
        # "in May 2014, two years before publication": a date before "before X" is not X's.
        # (Read in the few words before the cue, not from the sentence start: linear.)
        cands = [c for c in cands if not (c.start >= m1 and _RELATIVE_TO.search(
            s.text, max(0, c.start - s.start - _RELATIVE_TO_REACH), c.start - s.start))]
    near = _nearest(s, cands, m0, m1, max_soft=reach) or _nearest(s, weak, m0, m1, max_soft=reach)
    own = _clause_text(s, m0)
    if near and near[1] and kind == "date" and not (_RESCHEDULED.search(own) or _ELLIPTIC.match(own)):
        # "made his debut on 4 May 2010, and scored twice at the 2018 World Cup": the
        # debut already has its date; borrow a word from another clause only when that
        # clause has none ("scheduled for 1 October 2010, but ... moved up to 15 September").
        lo, hi = _clause_span(s, near[0].start)
        if _YEAR.search(s.text, lo - s.start, hi - s.start):
            return None
    return (near[0].value, near[0]) if near else None


#: How far before an event word "before the" / "ahead of its" is looked for.
_RELATIVE_TO_REACH = 40


def _events_within(s: _Sentence, m0: int, m1: int, reach: int) -> list[tuple[int, int, list[str]]]:
    """The sentence's events that lie at most ``reach`` clause boundaries from a mention.

    Only these can win in ``_nearest(..., max_soft=reach)``; reading this window
    of the sorted events instead of all of them keeps a long sentence linear
    (its mentions times the events near each, not times every event).
    """
    soft, events = s.soft, s.events
    k = bisect_left(soft, m0)
    after = soft[k - reach - 1] if k > reach else s.start  # a cue before must end after this
    j = bisect_left(soft, m1)
    until = soft[j + reach] if j + reach < len(soft) else s.end  # a cue after must start by this
    starts = s.event_starts
    i = bisect_left(starts, after)
    while i > 0 and events[i - 1][1] > after:
        i -= 1
    return events[i : bisect_right(starts, until)]


def _window(s: _Sentence, cues: list[_Cue], lo: int, hi: int) -> list[_Cue]:
    """The cues of one of the sentence's lists that may overlap ``[lo, hi]`` (a superset, in order).

    A bisection on the list's starts, kept per list, when the list is sorted by
    start (the sentence's cue lists are): a filter over the result is then
    what it is over the whole list, without reading it all for every mention.
    """
    got = s._index.get(id(cues))
    if got is None or got[0] is not cues:
        starts = [c.start for c in cues]
        ordered = all(a <= b for a, b in zip(starts, starts[1:]))
        got = s._index[id(cues)] = (cues, starts if ordered else None, max((c.end - c.start for c in cues), default=0))
    _, starts, longest = got
    if starts is None:
        return cues
    return cues[bisect_left(starts, lo - longest) : bisect_right(starts, hi)]


def _clause_window(s: _Sentence, cues: list[_Cue], m0: int, m1: int, reach: int) -> list[_Cue]:
    """The cues that can lie at most ``reach`` clause boundaries from a mention (see _events_within)."""
    soft = s.soft
    k = bisect_left(soft, m0)
    j = bisect_left(soft, m1)
    return _window(s, cues, soft[k - reach - 1] if k > reach else s.start,
                   soft[j + reach] if j + reach < len(soft) else s.end)


def _nearest_widening(s: _Sentence, cues: list[_Cue], m0: int, m1: int) -> tuple[_Cue, int] | None:
    """``_nearest(s, cues, m0, m1)``, reading windows of 0, 1, 2, 4... clause boundaries.

    The nearest cue has the fewest boundaries to cross, so the first window
    holding any cue within its reach holds the answer (ties included, in list
    order); a mention far from every cue reads the list about twice, not once
    per mention of the sentence in turn.
    """
    reach = 0
    while True:
        window = _clause_window(s, cues, m0, m1, reach)
        if len(window) == len(cues) or reach > len(s.soft):
            return _nearest(s, cues, m0, m1)  # every cue in reach: the plain reading
        near = _nearest(s, window, m0, m1, max_soft=reach)
        if near is not None:
            return near
        reach = reach * 2 or 1


def _clause_span(s: _Sentence, pos: int) -> tuple[int, int]:
    i = bisect_left(s.soft, pos + 1)
    lo = s.soft[i - 1] if i > 0 else s.start
    hi = s.soft[i] if i < len(s.soft) else s.end
    return lo, hi


def _clause_text(s: _Sentence, pos: int) -> str:
    lo, hi = _clause_span(s, pos)
    return s.text[lo - s.start : hi - s.start]


#: How many clause boundaries an event word may be from a mention, by kind.
_EVENT_REACH = {"date": 2, "edition": 2}


# ------------------------------------------------------------ the public function

def attribute_for(doc: Document, sentence: Sentence, mention: Mention,
                  event: str | None = None, named_before: int | None = None) -> Attribute:
    """The attribute (subject, event, qualifiers, evidence) of one mention in its sentence.

    ``event`` forces the event (a lifespan's two ends are a birth and a death);
    ``named_before`` is where the entity the mention belongs to is named just
    before (the "(" of "Tom Brown (1901–1980)").
    """
    ctx = _context(doc)
    s = ctx.sentence(sentence.index)
    b = _Builder(ctx, s, mention)
    b.forced_event, b.named_before = event, named_before
    return b.build()


def article_subject(doc: Document):
    """The document's ArticleSubject (None when not found), from the analysis cache."""
    return _context(doc).subject


class _Builder:
    """Decides one mention's attribute from its analysed sentence."""

    def __init__(self, ctx: _DocContext, s: _Sentence, m: Mention):
        self.ctx, self.s, self.m = ctx, s, m
        self.m0, self.m1 = m.start, m.end
        self.evidence: list[tuple[int, int]] = []
        self.subject = THIS_WORK
        self.subject_text: str | None = None
        self.event_word = ""  # the trigger that decided the event, normalised
        self.forced_event: str | None = None
        self.named_before: int | None = None
        self.indefinite = False  # the subject is "a <noun>": one of many

    def use(self, cue: _Cue | tuple[int, int] | None) -> None:
        if cue is None:
            return
        span = (cue.start, cue.end) if isinstance(cue, _Cue) else cue
        if span not in self.evidence:
            self.evidence.append(span)

    # -------------------------------------------------------------- event
    def event(self) -> str:
        lex = lexicon()
        m, s = self.m, self.s
        value = m.value
        if self.forced_event is not None:
            return self.forced_event
        if m.kind == "age":
            return "age"
        if m.kind == "money" and self.per_unit() is not None:
            return "average-gross"
        if m.kind == "count":
            noun = _norm(getattr(value, "noun", None) or "")
            spec = lex.count_nouns.get(noun) or lex.count_nouns.get(noun.rstrip("s"))
            if spec and ("whole_set" in spec or "modifiers" in spec):
                t, lo, hi = s.text, self.m0 - s.start, self.m1 - s.start
                found = countkeys.whole_set_scope(spec, t[max(0, lo - 40) : lo], t[lo:hi], t[hi : hi + 30])
                if found is None:
                    return UNKNOWN  # a part of the set, or a kind the table does not know
                self.count_scope, self.count_owner = found
                self.count_whole = bool(spec.get("whole_set"))
                return spec["event"]
            if spec and s.text[self.m1 - s.start - 1 : self.m1 - s.start].isdigit():
                self.share_of_article = True  # "The population was 2,954": the article's own figure
            elif spec and spec.get("sentence_cues") and not any(w in s.text.lower() for w in spec["sentence_cues"]):
                return UNKNOWN  # "200 people died in the flood" is no population: the census says it is
            if spec:
                self.count_scope = spec["scope"]
                return spec["event"]
        if m.kind == "ranking" and getattr(value, "category", None) in lex.chart_categories:
            if self.finish() and "league-position" in lex.events and (
                    entities.season_of_article(self.ctx) or domains().fits("league-position", self.ctx.subject_type)):
                return "league-position"  # "finished third", "an 8th-place finish": a final standing
            return "chart-position"
        if m.kind == "percentage" and getattr(value, "direction", None):
            return "percent-change"
        if m.kind == "percentage":
            t, lo, hi = s.text, self.m0 - s.start, self.m1 - s.start
            spec = countkeys.percent_noun(lex.data["percent_nouns"], t[max(0, lo - 40) : lo], t[hi : hi + 30], t)
            if spec is not None and self.ctx.subject_type in spec.get("applies_to", ()):
                self.count_scope, self.count_whole, self.share_of_article = spec["scope"], False, True
                return spec["event"]
        if m.kind == "date":
            work = self.work_of_year()
            if work is not None:
                return work.event
        found = _event_cue(s, m.kind, self.m0, self.m1)
        if found is None:
            return UNKNOWN
        event, cue = found
        self.use(cue)
        self.event_word = _norm(self.s.text[cue.start - self.s.start : cue.end - self.s.start])
        if event == "premiere" and self.event_word.startswith("debut") and _PERSONAL_DEBUT.search(
            s.text, 0, cue.start - s.start
        ):
            return "career-debut"  # "made his league debut": one step of a career, not a premiere
        return event

    def finish(self) -> bool:
        """'finished third', 'finishing in second place', 'an 8th-place finish', 'ended the
        season 8th': a final standing in a season's table, not a place in a week's chart."""
        s = self.s
        lo, hi = _clause_span(s, self.m0)
        before = s.text[max(lo, self.m0 - 40) - s.start : self.m0 - s.start]
        inside = s.text[self.m0 - s.start : self.m1 - s.start]
        after = s.text[self.m1 - s.start : min(hi, self.m1 + 30) - s.start]
        return bool(_FINISH_BEFORE.search(before) or _FINISH_WORD.search(inside) or _FINISH_AFTER.match(after))

    # ---------------------------------------------------------- qualifiers
    def per_unit(self) -> str | None:
        lex = lexicon()
        s = self.s
        after = s.text[self.m1 - s.start : self.m1 - s.start + 30]
        m = _PER_UNIT_AFTER.match(after)
        if m and _norm(m.group("unit")).rstrip("s") in lex.per_units:
            self.use((self.m1 + m.start("unit") - 4 if m.start("unit") >= 4 else self.m1,
                      self.m1 + m.end("unit")))
            return lex.per_units[_norm(m.group("unit")).rstrip("s")]
        before = s.text[max(0, self.m0 - s.start - 60) : self.m0 - s.start]
        m = _PER_UNIT_BEFORE.search(before)
        if m and _norm(m.group("unit")).rstrip("s") in lex.per_units:
            return lex.per_units[_norm(m.group("unit")).rstrip("s")]
        return None

    def region(self, event: str) -> str | None:
        s = self.s
        # Box-office figures share a sentence's region; a date's region must be in its own
        # clause or before it ("premiered at X on 22 January, and was released in the US on ...").
        box_office = event in lexicon().box_office_events
        cue = _qualifier_cue(s, s.regions, self.m0, self.m1, clause_bound=not box_office)
        if cue is not None and box_office and _clause_span(s, cue.start) != _clause_span(s, self.m0):
            lo, hi = _clause_span(s, cue.start)
            if _DIGIT.search(s.text, lo - s.start, hi - s.start):
                # "revenue of €1.58 billion, of which €1.65 billion came from the UK": the
                # region belongs to the figure of its own clause.
                cue = None
        if cue is not None:
            self.use(cue)
            return cue.value
        if event in lexicon().box_office_events and not s.regions:
            return self.ctx.carried_region(s.index)
        return None

    def medium(self, event: str) -> str | None:
        s = self.s
        cue = _qualifier_cue(s, s.media, self.m0, self.m1)
        if cue is None:
            return None
        self.use(cue)
        if lexicon().default_media.get(event) == cue.value:
            return None  # the default medium of the event stays out of the key
        return cue.value

    def period(self) -> str | None:
        s = self.s
        # "opened at four theatres", "opened with $2 million": the opening weekend.
        if self.m.kind in ("count", "money"):
            for c in s.adjacent_periods:
                gap = s.text[c.end - s.start : self.m0 - s.start]
                if 0 <= self.m0 - c.end <= 12 and _HEDGE_ONLY.fullmatch(gap):
                    self.use(c)
                    return c.value
        cue = _qualifier_cue(s, s.periods, self.m0, self.m1, clause_bound=True, stretch=self.m.kind != "date")
        if cue is None:
            ana = _nearest(s, s.anaphoric_periods, self.m0, self.m1, max_soft=1)
            if ana:
                self.use(ana[0])
                resolved = self.ctx.periods(s.index)
                lead = [resolved[p.start] for p in s.periods if s.leading_end and p.end <= s.leading_end]
                return lead[-1] if lead else self.ctx.last_period(s.index)
            return None
        self.use(cue)
        value = self.ctx.periods(s.index)[cue.start]
        return None if value == "total" else value

    def year(self) -> str | None:
        """'In 2019, revenue was ...', '19 goals in 2015–16': the year or season a figure is for.

        Read from the mention's clause, else the sentence's opening adverbial;
        never the mention itself ('by 2019' is an as-of period, not a year).
        """
        s = self.s
        spans = [_clause_span(s, self.m0)]
        if s.leading_end is not None and self.m0 >= s.leading_end:
            spans.append((s.start, s.leading_end))
        for lo, hi in spans:
            for m in _YEAR_PERIOD.finditer(s.text, lo - s.start, hi - s.start):
                y0, y1 = s.start + m.start("y"), s.start + m.end("y")
                if y0 < self.m1 and self.m0 < y1:
                    continue
                self.use((y0, y1))
                first, _, second = m.group("y").replace("–", "/").replace("-", "/").partition("/")
                value = f"{first}/{first[:2] + second if len(second) == 2 else second}" if second else first
                return value
        return None

    def season(self) -> str | None:
        """'the second series', 'season 3': which season of a serial work a fact is about.

        The nearest season phrase before the mention in its sub-sentence, else
        the first one after it in its clause.
        """
        s = self.s
        lo, _ = s.sub_sentence(self.m0)
        before = list(_SEASON_NUMBER.finditer(s.text, lo - s.start, self.m0 - s.start))
        after = _SEASON_NUMBER.search(s.text, self.m1 - s.start, _clause_span(s, self.m0)[1] - s.start)
        best = before[-1] if before else after
        if best is None:
            return None
        word = (best.group("ord") or best.group("num")).lower()
        n = _SEASON_ORDINALS.get(word) or int(_NON_DIGITS.sub("", word) or 0)
        if not n:
            return None
        self.use((s.start + best.start(), s.start + best.end()))
        return str(n)

    def each(self) -> str | None:
        """'Each series consists of six episodes': a count per unit, not the total."""
        s = self.s
        lo, _ = _clause_span(s, self.m0)
        m = _EACH.search(s.text, lo - s.start, self.m0 - s.start)
        return m.group("unit").lower() if m else None  # "each" takes the singular

    def festival(self, kind: str = "festival") -> _Cue | None:
        s = self.s
        named = s.festivals_of(kind)
        inside = [f for f in _window(s, named, self.m0, self.m1) if f.start < self.m1 and self.m0 < f.end]
        if inside:
            return inside[0]
        near = _nearest_widening(s, named, self.m0, self.m1)
        if near:
            return near[0]
        words = ("festival", "event") if kind == "festival" else ("ceremony", "awards")
        ana = [a for a in s.festival_anaphora if a.value in words]
        if ana:
            self.use(ana[0])
            return self.ctx.last_festival(s.index, kind, before=ana[0].start)
        return None

    def status(self) -> str | None:
        s = self.s
        for c in s.status:
            lo, hi = _gap(self.m0, self.m1, c.start, c.end)
            if c.end <= self.m0 and not _count_between(s.soft, lo, hi) and not _count_between(s.hard, lo, hi):
                self.use(c)
                return c.value
        return None

    def scope(self, event: str) -> str | None:
        if self.m.kind in ("count", "percentage") and hasattr(self, "count_scope"):
            return getattr(self, "count_scope", None)
        s = self.s
        wanted = "wide" if event == "release" else "marketing" if event == "budget" else None
        if wanted is None:
            return None
        cues = [c for c in s.scope if c.value == wanted]
        near = _nearest(s, cues, self.m0, self.m1, max_soft=0)
        if near:
            self.use(near[0])
            return wanted
        return None

    def change(self) -> str | None:
        s = self.s
        for c in s.change:
            gap = s.text[c.end - s.start : self.m0 - s.start] if c.end <= self.m0 else None
            if gap is not None and len(gap) <= 16 and _WORDS_ONLY.fullmatch(gap) and len(gap.split()) <= 2:
                self.use(c)
                return c.value
            if c.start >= self.m1 and c.start - self.m1 <= 2:
                self.use(c)
                return c.value
        return None

    def source(self, event: str) -> str | None:
        s = self.s
        near = _nearest(s, s.sources, self.m0, self.m1)
        if near:
            self.use(near[0])
            return near[0].value
        if s.source_anaphora:
            prev = self.ctx.last_source(s.index)
            if prev:
                return prev.value
        if event == "review-score":
            m = _OPENING_NAME.match(s.text)
            if m:
                name = _POSSESSIVE_END.sub("", m.group("name"))
                self.use((s.start + m.start("name"), s.start + m.end("name")))
                return slug(name)
        return None

    # -------------------------------------------------------------- subject
    def work_of_year(self) -> _Work | None:
        """The work noun phrase whose year is this mention ('her 2008 film The Duchess')."""
        # Only the works whose year starts inside the mention (a bisect, not a scan:
        # a sentence listing hundreds of works stays linear); the first in text order wins.
        starts, dated = self.s.work_years
        inside = dated[bisect_left(starts, self.m0) : bisect_left(starts, self.m1)]
        found = [(i, w) for i, w in inside if w.year[1] <= self.m1]
        return min(found, key=lambda t: t[0])[1] if found else None

    def subject_from_work(self, w: _Work) -> None:
        self.use((w.start, w.end))
        text = self.s.text[w.start - self.s.start : w.end - self.s.start]
        if w.title:
            if self.ctx.title and slug(w.title) == slug(self.ctx.title):
                return
            self.subject, self.subject_text = slug(w.title), text
        elif w.family != self.ctx.family:
            self.subject, self.subject_text = w.family, text
        elif w.self_description and w.owner is None:
            return
        else:
            self.subject, self.subject_text = slug(text), text

    def other_work_before(self) -> bool:
        """'after Merchant Ivory's The Remains of the Day in 1993': the year of that title."""
        lex = lexicon()
        s = self.s
        prefix = s.text[max(0, self.m0 - s.start - 160) : self.m0 - s.start]
        m = _IN_OR_PAREN_END.search(prefix)
        if not m:
            return False
        body = prefix[: m.start()]
        tokens = list(_TOKEN.finditer(body))
        words: list[regex.Match] = []
        for t in reversed(tokens):
            w = t.group()
            if w[-1] in ",;:":
                break
            if w[0].isupper() and not w.endswith(("'s", "’s")) or (words and w in lex.connectors):
                words.append(t)
                continue
            break
        while words and words[-1].group() in lex.connectors:
            words.pop()
        if not words:
            return False
        t_start = words[-1].start()
        title = body[t_start:]
        # What comes before the title must be a cue word, possibly with an owner ('s).
        head = body[:t_start].split()
        owner_tokens = 0
        while head and head[-1].endswith(("'s", "’s")) or (owner_tokens and head and head[-1][:1].isupper()):
            head.pop()
            owner_tokens += 1
            if owner_tokens > 5:
                return False
        # ... or a work noun: "Her previous film, The Long Pier (2012)".
        last = head[-1].rstrip(",").lower() if head else ""
        if last not in lex.other_work_cues and last not in lex.works:
            return False
        base = s.start + max(0, self.m0 - s.start - 160)
        span = (base + t_start, base + len(body))
        if any(f.start <= span[0] < f.end for f in s.festivals) or any(
            r.start <= span[0] < r.end for r in s.regions
        ):
            return False
        if self.ctx.title and slug(title) == slug(self.ctx.title):
            return False
        self.subject, self.subject_text = slug(title), title
        self.use(span)
        return True

    def other_family_subject(self) -> bool:
        """'The soundtrack album was released on ...' in a film article: the album's facts."""
        m = lexicon().sentence_subject.match(self.s.text)
        if m is None or self.ctx.family is None:
            return False
        spec = lexicon().works.get(_norm(m.group("noun")))
        if spec is None or spec["family"] == self.ctx.family or m.end() > self.m0 - self.s.start:
            return False
        self.subject, self.subject_text = spec["family"], m.group().strip()
        self.use((self.s.start + m.start("noun"), self.s.start + m.end("noun")))
        return True

    def indefinite_subject(self) -> bool:
        """'A second plant opened in 1994', 'A free demo was released on ...': one of many
        things, not the work; the fact is an occasion of its own (see build)."""
        s = self.s
        lo, _ = _clause_span(s, self.m0)
        # The sentence start, then the clause start (in this order: a set would order them by value).
        # The match ends before the mention (plus its look-ahead word): bounding the
        # text keeps regex's scan for the pattern's first letter off the rest of a long sentence.
        stop = min(len(s.text), self.m0 - s.start + 200)
        for start in dict.fromkeys((s.start, lo)):
            m = _INDEFINITE_SUBJECT.match(s.text, start - s.start, stop)
            if m is None or s.start + m.end() > self.m0:
                continue
            n0, n1 = s.start + m.start("noun"), s.start + m.end("noun")
            noun = m.group("noun")
            spec = lexicon().works.get(_norm(noun))
            if spec is not None and spec["family"] == self.ctx.family:
                continue  # "A 2010 British film": the article's own work
            if any(c0 < n1 and n0 < c1 for c0, c1, _ in s.events):
                continue  # "A limited release followed on ...": the noun is the event itself
            self.subject, self.subject_text = slug(noun), m.group().strip()
            self.indefinite = True
            self.use((n0, n1))
            return True
        return False

    def named_sentence_subject(self) -> bool:
        """'The Duchess grossed $43 million', 'Mulligan earned $1 million': figures of
        someone or something named at the head of the main clause, not this work's."""
        s, ctx = self.s, self.ctx
        if not ctx.title:
            return False
        head = s.leading_end + 1 - s.start if s.leading_end is not None else 0
        m = _CLAUSE_SUBJECT.match(s.text, head)
        if m is None or m.end("name") > self.m0 - s.start:
            return False
        name = m.group("name")
        n0, n1 = s.start + m.start("name"), s.start + m.end("name")
        if name.split()[0].endswith(("ing", "ly")) or any(
            c.start < n1 and n0 < c.end for c in (*s.media, *s.regions, *s.sources, *s.festivals)
        ):
            return False  # "Playing on 265 screens, it ...", "The DVD and Blu-ray revenue ..."
        if " " not in name and n0 == s.start and any(e0 <= n0 < e1 for e0, e1, _ in s.events):
            return False  # "Revenue rose by 8%": a sentence-initial trigger word, not a name
        lo, _ = _clause_span(s, self.m0)
        if lo > n1 and _OWN_CLAUSE_SUBJECT.match(s.text, lo - s.start) and any(
            w.start >= lo and w.end <= self.m0 for w in s.work_nouns
        ):
            return False  # "X toured the album, and the album peaked at ...": the clause's own subject
        mine, theirs = slug(ctx.title), slug(name)
        if mine.startswith(theirs) or theirs.startswith(mine) or name in lexicon().works:
            return False
        self.subject, self.subject_text = theirs, name
        self.use((n0, n1))
        return True

    def titled_work_in_clause(self) -> bool:
        """'Her earlier film The Long Pier was released in 2009': the clause is about that title."""
        s = self.s
        for w in reversed(s.works):
            if w.title is None or w.end > self.m0:
                continue
            if _count_between(s.soft, w.end, self.m0) or _count_between(s.hard, w.end, self.m0):
                continue
            if self.ctx.title and slug(w.title) == slug(self.ctx.title):
                return False
            self.subject_from_work(w)
            return True
        return False

    def subject_for(self, event: str) -> None:
        lex = lexicon()
        s = self.s
        work = self.work_of_year() if self.m.kind == "date" else None
        if work is not None:
            self.subject_from_work(work)
            return
        if self.m.kind in ("date", "edition", "ranking") and self.other_work_before():
            return
        if self.titled_work_in_clause() or self.other_family_subject():
            return
        if self.m.kind == "date" and self.indefinite_subject():
            return
        if event in lex.box_office_events or event == "budget":
            if self.named_sentence_subject():
                return
        if event in ("birth", "death"):
            self.person()
        elif event == "festival-run":
            self.subject = "festival"
        elif event == "publication":
            near = _nearest(s, s.articles, self.m0, self.m1, max_soft=1)
            if near and near[0].end <= self.m0:
                self.subject, self.subject_text = "article", s.text[near[0].start - s.start : near[0].end - s.start]
                self.use(near[0])
                return
            for w in s.work_nouns:
                fam = lex.works[w.value]["family"]
                if w.end <= self.m0 and fam != self.ctx.family and self.ctx.family is not None:
                    self.subject, self.subject_text = fam, s.text[w.start - s.start : w.end - s.start]
                    self.use(w)
        elif event == "page-count":
            after = _NOUN_AFTER.match(s.text[self.m1 - s.start :])
            lead = _LEAD_NOUN.match(s.text)
            noun = after.group("noun") if after and after.group("noun") not in ("long", "in", "of") else (
                lead.group("noun") if lead else None)
            if noun:
                self.subject = "screenplay" if noun in ("script", "screenplay") else slug(noun)
                self.subject_text = noun

    def person(self) -> None:
        s = self.s
        prefix = s.text[: self.m0 - s.start]
        m = _PERSON_BEFORE.search(prefix)
        if m:
            start, name = m.start("name"), m.group("name")
            first = name.split()[0]
            if first.lower() in lexicon().person_titles and len(name.split()) > 2:
                start += len(first) + 1  # "Singer Mara Quinn (born ...)": the name is Mara Quinn
                name = name[len(first) + 1 :]
            self.subject, self.subject_text = slug(name), name
            self.use((s.start + start, s.start + m.end("name")))
            return
        # "Ilić, born on ...": a surname alone is the article's own subject when it ends its title.
        m = _SURNAME_BEFORE.search(prefix)
        title = _PARENTHESES.sub("", self.ctx.title or "").strip()  # "Marko Ilić (born 1994)"
        if m and title and len(title.split()) > 1 and title.split()[-1] == m.group("name"):
            self.subject, self.subject_text = slug(title), m.group("name")
            self.use((s.start + m.start("name"), s.start + m.end("name")))

    # -------------------------------------------------------------- build
    def build(self) -> Attribute:
        lex = lexicon()
        event = self.event()
        if event == UNKNOWN:
            return Attribute()
        quals: dict[str, str] = {}
        fest = None
        if event in ("screening", "premiere", "festival-opening", "festival-closing", "festival-run"):
            fest = self.festival("festival")
            if fest is not None:
                self.use(fest)
                if event == "screening":
                    event = "festival-screening"
        spec = lex.events[event]
        for name in spec.qualifiers:
            value: str | None = None
            if name == "region":
                value = self.region(event)
            elif name == "medium":
                value = self.medium(event)
            elif name == "period":
                value = self.period()
            elif name == "festival":
                value = fest.value if fest is not None else None
            elif name == "status":
                value = self.status()
            elif name == "scope":
                value = self.scope(event)
            elif name == "change":
                value = self.change()
            elif name == "per-unit":
                value = self.each() if self.m.kind == "count" else self.per_unit()
            elif name == "year":
                value = self.year()
            elif name == "season":
                value = self.season()
            elif name == "party":
                value = entities.party(self, event)
            elif name == "competition":
                value = entities.competition(self)
            elif name in ("source", "chart"):
                value = self.source(event)
            elif name == "ceremony":
                c = self.festival("ceremony")
                if c is not None:
                    self.use(c)
                    value = c.value
            if value:
                quals[name] = value
        if event == "chart-position" and "period" not in quals and _DEBUTED.search(
            self.s.text, max(0, self.m0 - self.s.start - 20), self.m1 - self.s.start
        ):
            quals["period"] = "opening-week"  # "debuted at number four": its first chart week
        if "festival" in quals:
            quals.pop("region", None)  # the festival says where; "UK premiere at the LFF" is that premiere
        if event == "gross" and not quals and self.event_word not in lex.weak_gross:
            # An unqualified box-office total is the worldwide total ("earned $9 million at
            # the box office"); "made" or "sales" alone could be any sum.
            quals["region"] = "world"
        self.subject_for(event)
        if not entities.resolve(self, event, quals):
            return Attribute()  # the clause's subject is unclear: no finding beats a conflated one
        if self.subject == THIS_WORK and not domains().fits(event, self.ctx.subject_type) and not (
                event == "league-position" and entities.season_of_article(self.ctx)):
            return Attribute()  # a film is not born and a person not released: the word was about someone else
        if self.m.kind == "date" and event in ("release", "publication", "premiere") and self.work_of_year():
            quals["scope"] = "first"  # "a 2012 film": the year it first came out, anywhere
        if spec.repeatable and not any(d in quals for d in spec.distinguishers) or (
            event == "publication" and self.subject == "article"
        ) or self.indefinite:
            digest = hashlib.sha1(f"{self.s.text}|{self.m.start - self.s.start}".encode("utf-8", "surrogatepass")).hexdigest()
            quals["occurrence"] = digest[:8]
        return Attribute(
            subject=self.subject,
            subject_text=self.subject_text,
            event=event,
            qualifiers=quals,
            evidence=[Span(start=a, end=b) for a, b in sorted(self.evidence)],
        )


def _period_number(period: str | None) -> int | None:
    if period is None:
        return None
    if period.startswith("opening-"):
        return 1
    m = _NUMBERED_PERIOD.match(period)
    return int(m.group(1)) if m else None
