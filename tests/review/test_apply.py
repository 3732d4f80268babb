"""Applying the review file to a report: suppressions, counts, and stale entries."""

from __future__ import annotations

import datetime as dt

from nlmg_facts.models import DocumentReport, Evidence, Finding, Severity, Span
from nlmg_facts.models.findings import RuleInfo
from nlmg_facts.models.review import ReviewEntry, ReviewFile
from nlmg_facts.pipeline import build_report
from nlmg_facts.review.apply import apply_reviews, entry_for


def _finding(fp: str, code: str = "NLMG-D001", severity=Severity.ERROR) -> Finding:
    ev = Evidence(span=Span(start=3, end=7), role="claim", text="2011\n", line=1, column=4)
    return Finding(code=code, name="x", severity=severity, message=f"message {fp}", hint="",
                   evidence=[ev], fingerprint=fp)


def _entry(fp: str, doc: str = "a.txt", code: str = "NLMG-D001", decision: str = "accepted") -> ReviewEntry:
    return ReviewEntry(document=doc, fingerprint=fp, decision=decision, reason="why", reviewer="r",
                       date=dt.date(2026, 3, 1), code=code, message="m")


def _report(*docs: DocumentReport, codes=("NLMG-D001", "NLMG-M001")):
    report = build_report(list(docs))
    rules = [RuleInfo(code=c, name="x", severity=Severity.ERROR, family="f", summary="s") for c in codes]
    return report.model_copy(update={"rules": rules})


def _key(path: str) -> str:
    return path


def test_reviewed_findings_are_suppressed_and_leave_the_severity_counts():
    doc = DocumentReport(path="a.txt", findings=[
        _finding("f1" * 8), _finding("f2" * 8, severity=Severity.WARNING), _finding("f3" * 8)])
    out = apply_reviews(_report(doc), ReviewFile(reviews=[
        _entry("f1" * 8), _entry("f2" * 8, decision="dismissed")]), _key)
    f1, f2, f3 = out.documents[0].findings
    assert f1.suppression.status == "accepted" and f1.suppression.date == "2026-03-01"
    assert f2.suppression.status == "dismissed" and f3.suppression is None
    s = out.summary
    assert (s.findings, s.errors, s.warnings, s.suppressed, s.stale) == (3, 1, 0, 2, 0)


def test_an_entry_for_another_document_does_not_suppress_the_same_fingerprint():
    doc = DocumentReport(path="a.txt", findings=[_finding("f1" * 8)])
    out = apply_reviews(_report(doc), ReviewFile(reviews=[_entry("f1" * 8, doc="b.txt")]), _key)
    assert out.documents[0].findings[0].suppression is None


def test_entries_matching_nothing_are_stale_only_for_checked_documents_and_rules_that_ran():
    a = DocumentReport(path="a.txt", findings=[_finding("f1" * 8)])
    broken = DocumentReport(path="c.txt", ok=False, error="c.txt: no such file")
    review = ReviewFile(reviews=[
        _entry("gone" * 4),                          # stale: a.txt checked, D001 ran
        _entry("gone" * 4, doc="b.txt"),             # b.txt not checked
        _entry("other" * 4, code="NLMG-R001"),       # R001 did not run
        _entry("gone" * 4, doc="c.txt"),             # c.txt unreadable
    ])
    out = apply_reviews(_report(a, broken), review, _key)
    assert [s.fingerprint for s in out.documents[0].stale_reviews] == ["gone" * 4]
    assert out.documents[1].stale_reviews == []
    assert out.summary.stale == 1


def test_an_entry_quotes_the_evidence_on_one_line_and_clips_long_quotes():
    f = _finding("f1" * 8)
    long_ev = Evidence(span=Span(start=0, end=600), role="citation", text="word " * 120)
    f = f.model_copy(update={"evidence": [*f.evidence, long_ev]})
    entry = entry_for(f, "a.txt", "accepted", "why", "r", dt.date(2026, 1, 1))
    assert entry.evidence[0] == "2011"
    assert len(entry.evidence[1]) <= 240 and " ... " in entry.evidence[1]
