"""Report time: line and column of both ends of every span, and a clipped sentence context."""

from __future__ import annotations

from nlmg_facts import ingest
from nlmg_facts.models import Evidence, Finding, Span
from nlmg_facts.report.locate import context_of, locate

TEXT = "First line here.\nThe game shipped in May.\nIt sold well in Spain and\nin Portugal."


def _finding(start: int, end: int) -> Finding:
    return Finding(
        code="NLMG-D001", name="x", severity="error", message="m", hint="h",
        evidence=[Evidence(span=Span(start=start, end=end), role="claim", text=TEXT[start:end])],
        fingerprint="f",
    )


def test_line_and_column_are_one_based_at_both_ends():
    doc = ingest(TEXT, "t.txt")
    start = TEXT.index("May")
    (finding,) = locate(doc, [_finding(start, start + 3)])
    ev = finding.evidence[0]
    assert (ev.line, ev.column, ev.end_line, ev.end_column) == (2, 21, 2, 24)


def test_a_span_across_a_line_break_ends_on_the_next_line():
    doc = ingest(TEXT, "t.txt")
    start = TEXT.index("Spain")
    end = TEXT.index("Portugal") + len("Portugal")
    ev = locate(doc, [_finding(start, end)])[0].evidence[0]
    assert (ev.line, ev.end_line, ev.end_column) == (3, 4, 12)


def test_the_context_is_the_sentence_on_one_line():
    doc = ingest(TEXT, "t.txt")
    start = TEXT.index("Spain")
    assert context_of(doc, start, start + 5) == "It sold well in Spain and in Portugal."


def test_a_long_sentence_is_clipped_around_the_span_with_ellipses():
    text = "Word " * 200 + "TARGET " + "word " * 200 + "end."
    doc = ingest(text, "t.txt")
    start = text.index("TARGET")
    context = context_of(doc, start, start + 6, limit=60)
    assert context.startswith("...") and context.endswith("...")
    assert "TARGET" in context
    assert len(context) <= 66
