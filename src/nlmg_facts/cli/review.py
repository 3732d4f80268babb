"""``nlmg-facts review``: decide about findings once, in the review file that ``check`` reads.

On a terminal it walks through the unreviewed findings; without one (or with
any action flag) it records ``--accept``/``--dismiss``/``--accept-all``
decisions, ``--prune``s stale entries or ``--list``s what is unreviewed.
Exit codes: 0 done, 2 usage (no reason, unknown fingerprint, no terminal and
no action, broken review file, unreadable article), 3 internal error.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import subprocess
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from .. import _lazyre
from ..errors import UsageError
from ..models import DocumentReport, Finding, Report
from ..models.review import Decision, ReviewEntry, ReviewFile
from .options import add_run_options, default_paths, run_config
from . import EXIT_INTERNAL, EXIT_OK, EXIT_USAGE

if TYPE_CHECKING:  # pragma: no cover
    from ..review.store import ReviewStore

#: Shortest fingerprint prefix accepted on the command line (like a short git hash).
MIN_PREFIX = 8
_HEX = _lazyre.lazy_compile(r"^[0-9a-f]+$")


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "review",
        help="accept or dismiss findings in the review file, so check stops failing on them",
        description="Record a decision about each finding in the review file "
        "(nlmg-facts.review.json at the project root). On a terminal, walks through "
        "the unreviewed findings; otherwise use the action flags.",
        epilog="Examples: nlmg-facts review sources/   (interactive) | "
        "nlmg-facts review --accept 3e7a786b --reason 'both dates are sourced' | "
        "nlmg-facts review --accept-all --reason 'baseline' | nlmg-facts review --prune",
    )
    p.add_argument("paths", nargs="*", metavar="PATH",
                   help="article files or directories (default: the configured paths, else sources/)")
    p.add_argument("--accept", action="append", default=[], metavar="FINGERPRINT",
                   help="accept a finding (a real problem knowingly left); a prefix of "
                   f">= {MIN_PREFIX} characters is enough; repeatable")
    p.add_argument("--dismiss", action="append", default=[], metavar="FINGERPRINT",
                   help="dismiss a finding (not a problem: a false positive); repeatable")
    p.add_argument("--accept-all", action="store_true",
                   help="accept every unreviewed finding (record a baseline)")
    p.add_argument("--reason", default=None, metavar="TEXT",
                   help="why (required with --accept, --dismiss and --accept-all)")
    p.add_argument("--prune", action="store_true",
                   help="remove review entries that match no finding any more")
    p.add_argument("--list", action="store_true", dest="list_",
                   help="list the unreviewed findings with their fingerprints")
    p.add_argument("--reviewer", default=None, metavar="NAME",
                   help="who decides (default: git config user.name, else $USER)")
    p.add_argument("--review", default=None, metavar="FILE",
                   help="review file (default: the config's review, else the nearest "
                   "nlmg-facts.review.json, else one at the project root)")
    add_run_options(p)
    p.set_defaults(func=run)


# ------------------------------------------------------------------ arguments


def default_reviewer(cwd: Path | None = None) -> str | None:
    """``git config user.name``, else ``$USER``/``$USERNAME``, else None."""
    try:
        out = subprocess.run(
            ["git", "config", "user.name"], cwd=cwd, capture_output=True, text=True, timeout=5
        )
        if out.returncode == 0 and out.stdout.strip():
            return out.stdout.strip()
    except (OSError, subprocess.SubprocessError):
        pass
    return os.environ.get("USER") or os.environ.get("USERNAME") or None


def _prefix(value: str) -> str:
    fp = value.strip().lower()
    if len(fp) < MIN_PREFIX or not _HEX.match(fp):
        raise UsageError(
            f"{value!r} is not a fingerprint: give at least {MIN_PREFIX} hex characters "
            "(see nlmg-facts review --list or check --format json)"
        )
    return fp


def _validate(args: argparse.Namespace, interactive: bool) -> None:
    deciding = bool(args.accept or args.dismiss or args.accept_all)
    if not deciding and not args.prune and not args.list_ and not interactive:
        raise UsageError(
            "review needs a terminal for the walk-through; without one, use "
            "--accept FINGERPRINT --reason TEXT, --dismiss FINGERPRINT --reason TEXT, "
            "--accept-all --reason TEXT, --prune or --list"
        )
    if deciding and not (args.reason or "").strip():
        raise UsageError(
            "--accept, --dismiss and --accept-all need --reason TEXT: say why, "
            "so the review file reads on its own"
        )
    if args.reason is not None and not deciding:
        raise UsageError("--reason goes with --accept, --dismiss or --accept-all")


# ------------------------------------------------------------------ findings


Located = tuple[DocumentReport, Finding]


def _findings(report: Report) -> list[Located]:
    return [(doc, f) for doc in report.documents for f in doc.findings]


def resolve(report: Report, prefix: str) -> Located:
    """The one finding whose fingerprint starts with ``prefix``; UsageError otherwise."""
    hits = [(d, f) for d, f in _findings(report) if f.fingerprint.startswith(prefix)]
    if not hits:
        raise UsageError(
            f"no finding has fingerprint {prefix} in the checked articles "
            "(nlmg-facts review --list shows the unreviewed ones)"
        )
    if len(hits) > 1:
        which = ", ".join(f"{f.fingerprint[:12]} ({f.code}, {d.path})" for d, f in hits[:4])
        raise UsageError(f"fingerprint {prefix} is ambiguous: {which}; give more characters")
    return hits[0]


def _line(doc: DocumentReport, f: Finding) -> str:
    ev = f.evidence[0]
    return f"{doc.path}:{ev.line}:{ev.column}: {f.severity.value} {f.code} {f.message}"


# ------------------------------------------------------------------ run


def run(args: argparse.Namespace) -> int:
    from ..pipeline import run_check
    from ..review.apply import apply_reviews
    from ..review.store import ReviewStore, review_file_for_writing

    interactive = (
        not (args.accept or args.dismiss or args.accept_all or args.prune or args.list_)
        and sys.stdin.isatty()
        and sys.stdout.isatty()
    )
    _validate(args, interactive)
    for value in [*args.accept, *args.dismiss]:
        _prefix(value)  # a malformed fingerprint fails before the analysis
    config = run_config(args)
    paths = default_paths(args.paths, config)
    reviewer = None
    if interactive or args.accept or args.dismiss or args.accept_all:
        reviewer = (args.reviewer or default_reviewer(config.root) or "").strip()
        if not reviewer:
            raise UsageError("who is reviewing? pass --reviewer NAME (no git user.name or $USER)")
    store = ReviewStore(review_file_for_writing(config, args.review))
    store.read()  # a broken review file stops us before the analysis (exit 2, with the line)

    result = run_check(paths, config, jobs=args.jobs, keep_documents=interactive)
    report = apply_reviews(result.report, store.read(), store.document_key)
    status = _tell_problems(report)
    if interactive:
        return _walk(report, result.analyses, store, reviewer or "") or status
    entries = _decisions(args, report, store, reviewer or "")
    _record(args, report, store, entries)
    if args.list_:
        done = {e.fingerprint for e in entries}
        open_ = [(d, f) for d, f in _findings(report) if f.suppression is None and f.fingerprint not in done]
        for d, f in open_:
            print(f"{f.fingerprint[:12]} {_line(d, f)}")
        print(f"{len(open_)} unreviewed finding{'s' if len(open_) != 1 else ''}.")
    return status


def _walk(report: Report, analyses: dict, store: "ReviewStore", reviewer: str) -> int:
    """The terminal walk-through of the unreviewed findings; 130 when interrupted."""
    from ..review.session import Item, Session, Style

    items = [
        Item(doc=d, finding=f, key=store.document_key(d.path), analysis=analyses.get(d.uri))
        for d, f in _findings(report)
        if f.suppression is None
    ]
    if not items:
        print(f"Nothing to review: every finding is reviewed in {store.path}.")
        return EXIT_OK
    outcome = Session(store, reviewer, sys.stdin, sys.stdout, Style.for_environment()).run(items)
    return 130 if outcome.interrupted else EXIT_OK


def _decisions(
    args: argparse.Namespace, report: Report, store: "ReviewStore", reviewer: str
) -> list[ReviewEntry]:
    """Entries for --accept/--dismiss (each resolved to one finding) and --accept-all."""
    from ..review.apply import entry_for

    today = dt.date.today()
    chosen: dict[str, Decision] = {}
    entries: list[ReviewEntry] = []
    requested = [("accepted", _prefix(v)) for v in args.accept]
    requested += [("dismissed", _prefix(v)) for v in args.dismiss]
    for decision, prefix in requested:
        doc, f = resolve(report, prefix)
        if chosen.get(f.fingerprint, decision) != decision:
            raise UsageError(f"fingerprint {prefix} is both accepted and dismissed")
        chosen[f.fingerprint] = decision
        entries.append(entry_for(f, store.document_key(doc.path), decision, args.reason, reviewer, today))
    if args.accept_all:
        entries += [
            entry_for(f, store.document_key(d.path), "accepted", args.reason, reviewer, today)
            for d, f in _findings(report)
            if f.suppression is None and f.fingerprint not in chosen
        ]
    return entries


def _record(
    args: argparse.Namespace, report: Report, store: "ReviewStore", entries: list[ReviewEntry]
) -> None:
    """Add the entries and prune stale ones in one locked update; say what changed."""
    from ..review.apply import stale_entries

    pruned: list[ReviewEntry] = []

    def change(current: ReviewFile) -> ReviewFile:
        reviews = [*current.reviews, *entries]
        if args.prune:
            # Stale against the file as it is now (under the lock), not as first read.
            stale = {e.key for e in stale_entries(report, current, store.document_key)}
            stale -= {e.key for e in entries}
            pruned[:] = [e for e in current.reviews if e.key in stale]
            reviews = [e for e in reviews if e.key not in stale]
        return ReviewFile(schema_version=current.schema_version, reviews=reviews)

    if not entries and not (args.prune and store.path.exists()):
        if args.prune:
            print(f"{store.path}: no review file yet, nothing to prune.")
        return
    store.update(change)
    for e in entries:
        print(f"{e.decision} {e.fingerprint[:12]} {e.document} {e.code} {e.message}")
    for e in pruned:
        print(f"pruned {e.fingerprint[:12]} {e.document} {e.code} {e.message}")
    print(f"{store.path}: {len(entries)} recorded, {len(pruned)} pruned.")


def _tell_problems(report: Report) -> int:
    """Unreadable articles and crashes on stderr; their exit code (decisions still count)."""
    for doc in report.documents:
        for warning in doc.warnings:
            print(f"nlmg-facts: warning: {warning}", file=sys.stderr)
        if not doc.ok and not doc.internal_errors:
            print(f"nlmg-facts: error: {doc.error}", file=sys.stderr)
        for err in doc.internal_errors:
            where = f"rule {err.rule}" if err.rule else f"stage {err.stage}"
            print(f"nlmg-facts: internal error: {doc.path}: {where} crashed: {err.message}",
                  file=sys.stderr)
    if report.summary.internal_errors:
        return EXIT_INTERNAL
    return EXIT_USAGE if report.summary.unreadable else EXIT_OK
