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
    "date", "money", "ranking", "edition", "count", "percentage", "rating", "duration", "age"
]
CLAIM_KINDS: tuple[str, ...] = (
    "date", "money", "ranking", "edition", "count", "percentage", "rating", "duration", "age",
)

#: The subject id of the article's own subject, whatever its type (a film, a person, a club):
#: kept as "this-work" because reviewed findings' fingerprints are built from attribute keys.
THIS_WORK = "this-work"
ARTICLE = THIS_WORK
UNKNOWN = "unknown"

SubjectType = Literal["person", "organisation", "work", "place", "event", "other"]


class ArticleSubject(Model):
    """What the article is about, found from its title and opening sentence.

    Claims about it have the subject id ``this-work``; ``names`` are the ways the
    text refers to it (full name, short forms such as the surname or "the club").
    """

    name: str = Field(description="The full name as the article gives it.")
    type: SubjectType
    subtype: str | None = Field(None, description="company, club, band, film, book, writer, ...")
    noun: str | None = Field(None, description="The head noun that typed it: 'footballer', 'football club'.")
    names: list[str] = Field(default_factory=list, description="Full name and short forms (surname, 'the club').")
    pronouns: list[str] = Field(default_factory=list, description="Pronouns that refer to it (he/his, it/its).")
    source: Literal["title", "opening-sentence", "title+opening-sentence"] = "opening-sentence"
    span: Span | None = Field(None, description="Where the name is given in the opening sentence.")


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


class AgeValue(Model):
    """A stated age in whole years ("at the age of 45", "aged 73", "died at 84")."""

    years: int = Field(ge=0)


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


class AgeClaim(_ClaimBase):
    kind: Literal["age"] = "age"
    value: AgeValue


Claim = Annotated[
    Union[
        DateClaim, MoneyClaim, RankingClaim, EditionClaim, CountClaim,
        PercentageClaim, RatingClaim, DurationClaim, AgeClaim,
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
    subject: ArticleSubject | None = Field(None, description="The article's own subject, when found.")
    claims: list[LocatedClaim]


class ClaimsReport(Model):
    """`nlmg-facts extract --format json` output: always one object, one entry per document."""

    schema_version: str = SCHEMA_VERSION
    tool: str = "nlmg-facts"
    documents: list[ClaimsDocument]
