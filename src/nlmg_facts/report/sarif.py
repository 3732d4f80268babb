"""SARIF 2.1.0 for GitHub code scanning: rules with help, located results, fingerprints.

- ``tool.driver.rules`` lists the rules that ran, with short and full
  descriptions, help as text and markdown, and the default level.
- Each result has ``ruleId``/``ruleIndex``, ``level``, a message (with the hint),
  the first evidence span as its physical location (uri relative to the project
  root, ``%SRCROOT%``; region with start/end line and column, character offset
  and length, snippet), the other spans as related locations, and
  ``partialFingerprints`` with our content fingerprint.
- Columns count Unicode code points (``run.columnKind``), as our offsets do.
- Reviewed findings carry ``suppressions`` (kind external, status accepted,
  justification = the reviewer's reason): the review file is the decision;
  findings silenced by an inline ``<!-- nlmg-facts: ignore -->`` are kind inSource.
- Unreadable documents and crashes are ``toolExecutionNotifications``.
"""

from __future__ import annotations

import json
from typing import Any

from ..models import Report
from ..models.common import Severity
from ..models.findings import Evidence, Finding, RuleInfo

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
FINGERPRINT_KEY = "nlmgFingerprint/v1"
LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
SRCROOT = "%SRCROOT%"


def _rule_descriptor(info: RuleInfo) -> dict[str, Any]:
    from ..rules import get_rule
    from ..rules.docs import doc_sections, help_markdown, help_text

    spec = get_rule(info.code)
    descriptor: dict[str, Any] = {
        "id": info.code,
        "name": info.name,
        "shortDescription": {"text": info.summary},
        "defaultConfiguration": {"level": LEVEL[info.severity]},
        "properties": {"tags": ["nlmg-facts", info.family], "precision": "high"},
    }
    if spec is not None:
        _, sections = doc_sections(spec)
        full = " ".join(sections.get("What it does", info.summary).split())
        descriptor["fullDescription"] = {"text": full}
        descriptor["help"] = {"text": help_text(spec), "markdown": help_markdown(spec)}
    else:
        descriptor["fullDescription"] = {"text": info.summary}
        descriptor["help"] = {"text": info.summary}
    return descriptor


def _region(ev: Evidence) -> dict[str, Any]:
    region: dict[str, Any] = {
        "startLine": ev.line or 1,
        "startColumn": ev.column or 1,
        "endLine": ev.end_line or ev.line or 1,
        "endColumn": ev.end_column or ev.column or 1,
        "charOffset": ev.span.start,
        "charLength": ev.span.end - ev.span.start,
        "snippet": {"text": ev.text},
    }
    return region


def _location(uri: str, ev: Evidence, index: int | None = None) -> dict[str, Any]:
    loc: dict[str, Any] = {
        "physicalLocation": {
            "artifactLocation": {"uri": uri, "uriBaseId": SRCROOT},
            "region": _region(ev),
        }
    }
    if index is not None:
        loc["id"] = index
        loc["message"] = {"text": f"{ev.role}: {ev.text}"}
    return loc


def _result(uri: str, f: Finding, rule_index: dict[str, int]) -> dict[str, Any]:
    text = f"{f.message} {f.hint}".strip()
    result: dict[str, Any] = {
        "ruleId": f.code,
        "level": LEVEL[f.severity],
        "message": {"text": text},
        "locations": [_location(uri, f.evidence[0])],
        "partialFingerprints": {FINGERPRINT_KEY: f.fingerprint},
        "properties": {"name": f.name, "claims": f.claims, "citations": f.citations},
    }
    if f.code in rule_index:
        result["ruleIndex"] = rule_index[f.code]
    related = [_location(uri, ev, i) for i, ev in enumerate(f.evidence[1:], 1)]
    if related:
        result["relatedLocations"] = related
    if f.suppression is not None:
        s = f.suppression
        # An inline <!-- nlmg-facts: ignore --> comment is SARIF's "inSource";
        # the review file is "external".
        suppression: dict[str, Any] = {
            "kind": "inSource" if s.status == "ignored" else "external",
            "status": "accepted",
            "justification": f"{s.status}: {s.reason}",
        }
        props = {k: v for k, v in (("reviewer", s.reviewer), ("date", s.date)) if v}
        if props:
            suppression["properties"] = props
        result["suppressions"] = [suppression]
    return result


def _notifications(report: Report) -> list[dict[str, Any]]:
    out = []
    for doc in report.documents:
        where = [{"physicalLocation": {"artifactLocation": {"uri": doc.uri or doc.path, "uriBaseId": SRCROOT}}}]
        if not doc.ok and not doc.internal_errors:
            out.append({"level": "error", "message": {"text": doc.error or "unreadable"}, "locations": where})
        for err in doc.internal_errors:
            note: dict[str, Any] = {
                "level": "error",
                "message": {"text": f"internal error in {err.stage}: {err.message}"},
                "locations": where,
            }
            if err.rule:
                note["associatedRule"] = {"id": err.rule}
            out.append(note)
    return out


def sarif_log(report: Report) -> dict[str, Any]:
    rules = [_rule_descriptor(r) for r in report.rules]
    rule_index = {r.code: i for i, r in enumerate(report.rules)}
    results = [
        _result(doc.uri or doc.path, f, rule_index) for doc in report.documents for f in doc.findings
    ]
    notifications = _notifications(report)
    return {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": report.tool,
                        "version": report.version,
                        "semanticVersion": report.version,
                        "rules": rules,
                    }
                },
                "invocations": [
                    {
                        "executionSuccessful": report.summary.internal_errors == 0,
                        "toolExecutionNotifications": notifications,
                    }
                ],
                "columnKind": "unicodeCodePoints",
                "results": results,
                "properties": {"schemaVersion": report.schema_version},
            }
        ],
    }


def render(report: Report) -> str:
    return json.dumps(sarif_log(report), indent=2, ensure_ascii=False) + "\n"
