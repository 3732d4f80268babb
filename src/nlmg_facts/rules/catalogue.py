"""Every rule: the rule modules loaded once (``_load``), then looked up in the registry.

The import graph is one-way: rule modules import ``registry`` (the decorator);
this module imports ``_load`` (the rule modules) and ``registry``; nothing below
imports this module.
"""

from __future__ import annotations

from .registry import RuleSpec, registered


def all_rules() -> list[RuleSpec]:
    """Every registered rule, sorted by code (importing the rule modules once)."""
    from . import _load  # noqa: F401  (imports every rule module)

    rules = registered()
    return [rules[c] for c in sorted(rules)]


def get_rule(code_or_name: str) -> RuleSpec | None:
    all_rules()
    rules = registered()
    key = code_or_name.strip()
    return rules.get(key.upper()) or next((r for r in rules.values() if r.name == key), None)
