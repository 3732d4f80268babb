"""Stated ages (NLMG-D008): an age must fit the person's birth date and the date it is stated for."""

from __future__ import annotations

import datetime as dt
from typing import Iterator

from ..models import Severity
from ..models.claims import AgeClaim, DateClaim
from .compare import where
from .context import RuleContext
from .registry import Hit, rule

#: Words saying an age is given at a death ("died at 84", "his death at the age of 73").
_DEATH_WORDS = ("died", "dies", "death", "passed away")


def _full_years(born: dt.date, at: dt.date) -> int:
    """Whole years from ``born`` to ``at`` (a birthday not yet reached that year does not count)."""
    return at.year - born.year - ((at.month, at.day) < (born.month, born.day))


def age_range(birth: DateClaim, at: DateClaim) -> tuple[int, int]:
    """The ages a person born within ``birth``'s interval can have within ``at``'s interval.

    Intervals carry the stated precision, so a birth year and an event year
    allow a one-year spread (born 1895, died 1969: 73 or 74).
    """
    b, a = birth.value, at.value
    return _full_years(b.end, a.start), _full_years(b.start, a.end)  # type: ignore[arg-type]


def _dates_by_key(ctx: RuleContext, key: str) -> list[DateClaim]:
    return [c for c in ctx.by_key.get(key, ()) if c.kind == "date" and c.value.resolved]  # type: ignore[union-attr]


def _reference(ctx: RuleContext, age: AgeClaim, subject: str) -> DateClaim | None:
    """The date an age is stated for: the subject's death when the age follows a death word
    ("died ... at the age of 74", "the year of his death at the age of 81"), else the nearest
    date of the subject in the sentence."""
    text = ctx.doc.text
    before = text[max(0, age.span.start - 120) : age.span.start].lower()
    if any(w in before for w in _DEATH_WORDS) or age.text.lower().startswith(("died", "dies", "death")):
        deaths = _dates_by_key(ctx, f"{subject}:death")
        if len(deaths) == 1 or (deaths and len({d.value.iso for d in deaths}) == 1):
            here = [d for d in deaths if d.sentence == age.sentence]
            return here[0] if here else deaths[0]
    same = [
        c for c in ctx.by_sentence.get(age.sentence, ())
        if c.kind == "date" and c.value.resolved and not c.value.is_range  # type: ignore[union-attr]
        and c.attribute.event != "birth" and c.attribute.subject == subject
    ]
    if same:
        return min(same, key=lambda c: abs(c.span.start - age.span.start))
    sentence = ctx.sentence_text(age.sentence).lower()
    if any(w in sentence for w in _DEATH_WORDS):
        deaths = _dates_by_key(ctx, f"{subject}:death")
        if len(deaths) == 1:
            return deaths[0]
    return None


@rule("NLMG-D008", "stated-age-mismatch", Severity.WARNING)
def stated_age_mismatch(ctx: RuleContext) -> Iterator[Hit]:
    """A stated age that the birth date and the date of the event do not give.

    **What it does**
    For each stated age ("at the age of 45", "aged 73", "died at 84") of a
    known subject with a birth date, takes the date the age is stated for
    (the nearest date of the same subject in the sentence, else the subject's
    death date when the sentence speaks of a death) and computes the ages the
    two dates allow, with their stated precision: a year alone allows a
    one-year spread. A stated age outside that range is flagged. Ages of
    someone other than the claim's subject, or with no birth date or no
    reference date, are not checked.

    **Why it matters**
    An age is arithmetic on two dates the article gives elsewhere; when it
    does not add up, the age or one of the dates is wrong.

    **Example**
    Flagged:
        Jane Doe (April 11, 1895 – June 20, 1969) was an English novelist.
        She died on June 20, 1969, at the age of 71.
    Corrected:
        Jane Doe (April 11, 1895 – June 20, 1969) was an English novelist.
        She died on June 20, 1969, at the age of 74.
    """
    hint = "Recompute the age from the birth date and the date of the event, and correct the age or the date."
    for claim in ctx.claims:
        if claim.kind != "age" or not claim.attribute.known:
            continue
        subject = claim.attribute.subject
        births = _dates_by_key(ctx, f"{subject}:birth")
        if not births:
            continue
        at = _reference(ctx, claim, subject)  # type: ignore[arg-type]
        if at is None:
            continue
        ranges = [(b, age_range(b, at)) for b in births]
        years = claim.value.years  # type: ignore[union-attr]
        if any(lo <= years <= hi for _, (lo, hi) in ranges):
            continue
        birth, (lo, hi) = ranges[0]
        allowed = f"{lo}" if lo == hi else f"{lo} or {hi}" if hi == lo + 1 else f"{lo} to {hi}"
        yield Hit(
            message=(
                f"Age {years} does not fit the birth date {birth.text} ({where(ctx, birth)}) and "
                f"the date {at.text} ({where(ctx, at)}), which give {allowed}"
            ),
            hint=hint,
            evidence=[
                ctx.claim_evidence(claim, "claim"),
                ctx.claim_evidence(birth, "birth date"),
                ctx.claim_evidence(at, "event date"),
            ],
            claims=sorted({claim.id, birth.id, at.id}),
            key=(subject, str(years), birth.value.iso, at.value.iso),  # type: ignore[union-attr]
        )
