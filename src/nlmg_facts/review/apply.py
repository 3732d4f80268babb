"""Applying the review file to a report: suppress reviewed findings, list stale entries."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Callable

from ..models import Finding, Report, Suppression
from ..models.findings import StaleReview
from ..models.review import Decision, ReviewEntry, ReviewFile

if TYPE_CHECKING:  # pragma: no cover
    from ..config import Config

#: ``document_key(report path) -> review file key`` (see ReviewStore.document_key).
DocumentKey = Callable[[str], str]


def entry_for(
    finding: Finding,
    document_key: str,
    decision: Decision,
    reason: str,
    reviewer: str,
    date: dt.date,
) -> ReviewEntry:
    """A review entry that records the finding as it reads at review time."""
    return ReviewEntry(
        document=document_key,
        fingerprint=finding.fingerprint,
        decision=decision,
        reason=reason,
        reviewer=reviewer,
        date=date,
        code=finding.code,
        message=finding.message,
        evidence=[_quote(e.text) for e in finding.evidence],
    )


#: Longest evidence quote kept in the review file (a whole citation can be long).
QUOTE_CHARS = 240


def _quote(text: str) -> str:
    flat = " ".join(text.split())
    if len(flat) <= QUOTE_CHARS:
        return flat
    half = (QUOTE_CHARS - 5) // 2
    return f"{flat[:half]} ... {flat[-half:]}"


def suppression_of(entry: ReviewEntry) -> Suppression:
    return Suppression(
        status=entry.decision,
        reason=entry.reason,
        reviewer=entry.reviewer,
        date=entry.date.isoformat(),
    )


def stale_entries(report: Report, review: ReviewFile, document_key: DocumentKey) -> list[ReviewEntry]:
    """Entries of the report's documents that match none of their findings.

    Only documents that were checked can make entries stale (checking one file
    never condemns the reviews of another), and only for rules that ran (with
    ``--select`` the other rules' entries are not stale, just not looked at).
    """
    ran = {r.code for r in report.rules}
    checked: dict[str, set[str]] = {}
    for doc in report.documents:
        if doc.ok and not doc.internal_errors:
            checked[document_key(doc.path)] = {f.fingerprint for f in doc.findings}
    return [
        e
        for e in review.reviews
        if e.document in checked
        and e.fingerprint not in checked[e.document]
        and (not ran or e.code in ran)
    ]


def apply_reviews(report: Report, review: ReviewFile, document_key: DocumentKey) -> Report:
    """Mark reviewed findings as suppressed and list the entries that match nothing.

    ``document_key(path) -> str`` maps a report's document path to the key used
    in the review file. Summaries are recomputed: suppressed findings leave the
    error/warning/info counts and do not fail the run.
    """
    from ..pipeline import total

    by_doc: dict[str, dict[str, ReviewEntry]] = {}
    for e in review.reviews:
        by_doc.setdefault(e.document, {})[e.fingerprint] = e
    stale_by_doc: dict[str, list[ReviewEntry]] = {}
    for e in stale_entries(report, review, document_key):
        stale_by_doc.setdefault(e.document, []).append(e)
    documents = []
    for doc in report.documents:
        key = document_key(doc.path)
        entries = by_doc.get(key, {})
        findings = [
            f.model_copy(update={"suppression": suppression_of(entries[f.fingerprint])})
            if f.fingerprint in entries
            else f
            for f in doc.findings
        ]
        stale = [
            StaleReview(fingerprint=e.fingerprint, code=e.code, message=e.message, decision=e.decision)
            for e in sorted(stale_by_doc.get(key, []), key=lambda e: (e.code, e.fingerprint))
        ]
        documents.append(doc.model_copy(update={"findings": findings, "stale_reviews": stale}))
    return total(report.model_copy(update={"documents": documents}))


def review_check_report(
    report: Report, config: "Config", explicit: str | None = None, enabled: bool = True
) -> Report:
    """``nlmg-facts check``'s review step: find the review file and apply it.

    An explicit ``--review FILE`` must exist; a configured or discovered path
    that does not exist yet means nothing is reviewed. A broken file is a
    UsageError naming the line (exit 2), never a silent reset.
    """
    from ..errors import UsageError
    from .store import ReviewStore, locate_review_file

    if not enabled:
        if explicit is not None:
            raise UsageError("--review and --no-review exclude each other")
        return report
    path = locate_review_file(config, explicit)
    if path is None:
        return report
    if explicit is not None and not path.is_file():
        raise UsageError(f"--review {explicit}: no such file")
    store = ReviewStore(path)
    return apply_reviews(report, store.read(), store.document_key)
