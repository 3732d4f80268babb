"""Ranking and edition rules (NLMG-R): conflicting places, festival editions against years."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from typing import Iterator

import regex

from .. import _lazyre
from ..models import Severity, Span
from .compare import conflict_hits, describe_attribute, upper_first, where
from .context import RuleContext
from .registry import Hit, rule

_NAME_TOKEN = _lazyre.lazy_compile(r"\S+")

#: Characters allowed between a festival name and a date that dates it:
#: "opened the 54th London Film Festival on 13 October 2010",
#: "the 35th Toronto International Film Festival (TIFF) line-up during September 2010".
_ATTACH_GAP = 40
_GAP_OK = _lazyre.lazy_compile(r"^[^,;:.!?\"“”]*$")
#: Capitalised words (and the small words inside names) after a year: "2011 Toronto
#: International Film Festival", "2010 Fantastic Fest"; at most eight words.
_NAME_AFTER_YEAR = _lazyre.lazy_compile(
    r"""\s+(?P<name>(?:\p{Lu}[\p{L}’'.-]*|of|de|du|di|del|la|le|and|&)   # first word capitalised
        (?:\s+(?:\p{Lu}[\p{L}’'.-]*|of|de|du|di|del|la|le|and|&)){0,7})""",
    regex.VERBOSE,
)


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

@dataclass(frozen=True, slots=True)
class Mention:
    """One mention of a festival or award: its edition and/or year, where stated."""

    event: object  # calendar Event, or None when the calendar does not know it
    key: str  # calendar key or normalised name
    name: str  # as written
    span: Span
    sentence: int
    claim: str
    edition: int | None = None
    year: int | None = None  # stated in the text (named year or an attached date)
    year_from: str | None = None  # the text that dated it
    year_span: Span | None = None
    date: object = None  # the attached date claim, when a date (not a named year) dated it


def _candidates(ctx: RuleContext, name: str) -> tuple:
    return () if ctx.calendar is None else tuple(ctx.calendar.candidates(name))


def _calendar_event(ctx: RuleContext, name: str):
    found = _candidates(ctx, name)
    return found[0] if len(found) == 1 else None


def _sentence_dates(ctx: RuleContext) -> dict[int, tuple[list[int], list[int], list] | None]:
    """Resolved dates of each sentence in text order, with start and end offsets
    (None for a sentence whose dates overlap, so that ends are out of order)."""
    out: dict[int, tuple[list[int], list[int], list] | None] = {}
    for index, claims in ctx.by_sentence.items():
        dates = sorted((c for c in claims if c.kind == "date" and c.value.resolved),
                       key=lambda c: c.span.start)
        ends = [c.span.end for c in dates]
        ordered = all(a <= b for a, b in zip(ends, ends[1:]))
        out[index] = ([c.span.start for c in dates], ends, dates) if ordered else None
    return out


def _attached_date(ctx: RuleContext, span: Span, sentence: int):
    """A date in the same clause right after (or just before) a festival name."""
    index = ctx.memo("sentence_dates", lambda: _sentence_dates(ctx)).get(sentence)
    if index is not None:
        # Only dates starting just after the name or ending just before it can be
        # attached: bisect for them (an unsegmented "sentence" may hold thousands).
        # Dates in one sentence never share a start, so the order below is the text's.
        starts, ends, ordered = index
        near = ordered[bisect_left(starts, span.end) : bisect_right(starts, span.end + _ATTACH_GAP)]
        near += ordered[bisect_left(ends, span.start - _ATTACH_GAP) : bisect_right(ends, span.start)]
        dates = sorted({id(c): c for c in near}.values(), key=lambda c: c.span.start)
    else:
        dates = [c for c in ctx.by_sentence.get(sentence, []) if c.kind == "date" and c.value.resolved]
    after = [c for c in dates if 0 <= c.span.start - span.end <= _ATTACH_GAP
             and _GAP_OK.match(ctx.doc.text[span.end : c.span.start])]
    if after:
        return min(after, key=lambda c: c.span.start)
    before = [c for c in dates if 0 <= span.start - c.span.end <= _ATTACH_GAP
              and _GAP_OK.match(ctx.doc.text[c.span.end : span.start])
              and c.value.precision != "year"]  # a bare year before a name is a named year
    return max(before, key=lambda c: c.span.start) if before else None


def _year_of(date) -> int | None:
    v = date.value
    return v.start.year if v.start.year == v.end.year else None


def festival_mentions(ctx: RuleContext) -> list[Mention]:
    """Festival/award mentions of this work: numbered editions and named years.

    Three rules use them; they are found once per document (do not mutate the list).
    """
    return ctx.memo("festival_mentions", lambda: _festival_mentions(ctx))


def _festival_mentions(ctx: RuleContext) -> list[Mention]:
    out: list[Mention] = []
    for c in ctx.claims:
        if c.attribute.subject != "this-work":
            continue
        if c.kind == "edition":
            date = _attached_date(ctx, c.span, c.sentence)
            year = _year_of(date) if date is not None else None
            found = _candidates(ctx, c.value.event) or _candidates(ctx, c.value.event_text)
            if len(found) > 1 and year is not None:
                # "the 35th TIFF ... September 2010": only Toronto held a 35th edition then.
                found = tuple(e for e in found if e.matches(c.value.number, year))
            if len(found) > 1:
                continue  # ambiguous name: neither festival can be judged
            event = found[0] if found else None
            out.append(Mention(
                event=event, key=event.key if event else c.value.event, name=c.text, span=c.span,
                sentence=c.sentence, claim=c.id, edition=c.value.number, year=year,
                year_from=date.text if year else None, year_span=date.span if year else None,
                date=date,
            ))
        elif c.kind == "date" and c.value.precision == "year" and c.value.resolved and ctx.calendar is not None:
            m = _NAME_AFTER_YEAR.match(ctx.doc.text, c.span.end, ctx.doc.sentences[c.sentence].span.end)
            if m is None:
                continue
            base = m.start("name")
            # Word ends without trailing punctuation ("Festival." ends a sentence).
            ends = [base + len(w.group().rstrip(".,;:")) + w.start()
                    for w in _NAME_TOKEN.finditer(m.group("name"))]
            # Longest run of words the calendar knows: "Toronto International Film Festival".
            for end in reversed(ends):
                event = _calendar_event(ctx, ctx.doc.text[base:end])
                if event is not None:
                    out.append(Mention(
                        event=event, key=event.key, name=ctx.doc.text[c.span.start : end],
                        span=Span(start=c.span.start, end=end), sentence=c.sentence, claim=c.id,
                        year=c.value.start.year, year_from=c.text, year_span=c.span,
                    ))
                    break
    return out


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
