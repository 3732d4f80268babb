"""The flow of ``nlmg-facts check``: ingest -> extract -> cite -> check -> report.

The whole flow is :func:`analyse` plus :func:`document_report`::

    doc = ingest(source.text, source.name)                  # text -> Document
    claims = extract_document(doc)                          # -> typed claims
    citations, links = cite(doc, claims)                    # -> citations + claim links
    result = run_rules(RuleContext(doc, claims, ...), ...)  # -> findings
    report = document_report(analysis)                      # -> located findings, summary

:func:`check_paths` runs it over many files, in worker processes with ``jobs > 1``,
and keeps the input order. A stage that crashes on one document is recorded on
that document as an internal error (exit code 3); the others are still checked.
"""

from __future__ import annotations

import os
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from typing import Callable, Iterator, Sequence

from . import _lazyre
from .analysis import Analysis, CheckRun  # noqa: F401  (re-exported: the run's results)
from .budget import TimeBudgetExceeded, budget_for, time_budget
from .calendar import EventCalendar, load_calendar
from .cite import cite_document
from .config import Config
from .errors import InputError
from .extract import extract_document, paused_gc
from .files import per_file_ignored, select_files
from .ingest import Source, ingest, read_source
from .models import Claim, Document, DocumentReport, Report, Summary
from .models.citations import Citation, ClaimLink
from .models.common import Severity
from .models.findings import InternalError
from .report.locate import locate
from .rules.context import RuleContext
from .rules.engine import ActiveRule, active_rules, load_plugins, one_line, run_rules
from .rules.catalogue import all_rules
from .suppress import apply_inline

#: A unit of work: a path to read in the worker, a source read already (stdin),
#: or a report decided already (a directory without articles).
Item = str | Source | DocumentReport
#: The name ``read_source`` gives standard input.
STDIN_NAME = "<stdin>"
Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class Settings:
    """What every document's check needs, built once per process from a Config."""

    config: Config
    rules: list[ActiveRule]
    calendar: EventCalendar | None = None
    #: Every registered rule as (code, name), on or off: what inline comments may name.
    known: tuple[tuple[str, str], ...] = ()


# ------------------------------------------------------------------ stages


def cite(doc: Document, claims: list[Claim]) -> tuple[list[Citation], list[ClaimLink]]:
    """The citation stage: (citations, claim links)."""
    result = cite_document(doc, claims)
    return list(result.citations), list(result.links)


def load_event_calendar(config: Config) -> EventCalendar:
    """The bundled festival/award calendar plus the configured extra calendars.

    A bad user calendar raises UsageError (exit 2); anything else is our bug (exit 3).
    """
    return load_calendar(extra_paths=tuple(config.calendars))


_SETTINGS: dict[str, Settings] = {}


def settings_for(config: Config) -> Settings:
    """Rules and calendar for a configuration, once per process."""
    key = config.model_dump_json()
    if key not in _SETTINGS:
        rules = active_rules(config)
        _SETTINGS[key] = Settings(
            config=config, rules=rules, calendar=load_event_calendar(config),
            known=tuple((r.code, r.name) for r in all_rules()),
        )
    return _SETTINGS[key]


# ------------------------------------------------------------------ one document


def document_uri(path: str, config: Config) -> str:
    """POSIX path relative to the project root; outside it, the path as given."""
    if path in ("-", STDIN_NAME):
        return STDIN_NAME
    rel = os.path.relpath(os.path.abspath(path), config.root)
    if rel == ".." or rel.startswith(".." + os.sep) or os.path.isabs(rel):
        return os.path.normpath(path).replace(os.sep, "/")
    return rel.replace(os.sep, "/")


def rules_for(uri: str, settings: Settings) -> list[ActiveRule]:
    """The active rules less those ``per-file-ignores`` turns off for this document."""
    off = per_file_ignored(uri, settings.config)
    if not off:
        return settings.rules
    return [
        r for r in settings.rules
        if not any(s == "ALL" or s == r.spec.name or r.spec.code.startswith(s) for s in off)
    ]


def analyse(source: Source, settings: Settings, path: str | None = None) -> Analysis:
    """Every stage over one source; a crash is recorded with the stage it hit.

    The stages create no reference cycles, so the cyclic collector is paused
    for the document (see ``paused_gc``). A document over its time budget
    (``budget.py``) is recorded like a crash, in the stage it was in.
    """
    with paused_gc():
        return _analyse(source, settings, path)


def _analyse(source: Source, settings: Settings, path: str | None = None) -> Analysis:
    path = path or source.name
    a = Analysis(path=path, uri=document_uri(path, settings.config))
    stage = "ingest"
    try:
        with time_budget(budget_for(len(source.text))):
            a.doc = ingest(source.text, source.name, settings.config.input_format)
            stage = "extract"
            a.claims = extract_document(a.doc)
            stage = "cite"
            a.citations, a.links = cite(a.doc, a.claims)
            stage = "check"
            ctx = RuleContext(
                doc=a.doc,
                claims=a.claims,
                citations=a.citations,
                links=a.links,
                calendar=settings.calendar,
                options=settings.config.options,
            )
            result = run_rules(ctx, rules_for(a.uri, settings), a.uri)
            stage = "report"
            a.findings, a.warnings = apply_inline(a.doc, locate(a.doc, result.findings), settings.known)
            a.errors = result.errors
    except TimeBudgetExceeded as exc:
        a.errors.append(InternalError(stage=stage, message=one_line(exc)))
        a.failure = f"too slow in {stage}: {exc}"
    except Exception as exc:  # noqa: BLE001 - recorded, and the run exits 3
        a.errors.append(InternalError(stage=stage, message=one_line(exc)))
        a.failure = f"internal error in {stage}: {one_line(exc)}"
    return a


def summarise(doc: DocumentReport) -> DocumentReport:
    """Recompute a document's summary from its findings (after review, too)."""
    counts = {s: 0 for s in Severity}
    suppressed = ignored = 0
    for f in doc.findings:
        if f.suppression is not None and f.suppression.status == "ignored":
            ignored += 1
        elif f.suppression is not None:
            suppressed += 1
        else:
            counts[f.severity] += 1
    summary = Summary(
        documents=1,
        findings=len(doc.findings),
        errors=counts[Severity.ERROR],
        warnings=counts[Severity.WARNING],
        infos=counts[Severity.INFO],
        suppressed=suppressed,
        ignored=ignored,
        stale=len(doc.stale_reviews),
        unreadable=0 if doc.ok or doc.internal_errors else 1,
        internal_errors=len(doc.internal_errors),
        baseline=doc.baseline_hidden,
    )
    return doc.model_copy(update={"summary": summary})


def document_report(a: Analysis) -> DocumentReport:
    return summarise(
        DocumentReport(
            path=a.path,
            uri=a.uri,
            ok=a.failure is None,
            error=a.failure,
            claims=len(a.claims),
            citations=len(a.citations),
            findings=a.findings,
            internal_errors=a.errors,
            warnings=[f"{a.path}:{w}" for w in a.warnings],
        )
    )


def unreadable(path: str, error: str, config: Config) -> DocumentReport:
    return summarise(
        DocumentReport(path=path, uri=document_uri(path, config), ok=False, error=error)
    )


def check_source(source: Source, config: Config, path: str | None = None) -> DocumentReport:
    """One article, all stages, as a located document report."""
    return document_report(analyse(source, settings_for(config), path))


# ------------------------------------------------------------------ many documents


def _expand(paths: Sequence[str], config: Config) -> list[Item]:
    """Paths to work items in order (see ``files.select_files``); stdin read here
    (workers cannot); broken links and directories without articles reported."""
    items: list[Item] = []
    for sel in select_files(paths, config):
        if sel.error is not None:
            items.append(unreadable(sel.path, sel.error, config))
        elif sel.path == "-":
            try:
                items.append(read_source(sel.path))
            except InputError as exc:
                items.append(unreadable(STDIN_NAME, str(exc), config))
        else:
            items.append(sel.path)
    return items


def _work(item: Item, settings: Settings, keep: bool) -> tuple[DocumentReport, Analysis | None]:
    if isinstance(item, DocumentReport):
        return item, None
    if isinstance(item, Source):
        source, path = item, item.name
    else:
        path = item
        try:
            source = read_source(item)
        except InputError as exc:
            return unreadable(path, str(exc), settings.config), None
    a = analyse(source, settings, path)
    return document_report(a), (a if keep else None)


_WORKER: tuple[Settings, bool] | None = None


def _init_worker(config: Config, keep: bool) -> None:
    global _WORKER
    _lazyre.save_at_worker_exit()
    load_plugins(config.plugins, config.root)
    _WORKER = (settings_for(config), keep)


def _work_in_worker(item: Item) -> tuple[DocumentReport, Analysis | None]:
    assert _WORKER is not None, "worker not initialised"
    return _work(item, *_WORKER)


def _chunksize(n: int, jobs: int) -> int:
    # Several chunks per worker balance uneven documents; big enough chunks keep
    # the per-task pickling overhead small next to a ~10 ms document.
    return max(1, min(64, n // (jobs * 8) or 1))


def _results(
    items: list[Item], config: Config, settings: Settings, jobs: int, keep: bool
) -> Iterator[tuple[DocumentReport, Analysis | None]]:
    jobs = min(jobs, sum(1 for i in items if not isinstance(i, DocumentReport)))
    if jobs <= 1:
        for item in items:
            yield _work(item, settings, keep)
        return
    with ProcessPoolExecutor(
        max_workers=jobs, initializer=_init_worker, initargs=(config, keep)
    ) as pool:
        yield from pool.map(_work_in_worker, items, chunksize=_chunksize(len(items), jobs))


def run_check(
    paths: Sequence[str],
    config: Config,
    jobs: int = 1,
    progress: Progress | None = None,
    keep_documents: bool = False,
) -> CheckRun:
    """Check every document under ``paths``; results in input order."""
    settings = settings_for(config)  # before forking: bad rules or calendars fail once, here
    budget_for(0)  # likewise a bad NLMG_FACTS_TIME_BUDGET
    items = _expand(paths, config)
    jobs = jobs if jobs > 0 else (os.cpu_count() or 1)
    docs: list[DocumentReport] = []
    analyses: dict[str, Analysis] = {}
    for done, (doc, a) in enumerate(_results(items, config, settings, jobs, keep_documents), 1):
        docs.append(doc)
        if a is not None:
            analyses[a.uri] = a
        if progress:
            progress(done, len(items))
    return CheckRun(report=build_report(docs, settings.rules), analyses=analyses)


def check_paths(
    paths: Sequence[str], config: Config, jobs: int = 1, progress: Progress | None = None
) -> Report:
    """Check files and directories; see :func:`run_check`."""
    return run_check(paths, config, jobs, progress).report


def build_report(docs: list[DocumentReport], rules: Sequence[ActiveRule] = ()) -> Report:
    from . import __version__

    return total(
        Report(
            version=__version__,
            rules=[r.info for r in rules],
            documents=docs,
            summary=Summary(),
        )
    )


def total(report: Report) -> Report:
    """Recompute every summary (call after changing findings, e.g. applying reviews)."""
    docs = [summarise(d) for d in report.documents]
    fields = Summary.model_fields
    summary = Summary(**{k: sum(getattr(d.summary, k) for d in docs) for k in fields})
    return report.model_copy(update={"documents": docs, "summary": summary})
