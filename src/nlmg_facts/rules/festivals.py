"""Mentions of recurring events (festivals, awards, sport, contests) with the year the text gives each.

Shared by the edition rules (R002-R004) and the festival date rules (D006,
D007); it sits below both so neither reaches into the other.

**Which year dates an edition.** Writers give it in many shapes; each branch
below is one, and anything else leaves the edition undated (the rules then
use a year given to the same event elsewhere, or stay silent):

- a date in the same comma-free stretch: "opened the 54th London Film
  Festival on 13 October 2010";
- a parenthesis: "the 64th (2011) Berlinale", "the 64th Berlinale (2011)";
- a "held" clause after it: "the 12th X, held in 2012", "the 83rd Academy
  Awards, honouring the films of 2010, held in February 2011";
- a clause-opening date before it: "In 2007, the 60th X ...", "on February
  13, 2011, at the 53rd X";
- an appositive naming the year: "the 2011 ceremony, the 83rd X", "X's 2011
  edition, its 64th";
- a year-named mention of the same event earlier in the sentence: "At the
  2011 Berlinale, the festival's 61st edition, ...";
- "the following year's edition" after a dated mention of the same event.

**Held and honoured years.** A year introduced as what an award honours
("honouring the films of 2010", "for 2010", "recognising the best music of
2010") is the honoured year, not the ceremony's: it is compared with the
edition's year plus the event's ``film_year_offset``.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import cache
from typing import Literal

import regex

from .. import _lazyre
from ..models import Span
from .context import RuleContext

#: Characters allowed between an event name and a date in one comma-free stretch.
_ATTACH_GAP = 40
_MAX_GAP = 90


@cache
def _re() -> dict[str, regex.Pattern[str]]:
    """The patterns, compiled on first use (never at import)."""
    c = lambda p: _lazyre.compile(p, regex.VERBOSE | regex.IGNORECASE)  # noqa: E731
    return {
        "comma_free": _lazyre.compile(r"^[^,;:.!?\"“”]*$"),
        "paren_open": c(r"^\s*\(\s*$"),
        # ", held in", ", which took place on", ", staged at Wembley on", " (held in"
        "held": c(r"""^\s*[,(]?\s*(?:which\s+|that\s+|and\s+)?(?:was\s+|were\s+|is\s+|are\s+|being\s+)?
                     (?:held|staged|hosted|contested|played|run|celebrated|broadcast|took\s+place|taking\s+place)
                     \b[^,;:.!?()]{0,40}?$"""),
        # what an award honours, right before the year
        "honour": c(r"""(?:honou?r(?:ing|ed|s)|recogni[sz](?:ing|ed|es)|celebrat(?:ing|ed)|for
                       |rewarding|covering)\s+
                       (?:(?:the\s+)?(?:best\s+)?(?:films?|movies?|works?|music|recordings?|records?|
                          albums?|songs?|achievements?|television|programmes?|programs?|shows?|books?|
                          games?|theatre|plays?|productions?|performances?)\s+
                          (?:(?:released|published|broadcast|aired|made)\s+)?(?:of|from|in|during)\s+
                       )?(?:the\s+(?:year|season)\s+)?$"""),
        # "In 2007, the film ...", "On 13 February 2011, ..." at the start of a clause
        "opening": c(r"(?:^|[;:]\s*|,\s+(?:and|but)\s+)\s*(?:in|on|during|by|at)\s+(?:the\s+)?(?:early\s+|late\s+|mid-)?$"),
        "opening_gap": c(r"^\s*,?\s*[^,;:.!?()]{0,60}?$"),
        # "..., at the", "during the": a prepositional link right after the date
        "link_gap": c(r"^\s*,?\s*(?:at|during|in|for|to)\s+(?:the\s+)?$"),
        # "the 2011 ceremony, the 83rd X" / "X's 2011 edition, its 64th"
        "appositive": c(r"""^\s+(?:ceremony|edition|festival|fest|contest|games|tournament|race|event|
                           awards?|show|gala|competition|championships?|cup|season)\s*,\s*(?:the|its)\s+$"""),
        "following": c(r"""(?:the\s+)?(?P<dir>following|next|succeeding|subsequent|previous|preceding|prior)
                          \s+year['’]s\s+(?:edition|festival|ceremony|contest|games|awards?|event|race)?
                          \s*,?\s*(?:the\s+|its\s+)?$"""),
        # Capitalised words before a year: "Eurovision Song Contest 2011", "Wimbledon 2011".
        "name_before_year": _lazyre.compile(
            r"(?P<name>(?:\p{Lu}[\p{L}’'.-]*|of|de|du|di|del|la|le|and|&)"
            r"(?:\s+(?:\p{Lu}[\p{L}’'.-]*|of|de|du|di|del|la|le|and|&)){0,7})\s+$"
        ),
        "name_after_year": _lazyre.compile(
            r"""\s+(?P<name>(?:\p{Lu}[\p{L}’'.-]*|of|de|du|di|del|la|le|and|&)
                (?:\s+(?:\p{Lu}[\p{L}’'.-]*|of|de|du|di|del|la|le|and|&)){0,7})""",
            regex.VERBOSE,
        ),
        "token": _lazyre.compile(r"\S+"),
    }


#: held: the edition's own year ("held in February 2011", a full date); honoured:
#: the year of the works or season it honours; either: a bare year with no cue.
YearRole = Literal["held", "honoured", "either"]


@dataclass(frozen=True, slots=True)
class Mention:
    """One mention of a recurring event: its edition and/or year, where stated."""

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
    year_role: YearRole = "either"
    #: The honoured year's date claim when the text gives it beside the held year.
    honoured: object = None
    #: The mention is about the article's own work (the edition rules about one work use it).
    about_work: bool = True


@dataclass(frozen=True, slots=True)
class Attached:
    date: object
    role: YearRole
    #: An honoured year stated beside the held one ("honouring the films of 2010, held in 2011").
    honoured: object = None


def festival_mentions(ctx: RuleContext) -> list[Mention]:
    """Every event mention in the document, found once (do not mutate the list)."""
    return ctx.memo("festival_mentions", lambda: _festival_mentions(ctx))


def _sentence_dates(ctx: RuleContext) -> dict[int, tuple[list[int], list]]:
    """Resolved single-year dates of each sentence in text order, with their starts."""
    out: dict[int, tuple[list[int], list]] = {}
    for index, claims in ctx.by_sentence.items():
        dates = sorted(
            (c for c in claims if c.kind == "date" and c.value.resolved and _year_of(c) is not None),
            key=lambda c: (c.span.start, -c.span.end),
        )
        # Nested dates ("13 October 2010" holds no other claim, but be safe): keep the outer.
        kept, last_end = [], -1
        for c in dates:
            if c.span.start >= last_end:
                kept.append(c)
                last_end = c.span.end
        out[index] = ([c.span.start for c in kept], kept)
    return out


def _year_of(date) -> int | None:
    v = date.value
    return v.start.year if v.start.year == v.end.year else None


def _plain(date) -> YearRole:
    """A date with a day or month dates the event itself; a bare year may be either year."""
    return "held" if date.value.precision in ("day", "month") else "either"


def _honoured(text: str, sentence_start: int, date) -> bool:
    return _re()["honour"].search(text, max(sentence_start, date.span.start - 60), date.span.start) is not None


def attach_year(ctx: RuleContext, span: Span, sentence: int) -> Attached | None:
    """The date that gives the year of the edition mentioned at ``span``, and its role."""
    index = ctx.memo("festival_sentence_dates", lambda: _sentence_dates(ctx)).get(sentence)
    if not index:
        return None
    starts, dates = index
    text = ctx.doc.text
    s_start = ctx.doc.sentences[sentence].span.start
    r = _re()
    # Inside the mention: "the 64th (2011) Berlinale".
    for d in dates[bisect_left(starts, span.start) : bisect_left(starts, span.end)]:
        if d.span.end <= span.end:
            return Attached(d, "honoured" if _honoured(text, s_start, d) else _plain(d))
    # After the mention, nearest first; honoured dates may stand between it and a "held" date.
    lo = bisect_left(starts, span.end)
    hi = bisect_right(starts, span.end + _MAX_GAP)
    prev_end, honoured_seen = span.end, None
    for d in dates[lo:hi]:
        gap = text[prev_end : d.span.start]
        if _honoured(text, s_start, d):
            honoured_seen = honoured_seen or d
            prev_end = d.span.end
            continue
        if prev_end == span.end and len(gap) <= _ATTACH_GAP and r["comma_free"].match(gap):
            return Attached(d, _plain(d))
        if r["paren_open"].match(gap) and prev_end == span.end:
            return Attached(d, _plain(d))
        if r["held"].match(gap):
            return Attached(d, "held", honoured_seen)
        break
    if honoured_seen is not None:
        return Attached(honoured_seen, "honoured")
    # Before the mention, nearest first.
    i = bisect_left(starts, span.start) - 1
    while i >= 0:
        d = dates[i]
        if d.span.end > span.start:
            i -= 1
            continue
        gap = text[d.span.end : span.start]
        if len(gap) > _MAX_GAP:
            return None
        if _honoured(text, s_start, d):
            return Attached(d, "honoured") if len(gap) <= _ATTACH_GAP and r["comma_free"].match(gap) else None
        if len(gap) <= _ATTACH_GAP and r["comma_free"].match(gap) and d.value.precision != "year":
            return Attached(d, "held")
        if r["appositive"].match(gap):
            return Attached(d, "held")  # "the 2011 ceremony, the 83rd ...": the edition's own year
        if r["link_gap"].match(gap):
            return Attached(d, _plain(d))
        if r["opening_gap"].match(gap) and r["opening"].search(text[max(s_start, d.span.start - 30) : d.span.start]):
            if not _other_mention_between(ctx, d.span.end, span.start):
                return Attached(d, _plain(d))
        return None
    return None


def _other_mention_between(ctx: RuleContext, start: int, end: int) -> bool:
    """An edition or year-named event between a date and a mention takes the date itself."""
    sentence = ctx.doc.sentence_at(start)
    if sentence is None:
        return False
    return any(
        c.kind == "edition" and start <= c.span.start < end for c in ctx.by_sentence.get(sentence.index, [])
    )


def _festival_mentions(ctx: RuleContext) -> list[Mention]:
    out: list[Mention] = []
    cal = ctx.calendar
    # "One work appears at one edition" holds for an article about a work, not for a
    # person's or a company's (who attend many editions): mentions are "about the work"
    # only in a work's article (or one whose subject could not be typed).
    from ..extract.attributes import article_subject

    subject = article_subject(ctx.doc)
    work_article = subject is None or subject.type in ("work", "other")
    for c in ctx.claims:
        about = work_article and c.attribute.subject == "this-work"
        if c.kind == "edition":
            out.append(_edition_mention(ctx, c, about))
        elif c.kind == "date" and c.value.precision == "year" and c.value.resolved and cal is not None:
            m = _year_named(ctx, c, about)
            if m is not None:
                out.append(m)
    return _resolve_following(ctx, _same_sentence_years([m for m in out if m is not None]))


def _same_sentence_years(mentions: list[Mention]) -> list[Mention]:
    """An undated edition takes the year of a year-named mention of the same event
    earlier in its sentence: "At the 2011 Berlinale, the festival's 61st edition, ..."."""
    from dataclasses import replace

    named: dict[tuple[int, str], Mention] = {}
    out: list[Mention] = []
    for m in sorted(mentions, key=lambda m: m.span.start):
        if m.edition is None and m.year is not None:
            named.setdefault((m.sentence, m.key), m)
        elif m.edition and m.year is None and (m.sentence, m.key) in named:
            y = named[(m.sentence, m.key)]
            m = replace(m, year=y.year, year_from=y.name, year_span=y.year_span, year_role="either")
        out.append(m)
    return out


def _edition_mention(ctx: RuleContext, c, about: bool) -> Mention | None:
    attached = attach_year(ctx, c.span, c.sentence)
    date = attached.date if attached else None
    year = _year_of(date) if date is not None else None
    cal = ctx.calendar
    found = () if cal is None else (cal.candidates(c.value.event) or cal.candidates(c.value.event_text))
    if len(found) > 1 and year is not None:
        # "the 35th TIFF ... September 2010": only Toronto held a 35th edition then.
        found = tuple(e for e in found if e.matches(c.value.number, year))
    if len(found) > 1:
        return None  # ambiguous name: neither event can be judged
    event = found[0] if found else None
    return Mention(
        event=event, key=event.key if event else c.value.event, name=c.text, span=c.span,
        sentence=c.sentence, claim=c.id, edition=c.value.number, year=year,
        year_from=date.text if year else None, year_span=date.span if year else None,
        date=date, year_role=attached.role if attached else "either", about_work=about,
        honoured=attached.honoured if attached else None,
    )


def _year_named(ctx: RuleContext, c, about: bool) -> Mention | None:
    """'the 2011 Toronto International Film Festival', 'Eurovision Song Contest 2011'."""
    r = _re()
    text = ctx.doc.text
    sentence = ctx.doc.sentences[c.sentence].span
    m = r["name_after_year"].match(text, c.span.end, sentence.end)
    if m is not None:
        base = m.start("name")
        ends = [base + w.start() + len(w.group().rstrip(".,;:")) for w in r["token"].finditer(m.group("name"))]
        for end in reversed(ends):  # longest run of words the calendar knows
            event = ctx.calendar.lookup(text[base:end])
            if event is not None:
                return Mention(
                    event=event, key=event.key, name=text[c.span.start : end],
                    span=Span(start=c.span.start, end=end), sentence=c.sentence, claim=c.id,
                    year=c.value.start.year, year_from=c.text, year_span=c.span, about_work=about,
                )
    m = r["name_before_year"].search(text, max(sentence.start, c.span.start - 120), c.span.start)
    if m is not None:
        words = list(r["token"].finditer(m.group("name")))
        for w in words:  # longest known suffix: "the Eurovision Song Contest 2011"
            start = m.start("name") + w.start()
            event = ctx.calendar.lookup(text[start : m.end("name")])
            if event is not None and event.numbered:
                return Mention(
                    event=event, key=event.key, name=text[start : c.span.end],
                    span=Span(start=start, end=c.span.end), sentence=c.sentence, claim=c.id,
                    year=c.value.start.year, year_from=c.text, year_span=c.span, about_work=about,
                )
    return None


def _resolve_following(ctx: RuleContext, mentions: list[Mention]) -> list[Mention]:
    """'the following year's edition': one year after the last dated mention of the event."""
    r = _re()
    text = ctx.doc.text
    last_year: dict[str, Mention] = {}
    out: list[Mention] = []
    for m in sorted(mentions, key=lambda m: m.span.start):
        if m.edition and m.year is None:
            sentence = ctx.doc.sentences[m.sentence].span
            f = r["following"].search(text, max(sentence.start, m.span.start - 60), m.span.start)
            prior = last_year.get(m.key)
            if f is not None and prior is not None:
                step = -1 if f["dir"].lower() in ("previous", "preceding", "prior") else 1
                every = 1
                if m.event is not None:
                    every = m.event._every(prior.year)  # type: ignore[attr-defined]
                m = Mention(
                    event=m.event, key=m.key, name=m.name, span=m.span, sentence=m.sentence,
                    claim=m.claim, edition=m.edition, year=prior.year + step * every,
                    year_from=f"{f.group().strip()} (after {prior.year_from})",
                    year_span=Span(start=f.start(), end=f.end()), year_role=prior.year_role,
                    about_work=m.about_work,
                )
        if m.year is not None and m.year_role != "honoured":
            last_year[m.key] = m
        out.append(m)
    return out
