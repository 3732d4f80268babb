"""Election results (NLMG-R005, NLMG-R006, NLMG-R008): who won, and out of what, against the figures the article gives.

The words live in ``data/election_results.json``. Both rules read the body's
sentences directly: a result is a relation between two candidates' figures,
which no single claim holds.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Iterator

import regex

from .. import _lazyre
from ..models import Severity, Span
from .context import RuleContext
from .registry import Hit, rule

_FIGURE = r"(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
# A candidate's name: capitalised words (initials and titles allowed), the last one the surname.
_NAME = r"\p{Lu}[\p{L}'’-]*(?:\s+(?:\p{Lu}\.|\p{Lu}[\p{L}'’-]*))*"


@lru_cache(maxsize=None)
def word_lists(filename: str) -> dict[str, list[str]]:
    """A rule's word lists, ``data/<filename>`` (shared with ``honours``)."""
    raw = resources.files("nlmg_facts.data").joinpath(filename).read_text("utf-8")
    return json.loads(raw)


def _words() -> dict[str, list[str]]:
    return word_lists("election_results.json")


def alternation(words: list[str], space: str = r"\s+") -> str:
    """Longest first, escaped, a space in a phrase matching ``space``."""
    return "|".join(regex.escape(w).replace(r"\ ", space) for w in sorted(words, key=lambda w: (-len(w), w)))


_alt = alternation


@lru_cache(maxsize=1)
def _patterns() -> dict[str, regex.Pattern[str]]:
    w = _words()
    return {
        # "defeated incumbent Senator John L. Miller 53%-47%", "defeating Geary by a vote of 9,642 to 7,509"
        "beaten": _lazyre.compile(
            rf"""\b(?i:{_alt(w["win_verbs"])})\s+
            (?:[\p{{L}}.'’-]+,?\s+){{1,8}}?
            (?:(?i:by)\s+(?:(?i:a)\s+(?:(?i:vote|margin|score|count|tally)\s+(?i:of)\s+))?)?
            (?P<a>{_FIGURE})(?P<pa>\s?%)?\s*(?:-|–|—|\s(?i:to)\s)\s*(?P<b>{_FIGURE})(?P<pb>\s?%)?
            (?![\d%]|\s*(?i:season|campaign))""",
            regex.VERBOSE,
        ),
        # "captured a majority (46.5%)"
        "majority": _lazyre.compile(
            rf"\b(?i:{_alt(w['majority_words'])})\s*\(\s*(?P<p>\d{{1,3}}(?:\.\d+)?)\s?%"
        ),
        # "captured a plurality (42.1%, cf. 47.1% nationally) of the party votes"
        "plurality": _lazyre.compile(
            rf"\b(?i:plurality)\s*\(\s*(?P<p>\d{{1,2}}(?:\.\d+)?)\s?%[^()]{{0,40}}\)\s+(?i:of)\s+(?i:the)\s+"
            rf"(?P<what>(?:[\p{{Ll}}-]+\s+)?votes?)\b"
        ),
        # "The Labour Party received 35.6% of the party votes"
        "share_of": _lazyre.compile(
            rf"\b(?i:{_alt(w['vote_verbs'])})\s+(?P<p>\d{{1,2}}(?:\.\d+)?)\s?%\s+(?i:of)\s+(?i:the)\s+"
            rf"(?P<what>(?:[\p{{Ll}}-]+\s+)?votes?)\b"
        ),
        # "Whipps trailed by just 78 votes", "defeating Whipps by 255 votes"
        "margin_after": _lazyre.compile(
            rf"(?P<name>{_NAME})\s+(?i:{_alt(w['margin_loser_verbs'])})\s+(?i:by)\s+"
            rf"(?P<approx>(?i:{_alt(w['approximators'])})\s+)?(?:(?i:just|only|a\s+mere)\s+)?"
            rf"(?P<n>{_FIGURE})\s+(?i:votes?)\b"
        ),
        "margin_before": _lazyre.compile(
            rf"\b(?i:{_alt(w['margin_winner_verbs'])})\s+(?P<name>{_NAME})\s+(?i:by)\s+"
            rf"(?P<approx>(?i:{_alt(w['approximators'])})\s+)?(?:(?i:just|only|a\s+mere)\s+)?"
            rf"(?P<n>{_FIGURE})\s+(?i:votes?)\b"
        ),
        # "Senator Whipps received 4,854 votes", "Remengesau ... with 4,108 votes"
        "votes": _lazyre.compile(
            rf"(?P<name>{_NAME})(?:\s+[\p{{Ll}}][\p{{L}}'’-]*){{0,6}}?\s+(?i:{_alt(w['vote_verbs'])})"
            rf"(?:\s+[\p{{Ll}}][\p{{L}}'’-]*){{0,4}}?\s+(?P<n>{_FIGURE})\s+(?i:votes)\b"
        ),
        # "Whipps trailed by just 78 votes, or 4,030 votes": the loser's own tally after the margin
        "votes_or": _lazyre.compile(
            rf"(?P<name>{_NAME})\s+(?i:{_alt(w['margin_loser_verbs'])})\s+(?i:by)\s+(?:[\p{{Ll}}]+\s+){{0,2}}?"
            rf"{_FIGURE}\s+(?i:votes?),?\s+(?i:or)\s+(?P<n>{_FIGURE})\s+(?i:votes)\b"
        ),
        # "The 220 members of the National Assembly", "the 240-seat Parliament", "a 150-member Senate"
        "chamber": _lazyre.compile(
            rf"""\b(?i:the)\s+(?P<n>\d{{2,4}})\s+(?i:members|seats|deputies|representatives|senators)\s+(?i:of|in)\s+
                (?:(?i:the)\s+)?(?:\p{{Lu}}[\p{{L}}'’-]*\s+){{0,3}}?(?i:{_alt(w['chamber_nouns'])})\b
              | \b(?P<n>\d{{2,4}})[\s-](?i:seat|member)\s+(?:\p{{Lu}}[\p{{L}}'’-]*\s+){{0,3}}?(?i:{_alt(w['chamber_nouns'])})\b""",
            regex.VERBOSE,
        ),
        # "150 out of 220 seats", "95 of the 240 seats"
        "seat_share": _lazyre.compile(
            rf"\b(?P<k>\d{{1,4}})\s+(?:(?i:out\s+of)|(?i:of)\s+(?i:the))\s+(?P<n>\d{{2,4}})\s+(?i:seats)\b"
            rf"(?!\s+(?i:{_alt(w['partial_seats'])})\b)"
        ),
        "clause": _lazyre.compile(r",\s+(?:while|whereas|and|with|but)\s+|;\s+|\.\s+(?=\p{Lu})"),
    }


def _number(text: str) -> float:
    return float(text.replace(",", ""))


def _is_season(a: str, b: str) -> bool:
    """'1990–91', '2003-2004': a season, not a score."""
    return len(a) == 4 and a[:2] in ("18", "19", "20") and len(b) in (2, 4)


def _body(ctx: RuleContext) -> Iterator[tuple[int, str]]:
    for s in ctx.doc.sentences:
        if s.section == "body":
            yield s.span.start, ctx.doc.text[s.span.start : s.span.end]


# ------------------------------------------------------------------ R005
@rule("NLMG-R005", "winner-behind", Severity.ERROR)
def winner_behind(ctx: RuleContext) -> Iterator[Hit]:
    """A winner given the smaller result, a majority under half, or a plurality that is not the largest share.

    **What it does**
    Reads "defeated X 53%-47%" and "defeating X by a vote of 9,642 to
    7,509" (the winner's figure first, by the convention of such phrases)
    and flags them when the first figure is the smaller; and flags "a
    majority (46.5%)", a share in parentheses after majority that is not
    above half; and "a plurality (42.1%) of the party votes" when a share
    of the same votes in its paragraph is larger ("received 45.6% of the
    party votes"). Seasons ("defeated X in 1990–91") are not results.

    **Why it matters**
    A candidate cannot defeat someone with fewer votes; the figures were
    swapped or one was mistyped.

    **Example**
    Flagged:
        She defeated the incumbent, Tom Hale, 44%-56%.
    Corrected:
        She defeated the incumbent, Tom Hale, 56%-44%.
    """
    p = _patterns()
    for base, text in _body(ctx):
        for m in p["beaten"].finditer(text):
            a, b = m.group("a"), m.group("b")
            if _is_season(a, b) or bool(m.group("pa")) != bool(m.group("pb")) and m.group("pa"):
                continue
            if _number(a) >= _number(b):
                continue
            span = Span(start=base + m.start("a"), end=base + m.end())
            yield Hit(
                message=(
                    f"The winner is given {a}{m.group('pa') or ''} against the loser's {b}{m.group('pb') or ''} "
                    f"at {ctx.at(span.start)}: the winner's figure comes first and cannot be the smaller"
                ),
                hint="Check the result in the source; the two figures may be swapped.",
                evidence=[ctx.evidence(span, "claim"), ctx.evidence(Span(start=base + m.start(), end=span.end), "context")],
                key=("beaten", a, b),
            )
        for m in p["majority"].finditer(text):
            share = float(m.group("p"))
            if share > 50:
                continue
            span = Span(start=base + m.start("p"), end=base + m.end())
            yield Hit(
                message=f"A majority is given as {m.group('p')}% at {ctx.at(span.start)}, which is not more than half",
                hint="Check the share in the source; a share of half or less is a plurality, not a majority.",
                evidence=[ctx.evidence(span, "claim"), ctx.evidence(Span(start=base + m.start(), end=span.end), "context")],
                key=("majority", m.group("p")),
            )


    # A plurality is the largest share of its vote: no other share of the same vote in its paragraph is larger.
    text = ctx.doc.text
    for m in p["plurality"].finditer(text, ctx.doc.body.start, ctx.doc.body.end):
        lo = text.rfind("\n", 0, m.start()) + 1
        hi = text.find("\n", m.end())
        hi = ctx.doc.body.end if hi < 0 else min(hi, ctx.doc.body.end)
        top, what = float(m.group("p")), regex.sub(r"\s+", " ", m.group("what").lower())
        for o in p["share_of"].finditer(text, lo, hi):
            if regex.sub(r"\s+", " ", o.group("what").lower()) != what or float(o.group("p")) <= top:
                continue
            span = Span(start=o.start("p"), end=o.end("p") + 1)
            yield Hit(
                message=(
                    f"A plurality of {m.group('p')}% at {ctx.at(m.start('p'))} is not the largest share: "
                    f"{o.group('p')}% of the {what} at {ctx.at(span.start)} is larger"
                ),
                hint="Check both shares in the source; the plurality is the largest of them.",
                evidence=[ctx.evidence(span, "claim"),
                          ctx.evidence(Span(start=m.start("p"), end=m.end("p") + 1), "plurality")],
                key=("plurality", m.group("p"), o.group("p")),
            )


# ------------------------------------------------------------------ R006
@dataclass(frozen=True)
class _Votes:
    surname: str
    n: float
    span: Span


def _surname(name: str) -> str:
    return name.split()[-1].strip("'’").lower()


def _pairs(ctx: RuleContext) -> list[tuple[_Votes, _Votes]]:
    """Two candidates' votes given in one sentence, one figure each ('X won with A votes, while Y received B')."""
    p = _patterns()
    out = []
    for base, text in _body(ctx):
        found: list[_Votes] = []
        lo = 0
        cuts = [m.start() for m in p["clause"].finditer(text)] + [len(text)]
        for hi in cuts:
            clause = text[lo:hi]
            for m in p["votes_or"].finditer(clause):
                found.append(_Votes(_surname(m.group("name")), _number(m.group("n")),
                                    Span(start=base + lo + m.start("n"), end=base + lo + m.end())))
            for m in p["votes"].finditer(clause):
                before = clause[max(0, m.start("n") - 12) : m.start("n")].lower()
                if "by" in before.split() or "margin" in before:
                    continue  # "trailed by 78 votes": a margin, not a tally
                found.append(_Votes(_surname(m.group("name")), _number(m.group("n")),
                                    Span(start=base + lo + m.start("n"), end=base + lo + m.end())))
            lo = hi
        found.sort(key=lambda v: v.span.start)
        # Two tallies of two candidates within one stretch (a sub-sentence of the sentence).
        for i in range(len(found) - 1):
            a, b = found[i], found[i + 1]
            if a.surname != b.surname and _stretch(text, a.span.start - base, b.span.start - base, p):
                out.append((a, b))
    return out


def _stretch(text: str, a: int, b: int, p) -> bool:
    """No sentence break ('. However, ...') between offsets ``a`` and ``b``."""
    return not any(m.group().startswith(".") for m in p["clause"].finditer(text, a, b))


@rule("NLMG-R006", "margin-mismatch", Severity.ERROR)
def margin_mismatch(ctx: RuleContext) -> Iterator[Hit]:
    """A winning margin that no pair of the candidates' stated votes gives.

    **What it does**
    Reads margins with the loser named ("defeating Whipps by 255 votes",
    "Whipps trailed by 78 votes") and the two candidates' votes stated
    together in one sentence ("X won with 5,109 votes, while Whipps
    received 4,854 votes"). When the loser has such pairs and no pair's
    difference is the margin, it flags the margin with the nearest pair
    (and the largest, the final count).
    Approximate margins ("by about 500 votes") are skipped.

    **Why it matters**
    The margin is the difference of the two tallies; a margin that fits no
    tally means one of the three figures is wrong.

    **Example**
    Flagged:
        Ada Lund won with 5,200 votes, while Tom Hale received 4,900 votes.
        Lund was elected, defeating Hale by 200 votes.
    Corrected:
        Ada Lund won with 5,200 votes, while Tom Hale received 4,900 votes.
        Lund was elected, defeating Hale by 300 votes.
    """
    p = _patterns()
    pairs = _pairs(ctx)
    if not pairs:
        return
    for base, text in _body(ctx):
        for key in ("margin_after", "margin_before"):
            for m in p[key].finditer(text):
                if m.group("approx"):
                    continue
                loser, margin = _surname(m.group("name")), _number(m.group("n"))
                mine = [(a, b) for a, b in pairs if loser in (a.surname, b.surname)]
                if not mine or any(abs(a.n - b.n) == margin for a, b in mine):
                    continue
                a, b = min(mine, key=lambda ab: abs(abs(ab[0].n - ab[1].n) - margin))
                span = Span(start=base + m.start("n"), end=base + m.end())
                diff = abs(a.n - b.n)
                # The largest tallies are the final count (earlier counts are partial): quote them too.
                fa, fb = max(mine, key=lambda ab: ab[0].n + ab[1].n)
                final = [] if (fa, fb) == (a, b) else [ctx.evidence(fa.span, "final votes"),
                                                       ctx.evidence(fb.span, "final votes")]
                yield Hit(
                    message=(
                        f"A margin of {m.group('n')} votes at {ctx.at(span.start)} does not fit the votes "
                        f"{ctx.doc.text[a.span.start:a.span.end]} ({ctx.at(a.span.start)}) and "
                        f"{ctx.doc.text[b.span.start:b.span.end]} ({ctx.at(b.span.start)}), "
                        f"which differ by {diff:,.0f}"
                    ),
                    hint="Check the tallies and the margin in the source; one of the three figures is wrong.",
                    evidence=[ctx.evidence(span, "claim"), ctx.evidence(a.span, "votes"),
                              ctx.evidence(b.span, "votes"), *final],
                    key=("margin", loser, m.group("n"), f"{a.n:g}", f"{b.n:g}"),
                )


# ------------------------------------------------------------------ R008
@rule("NLMG-R008", "chamber-size-mismatch", Severity.WARNING)
def chamber_size_mismatch(ctx: RuleContext) -> Iterator[Hit]:
    """Seats won out of a total that is not the chamber's stated size.

    **What it does**
    Reads the size of the legislature ("The 220 members of the National
    Assembly", "the 240-seat Parliament") and the seat shares the article
    gives ("150 out of 230 seats", "95 of the 250 seats"). When the article
    states exactly one chamber size, every share's total must be it; shares
    of a part ("of the 34 seats up for election") are skipped.

    **Why it matters**
    A party's seats are counted out of the whole chamber; a total that is
    not the chamber's size is a mistyped figure in one of the two places.

    **Example**
    Flagged:
        The 180 members of the National Assembly are elected for five years.
        The Unity Party won 95 of the 190 seats.
    Corrected:
        The 180 members of the National Assembly are elected for five years.
        The Unity Party won 95 of the 180 seats.
    """
    p = _patterns()
    sizes: dict[str, Span] = {}
    shares: list[tuple[str, Span]] = []
    for base, text in _body(ctx):
        for m in p["chamber"].finditer(text):
            sizes.setdefault(m.group("n"), Span(start=base + m.start(), end=base + m.end()))
        for m in p["seat_share"].finditer(text):
            shares.append((m.group("n"), Span(start=base + m.start("n"), end=base + m.end())))
    if len(sizes) != 1:
        return  # no chamber, or two (a senate and a house): a share's total could be either's
    (size, where_), = sizes.items()
    for total, span in shares:
        if total == size:
            continue
        yield Hit(
            message=(
                f"Seats counted out of {total} at {ctx.at(span.start)}, but the chamber has {size} "
                f"members ({ctx.at(where_.start)})"
            ),
            hint="Check the chamber's size and the seat total in the source.",
            evidence=[ctx.evidence(span, "claim"), ctx.evidence(where_, "chamber size")],
            key=("chamber", size, total),
        )
