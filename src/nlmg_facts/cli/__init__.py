"""The ``nlmg-facts`` command line: one module per subcommand, each with ``register``."""

from __future__ import annotations

import argparse
import importlib
import sys

from ..errors import NlmgError

#: Subcommand modules in this package, in the order ``--help`` lists them.
COMMANDS = ["extract", "citations", "check", "review", "rules", "explain", "calendar", "schema"]

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE, EXIT_INTERNAL = 0, 1, 2, 3


def commands_needed(argv: list[str]) -> list[str]:
    """The subcommand modules a command line needs: its own, or all of them.

    Importing a subcommand imports the stages it runs, so ``--version`` imports
    none and ``rules`` only its own (start-up time); help, a missing or an
    unknown command get them all, so argparse can list every command.
    """
    for arg in argv:
        if arg == "--version":
            return []
        if arg in ("-h", "--help") or not arg.startswith("-"):
            return [arg] if arg in COMMANDS else COMMANDS
    return COMMANDS


def build_parser(commands: list[str] | None = None) -> argparse.ArgumentParser:
    from .. import __version__

    parser = argparse.ArgumentParser(
        prog="nlmg-facts",
        description="Extract typed claims from encyclopedic articles, link them to their "
        "citations and report the facts an article gets wrong about itself.",
        epilog="Exit codes: 0 clean, 1 findings at or above --fail-on, 2 usage, "
        "configuration or unreadable input, 3 internal error.",
    )
    parser.add_argument("--version", action="version", version=f"nlmg-facts {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name in COMMANDS if commands is None else commands:
        importlib.import_module(f".{name}", __name__).register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    parser = build_parser(commands_needed(argv))
    args = parser.parse_args(argv)
    try:
        return int(args.func(args) or 0)
    except NlmgError as exc:
        print(f"nlmg-facts: error: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("nlmg-facts: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # Output piped into `head` and closed early: not an error of ours.
        try:
            sys.stdout = None  # type: ignore[assignment]
        finally:
            return EXIT_OK
    except Exception as exc:  # pragma: no cover - the safety net itself
        print(
            f"nlmg-facts: internal error: {type(exc).__name__}: {exc} "
            "(please report this with the input that caused it)",
            file=sys.stderr,
        )
        return EXIT_INTERNAL
