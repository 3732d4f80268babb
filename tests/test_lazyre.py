"""Lazy patterns and the compiled-pattern cache (nlmg_facts._lazyre)."""

from __future__ import annotations

import os
import pickle
import re
import subprocess
import sys

import pytest
import regex

from nlmg_facts import _lazyre


@pytest.fixture()
def cache(tmp_path, monkeypatch):
    """A fresh store over an empty cache directory of its own."""
    monkeypatch.setenv("NLMG_FACTS_CACHE", str(tmp_path / "cache"))
    _reopen(monkeypatch)
    return tmp_path / "cache"


def _reopen(monkeypatch) -> None:
    """What a new process sees: the store read again from the file, nothing compiled yet."""
    monkeypatch.setattr(_lazyre, "_STORE", _lazyre._Store())
    monkeypatch.setattr(_lazyre, "_MEMO", {})


def test_a_lazy_pattern_compiles_on_first_use_only():
    calls = []
    p = _lazyre.lazy(lambda: calls.append(1) or regex.compile(r"(?P<n>\d+)"))
    assert calls == [] and not p.is_compiled
    assert p.search("abc 42").group("n") == "42"
    assert p.findall("1 2") == ["1", "2"] and p.groupindex == {"n": 1}
    assert calls == [1] and p.is_compiled


def test_after_first_use_the_methods_are_the_compiled_patterns_own():
    p = _lazyre.lazy_compile(r"\w+", regex.IGNORECASE)
    p.match("x")
    assert p.search == p.compiled().search  # bound C methods: no wrapper per call
    assert p.pattern == r"\w+" and p.flags & regex.IGNORECASE


def test_a_lazy_pattern_pickles_as_the_compiled_pattern():
    p = _lazyre.lazy_compile(r"a(b)c")
    back = pickle.loads(pickle.dumps(p))
    assert isinstance(back, regex.Pattern) and back.match("abc").group(1) == "b"


def test_a_pattern_compiled_once_is_read_back_from_the_cache(cache, monkeypatch):
    source = r"(?P<year>(?:19|20)\d\d)\b|\L<words>"
    first = _lazyre.compile(source, regex.VERBOSE, words=["alpha", "beta"])
    _lazyre.save()
    assert _lazyre.cache_path().parent == cache and _lazyre.cache_path().exists()
    _reopen(monkeypatch)
    loaded = _lazyre.stats["loaded"]
    again = _lazyre.compile(source, regex.VERBOSE, words=["beta", "alpha"])
    assert _lazyre.stats["loaded"] == loaded + 1
    text = "In 2010, alpha met beta; 1899 and 1999."
    assert [m.span() for m in again.finditer(text)] == [m.span() for m in first.finditer(text)]
    assert again.groupindex == first.groupindex


def test_a_different_pattern_or_flags_is_never_served_a_cached_one(cache, monkeypatch):
    _lazyre.compile(r"abc")
    _lazyre.save()
    _reopen(monkeypatch)
    loaded = _lazyre.stats["loaded"]
    assert _lazyre.compile(r"abc", regex.IGNORECASE).match("ABC")
    assert _lazyre.compile(r"abd").pattern == "abd"
    assert _lazyre.stats["loaded"] == loaded


def test_an_entry_whose_source_differs_is_compiled_afresh(cache, monkeypatch):
    _lazyre.compile(r"abc")
    store = _lazyre._STORE
    key = _lazyre._key("abc", 0, {})
    frozen = pickle.loads(store.entries[key])
    store.entries[key] = pickle.dumps((r"xyz", *frozen[1:]))  # a tampered or colliding entry
    _lazyre.save()
    _reopen(monkeypatch)
    assert _lazyre.compile(r"abc").match("abc")


def test_a_corrupt_or_hostile_cache_file_is_ignored(cache, monkeypatch):
    _lazyre.compile(r"abc")
    _lazyre.save()
    path = _lazyre.cache_path()
    for content in (b"not a pickle", pickle.dumps({"format": 1, "entries": {"k": os.system}})):
        path.write_bytes(content)
        _reopen(monkeypatch)
        assert _lazyre.compile(r"abc").match("abc")
        assert _lazyre._STORE.entries.keys() <= {_lazyre._key("abc", 0, {})}


def test_a_function_compiling_on_every_call_gets_the_same_pattern_object(cache):
    assert _lazyre.compile(r"x+", regex.I) is _lazyre.compile(r"x+", regex.I)
    assert _lazyre.compile_std(r"y+") is _lazyre.compile_std(r"y+")


def test_the_unpickler_refuses_every_global():
    with pytest.raises(pickle.UnpicklingError):
        _lazyre._safe_loads(pickle.dumps(print))


@pytest.mark.skipif(not hasattr(os, "getuid"), reason="POSIX permissions")
def test_a_cache_file_others_may_write_is_not_trusted(cache, monkeypatch):
    _lazyre.compile(r"abc")
    _lazyre.save()
    os.chmod(_lazyre.cache_path(), 0o666)
    _reopen(monkeypatch)
    assert _lazyre._STORE.opened().entries == {}


def test_an_unwritable_cache_directory_only_costs_speed(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("a file where the cache directory should be")
    monkeypatch.setenv("NLMG_FACTS_CACHE", str(blocker / "cache"))
    _reopen(monkeypatch)
    assert _lazyre.compile(r"a+").match("aa")
    _lazyre.save()  # no exception
    assert not (blocker / "cache").exists()


def test_the_cache_can_be_switched_off(tmp_path, monkeypatch):
    monkeypatch.setenv("NLMG_FACTS_CACHE", "off")
    _reopen(monkeypatch)
    assert _lazyre.cache_path() is None
    assert _lazyre.compile(r"a+").match("aa")
    _lazyre.save()
    assert _lazyre._STORE.opened() is None


def test_stdlib_re_patterns_read_back_match_like_re_compile(cache, monkeypatch):
    source = r"(?<!\w)(?=(?P<phrase>film(?:\s+festival)?|fest)(?!\w))"
    first = _lazyre.compile_std(source, re.VERBOSE)
    _lazyre.save()
    _reopen(monkeypatch)
    loaded = _lazyre.stats["loaded"]
    again = _lazyre.compile_std(source, re.VERBOSE)
    assert _lazyre.stats["loaded"] == loaded + 1
    reference = re.compile(source, re.VERBOSE)
    text = "the film festival, a fest, filmic"
    spans = [m.span("phrase") for m in reference.finditer(text)]
    assert [m.span("phrase") for m in again.finditer(text)] == spans
    assert [m.span("phrase") for m in first.finditer(text)] == spans
    assert (again.flags, again.groups, again.groupindex) == (reference.flags, reference.groups, reference.groupindex)


_PROBE = (
    "import sys\n"
    "from nlmg_facts.cli import main\n"
    "from nlmg_facts import _lazyre\n"
    "main(['check', '--no-config', '--no-review', *sys.argv[1:]])\n"
    "print(_lazyre.stats['compiled'], _lazyre.stats['loaded'], file=sys.stderr)\n"
)
_SAMPLE = os.path.join(os.path.dirname(__file__), "..", "sources", "never_let_me_go_2010.txt")


def _check(args: list[str], cache_dir) -> list[int]:
    env = {**os.environ, "NLMG_FACTS_CACHE": str(cache_dir)}
    run = subprocess.run([sys.executable, "-c", _PROBE, *args], capture_output=True, text=True, env=env)
    return [int(n) for n in run.stderr.split()[-2:]]


def test_a_second_check_compiles_no_pattern(tmp_path):
    # Every pattern a check builds has the same source in every process (no set
    # order in an alternation), so a second process takes all of them from the cache.
    first = _check([_SAMPLE], tmp_path / "cache")
    second = _check([_SAMPLE], tmp_path / "cache")
    assert first[0] > 100  # the first check compiled the patterns...
    assert second == [0, first[0] + first[1]]  # ...the second took every one from the cache


def test_worker_processes_fill_the_cache_too(tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    text = open(_SAMPLE, encoding="utf-8").read()
    for name in ("a.txt", "b.txt"):
        (folder / name).write_text(text, encoding="utf-8")
    _check(["--jobs", "2", str(folder)], tmp_path / "cache")  # the parent itself compiles little
    compiled, loaded = _check([_SAMPLE], tmp_path / "cache")
    assert compiled == 0 and loaded > 100
