"""Applying the review file to a report: suppress reviewed findings, list stale entries."""

from __future__ import annotations

from ..models import DocumentReport, Finding, Report, Suppression
from ..models.findings import StaleReview
from ..models.review import ReviewEntry, ReviewFile


def entry_for(finding: Finding, document_key: str, decision: str, reason: str,
              reviewer: str, date) -> ReviewEntry:
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
        evidence=[e.text for e in finding.evidence],
    )


def apply_reviews(report: Report, review: ReviewFile, document_key) -> Report:
    """Mark reviewed findings as suppressed and report entries that match nothing.

    ``document_key(path) -> str`` maps a report's document path to the key used
    in the review file. Only documents present in the report can make entries
    stale: checking one file never marks the reviews of other files stale.
    """
    by_doc: dict[str, dict[str, ReviewEntry]] = {}
    for e in review.reviews:
        by_doc.setdefault(e.document, {})[e.fingerprint] = e
    documents = []
    for doc in report.documents:
        entries = by_doc.get(document_key(doc.path), {})
        if not doc.ok:
            documents.append(doc)
            continue
        matched: set[str] = set()
        findings = []
        for f in doc.findings:
            entry = entries.get(f.fingerprint)
            if entry is not None:
                matched.add(f.fingerprint)
                f = f.model_copy(
                    update={
                        "suppression": Suppression(
                            status=entry.decision,
                            reason=entry.reason,
                            reviewer=entry.reviewer,
                            date=entry.date.isoformat(),
                        )
                    }
                )
            findings.append(f)
        stale = [
            StaleReview(fingerprint=fp, code=e.code, message=e.message, decision=e.decision)
            for fp, e in sorted(entries.items())
            if fp not in matched
        ]
        documents.append(_with_counts(doc.model_copy(update={"findings": findings, "stale_reviews": stale})))
    summary = report.summary.model_copy(
        update={
            "suppressed": sum(d.summary.suppressed for d in documents),
            "stale": sum(d.summary.stale for d in documents),
        }
    )
    return report.model_copy(update={"documents": documents, "summary": summary})


def _with_counts(doc: DocumentReport) -> DocumentReport:
    summary = doc.summary.model_copy(
        update={
            "suppressed": sum(1 for f in doc.findings if f.suppression is not None),
            "stale": len(doc.stale_reviews),
        }
    )
    return doc.model_copy(update={"summary": summary})
