"""The review file: a person's decision on each finding, kept in the repository."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import Field, field_validator

from .common import SCHEMA_VERSION, Model

Decision = Literal["accepted", "dismissed"]


class ReviewEntry(Model):
    """One reviewed finding; reads on its own (code, message, evidence at review time)."""

    document: str = Field(
        min_length=1, description="Document path relative to the review file's directory (POSIX)."
    )
    fingerprint: str = Field(min_length=8, description="The finding's content fingerprint.")
    decision: Decision = Field(
        description="accepted: a real problem knowingly left for now; dismissed: a false positive."
    )
    reason: str = Field(min_length=1, description="Why; required, so the file reads on its own.")
    reviewer: str = Field(min_length=1)
    date: dt.date = Field(description="Day of the decision (ISO 8601).")
    code: str = Field(pattern=r"^NLMG-[A-Z]\d{3}$", description="Rule code at review time.")
    message: str = Field(description="The finding's message at review time.")
    evidence: list[str] = Field(default_factory=list, description="Quoted evidence at review time.")

    @field_validator("reason", "reviewer")
    @classmethod
    def _not_blank(cls, v: str) -> str:
        if not v.strip():
            raise ValueError("must not be blank")
        return v.strip()

    @property
    def key(self) -> tuple[str, str]:
        return (self.document, self.fingerprint)


class ReviewFile(Model):
    """``nlmg-facts.review.json``: one entry per reviewed finding, sorted by document, code, fingerprint."""

    schema_version: str = SCHEMA_VERSION
    reviews: list[ReviewEntry] = Field(default_factory=list)

    def sorted(self) -> "ReviewFile":
        """Entries deduplicated by (document, fingerprint), last wins, in a stable order."""
        latest = {e.key: e for e in self.reviews}
        ordered = sorted(latest.values(), key=lambda e: (e.document, e.code, e.fingerprint))
        return ReviewFile(schema_version=self.schema_version, reviews=ordered)
