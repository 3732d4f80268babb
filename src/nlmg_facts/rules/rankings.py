"""Ranking and edition rules (NLMG-R): conflicting places, festival editions against years."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from typing import Iterator

import regex

from ..models import Severity, Span
from .compare import conflict_hits, describe_attribute, upper_first, where
from .context import RuleContext
from .festivals import Mention, festival_mentions
from .registry import Hit, rule

# ------------------------------------------------------------------ R001
@rule("NLMG-R001", "ranking-conflict", Severity.ERROR)
def ranking_conflict(ctx: RuleContext) -> Iterator[Hit]:
    """Two different places for the same chart or ranking.

    **What it does**
    Groups ranking claims by attribute key (what is ranked, chart, region,
    period such as opening weekend) and category (place, best-selling,
    highest-grossing) and flags different ranks. Unknown attributes never
    conflict.

    **Why it matters**
    A film cannot be ninth and seventh in the same weekend's chart; one of
    the places was mistyped or belongs to another week.

    **Example**
    Flagged:
        In its first weekend in Spain it took ninth place at the box office.
        In its opening weekend in Spain it took seventh place at the box office.
    Corrected:
        In its first weekend in Spain it took ninth place at the box office.
        In its opening weekend in Spain it took ninth place at the box office.
    """
    hint = "Check the chart for that week and region and keep the place it gives."
    for claims in ctx.by_key.values():
        groups: dict[str | None, list] = {}
        for c in claims:
            if c.kind == "ranking":
                groups.setdefault(c.value.category, []).append(c)
        for group in groups.values():
            if len(group) > 1:
                what = upper_first(describe_attribute(group[0].attribute))
                yield from conflict_hits(
                    ctx, group, lambda c: (float(c.value.rank), float(c.value.rank)), what, hint,
                    lambda c: f"#{c.value.rank}",
                )


# --------------------------------------------------------- festival mentions
# The mentions and the year each is given live in ``festivals`` (shared with the date rules).


def _edition_year(m: Mention) -> int | None:
    return m.event.edition_year(m.edition) if m.event is not None and m.edition else None  # type: ignore[attr-defined]


def _fits(event, edition: int, year: int, role: str = "either") -> bool | None:
    """Edition ``edition`` took place in ``year`` (held) or honours that year (honoured)."""
    offset = event.film_year_offset
    if role == "honoured" and offset:
        return event.matches(edition, year - offset)
    verdict = event.matches(edition, year)
    if verdict is False and offset and role == "either":
        again = event.matches(edition, year - offset)
        return again if again is not None else verdict
    return verdict


_KIND_NOUN = {"festival": "festival", "award": "ceremony", "sport": "event", "contest": "contest"}


def _with_honoured(mentions: list[Mention]) -> Iterator[Mention]:
    """Each mention, then its honoured year as a mention of its own where both are stated."""
    from dataclasses import replace

    for m in mentions:
        yield m
        h = m.honoured
        if h is not None and h.value.start.year == h.value.end.year:
            yield replace(m, year=h.value.start.year, year_from=h.text, year_span=h.span,
                          date=h, year_role="honoured", honoured=None)


def _source_note(event) -> str:
    """Where the calendar's numbering comes from, for the message."""
    from ..calendar import CalendarSource

    for src in event.sources:
        if isinstance(src, CalendarSource):
            return f" (calendar: {event.name}, per {src.address})"
    return f" (calendar: {event.name})"


def _held_year(m: Mention) -> int | None:
    """The year the mention says the edition was held in, honoured years converted."""
    if m.year is None:
        return None
    if m.year_role == "honoured" and m.event is not None:
        return m.year - m.event.film_year_offset  # type: ignore[attr-defined]
    return m.year


# ------------------------------------------------------------------ R002
@rule("NLMG-R002", "edition-year-mismatch", Severity.ERROR)
def edition_year_mismatch(ctx: RuleContext) -> Iterator[Hit]:
    """A numbered edition of a recurring event dated to a year it did not take place in.

    **What it does**
    For "the 53rd London Film Festival", "Super Bowl XLV" or "the 83rd
    Academy Awards", looks the event up in the calendar of recurring events
    (festivals, awards, sport, contests; bundled, extendable from
    configuration) and finds the year the text gives that edition: a date in
    the same clause, a parenthesis, a "held in" clause, a clause-opening date
    ("In 2007, the 60th ..."), an appositive ("the 2011 ceremony, the 83rd
    ..."), "the following year's edition"; or, for the work's own festivals,
    the year the text gives the same event elsewhere. A year introduced as
    what an award honours ("honouring the films of 2010") is checked as the
    honoured year. Flags the edition when the calendar places it in another
    year; silent when the calendar does not know the event or its numbering.

    **Why it matters**
    Edition numbers are easy to get wrong by one; the calendar knows which
    edition was held in which year.

    **Example**
    Flagged:
        The film opened the 53rd London Film Festival on 13 October 2010.
    Corrected:
        The film opened the 54th London Film Festival on 13 October 2010.
    """
    mentions = festival_mentions(ctx)
    # Years the work's own festivals are given where a date is attached or the year
    # named (never derived from an edition number, so one wrong number cannot date
    # the others). Other mentions (a biography's ceremonies) are only dated in place.
    stated: dict[str, list[Mention]] = {}
    for m in mentions:
        if m.year is not None and m.about_work:
            stated.setdefault(m.key, []).append(m)
    for m in _with_honoured(mentions):
        if m.event is None or not m.edition:
            continue
        actual = _edition_year(m)  # None: past the calendar's known range
        if m.year is not None:
            if _fits(m.event, m.edition, m.year, m.year_role) is not False:
                continue
            source = m
            said = (
                f"said to honour {m.year} here ({m.year_from})" if m.year_role == "honoured"
                else f"dated {m.year_from} here"
            )
        else:
            if not m.about_work:
                continue
            others = {_held_year(o) for o in stated.get(m.key, [])}
            if len(others) != 1:
                continue  # undated, or dated inconsistently (NLMG-R003 reports that)
            source = stated[m.key][0]
            if _fits(m.event, m.edition, source.year, source.year_role) is not False:  # type: ignore[arg-type]
                continue
            said = f"given the year {source.year} in {where(source.sentence)} ({source.year_from})"
        held = _held_year(source)
        right = m.event.year_edition(held) if held is not None else None  # type: ignore[attr-defined]
        honours = m.event.film_year_offset  # type: ignore[attr-defined]
        when = (
            f"held in {actual}" + (f", honouring {actual + honours}" if honours else "")
            if actual is not None else "not held in that year"
        )
        evidence = [ctx.evidence(m.span, "claim")]
        if source.year_span is not None and source.year_span != m.span:
            evidence.append(ctx.evidence(source.year_span, "context"))
        yield Hit(
            message=(
                f"{m.name} was {when}, but the {_KIND_NOUN.get(m.event.kind, 'event')} is {said}"  # type: ignore[attr-defined]
                + (f"; the {held} edition was the {_ordinal(right)}" if right else "")
                + _source_note(m.event)
            ),
            hint="Check the edition number against the event's own numbering for that year.",
            evidence=evidence,
            claims=[m.claim] + ([source.claim] if source.claim != m.claim else []),
            key=(m.key, str(m.edition), str(source.year)),
        )


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


# ------------------------------------------------------------------ R003
@rule("NLMG-R003", "edition-conflict", Severity.ERROR)
def edition_conflict(ctx: RuleContext) -> Iterator[Hit]:
    """One festival mentioned with two different editions or years.

    **What it does**
    Gathers the mentions of each festival or award the work appears at
    ("the 53rd London Film Festival", "the 2011 Toronto International Film
    Festival", "the 35th TIFF ... during September 2010") with the edition
    and year each gives, a year being stated, attached as a date, or derived
    from the edition through the calendar. Flags a festival whose mentions
    disagree. Mentions about other works are left out.

    **Why it matters**
    A film appears at one edition of a festival; two numbers or two years
    for it mean one mention is wrong.

    **Example**
    Flagged:
        The film was also screened at the 2011 Toronto International Film Festival.
        It was in the 35th Toronto International Film Festival line-up during September 2010.
    Corrected:
        The film was also screened at the 2010 Toronto International Film Festival.
        It was in the 35th Toronto International Film Festival line-up during September 2010.
    """
    by_event: dict[str, list[Mention]] = {}
    for m in festival_mentions(ctx):
        if m.about_work:
            by_event.setdefault(m.key, []).append(m)
    for key, mentions in by_event.items():
        if len(mentions) < 2:
            continue
        mentions.sort(key=lambda m: m.span.start)
        first = mentions[0]
        for other in mentions[1:]:
            why = _disagreement(first, other)
            if why is None:
                continue
            yield Hit(
                message=f"{first.name} here and {other.name} in {where(other.sentence)}: {why}",
                hint="A work appears at one edition of a festival: check which edition and year the sources give.",
                evidence=[ctx.evidence(first.span, "claim"), ctx.evidence(other.span, "conflicting claim")],
                claims=sorted({first.claim, other.claim}),
                key=(key, _label(first), _label(other)),
            )
            break  # one finding per festival; the first mention is the anchor


def _year(m: Mention) -> int | None:
    return _held_year(m) if m.year is not None else _edition_year(m)


def _label(m: Mention) -> str:
    return f"{m.edition or ''}@{_year(m) or ''}"


def _disagreement(a: Mention, b: Mention) -> str | None:
    if a.edition and b.edition and a.edition != b.edition:
        return f"editions {_ordinal(a.edition)} and {_ordinal(b.edition)} differ"
    ya, yb = _year(a), _year(b)
    if ya is not None and yb is not None and ya != yb:
        return f"years {ya} and {yb} differ"
    return None


# ------------------------------------------------------------------ R004
@rule("NLMG-R004", "edition-sequence-mismatch", Severity.ERROR)
def edition_sequence_mismatch(ctx: RuleContext) -> Iterator[Hit]:
    """Two dated editions of one event whose numbers and years cannot both hold.

    **What it does**
    For events the calendar does not number, compares every pair of dated
    editions of the same event in the article: an event held at most once a
    year cannot have its 14th edition three years after its 10th (four
    editions in three years), nor a higher number in an earlier year, nor one
    number in two years. Where the calendar knows the event's frequency
    (biennial, every four years) the years must match it exactly. The message
    says which assumption was used. Years an award honours are not compared.

    **Why it matters**
    The edition numbers of an event the calendar has never heard of still
    have to add up: one of the two numbers or years is wrong.

    **Example**
    Flagged:
        The 10th Lakeside Film Festival was held in 2008. The film screened at the 14th Lakeside Film Festival in 2011.
    Corrected:
        The 10th Lakeside Film Festival was held in 2008. The film screened at the 13th Lakeside Film Festival in 2011.
    """
    by_event: dict[str, list[Mention]] = {}
    for m in festival_mentions(ctx):
        if m.edition and m.year is not None and m.year_role != "honoured":
            if m.event is not None and m.event.numbered:  # type: ignore[attr-defined]
                continue  # the calendar's own numbering decides (NLMG-R002)
            by_event.setdefault(m.key, []).append(m)
    for key, mentions in by_event.items():
        # Sorted by year then edition, adjacent pairs decide every pair: the sums telescope.
        ordered = sorted(mentions, key=lambda m: (m.year, m.edition, m.span.start))
        every = _known_every(ordered[0].event)
        for a, b in zip(ordered, ordered[1:]):
            why = _sequence_problem(a, b, every)
            if why is None:
                continue
            assumption = (
                f"the calendar holds it every {every} years" if every else "assuming at most one edition a year"
            )
            first, second = sorted((a, b), key=lambda m: m.span.start)
            yield Hit(
                message=(
                    f"{first.name} ({first.year}) and {second.name} ({second.year}) cannot both hold: "
                    f"{why} ({assumption})"
                ),
                hint="Check both editions' numbers and years against the event's own records.",
                evidence=[ctx.evidence(first.span, "claim"), ctx.evidence(second.span, "conflicting claim")]
                + [ctx.evidence(m.year_span, "context") for m in (first, second)
                   if m.year_span is not None and m.year_span != m.span],
                claims=sorted({first.claim, second.claim}),
                key=(key, f"{a.edition}@{a.year}", f"{b.edition}@{b.year}"),
            )
            break  # one finding per event


def _known_every(event) -> int | None:
    """The event's frequency when the calendar states one (no numbering needed)."""
    if event is None or not event.frequency:  # type: ignore[attr-defined]
        return None
    everies = {c.every for c in event.frequency}  # type: ignore[attr-defined]
    return everies.pop() if len(everies) == 1 else None


def _sequence_problem(a: Mention, b: Mention, every: int | None) -> str | None:
    """Why edition a (earlier or same year) and edition b cannot both hold, or None."""
    dy, de = b.year - a.year, b.edition - a.edition  # type: ignore[operator]
    if dy == 0 and de != 0:
        return f"editions {_ordinal(a.edition)} and {_ordinal(b.edition)} in the same year"  # type: ignore[arg-type]
    if dy > 0 and de <= 0:
        return (
            f"the {_ordinal(a.edition)} edition is dated after the {_ordinal(b.edition)}"  # type: ignore[arg-type]
            if de < 0 else f"one edition dated to two years, {a.year} and {b.year}"
        )
    if every:
        if de * every != dy:
            return f"{de} editions later should be {de * every} years later, not {dy}"
        return None
    if de > dy:
        return f"{de} editions in {dy} year{'s' if dy != 1 else ''}"
    return None
