"""Typed claims: one model per kind, a discriminated union on ``kind``.

Every value is an interval with the precision it was stated at: rules compare
ranges, and two claims conflict only when their ranges cannot both hold.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal, Union

from pydantic import Field, computed_field

from .common import SCHEMA_VERSION, Model, Span

ClaimKind = Literal[
    "date", "money", "ranking", "edition", "count", "percentage", "rating", "duration"
]
CLAIM_KINDS: tuple[str, ...] = (
    "date", "money", "ranking", "edition", "count", "percentage", "rating", "duration",
)

THIS_WORK = "this-work"
UNKNOWN = "unknown"


class Attribute(Model):
    """What a claim is about: subject, event or measure, and qualifiers.

    Two claims with the same ``key`` state the same fact, so their values must
    agree. ``event == "unknown"`` when no trigger could be found.
    """

    subject: str = Field(THIS_WORK, description="'this-work' or a slug of another work/entity.")
    subject_text: str | None = Field(None, description="Surface naming the other subject.")
    event: str = Field(UNKNOWN, description="Event or measure, e.g. release, budget, gross.")
    qualifiers: dict[str, str] = Field(
        default_factory=dict,
        description="region, medium, period, festival, edition, ... (sorted keys).",
    )
    evidence: list[Span] = Field(
        default_factory=list, description="Spans of the trigger words that decided it."
    )

    @computed_field  # type: ignore[prop-decorator]
    @property
    def key(self) -> str:
        quals = ",".join(f"{k}={v}" for k, v in sorted(self.qualifiers.items()))
        return f"{self.subject}:{self.event}" + (f"[{quals}]" if quals else "")

    @property
    def known(self) -> bool:
        return self.event != UNKNOWN


# --------------------------------------------------------------------- values

DatePrecision = Literal["day", "month", "year", "decade", "century"]


class RelativeDate(Model):
    """A date stated relative to another ("Seven years later", "That same month")."""

    expression: str = Field(description="Normalised relation: offset, same-month, previous-weekend, ago, ...")
    offset: str | None = Field(None, description="Signed ISO 8601 duration from the anchor, e.g. P7Y, -P3Y, -P1W.")
    anchor: str | None = Field(None, description="Id of the claim it is anchored to, if known.")


class DateValue(Model):
    """An inclusive day interval; ``start``/``end`` are None while unresolved."""

    start: dt.date | None
    end: dt.date | None
    precision: DatePrecision
    iso: str = Field(
        description="Reduced-precision ISO 8601 as stated: 2010, 2010-09, 2010-09-15, "
        "--09-15 (no year), ranges as a/b."
    )
    is_range: bool = False
    year_source: Literal["stated", "context", "anchor", "none"] = "stated"
    relative: RelativeDate | None = None

    @property
    def resolved(self) -> bool:
        return self.start is not None and self.end is not None


class Quantity(Model):
    """A stated number as an interval: qualifiers and stated precision widen it."""

    stated: float = Field(description="The number as written, scaled (9.5 million -> 9500000).")
    low: float
    high: float
    qualifier: str | None = Field(None, description="over, nearly, about, at least, ...")


class MoneyValue(Quantity):
    currency: str = Field(description="ISO 4217 code.")


class CountValue(Quantity):
    noun: str | None = Field(None, description="The counted noun, singular lower case.")


class PercentValue(Quantity):
    direction: Literal["increase", "decrease"] | None = None


class RankingValue(Model):
    rank: int = Field(ge=1)
    category: str | None = Field(None, description="place, best-selling, highest-grossing, number-one, ...")


class EditionValue(Model):
    number: int = Field(ge=1)
    event: str = Field(description="Normalised event name, e.g. 'london film festival'.")
    event_text: str = Field(description="The event name as written.")


class RatingValue(Model):
    score: float | None = None
    scale: float | None = None
    letter: str | None = Field(None, description="Letter grade such as C+.")
    normalized: float | None = Field(None, description="Score on a 0..1 scale when computable.")


class DurationValue(Model):
    unit: Literal["day", "week", "month", "year", "hour", "minute"]
    low: float
    high: float
    stated: str = Field(description="Amount as written: '2', 'four', 'a few'.")


# --------------------------------------------------------------------- claims

class _ClaimBase(Model):
    id: str = Field(description="Stable within one document: kind prefix + ordinal.")
    text: str = Field(description="Surface text, equal to document.text[span.start:span.end].")
    span: Span
    sentence: int = Field(description="Index of the containing sentence.")
    attribute: Attribute = Field(default_factory=Attribute)


class DateClaim(_ClaimBase):
    kind: Literal["date"] = "date"
    value: DateValue


class MoneyClaim(_ClaimBase):
    kind: Literal["money"] = "money"
    value: MoneyValue


class RankingClaim(_ClaimBase):
    kind: Literal["ranking"] = "ranking"
    value: RankingValue


class EditionClaim(_ClaimBase):
    kind: Literal["edition"] = "edition"
    value: EditionValue


class CountClaim(_ClaimBase):
    kind: Literal["count"] = "count"
    value: CountValue


class PercentageClaim(_ClaimBase):
    kind: Literal["percentage"] = "percentage"
    value: PercentValue


class RatingClaim(_ClaimBase):
    kind: Literal["rating"] = "rating"
    value: RatingValue


class DurationClaim(_ClaimBase):
    kind: Literal["duration"] = "duration"
    value: DurationValue


Claim = Annotated[
    Union[
        DateClaim, MoneyClaim, RankingClaim, EditionClaim, CountClaim,
        PercentageClaim, RatingClaim, DurationClaim,
    ],
    Field(discriminator="kind"),
]


class LocatedClaim(Model):
    """A claim with its 1-based line and column, for reports."""

    line: int
    column: int
    claim: Claim


class ClaimsDocument(Model):
    """One document's claims in ``nlmg-facts extract --format json``."""

    schema_version: str = SCHEMA_VERSION
    document: str
    claims: list[LocatedClaim]


class ClaimsReport(Model):
    """`nlmg-facts extract --format json` output: always one object, one entry per document."""

    schema_version: str = SCHEMA_VERSION
    tool: str = "nlmg-facts"
    documents: list[ClaimsDocument]
