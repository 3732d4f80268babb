"""Honours lists (NLMG-R007): a competition the body says was won in a season its honours list omits.

The words live in ``data/honours.json``. The rule reads the article's lines
directly: an honours list is a block of lines, not a sentence.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import Iterator

import regex

from .. import _lazyre
from ..models import Severity, Span
from .context import RuleContext
from .elections import alternation, word_lists
from .registry import Hit, rule

_SEASON = r"(?:1[89]|20)\d\d(?:[–-]\d\d(?:\d\d)?)?"
# A competition's name: capitalised words, "of" between them ("League of Ireland Premier Division").
_COMP = r"\p{Lu}[\p{L}'’.-]*(?:\s+(?:of\s+(?:the\s+)?)?(?:\p{Lu}[\p{L}'’.-]*|\d+))*"


def _words() -> dict[str, list[str]]:
    return word_lists("honours.json")


def _alt(words: list[str]) -> str:
    return alternation(words, r"[\s-]")


@lru_cache(maxsize=1)
def _patterns() -> dict[str, regex.Pattern[str]]:
    w = _words()
    roles = _alt(w["winner_roles"] + w["other_roles"])
    verbs = _alt(w["win_verbs"])
    return {
        "seasons_line": _lazyre.compile(
            rf"^(?:(?P<role>(?i:{roles}))\s*:?\s*)?(?P<seasons>{_SEASON}(?:\s*,\s*{_SEASON})*)(?:\s*:\s*\d+)?\s*$"
        ),
        # "1969-70 - National Hockey League - Stanley Cup (Boston)": one won title a line
        "season_comp_line": _lazyre.compile(
            rf"^(?P<s>{_SEASON})\s+[-–]\s+(?:[^\n]+?\s+[-–]\s+)?(?P<comp>{_COMP})(?:\s+\([^()\n]*\))?\s*$"
        ),
        "noun": _lazyre.compile(rf"\b(?i:{_alt(w['competition_nouns'])})s?\b"),
        "season": _lazyre.compile(_SEASON),
        # "won the 1930–31 FAI Junior Cup"
        "won_season_comp": _lazyre.compile(
            rf"\b(?i:{verbs})\s+(?:the|their|his|her|its)\s+(?P<s>{_SEASON})\s+(?P<comp>{_COMP})"
        ),
        # "In 1941–42 Distillery also won the Leinster Senior Cup", "In 2017 the club won the EE Wembley Cup"
        "in_season_won": _lazyre.compile(
            rf"\b(?i:in)\s+(?:the\s+)?(?P<s>{_SEASON})(?:\s+season)?,?\s+(?:[\p{{L}}'’.]+\s+){{1,4}}?"
            rf"(?:(?i:also)\s+)?(?i:{verbs})\s+the\s+(?:(?P<comp>{_COMP})|(?P<ana>cup|trophy|shield|plate)\b)"
        ),
        "comp": _lazyre.compile(_COMP),
        # "a member of their Stanley Cup championship teams in 1970 and 1972"
        "teams_in": _lazyre.compile(
            rf"\b(?P<comp>{_COMP})\s+(?i:championship|title|winning|champion)[\s-]+(?i:teams?|sides?|squads?)\s+(?i:in)\s+"
            rf"(?P<list>{_SEASON}(?:(?:,\s*|,?\s+and\s+){_SEASON})*)"
        ),
        # "two FAI Cups in 1971–72 and 1972–73"
        # "In 1990–91 after finishing second in the Premier Division"
        "finished_in": _lazyre.compile(
            rf"\b(?i:in)\s+(?:the\s+)?(?P<s>{_SEASON})(?:\s+season)?,?\s+(?:[\p{{L}}'’.]+\s+){{0,4}}?"
            rf"(?i:finish(?:ed|ing)|end(?:ed|ing)\s+(?:the\s+)?season)\s+(?:(?i:in)\s+)?"
            rf"(?P<ord>(?i:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d{{1,2}}(?:st|nd|rd|th)))"
            rf"(?:\s+(?i:place|position))?\s+(?i:in|of)\s+the\s+(?P<comp>{_COMP})"
        ),
        "cups_in": _lazyre.compile(
            rf"\b(?i:two|three|four|five|six|seven|eight|nine|ten)\s+(?P<comp>{_COMP})\s+(?i:in)\s+"
            rf"(?P<list>{_SEASON}(?:(?:,\s*|\s+and\s+){_SEASON})+)"
        ),
    }


def _season_key(text: str) -> tuple[int, int]:
    """'1930–31' -> (1930, 1931); '2017' -> (2017, 2017)."""
    first, _, second = text.replace("–", "-").partition("-")
    a = int(first)
    if not second:
        return a, a
    b = int(first[:2] + second) if len(second) == 2 else int(second)
    return a, b


def _in(season: tuple[int, int], listed: dict[tuple[int, int], Span]) -> bool:
    """A season is listed; a single year is listed when a listed season spans it (1970 in 1969–70)."""
    if season in listed:
        return True
    if season[0] == season[1]:
        return any(a <= season[0] <= b for a, b in listed)
    return False


def _comp_key(name: str) -> str:
    words = [w for w in regex.sub(r"[^\p{L}\d ]+", " ", name.lower()).split() if w != "the"]
    return " ".join(w[:-1] if w.endswith("s") and len(w) > 3 and w[:-1] in ("cup", "league", "shield", "trophy", "title") else w
                    for w in words)


@dataclass
class _Honour:
    name: str
    heading: Span
    wins: dict[tuple[int, int], Span] = field(default_factory=dict)
    #: Seasons listed as runners-up (second place).
    seconds: dict[tuple[int, int], Span] = field(default_factory=dict)
    lines: list[Span] = field(default_factory=list)


def _honours(ctx: RuleContext) -> dict[str, _Honour]:
    """Competition (normalised) -> its listed winning seasons, from heading + seasons lines."""
    p, w = _patterns(), _words()
    winner_roles = {r.replace("-", " ") for r in w["winner_roles"]}
    text = ctx.doc.text
    out: dict[str, _Honour] = {}
    pos = ctx.doc.body.start
    lines: list[tuple[int, str]] = []
    for line in text[ctx.doc.body.start : ctx.doc.body.end].split("\n"):
        lines.append((pos, line))
        pos += len(line) + 1
    current: _Honour | None = None
    for start, line in lines:
        stripped = line.strip()
        one = p["season_comp_line"].match(stripped)
        if one is not None and p["noun"].search(one.group("comp")):
            lead = start + len(line) - len(line.lstrip())
            span = Span(start=lead, end=lead + len(stripped))
            h = out.setdefault(_comp_key(one.group("comp")), _Honour(one.group("comp"), span))
            h.lines.append(span)
            h.wins.setdefault(_season_key(one.group("s")), span)
            current = None
            continue
        m = p["seasons_line"].match(stripped)
        if m is not None and current is not None:
            role = (m.group("role") or "winners").lower().replace("-", " ")
            lead = start + len(line) - len(line.lstrip())
            span = Span(start=lead, end=lead + len(stripped))
            current.lines.append(span)
            role = regex.sub(r"\s+", " ", role)
            table = current.wins if role in winner_roles else current.seconds if role.startswith("runner") else None
            if table is not None:
                for s in p["season"].finditer(m.group("seasons")):
                    table.setdefault(_season_key(s.group()), span)
            continue
        if (stripped and len(stripped.split()) <= 8 and not stripped.endswith((".", ":", ";", ","))
                and p["noun"].search(stripped) and not p["season"].search(stripped)):
            lead = start + len(line) - len(line.lstrip())
            current = _Honour(stripped, Span(start=lead, end=lead + len(stripped)))
            key = _comp_key(stripped)
            if key in out:  # a second list under the same heading (a player's, then a manager's)
                current = out[key]
            else:
                out[key] = current
            continue
        current = None
    return {k: h for k, h in out.items() if h.wins or h.seconds}


def _listed(honours: dict[str, _Honour], comp: str) -> _Honour | None:
    """The honours entry a competition named in the body is: the same name, or one ending the other."""
    key = _comp_key(comp)
    if not key:
        return None
    if key in honours:
        return honours[key]
    found = [h for k, h in honours.items() if k.endswith(" " + key) or key.endswith(" " + k)]
    return found[0] if len(found) == 1 else None


_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
             "eighth": 8, "ninth": 9, "tenth": 10}


def _finishes(ctx: RuleContext) -> Iterator[tuple[str, Span, int, Span, str]]:
    """(season, its span, place, the place's span, competition) for each final place the body states."""
    p = _patterns()
    for s in ctx.doc.sentences:
        if s.section != "body":
            continue
        base, text = s.span.start, ctx.doc.text[s.span.start : s.span.end]
        for m in p["finished_in"].finditer(text):
            word = m.group("ord").lower()
            place = _ORDINALS.get(word) or int(regex.sub(r"\D", "", word))
            yield (m.group("s"), Span(start=base + m.start("s"), end=base + m.end("s")), place,
                   Span(start=base + m.start("ord"), end=base + m.end("ord")), m.group("comp").rstrip("."))


def _antecedent(ctx: RuleContext, at: int, noun: str | None) -> str | None:
    """'won the cup': the last competition named before in the paragraph whose name ends with that noun."""
    if not noun:
        return None
    text = ctx.doc.text
    lo = text.rfind("\n", 0, at) + 1
    last = None
    for m in _patterns()["comp"].finditer(text, lo, at):
        name = m.group().rstrip(".")
        if name.split()[-1].lower() == noun.lower():
            last = name
    return last


def _claims(ctx: RuleContext) -> Iterator[tuple[str, Span, str]]:
    """(season text, its span, competition) for each win the body states."""
    p = _patterns()
    for s in ctx.doc.sentences:
        if s.section != "body":
            continue
        base, text = s.span.start, ctx.doc.text[s.span.start : s.span.end]
        for key in ("won_season_comp", "in_season_won"):
            for m in p[key].finditer(text):
                comp = m.group("comp") or _antecedent(ctx, base + m.start(), m.group("ana"))
                if comp:
                    yield m.group("s"), Span(start=base + m.start("s"), end=base + m.end("s")), comp.rstrip(".")
        for m in [*p["cups_in"].finditer(text), *p["teams_in"].finditer(text)]:
            for y in p["season"].finditer(m.group("list")):
                at = base + m.start("list") + y.start()
                yield y.group(), Span(start=at, end=at + len(y.group())), m.group("comp").rstrip(".")


# ------------------------------------------------------------------ R007
@rule("NLMG-R007", "honour-not-listed", Severity.WARNING)
def honour_not_listed(ctx: RuleContext) -> Iterator[Hit]:
    """A competition won in a season that the article's own honours list does not give.

    **What it does**
    Reads the honours list (a heading naming a competition, then lines of
    seasons: "FAI Junior Cup / Winners: 1930–31, 1941–42: 2") and the wins
    the body states ("won the 1930–31 FAI Junior Cup", "In 2017 the club won
    the EE Wembley Cup", "two FAI Cups in 1971–72 and 1972–73"; lists of
    one title a line, "1969-70 - National Hockey League - Stanley Cup",
    against "its Stanley Cup championship teams in 1970 and 1972"). When the
    competition has listed wins and the body's season is not among them, it
    warns, quoting both; and a final place ("In 1990–91, after finishing
    third in the Premier Division") the list gives otherwise (winners are
    first, runners-up second). A warning: a club may have won before the
    person of the article joined it.

    **Why it matters**
    The honours list and the history tell one record; a season in one and
    not in the other is a mistyped season in either.

    **Example**
    Flagged:
        Rovers won the 1931–32 County Cup.
        COUNTY CUP
        Winners: 1930–31, 1941–42: 2
    Corrected:
        Rovers won the 1930–31 County Cup.
        COUNTY CUP
        Winners: 1930–31, 1941–42: 2
    """
    honours = {k: h for k, h in _honours(ctx).items()}
    if not honours:
        return
    for season, span, place, place_span, comp in _finishes(ctx):
        h = _listed(honours, comp)
        key = _season_key(season)
        listed = 1 if h is not None and key in h.wins else 2 if h is not None and key in h.seconds else None
        if listed is None or listed == place:
            continue
        line = h.wins.get(key) or h.seconds[key]
        yield Hit(
            message=(
                f"Place {place} in the {comp} in {season} at {ctx.at(place_span.start)}, but the honours list "
                f"under {h.name} ({ctx.at(h.heading.start)}) gives {ctx.doc.text[line.start:line.end]}"
            ),
            hint="Check the final table of that season and mend the history or the list.",
            evidence=[ctx.evidence(place_span, "claim"), ctx.evidence(span, "season"),
                      ctx.evidence(h.heading, "honours heading"), ctx.evidence(line, "honours")],
            key=("place", _comp_key(comp), season, str(place)),
        )
    for season, span, comp in _claims(ctx):
        h = _listed(honours, comp)
        if h is None or not h.wins or _in(_season_key(season), h.wins):
            continue
        listed = ", ".join(ctx.doc.text[s.start : s.end] for s in h.lines)
        yield Hit(
            message=(
                f"{comp} won in {season} at {ctx.at(span.start)}, but the honours list under "
                f"{h.name} ({ctx.at(h.heading.start)}) gives {listed}"
            ),
            hint="Check the season against the competition's records and mend the history or the list.",
            evidence=[ctx.evidence(span, "claim"), ctx.evidence(h.heading, "honours heading"),
                      *(ctx.evidence(s, "honours") for s in h.lines)],
            key=(_comp_key(comp), season),
        )
