"""Parts and totals (NLMG-M007 to NLMG-M009): sums a sentence states that do not add up.

A sentence that lists figures and gives their total ("$12.4 million in the
United States and $8.1 million elsewhere, for a worldwide total of $25.5
million"), a whole and its parts ("The 120-seat chamber has 66 members from
the governing party, 30 from the opposition and 20 independents"), or the
shares of one whole ("55% voted in favour, 40% against and 10% abstained")
states arithmetic the reader can check. Figures are intervals (qualifiers and
stated digits widen them, see ``compare.arithmetic_interval``); parts are only
added when they share a unit and currency; a part in a list of counts may omit
its noun ("30 from the opposition"). The cue phrases are data
(``data/sums.json``).
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Iterator

import regex

from .. import _lazyre
from ..models import Severity, Span
from .compare import SCALE, arithmetic_interval, format_number, widen
from .context import RuleContext
from .registry import Hit, rule

Interval = tuple[float, float]


@cache
def _data() -> dict:
    raw = resources.files("nlmg_facts.data").joinpath("sums.json").read_text("utf-8")
    return json.loads(raw)


def _alternation(name: str) -> str:
    words = sorted(_data()[name], key=len, reverse=True)
    return "|".join(regex.escape(w).replace(r"\ ", r"\s+") for w in words)


@cache
def _re() -> dict[str, regex.Pattern[str]]:
    """The patterns, compiled on first use (never at import). Those used with
    ``match(text, pos)`` have no ``^``: it would not match at ``pos``."""
    i = regex.IGNORECASE
    return {
        # Ends right before a total: "for a worldwide total of ", "totalling ".
        "total_before": _lazyre.compile(rf"\b(?:{_alternation('total_before')})\s+$", i),
        # Right after a total: " in all", " combined".
        "total_after": _lazyre.compile(rf"\s*(?:[a-z]+\s+)?(?:{_alternation('total_after')})\b", i),
        # After a whole's noun phrase: " chamber has ", "-seat house consists of ".
        "whole_has": _lazyre.compile(rf"[\w\s'’-]{{0,40}}?\b(?:{_alternation('whole_has')})\s+", i),
        "whole_open": _lazyre.compile(rf"[\w\s'’,-]{{0,40}}?(?:,\s*|\s+)(?:{_alternation('whole_open')})\s+", i),
        "of_start": _lazyre.compile(r"^\s*Of\s+(?:(?:its|the|their|his|her|this|that|a|an)\s+)?$", i),
        "partitive": _lazyre.compile(r"^\s+(?:of|out\s+of)\s+(?:the|its|their|his|her|a|an)\s+$", i),
        "share_cue": _lazyre.compile(rf"\s*(?:of\s+(?:the\s+)?(?:votes?|ballots?|electorate|respondents)\s+)?(?:\w+\s+){{0,2}}?(?:{_alternation('share_cues')})\b", i),
        "vote_share": _lazyre.compile(r"\s*of\s+(?:the\s+)?(?:popular\s+|total\s+)?(?:votes?|ballots?|poll|seats)\b", i),
        "remaining": _lazyre.compile(rf"\b(?:{_alternation('remaining_cues')})\s+$", i),
        "catch_all": _lazyre.compile(r"\b(?:independents?|others?|remaining|rest|vacant|vacancies|non-aligned|unaffiliated)\b", i),
        "gap_ok": _lazyre.compile(r"^[^;:()\[\]]{0,90}$"),
        "joins": _lazyre.compile(r",|\band\b|\bplus\b|\bwith\b", i),
        # "A or B", and ranges "A–B", "A to B": alternatives or bounds, never parts to add.
        "alternative": _lazyre.compile(r"\bor\b|^\s*(?:–|-|—|to)\s*$", i),
        "clause_break": _lazyre.compile(r"[;:]"),
        "name_before": _lazyre.compile(r"\p{Lu}[\p{L}'’.\-]*\s+$"),
        "scale": _lazyre.compile(r"\b(thousand|million|billion|trillion|bn|m|k)\b", i),
        "prefix": _lazyre.compile(r"^[^\d]*"),
        "decimals": _lazyre.compile(r"\d[\d,]*\.(\d+)"),
    }


@dataclass(frozen=True, slots=True)
class Item:
    """A figure in a sentence: a claim, or a bare number that continues a list of counts."""

    span: Span
    text: str
    unit: tuple  # ("money", "USD") | ("count", noun-family or None) | ("percentage",)
    interval: Interval
    claim: str | None = None
    stated: float = 0.0


def _seat_nouns() -> frozenset[str]:
    return frozenset(_data()["seat_nouns"])


def _unit(c) -> tuple | None:
    if c.kind == "money":
        return ("money", c.value.currency)
    if c.kind == "count":
        noun = c.value.noun
        return ("count", "seat" if noun in _seat_nouns() else noun)
    if c.kind == "percentage" and c.value.direction is None:
        return ("percentage",)
    return None


#: Qualifiers that bound a figure from one side only: "more than $12 million" is
#: at least $12 million in a sum, however much more.
_OPEN_ABOVE = frozenset({"over", "more than", "at least", "in excess of", "upwards of", "above",
                         "exceeding", "over and above", "slightly over", "just over", "well over"})
_OPEN_BELOW = frozenset({"under", "less than", "up to", "at most", "no more than", "fewer than",
                         "below", "just under", "slightly under", "as many as", "as much as"})


def _interval(c) -> Interval:
    """The claim's arithmetic interval, with one-sided bounds left open."""
    low, high = arithmetic_interval(c)
    qual = (c.value.qualifier or "").lower()
    if math.isinf(c.value.high) or qual in _OPEN_ABOVE:
        high = math.inf
    if math.isinf(c.value.low) or qual in _OPEN_BELOW:
        low = 0.0
    return low, high


def _items(ctx: RuleContext, sentence: int) -> list[Item]:
    """Quantities of one sentence in text order, with noun-less numbers of count lists."""
    claims = sorted(ctx.by_sentence.get(sentence, []), key=lambda c: c.span.start)
    items = [
        Item(span=c.span, text=c.text, unit=u, interval=_interval(c), claim=c.id, stated=c.value.stated)
        for c in claims if (u := _unit(c)) is not None
    ]
    if not any(i.unit[0] == "count" for i in items):
        return items
    from ..extract.numbers import find_numbers

    s = ctx.doc.sentences[sentence].span
    taken = [(c.span.start, c.span.end) for c in claims]
    text = ctx.doc.text
    first_count = min(i.span.start for i in items if i.unit[0] == "count")
    for a, b, value in find_numbers(text, s.start, s.end):
        if a <= first_count or value != int(value) or value <= 0:
            continue
        if any(x < b and a < y for x, y in taken):
            continue
        raw = text[a:b]
        if regex.fullmatch(r"(?:1[0-9]|20)\d\d", raw) or text[b : b + 1] in ("%", "–", "-") or text[a - 1 : a] in "$£€¥–-/":
            continue  # a year, a share, a range bound, a price
        before = text[s.start : a]
        if (before.count('"') + before.count("“") + before.count("”")) % 2 or _re()["name_before"].search(before):
            continue  # inside a quoted title ("7 and 7 Is"), or part of a name ("Top 40", "Boeing 747")
        items.append(Item(span=Span(start=a, end=b), text=raw, unit=("count", None),
                          interval=widen((value, value)), stated=value))
    return sorted(items, key=lambda i: i.span.start)


def _same_unit(unit: tuple, whole: tuple) -> bool:
    if unit[0] != whole[0]:
        return False
    if unit[0] == "count":
        return unit[1] is None or whole[1] is None or unit[1] == whole[1]
    return unit == whole


def _list(ctx: RuleContext, items: list[Item], unit: tuple) -> list[Item]:
    """The items of ``unit`` forming one coordinated list ("A, B and C"), in order."""
    text = ctx.doc.text
    r = _re()
    chosen = [i for i in items if _same_unit(i.unit, unit)]
    if len(chosen) < 2:
        return chosen
    # Keep the longest run whose gaps are list gaps: a comma or "and", no "or"/"to".
    runs: list[list[Item]] = [[chosen[0]]]
    for prev, cur in zip(chosen, chosen[1:]):
        gap = text[prev.span.end : cur.span.start]
        if r["gap_ok"].match(gap) and r["joins"].search(gap) and not r["alternative"].search(gap):
            runs[-1].append(cur)
        else:
            runs.append([cur])
    return max(runs, key=len)


def _sum(parts: list[Item]) -> Interval:
    return sum(p.interval[0] for p in parts), sum(p.interval[1] for p in parts)


def _format(value: float, like: list[Item]) -> str:
    """A sum written the way its parts are: "$20.5 million", "116", "105%"."""
    r = _re()
    first = like[0].text
    if like[0].unit[0] == "percentage":
        return f"{format_number(value)}%"
    prefix = r["prefix"].match(first).group() if like[0].unit[0] == "money" else ""
    scales = {m.group(1).lower() for p in like if (m := r["scale"].search(p.text))}
    decimals = max((len(m.group(1)) for p in like if (m := r["decimals"].search(p.text))), default=0)
    if len(scales) == 1:
        (word,) = scales
        return f"{prefix}{value / SCALE[word]:,.{decimals}f} {word}"
    return f"{prefix}{value:,.{decimals}f}"


def _plus(parts: list[Item]) -> str:
    return " + ".join(p.text for p in parts)


def _hit(ctx: RuleContext, message: str, hint: str, whole: Item, parts: list[Item], key: tuple) -> Hit:
    evidence = [ctx.evidence(whole.span, "total")] + [ctx.evidence(p.span, "part") for p in parts]
    claims = sorted({i.claim for i in (whole, *parts) if i.claim})
    return Hit(message=message, hint=hint, evidence=evidence, claims=claims, key=key)


def _body_sentences(ctx: RuleContext) -> Iterator[int]:
    for index, claims in ctx.by_sentence.items():
        if claims and ctx.doc.sentences[index].section == "body":
            yield index


# ------------------------------------------------------------------ M007
@rule("NLMG-M007", "sum-of-parts-mismatch", Severity.ERROR)
def sum_of_parts_mismatch(ctx: RuleContext) -> Iterator[Hit]:
    """A stated total that the parts listed beside it do not make.

    **What it does**
    In one sentence, finds a total introduced as one ("for a worldwide total
    of", "totalling", "in all", "combined") after a list of figures of the
    same unit and currency, or a whole followed by all its parts ("The
    120-seat chamber has 66 members from the governing party, 30 from the
    opposition and 20 independents"), adds the parts with the precision they
    are stated at, and flags a total they cannot make. A whole that "has"
    only two parts and no catch-all group ("independents", "others") is only
    checked for parts that exceed it. Parts given "or" or as ranges are not
    added.

    **Why it matters**
    A total and its parts in one sentence are arithmetic a reader can check;
    when they disagree, one of the figures is wrong.

    **Example**
    Flagged:
        It grossed $12.4 million in the United States and $8.1 million elsewhere, for a worldwide total of $25.5 million.
    Corrected:
        It grossed $12.4 million in the United States and $8.1 million elsewhere, for a worldwide total of $20.5 million.
    """
    r = _re()
    text = ctx.doc.text
    for sentence in _body_sentences(ctx):
        items = _items(ctx, sentence)
        if len(items) < 3:
            continue
        s = ctx.doc.sentences[sentence].span
        for k, total in enumerate(items):
            if total.unit[0] == "percentage":
                continue
            before = text[max(s.start, total.span.start - 60) : total.span.start]
            cue = r["total_before"].search(before)
            after_cue = r["total_after"].match(text, total.span.end, s.end)
            has = r["whole_has"].match(text, total.span.end, s.end) if total.unit == ("count", "seat") else None
            if cue is not None or after_cue is not None:
                limit = total.span.start - (len(before) - cue.start() if cue is not None else 0)
                start = _segment_start(text, s.start, limit)
                parts = _list(ctx, [i for i in items[:k] if i.span.start >= start and i.span.end <= limit], total.unit)
                exhaustive, noun = True, "total"
            elif has is not None:
                end = _segment_end(text, has.end(), s.end)
                parts = _list(ctx, [i for i in items[k + 1 :] if i.span.start >= has.end() and i.span.end <= end], total.unit)
                named = text[parts[0].span.start : parts[-1].span.end] if parts else ""
                exhaustive = len(parts) >= 3 or r["catch_all"].search(named) is not None
                noun = "whole"
            else:
                continue
            if len(parts) < 2:
                continue
            low, high = _sum(parts)
            t_low, t_high = total.interval
            if low <= t_high and (high >= t_low or not exhaustive):
                continue
            made = _format((low + high) / 2 if math.isfinite(high) else low, parts)
            more = "more than" if low > t_high else "less than"
            yield _hit(
                ctx,
                f"parts {_plus(parts)} make {made}, but the {noun} is given as {total.text}"
                + ("" if exhaustive or low > t_high else f" ({more} the {noun})"),
                "Check each part and the total against the source: one of them is wrong, or a part is missing.",
                total, parts, ("sum", total.text, *(p.text for p in parts)),
            )


def _segment_start(text: str, lo: int, hi: int) -> int:
    """Start of the clause chain that ends at ``hi``: after the last ';' or ':'."""
    cut = max(text.rfind(";", lo, hi), text.rfind(":", lo, hi))
    return lo if cut < 0 else cut + 1


def _segment_end(text: str, lo: int, hi: int) -> int:
    cuts = [i for i in (text.find(";", lo, hi), text.find(":", lo, hi)) if i >= 0]
    return min(cuts) if cuts else hi


# ------------------------------------------------------------------ M008
@rule("NLMG-M008", "parts-exceed-stated-whole", Severity.ERROR)
def parts_exceed_stated_whole(ctx: RuleContext) -> Iterator[Hit]:
    """Parts given as belonging to a whole that add up to more than it.

    **What it does**
    In one sentence, finds a whole with some of its parts: "Of its £300,000
    budget, £350,000 came from the national film fund", "a budget of $5
    million, of which $6 million ...", "4,000 employees, including 4,500 in
    France", "130 of the 120 seats". The parts need not be all of the whole,
    so only parts that add up to more than the whole are flagged (same unit
    and currency, with the precision they are stated at).

    **Why it matters**
    A part cannot be larger than the whole it is part of; one figure is wrong.

    **Example**
    Flagged:
        Of its £300,000 budget, £350,000 came from the national film fund.
    Corrected:
        Of its £300,000 budget, £250,000 came from the national film fund.
    """
    r = _re()
    text = ctx.doc.text
    for sentence in _body_sentences(ctx):
        items = _items(ctx, sentence)
        s = ctx.doc.sentences[sentence].span
        for k, whole in enumerate(items):
            if whole.unit[0] == "percentage":
                continue
            if r["of_start"].match(text[s.start : whole.span.start]):
                comma = text.find(",", whole.span.end, s.end)
                if comma < 0:
                    continue
                start, end = comma, _segment_end(text, comma, s.end)
            elif (m := r["whole_open"].match(text, whole.span.end, s.end)) is not None:
                start, end = m.end(), _segment_end(text, m.end(), s.end)
            else:
                start = end = -1
            if start >= 0:
                parts = _list(ctx, [i for i in items[k + 1 :] if start <= i.span.start and i.span.end <= end], whole.unit)
            else:
                # "130 of the 120 seats": a bare number or count right before "of the" + whole.
                parts = [
                    i for i in items[:k]
                    if _same_unit(i.unit, whole.unit) and r["partitive"].match(text[i.span.end : whole.span.start])
                ]
                if not parts and k == 0:
                    parts = _partitive_number(ctx, s.start, whole)
            if not parts:
                continue
            low, _ = _sum(parts)
            if low <= whole.interval[1]:
                continue
            made = _format(low if len(parts) > 1 else parts[0].stated, parts)
            said = (
                f"parts {_plus(parts)} make {made}, more than the whole of {whole.text} they belong to"
                if len(parts) > 1 else f"the part {parts[0].text} is more than the whole of {whole.text} it belongs to"
            )
            yield _hit(
                ctx,
                said,
                "A part cannot exceed its whole: check the figures, or whether the part belongs to another whole.",
                whole, parts, ("part-of", whole.text, *(p.text for p in parts)),
            )


def _partitive_number(ctx: RuleContext, lo: int, whole: Item) -> list[Item]:
    """The bare number of "won 130 of the 120 seats" (counts drop partitives as claims)."""
    from ..extract.numbers import find_numbers

    r = _re()
    text = ctx.doc.text
    for a, b, value in reversed(find_numbers(text, max(lo, whole.span.start - 40), whole.span.start)):
        if r["partitive"].match(text[b : whole.span.start]) and value == int(value):
            return [Item(span=Span(start=a, end=b), text=text[a:b], unit=whole.unit,
                         interval=widen((value, value)), stated=value)]
        break
    return []


# ------------------------------------------------------------------ M009
@rule("NLMG-M009", "shares-do-not-make-whole", Severity.ERROR)
def shares_do_not_make_whole(ctx: RuleContext) -> Iterator[Hit]:
    """Shares of one whole that add up to more than 100%, or a remainder that does not complete them.

    **What it does**
    In one sentence, finds percentages listed as the parts of one whole: the
    shares of a vote ("55% voted in favour, 40% against and 10% abstained";
    "45% of the vote, 40% and 20%"), or shares completed by a remainder ("the
    remaining 5%"). Flags shares of one whole that add up to more than 100%
    (with the precision they are stated at), and a list completed by a
    remainder that does not make 100%. Changes ("rose 5%") are not shares.

    **Why it matters**
    The parts of one whole cannot take more than all of it; a share mistyped
    by a digit is a common error in election and survey results.

    **Example**
    Flagged:
        In the referendum, 55% voted in favour, 40% against and 10% abstained.
    Corrected:
        In the referendum, 55% voted in favour, 40% against and 5% abstained.
    """
    r = _re()
    text = ctx.doc.text
    for sentence in _body_sentences(ctx):
        shares = [i for i in _items(ctx, sentence) if i.unit == ("percentage",)]
        if len(shares) < 2:
            continue
        s = ctx.doc.sentences[sentence].span
        listed = _list(ctx, shares, ("percentage",))
        if len(listed) < 2:
            continue
        cued = [p for p in listed if r["share_cue"].match(text, p.span.end, s.end)]
        remainder = [p for p in listed if r["remaining"].search(text[max(s.start, p.span.start - 20) : p.span.start])]
        vote = r["vote_share"].match(text, listed[0].span.end, s.end) is not None and len(listed) >= 3
        if not (len(cued) >= 2 or vote or (remainder and len(listed) >= 2)):
            continue
        low, high = _sum(listed)
        if low > 100:
            problem = "more than the whole (100%)"
        elif remainder and high < 100:
            problem = "less than the whole (100%) that the remainder completes"
        else:
            continue
        made = _format(sum(p.stated for p in listed), listed)
        yield Hit(
            message=f"shares {_plus(listed)} make {made}, {problem}",
            hint="Check each share against the source: one of them is wrong, or they are shares of different wholes.",
            evidence=[ctx.evidence(p.span, "part") for p in listed],
            claims=sorted({p.claim for p in listed if p.claim}),
            key=("shares", *(p.text for p in listed)),
        )
