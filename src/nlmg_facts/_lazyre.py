"""Regex patterns compiled on first use, from a cache of compiled patterns when one is warm.

Importing a module of this package compiles nothing and reads no data file; a
pattern is compiled the first time it is used. The ``regex`` module parses a
pattern in Python, which is most of the tool's start-up on a big lexicon
alternation, so compiled patterns are also kept in a cache file in the user's
cache directory and loaded from there by later processes (about 40 times faster
than compiling them).

The convention, for every module of the package (and code merged later):

- never ``regex.compile`` at import time. A module-level pattern is declared with
  :func:`lazy_compile` (same arguments as ``regex.compile``)::

      _WORD = lazy_compile(r"\\w+", regex.IGNORECASE)

  and one built from data files, or from other values worth deferring, with
  :func:`lazy` over a function that builds it::

      _FORMS = lazy(lambda: compile(_forms_source(load_data("dates.json"))))

  Either is used exactly like a compiled pattern (``_WORD.search(text)``,
  ``_WORD.pattern``); after the first use its methods are the compiled
  pattern's own bound methods, so there is no overhead per call.
- a pattern compiled inside a function (from data, usually behind
  ``functools.cache``) calls :func:`compile` instead of ``regex.compile``, so it
  comes from the cache too.
- a whole regex module function over a pattern string (``regex.sub(r"...", ...)``)
  compiles through ``regex``'s own small cache; keep those out of hot paths.

The cache is safe to reuse and never in the way:

- one file per package version, ``regex`` version and Python version, keyed
  inside by a hash of each pattern's source text, flags and named lists; a pattern
  read back must have the source text asked for, so a changed pattern or data
  file can never be served an old compiled pattern;
- it holds only builtin values (``regex``'s own compiled form: code, group names),
  read with an unpickler that refuses every global, from a file the current user
  owns and nobody else may write;
- any failure (unwritable directory, corrupt or foreign file, an older ``regex``
  without the compiled form) falls back to compiling, silently;
- new patterns are written at exit, atomically (``os.replace``), only when the
  process compiled some that were not in the file.

``NLMG_FACTS_CACHE=off`` switches the cache off; ``NLMG_FACTS_CACHE=/some/dir``
puts it there (the default is ``$XDG_CACHE_HOME/nlmg-facts``, ``~/.cache/nlmg-facts``,
``~/Library/Caches/nlmg-facts`` or ``%LOCALAPPDATA%\\nlmg-facts``).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any, Callable

import regex

__all__ = ["LazyPattern", "cache_path", "compile", "compile_std", "lazy", "lazy_compile", "save",
           "save_at_worker_exit", "stats"]

#: Bump when the layout of the cache file changes.
_FORMAT = 1
#: Entries kept in the file at most; beyond it, the ones this process did not use go.
_MAX_ENTRIES = 4096
_OFF = {"off", "0", "false", "no", "none"}

#: Counters, for tests and benchmarks: patterns compiled, loaded from the cache, cache files read.
stats = {"compiled": 0, "loaded": 0, "files_read": 0}

# The names of a compiled pattern copied onto a LazyPattern after its first use.
_FORWARDED = tuple(n for n in dir(regex.Pattern) if not n.startswith("_"))


# ------------------------------------------------------------------ lazy patterns


class LazyPattern:
    """A stand-in for a compiled pattern that builds it on first use.

    ``build`` is called once, with no arguments, and must return a compiled
    pattern. Every public attribute of the pattern (``search``, ``finditer``,
    ``pattern``, ``groupindex``...) is then copied onto this object, so later
    uses cost the same as on the pattern itself.
    """

    def __init__(self, build: Callable[[], Any], describe: str = "") -> None:
        self.__dict__["_build"] = build
        self.__dict__["_describe"] = describe

    def __getattr__(self, name: str) -> Any:
        # Called only for names not found yet: the first use of the pattern.
        if name.startswith("__"):
            raise AttributeError(name)
        return getattr(self.compiled(), name)

    def compiled(self) -> Any:
        """The compiled pattern (built now if not yet)."""
        d = self.__dict__
        pattern = d.get("_compiled")
        if pattern is None:
            pattern = d["_build"]()
            d["_compiled"] = pattern
            for name in _FORWARDED:
                if hasattr(pattern, name):
                    d[name] = getattr(pattern, name)
        return pattern

    @property
    def is_compiled(self) -> bool:
        return "_compiled" in self.__dict__

    def __reduce__(self) -> tuple[Any, ...]:
        # Pickled (e.g. to a worker process) as the compiled pattern itself.
        return (_identity, (self.compiled(),))

    def __repr__(self) -> str:
        state = "compiled" if self.is_compiled else "not compiled yet"
        return f"<LazyPattern {self._describe or '(built by a function)'} ({state})>"


def _identity(value: Any) -> Any:
    return value


def lazy_compile(pattern: str, flags: int = 0, **named_lists: Any) -> LazyPattern:
    """``regex.compile(pattern, flags, **named_lists)`` on first use (through the cache)."""
    return LazyPattern(lambda: compile(pattern, flags, **named_lists), _describe(pattern))


def lazy(build: Callable[[], Any]) -> LazyPattern:
    """A pattern built by ``build()`` on first use; ``build`` should use :func:`compile`."""
    return LazyPattern(build, getattr(build, "__qualname__", ""))


def _describe(pattern: str) -> str:
    text = " ".join(pattern.split())
    return repr(text if len(text) <= 50 else text[:47] + "...")


# ------------------------------------------------------------------ the cache


#: Patterns compiled in this process, by (engine, source, flags): a function that compiles on
#: every call (as ``regex`` and ``re`` allow, through their own caches) pays a dict lookup.
_MEMO: dict[tuple[str, str, int], Any] = {}
_MEMO_MAX = 2048


def _remember(key: tuple[str, str, int], compiled: Any) -> Any:
    if len(_MEMO) >= _MEMO_MAX:
        _MEMO.clear()
    _MEMO[key] = compiled
    return compiled


def compile(pattern: str, flags: int = 0, **named_lists: Any) -> regex.Pattern[str]:  # noqa: A001
    """``regex.compile`` through the cache of compiled patterns."""
    if not named_lists:
        hit = _MEMO.get(("regex", pattern, flags))
        if hit is not None:
            return hit
        return _remember(("regex", pattern, flags), _compile(pattern, flags, named_lists))
    return _compile(pattern, flags, named_lists)


def _compile(pattern: str, flags: int, named_lists: dict[str, Any]) -> regex.Pattern[str]:
    store = _STORE.opened()
    if store is None or not isinstance(pattern, str):
        stats["compiled"] += 1
        return regex.compile(pattern, flags, **named_lists)
    key = _key(pattern, flags, named_lists)
    data = store.entries.get(key)
    if data is not None:
        compiled = _revive(data, pattern)
        if compiled is not None:
            stats["loaded"] += 1
            store.used.add(key)
            return compiled
    stats["compiled"] += 1
    compiled = regex.compile(pattern, flags, **named_lists)
    frozen = getattr(compiled, "_pickled_data", None)
    if frozen is not None:
        try:
            import pickle

            store.entries[key] = pickle.dumps(frozen, protocol=pickle.HIGHEST_PROTOCOL)
            store.used.add(key)
            store.dirty = True
        except Exception:  # noqa: BLE001 - an odd pattern is simply not cached
            pass
    return compiled


def compile_std(pattern: str, flags: int = 0) -> Any:
    """``re.compile`` (the standard library's engine) through the cache.

    ``re`` pickles a pattern as its source, so its compiled code is taken from
    its own compiler and given back to ``_sre.compile``, which validates code
    before it builds a pattern. A first compilation is also done by
    ``re.compile`` itself, and the code is kept only when both agree.
    """
    hit = _MEMO.get(("re", pattern, flags))
    if hit is not None:
        return hit
    return _remember(("re", pattern, flags), _compile_std(pattern, flags))


def _compile_std(pattern: str, flags: int) -> Any:
    import re

    store = _STORE.opened()
    if store is None or not isinstance(pattern, str) or flags & re.DEBUG:
        stats["compiled"] += 1
        return re.compile(pattern, flags)
    import _sre

    key = _key(pattern, int(flags), {"re": [str(_sre.MAGIC)]})
    data = store.entries.get(key)
    if data is not None:
        try:
            frozen = _safe_loads(data)
            if isinstance(frozen, tuple) and frozen and frozen[0] == pattern:
                stats["loaded"] += 1
                store.used.add(key)
                return _sre.compile(*frozen)
        except Exception:  # noqa: BLE001 - a bad entry is compiled afresh
            pass
    stats["compiled"] += 1
    compiled = re.compile(pattern, flags)
    try:
        import pickle

        frozen = _std_code(pattern, int(flags))
        twin = _sre.compile(*frozen)
        if (twin.flags, twin.groups, twin.groupindex) == (compiled.flags, compiled.groups, compiled.groupindex):
            store.entries[key] = pickle.dumps(frozen, protocol=pickle.HIGHEST_PROTOCOL)
            store.used.add(key)
            store.dirty = True
    except Exception:  # noqa: BLE001 - another Python's internals: just not cached
        pass
    return compiled


def _std_code(pattern: str, flags: int) -> tuple[Any, ...]:
    """The arguments ``re._compiler.compile`` gives ``_sre.compile`` (CPython 3.11+)."""
    from re import _compiler, _parser  # type: ignore[attr-defined]

    parsed = _parser.parse(pattern, flags)
    code = _compiler._code(parsed, flags)
    groupindex = dict(parsed.state.groupdict)
    indexgroup: list[str | None] = [None] * parsed.state.groups
    for name, i in groupindex.items():
        indexgroup[i] = name
    return (pattern, int(flags | parsed.state.flags), [int(c) for c in code], parsed.state.groups - 1, groupindex, tuple(indexgroup))


def _key(pattern: str, flags: int, named_lists: dict[str, Any]) -> str:
    import hashlib

    lists = sorted((name, sorted(map(str, values))) for name, values in named_lists.items())
    return hashlib.blake2b(repr((pattern, flags, lists)).encode("utf-8", "surrogatepass"),
                           digest_size=16).hexdigest()


def _safe_loads(data: bytes) -> Any:
    """Unpickle builtin values only: a cache file can never make us import or call anything."""
    global _NO_GLOBALS
    import io

    if _NO_GLOBALS is None:
        import pickle

        class NoGlobals(pickle.Unpickler):
            def find_class(self, module: str, name: str) -> Any:
                raise pickle.UnpicklingError(f"global {module}.{name} refused")

        _NO_GLOBALS = NoGlobals
    return _NO_GLOBALS(io.BytesIO(data)).load()


_NO_GLOBALS: Any = None


def _revive(data: bytes, pattern: str) -> regex.Pattern[str] | None:
    try:
        frozen = _safe_loads(data)
        if not (isinstance(frozen, tuple) and frozen and frozen[0] == pattern):
            return None
        from regex import _regex  # the C engine; regex pickles its patterns this way

        result = _regex.compile(*frozen)
        return result if getattr(result, "pattern", None) == pattern else None
    except Exception:  # noqa: BLE001 - a bad entry is compiled afresh
        return None


def _cache_dir() -> Path | None:
    setting = os.environ.get("NLMG_FACTS_CACHE", "").strip()
    if setting.lower() in _OFF:
        return None
    if setting:
        return Path(setting).expanduser()
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA") or str(Path.home() / "AppData" / "Local")
    elif sys.platform == "darwin":
        base = str(Path.home() / "Library" / "Caches")
    else:
        base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "nlmg-facts"


def cache_path() -> Path | None:
    """The cache file for this package, ``regex`` and Python version; None when switched off."""
    directory = _cache_dir()
    if directory is None:
        return None
    from . import __version__

    py = sys.implementation.name + ".".join(map(str, sys.version_info[:3]))
    return directory / f"patterns-{__version__}-regex{regex.__version__}-{py}.pickle"


class _Store:
    """The cache file's entries (key -> frozen pattern), read once per process."""

    def __init__(self) -> None:
        self.path: Path | None = None
        self.entries: dict[str, bytes] = {}
        self.used: set[str] = set()
        self.dirty = False
        self._state = "closed"  # closed -> open | off

    def opened(self) -> "_Store | None":
        if self._state == "closed":
            self._open()
        return self if self._state == "open" else None

    def _open(self) -> None:
        self._state = "off"
        try:
            self.path = cache_path()
        except Exception:  # noqa: BLE001
            self.path = None
        if self.path is None:
            return
        self._state = "open"
        self.entries = _read(self.path)
        import atexit

        atexit.register(save)

    def reset(self) -> None:
        """Forget everything (tests: after changing NLMG_FACTS_CACHE)."""
        self.__init__()


def _read(path: Path) -> dict[str, bytes]:
    try:
        with open(path, "rb") as f:
            st = os.fstat(f.fileno())
            if hasattr(os, "getuid") and (st.st_uid != os.getuid() or st.st_mode & 0o022):
                return {}  # someone else's file, or one others may write: not ours to trust
            data = f.read()
        stats["files_read"] += 1
        content = _safe_loads(data)
    except Exception:  # noqa: BLE001 - missing, unreadable or corrupt: start empty
        return {}
    if not (isinstance(content, dict) and content.get("format") == _FORMAT):
        return {}
    entries = content.get("entries")
    if not isinstance(entries, dict):
        return {}
    return {k: v for k, v in entries.items() if isinstance(k, str) and isinstance(v, bytes)}


def save() -> None:
    """Write the patterns compiled by this process into the cache file (atexit does this)."""
    store = _STORE
    if store._state != "open" or not store.dirty or store.path is None:
        return
    try:
        import pickle
        import tempfile

        # Another process may have written meanwhile: keep its entries too.
        merged = {**_read(store.path), **store.entries}
        if len(merged) > _MAX_ENTRIES:
            merged = {k: v for k, v in merged.items() if k in store.used}
        store.path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        payload = pickle.dumps({"format": _FORMAT, "entries": merged}, protocol=pickle.HIGHEST_PROTOCOL)
        fd, tmp = tempfile.mkstemp(prefix=".patterns-", dir=store.path.parent)
        try:
            with os.fdopen(fd, "wb") as f:
                f.write(payload)
            os.replace(tmp, store.path)
        except BaseException:
            os.unlink(tmp)
            raise
        store.dirty = False
    except Exception:  # noqa: BLE001 - an unwritable cache only costs speed
        pass


def save_at_worker_exit() -> None:
    """Save from a multiprocessing worker too, which leaves by ``os._exit`` (no atexit)."""
    from multiprocessing import util

    util.Finalize(None, save, exitpriority=10)


_STORE = _Store()
