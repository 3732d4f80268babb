"""Date rules (NLMG-D): one fact given two dates, and events out of their natural order."""

from __future__ import annotations

import datetime as dt
from bisect import bisect_left, bisect_right
from typing import Iterator

import regex

from .. import _lazyre
from ..models import Severity
from ..models.claims import DateClaim
from .compare import (
    upper_first,
    conflict_hits,
    date_interval,
    date_ordinal_interval,
    describe_attribute,
    find_cues,
    has_role,
    in_list,
    is_home_media,
    qualifier,
    related_scope_hits,
    superseded,
    where,
)
from .context import RuleContext
from .registry import Hit, rule

#: An opening weekend starts on the release day or up to this many days later
#: (a Wednesday or Thursday release opens into the Friday-Sunday weekend).
OPENING_WEEKEND_LAG_DAYS = 3


def _dates(ctx: RuleContext) -> list[DateClaim]:
    return [c for c in ctx.claims if c.kind == "date" and c.value.resolved]  # type: ignore[union-attr]


def _iv(c: DateClaim):
    return date_ordinal_interval(c.value)


def _iso(c: DateClaim) -> str:
    return c.value.iso


def _current(ctx: RuleContext, claims: list[DateClaim]) -> list[DateClaim]:
    """Claims that state a fact as it is (not a plan the text says was changed)."""
    return [c for c in claims if not superseded(ctx, c)]


def _region(c) -> str | None:
    return qualifier(c.attribute, "region")


def _is_theatrical_release(c) -> bool:
    return has_role(c.attribute, "release") and not is_home_media(c.attribute)


def _is_opening_weekend(c) -> bool:
    return has_role(c.attribute, "opening_weekend") or in_list(
        qualifier(c.attribute, "period"), "opening_periods"
    )


@rule("NLMG-D001", "date-conflict", Severity.ERROR)
def date_conflict(ctx: RuleContext) -> Iterator[Hit]:
    """Two dates for the same fact that cannot both hold.

    **What it does**
    Groups date claims by attribute key (subject, event, qualifiers such as
    region and medium) and flags dates whose ranges do not overlap, honouring
    precision: "September 2010" agrees with "15 September 2010". Dates the
    text marks as superseded ("originally scheduled for", the old value of a
    "moved up to") are left to NLMG-D005. Claims whose medium scopes differ
    but overlap (DVD vs DVD and Blu-ray) are compared at a lower severity.
    Unknown attributes never conflict.

    **Why it matters**
    A release date given two ways is wrong at least once; readers and
    downstream databases cannot tell which.

    **Example**
    Flagged:
        It opened on 14 January 2011 in the United Kingdom.
        The film was released in the United Kingdom on 11 February 2011.
    Corrected:
        It opened on 11 February 2011 in the United Kingdom.
        The film was released in the United Kingdom on 11 February 2011.
    """
    hint = "Check both dates against the sources cited for them and keep the one they support."
    dates: list[DateClaim] = []
    for claims in ctx.by_key.values():
        group = _current(ctx, [c for c in claims if c.kind == "date" and c.value.resolved])
        dates.extend(group)
        if len(group) > 1:
            what = upper_first(describe_attribute(group[0].attribute))
            yield from conflict_hits(ctx, group, _iv, what, hint, _iso)
    yield from related_scope_hits(ctx, dates, _iv, hint, _iso, Severity.WARNING)


@rule("NLMG-D002", "premiere-after-release", Severity.ERROR)
def premiere_after_release(ctx: RuleContext) -> Iterator[Hit]:
    """A premiere dated after the release it should precede.

    **What it does**
    Compares the earliest premiere of a work with its theatrical releases: a
    premiere without a region must come no later than every release; a
    premiere in a region no later than the release in that region. Home-media
    releases and superseded dates are ignored; only resolved dates count.

    **Why it matters**
    A premiere is the first showing; a premiere dated after the general
    release means one of the two dates (or years) is wrong.

    **Example**
    Flagged:
        The film premiered at the Venice Film Festival on 2 September 2011.
        It was released in Italy on 12 August 2011.
    Corrected:
        The film premiered at the Venice Film Festival on 2 September 2011.
        It was released in Italy on 12 October 2011.
    """
    dates = _current(ctx, _dates(ctx))
    premieres = [c for c in dates if has_role(c.attribute, "premiere")]
    releases = [c for c in dates if _is_theatrical_release(c)]
    # Index releases by (subject, region) so each premiere meets only its own.
    earliest: dict[tuple[str, str | None], DateClaim] = {}
    for r in releases:
        for region in {_region(r), None}:
            k = (r.attribute.subject, region)
            if k not in earliest or r.value.end < earliest[k].value.end:  # type: ignore[operator]
                earliest[k] = r
    first_premiere: dict[tuple[str, str | None], DateClaim] = {}
    for p in premieres:
        k = (p.attribute.subject, _region(p))
        if k not in first_premiere or p.value.start < first_premiere[k].value.start:  # type: ignore[operator]
            first_premiere[k] = p
    for k, p in first_premiere.items():
        r = earliest.get(k)
        if r is None or p.value.start <= r.value.end:  # type: ignore[operator]
            continue
        yield Hit(
            message=(
                f"Premiere dated {p.text} here, after the {describe_attribute(r.attribute)} "
                f"on {r.text} {where(ctx, r)}"
            ),
            hint="A premiere precedes the release: check the year and day of both dates.",
            evidence=[ctx.claim_evidence(p, "claim"), ctx.claim_evidence(r, "conflicting claim")],
            claims=[p.id, r.id],
            key=(p.attribute.key, r.attribute.key, _iso(p), _iso(r)),
        )


@rule("NLMG-D003", "home-media-before-theatrical", Severity.ERROR)
def home_media_before_theatrical(ctx: RuleContext) -> Iterator[Hit]:
    """A DVD, Blu-ray or streaming release dated before the theatrical release.

    **What it does**
    Finds releases whose medium is home media (DVD, Blu-ray, video, streaming)
    and compares each with the earliest theatrical release of the same work
    in the same region (or with no region stated on either side). Flags it
    when the home-media release ends before the theatrical one starts.

    **Why it matters**
    Films reach home media months after cinemas; a DVD dated first usually
    means a wrong year or a swapped region.

    **Example**
    Flagged:
        The film was released in cinemas in the United States on 15 September 2010.
        In the United States it was released on DVD on 1 February 2010.
    Corrected:
        The film was released in cinemas in the United States on 15 September 2010.
        In the United States it was released on DVD on 1 February 2011.
    """
    dates = _current(ctx, _dates(ctx))
    theatrical: dict[tuple[str, str | None], DateClaim] = {}
    for r in dates:
        if _is_theatrical_release(r):
            k = (r.attribute.subject, _region(r))
            if k not in theatrical or r.value.start < theatrical[k].value.start:  # type: ignore[operator]
                theatrical[k] = r
    for h in dates:
        if not (is_home_media(h.attribute) and (has_role(h.attribute, "release")
                                                or has_role(h.attribute, "home_media_release"))):
            continue
        t = theatrical.get((h.attribute.subject, _region(h)))
        if t is None or h.value.end >= t.value.start:  # type: ignore[operator]
            continue
        yield Hit(
            message=(
                f"Home-media release ({describe_attribute(h.attribute)}) dated {h.text} here, "
                f"before the theatrical release on {t.text} {where(ctx, t)}"
            ),
            hint="Home media follows the cinema release: check the year of both dates and their regions.",
            evidence=[ctx.claim_evidence(h, "claim"), ctx.claim_evidence(t, "conflicting claim")],
            claims=[h.id, t.id],
            key=(h.attribute.key, t.attribute.key, _iso(h), _iso(t)),
        )


@rule("NLMG-D004", "moved-date-wrong-direction", Severity.ERROR)
def moved_date_wrong_direction(ctx: RuleContext) -> Iterator[Hit]:
    """A date "moved up" that is not earlier (or "pushed back" that is not later).

    **What it does**
    In a sentence that says a date changed ("moved up", "brought forward",
    "pushed back", "postponed", "delayed"), takes the nearest resolved date
    before the cue as the old date and the first after it as the new one
    ("from X to Y" is read the same way) and checks the direction: moved up
    or brought forward must be earlier, pushed back or postponed later.

    **Why it matters**
    The direction word and the two dates contradict each other, so one of the
    three is wrong: often the day or the month of one date.

    **Example**
    Flagged:
        The release was scheduled for 1 October 2010,
        but the date was later moved up to 15 October.
    Corrected:
        The release was scheduled for 1 October 2010,
        but the date was later moved up to 15 September.
    """
    for index, claims in ctx.by_sentence.items():
        dates = sorted(
            (c for c in claims if c.kind == "date" and c.value.resolved),  # type: ignore[union-attr]
            key=lambda c: c.span.start,
        )
        if len(dates) < 2:
            continue
        sentence = ctx.doc.sentences[index].span
        text = ctx.doc.text[sentence.start : sentence.end]
        cues = [(m, "earlier") for m in find_cues("moved_earlier_cues", text)]
        cues += [(m, "later") for m in find_cues("moved_later_cues", text)]
        starts = [c.span.start for c in dates]
        # Dates never overlap one another, so their ends are in order too; bisect
        # instead of scanning every date for every cue (unsegmented input has many).
        ends = [c.span.end for c in dates]
        ordered = all(a <= b for a, b in zip(ends, ends[1:]))
        for m, direction in cues:
            at = sentence.start + m.start()
            if ordered:
                n_old = bisect_right(ends, at)
                first_new = bisect_left(starts, sentence.start + m.end())
                old = dates[n_old - 1 : n_old] if n_old else []
                new = dates[first_new : first_new + 2]
            else:
                old = [c for c in dates if c.span.end <= at]
                new = [c for c in dates if c.span.start >= sentence.start + m.end()]
            if not new:
                continue
            if len(new) >= 2 and not old:  # "moved up from X to Y"
                before, after = new[0], new[1]
            elif old:
                before, after = old[-1], new[0]
            else:
                continue
            b, a = date_interval(before.value), date_interval(after.value)
            wrong = a[0] >= b[1] if direction == "earlier" else a[1] <= b[0]  # type: ignore[index]
            if not wrong or (a == b and before.value.precision != "day"):
                continue
            word = m.group(0)
            yield Hit(
                message=(
                    f"Date said to be {word} from {before.text} to {after.text}, but the new date is "
                    f"{'not earlier' if direction == 'earlier' else 'not later'}"
                ),
                hint=(f"'{word}' means the new date is {direction} than the old one: "
                      "check both dates (day, month and the year inferred for them)."),
                evidence=[
                    ctx.claim_evidence(after, "claim"),
                    ctx.claim_evidence(before, "conflicting claim"),
                    ctx.evidence(type(after.span)(start=at, end=at + len(word)), "context"),
                ],
                claims=[before.id, after.id],
                key=(word.lower(), _iso(before), _iso(after)),
            )
            break  # one finding per sentence is enough


@rule("NLMG-D005", "opening-weekend-not-at-release", Severity.WARNING)
def opening_weekend_not_at_release(ctx: RuleContext) -> Iterator[Hit]:
    """An opening weekend that does not start at the release in that region.

    **What it does**
    Compares dates attached to an opening weekend with the theatrical release
    dates of the same work and region, both to the day: the weekend must
    start on the release day or within three days after it (a midweek
    release opens into the weekend). Each release date it contradicts is
    reported, so a wrong release date is pointed out by the weekend.

    **Why it matters**
    The opening weekend is the first weekend of release; a release weeks
    away from it means one of the dates is wrong.

    **Example**
    Flagged:
        It was released in the United Kingdom on 14 January 2011.
        Its opening weekend in the United Kingdom, 11-13 February 2011, earned £625,000.
    Corrected:
        It was released in the United Kingdom on 11 February 2011.
        Its opening weekend in the United Kingdom, 11-13 February 2011, earned £625,000.
    """
    dates = _current(ctx, _dates(ctx))
    weekends = [c for c in dates if _is_opening_weekend(c) and c.value.precision == "day"]
    if not weekends:
        return
    # Releases by (subject, region), then by their day range: a weekend is compared
    # with each distinct range once, not with every release (a long article repeats
    # the same release date many times).
    releases: dict[tuple[str, str | None], dict[tuple, list[tuple[int, DateClaim]]]] = {}
    for i, r in enumerate(dates):
        if _is_theatrical_release(r) and not _is_opening_weekend(r) and r.value.precision == "day":
            by_range = releases.setdefault((r.attribute.subject, _region(r)), {})
            by_range.setdefault((r.value.start, r.value.end), []).append((i, r))
    lag = dt.timedelta(days=OPENING_WEEKEND_LAG_DAYS)
    for w in weekends:
        clashing = [
            ir
            for (start, end), group in releases.get((w.attribute.subject, _region(w)), {}).items()
            if not start <= w.value.start <= end + lag  # type: ignore[operator]
            for ir in group
        ]
        for _, r in sorted(clashing, key=lambda ir: ir[0]):  # in text order, as before
            yield Hit(
                message=(
                    f"{upper_first(describe_attribute(r.attribute))} given as {r.text} here, but the opening "
                    f"weekend is {w.text} {where(ctx, w)}: an opening weekend starts on the release "
                    f"day or up to {OPENING_WEEKEND_LAG_DAYS} days after it"
                ),
                hint="Check the release date in that region and the dates of the opening weekend.",
                evidence=[ctx.claim_evidence(r, "claim"), ctx.claim_evidence(w, "conflicting claim")],
                claims=[r.id, w.id],
                key=(r.attribute.key, _iso(r), _iso(w)),
            )


#: How far (in months) a festival date may fall from the calendar's usual month:
#: festivals straddle month ends (Venice opens in late August) and ceremonies
#: move over the decades (BAFTA was held in April until 2000, BIFA in October).
SEASON_TOLERANCE_MONTHS = 2


@rule("NLMG-D006", "festival-date-out-of-season", Severity.WARNING)
def festival_date_out_of_season(ctx: RuleContext) -> Iterator[Hit]:
    """A festival or award edition dated in a month it is not held in.

    **What it does**
    For a festival mention with a date attached in the same clause ("the 37th
    annual Telluride Film Festival in March 2010"), compares the date's
    months with the month the calendar says the event is usually held, and
    flags dates more than two months away. Named years ("the 2010 Venice Film
    Festival") and events without a usual month are not checked.

    **Why it matters**
    Festivals keep their season; a festival screening in the wrong month
    usually means a wrong month in the date, or the wrong festival.

    **Example**
    Flagged:
        The film premiered at the 37th annual Telluride Film Festival in March 2010.
    Corrected:
        The film premiered at the 37th annual Telluride Film Festival in September 2010.
    """
    from .festivals import festival_mentions

    for m in festival_mentions(ctx):
        date, event = m.date, m.event
        month = getattr(event, "month", None)
        if date is None or month is None or date.value.precision not in ("day", "month"):
            continue
        start, end = date.value.start, date.value.end
        months = {start.month, end.month}
        # Circular distance between months (December is next to January).
        nearest = min(min(abs(mo - month), 12 - abs(mo - month)) for mo in months)
        if nearest <= SEASON_TOLERANCE_MONTHS:
            continue
        usual = dt.date(2000, month, 1).strftime("%B")
        yield Hit(
            message=f"{m.name} dated {date.text}, but {event.name} is usually held in {usual}",  # type: ignore[attr-defined]
            hint="Check the month of the date and which festival (or which edition) is meant.",
            evidence=[ctx.claim_evidence(date, "claim"), ctx.evidence(m.span, "context")],
            claims=[date.id, m.claim],
            key=(m.key, date.value.iso),
        )


_RUN_START = _lazyre.lazy_compile(r"\b(?:began|begins|begun|opened|opens|started|starts|kicked\s+off|commenced)\b", regex.IGNORECASE)


@rule("NLMG-D007", "festival-date-outside-run", Severity.ERROR)
def festival_date_outside_run(ctx: RuleContext) -> Iterator[Hit]:
    """A screening at a festival dated outside the run the text gives that festival.

    **What it does**
    Takes the dates the text gives a festival's own run ("The festival began
    on 3 September 2010", "the festival ran 2-12 September 2010") and compares
    them with the dates of the work's premiere, screening or opening at that
    festival: a date before the festival began, or outside a stated range, is
    flagged.

    **Why it matters**
    A film cannot be shown at a festival before the festival opens; one of
    the two dates is wrong.

    **Example**
    Flagged:
        The film premiered at the Telluride Film Festival on 1 September 2010.
        The festival began on 3 September 2010.
    Corrected:
        The film premiered at the Telluride Film Festival on 4 September 2010.
        The festival began on 3 September 2010.
    """
    dates = _current(ctx, _dates(ctx))
    runs: dict[str, list[DateClaim]] = {}
    for c in dates:
        if c.attribute.event == "festival-run" and qualifier(c.attribute, "festival"):
            runs.setdefault(qualifier(c.attribute, "festival"), []).append(c)  # type: ignore[arg-type]
    if not runs:
        return
    # Whether the text says a run "began" on its date: once per run, not per screening.
    began: dict[str, bool] = {}
    for group in runs.values():
        for run in group:
            sentence = ctx.doc.sentences[run.sentence].span
            began[run.id] = bool(_RUN_START.search(ctx.doc.text, sentence.start, run.span.start))
    for c in dates:
        festival = qualifier(c.attribute, "festival")
        if c.attribute.event == "festival-run" or festival not in runs:
            continue
        for run in runs[festival]:
            started = began[run.id]
            if run.value.is_range or run.value.start != run.value.end:
                outside = c.value.end < run.value.start or c.value.start > run.value.end  # type: ignore[operator]
            else:
                outside = started and c.value.end < run.value.start  # type: ignore[operator]
            if not outside:
                continue
            yield Hit(
                message=(
                    f"{upper_first(describe_attribute(c.attribute))} dated {c.text} here, outside the "
                    f"festival's run given as {'beginning ' if started else ''}{run.text} {where(ctx, run)}"
                ),
                hint="Check the day and month of the screening and of the festival's dates.",
                evidence=[ctx.claim_evidence(c, "claim"), ctx.claim_evidence(run, "conflicting claim")],
                claims=[c.id, run.id],
                key=(c.attribute.key, _iso(c), _iso(run)),
            )
            break
