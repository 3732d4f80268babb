"""The text report: ``path:line:col: severity CODE message``, hint and evidence, per document.

Example::

    sources/film.txt:1:2045: error NLMG-D001 UK release given as 14 January 2011 here ...
        hint: Check which date the cited sources give, and use it in both places.
        fingerprint: 3f9c2a1b (nlmg-facts review --accept 3f9c2a1b --reason TEXT)
        claim at 1:2045: "14 January 2011"
          | ...was released in the United Kingdom on 14 January 2011 by...
        conflicting claim at 1:9120: "11 February 2011"
          | ...opened in the UK on 11 February 2011, after...

    Checked 1 document: 1 error, 0 warnings, 0 info.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from ..models import DocumentReport, Finding, Report, Summary
from ..models.common import Severity

#: Shortest fingerprint shown (``review --accept`` takes a prefix of at least this).
SHORT_FINGERPRINT = 8


@dataclass(frozen=True)
class TextOptions:
    """How ``check`` prints text: colour, one line per finding, suppressed ones too."""

    color: bool = False
    #: Unreviewed findings only, one line each, no summary.
    quiet: bool = False
    #: Also list findings silenced by an inline ``<!-- nlmg-facts: ignore ... -->``.
    show_suppressed: bool = False


class _Paint:
    def __init__(self, on: bool) -> None:
        self.on = on

    def __call__(self, code: str, text: str) -> str:
        return f"\x1b[{code}m{text}\x1b[0m" if self.on else text

    def severity(self, severity: Severity) -> str:
        return self({"error": "1;31", "warning": "1;33", "info": "1;36"}[severity.value], severity.value)

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


def short_fingerprints(report: Report, least: int = SHORT_FINGERPRINT) -> dict[str, str]:
    """Each fingerprint's shortest prefix (at least ``least``) no other finding shares."""
    fps = sorted({f.fingerprint for d in report.documents for f in d.findings})
    out = {}
    for i, fp in enumerate(fps):
        n = least
        for other in (fps[i - 1] if i else "", fps[i + 1] if i + 1 < len(fps) else ""):
            while n < len(fp) and other[:n] == fp[:n]:
                n += 1
        out[fp] = fp[:n]
    return out


def _finding(path: str, f: Finding, short: str, opts: TextOptions, paint: _Paint) -> list[str]:
    ev = f.evidence[0]
    status = ""
    if f.suppression is not None and f.suppression.status == "ignored":
        status = f" [ignored: {f.suppression.reason}]"
    elif f.suppression is not None:
        status = f" [reviewed: {f.suppression.status}: {f.suppression.reason}]"
    head = f"{paint('1', f'{path}:{ev.line}:{ev.column}:')} {paint.severity(f.severity)} {paint('1', f.code)}"
    if opts.quiet:
        return [f"{head} {f.message} {paint('2', f'[{short}]')}"]
    lines = [f"{head} {f.message}{status}"]
    if f.suppression is not None:
        return lines  # decided already: one line, so the unreviewed ones stand out
    if f.hint:
        lines.append(f"    hint: {f.hint}")
    lines.append(paint("2", f"    fingerprint: {short} (nlmg-facts review --accept {short} --reason TEXT)"))
    for e in f.evidence:
        lines.append(f'    {e.role} at {e.line}:{e.column}: "{_clip(e.text)}"')
        if e.context:
            lines.append(f"      | {e.context}")
    return lines


def _shown(f: Finding, opts: TextOptions) -> bool:
    if f.suppression is None:
        return True
    if opts.quiet:
        return False
    return f.suppression.status != "ignored" or opts.show_suppressed


def _document(
    doc: DocumentReport,
    shorts: dict[str, str] | None = None,
    opts: TextOptions = TextOptions(),
    paint: _Paint = _Paint(False),
) -> list[str]:
    shorts = shorts or {}
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
        if _shown(f, opts):
            lines.extend(_finding(doc.path, f, shorts.get(f.fingerprint, f.fingerprint[:SHORT_FINGERPRINT]), opts, paint))
    if opts.quiet:
        return lines
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
    if s.ignored:
        extra.append(f"{s.ignored} ignored inline")
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


def statistics(report: Report) -> str:
    """A count per rule of the unreviewed findings, most first (``check --statistics``)."""
    counts: Counter[tuple[str, str, str]] = Counter(
        (f.code, f.name, f.severity.value)
        for d in report.documents
        for f in d.findings
        if f.suppression is None
    )
    rows = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    width = max((len(str(n)) for _, n in rows), default=1)
    lines = [f"{n:>{width}}  {code}  {name} ({severity})" for (code, name, severity), n in rows]
    return "".join(line + "\n" for line in lines) + summary_line(report.summary) + "\n"


def render(report: Report, options: TextOptions | None = None) -> str:
    opts = options or TextOptions()
    paint = _Paint(opts.color)
    shorts = short_fingerprints(report)
    blocks = [_document(d, shorts, opts, paint) for d in report.documents]
    if opts.quiet:
        return "".join(line + "\n" for b in blocks for line in b)
    body = "\n\n".join("\n".join(b) for b in blocks if b)
    return (body + "\n\n" if body else "") + summary_line(report.summary) + "\n"
