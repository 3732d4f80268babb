"""Errors that the command line turns into one clear line and exit code 2."""

from __future__ import annotations


class NlmgError(Exception):
    """Base for expected, user-facing errors (exit code 2)."""

    exit_code = 2


class InputError(NlmgError):
    """A source that cannot be read as an article (missing, binary, bad UTF-8, empty...)."""


class UsageError(NlmgError):
    """Bad command-line arguments or configuration."""
