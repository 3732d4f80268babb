"""The results of a check run, kept for the renderers that need whole documents.

Below both the pipeline (which fills them) and ``report/`` (which renders
them), so no report module imports the pipeline.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .models import Claim, Document, Report
from .models.citations import Citation, ClaimLink
from .models.findings import Finding, InternalError


@dataclass
class Analysis:
    """One document after every stage (the HTML page and benchmarks use it whole)."""

    path: str
    uri: str
    doc: Document | None = None
    claims: list[Claim] = field(default_factory=list)
    citations: list[Citation] = field(default_factory=list)
    links: list[ClaimLink] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    errors: list[InternalError] = field(default_factory=list)
    #: One-line reason the document could not be read or checked.
    failure: str | None = None
    #: ``line:col: ...`` problems that do not stop the check (inline comments naming no rule).
    warnings: list[str] = field(default_factory=list)


@dataclass
class CheckRun:
    report: Report
    #: Filled only with ``keep_documents=True``: uri -> the document's analysis.
    analyses: dict[str, Analysis] = field(default_factory=dict)
