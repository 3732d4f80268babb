"""Consistency rules over claims and citations (families C, D, L, M, R)."""

from .registry import Hit, RuleSpec, all_rules, get_rule, rule  # noqa: F401
