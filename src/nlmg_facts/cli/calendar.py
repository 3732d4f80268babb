"""``nlmg-facts calendar [NAME] [--check FILE]``: the recurring-event calendar, and user calendar checks."""

from __future__ import annotations

import argparse
import difflib
import json
from pathlib import Path

from ..errors import UsageError
from .output import write_output


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "calendar",
        help="list the known recurring events, show one's editions by year, or check a calendar file",
        description="Without NAME: every known event with its numbering. With NAME (any name, alias "
        "or abbreviation): that event's editions by year, its gaps and its sources. With --check "
        "FILE: validate a user calendar file (the format of the bundled one).",
    )
    p.add_argument("name", nargs="?", metavar="NAME", help="an event name, alias or abbreviation")
    p.add_argument("--check", metavar="FILE", action="append", default=None,
                   help="validate a calendar file (repeatable); exit 2 on the first error")
    p.add_argument("--format", choices=["text", "json"], default="text")
    p.add_argument("--config", default=None, metavar="FILE",
                   help="configuration file whose `calendars` extend the bundled one")
    p.add_argument("--no-config", action="store_true", help="ignore configuration files")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from ..calendar import check_calendar_file, load_calendar
    from ..config import load_config

    if args.check:
        lines = []
        for path in args.check:
            report = check_calendar_file(Path(path))
            lines.append(report)
        write_output("\n".join(lines) + "\n", None)
        return 0
    config = load_config(args.config, use_config=not args.no_config)
    cal = load_calendar(extra_paths=tuple(config.calendars))
    if args.name is None:
        events = sorted(cal, key=lambda e: (e.kind, e.name))
        if args.format == "json":
            write_output(json.dumps([_summary(e) for e in events], indent=2, ensure_ascii=False) + "\n", None)
        else:
            write_output("\n".join(_summary_line(e) for e in events) + f"\n{len(events)} events.\n", None)
        return 0
    found = cal.candidates(args.name)
    if not found:
        names = sorted({n for e in cal for n in (e.name, *e.aliases, *e.abbreviations)})
        close = difflib.get_close_matches(args.name, names, n=3, cutoff=0.6)
        hint = f"; did you mean {', '.join(repr(c) for c in close)}?" if close else "; see `nlmg-facts calendar`"
        raise UsageError(f"no event called {args.name!r} in the calendar{hint}")
    if args.format == "json":
        write_output(json.dumps([_detail(e) for e in found], indent=2, ensure_ascii=False) + "\n", None)
    else:
        write_output("\n\n".join(_detail_text(e) for e in found) + "\n", None)
    return 0


def _numbering(e) -> str:
    if not e.numbered:
        return "numbering unknown"
    runs = e.runs()
    last = runs[-1] if runs else None
    until = f"to {e.until}" if e.until is not None else "on"
    first = f"edition {e.first_edition} in {e.first_year}"
    return f"{first}, {until}" + (f" ({len(runs)} run{'s' if len(runs) != 1 else ''})" if last else "")


def _summary_line(e) -> str:
    abbr = f" [{', '.join(e.abbreviations)}]" if e.abbreviations else ""
    return f"{e.kind:<8} {e.name}{abbr}: {_numbering(e)}"


def _summary(e) -> dict:
    return {
        "key": e.key, "name": e.name, "kind": e.kind, "aliases": list(e.aliases),
        "abbreviations": list(e.abbreviations), "first_year": e.first_year,
        "first_edition": e.first_edition, "until": e.until,
        "honoured_year_offset": e.film_year_offset,
    }


def _detail(e) -> dict:
    return {
        **_summary(e),
        "runs": [r.model_dump() for r in e.runs()],
        "editions": [
            {"edition": e.first_edition + i, "year": y} for i, y in enumerate(_listed_years(e))
        ],
        "skipped": list(e.skipped), "cancelled": list(e.cancelled), "repeated": list(e.repeated),
        "sources": [s if isinstance(s, str) else s.model_dump() for s in e.sources],
        "notes": e.notes,
    }


def _listed_years(e) -> list[int]:
    runs = e.runs()
    return [] if not runs else [y for y in e._years if y <= runs[-1].last_year]


def _detail_text(e) -> str:
    from ..calendar import CalendarSource

    out = [f"{e.name} ({e.kind})"]
    if e.aliases or e.abbreviations:
        out.append("  also: " + ", ".join((*e.aliases, *e.abbreviations)))
    if e.film_year_offset:
        out.append(f"  honours the year {-e.film_year_offset} before each edition's own")
    out.append(f"  {_numbering(e)}")
    for r in e.runs():
        every = "every year" if r.step == 1 else ("twice in one year" if r.step == 0 else f"every {r.step} years")
        out.append(
            f"  run: editions {r.first_edition}-{r.last_edition}, {r.first_year}-{r.last_year}, {every}"
        )
    years = _listed_years(e)
    cancelled = set(e.cancelled)
    if years:
        cells = [
            f"{e.first_edition + i}:{y}{'*' if y in cancelled else ''}" for i, y in enumerate(years)
        ]
        out.append("  editions (edition:year, * cancelled but numbered):")
        for i in range(0, len(cells), 8):
            out.append("    " + "  ".join(cells[i : i + 8]))
    if e.skipped:
        out.append("  no edition in: " + ", ".join(map(str, e.skipped)))
    for s in e.sources:
        if isinstance(s, CalendarSource):
            pairs = ", ".join(f"{a}@{b}" for a, b in s.supports)
            out.append(f"  source: \"{s.quote}\" ({s.address}){f' [{pairs}]' if pairs else ''}")
        else:
            out.append(f"  source: {s}")
    if e.notes:
        out.append(f"  notes: {e.notes}")
    return "\n".join(out)
