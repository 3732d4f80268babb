"""Ranking and edition rules (NLMG-R): conflicting places, festival editions against years."""

from __future__ import annotations

from typing import Iterator

from ..models import Severity
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


def _edition_year(m: Mention) -> int | None:
    return m.event.edition_year(m.edition) if m.event is not None and m.edition else None  # type: ignore[attr-defined]


def _fits(event, edition: int, year: int) -> bool | None:
    """Edition ``edition`` took place in ``year`` (or honours that year's films)."""
    verdict = event.matches(edition, year)
    if verdict is False and event.film_year_offset:
        again = event.matches(edition, year - event.film_year_offset)
        return again if again is not None else verdict
    return verdict


# ------------------------------------------------------------------ R002
@rule("NLMG-R002", "edition-year-mismatch", Severity.ERROR)
def edition_year_mismatch(ctx: RuleContext) -> Iterator[Hit]:
    """A numbered festival or award edition dated to a year it did not take place in.

    **What it does**
    For "the 53rd London Film Festival", looks up the event in the festival
    and awards calendar (bundled, extendable from configuration) and finds the
    year the text gives it: a date attached to the name in the same clause
    ("opened the 54th London Film Festival on 13 October 2010"), or else the
    year the text gives the same event elsewhere. Flags the edition when the
    calendar places it in another year. Awards held early in the following
    year (Palm Springs in January for the previous year's films) are judged
    by the calendar's edition year, and also accepted for the honoured year.
    Silent when the calendar does not know the event or its numbering.

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
    # Years each event is given where a date is attached or the year named (never
    # derived from an edition number, so one wrong number cannot date the others).
    stated: dict[str, list[Mention]] = {}
    for m in mentions:
        if m.year is not None:
            stated.setdefault(m.key, []).append(m)
    for m in mentions:
        if m.event is None or not m.edition:
            continue
        actual = _edition_year(m)
        if actual is None:
            continue
        if m.year is not None:
            if _fits(m.event, m.edition, m.year) is not False:
                continue
            source, said = m, f"dated {m.year_from} here"
        else:
            others = {o.year for o in stated.get(m.key, [])}
            if len(others) != 1:
                continue  # undated, or dated inconsistently (NLMG-R003 reports that)
            source = stated[m.key][0]
            if _fits(m.event, m.edition, source.year) is not False:  # type: ignore[arg-type]
                continue
            said = f"given the year {source.year} in {where(source.sentence)} ({source.year_from})"
        right = m.event.year_edition(source.year)  # type: ignore[attr-defined,arg-type]
        evidence = [ctx.evidence(m.span, "claim")]
        if source.year_span is not None:
            evidence.append(ctx.evidence(source.year_span, "context"))
        yield Hit(
            message=(
                f"{m.name} was held in {actual}, but the festival is {said}"
                + (f"; the {source.year} edition was the {_ordinal(right)}" if right else "")
            ),
            hint="Check the edition number against the festival's own numbering for that year.",
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
    return m.year if m.year is not None else _edition_year(m)


def _label(m: Mention) -> str:
    return f"{m.edition or ''}@{_year(m) or ''}"


def _disagreement(a: Mention, b: Mention) -> str | None:
    if a.edition and b.edition and a.edition != b.edition:
        return f"editions {_ordinal(a.edition)} and {_ordinal(b.edition)} differ"
    ya, yb = _year(a), _year(b)
    if ya is not None and yb is not None and ya != yb:
        return f"years {ya} and {yb} differ"
    return None
