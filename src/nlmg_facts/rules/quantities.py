"""Money and quantity rules (NLMG-M): conflicting figures, and arithmetic the text states."""

from __future__ import annotations

import functools
from bisect import bisect_right
from collections import defaultdict
from typing import Iterator

import regex

from .. import _lazyre
from ..models import Severity, Span
from .compare import (
    upper_first,
    Interval,
    arithmetic_interval,
    conflict_hits,
    describe_attribute,
    find_cues,
    format_number,
    has_role,
    in_list,
    intersection,
    lexicon,
    overlaps,
    product,
    quantity_interval,
    qualifier,
    ratio,
    related_scope_hits,
    SENTENCE_REACH,
    scope_set,
    superseded,
    where,
    widen,
)
from .context import RuleContext
from .registry import Hit, rule

_CLAUSE_PUNCT = _lazyre.lazy_compile(r"[,;:.]")
_ADDITION_CUE_AT_END = _lazyre.lazy_compile(r"\b(?:additional|further|extra|another)\s+$", regex.IGNORECASE)
_CLAUSE_PUNCT_NO_STOP = _lazyre.lazy_compile(r"[,;:]")
_LIST_SEPARATOR = _lazyre.lazy_compile(r",\s*(?:and|or)\s+|,\s*|\s+(?:and|or)\s+")
_CONJUNCTION = _lazyre.lazy_compile(r"\b(?:and|or)\b")

QUANTITY_KINDS = ("money", "count", "percentage")


# ------------------------------------------------------------------ helpers

def _unit(c) -> str:
    """What a quantity is measured in: currency, counted noun or per cent."""
    if c.kind == "money":
        return c.value.currency
    if c.kind == "count":
        return _noun_family(c.value.noun) or (c.value.noun or "")
    return f"%{c.value.direction or ''}"


def _normal(c) -> str:
    return f"{c.value.stated:g} {_unit(c)}".strip()


def _iv(c) -> Interval:
    return quantity_interval(c.value)


@functools.cache
def _noun_index() -> dict[str, str]:
    return {n: fam for fam, nouns in lexicon()["venue_nouns"].items() for n in nouns}


def _noun_family(noun: str | None) -> str | None:
    if not noun:
        return None
    n = noun.lower().strip()
    return _noun_index().get(n) or _noun_index().get(n.rstrip("s"))


def _region(c) -> str | None:
    return qualifier(c.attribute, "region")


def _period(c) -> str | None:
    p = qualifier(c.attribute, "period")
    if in_list(p, "opening_periods"):
        return "opening-weekend"
    if in_list(p, "opening_day_periods"):
        return "opening-day"
    return p


_ORDINALS = {"first": 1, "opening": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
             "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10}
_PERIOD_RE = _lazyre.lazy_compile(
    r"""
    ^(?:(?P<word>first|opening|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)  # second-week
       |(?P<num>\d+)(?:st|nd|rd|th)?)                                                    # 2nd-week
     [-\s](?P<unit>week|weekend)$
    |^(?P<unit2>week|weekend)[-\s](?P<num2>\d+)$                                          # week-2
    """,
    regex.VERBOSE,
)


def _period_step(period: str | None) -> tuple[str, int] | None:
    """'second-week' -> ('week', 2); 'opening-weekend' -> ('week', 1); else None.

    Weeks and weekends count the same steps of a theatrical run.
    """
    if not period:
        return None
    m = _PERIOD_RE.match(period)
    if m is None:
        return None
    n = _ORDINALS.get(m.group("word") or "") or int(m.group("num") or m.group("num2") or 0)
    return ("week", n) if n else None


def _pick(anchor, candidates: list) -> list:
    """Candidates in the anchor's region; failing that, those with no region stated
    (or, for an anchor without one, the candidates if they all share one region)."""
    region = _region(anchor)
    same = [c for c in candidates if _region(c) == region]
    if same:
        return same
    if region is not None:
        return [c for c in candidates if _region(c) is None]
    regions = {_region(c) for c in candidates}
    return candidates if len(regions) == 1 else []


def _consistent(claims: list, interval=arithmetic_interval) -> Interval | None:
    """The common range of claims that state one figure; None if they disagree."""
    return intersection(interval(c) for c in claims) if claims else None


_PER_UNIT = _lazyre.lazy_compile(r"^\s*(?:a|per)\s+(?P<noun>[a-z]+)", regex.IGNORECASE)


def _per_noun_text(text: str) -> str | None:
    """The venue of a per-unit figure from the text after it: ' per theatre' -> 'theatre'."""
    m = _PER_UNIT.match(text)
    return _noun_family(m.group("noun")) if m else None


def _per_noun(ctx: RuleContext, c) -> str | None:
    return _per_noun_text(ctx.doc.text[c.span.end : c.span.end + 20])


def _is_average(ctx: RuleContext, c) -> bool:
    return c.kind == "money" and (has_role(c.attribute, "average") or _per_noun(ctx, c) is not None)


def _is_gross(ctx: RuleContext, c) -> bool:
    return c.kind == "money" and has_role(c.attribute, "gross") and not _is_average(ctx, c)


def _with_after(ctx: RuleContext, claims: list) -> dict[str, str]:
    """The twenty characters after each claim (for 'per theatre' and 'more')."""
    return {c.id: ctx.doc.text[c.span.end : c.span.end + 20] for c in claims}


# ------------------------------------------------------------------ M001
@rule("NLMG-M001", "quantity-conflict", Severity.ERROR)
def quantity_conflict(ctx: RuleContext) -> Iterator[Hit]:
    """Two figures for the same quantity that cannot both hold.

    **What it does**
    Groups money, count and percentage claims by attribute key and unit
    (currency, counted noun, direction of change) and flags figures whose
    intervals do not overlap. Intervals carry the stated precision and
    qualifiers: "over US$211,000" agrees with "US$211,700", "US$4.5 million"
    does not agree with "US$4.90 million". Figures whose medium scopes
    differ but overlap (DVD vs DVD and Blu-ray) are reported at a lower
    severity. Unknown attributes and different currencies never conflict.

    **Why it matters**
    A budget, gross or count given two ways is wrong at least once.

    **Example**
    Flagged:
        The film earned US$4.5 million at the box office.
        It has made a total of US$4.90 million worldwide.
    Corrected:
        The film earned US$4.9 million at the box office.
        It has made a total of US$4.90 million worldwide.
    """
    hint = "Check both figures against their sources; if they measure different things, say so in the text."
    flat: list = []
    for claims in ctx.by_key.values():
        groups: dict[tuple[str, str], list] = defaultdict(list)
        for c in claims:
            if c.kind in QUANTITY_KINDS and not superseded(ctx, c):
                groups[(c.kind, _unit(c))].append(c)
        for group in groups.values():
            flat.extend(group)
            if len(group) > 1:
                what = upper_first(describe_attribute(group[0].attribute))
                yield from conflict_hits(ctx, group, _iv, what, hint, _normal)
    by_unit: dict[tuple[str, str], list] = defaultdict(list)
    for c in flat:
        by_unit[(c.kind, _unit(c))].append(c)
    for group in by_unit.values():
        yield from related_scope_hits(ctx, group, _iv, hint, _normal, Severity.WARNING, Severity.INFO)


# ------------------------------------------------------------------ M002
@rule("NLMG-M002", "average-times-count-mismatch", Severity.WARNING)
def average_times_count_mismatch(ctx: RuleContext) -> Iterator[Hit]:
    """A per-venue average that, times the number of venues, misses the total.

    **What it does**
    For an average per theatre or screen ("averaging US$30,250 per theatre")
    in a stated period (opening weekend, second week), finds the gross and
    the venue count of the same period and region. When each is given
    unambiguously (all mentions agree), checks that average x count can equal
    the gross, allowing the stated precision and qualifiers ("over
    US$111,700" is read as 111,700 to 111,800).

    **Why it matters**
    The three figures are tied by arithmetic; when they disagree one was
    mistyped or taken from a different period.

    **Example**
    Flagged:
        The film opened at four theatres in its opening weekend.
        In its opening weekend it made US$111,700, averaging US$30,250 per theatre.
    Corrected:
        The film opened at four theatres in its opening weekend.
        In its opening weekend it made US$111,700, averaging US$27,925 per theatre.
    """
    money = [c for c in ctx.claims if c.kind == "money"]
    after = _with_after(ctx, ctx.claims)
    per = {c.id: _per_noun(ctx, c) for c in money}
    # The venue an average is per: from the text ("per theatre") or the attribute's
    # per-unit qualifier; averages per weekend or per ticket are not about venues.
    for c in money:
        if per[c.id] is None and has_role(c.attribute, "average"):
            per[c.id] = _noun_family(qualifier(c.attribute, "per-unit"))
    averages = [c for c in money if per[c.id] in ("theatre", "screen") and _period(c)]
    if not averages:
        return
    # Grosses by (period, currency) and venue counts by (period, venue family), in
    # text order: each average meets only its own group (no all-pairs).
    grosses: dict[tuple, list] = defaultdict(list)
    for c in money:
        if _is_gross(ctx, c) and not superseded(ctx, c):
            grosses[(_period(c), c.value.currency)].append(c)
    counts: dict[tuple, list] = defaultdict(list)
    for c in ctx.claims:
        if c.kind == "count" and _noun_family(c.value.noun) and not _is_addition(ctx, c, after) \
                and not superseded(ctx, c):
            counts[(_period(c), _noun_family(c.value.noun))].append(c)
    for avg in averages:
        family = per[avg.id]
        period = _period(avg)
        totals = _pick(avg, grosses.get((period, avg.value.currency), []))
        venues = _pick(avg, counts.get((period, family), []))
        total_iv, venue_iv = _consistent(totals), _consistent(venues)
        if total_iv is None or venue_iv is None:
            continue  # missing or ambiguous: say nothing
        expected = product(arithmetic_interval(avg), venue_iv)
        if overlaps(expected, total_iv):
            continue
        # Quote the mentions nearest the average (its own sentence first).
        total = min(totals, key=lambda c: abs(c.span.start - avg.span.start))
        venue = min(venues, key=lambda c: abs(c.span.start - avg.span.start))
        yield Hit(
            message=(
                f"Average {avg.text} per {family} x {venue.text}"
                + ("" if venue.sentence == avg.sentence else f" ({where(ctx, venue)})")
                + f" is about {format_number(avg.value.stated * venue.value.stated)} {avg.value.currency}, "
                f"but the {period.replace('-', ' ')} gross is given as {total.text}"
                + ("" if total.sentence == avg.sentence else f" {where(ctx, total)}")
            ),
            hint="Recompute the average from the gross and the number of venues, or check the period they cover.",
            evidence=[
                ctx.claim_evidence(avg, "claim"),
                ctx.claim_evidence(total, "conflicting claim"),
                ctx.claim_evidence(venue, "context"),
            ],
            claims=sorted({avg.id, *(c.id for c in totals), *(c.id for c in venues)}),
            key=(period, _normal(avg), _normal(venue), _normal(total)),
        )


_MORE_AFTER = _lazyre.lazy_compile(r"^\s*(?:more|additional|further|extra)\b", regex.IGNORECASE)


def _is_addition(ctx: RuleContext, c, after: dict[str, str]) -> bool:
    """'an additional 163 theatres', '120 more theatres', 'another 20 screens'."""
    if qualifier(c.attribute, "change") == "added":
        return True
    before = ctx.doc.text[max(c.span.start - 25, 0) : c.span.start]
    before = _CLAUSE_PUNCT.split(before)[-1]
    if _ADDITION_CUE_AT_END.search(before):
        return True
    return bool(_MORE_AFTER.match(after.get(c.id) or ctx.doc.text[c.span.end : c.span.end + 20]))


# ------------------------------------------------------------------ M003
@rule("NLMG-M003", "percent-change-mismatch", Severity.WARNING)
def percent_change_mismatch(ctx: RuleContext) -> Iterator[Hit]:
    """A stated percentage change that the two figures it relates do not give.

    **What it does**
    For a percentage with a direction ("decreased by 45%, to £338,404",
    "a 117% increase, making about US$241,000"), takes the figure it leads
    to (the first amount after it in the sentence) and the figure it starts
    from ("from X" in the sentence, or the gross of the previous week of the
    run in the same region and currency) and checks the change. The stated
    percentage may be rounded or truncated (45% covers 44.5% to 46%);
    qualifiers widen the figures. Silent when either figure is ambiguous.

    **Why it matters**
    A percentage that does not follow from its figures means one of the three
    numbers is wrong, or the change is measured from another period.

    **Example**
    Flagged:
        In its opening weekend the film took £600,000.
        In its second week its revenue decreased by 25%, to £300,000.
    Corrected:
        In its opening weekend the film took £600,000.
        In its second week its revenue decreased by 50%, to £300,000.
    """
    by_sentence = ctx.by_sentence
    measures = [c for c in ctx.claims if _is_measure(ctx, c) and not superseded(ctx, c)]
    # Measures by series (kind, unit, subject, event) and step, in text order, so the
    # figure of the previous period is a lookup, not a scan of every measure.
    series: dict[tuple, list] = defaultdict(list)
    for g in measures:
        series[(g.kind, _unit(g), g.attribute.subject, g.attribute.event, _step(g))].append(g)
    for pct in ctx.claims:
        if pct.kind != "percentage" or pct.value.direction is None:
            continue
        same = sorted(by_sentence.get(pct.sentence, []), key=lambda c: c.span.start)
        to = next((c for c in same if _is_measure(ctx, c) and c.span.start > pct.span.end
                   and not _FROM.search(ctx.doc.text[max(c.span.start - 12, 0) : c.span.start])), None)
        if to is None:
            continue
        explicit = [c for c in _explicit_from(ctx, same) if _unit(c) == _unit(to)]
        start = explicit or _previous_period(to, series)
        if not start:
            continue
        from_iv = _consistent(start)
        if from_iv is None:
            continue
        r = ratio(arithmetic_interval(to), from_iv)
        if r is None:
            continue
        sign = 1 if pct.value.direction == "increase" else -1
        implied = sorted(((r[0] - 1) * 100 * sign, (r[1] - 1) * 100 * sign))
        stated = _percent_interval(pct)
        if overlaps((implied[0], implied[1]), stated):
            continue
        first = start[0]
        actual = (to.value.stated / first.value.stated - 1) * 100 * sign if first.value.stated else 0
        yield Hit(
            message=(
                f"{pct.value.direction.capitalize()} given as {pct.text} to {to.text}, but from "
                f"{first.text} ({where(ctx, first)}) that is a {pct.value.direction} of about "
                f"{actual:.1f}%"
            ),
            hint="Recompute the change from the two figures, or check which period it is measured from.",
            evidence=[
                ctx.claim_evidence(pct, "claim"),
                ctx.claim_evidence(to, "context"),
                ctx.claim_evidence(first, "conflicting claim"),
            ],
            claims=sorted({pct.id, to.id, *(c.id for c in start)}),
            key=(_normal(pct), _normal(to), _normal(first)),
        )


_FROM = _lazyre.lazy_compile(r"\bfrom\s+(?:an?\s+|the\s+)?$", regex.IGNORECASE)


def _is_measure(ctx: RuleContext, c) -> bool:
    """A figure a percentage change can lead to: a gross, or a count of something sold or seen."""
    if c.kind == "money":
        return not _per_noun(ctx, c) and not _is_average(ctx, c)
    return c.kind == "count" and bool(c.value.noun) and c.attribute.known and not qualifier(c.attribute, "per-unit")


def _explicit_from(ctx: RuleContext, same: list) -> list:
    """'... rose 20%, from US$1 million to US$1.2 million': the amount after 'from'."""
    for c in same:
        if c.kind in ("money", "count") and _FROM.search(ctx.doc.text[max(c.span.start - 12, 0) : c.span.start]):
            return [c]
    return []


def _step(c) -> tuple[str, int] | None:
    """A figure's place in a series: its week of the run, else the year it is for."""
    step = _period_step(_period(c))
    if step is not None:
        return step
    year = qualifier(c.attribute, "year")
    return ("year", int(year)) if year and year.isdigit() else None


def _previous_period(to, series: dict[tuple, list]) -> list:
    """The figure of the period before ``to``'s (previous week, previous year), same unit and subject.

    ``series``: measures by (kind, unit, subject, event, step), in text order.
    """
    step = _step(to)
    if step is None or step[1] < 2:
        return []
    wanted = (step[0], step[1] - 1)
    candidates = series.get((to.kind, _unit(to), to.attribute.subject, to.attribute.event, wanted), [])
    return _pick(to, candidates)


def _percent_interval(pct) -> Interval:
    """A stated percentage, allowing rounding or truncation of its last digit."""
    low, high = quantity_interval(pct.value)
    unit = 1.0 if float(pct.value.stated).is_integer() else 0.1
    return widen((min(low, pct.value.stated - unit / 2), max(high, pct.value.stated + unit)))


# ------------------------------------------------------------------ M004
_PERIOD_ORDER = {"opening-day": 0, "opening-weekend": 1, "opening-week": 2, "month-1": 3}


def _period_within(part: str | None, whole: str | None) -> bool:
    """Opening day within opening weekend within the whole run (no period stated)."""
    if part == whole or whole is None:
        return True
    return part in _PERIOD_ORDER and whole in _PERIOD_ORDER and _PERIOD_ORDER[part] < _PERIOD_ORDER[whole]


def _region_within(part: str | None, whole: str | None) -> bool:
    if part == whole:
        return True
    return part is not None and in_list(whole, "whole_regions") and not in_list(part, "whole_regions")


def _medium_within(part: str | None, whole: str | None) -> bool:
    if part == whole:
        return True
    return bool(part and whole) and scope_set(part) < scope_set(whole)  # type: ignore[arg-type]


@rule("NLMG-M004", "part-exceeds-whole", Severity.ERROR)
def part_exceeds_whole(ctx: RuleContext) -> Iterator[Hit]:
    """A part larger than the whole it belongs to.

    **What it does**
    Compares figures of one measure (a gross, a revenue) in one currency
    whose scopes nest: one country within the worldwide total, the opening
    day within the opening weekend within the whole run, DVD within DVD and
    Blu-ray. Flags a part whose smallest reading exceeds the largest reading
    of its whole (figures are intervals with their qualifiers).

    **Why it matters**
    A country cannot earn more than the world, nor a weekend more than the
    whole run; one of the figures or its scope is wrong.

    **Example**
    Flagged:
        In the United States the film grossed US$12 million.
        It has made a total of US$9.9 million worldwide.
    Corrected:
        In the United States the film grossed US$2.5 million.
        It has made a total of US$9.9 million worldwide.
    """
    scopes: dict[tuple, list] = defaultdict(list)
    for c in ctx.claims:
        if c.kind == "money" and c.attribute.known and not _is_average(ctx, c) and not superseded(ctx, c):
            a = c.attribute
            rest = tuple(sorted((k, v) for k, v in a.qualifiers.items() if k not in ("region", "period", "medium")))
            scopes[(a.subject, a.event, c.value.currency, rest)].append(c)
    for claims in scopes.values():
        by_scope: dict[tuple, list] = defaultdict(list)
        for c in claims:
            by_scope[(_region(c), _period(c), qualifier(c.attribute, "medium"))].append(c)
        for part_scope, parts in by_scope.items():
            for whole_scope, wholes in by_scope.items():
                if part_scope == whole_scope or not (
                    _region_within(part_scope[0], whole_scope[0])
                    and _period_within(part_scope[1], whole_scope[1])
                    and _medium_within(part_scope[2], whole_scope[2])
                ):
                    continue
                part = max(parts, key=lambda c: arithmetic_interval(c)[0])
                whole = min(wholes, key=lambda c: arithmetic_interval(c)[1])
                # Conservative: the part's *smallest* mention against the whole's *largest*.
                if min(arithmetic_interval(c)[0] for c in parts) <= max(arithmetic_interval(c)[1] for c in wholes):
                    continue
                yield Hit(
                    message=(
                        f"{upper_first(describe_attribute(part.attribute))} is {part.text} here, more than "
                        f"the {describe_attribute(whole.attribute)} of {whole.text} {where(ctx, whole)}"
                    ),
                    hint="A part cannot exceed its whole: check both figures and the scope (region, period, medium) of each.",
                    evidence=[ctx.claim_evidence(part, "claim"), ctx.claim_evidence(whole, "conflicting claim")],
                    claims=sorted({*(c.id for c in parts), *(c.id for c in wholes)}),
                    key=(part.attribute.key, whole.attribute.key, _normal(part), _normal(whole)),
                )


# ------------------------------------------------------------------ M005
@rule("NLMG-M005", "venue-additions-mismatch", Severity.WARNING)
def venue_additions_mismatch(ctx: RuleContext) -> Iterator[Hit]:
    """A release said to widen beyond the opening venues plus all venues added.

    **What it does**
    Finds a sentence that gives an opening count of theatres (or screens)
    and the venues added later ("released to four cinemas, with an
    additional 163 theatres added later"), then any statement that the
    release widened to or reached a count of the same kind of venue in a
    compatible region ("widened to over 200 theatres"). Flags the widened
    count when even its smallest reading exceeds the opening plus additions.

    **Why it matters**
    The widest release cannot exceed every venue the film ever played in;
    one of the counts is wrong.

    **Example**
    Flagged:
        The film opened at six theatres, and 120 more were added later on.
        When its release widened to over 300 theatres, its average fell.
    Corrected:
        The film opened at six theatres, and 120 more were added later on.
        When its release widened to over 120 theatres, its average fell.
    """
    counts = [c for c in ctx.claims if c.kind == "count" and _noun_family(c.value.noun)]
    if not counts:
        return
    count_ids = {c.id for c in counts}
    after = _with_after(ctx, counts)
    # Widened counts by venue family, sorted by their smallest reading: for each
    # opening-plus-additions sum only those above it are visited (no all-pairs).
    widened: dict[str, list[tuple[float, int, object]]] = defaultdict(list)
    for i, c in enumerate(counts):
        if _is_widened(ctx, c):
            widened[_noun_family(c.value.noun)].append((arithmetic_interval(c)[0], i, c))  # type: ignore[index]
    if not widened:
        return
    lows = {}
    for family, items in widened.items():
        items.sort(key=lambda t: (t[0], t[1]))
        lows[family] = [t[0] for t in items]
    for index, claims in ctx.by_sentence.items():
        same = sorted((c for c in claims if c.id in count_ids), key=lambda c: c.span.start)
        added = [c for c in same if _is_addition(ctx, c, after)]
        if not added:
            continue
        for family in sorted({_noun_family(c.value.noun) for c in added}):  # type: ignore[type-var]
            first = [c for c in same if _noun_family(c.value.noun) == family
                     and c.span.start < added[0].span.start and not _is_addition(ctx, c, after)]
            adds = [c for c in added if _noun_family(c.value.noun) == family]
            if len(first) != 1 or not adds or family not in widened:
                continue  # no single opening count: the sum is not defined
            reach = first[0].value.high + sum(c.value.high for c in adds)
            above = widened[family][bisect_right(lows[family], reach):]
            for _, _, w in sorted(above, key=lambda t: t[1]):  # in text order, as reported
                if w.sentence == index:
                    continue
                if (_region(w) and _region(first[0]) and _region(w) != _region(first[0])):
                    continue
                yield Hit(
                    message=(
                        f"Release said to widen to {w.text} here, but the text {where(ctx, first[0])} gives "
                        f"{first[0].text} at opening plus {', '.join(c.text for c in adds)} added "
                        f"later: at most {format_number(reach)}"
                    ),
                    hint="Check the opening count, the venues added and the widest release against the sources.",
                    evidence=[
                        ctx.claim_evidence(w, "claim"),
                        ctx.claim_evidence(first[0], "conflicting claim"),
                        *(ctx.claim_evidence(c, "conflicting claim") for c in adds),
                    ],
                    claims=sorted({w.id, first[0].id, *(c.id for c in adds)}),
                    key=(family, _normal(w), _normal(first[0]), *(_normal(c) for c in adds)),
                )


def _is_widened(ctx: RuleContext, c) -> bool:
    """'widened to over 200 theatres', 'expanded to 300 screens', 'at its widest'."""
    sentence = ctx.doc.sentences[c.sentence].span
    before = ctx.doc.text[max(sentence.start, c.span.start - 40) : c.span.start]
    cues = find_cues("widening_cues", before)
    return bool(cues) and not _CLAUSE_PUNCT_NO_STOP.search(before[cues[-1].end():])


# ------------------------------------------------------------------ M006
_QUOTE = _lazyre.lazy_compile(r"""[:\s]*["“‘'](?P<quote>[^"”’]{1,400}?)["”’](?!\w)""")
_WORD = _lazyre.lazy_compile(r"[\w’'-]+")
#: A list set off by dashes right after the count ("Four singles—"A", "B" and "C"—were").
_DASHED_LIST = _lazyre.lazy_compile(r"^\s?[—–]\s?(?P<body>[^—–:;()]{3,300}?)\s?[—–]")
_PLURAL_NOUN = _lazyre.lazy_compile(r"^[\s-]*(?P<noun>[a-z]+)", regex.IGNORECASE)


@rule("NLMG-M006", "count-in-words-mismatch", Severity.WARNING)
def count_in_words_mismatch(ctx: RuleContext) -> Iterator[Hit]:
    """A stated count that the words or list following it do not have.

    **What it does**
    Looks at the text right after a count claim in its sentence. A count of
    words ("a four-word text message:") must match the number of words in
    the quotation that follows; a count of listed things ("five factors ...:")
    must match the items of the list after the colon (items separated by
    semicolons, or by commas with a final "and"/"or" when each item is short).
    Silent when no quotation or clear list follows.

    **Why it matters**
    Announcing five factors and listing four means one was dropped in an edit
    or the count is wrong; readers notice at once.

    **Example**
    Flagged:
        He sent a three-word text message: "Hire the genius Mulligan."
        There were five factors: its timing; its tone; and its marketing.
    Corrected:
        He sent a four-word text message: "Hire the genius Mulligan."
        There were three factors: its timing; its tone; and its marketing.
    """
    for c in ctx.claims:
        if c.kind != "count" or c.value.low != c.value.high or not float(c.value.stated).is_integer():
            continue
        stated = int(c.value.stated)
        sentence = ctx.doc.sentences[c.sentence].span
        noun = (c.value.noun or "").lower()
        if not noun:
            m = _PLURAL_NOUN.match(ctx.doc.text[c.span.end : c.span.end + 30])
            noun = m.group("noun").lower() if m else ""
        noun = noun[:-1] if noun.endswith("s") and noun[:-1] in _list_nouns() else noun
        # The quotation or list follows within the sentence; the bound (far longer
        # than any real list) keeps an unsegmented megabyte, one "sentence", from
        # being copied once per count.
        rest = ctx.doc.text[c.span.end : min(sentence.end, c.span.end + 4 * SENTENCE_REACH)]
        found = _count_words(rest) if noun == "word" else _count_items(rest) if noun in _list_nouns() else None
        if found is None or found[0] == stated:
            continue
        n, span = found
        ev_span = Span(start=c.span.end + span[0], end=c.span.end + span[1])
        yield Hit(
            message=f"The text announces {c.text} {'' if noun in c.text.lower() else noun + 's '}but gives {n}".replace("  ", " "),
            hint=("Count the " + ("words of the quotation" if noun == "word" else "listed items")
                  + " and correct the number or the list."),
            evidence=[ctx.claim_evidence(c, "claim"), ctx.evidence(ev_span, "context")],
            claims=[c.id],
            key=(noun, str(stated), str(n)),
        )


@functools.cache
def _list_nouns() -> frozenset[str]:
    return frozenset(lexicon()["list_nouns"])


_RELATIVE = _lazyre.lazy_compile(r"\s*(?:which|who|whom|whose|where|that|including|such\s+as)\b", regex.IGNORECASE)
#: Between a count and its list: no clause boundary and no other number.
_NOT_THE_SAME_PHRASE = _lazyre.lazy_compile(
    r"[,;()]|\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\b", regex.IGNORECASE
)


def _count_words(rest: str) -> tuple[int, tuple[int, int]] | None:
    """Words of the quotation that follows closely (within a few words)."""
    m = _QUOTE.search(rest[:120])
    if m is None or len(_WORD.findall(rest[: m.start()])) > 4:
        return None
    return len(_WORD.findall(m.group("quote"))), m.span("quote")


def _dashed_list(rest: str) -> tuple[int, str] | None:
    """(offset, body) of a list set off by dashes right after the count: 'Six halls — A, B and C — house'."""
    m = _DASHED_LIST.match(rest)
    return (m.start("body"), m.group("body")) if m else None


def _count_items(rest: str) -> tuple[int, tuple[int, int]] | None:
    """Items of the list after the next colon (within the same sentence), or between dashes."""
    dashed = _dashed_list(rest)
    colon = rest.find(":")
    if dashed is not None:
        colon, body = dashed[0] - 1, dashed[1]
    elif colon < 0 or colon > 120 or '"' in rest[:colon] or "“" in rest[:colon]:
        return None
    elif _NOT_THE_SAME_PHRASE.search(rest, 0, colon) or len(rest[:colon].split()) > 8:
        # "four acts, and the player chooses between three factions: a, b and c": the
        # list belongs to the nearer count; only a list closing the count's own clause counts.
        return None
    else:
        body = rest[colon + 1 :].rstrip().rstrip(".")
        semi = body.find(";")
        if semi >= 0 and ":" in body[semi:]:
            # "six fraternities: a, b and c; as well as six sororities: d, e and f": the
            # semicolon closes this list, the next count has its own.
            body = body[:semi]
    if ";" in body:
        items = [i for i in body.split(";") if i.strip()]
    else:
        parts = _LIST_SEPARATOR.split(body)
        items = [i for i in parts if i.strip()]
        # Comma lists are believed only when short items end in "and"/"or", and none is a
        # relative clause ("Bakery, which makes bread, cakes and biscuits, and Chilled").
        if not _CONJUNCTION.search(body) or any(len(i.split()) > 6 or _RELATIVE.match(i) for i in items):
            return None
    if len(items) < 2:
        return None
    start = colon + 1 + (len(body) - len(body.lstrip()))
    return len(items), (start, colon + 1 + len(body))


# ------------------------------------------------------------------ M011
@functools.cache
def _share_pattern() -> regex.Pattern[str]:
    data = lexicon()
    words = sorted(data["share_words"], key=len, reverse=True)
    bounds = sorted({w for ws in data["share_bounds"].values() for w in ws}, key=lambda w: (-len(w), w))
    alt = lambda items: "|".join(regex.escape(i).replace(r"\ ", r"\s+") for i in items)  # noqa: E731
    return _lazyre.compile(
        rf"""(?<!\b(?:first|second|latter|former|other)\s+)
        (?:(?P<bound>{alt(bounds)})\s+)?(?P<share>\b(?:{alt(words)}))\b
        (?=\s*\(|\s+of\b)                                  # "two-thirds (67.9%)", "half of the people"
        (?P<gap>[^.;:–—%()]{{0,120}}?)\(\s*(?P<p>\d{{1,3}}(?:\.\d+)?)\s*%\s*\)""",
        regex.VERBOSE | regex.IGNORECASE,
    )


def _share_allows(share: str, bound: str | None, p: float) -> bool:
    data = lexicon()
    f = data["share_words"][regex.sub(r"\s+", " ", share.lower())]
    kind = next((k for k, ws in data["share_bounds"].items() if bound and regex.sub(r"\s+", " ", bound.lower()) in ws), None)
    if kind == "above" or (kind is None and "majority" in share.lower()):
        return f - 0.5 < p <= f + 15
    if kind == "below":
        return f - 15 <= p < f + 0.5
    return abs(p - f) <= (5 if kind == "near" else 4)


@rule("NLMG-M011", "share-in-words-mismatch", Severity.WARNING)
def share_in_words_mismatch(ctx: RuleContext) -> Iterator[Hit]:
    """A share said in words that its own percentage does not match ("over two-thirds (61.9%)").

    **What it does**
    Finds a fraction in words ("two-thirds", "half", "a majority"), with the
    word that bounds it ("over", "just less than", "about"), followed in the
    same clause by its percentage in parentheses ("Over two-thirds (67.9%) of
    people", "just less than half of the residents were born abroad (49.1%)"),
    and flags a percentage the words do not allow: over two-thirds is more
    than 66.7%, just less than half under 50%, two-thirds alone within four
    points of it. The fractions and bound words are data (rule_lexicon.json).

    **Why it matters**
    The figure and its gloss were written together; when one is edited alone
    they disagree, and the reader cannot tell which is right.

    **Example**
    Flagged:
        Over two-thirds (61.9%) of residents had never smoked.
    Corrected:
        Over two-thirds (67.9%) of residents had never smoked.
    """
    for sentence in ctx.doc.sentences:
        if sentence.section != "body":
            continue
        text = ctx.doc.text[sentence.span.start : sentence.span.end]
        for m in _share_pattern().finditer(text):
            p = float(m["p"])
            if _share_allows(m["share"], m["bound"], p):
                continue
            words = text[m.start() : m.end("share")]
            span = Span(start=sentence.span.start + m.start("p"), end=sentence.span.start + m.end("p") + 1)
            yield Hit(
                message=f"{words!r} does not fit the percentage given for it ({m['p']}%)",
                hint="Correct the percentage or the words that describe it, from the source.",
                evidence=[ctx.evidence(span, "claim"),
                          ctx.evidence(Span(start=sentence.span.start + m.start(), end=sentence.span.start + m.end("share")), "context")],
                key=(words.casefold(), m["p"]),
            )
