"""Importing the package does no work: no pattern compiled, no data file read (counted, not timed)."""

from __future__ import annotations

import json
import pkgutil
import subprocess
import sys

import nlmg_facts

# Run in a fresh interpreter: count every regex / re compilation requested by the
# package's code, every pattern taken from the compiled-pattern cache, and every
# file opened under the package's data directory or the cache directory.
_PROBE = r"""
import json, os, re, sys
import regex._main

counts = {"regex": [], "re": [], "opened": []}
watched = [os.path.realpath(p) for p in sys.argv[2:]]

def hook(event, args):
    if event == "open" and isinstance(args[0], (str, bytes, os.PathLike)):
        path = os.path.realpath(os.fsdecode(args[0]))
        if any(path.startswith(w) for w in watched):
            counts["opened"].append(path)

sys.addaudithook(hook)

def caller():
    f = sys._getframe(2)
    while f is not None and f.f_globals.get("__name__", "").split(".")[0] in ("regex", "re"):
        f = f.f_back
    return f"{f.f_globals.get('__name__')}:{f.f_lineno}" if f else "?"

_regex_compile = regex._main._compile
def counted_regex(*args, **kwargs):
    if caller().startswith("nlmg_facts"):
        counts["regex"].append(caller())
    return _regex_compile(*args, **kwargs)
regex._main._compile = counted_regex

_re_compile = re._compile
def counted_re(*args, **kwargs):
    if caller().startswith("nlmg_facts"):
        counts["re"].append(caller())
    return _re_compile(*args, **kwargs)
re._compile = counted_re

import importlib
for name in sys.argv[1].split(","):
    importlib.import_module(name)
from nlmg_facts import _lazyre
counts["from_cache"] = _lazyre.stats["loaded"]
counts["cache_files_read"] = _lazyre.stats["files_read"]
print(json.dumps(counts))
"""


def _probe(modules: list[str], tmp_path) -> dict:
    data_dir = str(next(iter(nlmg_facts.__path__))) + "/data"
    cache = tmp_path / "cache"
    env_cache = {"NLMG_FACTS_CACHE": str(cache)}
    # Warm the cache first, so patterns taken from it at import would be counted too.
    subprocess.run(
        [sys.executable, "-m", "nlmg_facts", "check", "--no-config", "--no-review", "-"],
        input="The film was released on 3 May 2010 and grossed $2 million.\n",
        text=True, capture_output=True, env={**_env(), **env_cache}, check=False,
    )
    out = subprocess.run(
        [sys.executable, "-c", _PROBE, ",".join(modules), data_dir, str(cache)],
        capture_output=True, text=True, env={**_env(), **env_cache}, check=True,
    ).stdout
    return json.loads(out)


def _env() -> dict[str, str]:
    import os

    return dict(os.environ)


def _all_modules() -> list[str]:
    return [
        m.name
        for m in pkgutil.walk_packages(nlmg_facts.__path__, "nlmg_facts.")
        if not m.name.endswith("__main__")
    ]


def _nothing_done(counts: dict) -> None:
    assert counts["regex"] == [], "regex patterns compiled at import"
    assert counts["re"] == [], "re patterns compiled at import"
    assert counts["from_cache"] == 0, "patterns taken from the cache at import"
    assert counts["opened"] == [], "data or cache files read at import"
    assert counts["cache_files_read"] == 0


def test_importing_the_package_and_its_cli_compiles_no_pattern_and_reads_no_data(tmp_path):
    _nothing_done(_probe(["nlmg_facts", "nlmg_facts.cli"], tmp_path))


def test_importing_every_module_compiles_no_pattern_and_reads_no_data(tmp_path):
    _nothing_done(_probe(["nlmg_facts", "nlmg_facts.cli", *_all_modules()], tmp_path))


def test_the_probe_sees_a_compilation_and_a_data_file_read(tmp_path):
    # The counting itself must be able to fail: a first use compiles and reads data.
    counts = _probe(["nlmg_facts", "nlmg_facts.extract.dates"], tmp_path)
    assert counts["regex"] == [] and counts["opened"] == []
    probe = _PROBE.replace(
        "import importlib",
        "import importlib\nimport nlmg_facts, nlmg_facts.extract.dates as d\n"
        "list(nlmg_facts.extract_claims('It opened on 3 May 2010.'))",
    )
    data_dir = str(next(iter(nlmg_facts.__path__))) + "/data"
    out = subprocess.run(
        [sys.executable, "-c", probe, "nlmg_facts", data_dir],
        capture_output=True, text=True, env={**_env(), "NLMG_FACTS_CACHE": "off"}, check=True,
    ).stdout
    used = json.loads(out)
    assert used["regex"], "no compilation seen on first use"
    assert used["opened"], "no data file read seen on first use"


def test_version_imports_no_model_and_no_pipeline():
    probe = (
        "import sys\n"
        "from nlmg_facts.cli import main\n"
        "try:\n    main(['--version'])\nexcept SystemExit:\n    pass\n"
        "print(sorted(m for m in sys.modules if m.startswith(('pydantic', 'nlmg_facts.'))))\n"
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True).stdout
    assert out.startswith("nlmg-facts ")  # the version was printed...
    assert json.loads(out.splitlines()[-1].replace("'", '"')) == ["nlmg_facts.cli", "nlmg_facts.errors"]
