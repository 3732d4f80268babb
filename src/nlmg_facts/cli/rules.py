"""``nlmg-facts rules``: list the rules (code, name, default severity, summary)."""

from __future__ import annotations

import argparse
import json

from .output import write_output


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("rules", help="list the rules: code, name, default severity, summary")
    p.add_argument("--format", choices=["text", "json"], default="text")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from ..rules import all_rules
    from ..config import load_config
    from ..rules.engine import load_plugins

    # Rules from the configuration's plugins are listed too.
    config = load_config()
    load_plugins(config.plugins, config.root)

    rules = all_rules()
    if args.format == "json":
        rows = [
            {"code": r.code, "name": r.name, "severity": r.severity.value,
             "family": r.family, "summary": r.summary}
            for r in rules
        ]
        write_output(json.dumps(rows, indent=2, ensure_ascii=False) + "\n", None)
        return 0
    width = max((len(r.name) for r in rules), default=4)
    lines = [f"{r.code}  {r.name:<{width}}  {r.severity.value:<7}  {r.summary}" for r in rules]
    write_output("".join(line + "\n" for line in lines), None)
    return 0
