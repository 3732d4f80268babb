"""The rule engine: selection, severities, fingerprints, order, crashes; rule docs and fixtures."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
sys.path.insert(0, str(FIXTURES / "plugins"))

from nlmg_fake_registry import only_fake_rules  # noqa: E402

from nlmg_facts import ingest  # noqa: E402
from nlmg_facts.config import Config  # noqa: E402
from nlmg_facts.errors import UsageError  # noqa: E402
from nlmg_facts.models.common import Severity  # noqa: E402
from nlmg_facts.rules import all_rules  # noqa: E402
from nlmg_facts.rules.context import RuleContext  # noqa: E402
from nlmg_facts.rules.docs import missing_sections  # noqa: E402
from nlmg_facts.rules.engine import active_rules, run_rules  # noqa: E402

ARTICLE = (
    "The Lantern is a 2009 board game designed in Leeds. "
    "It shipped on 4 May 2009 to shops in England. "
    "Critics found the box DOUBTWORD sturdy. "
    "A second print run followed, and it shipped on 9 June 2009 to the rest of Europe."
)


@pytest.fixture
def fake_rules():
    with only_fake_rules():
        yield


def _config(**kw) -> Config:
    return Config(root=Path("."), **kw)


def _run(text: str, config: Config | None = None, document: str = "games/lantern.txt"):
    doc = ingest(text, document)
    ctx = RuleContext(doc=doc, claims=[])
    return run_rules(ctx, active_rules(config or _config()), document)


def _codes(**kw) -> list[str]:
    return [r.spec.code for r in active_rules(_config(**kw))]


# ------------------------------------------------------------------ selection

ALL = ["NLMG-Z901", "NLMG-Z902", "NLMG-Z903", "NLMG-Z904", "NLMG-Z905"]
SELECTION_CASES = [
    # (config and command-line layers, rules left on)
    ({}, ALL),
    ({"select": ("NLMG-Z90",)}, ALL),
    ({"select": ("NLMG-Z901", "fake-note-word")}, ["NLMG-Z901", "NLMG-Z903"]),
    ({"ignore": ("NLMG-Z904",)}, ["NLMG-Z901", "NLMG-Z902", "NLMG-Z903", "NLMG-Z905"]),
    # The more specific selector wins within a layer; a tie goes to ignore.
    ({"select": ("NLMG-Z904",), "ignore": ("NLMG-Z",)}, ["NLMG-Z904"]),
    ({"select": ("NLMG-Z",), "ignore": ("NLMG-Z",)}, []),
    ({"select": ("ALL",), "ignore": ("fake-crash",)}, ["NLMG-Z901", "NLMG-Z902", "NLMG-Z903", "NLMG-Z905"]),
    # The command line is a later layer: --select starts afresh, --ignore removes.
    ({"ignore": ("NLMG-Z901",), "cli_select": ("NLMG-Z901",)}, ["NLMG-Z901"]),
    ({"select": ("NLMG-Z901", "NLMG-Z902"), "cli_ignore": ("NLMG-Z902",)}, ["NLMG-Z901"]),
]


@pytest.mark.parametrize("layers, expected", SELECTION_CASES)
def test_selection_layers_pick_the_expected_rules(fake_rules, layers, expected):
    assert _codes(**layers) == expected


@pytest.mark.parametrize("field", ["select", "ignore", "cli_select", "cli_ignore"])
def test_a_selector_matching_no_rule_is_a_usage_error(fake_rules, field):
    with pytest.raises(UsageError, match="matches no rule"):
        active_rules(_config(**{field: ("NLMG-Q",)}))


def test_a_severity_override_for_an_unknown_rule_is_a_usage_error(fake_rules):
    with pytest.raises(UsageError, match="unknown rule"):
        active_rules(_config(severity={"NLMG-Q001": Severity.INFO}))


def test_severity_override_by_code_or_name_replaces_the_default(fake_rules):
    rules = active_rules(
        _config(severity={"NLMG-Z901": Severity.WARNING, "fake-note-word": Severity.ERROR})
    )
    levels = {r.spec.code: r.severity for r in rules}
    assert levels["NLMG-Z901"] is Severity.WARNING
    assert levels["NLMG-Z903"] is Severity.ERROR
    assert levels["NLMG-Z902"] is Severity.WARNING  # default kept


def test_a_hit_that_lowers_its_severity_keeps_the_offset_after_an_override(fake_rules):
    from nlmg_facts.models import Span
    from nlmg_facts.rules.registry import Hit, rule

    @rule("NLMG-Z950", "fake-lowered", Severity.ERROR)
    def lowered(ctx):
        """Lowered."""
        yield Hit("m", "h", [ctx.evidence(Span(start=0, end=3), "claim")], severity=Severity.WARNING)

    config = _config(select=("NLMG-Z950",), severity={"NLMG-Z950": Severity.WARNING})
    (finding,) = _run(ARTICLE, config).findings
    assert finding.severity is Severity.INFO
    (finding,) = _run(ARTICLE, _config(select=("NLMG-Z950",))).findings
    assert finding.severity is Severity.WARNING


# ------------------------------------------------------------------ running


def test_hits_become_findings_with_code_name_severity_and_evidence(fake_rules):
    result = _run(ARTICLE)
    assert [(f.code, f.name, f.severity.value) for f in result.findings] == [
        ("NLMG-Z905", "fake-shipping-date-conflict", "error"),
        ("NLMG-Z902", "fake-doubt-word", "warning"),
    ]
    conflict = result.findings[0]
    assert [e.text for e in conflict.evidence] == ["4 May 2009", "9 June 2009"]
    assert [e.role for e in conflict.evidence] == ["claim", "conflicting claim"]
    assert result.errors == []


def test_findings_are_sorted_by_position_then_code(fake_rules):
    text = "NOTEWORD and DOUBTWORD. Then CONFLICTWORD. Then NOTEWORD again."
    starts = [(f.evidence[0].span.start, f.code) for f in _run(text).findings]
    assert starts == sorted(starts)
    assert [c for _, c in starts] == ["NLMG-Z903", "NLMG-Z902", "NLMG-Z901", "NLMG-Z903"]


def test_a_crashing_rule_is_recorded_and_the_others_still_run(fake_rules):
    result = _run("CRASHWORD here, and CONFLICTWORD there.")
    assert [f.code for f in result.findings] == ["NLMG-Z901"]
    (error,) = result.errors
    assert error.rule == "NLMG-Z904" and error.stage == "check"
    assert "RuntimeError: fake rule crashed on purpose" in error.message


def test_a_rule_yielding_something_other_than_a_hit_is_an_internal_error(fake_rules):
    from nlmg_facts.rules.registry import rule

    @rule("NLMG-Z951", "fake-bad-yield", Severity.ERROR)
    def bad(ctx):
        """Bad."""
        yield "not a hit"

    result = _run(ARTICLE, _config(select=("NLMG-Z951",)))
    assert result.findings == []
    assert "expected Hit" in result.errors[0].message


# ------------------------------------------------------------------ fingerprints


def _fingerprints(text: str, document: str = "games/lantern.txt") -> dict[str, str]:
    return {f.code: f.fingerprint for f in _run(text, document=document).findings}


def test_fingerprint_is_stable_when_a_paragraph_is_inserted_above(fake_rules):
    before = _fingerprints(ARTICLE)
    inserted = (
        "The publisher was founded in 1987 and later moved to York.\n\n"
        "Its first game sold 12,000 copies in a year.\n\n" + ARTICLE
    )
    after = _fingerprints(inserted)
    assert after == before


def test_fingerprint_is_stable_when_text_between_the_spans_changes(fake_rules):
    before = _fingerprints(ARTICLE)
    edited = ARTICLE.replace("Critics found", "Most reviewers in three magazines found")
    assert _fingerprints(edited) == before


def test_fingerprint_changes_when_the_conflicting_value_changes(fake_rules):
    before = _fingerprints(ARTICLE)
    after = _fingerprints(ARTICLE.replace("9 June 2009", "19 June 2009"))
    assert after["NLMG-Z905"] != before["NLMG-Z905"]
    assert after["NLMG-Z902"] == before["NLMG-Z902"]


def test_fingerprint_changes_when_words_next_to_the_span_change(fake_rules):
    before = _fingerprints(ARTICLE)
    after = _fingerprints(ARTICLE.replace("box DOUBTWORD sturdy", "lid DOUBTWORD sturdy"))
    assert after["NLMG-Z902"] != before["NLMG-Z902"]


def test_fingerprint_depends_on_the_document(fake_rules):
    assert _fingerprints(ARTICLE, "a.txt") != _fingerprints(ARTICLE, "b.txt")


def test_the_same_defect_twice_in_a_document_gets_two_fingerprints(fake_rules):
    text = "It was DOUBTWORD good. It was DOUBTWORD good."
    prints = [f.fingerprint for f in _run(text).findings]
    assert len(prints) == 2 and len(set(prints)) == 2


# ------------------------------------------------------------------ every real rule


def test_every_rule_documents_what_why_and_an_example():
    missing = {r.code: missing_sections(r) for r in all_rules() if missing_sections(r)}
    assert not missing, f"rules lacking docstring sections: {missing}"


def test_every_rule_has_a_fixture_folder():
    missing = [r.code for r in all_rules() if not (FIXTURES / "rules" / r.code).is_dir()]
    assert not missing, f"rules without tests/fixtures/rules/<CODE>/: {missing}"


def test_words_next_to_a_span_in_a_long_sentence_are_those_of_the_whole_sentence():
    """The near words are read from a window that grows as needed: the result must be
    the same as reading the whole sentence (fingerprints are stored in review files)."""
    import regex

    from nlmg_facts.rules.engine import NEAR_WORDS, _near_words

    words = [f"w{i}x" * (1 + i % 3) for i in range(400)]
    text = "On 3 May 2010 " + " ".join(words) + " it opened."
    doc = ingest(text, "long.txt")
    ctx = RuleContext(doc=doc, claims=[])
    word = regex.compile(r"\w+")
    sentence = doc.sentence_at(0).span
    for m in list(word.finditer(text))[::37]:
        start, end = m.span()
        before = word.findall(text[sentence.start : start])[-NEAR_WORDS:]
        after = word.findall(text[end : sentence.end])[:NEAR_WORDS]
        assert _near_words(ctx, start, end) == (" ".join(before).casefold(), " ".join(after).casefold())
