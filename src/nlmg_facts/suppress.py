"""Inline suppressions: an editor silences a known finding at its place in the article.

In any input format (plain text, wikitext, Markdown)::

    <!-- nlmg-facts: ignore NLMG-D001 -->         the findings of D001 on this line or the next
    <!-- nlmg-facts: ignore NLMG-D001, NLMG-M -->  several codes, prefixes or rule names
    <!-- nlmg-facts: ignore-file NLMG-L -->        every finding of the L family in the file

A line-scoped comment silences a finding whose location (its first evidence
span, the ``line:col`` the report gives) is on the comment's line or on the
line after it. The comment is never prose: plain text masks it like markup
(wikitext and Markdown hide comments already), so no claim, sentence or
citation sees it. A code that names no rule is a warning, never silence.
Silenced findings stay in the report with an ``ignored`` suppression
(``check --show-suppressed`` lists them; SARIF marks them ``inSource``).
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from typing import Sequence

import regex

from . import _lazyre
from .models import Document, Finding, Suppression
from .spans import LineIndex

#: Cheap test before the pattern runs.
MARK = "nlmg-facts"
_COMMENT = _lazyre.lazy_compile(
    r"""<!--[ \t]*nlmg-facts[ \t]*:   # the comment opens with our name
        (?P<body>[^<>]{0,400}?)       # directive and codes (bounded, no markup inside)
        -->""",
    regex.VERBOSE | regex.IGNORECASE,
)
_DIRECTIVE = _lazyre.lazy_compile(r"^\s*(?P<verb>ignore-file|ignore)(?:\s+|$)(?P<codes>.*)$", regex.IGNORECASE | regex.DOTALL)
_SPLIT = _lazyre.lazy_compile(r"[\s,]+")


@dataclass(frozen=True, slots=True)
class Directive:
    """One ``<!-- nlmg-facts: ... -->`` comment."""

    start: int
    end: int
    line: int
    column: int
    file_wide: bool
    selectors: tuple[str, ...]

    @property
    def text(self) -> str:
        verb = "ignore-file" if self.file_wide else "ignore"
        return f"<!-- nlmg-facts: {verb} {', '.join(self.selectors)} -->"


def comment_spans(text: str) -> list[tuple[int, int]]:
    """Where our comments are, for ingestion to mask them out of the prose."""
    if MARK not in text.lower():
        return []
    return [m.span() for m in _COMMENT.finditer(text)]


def directives(text: str, index: LineIndex | None = None) -> tuple[list[Directive], list[str]]:
    """The comments of a text, and a warning (``line:col: ...``) for each malformed one."""
    if MARK not in text.lower():
        return [], []
    index = index or LineIndex(text)
    out: list[Directive] = []
    warnings: list[str] = []
    for m in _COMMENT.finditer(text):
        line, col = index.position(m.start())
        d = _DIRECTIVE.match(m.group("body"))
        if d is None:
            warnings.append(
                f"{line}:{col}: unknown nlmg-facts comment {m.group().strip()!r}: "
                "write <!-- nlmg-facts: ignore CODE --> or <!-- nlmg-facts: ignore-file CODE -->"
            )
            continue
        codes = tuple(_normal(c) for c in _SPLIT.split(d.group("codes").strip()) if c)
        if not codes:
            warnings.append(f"{line}:{col}: nlmg-facts {d.group('verb')} names no rule code: nothing is ignored")
            continue
        out.append(Directive(m.start(), m.end(), line, col, d.group("verb").lower() == "ignore-file", codes))
    return out, warnings


def _normal(selector: str) -> str:
    upper = selector.upper()
    return upper if upper.startswith("NLMG") or upper == "ALL" else selector.lower()


def _selects(selector: str, code: str, name: str) -> bool:
    return selector == name or code.startswith(selector)


def suggest(selector: str, codes: Sequence[str], names: Sequence[str]) -> str:
    """`` (did you mean NLMG-D001?)`` for a selector close to a known code or name, else ``""``."""
    selector = selector.strip()
    if selector.upper().startswith("NLMG"):
        families = sorted({c[:6] for c in codes})
        if len(selector) <= 6:  # a family prefix: list the families there are
            return f" (the families are {', '.join(families)})"
        pool = list(codes)
        selector = selector.upper()
    else:
        pool = list(names)
    close = difflib.get_close_matches(selector, pool, n=1, cutoff=0.6)
    return f" (did you mean {close[0]}?)" if close else ""


def suggest_known(selector: str) -> str:
    """:func:`suggest` against every registered rule."""
    from .rules.catalogue import all_rules

    rules = all_rules()
    return suggest(selector, [r.code for r in rules], [r.name for r in rules])


def apply_inline(
    doc: Document, findings: list[Finding], known: Sequence[tuple[str, str]]
) -> tuple[list[Finding], list[str]]:
    """Mark the findings the document's comments silence; warnings for codes naming no rule.

    ``known`` is every registered rule as (code, name), selected or not: a comment
    for a rule that is switched off is not a mistake.
    """
    found, warnings = directives(doc.text)
    if not found:
        return findings, warnings
    codes = [c for c, _ in known]
    names = [n for _, n in known]
    for d in found:
        for sel in d.selectors:
            if sel != "ALL" and not any(_selects(sel, c, n) for c, n in known):
                warnings.append(
                    f"{d.line}:{d.column}: nlmg-facts {'ignore-file' if d.file_wide else 'ignore'} "
                    f"names no rule {sel!r}{suggest(sel, codes, names)}: nothing is ignored for it"
                )
    out = []
    for f in findings:
        line = f.evidence[0].line
        hit = next(
            (
                d for d in found
                if (d.file_wide or (line is not None and d.line in (line, line - 1)))
                and any(s == "ALL" or _selects(s, f.code, f.name) for s in d.selectors)
            ),
            None,
        )
        if hit is not None and f.suppression is None:
            f = f.model_copy(update={"suppression": Suppression(
                status="ignored", reason=f"{hit.text} at {hit.line}:{hit.column}"
            )})
        out.append(f)
    return out, warnings
