"""Interval comparison shared by the claim rules: when can two stated values both hold?

Values are intervals (see ``models.claims``): "September 2010" is 1-30
September, "over US$111,000" starts at 111,000, "US$9.5 million" is 9.45 to
9.55 million. Two values *agree* when their intervals intersect and *conflict*
when they are disjoint. Groups of claims are compared by sorting their
intervals and sweeping once (never all pairs), so a key group of n claims
costs O(n log n).
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import math
from dataclasses import dataclass
from importlib import resources
from typing import TYPE_CHECKING, Callable, Generic, Iterable, Iterator, Sequence, TypeVar

import regex

from .. import _lazyre
from ..models import Attribute, Quantity
from ..models.claims import DateValue

if TYPE_CHECKING:  # pragma: no cover
    from ..models import Claim, Severity
    from .context import RuleContext
    from .registry import Hit

T = TypeVar("T")
Interval = tuple[float, float]

# ------------------------------------------------------------------ quantities

#: How far an open-ended qualifier may reach when the extractor left the bound
#: open (infinite): "over X" rarely means more than a few per cent over X in
#: encyclopedic prose, because the writer would have given a higher round
#: figure. Relative to the stated value; generous on purpose (precision first).
OPEN_BOUND_SLACK = 0.10

#: Relative rounding noise allowed on top of every interval in arithmetic
#: (products and ratios of rounded figures drift by a fraction of a per cent).
ARITHMETIC_SLACK = 0.005


def quantity_interval(q: Quantity) -> Interval:
    """The ``[low, high]`` a stated quantity allows, with open bounds capped."""
    low, high = q.low, q.high
    if low > high:  # defensive: a malformed value must not make everything conflict
        low, high = high, low
    scale = abs(q.stated) or 1.0
    if not math.isfinite(high):
        high = max(q.stated, low) + OPEN_BOUND_SLACK * scale
    if not math.isfinite(low):
        low = min(q.stated, high) - OPEN_BOUND_SLACK * scale
    return low, high


def widen(iv: Interval, rel: float = ARITHMETIC_SLACK) -> Interval:
    """An interval widened by a relative margin on both sides."""
    lo, hi = iv
    return lo - abs(lo) * rel, hi + abs(hi) * rel


def overlaps(a: Interval, b: Interval) -> bool:
    """True when two closed intervals share at least one point."""
    return a[0] <= b[1] and b[0] <= a[1]


def intersection(intervals: Iterable[Interval]) -> Interval | None:
    """The common part of intervals, or None when they cannot all hold."""
    lo, hi = -math.inf, math.inf
    for a, b in intervals:
        lo, hi = max(lo, a), min(hi, b)
    return (lo, hi) if lo <= hi else None


def product(a: Interval, b: Interval) -> Interval:
    """Interval product for non-negative quantities."""
    return a[0] * b[0], a[1] * b[1]


def ratio(a: Interval, b: Interval) -> Interval | None:
    """``a / b`` for positive intervals; None when ``b`` may be zero."""
    if b[0] <= 0:
        return None
    return a[0] / b[1], a[1] / b[0]


def format_number(x: float) -> str:
    """12,345 or 1.23 million: the scale a reader expects in a message."""
    if abs(x) >= 1_000_000:
        return f"{x / 1_000_000:,.2f} million"
    if abs(x - round(x)) < 1e-6:
        return f"{round(x):,}"
    return f"{x:,.2f}"


# ----------------------------------------------------------------------- dates

def date_interval(v: DateValue) -> tuple[dt.date, dt.date] | None:
    """The inclusive day range of a resolved date; None for unresolved ones."""
    if v.start is None or v.end is None:
        return None
    return (v.start, v.end) if v.start <= v.end else (v.end, v.start)


def date_ordinal_interval(v: DateValue) -> Interval | None:
    """A date range as day ordinals, so dates share the numeric helpers."""
    iv = date_interval(v)
    return None if iv is None else (float(iv[0].toordinal()), float(iv[1].toordinal()))


# -------------------------------------------------------------- grouping sweep

@dataclass(frozen=True, slots=True)
class Cluster(Generic[T]):
    """Items whose intervals all share a common part (``common``)."""

    items: tuple[T, ...]
    common: Interval


def clusters(items: Sequence[T], interval: Callable[[T], Interval | None]) -> list[Cluster[T]]:
    """Split items into runs whose intervals can all hold together.

    Sorted by lower bound, then swept once: an item joins the current run while
    the run's running intersection stays non-empty. One run means the group is
    consistent; each boundary between runs is a conflict between neighbours.
    Items without an interval are left out.
    """
    keyed = [(iv, it) for it in items if (iv := interval(it)) is not None]
    keyed.sort(key=lambda p: (p[0][0], p[0][1]))
    out: list[Cluster[T]] = []
    run: list[T] = []
    lo = hi = 0.0
    for iv, it in keyed:
        if run and iv[0] <= hi:
            run.append(it)
            lo, hi = max(lo, iv[0]), min(hi, iv[1])
            continue
        if run:
            out.append(Cluster(tuple(run), (lo, hi)))
        run, (lo, hi) = [it], iv
    if run:
        out.append(Cluster(tuple(run), (lo, hi)))
    return out


# ------------------------------------------------------------------ attributes

def upper_first(text: str) -> str:
    """'release (GB)' -> 'Release (GB)' (str.capitalize would lower the rest)."""
    return text[:1].upper() + text[1:]


def where(ctx: "RuleContext", item) -> str:
    """Where a claim (or anything with a span) is, as a message gives it: ``at line:col``."""
    return f"at {ctx.at(item.span.start)}"


def describe_attribute(attr: Attribute) -> str:
    """'release (region=gb)' -> 'release (gb)': what the claims are about, for messages."""
    event = attr.event.replace("-", " ").replace("_", " ")
    quals = [v.replace("-", " ") for _, v in sorted(attr.qualifiers.items()) if v]
    subject = "" if attr.subject == "this-work" else f"{attr.subject_text or attr.subject}: "
    return subject + event + (f" ({', '.join(quals)})" if quals else "")


_SCOPE_SPLIT = _lazyre.lazy_compile(r"\s*(?:\+|/|&|,|\band\b|\bor\b)\s*|-and-", regex.IGNORECASE)

#: Qualifiers whose values may name a set of scopes ("dvd+blu-ray").
SET_QUALIFIERS = ("medium",)


def scope_set(value: str) -> frozenset[str]:
    """'dvd+blu-ray' / 'DVD and Blu-ray' -> {'dvd', 'blu-ray'}."""
    return frozenset(p.strip().lower() for p in _SCOPE_SPLIT.split(value) if p and p.strip())


def key_without(attr: Attribute, names: Iterable[str]) -> str:
    """The attribute key with some qualifiers dropped (for related-scope groups)."""
    drop = set(names)
    quals = {k: v for k, v in attr.qualifiers.items() if k not in drop}
    return Attribute(subject=attr.subject, event=attr.event, qualifiers=quals).key


def related_scopes(a: str | None, b: str | None) -> bool:
    """Two different set-valued qualifiers that overlap: DVD vs DVD and Blu-ray."""
    if not a or not b or a == b:
        return False
    sa, sb = scope_set(a), scope_set(b)
    return bool(sa & sb) and sa != sb


# --------------------------------------------------------------------- lexicon

@functools.cache
def lexicon() -> dict:
    """The rules' word lists and attribute vocabulary (data/rule_lexicon.json)."""
    raw = resources.files("nlmg_facts.data").joinpath("rule_lexicon.json").read_text("utf-8")
    return json.loads(raw)


@functools.cache
def _cue_pattern(name: str) -> regex.Pattern[str]:
    words = sorted(lexicon()[name], key=len, reverse=True)
    alternatives = "|".join(regex.escape(w).replace(r"\ ", r"\s+") for w in words)
    return _lazyre.compile(rf"\b(?:{alternatives})\b", regex.IGNORECASE)


def find_cues(name: str, text: str) -> list[regex.Match[str]]:
    """Every occurrence of one of the lexicon's cue phrases in ``text``."""
    return list(_cue_pattern(name).finditer(text))


def has_cue(name: str, text: str) -> bool:
    """``bool(find_cues(name, text))``, stopping at the first occurrence."""
    return _cue_pattern(name).search(text) is not None


def has_role(attr: Attribute, role: str) -> bool:
    """True when the attribute's event is one of the lexicon's names for ``role``."""
    return attr.event in lexicon()["events"][role]


def qualifier(attr: Attribute, name: str) -> str | None:
    value = attr.qualifiers.get(name)
    return value.lower() if value else None


def in_list(value: str | None, list_name: str) -> bool:
    return value is not None and value.lower() in lexicon()[list_name]


def is_home_media(attr: Attribute) -> bool:
    """A DVD / Blu-ray / streaming release rather than a theatrical one."""
    if has_role(attr, "home_media_release"):
        return True
    medium = qualifier(attr, "medium")
    return medium is not None and (
        medium in lexicon()["home_media"] or bool(scope_set(medium) & set(lexicon()["home_media"]))
    )


# ------------------------------------------------------------ conflict findings

def conflict_hits(
    ctx: "RuleContext",
    claims: Sequence["Claim"],
    interval: Callable[["Claim"], Interval | None],
    what: str,
    hint: str,
    normal: Callable[["Claim"], str],
    severity: "Severity | None" = None,
    why: str = "",
) -> Iterator["Hit"]:
    """One hit per boundary between runs of mutually compatible claims.

    Of each pair of neighbouring runs, the claim with the lowest upper bound
    on the left and the one with the lowest lower bound on the right are
    quoted: those two are certainly disjoint.
    """
    from .registry import Hit

    runs = clusters(restatements(claims, interval), interval)
    for left, right in zip(runs, runs[1:]):
        a = min(left.items, key=lambda c: interval(c)[1])  # type: ignore[index]
        b = right.items[0]
        first, second = sorted((a, b), key=lambda c: c.span.start)
        involved = sorted({c.id for c in (*left.items, *right.items)})
        yield Hit(
            message=(
                f"{what} given as {first.text} here and as {second.text} "
                f"{where(ctx, second)}" + (f" ({why})" if why else "")
            ),
            hint=hint,
            evidence=[
                ctx.claim_evidence(first, "claim"),
                ctx.claim_evidence(second, "conflicting claim"),
            ],
            claims=involved,
            key=(first.attribute.key, *sorted({normal(first), normal(second)})),
            severity=severity,
        )


def restatements(claims: Sequence["Claim"], interval: Callable[["Claim"], Interval | None]) -> list["Claim"]:
    """Claims that can be restatements of one fact: a sentence giving one key two
    values that cannot both hold is listing or ranging ("$27,445 to the Coast
    Guard and $9,109 to the police", "from 200 to 800 billion"), not restating,
    so its claims are left out of the comparison.
    """
    by_sentence: dict[int, list["Claim"]] = {}
    for c in claims:
        by_sentence.setdefault(c.sentence, []).append(c)
    keep: list["Claim"] = []
    for group in by_sentence.values():
        if len(group) == 1 or intersection(iv for c in group if (iv := interval(c))) is not None:
            keep.extend(group)
    return keep


_CLAUSE_BREAK = _lazyre.lazy_compile(r"[;:]|,\s+(?:but|and|while|although|whereas)\b")


def superseded(ctx: "RuleContext", claim: "Claim") -> bool:
    """The text itself sets the value apart from the fact it seems to restate.

    Either it was replaced ('originally scheduled for ...', the old date of a
    'moved up to ...'; NLMG-D004 checks the direction of such changes) or it
    belongs to a later occurrence ('re-released ... for its 20th anniversary').
    Most rules ask this of every claim they group, so the answer is kept per
    document (claim ids are unique within one).
    """
    return ctx.memo(("superseded", claim.id), lambda: _superseded(ctx, claim))


#: How far ``superseded`` reads either side of a claim within its sentence. Real
#: sentences are far shorter; the bound keeps unsegmented input (a megabyte with no
#: full stop is one "sentence") linear instead of quadratic in its claims.
SENTENCE_REACH = 1000


def _superseded(ctx: "RuleContext", claim: "Claim") -> bool:
    sentence = ctx.doc.sentences[claim.sentence]
    lo = max(sentence.span.start, claim.span.start - SENTENCE_REACH)
    before = ctx.doc.text[lo : claim.span.start]
    # Only the clause holding the claim: a cue in an earlier clause is about something else.
    clause = _CLAUSE_BREAK.split(before)[-1]
    if has_cue("superseded_cues", clause) or has_cue("repeat_cues", clause):
        return True
    # The old value of a change: a "moved up" / "pushed back" follows it in the sentence.
    hi = min(sentence.span.end, claim.span.end + SENTENCE_REACH)
    after = ctx.doc.text[claim.span.end : hi]
    return has_cue("moved_earlier_cues", after) or has_cue("moved_later_cues", after)


def related_scope_hits(
    ctx: "RuleContext",
    claims: Sequence["Claim"],
    interval: Callable[["Claim"], Interval | None],
    hint: str,
    normal: Callable[["Claim"], str],
    severity: "Severity",
    nested_severity: "Severity | None" = None,
) -> Iterator["Hit"]:
    """Conflicts between claims whose keys differ only by related set-valued
    qualifiers (DVD vs DVD and Blu-ray), at a lowered severity with the reason.

    Claims are grouped by the key without those qualifiers, then by qualifier
    value; only buckets that are consistent on their own are compared (a
    bucket's own conflicts are reported at full severity by the exact-key pass).
    The number of distinct scope values in a group is tiny, so comparing
    buckets pairwise stays linear in the number of claims.

    With ``nested_severity`` (for amounts), a figure for the narrower scope that
    is smaller than the figure for the wider one (DVD revenue below DVD and
    Blu-ray revenue) can be a part of it; it is reported at that severity.
    """
    from .registry import Hit

    by_key: dict[str, list["Claim"]] = {}
    for c in claims:
        by_key.setdefault(c.attribute.key, []).append(c)
    kept = [c for group in by_key.values() for c in restatements(group, interval)]
    groups: dict[str, dict[str, list["Claim"]]] = {}
    for c in kept:
        for name in SET_QUALIFIERS:
            value = qualifier(c.attribute, name)
            if value:
                base = key_without(c.attribute, [name])
                groups.setdefault(f"{name}|{base}", {}).setdefault(value, []).append(c)
    for gkey, buckets in groups.items():
        name = gkey.split("|", 1)[0]
        summary = {v: intersection(iv for c in cs if (iv := interval(c))) for v, cs in buckets.items()}
        values = sorted(v for v, common in summary.items() if common is not None)
        for i, va in enumerate(values):
            for vb in values[i + 1 :]:
                if not related_scopes(va, vb) or overlaps(summary[va], summary[vb]):  # type: ignore[arg-type]
                    continue
                a = min(buckets[va], key=lambda c: c.span.start)
                b = min(buckets[vb], key=lambda c: c.span.start)
                first, second = sorted((a, b), key=lambda c: c.span.start)
                sa, sb = scope_set(va), scope_set(vb)
                narrow, wide = (va, vb) if sa < sb else (vb, va) if sb < sa else (None, None)
                nested = (nested_severity is not None and narrow is not None
                          and summary[narrow][1] < summary[wide][0])  # type: ignore[index]
                level = nested_severity if nested and nested_severity is not None else severity
                reason = (
                    f"{narrow} is part of {wide}, so the smaller figure may be that part; say so if it is"
                    if nested else f"the {name} scopes differ but overlap, so check whether both figures can hold"
                )
                what = describe_attribute(
                    Attribute(subject=a.attribute.subject, subject_text=a.attribute.subject_text,
                              event=a.attribute.event,
                              qualifiers={k: v for k, v in a.attribute.qualifiers.items() if k != name})
                )
                yield Hit(
                    message=(
                        f"{upper_first(what)} given as {first.text} ({qualifier(first.attribute, name)}) here and as "
                        f"{second.text} ({qualifier(second.attribute, name)}) {where(ctx, second)}; "
                        + reason
                    ),
                    hint=hint,
                    evidence=[
                        ctx.claim_evidence(first, "claim"),
                        ctx.claim_evidence(second, "conflicting claim"),
                    ],
                    claims=sorted({c.id for c in (*buckets[va], *buckets[vb])}),
                    key=(gkey, va, vb, normal(first), normal(second)),
                    severity=level,
                )


# ------------------------------------------------------- arithmetic tolerance

_NUMERAL = _lazyre.lazy_compile(
    r"""
    (?P<digits>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)   # 44,911 / 9.5 / 163
    (?:\s*(?P<scale>thousand|million|billion|trillion|bn|m|k)\b)?  # scale word or abbreviation
    """,
    regex.VERBOSE | regex.IGNORECASE,
)
#: Scale words of figures, as multipliers (also used to write sums back in their scale).
SCALE = {"thousand": 1e3, "k": 1e3, "million": 1e6, "m": 1e6, "billion": 1e9, "bn": 1e9, "trillion": 1e12}

#: One-sided qualifiers that mark a truncated figure: "over US$111,700" is
#: 111,700 to 111,800, because a writer who knew 125,000 would not write it so.
_TRUNCATING = {"over", "slightly over", "more than", "nearly", "almost", "just under",
               "under", "less than", "just over", "slightly under"}
_BELOW = {"nearly", "almost", "just under", "under", "less than", "slightly under"}


def last_digit_unit(text: str) -> float | None:
    """The value of one unit in the last stated digit: 'US$9.5 million' -> 100,000,
    '111,700' -> 100, '4' -> 1; None when the number is written in words."""
    m = _NUMERAL.search(text)
    if m is None:
        return None
    digits = m.group("digits").replace(",", "")
    scale = SCALE.get((m.group("scale") or "").lower(), 1.0)
    if "." in digits:
        return 10 ** -len(digits.split(".", 1)[1]) * scale
    zeros = len(digits) - len(digits.rstrip("0"))
    return 10**zeros * scale if digits.strip("0") else scale


def arithmetic_interval(claim: "Claim") -> Interval:
    """The range to use when a figure enters a product, sum or ratio.

    The extracted interval, narrowed for truncating qualifiers to one unit of
    the last stated digit ("over US$111,700" -> 111,700..111,800; "nearly
    90 per cent" -> 80..90 at most) and widened by the rounding slack.
    """
    q = claim.value  # type: ignore[union-attr]
    low, high = quantity_interval(q)
    qual = (q.qualifier or "").lower()
    unit = last_digit_unit(claim.text)
    if qual in _TRUNCATING and unit:
        if qual in _BELOW:
            low = max(low, q.stated - unit)
        else:
            high = min(high, q.stated + unit)
    return widen((low, high))
