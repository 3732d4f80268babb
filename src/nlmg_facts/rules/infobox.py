"""Infobox rules (NLMG-I): the infobox of a wikitext article against its own prose."""

from __future__ import annotations

import functools
from collections import defaultdict
from typing import Iterator

import regex

from .. import _lazyre
from ..models import Severity
from ..models.claims import THIS_WORK, DurationValue
from .compare import (
    Interval,
    clusters,
    date_ordinal_interval,
    describe_attribute,
    format_number,
    overlaps,
    quantity_interval,
    upper_first,
    where,
)
from .context import RuleContext
from .registry import Hit, rule

#: Duration units in minutes, so "1 hour 43 minutes" compares with "103 minutes".
_MINUTES = {"minute": 1.0, "hour": 60.0, "day": 1440.0, "week": 10080.0, "month": 43830.0, "year": 525960.0}


def _interval(c) -> Interval | None:
    if c.kind == "date":
        return date_ordinal_interval(c.value) if c.value.resolved else None
    if c.kind in ("money", "count"):
        return quantity_interval(c.value)
    if c.kind == "duration" and isinstance(c.value, DurationValue):
        k = _MINUTES[c.value.unit]
        return (c.value.low * k, c.value.high * k)
    return None


def _unit(c) -> str:
    """Only figures in the same unit are compared (a budget in pounds and one in dollars are not)."""
    return c.value.currency if c.kind == "money" else ""


def _shown(c) -> str:
    """How a claim is named in a message: its text, or its value where the text is template markup."""
    if not any(ch in c.text for ch in "|{}"):
        return c.text
    if c.kind == "date":
        return c.value.iso
    if c.kind == "money":
        return f"{c.value.currency} {format_number(c.value.stated)}"
    if c.kind == "count":
        return format_number(c.value.stated) + (f" {c.value.noun}" if c.value.noun else "")
    return c.text


def _normal(c) -> str:
    if c.kind == "date":
        return c.value.iso
    if c.kind in ("money", "count"):
        return f"{_unit(c)}{format_number(c.value.stated)}"
    return " ".join(c.text.split()).casefold()


@rule("NLMG-I001", "infobox-prose-conflict", Severity.ERROR)
def infobox_prose_conflict(ctx: RuleContext) -> Iterator[Hit]:
    """An infobox value that the article's prose contradicts.

    **What it does**
    Takes each recognised infobox field of a wikitext article (birth and death
    dates, founding and release dates, budget, gross, runtime, page count,
    population...; ``data/infoboxes.json`` maps infobox parameters to the same
    attribute keys the prose claims get) and compares it with the prose claims
    of the same key, kind and currency, with the usual precision: "1895"
    agrees with "April 11, 1895" and "more than 60,000" with 65,000. A field
    listing several values (a film released at a festival, then in cinemas)
    agrees with prose matching any of them, and the fact stated for a region
    ("first published in England on ...") agrees too. When no prose value of
    the key agrees with the field (a date whose year comes from context
    counts), the field conflicts with the nearest prose value that restates
    it: in the lead, or marked as the first ("originally formed in 1918");
    without one, with prose that states the fact one way (all its values
    agree). Only dates whose year the text states
    are quoted against the infobox.

    **Why it matters**
    The infobox is the most read, most copied statement of an article's key
    facts, and it is edited apart from the prose: one is updated, the other
    keeps the old value, and readers and databases take the infobox's word.

    **Example**
    Flagged:
        {{Infobox person | birth_date = {{birth date|1931|4|4}} }}
        Ann Lee was born on 4 April 1932 in Leeds.
    Corrected:
        {{Infobox person | birth_date = {{birth date|1932|4|4}} }}
        Ann Lee was born on 4 April 1932 in Leeds.
    """
    if not ctx.infobox_claims:
        return
    hint = "Check the infobox value and the prose against their sources and correct the one that is wrong."
    sentences = ctx.doc.sentences
    fields: dict[tuple[str, str, str], list] = defaultdict(list)
    for c in ctx.infobox_claims:
        if c.attribute.known and _interval(c) is not None:
            fields[(c.attribute.key, c.kind, _unit(c))].append(c)
    lead_end = _lead_end(ctx.doc.text, ctx.doc.body.start)
    about = _about_subject(ctx)
    rules = _rule_data()
    for (key, kind, unit), box in fields.items():
        def comparable(p) -> bool:
            return (
                p.kind == kind and _unit(p) == unit and sentences[p.sentence].section == "body"
                and _interval(p) is not None
            )

        # Agreement is looked for widely: any prose value of the key (a date whose year
        # comes from context too), and the fact stated for a region ("first published in
        # England on ...") for an infobox that gives none. Any agreement settles it: the
        # fact is restated consistently (other values of the key are other facts, or
        # NLMG-D001/M001's business).
        pool = [p for p in (*about.get(key, []), *about.get(key + _REGIONAL, [])) if comparable(p)]
        boxes = [(b, _interval(b)) for b in box]
        if not pool or any(overlaps(_interval(p), biv) for p in pool for _, biv in boxes):
            continue
        # Quoted against the infobox: values the text states (its year too) that restate
        # the infobox's fact: in the lead, or marked as the first ("originally formed in
        # 1918"); else the prose value, if the prose states the fact one way.
        prose = [p for p in about.get(key, []) if comparable(p) and _stated(p)]
        restating = [
            p for p in prose if p.span.start < lead_end or _first_cue(ctx.doc, p, rules["first_cues"])
        ]
        if not restating and (not prose or len(clusters(prose, _interval)) != 1):
            continue
        # The value quoted is the stated one nearest the infobox's: the one meant to restate it.
        p = min(prose, key=lambda c: (_distance(_interval(c), boxes), c.span.start))
        iv = _interval(p)
        # Quote the infobox value nearest to the prose value.
        b = min(boxes, key=lambda x: _distance(iv, [x]))[0]
        what = upper_first(describe_attribute(b.attribute))
        yield Hit(
            message=f"{what} given as {_shown(b)} in the infobox and as {p.text} {where(ctx, p)}",
            hint=hint,
            evidence=[ctx.claim_evidence(b, "infobox value"), ctx.claim_evidence(p, "prose claim")],
            claims=sorted({b.id, p.id}),
            key=(key, _normal(b), _normal(p)),
        )


#: The key suffix under which ``_about_subject`` files claims that differ only by a region.
_REGIONAL = "+region"


@functools.cache
def _rule_data() -> dict:
    from ..ingest.wikitext import infobox_data

    d = infobox_data()["prose_comparison"]
    return {"first_cues": tuple(d["first_cues"])}


def _first_cue(doc, c, cues: tuple[str, ...]) -> bool:
    """Does the claim's clause mark it as the first occurrence ("originally formed in 1918")?"""
    sentence = doc.sentences[c.sentence].span
    before = doc.text[max(sentence.start, c.span.start - 80) : c.span.start].casefold()
    clause = regex.split(r"[;:,]", before)[-1]
    return any(regex.search(rf"\b{regex.escape(cue)}\b", clause) for cue in cues)


def _stated(c) -> bool:
    """A date whose year the text states (not one taken from context, nor a relative one)."""
    return c.kind != "date" or (c.value.year_source == "stated" and c.value.relative is None)


def _distance(iv: Interval, boxes) -> float:
    """How far an interval lies from the nearest of the infobox values (0 when they overlap)."""
    return min(max(0.0, biv[0] - iv[1], iv[0] - biv[1]) for _, biv in boxes)


def _about_subject(ctx: RuleContext) -> dict[str, list]:
    """Prose claims about the article's subject by the infobox's key: ``this-work``, or a
    subject the infobox names ("Allan Dwan was born..." -> allan-dwan; "Andre Kirk Agassi"
    for an infobox named Andre Agassi: first and last words)."""
    names = {n for v in ctx.doc.stated if v.source == "infobox" for n in v.subject_names}
    ends = {(w[0], w[-1]) for n in names if (w := _words(n))}
    out: dict[str, list] = defaultdict(list)
    for key, claims in ctx.by_key.items():
        subject = claims[0].attribute.subject
        if subject == THIS_WORK:
            out[key].extend(claims)
            continue
        w = subject.split("-")
        if w and (w[0], w[-1]) in ends:
            out[THIS_WORK + key[len(subject):]].extend(claims)
    # "a 1996 film" is the first release, which is what an infobox's release field gives.
    for key in [k for k in out if "scope=first" in k]:
        out[_first_scope().sub("", key).replace("[]", "")].extend(out[key])
    for key in [k for k in out if "[region=" in k and "," not in k]:
        out[key[: key.index("[")] + _REGIONAL].extend(out[key])
    return out


@functools.cache
def _first_scope() -> regex.Pattern[str]:
    return _lazyre.compile(r"(?<=\[)scope=first,|,?scope=first(?=[,\]])")


def _words(name: str) -> list[str]:
    return [w for w in _non_word().split(name.casefold().replace("'", "").replace("’", "")) if w]


@functools.cache
def _non_word() -> regex.Pattern[str]:
    return _lazyre.compile(r"[^\w]+")


def _lead_end(text: str, body_start: int) -> int:
    """Where the lead (the prose before the first section heading) ends."""
    m = _heading().search(text, body_start)
    return len(text) if m is None else m.start()


@functools.cache
def _heading() -> regex.Pattern[str]:
    return _lazyre.compile(r"^=[^\n]*=[^\S\n]*$", regex.MULTILINE)
