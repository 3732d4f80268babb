"""A rule's docstring split into its summary and the three sections (explain, SARIF help)."""

from __future__ import annotations

import regex

from .. import _lazyre
from .registry import DOC_SECTIONS, RuleSpec

#: A section heading on a line of its own, in any of the usual spellings.
_HEADING = _lazyre.lazy_compile(
    r"""^\s*
    (?: \*\*(?P<name>[^*]+?)\*\*      # **What it does**
      | \#{1,4}\s+(?P<name>.+?)       # ## What it does
      | (?P<name>[A-Z][\w ']+?):      # What it does:
    )\s*$""",
    regex.VERBOSE,
)


def doc_sections(spec: RuleSpec) -> tuple[str, dict[str, str]]:
    """(summary, {section heading: body}) of a rule's docstring, in order."""
    summary_lines: list[str] = []
    sections: dict[str, list[str]] = {}
    current: list[str] = summary_lines
    for line in spec.doc.splitlines():
        m = _HEADING.match(line)
        if m and m.group("name").strip() in DOC_SECTIONS:
            current = sections.setdefault(m.group("name").strip(), [])
            continue
        current.append(line)
    summary = " ".join(" ".join(summary_lines).split()) or spec.name
    return summary, {k: "\n".join(v).strip("\n") for k, v in sections.items()}


def missing_sections(spec: RuleSpec) -> list[str]:
    _, sections = doc_sections(spec)
    return [s for s in DOC_SECTIONS if not sections.get(s, "").strip()]


def help_markdown(spec: RuleSpec) -> str:
    summary, sections = doc_sections(spec)
    parts = [summary]
    for name, body in sections.items():
        if name == "Example":
            body = "```text\n" + _dedent(body) + "\n```"
        else:
            body = " ".join(body.split())
        parts.append(f"## {name}\n\n{body}")
    return "\n\n".join(parts) + "\n"


def help_text(spec: RuleSpec) -> str:
    summary, sections = doc_sections(spec)
    parts = [summary] + [f"{name}:\n{body}" for name, body in sections.items()]
    return "\n\n".join(parts) + "\n"


def _dedent(text: str) -> str:
    import textwrap

    return textwrap.dedent(text).strip("\n")
