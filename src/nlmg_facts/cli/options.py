"""Options shared by the commands that run the rules (check, review), and their defaults."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from ..errors import UsageError

#: What check and review read when given no PATH and no configured ``paths``.
DEFAULT_PATHS = ("sources/",)


def add_run_options(p: argparse.ArgumentParser) -> None:
    """--select/--ignore/--jobs/--config/--no-config and file selection, identical for every command."""
    p.add_argument("--select", action="append", metavar="CODES",
                   help="only these rules: code prefixes or names, comma-separated, repeatable")
    p.add_argument("--ignore", action="append", metavar="CODES",
                   help="skip these rules: code prefixes or names, comma-separated, repeatable")
    p.add_argument("--jobs", "-j", type=int, default=1, metavar="N",
                   help="worker processes for many documents (0: one per CPU; default 1)")
    p.add_argument("--config", default=None, metavar="FILE",
                   help="configuration file (default: nearest pyproject.toml with [tool.nlmg-facts])")
    p.add_argument("--no-config", action="store_true", help="ignore configuration files")
    files = p.add_argument_group("file selection (when walking a directory)")
    files.add_argument("--exclude", action="append", metavar="GLOB",
                       help="skip matching files and directories; replaces the configured and "
                       "default excludes (build, dist, *.egg-info, ...); repeatable")
    files.add_argument("--extend-exclude", action="append", metavar="GLOB",
                       help="skip these too, on top of the configured excludes; repeatable")
    files.add_argument("--no-respect-gitignore", dest="respect_gitignore", action="store_false",
                       default=None, help="read files git ignores too (default: skip them)")


def run_config(args: argparse.Namespace, **extra):
    """The configuration with the command line on top; its warnings on stderr."""
    from ..config import load_config, with_cli

    if args.config and args.no_config:
        raise UsageError("--config and --no-config exclude each other")
    if args.jobs < 0:
        raise UsageError(f"--jobs {args.jobs}: must be 0 (one per CPU) or more")
    config = with_cli(
        load_config(args.config, use_config=not args.no_config),
        select=args.select,
        ignore=args.ignore,
        exclude=args.exclude,
        extend_exclude=args.extend_exclude,
        respect_gitignore=args.respect_gitignore,
        **extra,
    )
    for warning in config.warnings:
        print(f"nlmg-facts: warning: {warning}", file=sys.stderr)
    return config


def default_paths(paths: list[str], config) -> list[str]:
    """The paths given, else the configured ``paths`` (relative to the project root),
    else ``sources/``; one clear error when none of the defaults exists."""
    if paths:
        return paths
    if config.paths is not None:
        if not config.paths:
            raise UsageError(f"{config.source}: [tool.nlmg-facts] paths is empty: name what to check")
        chosen = [_shown(Path(config.root) / p, p) for p in config.paths]
        where = f"configured in {config.source}"
    else:
        chosen = list(DEFAULT_PATHS)
        where = "the default"
    if not any(os.path.exists(p) for p in chosen):
        raise UsageError(
            f"no PATH given and {', '.join(chosen)} ({where}) does not exist: pass the articles "
            "to check, or set paths = [...] under [tool.nlmg-facts] in pyproject.toml"
        )
    return chosen


def _shown(path: Path, as_written: str) -> str:
    """A configured path as the user would type it from here (relative when below cwd)."""
    rel = os.path.relpath(path)
    shown = rel if not rel.startswith("..") else str(path)
    return shown + ("/" if as_written.endswith("/") and not shown.endswith("/") else "")
