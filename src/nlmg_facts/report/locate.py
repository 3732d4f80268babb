"""Report time: give every evidence span its line, column and sentence context."""

from __future__ import annotations

from ..models import Document
from ..models.findings import Evidence, Finding
from ..spans import LineIndex

#: Longest context quoted around a span, in characters (sentences can run long).
CONTEXT_CHARS = 240


def context_of(doc: Document, start: int, end: int, limit: int = CONTEXT_CHARS) -> str:
    """The sentence around ``[start, end)`` on one line, clipped around the span."""
    sentence = doc.sentence_at(start)
    if sentence is not None and sentence.span.end >= end:
        lo, hi = sentence.span.start, sentence.span.end
    else:
        lo, hi = max(0, start - limit // 2), min(len(doc.text), end + limit // 2)
    spare = max(0, limit - (end - start))
    lo2 = max(lo, start - spare // 2)
    hi2 = min(hi, end + (spare - (start - lo2)))
    lo2 = max(lo, start - (spare - (hi2 - end)))
    text = " ".join(doc.text[lo2:hi2].split())
    return ("..." if lo2 > lo else "") + text + ("..." if hi2 < hi else "")


def locate(doc: Document, findings: list[Finding], index: LineIndex | None = None) -> list[Finding]:
    """Findings with line/column (start and end) and context on each evidence span."""
    index = index or LineIndex(doc.text)
    out = []
    for f in findings:
        evidence: list[Evidence] = []
        for ev in f.evidence:
            line, col = index.position(ev.span.start)
            end_line, end_col = index.position(ev.span.end)
            evidence.append(
                ev.model_copy(
                    update={
                        "line": line,
                        "column": col,
                        "end_line": end_line,
                        "end_column": end_col,
                        "context": ev.context or context_of(doc, ev.span.start, ev.span.end),
                    }
                )
            )
        out.append(f.model_copy(update={"evidence": evidence}))
    return out
