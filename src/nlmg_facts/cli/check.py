"""``nlmg-facts check``: the CI gate -- findings in text, JSON, SARIF or annotations.

Exit codes: 3 if a rule or stage crashed on any document (the report is still
written), else 2 if a document could not be read, else 1 if an unreviewed
finding is at or above ``--fail-on``, else 0.
"""

from __future__ import annotations

import argparse
import sys
import time

from ..config import FAIL_ON, load_config, with_cli
from ..errors import UsageError
from ..models import Report
from ..models.common import Severity
from ..report.formats import FORMATS
from . import EXIT_FINDINGS, EXIT_INTERNAL, EXIT_OK, EXIT_USAGE
from .options import add_run_options
from .output import write_output

DEFAULT_PATHS = ["sources/"]


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "check",
        help="check articles for facts that contradict each other (CI gate)",
        description="Check articles: extract claims, link citations, run the rules, report.",
        epilog="Exit codes: 0 nothing at or above --fail-on, 1 findings at or above it, "
        "2 usage, configuration or unreadable input, 3 a rule or stage crashed.",
    )
    p.add_argument(
        "paths", nargs="*", metavar="PATH",
        help="article files or directories, - for stdin (default: sources/)",
    )
    p.add_argument("--format", choices=list(FORMATS), default="text",
                   help="; ".join(f"{f.name}: {f.help}" for f in FORMATS.values()))
    p.add_argument("--output", "-o", default=None, help="write the report to FILE (atomically)")
    p.add_argument("--fail-on", choices=FAIL_ON, default=None,
                   help="lowest severity that fails the run (default: error, or the config's)")
    add_run_options(p)
    p.add_argument("--review", default=None, metavar="FILE",
                   help="review file of decisions about findings (default: the config's review, "
                   "else the nearest nlmg-facts.review.json up to the project root)")
    p.add_argument("--input-format", choices=["auto", "plain", "wikitext", "markdown"], default="auto",
                   help="how to read articles (default auto: .wiki/.md by extension, else by content)")
    p.add_argument("--no-review", action="store_true",
                   help="ignore the review file: report every finding as unreviewed")
    p.add_argument("--baseline-commit", default=None, metavar="REF",
                   help="report only findings new since git ref REF: a finding the same file "
                   "had at REF (followed through renames) is left out unless its evidence "
                   "touches a changed line; files added since REF are checked whole")
    p.set_defaults(func=run)


def exit_code(report: Report, fail_on: str) -> int:
    if report.summary.internal_errors:
        return EXIT_INTERNAL
    if report.summary.unreadable:
        return EXIT_USAGE
    if fail_on == "never":
        return EXIT_OK
    if fail_on == "info" and report.summary.stale:
        return EXIT_FINDINGS  # stale review entries are info-level findings about the review file
    threshold = Severity(fail_on).rank
    failing = any(
        f.suppression is None and f.severity.rank >= threshold
        for doc in report.documents
        for f in doc.findings
    )
    return EXIT_FINDINGS if failing else EXIT_OK


class ProgressBar:
    """A one-line bar on stderr, redrawn at most ten times a second."""

    WIDTH = 30

    def __init__(self, stream=None) -> None:
        self.stream = stream or sys.stderr
        self._last = 0.0
        self._drawn = False

    def __call__(self, done: int, total: int) -> None:
        now = time.monotonic()
        if total < 2 or (done < total and now - self._last < 0.1):
            return
        self._last = now
        filled = self.WIDTH * done // total
        bar = "#" * filled + "." * (self.WIDTH - filled)
        self.stream.write(f"\rchecking [{bar}] {done}/{total}")
        self.stream.flush()
        self._drawn = True

    def close(self) -> None:
        if self._drawn:
            self.stream.write("\r" + " " * (self.WIDTH + 40) + "\r")
            self.stream.flush()


def _tell_stderr(report: Report) -> None:
    for doc in report.documents:
        if not doc.ok and not doc.internal_errors:
            print(f"nlmg-facts: error: {doc.error}", file=sys.stderr)
        for err in doc.internal_errors:
            where = f"rule {err.rule}" if err.rule else f"stage {err.stage}"
            print(
                f"nlmg-facts: internal error: {doc.path}: {where} crashed: {err.message} "
                "(please report this with the input that caused it)",
                file=sys.stderr,
            )


def _old_checker(config):
    """Checks a file's text at the baseline commit under its current path."""
    from ..ingest import Source
    from ..pipeline import analyse, settings_for

    def check_old(text: str, path: str):
        return analyse(Source(name=path, text=text), settings_for(config), path).findings

    return check_old


def run(args: argparse.Namespace) -> int:
    from ..ingest.reader import is_terminal
    from ..pipeline import run_check

    if args.config and args.no_config:
        raise UsageError("--config and --no-config exclude each other")
    if args.jobs < 0:
        raise UsageError(f"--jobs {args.jobs}: must be 0 (one per CPU) or more")
    config = with_cli(
        load_config(args.config, use_config=not args.no_config),
        select=args.select,
        ignore=args.ignore,
        fail_on=args.fail_on,
    )
    if getattr(args, "input_format", "auto") != "auto":
        config = config.model_copy(update={"input_format": args.input_format})
    fmt = FORMATS[args.format]
    baseline = None
    if args.baseline_commit:
        from ..baseline import Baseline

        baseline = Baseline(args.baseline_commit)  # a bad ref fails before any work
    bar = ProgressBar() if is_terminal(sys.stderr) else None
    try:
        result = run_check(
            args.paths or DEFAULT_PATHS,
            config,
            jobs=args.jobs,
            progress=bar,
            keep_documents=fmt.needs_documents,
        )
    finally:
        if bar:
            bar.close()
    from ..review.apply import review_check_report

    result.report = review_check_report(
        result.report, config, args.review, enabled=not args.no_review
    )
    if baseline is not None:
        from ..baseline import apply_baseline

        result.report = apply_baseline(result.report, baseline, _old_checker(config))
    write_output(fmt.render(result), args.output)
    _tell_stderr(result.report)
    return exit_code(result.report, config.fail_on)
