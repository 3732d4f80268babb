"""Consistency rules over claims and citations (families C, D, L, M, R)."""

from .catalogue import all_rules, get_rule  # noqa: F401
from .registry import Hit, RuleSpec, rule  # noqa: F401
