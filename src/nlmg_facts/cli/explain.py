"""``nlmg-facts explain CODE|NAME``: print one rule's documentation."""

from __future__ import annotations

import argparse
import difflib

from ..errors import UsageError
from .output import write_output


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("explain", help="print a rule's documentation")
    p.add_argument("rule", metavar="CODE|NAME", help="rule code (NLMG-D001) or name (date-conflict)")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from ..rules import all_rules, get_rule
    from ..rules.docs import help_text
    from ..config import load_config
    from ..rules.engine import load_plugins

    # Rules from the configuration's plugins are listed too.
    config = load_config()
    load_plugins(config.plugins, config.root)

    spec = get_rule(args.rule)
    if spec is None:
        known = [r.code for r in all_rules()] + [r.name for r in all_rules()]
        close = difflib.get_close_matches(args.rule.strip(), known, n=3, cutoff=0.6)
        hint = f"; did you mean {', '.join(close)}?" if close else "; see `nlmg-facts rules`"
        raise UsageError(f"unknown rule {args.rule!r}{hint}")
    head = f"{spec.code} {spec.name} (default severity: {spec.severity.value}, family: {spec.family})"
    write_output(f"{head}\n\n{help_text(spec)}", None)
    return 0
