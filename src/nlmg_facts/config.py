"""Configuration: ``[tool.nlmg-facts]`` in pyproject.toml, found by walking up, CLI on top.

Keys (all optional)::

    [tool.nlmg-facts]
    select = ["NLMG-D", "NLMG-M001"]     # code prefixes or rule names; default: every rule
    ignore = ["NLMG-R002"]               # code prefixes or rule names
    fail-on = "warning"                  # error | warning | info | never (default: error)
    calendars = ["data/festivals.json"]  # extra festival/award calendars (bundled format)
    review = "nlmg-facts.review.json"    # review file (decisions about findings)
    plugins = ["house_rules"]            # extra rule modules to import (your own @rule's)

    [tool.nlmg-facts.severity]           # severity overrides, by code or name
    "NLMG-D001" = "warning"

    [tool.nlmg-facts.options."NLMG-M003"]   # per-rule options, passed to RuleContext.options
    tolerance = 0.02

    paths = ["sources/"]                 # what check and review read when given no PATH
    exclude = ["drafts/**"]              # replaces the default excludes (build/, *.egg-info, ...)
    extend-exclude = ["tests/fixtures"]  # adds to them
    respect-gitignore = true             # skip what git ignores (default true)

    [tool.nlmg-facts.per-file-ignores]   # rules not run on the files a glob matches
    "tests/**" = ["NLMG-C"]

Paths are relative to the file that names them. The project root -- the base of
every document's ``uri`` (used in fingerprints, SARIF and annotations) -- is the
directory of the configuration file; without one, the nearest directory up from
the working directory holding ``.git`` or ``pyproject.toml``; else the working
directory. Command-line ``--select`` replaces ``select`` as a later layer,
``--ignore`` adds to ``ignore``, ``--fail-on`` replaces ``fail-on``.
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any, Literal

from pydantic import Field, ValidationError

from .errors import UsageError
from .models.common import Model, Severity

FailOn = Literal["error", "warning", "info", "never"]
FAIL_ON: tuple[str, ...] = ("error", "warning", "info", "never")
TABLE = "nlmg-facts"
#: Selector syntax: a code prefix ("NLMG", "NLMG-D", "NLMG-D00", "NLMG-D001"),
#: "ALL", or a rule name ("date-conflict").
_SELECTOR = r"^(ALL|NLMG(-[A-Z](\d{1,3})?)?|[a-z][a-z0-9]*(-[a-z0-9]+)*)$"


#: Never walked into (ruff's defaults, plus build output): replace with ``exclude``,
#: extend with ``extend-exclude``. Hidden files and directories are always skipped.
DEFAULT_EXCLUDE: tuple[str, ...] = (
    "build", "dist", "_build", "site-packages", "node_modules", "__pycache__",
    "*.egg-info", "venv", "htmlcov", "__pypackages__",
)


class Config(Model):
    """Resolved settings for one run; picklable, so worker processes get a copy."""

    root: Path = Field(description="Project root: base of document uris.")
    source: Path | None = Field(None, description="The configuration file read, if any.")
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    #: The command line's layer, applied after select/ignore (see engine.active_rules).
    cli_select: tuple[str, ...] = ()
    cli_ignore: tuple[str, ...] = ()
    severity: dict[str, Severity] = Field(default_factory=dict)
    fail_on: FailOn = "error"
    calendars: tuple[Path, ...] = ()
    review: Path | None = None
    plugins: tuple[str, ...] = ()
    options: dict[str, dict[str, Any]] = Field(default_factory=dict)
    #: How to read articles (``--input-format``): auto detects by extension and content.
    input_format: Literal["auto", "plain", "wikitext", "markdown"] = "auto"
    #: Default paths of check and review (relative to the root), None: ``sources/``.
    paths: tuple[str, ...] | None = None
    #: Glob patterns of files and directories never read when walking a directory.
    exclude: tuple[str, ...] = DEFAULT_EXCLUDE
    respect_gitignore: bool = True
    #: (glob, selectors): rules turned off on the documents the glob matches.
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()
    #: Problems with the configuration that do not stop the run (printed on stderr).
    warnings: tuple[str, ...] = ()


class _Table(Model):
    """The ``[tool.nlmg-facts]`` table as written (kebab-case keys)."""

    select: list[str] = Field(default_factory=list)
    ignore: list[str] = Field(default_factory=list)
    severity: dict[str, Severity] = Field(default_factory=dict)
    fail_on: FailOn = Field("error", alias="fail-on")
    calendars: list[str] = Field(default_factory=list)
    review: str | None = None
    plugins: list[str] = Field(default_factory=list)
    options: dict[str, dict[str, Any]] = Field(default_factory=dict)
    paths: list[str] | None = None
    exclude: list[str] | None = None
    extend_exclude: list[str] = Field(default_factory=list, alias="extend-exclude")
    respect_gitignore: bool = Field(True, alias="respect-gitignore")
    per_file_ignores: dict[str, list[str]] = Field(default_factory=dict, alias="per-file-ignores")


def split_selectors(values: list[str] | tuple[str, ...] | None) -> tuple[str, ...]:
    """``["NLMG-D,NLMG-M", "NLMG-R001"]`` -> ``("NLMG-D", "NLMG-M", "NLMG-R001")``, checked."""
    import regex

    out: list[str] = []
    for value in values or ():
        for part in str(value).split(","):
            part = part.strip()
            if not part:
                continue
            norm = part.upper() if part.upper().startswith(("NLMG", "ALL")) else part
            if not regex.match(_SELECTOR, norm):
                from .suppress import suggest_known

                raise UsageError(
                    f"bad rule selector {part!r}{suggest_known(part)}: use a code prefix like "
                    "NLMG-D or NLMG-D001, ALL, or a rule name"
                )
            out.append(norm)
    return tuple(out)


def find_config(start: Path | None = None) -> tuple[Path | None, Path]:
    """(config file with a ``[tool.nlmg-facts]`` table or None, project root)."""
    here = (start or Path.cwd()).resolve()
    fallback_root: Path | None = None
    for folder in (here, *here.parents):
        candidate = folder / "pyproject.toml"
        if candidate.is_file():
            if TABLE in _read_toml(candidate).get("tool", {}):
                return candidate, folder
            fallback_root = fallback_root or folder
        if (folder / ".git").exists():
            # The repository's top: configuration above it belongs to someone else.
            return None, fallback_root or folder
    return None, fallback_root or here


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise UsageError(f"{path}: cannot read configuration: {exc.strerror or exc}") from None
    except UnicodeDecodeError:
        raise UsageError(f"{path}: configuration is not valid UTF-8") from None
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise UsageError(f"{path}: invalid TOML: {exc}") from None


def _table_of(
    path: Path, data: dict[str, Any], explicit: bool, warnings: list[str] | None = None
) -> dict[str, Any]:
    tool = data.get("tool")
    if isinstance(tool, dict) and TABLE in tool:
        table = tool[TABLE]
    elif explicit and "tool" not in data and data:
        # A standalone file given with --config: its top level is our table.
        table = data
    else:
        table = {}
        if explicit and warnings is not None:
            warnings.append(
                f"{path}: no [tool.{TABLE}] table, so nothing is configured "
                f"(put the settings under [tool.{TABLE}], or at the top level of a file of their own)"
            )
    if not isinstance(table, dict):
        raise UsageError(f"{path}: [tool.{TABLE}] must be a table")
    return table


def parse_table(table: dict[str, Any], path: Path) -> _Table:
    """Validate the table; the first problem becomes one line naming the key."""
    try:
        return _Table.model_validate(table)
    except ValidationError as exc:
        err = exc.errors()[0]
        where = ".".join(str(p) for p in err["loc"]) or "(table)"
        if err["type"] == "extra_forbidden":
            known = ", ".join(sorted(f.alias or n for n, f in _Table.model_fields.items()))
            raise UsageError(
                f"{path}: [tool.{TABLE}] unknown key {where!r} (known: {known})"
            ) from None
        raise UsageError(f"{path}: [tool.{TABLE}] {where}: {err['msg']}") from None


def load_config(
    config_file: str | Path | None = None,
    *,
    use_config: bool = True,
    cwd: Path | None = None,
) -> Config:
    """Read the configuration (explicit file, discovered, or none)."""
    cwd = (cwd or Path.cwd()).resolve()
    warnings: list[str] = []
    if config_file is not None and use_config:
        path = Path(config_file)
        if not path.is_file():
            raise UsageError(f"--config {config_file}: no such file")
        path = path.resolve()
        table = _table_of(path, _read_toml(path), explicit=True, warnings=warnings)
        root = path.parent
    else:
        found, root = find_config(cwd)
        path = found if use_config else None
        table = _table_of(path, _read_toml(path), explicit=False) if path else {}
    if path is None:
        return Config(root=root, warnings=tuple(warnings))
    raw = parse_table(table, path)
    base = path.parent
    for p in raw.calendars:
        if not (base / p).is_file():
            raise UsageError(f"{path}: calendars: {p}: no such file")
    exclude = DEFAULT_EXCLUDE if raw.exclude is None else tuple(raw.exclude)
    return Config(
        root=root,
        source=path,
        select=_selectors(raw.select, path, "select"),
        ignore=_selectors(raw.ignore, path, "ignore"),
        severity=raw.severity,
        fail_on=raw.fail_on,
        calendars=tuple((base / p).resolve() for p in raw.calendars),
        review=(base / raw.review).resolve() if raw.review else None,
        plugins=tuple(raw.plugins),
        options=raw.options,
        paths=None if raw.paths is None else tuple(raw.paths),
        exclude=exclude + tuple(raw.extend_exclude),
        respect_gitignore=raw.respect_gitignore,
        per_file_ignores=tuple(
            (glob, _selectors(codes, path, f"per-file-ignores.{glob}"))
            for glob, codes in raw.per_file_ignores.items()
        ),
        warnings=tuple(warnings),
    )


def _selectors(values: list[str], path: Path, key: str) -> tuple[str, ...]:
    try:
        return split_selectors(values)
    except UsageError as exc:
        raise UsageError(f"{path}: [tool.{TABLE}] {key}: {exc}") from None


def with_cli(
    config: Config,
    *,
    select: list[str] | None = None,
    ignore: list[str] | None = None,
    fail_on: str | None = None,
    exclude: list[str] | None = None,
    extend_exclude: list[str] | None = None,
    respect_gitignore: bool | None = None,
) -> Config:
    """Command-line flags on top of the file's settings (``--exclude`` replaces the
    file's ``exclude`` and its defaults, ``--extend-exclude`` adds to them)."""
    update: dict[str, Any] = {}
    if exclude:
        update["exclude"] = tuple(exclude)
    if extend_exclude:
        update["exclude"] = (*update.get("exclude", config.exclude), *extend_exclude)
    if respect_gitignore is not None:
        update["respect_gitignore"] = respect_gitignore
    if select:
        update["cli_select"] = split_selectors(select)
    if ignore:
        update["cli_ignore"] = split_selectors(ignore)
    if fail_on:
        update["fail_on"] = fail_on
    return config.model_copy(update=update)
