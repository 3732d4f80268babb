"""Every rule's fixtures through the real pipeline: ingest -> extract -> cite -> that rule.

Layout, per rule code::

    tests/fixtures/rules/<CODE>/flagged/*.txt   each yields >= 1 finding of <CODE> (*.wiki: wikitext)
    tests/fixtures/rules/<CODE>/clean/*.txt     each yields none
    tests/fixtures/rules/<CODE>/cases.json      optional: {"flagged/x.txt": {"count": 1,
                                                 "messages": ["substring", ...]}}

The mini-articles are written by us. Only the rule under test runs, so a
fixture fails when that rule (or the extraction it relies on) is wrong.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

import pytest

from nlmg_facts.calendar import load_calendar
from nlmg_facts.extract import extract_document
from nlmg_facts.ingest import ingest
from nlmg_facts.pipeline import cite
from nlmg_facts.rules import all_rules, get_rule
from nlmg_facts.rules.context import RuleContext

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "rules"
#: Families whose rules must each have fixtures (checked below).
OWN_FAMILIES = ("NLMG-D", "NLMG-I", "NLMG-M", "NLMG-R")


def _cases() -> list[tuple[str, str, Path]]:
    out = []
    for folder in sorted(p for p in FIXTURES.iterdir() if p.is_dir()) if FIXTURES.is_dir() else []:
        for expect in ("flagged", "clean"):
            for path in sorted([*(folder / expect).glob("*.txt"), *(folder / expect).glob("*.wiki")]):
                out.append((folder.name, expect, path))
    return out


@cache
def _calendar():
    return load_calendar()


def _run(code: str, path: Path):
    spec = get_rule(code)
    assert spec is not None, f"fixture folder {code} names no registered rule"
    doc = ingest(path.read_text(encoding="utf-8"), path.name)
    claims = extract_document(doc)
    citations, links = cite(doc, claims)
    ctx = RuleContext(doc=doc, claims=claims, citations=citations, links=links, calendar=_calendar())
    return [h for h in spec.func(ctx)]


@pytest.mark.parametrize(
    ("code", "expect", "path"),
    _cases(),
    ids=[f"{c}/{e}/{p.name}" for c, e, p in _cases()],
)
def test_fixture_is_flagged_or_clean_as_its_folder_says(code, expect, path):
    hits = _run(code, path)
    messages = [h.message for h in hits]
    if expect == "clean":
        assert hits == [], f"{code} cried wolf on {path.name}: {messages}"
        return
    assert hits, f"{code} missed {path.name}"
    cases_file = path.parents[1] / "cases.json"
    case = json.loads(cases_file.read_text("utf-8")).get(f"flagged/{path.name}", {}) if cases_file.exists() else {}
    if "count" in case:
        assert len(hits) == case["count"], messages
    for fragment in case.get("messages", []):
        assert any(fragment in m for m in messages), f"{fragment!r} not in {messages}"


def test_every_date_money_and_ranking_rule_has_flagged_and_clean_fixtures_and_a_full_docstring():
    from nlmg_facts.rules.registry import DOC_SECTIONS

    for spec in all_rules():
        if not spec.code.startswith(OWN_FAMILIES):
            continue
        for part in DOC_SECTIONS:
            assert f"**{part}**" in spec.doc, f"{spec.code} docstring lacks {part}"
        for expect in ("flagged", "clean"):
            folder = FIXTURES / spec.code / expect
            assert [*folder.glob("*.txt"), *folder.glob("*.wiki")], f"{spec.code} has no {expect} fixture"
