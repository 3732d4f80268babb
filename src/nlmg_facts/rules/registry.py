"""Rule registry: ``@rule(code, name, severity)`` over pure ``(ctx) -> Iterator[Hit]``.

A rule yields ``Hit``s (what it found); the engine turns them into
``Finding``s with code, name, severity (after configuration overrides) and a
content fingerprint. Rules never do I/O and never read globals.
"""

from __future__ import annotations

import inspect
from dataclasses import dataclass, field
from typing import Callable, Iterator

from ..models import Evidence, Severity

FAMILIES = {
    "C": "citations",
    "D": "dates",
    "I": "infobox against prose",
    "L": "linking",
    "M": "money and quantities",
    "R": "rankings and editions",
}
DOC_SECTIONS = ("What it does", "Why it matters", "Example")


@dataclass(frozen=True, slots=True)
class Hit:
    """What a rule found, before the engine adds code, severity and fingerprint."""

    message: str
    hint: str
    evidence: list[Evidence]
    claims: list[str] = field(default_factory=list)
    citations: list[str] = field(default_factory=list)
    #: Normalised values that identify this defect (for the fingerprint).
    key: tuple[str, ...] = ()
    #: Lower (or raise) the rule's default severity for this hit, with the reason in the message.
    severity: Severity | None = None


@dataclass(frozen=True, slots=True)
class RuleSpec:
    code: str
    name: str
    severity: Severity
    func: Callable[..., Iterator[Hit]]

    @property
    def doc(self) -> str:
        return inspect.cleandoc(self.func.__doc__ or "")

    @property
    def summary(self) -> str:
        return self.doc.splitlines()[0] if self.doc else self.name

    @property
    def family(self) -> str:
        return FAMILIES.get(self.code[5], "other")


_RULES: dict[str, RuleSpec] = {}


def rule(code: str, name: str, severity: Severity = Severity.ERROR):
    """Register a rule. Codes are never reused; names say the defect found."""

    def deco(func):
        if code in _RULES:
            raise ValueError(f"rule code {code} registered twice")
        if any(r.name == name for r in _RULES.values()):
            raise ValueError(f"rule name {name} registered twice")
        _RULES[code] = RuleSpec(code=code, name=name, severity=severity, func=func)
        return func

    return deco


def all_rules() -> list[RuleSpec]:
    """Every registered rule, sorted by code (importing the rule modules once)."""
    from . import _load  # noqa: F401  (imports every rule module)

    return [_RULES[c] for c in sorted(_RULES)]


def get_rule(code_or_name: str) -> RuleSpec | None:
    all_rules()
    key = code_or_name.strip()
    return _RULES.get(key.upper()) or next((r for r in _RULES.values() if r.name == key), None)
