"""Inline suppressions: <!-- nlmg-facts: ignore CODE --> on the finding's line or the one before."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

FIXTURES = Path(__file__).resolve().parent / "fixtures"
if str(FIXTURES / "plugins") not in sys.path:
    sys.path.insert(0, str(FIXTURES / "plugins"))

from nlmg_fake_registry import only_fake_rules  # noqa: E402

from nlmg_facts import ingest, pipeline  # noqa: E402
from nlmg_facts.config import Config  # noqa: E402
from nlmg_facts.extract import extract_document  # noqa: E402
from nlmg_facts.ingest import Source  # noqa: E402
from nlmg_facts.suppress import comment_spans, directives  # noqa: E402

LINES = [
    "The Kestrel is a 2011 card game from Bristol.",
    "Reviewers called it DOUBTWORD clever.",
    "Its box was NOTEWORD blue, and one critic wrote CONFLICTWORD.",
]


@pytest.fixture
def fake_rules():
    with only_fake_rules():
        yield


def _check(tmp_path, lines: list[str], name: str = "kestrel.txt"):
    report = pipeline.check_source(Source(name, "\n\n".join(lines) + "\n"), Config(root=tmp_path))
    return report


def _state(report) -> dict[str, str | None]:
    return {f.code: (f.suppression.status if f.suppression else None) for f in report.findings}


def test_a_comment_on_the_line_before_silences_that_code_there_only(fake_rules, tmp_path):
    lines = [LINES[0], "<!-- nlmg-facts: ignore NLMG-Z902 -->\n" + LINES[1], LINES[2]]
    report = _check(tmp_path, lines)
    assert _state(report) == {"NLMG-Z902": "ignored", "NLMG-Z903": None, "NLMG-Z901": None}
    ignored = next(f for f in report.findings if f.code == "NLMG-Z902")
    assert ignored.suppression.reason == "<!-- nlmg-facts: ignore NLMG-Z902 --> at 3:1"
    assert report.summary.ignored == 1 and report.summary.warnings == 0 and report.summary.errors == 1


def test_a_comment_on_the_same_line_silences_several_codes_and_names(fake_rules, tmp_path):
    lines = [LINES[0], LINES[1], LINES[2] + " <!-- nlmg-facts: ignore fake-note-word, NLMG-Z901 -->"]
    assert _state(_check(tmp_path, lines)) == {"NLMG-Z902": None, "NLMG-Z903": "ignored", "NLMG-Z901": "ignored"}


def test_a_comment_two_lines_above_does_not_reach(fake_rules, tmp_path):
    lines = ["<!-- nlmg-facts: ignore NLMG-Z902 -->", LINES[0], LINES[1]]
    assert _state(_check(tmp_path, ["\n".join(lines)])) == {"NLMG-Z902": None}


def test_ignore_file_silences_a_family_everywhere(fake_rules, tmp_path):
    lines = ["<!-- nlmg-facts: ignore-file NLMG-Z90 -->", *LINES]
    assert set(_state(_check(tmp_path, lines)).values()) == {"ignored"}


def test_an_unknown_code_is_a_warning_with_a_suggestion_and_ignores_nothing(fake_rules, tmp_path):
    lines = [LINES[0], "<!-- nlmg-facts: ignore NLMG-Z9022 -->\n" + LINES[1]]
    report = _check(tmp_path, lines)
    assert _state(report) == {"NLMG-Z902": None}
    assert report.warnings == [
        "kestrel.txt:3:1: nlmg-facts ignore names no rule 'NLMG-Z9022' (did you mean NLMG-Z902?): "
        "nothing is ignored for it"
    ]


def test_a_misspelt_directive_is_a_warning(fake_rules, tmp_path):
    report = _check(tmp_path, ["<!-- nlmg-facts: ingore NLMG-Z902 -->", LINES[1]])
    assert _state(report) == {"NLMG-Z902": None}
    assert "unknown nlmg-facts comment" in report.warnings[0]


def test_a_rule_that_is_switched_off_is_not_unknown(fake_rules, tmp_path):
    lines = ["<!-- nlmg-facts: ignore NLMG-Z904 -->", LINES[0]]
    assert _check(tmp_path, lines).warnings == []


@pytest.mark.parametrize(
    "name, text",
    [
        ("a.txt", "It opened on 3 May 2010. <!-- nlmg-facts: ignore NLMG-D001 --> It closed in 2011.\n"),
        ("a.md", "It opened on 3 May 2010. <!-- nlmg-facts: ignore NLMG-D001 --> It closed in 2011.\n"),
        ("a.wiki", "It opened on 3 May 2010. <!-- nlmg-facts: ignore NLMG-D001 --> It closed in 2011.\n"),
    ],
)
def test_the_comment_is_not_prose_in_any_format(name, text):
    doc = ingest(text, name)
    (span,) = comment_spans(text)
    sentences = [doc.sentence_text(s.index) for s in doc.sentences]
    assert not any("nlmg-facts" in doc.analysis_text[s.span.start:s.span.end] for s in doc.sentences), sentences
    assert all(not (span[0] <= c.span.start < span[1]) for c in extract_document(doc))
    assert doc.analysis_text[span[0]:span[1]].strip() == ""


def test_directives_read_line_and_column_of_each_comment():
    text = "One.\nTwo <!--nlmg-facts:ignore-file  NLMG-L, date-conflict-->\n"
    (d,), warnings = directives(text)
    assert (d.line, d.column, d.file_wide, d.selectors) == (2, 5, True, ("NLMG-L", "date-conflict"))
    assert warnings == []
