"""Findings and reports: what ``nlmg-facts check`` says about documents."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from .common import SCHEMA_VERSION, Model, Severity, Span


class Evidence(Model):
    """One quoted span supporting a finding."""

    span: Span
    role: str = Field(description="claim, conflicting claim, citation, context, ...")
    text: str = Field(description="The quoted text, document.text[span.start:span.end].")
    line: int | None = Field(None, description="1-based line of start, filled at report time.")
    column: int | None = Field(None, description="1-based column of start, filled at report time.")
    end_line: int | None = Field(None, description="1-based line of end, filled at report time.")
    end_column: int | None = Field(
        None, description="1-based column just past the end (exclusive), filled at report time."
    )
    context: str | None = Field(
        None, description="The sentence around the span (clipped), filled at report time."
    )


class Suppression(Model):
    """A reviewed finding: kept in the report, does not fail the run."""

    status: Literal["accepted", "dismissed"]
    reason: str
    reviewer: str | None = None
    date: str | None = None


class Finding(Model):
    code: str = Field(pattern=r"^NLMG-[A-Z]\d{3}$")
    name: str
    severity: Severity
    message: str
    hint: str
    evidence: list[Evidence] = Field(min_length=1)
    claims: list[str] = Field(default_factory=list, description="Ids of the claims involved.")
    citations: list[str] = Field(default_factory=list, description="Ids of the citations involved.")
    fingerprint: str = Field(description="Content hash, stable when unrelated text moves.")
    suppression: Suppression | None = None

    @property
    def start(self) -> int:
        return self.evidence[0].span.start


class StaleReview(Model):
    """A review entry that no longer matches any finding (``review --prune`` drops it)."""

    fingerprint: str
    code: str
    message: str
    decision: str


class InternalError(Model):
    """A stage or rule that crashed on a document: reported, never silent (exit code 3)."""

    stage: str = Field(description="ingest, extract, cite, check or report.")
    rule: str | None = Field(None, description="The rule code, when a rule crashed.")
    message: str = Field(description="Exception type and message, one line.")


class RuleInfo(Model):
    """A rule that ran, with the severity it had after configuration."""

    code: str
    name: str
    severity: Severity
    family: str
    summary: str


class Summary(Model):
    """Counts; errors, warnings and infos count the findings that are not suppressed."""

    documents: int = 0
    findings: int = Field(0, description="Every finding, suppressed or not.")
    errors: int = 0
    warnings: int = 0
    infos: int = 0
    suppressed: int = 0
    stale: int = 0
    unreadable: int = 0
    internal_errors: int = Field(0, description="Rules or stages that crashed (exit code 3).")
    baseline: int = Field(
        0, description="Findings left out because they were already there at --baseline-commit."
    )


class DocumentReport(Model):
    path: str = Field(description="The path as given on the command line, for people.")
    uri: str = Field(
        "", description="POSIX path relative to the project root (SARIF, annotations, fingerprints)."
    )
    ok: bool = Field(True, description="False when the document could not be read or checked.")
    error: str | None = Field(None, description="One-line reason when ok is false.")
    claims: int = 0
    citations: int = 0
    findings: list[Finding] = Field(default_factory=list)
    internal_errors: list[InternalError] = Field(default_factory=list)
    stale_reviews: list[StaleReview] = Field(default_factory=list)
    baseline_hidden: int = Field(
        0, description="Findings left out because they were already there at --baseline-commit."
    )
    summary: Summary = Field(default_factory=Summary)


class Report(Model):
    schema_version: str = SCHEMA_VERSION
    tool: str = "nlmg-facts"
    version: str
    rules: list[RuleInfo] = Field(default_factory=list, description="The rules that ran.")
    documents: list[DocumentReport]
    summary: Summary
