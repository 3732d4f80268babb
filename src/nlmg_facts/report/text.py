"""The text report: ``path:line:col: severity CODE message``, hint and evidence, per document.

Example::

    sources/film.txt:1:2045: error NLMG-D001 UK release given as 14 January 2011 here ...
        hint: Check which date the cited sources give, and use it in both places.
        claim at 1:2045: "14 January 2011"
          | ...was released in the United Kingdom on 14 January 2011 by...
        conflicting claim at 1:9120: "11 February 2011"
          | ...opened in the UK on 11 February 2011, after...

    Checked 1 document: 1 error, 0 warnings, 0 info.
"""

from __future__ import annotations

from ..models import DocumentReport, Finding, Report, Summary

#: Longest quoted evidence span; the context line shows the rest of the sentence.
QUOTE_CHARS = 160


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def _clip(text: str, limit: int = QUOTE_CHARS) -> str:
    """One line, and long spans (a whole citation) cut in the middle."""
    flat = " ".join(text.split())
    if len(flat) <= limit:
        return flat
    half = (limit - 5) // 2
    return f"{flat[:half]} ... {flat[-half:]}"


def _finding(path: str, f: Finding) -> list[str]:
    ev = f.evidence[0]
    status = ""
    if f.suppression is not None:
        status = f" [reviewed: {f.suppression.status}: {f.suppression.reason}]"
    lines = [f"{path}:{ev.line}:{ev.column}: {f.severity.value} {f.code} {f.message}{status}"]
    if f.suppression is not None:
        return lines  # decided already: one line, so the unreviewed ones stand out
    if f.hint:
        lines.append(f"    hint: {f.hint}")
    for e in f.evidence:
        lines.append(f'    {e.role} at {e.line}:{e.column}: "{_clip(e.text)}"')
        if e.context:
            lines.append(f"      | {e.context}")
    return lines


def _document(doc: DocumentReport) -> list[str]:
    lines: list[str] = []
    if not doc.ok:
        error = doc.error or "cannot be checked"
        # Read errors start with the path already.
        error = error.removeprefix(f"{doc.path}: ")
        lines.append(f"{doc.path}: error: {error}")
    for err in doc.internal_errors:
        where = f"rule {err.rule}" if err.rule else f"stage {err.stage}"
        if err.rule or doc.ok:
            lines.append(f"{doc.path}: internal error: {where} crashed: {err.message}")
    for f in doc.findings:
        lines.extend(_finding(doc.path, f))
    for stale in doc.stale_reviews:
        lines.append(
            f"{doc.path}: info: review entry {stale.fingerprint} ({stale.code}) matches no finding "
            "any more (nlmg-facts review --prune removes it)"
        )
    return lines


def summary_line(s: Summary) -> str:
    parts = [_plural(s.errors, "error"), _plural(s.warnings, "warning"), f"{s.infos} info"]
    extra = []
    if s.suppressed:
        extra.append(f"{s.suppressed} reviewed")
    if s.stale:
        extra.append(f"{s.stale} stale review{'s' if s.stale != 1 else ''}")
    if s.baseline:
        extra.append(f"{s.baseline} already at the baseline commit")
    if s.unreadable:
        extra.append(f"{s.unreadable} unreadable")
    if s.internal_errors:
        extra.append(_plural(s.internal_errors, "internal error"))
    tail = f" ({', '.join(extra)})" if extra else ""
    return f"Checked {_plural(s.documents, 'document')}: {', '.join(parts)}{tail}."


def render(report: Report) -> str:
    blocks = [_document(d) for d in report.documents]
    body = "\n\n".join("\n".join(b) for b in blocks if b)
    return (body + "\n\n" if body else "") + summary_line(report.summary) + "\n"
