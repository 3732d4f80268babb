"""The festival and awards calendar: event names, aliases and edition numbering by year.

Convention (also in ``data/events.json``): an edition's *year* is the calendar
year in which that edition takes place -- the festival is held or the ceremony
is staged. The 83rd Academy Awards (February 2011, honouring films of 2010)
is a 2011 edition; ``film_year_offset = -1`` records that the films it honours
are from the year before. A numbered edition that was cancelled but kept its
number (Cannes 2020 published an official selection as its 73rd edition) stays
in the sequence and is listed in ``cancelled``; a year whose number was never
used (Edinburgh 2020: the 74th edition was held in 2021) is listed in
``skipped``.

Numbering is only claimed where it was checked: ``first_year`` /
``first_edition`` name the earliest edition whose number is known (not
necessarily the first ever), and ``until`` the last year the numbering is known
to hold (``None``: still running on the same schedule). Outside that range
every question answers ``None`` ("unknown"), never a guess. Each event's
``checks`` are (edition, year) pairs confirmed from independent sources; the
loader refuses an event whose numbering contradicts its own checks.
"""

from __future__ import annotations

import json
import unicodedata
from functools import cached_property, lru_cache
from importlib import resources
from pathlib import Path
from typing import Iterable, Iterator, Literal

import regex
from pydantic import Field, ValidationError, model_validator

from . import _lazyre
from .errors import UsageError
from .models.common import Model

_POSSESSIVE_S = _lazyre.lazy_compile(r"'s\b")

__all__ = [
    "Event", "EventCalendar", "FrequencyChange", "default_calendar", "load_calendar",
    "normalize_event_name",
]

#: Editions are enumerated up to this year for open-ended schedules.
_HORIZON = 2100

#: Words that never distinguish one event from another ("the 37th annual ...").
_STOP_WORDS = frozenset({"the", "annual", "international", "edition", "of", "and"})
#: Plural/singular variants folded together so "Academy Award" finds "Academy Awards".
_FOLD = {"award": "awards"}
_YEAR = _lazyre.lazy_compile(r"^(?:1[89]|20|21)\d\d$")
_NON_WORD = _lazyre.lazy_compile(r"[^a-z0-9]+")
# A possessive prefix names the host, not the event: "Japan's Tokyo International
# Film Festival". Case-sensitive capital so "the festival's" does not count.
_POSSESSIVE_PREFIX = _lazyre.lazy_compile(r"^(?:the\s+)?(?:\p{Lu}[\p{L}.-]*\s+){0,3}\p{Lu}[\p{L}.-]*['’]s\s+(?P<rest>.+)$")


def normalize_event_name(text: str) -> str:
    """Case-, accent-, punctuation- and filler-insensitive form of an event name.

    'The 22nd Annual Palm Springs International Film Festival' keeps its
    ordinal ('22nd palm springs film festival'); callers strip it first.
    'London Film Critics’ Circle' -> 'london film critics circle';
    'San Sebastián International Film Festival' -> 'san sebastian film festival'.
    """
    t = unicodedata.normalize("NFKD", text)
    t = "".join(c for c in t if not unicodedata.combining(c)).lower()
    t = t.replace("’", "'").replace("‘", "'").replace("&", " and ")
    t = _POSSESSIVE_S.sub("", t)
    words = []
    for w in _NON_WORD.split(t):
        if not w or w in _STOP_WORDS or _YEAR.match(w):
            continue
        words.append(_FOLD.get(w, w))
    return " ".join(words)


class FrequencyChange(Model):
    """From ``from_year`` on, an edition every ``every`` years (2 = biennial)."""

    from_year: int = Field(alias="from")
    every: int = Field(ge=1, le=10)


class CalendarSource(Model):
    """A public source for part of an event's numbering: what it says, where, and which editions."""

    quote: str = Field(min_length=8, description="The words of the source that state the edition(s).")
    address: str = Field(min_length=4, description="Where it was read: a URL or a bibliographic reference.")
    supports: tuple[tuple[int, int], ...] = Field(
        (), description="(edition, year) pairs the quote states; each must also be in the event's checks."
    )


class Run(Model):
    """A stretch of editions on one schedule: every ``step`` years from ``first_year``."""

    first_edition: int
    last_edition: int
    first_year: int
    last_year: int
    step: int = Field(description="Years between consecutive editions (0: two in one year).")


class Event(Model):
    """One recurring event (festival, award, sport, contest) with its names and checked numbering."""

    key: str = Field("", description="Normalised display name; derived when omitted.")
    name: str = Field(min_length=1, description="Display name.")
    kind: Literal["festival", "award", "sport", "contest", "other"]
    aliases: tuple[str, ...] = ()
    abbreviations: tuple[str, ...] = ()
    month: int | None = Field(None, ge=1, le=12, description="Usual month of the edition.")
    first_year: int | None = Field(
        None, ge=1800, le=_HORIZON,
        description="Year of edition number `first_edition`; null: numbering unknown.",
    )
    first_edition: int = Field(1, ge=1)
    until: int | None = Field(None, description="Last year the numbering is known to hold.")
    skipped: tuple[int, ...] = Field((), description="Years with no numbered edition.")
    repeated: tuple[int, ...] = Field((), description="Years holding two numbered editions.")
    frequency: tuple[FrequencyChange, ...] = Field((), description="Changes of schedule, by year.")
    cancelled: tuple[int, ...] = Field((), description="Numbered editions that did not take place as usual.")
    film_year_offset: int = Field(
        0, description="Honoured year minus edition year: -1 for awards held early in the year "
        "after the films, music or season they honour."
    )
    numeral_forms: tuple[str, ...] = Field(
        (), description="How an edition is written with a Roman numeral, {n} standing for it: "
        "'Super Bowl {n}', 'Games of the {n} Olympiad'."
    )
    checks: tuple[tuple[int, int], ...] = Field((), description="Verified (edition, year) pairs.")
    sources: tuple[CalendarSource | str, ...] = Field(
        (), description="Quoted public sources (free text accepted in user calendars; "
        "`nlmg-facts calendar --check` asks for quoted, addressed sources covering every run)."
    )
    notes: str = ""

    @model_validator(mode="before")
    @classmethod
    def _derive_key(cls, data: object) -> object:
        if isinstance(data, dict) and not data.get("key") and data.get("name"):
            data = {**data, "key": normalize_event_name(str(data["name"]))}
        return data

    @model_validator(mode="after")
    def _consistent(self) -> "Event":
        if self.key != normalize_event_name(self.key):
            raise ValueError(f"key {self.key!r} is not normalised (expected {normalize_event_name(self.key)!r})")
        for form in self.numeral_forms:
            if form.count("{n}") != 1:
                raise ValueError(f"numeral form {form!r} must hold {{n}} exactly once")
        if self.first_year is None:
            if self.checks:
                raise ValueError("checks given but first_year is null")
            return self
        if self.until is not None and self.until < self.first_year:
            raise ValueError(f"until {self.until} before first_year {self.first_year}")
        for edition, year in self.checks:
            if not self.matches(edition, year):
                raise ValueError(
                    f"check failed: edition {edition} is in {self.edition_year(edition)}, not {year}"
                )
        checks = set(self.checks)
        for src in self.sources:
            if isinstance(src, CalendarSource):
                for pair in src.supports:
                    if pair not in checks:
                        raise ValueError(f"source supports {list(pair)}, which is not among the checks")
        return self

    # ------------------------------------------------------------ numbering
    @cached_property
    def _years(self) -> tuple[int, ...]:
        """Year of each numbered edition, in order, from ``first_edition``."""
        if self.first_year is None:
            return ()
        last = self.until if self.until is not None else _HORIZON
        changes = sorted(self.frequency, key=lambda c: c.from_year)
        skipped, repeated = set(self.skipped), set(self.repeated)
        years: list[int] = []
        year, every = self.first_year, 1
        for c in changes:
            if c.from_year <= year:
                every = c.every
        while year <= last:
            if year not in skipped:
                years.append(year)
                if year in repeated:
                    years.append(year)
            nxt = year + every
            for c in changes:
                if year < c.from_year <= nxt:
                    nxt, every = c.from_year, c.every
                    break
            year = nxt
        return tuple(years)

    @property
    def numbered(self) -> bool:
        return self.first_year is not None

    def runs(self, horizon: int | None = None) -> tuple[Run, ...]:
        """The schedule in stretches between its anomalies: a skipped year, a repeated
        year or a change of frequency ends one run and starts the next.

        An open-ended schedule is listed up to ``horizon`` (default: this year).
        """
        if horizon is None:
            import datetime as _dt

            horizon = _dt.date.today().year
        years = [y for y in self._years if self.until is not None or y <= horizon]
        if not years:
            return ()
        skipped, starts = sorted(self.skipped), {c.from_year for c in self.frequency}
        runs: list[Run] = []
        begin = 0
        for i in range(1, len(years) + 1):
            boundary = i == len(years) or (
                years[i] == years[i - 1]  # the second edition of a repeated year
                or years[i] in starts
                or any(years[i - 1] < y < years[i] for y in skipped)
            )
            if boundary:
                first, last = years[begin], years[i - 1]
                step = years[begin + 1] - first if i - 1 > begin else self._every(first)
                runs.append(Run(
                    first_edition=self.first_edition + begin, last_edition=self.first_edition + i - 1,
                    first_year=first, last_year=last, step=step,
                ))
                begin = i
        return tuple(runs)

    def _every(self, year: int) -> int:
        every = 1
        for c in sorted(self.frequency, key=lambda c: c.from_year):
            if c.from_year <= year:
                every = c.every
        return every

    def unsourced_runs(self) -> tuple[Run, ...]:
        """Runs with no (edition, year) pair stated by a quoted, addressed source."""
        supported = {
            pair for src in self.sources if isinstance(src, CalendarSource) for pair in src.supports
        }
        return tuple(
            r for r in self.runs()
            if not any(r.first_edition <= e <= r.last_edition and self.matches(e, y) for e, y in supported)
        )

    def covers(self, year: int) -> bool:
        """True when the numbering is known for ``year`` (so None answers mean 'no edition')."""
        if self.first_year is None or year < self.first_year:
            return False
        return self.until is None or year <= self.until

    def edition_year(self, number: int) -> int | None:
        """Year of edition ``number``; None when unknown."""
        i = number - self.first_edition
        return self._years[i] if 0 <= i < len(self._years) else None

    def editions_in_year(self, year: int) -> tuple[int, ...]:
        """Every edition number held in ``year`` (two for the Academy Awards in 1930)."""
        if not self.covers(year):
            return ()
        from bisect import bisect_left, bisect_right

        lo, hi = bisect_left(self._years, year), bisect_right(self._years, year)
        return tuple(self.first_edition + i for i in range(lo, hi))

    def year_edition(self, year: int) -> int | None:
        """The (first) edition held in ``year``; None when none was or it is unknown."""
        found = self.editions_in_year(year)
        return found[0] if found else None

    def matches(self, number: int, year: int) -> bool | None:
        """Whether edition ``number`` took place in ``year``; None when the calendar cannot tell."""
        if not self.covers(year) or number < self.first_edition:
            return None
        # The year's numbering is known, so any other number is wrong there, even one
        # past the known range (``until``) that cannot itself be placed.
        return number in self.editions_in_year(year)


class EventCalendar(Model):
    """All known events, looked up by any name, alias or abbreviation."""

    events: dict[str, Event]
    #: Sponsor and presenter names that prefix an event's name in prose and titles
    #: ("The Moët British Independent Film Awards"), normalised.
    ignored_prefixes: tuple[str, ...] = ()

    def __iter__(self) -> Iterator[Event]:  # type: ignore[override]
        return iter(self.events.values())

    def __len__(self) -> int:
        return len(self.events)

    @cached_property
    def _index(self) -> dict[str, tuple[str, ...]]:
        index: dict[str, list[str]] = {}
        for e in self.events.values():
            for name in (e.key, e.name, *e.aliases, *e.abbreviations):
                norm = normalize_event_name(name)
                if norm and e.key not in index.setdefault(norm, []):
                    index[norm].append(e.key)
        return {k: tuple(v) for k, v in index.items()}

    @cached_property
    def has_numeral_forms(self) -> bool:
        return any(e.numeral_forms for e in self.events.values())

    @cached_property
    def _ignored_prefixes(self) -> tuple[str, ...]:
        return tuple(sorted(set(self.ignored_prefixes), key=len, reverse=True))

    def candidates(self, name: str) -> tuple[Event, ...]:
        """Every event the name could denote (several for 'TIFF': Toronto and Tokyo)."""
        for variant in self._variants(name):
            keys = self._index.get(variant)
            if keys:
                return tuple(self.events[k] for k in keys)
        return ()

    def lookup(self, name: str) -> Event | None:
        """The one event a name denotes; None when unknown or ambiguous."""
        found = self.candidates(name)
        return found[0] if len(found) == 1 else None

    def get(self, key: str) -> Event | None:
        return self.events.get(key)

    def _variants(self, name: str) -> Iterator[str]:
        """The name, then without a possessive host, then without sponsor prefixes."""
        yield normalize_event_name(name)
        m = _POSSESSIVE_PREFIX.match(name.strip())
        if m:
            yield normalize_event_name(m.group("rest"))
        norm = normalize_event_name(name)
        for _ in range(3):
            for prefix in self._ignored_prefixes:
                if norm.startswith(prefix + " "):
                    norm = norm[len(prefix) + 1 :]
                    yield norm
                    break
            else:
                break

    def merged(self, other: "EventCalendar") -> "EventCalendar":
        """This calendar with ``other``'s events added or replacing same-key ones."""
        return EventCalendar(
            events={**self.events, **other.events},
            ignored_prefixes=(*self.ignored_prefixes, *other.ignored_prefixes),
        )


class _CalendarFile(Model):
    """One calendar file as written."""

    format: Literal[1] = 1
    convention: str = ""
    ignored_prefixes: tuple[str, ...] = ()
    events: tuple[Event, ...]


def _one_line(exc: ValidationError, data: object) -> str:
    err = exc.errors()[0]
    loc = list(err.get("loc", ()))
    where = ""
    if len(loc) >= 2 and loc[0] == "events" and isinstance(loc[1], int) and isinstance(data, dict):
        try:
            where = f"event {data['events'][loc[1]].get('name', loc[1])!r}: "
        except (KeyError, IndexError, TypeError, AttributeError):
            where = ""
        loc = loc[2:]
    field = ".".join(str(p) for p in loc if not str(p).startswith("function-after"))
    msg = str(err.get("msg", "invalid")).removeprefix("Value error, ")
    return f"{where}{field + ': ' if field else ''}{msg}"


def _read(text: str, origin: str) -> _CalendarFile:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise UsageError(f"{origin}: invalid JSON at line {exc.lineno} column {exc.colno}: {exc.msg}") from None
    try:
        parsed = _CalendarFile.model_validate(data)
    except ValidationError as exc:
        raise UsageError(f"{origin}: {_one_line(exc, data)}") from None
    seen: set[str] = set()
    for e in parsed.events:
        if e.key in seen:
            raise UsageError(f"{origin}: event key {e.key!r} appears twice")
        seen.add(e.key)
    return parsed


def _calendar(files: Iterable[_CalendarFile]) -> EventCalendar:
    events: dict[str, Event] = {}
    prefixes: list[str] = []
    for f in files:
        prefixes.extend(normalize_event_name(p) for p in f.ignored_prefixes)
        events.update({e.key: e for e in f.events})
    return EventCalendar(events=events, ignored_prefixes=tuple(dict.fromkeys(prefixes)))


@lru_cache(maxsize=1)
def _bundled() -> _CalendarFile:
    text = resources.files("nlmg_facts.data").joinpath("events.json").read_text(encoding="utf-8")
    return _read(text, "data/events.json")


def load_calendar(extra_paths: Iterable[Path] = ()) -> EventCalendar:
    """The bundled calendar extended (or overridden, by key) by extra files in the same format.

    A missing, unreadable or invalid file raises UsageError with a one-line message.
    """
    files = [_bundled()]
    for path in extra_paths:
        p = Path(path)
        try:
            text = p.read_text(encoding="utf-8-sig")
        except FileNotFoundError:
            raise UsageError(f"{p}: calendar file not found") from None
        except (OSError, UnicodeDecodeError) as exc:
            raise UsageError(f"{p}: cannot read calendar file: {exc}") from None
        files.append(_read(text, str(p)))
    return _calendar(files)


@lru_cache(maxsize=1)
def default_calendar() -> EventCalendar:
    """The bundled calendar alone (what extractors use to name events)."""
    return load_calendar()


def calendar_problems(cal: _CalendarFile) -> list[str]:
    """What keeps a calendar file from being trusted, one line each (empty: none).

    Every numbered event needs each run of its schedule backed by a quoted,
    addressed source stating one of its (edition, year) pairs; a full name or
    alias may name only one event (abbreviations may be shared: "TIFF");
    cancelled, skipped and repeated years must make sense together.
    """
    problems: list[str] = []
    owner: dict[str, str] = {}
    for e in cal.events:
        for name in (e.name, *e.aliases):
            norm = normalize_event_name(name)
            if norm in owner and owner[norm] != e.name:
                problems.append(f"event {e.name!r}: the name {name!r} also names {owner[norm]!r}")
            owner.setdefault(norm, e.name)
        if not e.numbered:
            continue
        both = set(e.skipped) & set(e.repeated)
        if both:
            problems.append(f"event {e.name!r}: {sorted(both)} both skipped and repeated")
        held = set(e._years)
        for y in e.cancelled:
            if y not in held:
                problems.append(f"event {e.name!r}: cancelled year {y} holds no numbered edition")
        for y in e.skipped:
            if y < e.first_year or (e.until is not None and y > e.until):
                problems.append(f"event {e.name!r}: skipped year {y} is outside {e.first_year}-{e.until or 'now'}")
        if not any(isinstance(s, CalendarSource) for s in e.sources):
            problems.append(f"event {e.name!r}: no quoted source with an address")
            continue
        for r in e.unsourced_runs():
            problems.append(
                f"event {e.name!r}: editions {r.first_edition}-{r.last_edition} "
                f"({r.first_year}-{r.last_year}) have no quoted source stating one of them"
            )
    return problems


def check_calendar_file(path: Path) -> str:
    """Validate a user calendar file; UsageError (exit 2) naming the first problem."""
    try:
        text = Path(path).read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise UsageError(f"{path}: calendar file not found") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise UsageError(f"{path}: cannot read calendar file: {exc}") from None
    parsed = _read(text, str(path))
    problems = calendar_problems(parsed)
    if problems:
        more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
        raise UsageError(f"{path}: {problems[0]}{more}")
    runs = sum(len(e.runs()) for e in parsed.events)
    numbered = sum(1 for e in parsed.events if e.numbered)
    return f"{path}: {len(parsed.events)} events ({numbered} numbered, {runs} runs), every run sourced"


def bundled_calendar_file() -> _CalendarFile:
    """The bundled calendar file as written (for its own consistency checks)."""
    return _bundled()
