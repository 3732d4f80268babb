"""Festival and award mentions of a work: numbered editions and named years.

Shared by the edition rules (NLMG-R002, R003) and the festival date rules
(NLMG-D006, D007), so it lives below both: neither rule module imports the
other.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass

import regex

from ..models import Span
from .context import RuleContext

_NAME_TOKEN = regex.compile(r"\S+")

#: Characters allowed between a festival name and a date that dates it:
#: "opened the 54th London Film Festival on 13 October 2010",
#: "the 35th Toronto International Film Festival (TIFF) line-up during September 2010".
_ATTACH_GAP = 40
_GAP_OK = regex.compile(r"^[^,;:.!?\"“”]*$")
#: Capitalised words (and the small words inside names) after a year: "2011 Toronto
#: International Film Festival", "2010 Fantastic Fest"; at most eight words.
_NAME_AFTER_YEAR = regex.compile(
    r"""\s+(?P<name>(?:\p{Lu}[\p{L}’'.-]*|of|de|du|di|del|la|le|and|&)   # first word capitalised
        (?:\s+(?:\p{Lu}[\p{L}’'.-]*|of|de|du|di|del|la|le|and|&)){0,7})""",
    regex.VERBOSE,
)


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
