"""GitHub Actions workflow commands: one ``::error file=...,line=...::message`` per finding.

Escaping follows the Actions toolkit: in the message ``%``, CR and LF are
percent-encoded; in properties ``:`` and ``,`` are encoded too. Suppressed
(reviewed or inline-ignored) findings are not annotated. An annotation has one
location; every other evidence span is named in its message as
``role at file:line:col: "text"``.
"""

from __future__ import annotations

from ..models import Report
from ..models.common import Severity

COMMAND = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def _quote(text: str, limit: int = 120) -> str:
    flat = " ".join(text.split())
    return f'"{flat}"' if len(flat) <= limit else f'"{flat[: limit - 3]}..."'


def _command(kind: str, props: dict[str, object], message: str) -> str:
    joined = ",".join(f"{k}={escape_property(str(v))}" for k, v in props.items() if v is not None)
    return f"::{kind} {joined}::{escape_data(message)}" if joined else f"::{kind}::{escape_data(message)}"


def render(report: Report) -> str:
    lines: list[str] = []
    for doc in report.documents:
        file = doc.uri or doc.path
        if not doc.ok:
            lines.append(_command("error", {"file": file, "title": "nlmg-facts"}, doc.error or "unreadable"))
        for err in doc.internal_errors:
            if doc.ok or err.rule:
                where = f"rule {err.rule}" if err.rule else err.stage
                lines.append(
                    _command("error", {"file": file, "title": "nlmg-facts internal error"},
                             f"{where} crashed: {err.message}")
                )
        for f in doc.findings:
            if f.suppression is not None:
                continue
            ev = f.evidence[0]
            same_line = ev.end_line == ev.line
            props = {
                "file": file,
                "line": ev.line,
                "endLine": ev.end_line,
                "col": ev.column if same_line else None,
                "endColumn": ev.end_column if same_line else None,
                "title": f"{f.code} {f.name}",
            }
            message = f"{f.message}\n{f.hint}" if f.hint else f.message
            # An annotation has one place; the others go in its text, as file:line:col.
            for other in f.evidence[1:]:
                message += f"\n{other.role} at {file}:{other.line}:{other.column}: {_quote(other.text)}"
            lines.append(_command(COMMAND[f.severity], props, message))
    return "".join(line + "\n" for line in lines)
