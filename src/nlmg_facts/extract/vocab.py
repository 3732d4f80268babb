"""Per-domain vocabulary (``data/domains/*.json``), looked up token by token.

Each domain file holds what articles of one kind say about their subject:
``subject_nouns`` (the head noun of an opening sentence, by subject type:
"footballer" -> person, "football club" -> organisation/club), ``short_forms``
("the club"), ``pronouns``, and ``events`` (event name -> the kinds of value
it admits, the subject types it ``applies_to``, ``one_time`` or
``repeatable`` with its ``distinguishers``, the Wikidata property, trigger
phrases). An event already named in ``triggers.json`` keeps its name and gains
the fields and triggers given here. A new domain is one more file.

Phrases are matched over word tokens with dict lookups (first token -> the
phrases starting with it, longest first), not with one alternation per
table: the cost per token is a dict probe plus the few phrases that share
its first word. ``word~`` inflects the word (see ``attributes.expand``).
"""

from __future__ import annotations

import functools
import json
import re
from dataclasses import dataclass
from importlib import resources
from typing import Hashable, Iterable
from .. import _lazyre


@functools.cache
def _token_pattern() -> re.Pattern[str]:
    # Compiled on first use, never at import (start-up time, issue 12).
    return _lazyre.compile_std(r"\w+(?:['’]\w+)?")


def tokens(text: str) -> list[tuple[int, int, str]]:
    """Word tokens of ``text``: (start, end, lower-cased word); apostrophes stay inside."""
    low = text.lower()
    if len(low) != len(text):  # a letter whose lower case is longer ('İ'): token by token
        return [(m.start(), m.end(), m.group().lower().replace("’", "'")) for m in _token_pattern().finditer(text)]
    if "’" in low:
        low = low.replace("’", "'")
    return [(m.start(), m.end(), m.group()) for m in _token_pattern().finditer(low)]


@functools.lru_cache(maxsize=4096)
def phrase_tokens(phrase: str) -> tuple[str, ...]:
    return tuple(t for _, _, t in tokens(phrase))


class PhraseIndex:
    """Phrases -> values, found over tokens: longest phrase at each token, overlaps kept."""

    def __init__(self, entries: Iterable[tuple[str, Hashable]]):
        table: dict[str, dict[tuple[str, ...], list[Hashable]]] = {}
        for phrase, value in entries:
            toks = phrase_tokens(phrase)
            if not toks:
                continue
            values = table.setdefault(toks[0], {}).setdefault(toks, [])
            if value not in values:
                values.append(value)
        self._by_first = {
            first: sorted(phrases.items(), key=lambda p: -len(p[0])) for first, phrases in table.items()
        }

    def find_tokens(self, toks: list[tuple[int, int, str]]) -> list[tuple[int, int, list[Hashable]]]:
        out = []
        by_first = self._by_first
        n = len(toks)
        for i, (s, _, word) in enumerate(toks):
            cands = by_first.get(word)
            if not cands:
                continue
            for phrase, values in cands:
                k = len(phrase)
                if i + k <= n and all(toks[i + j][2] == phrase[j] for j in range(1, k)):
                    out.append((s, toks[i + k - 1][1], values))
                    break
        return out

    def find(self, text: str) -> list[tuple[int, int, list[Hashable]]]:
        return self.find_tokens(tokens(text))


@dataclass(frozen=True)
class SubjectType:
    """A subject type as written in the data: 'organisation/club' -> ('organisation', 'club')."""

    type: str
    subtype: str | None

    @classmethod
    def parse(cls, text: str) -> "SubjectType":
        t, _, sub = text.partition("/")
        return cls(t, sub or None)


class Domains:
    """Every domain file, merged."""

    def __init__(self, files: dict[str, dict]):
        from .attributes import expand  # the lexicon's phrase syntax ({a|b}, word~)

        self.files = files
        self.events: dict[str, dict] = {}
        self.count_nouns: dict[str, dict] = {}
        self.count_applies: dict[str, frozenset[str]] = {}  # count events: the subject types they fit
        self.relations: set[str] = set()
        self.competitions: dict[str, str] = {}
        nouns: list[tuple[str, Hashable]] = []
        short: list[tuple[str, Hashable]] = []
        triggers: list[tuple[str, Hashable]] = []
        self.pronouns: dict[str, dict[str, list[str]]] = {}
        for name, data in files.items():
            for typ, words in data.get("subject_nouns", {}).items():
                nouns += [(w, typ) for w in words]
            for typ, words in data.get("short_forms", {}).items():
                short += [(w, typ) for w in words]
            for typ, table in data.get("pronouns", {}).items():
                self.pronouns.setdefault(typ, {}).update(table)
            self.relations |= {r.lower() for r in data.get("relations", ())}
            for comp, words in data.get("competitions", {}).items():
                self.competitions.update({" ".join(phrase_tokens(w)): comp for w in words})
            for event, spec in data.get("events", {}).items():
                merged = self.events.setdefault(event, {"domain": name})
                for key, value in spec.items():
                    if key == "triggers":
                        merged.setdefault("triggers", []).extend(value)
                    else:
                        merged[key] = value
                for phrase in spec.get("triggers", ()):
                    triggers += [(s, event) for s in expand(phrase)]
            self.count_nouns.update(data.get("count_nouns", {}))
            for spec in data.get("count_nouns", {}).values():
                if "applies_to" in spec:
                    self.count_applies[spec["event"]] = frozenset(spec["applies_to"])
        self.subject_nouns = PhraseIndex(nouns)
        self.short_forms = PhraseIndex(short)
        self.short_form_types = {" ".join(phrase_tokens(p)): SubjectType.parse(t) for p, t in short}
        self.triggers = PhraseIndex(triggers)
        self.competition_index = PhraseIndex(list(self.competitions.items()))

    def applies_to(self, event: str) -> frozenset[str] | None:
        spec = self.events.get(event)
        kinds = spec.get("applies_to") if spec else None
        return frozenset(kinds) if kinds else self.count_applies.get(event)

    def fits(self, event: str, subject_type: str | None) -> bool:
        """Can ``event`` be a fact of a subject of this type? (No type known: a work, as before.)"""
        allowed = self.applies_to(event)
        if subject_type in (None, "other"):
            subject_type = "work"
        return allowed is None or subject_type in allowed

    def one_time(self, event: str) -> bool:
        spec = self.events.get(event)
        return bool(spec and spec.get("one_time"))

    def wikidata(self, event: str) -> str | None:
        spec = self.events.get(event)
        return spec.get("wikidata") if spec else None


@functools.cache
def domains() -> Domains:
    folder = resources.files("nlmg_facts").joinpath("data", "domains")
    files = {
        entry.name.removesuffix(".json"): json.loads(entry.read_text("utf-8"))
        for entry in sorted(folder.iterdir(), key=lambda e: e.name)
        if entry.name.endswith(".json")
    }
    return Domains(files)
