"""Options shared by the commands that run the rules (check, review)."""

from __future__ import annotations

import argparse


def add_run_options(p: argparse.ArgumentParser) -> None:
    """--select/--ignore/--jobs/--config/--no-config, identical for every command."""
    p.add_argument("--select", action="append", metavar="CODES",
                   help="only these rules: code prefixes or names, comma-separated, repeatable")
    p.add_argument("--ignore", action="append", metavar="CODES",
                   help="skip these rules: code prefixes or names, comma-separated, repeatable")
    p.add_argument("--jobs", "-j", type=int, default=1, metavar="N",
                   help="worker processes for many documents (0: one per CPU; default 1)")
    p.add_argument("--config", default=None, metavar="FILE",
                   help="configuration file (default: nearest pyproject.toml with [tool.nlmg-facts])")
    p.add_argument("--no-config", action="store_true", help="ignore configuration files")
