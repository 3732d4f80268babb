"""Citation (NLMG-C) and linking (NLMG-L) rules: documentation, severities, the bundled article."""

from __future__ import annotations

from pathlib import Path

import pytest

from nlmg_facts.cite import cite_document
from nlmg_facts.extract import extract_document
from nlmg_facts.ingest import ingest
from nlmg_facts.models import Severity
from nlmg_facts.rules import all_rules, get_rule
from nlmg_facts.rules.context import RuleContext
from nlmg_facts.rules.registry import DOC_SECTIONS

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "rules"
OURS = [r for r in all_rules() if r.code.startswith(("NLMG-C", "NLMG-L"))]


def _hits(code: str, text: str):
    doc = ingest(text, "t.txt")
    claims = extract_document(doc)
    result = cite_document(doc, claims)
    ctx = RuleContext(doc=doc, claims=claims, citations=result.citations, links=result.links)
    spec = get_rule(code)
    return [(h, h.severity or spec.severity) for h in spec.func(ctx)]


def test_citation_and_linking_rules_are_registered_with_defect_names():
    assert {r.code: r.name for r in OURS} == {
        "NLMG-C001": "access-date-before-publication",
        "NLMG-C002": "archive-date-before-publication",
        "NLMG-C003": "placeholder-publication-date",
        "NLMG-C004": "impossible-citation-date",
        "NLMG-C005": "duplicate-citation-conflict",
        "NLMG-C006": "author-name-mismatch",
        "NLMG-C007": "citation-missing-title-and-date",
        "NLMG-C008": "author-name-variant",
        "NLMG-L001": "source-predates-event",
        "NLMG-L002": "citation-title-contradicts-claim",
        "NLMG-L003": "source-long-after-as-of",
    }


@pytest.mark.parametrize("spec", OURS, ids=[r.code for r in OURS])
def test_each_rule_has_the_three_doc_sections_and_flagged_and_clean_fixtures(spec):
    for section in DOC_SECTIONS:
        assert f"**{section}**" in spec.doc, (spec.code, section)
    assert "Flagged:" in spec.doc and "Corrected:" in spec.doc
    for expect in ("flagged", "clean"):
        assert list((FIXTURES / spec.code / expect).glob("*.txt")), (spec.code, expect)


BODY = ("Lumen is a 2012 British drama film directed by Ada Rowe. It premiered at the Harbour Film Festival "
        "in May 2012. Critic Paul Brenner of the Evening Star praised its photography and its score. ")


@pytest.mark.parametrize(
    ("published", "retrieved", "severity"),
    [("14 May 2012", "13 May 2012", Severity.WARNING), ("14 May 2012", "2 May 2012", Severity.ERROR)],
)
def test_a_day_early_access_date_is_a_warning_and_longer_gaps_are_errors(published, retrieved, severity):
    text = BODY + (f'Brenner, Paul ({published}). "Lumen shines on the harbour". Evening Star. '
                   f"Retrieved {retrieved}. Lumen at IMDb")
    [(hit, sev)] = _hits("NLMG-C001", text)
    assert sev == severity and retrieved in hit.message and hit.citations == ["c1"]


@pytest.mark.parametrize("date", ["31 December 1969", "1 January 1970", "1 January 0000"])
def test_placeholder_dates_are_flagged(date):
    text = BODY + f'Brenner, Paul ({date}). "Lumen shines on the harbour". Evening Star. Retrieved 15 May 2012. Lumen at IMDb'
    assert len(_hits("NLMG-C003", text)) == 1


def test_an_author_name_in_the_text_marked_sic_is_not_flagged():
    text = BODY.replace("Paul Brenner", "Paul Brener [sic]") + (
        'Brenner, Paul (14 May 2012). "Lumen shines on the harbour". Evening Star. Retrieved 15 May 2012. Lumen at IMDb')
    assert _hits("NLMG-C006", text) == []


@pytest.mark.parametrize(("verb", "flagged"), [("was", True), ("was expected", False), ("will be", False)])
def test_an_announcement_sentence_is_not_flagged_by_source_predates_event(verb, flagged):
    text = (f"Lumen is a 2012 British drama film. Its release {verb} on 5 October 2012 in the United "
            "Kingdom, the studio said. Dodd, Tom (30 June 2012). \"Lumen release in the United Kingdom\". "
            "Studio Blog. Retrieved 2 July 2012. Lumen at IMDb")
    assert bool(_hits("NLMG-L001", text)) is flagged


@pytest.fixture(scope="module")
def sample_hits(sample_doc):
    if sample_doc.back_matter is None:
        pytest.skip("back matter not detected")
    claims = extract_document(sample_doc)
    result = cite_document(sample_doc, claims)
    ctx = RuleContext(doc=sample_doc, claims=claims, citations=result.citations, links=result.links)
    return {r.code: [(h, h.severity or r.severity) for h in r.func(ctx)] for r in OURS}


def test_bundled_article_findings_of_the_citation_rules(sample_hits):
    found = {code: sorted(tuple(h.citations) for h, _ in hits) for code, hits in sample_hits.items() if hits}
    assert found["NLMG-C001"] == [("c69",)]          # retrieved the day before publication
    assert found["NLMG-C003"] == [("c33",)]          # 31 December 1969
    assert found["NLMG-C005"] == [("c8", "c24")]     # one article, two works
    assert found["NLMG-C006"] == [("c71",)]          # Monohla / Manohla
    assert ("c27",) in found["NLMG-L001"]           # Norfolk source dated a year before the move
    assert "NLMG-C004" not in found and "NLMG-C002" not in found


def test_bundled_article_severities(sample_hits):
    assert [s for _, s in sample_hits["NLMG-C001"]] == [Severity.WARNING]
    assert [s for _, s in sample_hits["NLMG-C003"]] == [Severity.ERROR]
    assert [s for h, s in sample_hits["NLMG-L001"] if h.citations == ["c27"]] == [Severity.ERROR]


# ------------------------------------------------ L001 on hand-made links
def _l001_with_link(text: str, sentence: int, method: str, matched: list[str]):
    """NLMG-L001 with every claim of ``sentence`` linked to c1 as given (no aligner)."""
    from nlmg_facts.cite import document_references
    from nlmg_facts.models.citations import ClaimLink

    doc = ingest(text, "t.txt")
    claims = extract_document(doc)
    links = [
        ClaimLink(claim=c.id, sentence=c.sentence, citation="c1", confidence=0.9, method=method,
                  reason="test", matched=matched)
        for c in claims if c.sentence == sentence
    ]
    ctx = RuleContext(doc=doc, claims=claims, citations=document_references(doc), links=links)
    return list(get_rule("NLMG-L001").func(ctx))


_TOWER = ("Kestrel Point is a 52-storey tower in Manchester. The building opened on 18 September 2018, at a "
          "final cost of £190 million. {cite} Kestrel Point at Emporis")


@pytest.mark.parametrize(
    ("title", "method", "matched", "flagged"),
    [
        # A link on two terms that are about the opening: the source predates it.
        ('Britton, Paul (19 June 2018). "Tower opens its doors". Evening News. Retrieved 19 June 2018.',
         "alignment", ["tower", "open"], True),
        # One shared word places a source near a sentence, not on its every claim.
        ('Britton, Paul (19 June 2018). "Tower opens its doors". Evening News. Retrieved 19 June 2018.',
         "alignment", ["building"], False),
        # A continuation between cited sentences is an inference, too weak to accuse.
        ('Britton, Paul (19 June 2018). "Tower opens its doors". Evening News. Retrieved 19 June 2018.',
         "continuation", [], False),
        # The number the source was matched on belongs to the cost, not to the opening.
        ('"Kestrel Point costs rise to £190m". Building. 22 June 2018. Retrieved 23 June 2018.',
         "alignment", ["190", "cost", "building"], False),
        # A review dated before the opening it reviews is how reviews work.
        ('Britton, Paul (19 June 2018). "Kestrel Point review: a tall order". Evening News. Retrieved 19 June 2018.',
         "alignment", ["kestrel", "point"], False),
    ],
)
def test_source_predates_event_needs_a_link_grounded_on_that_claim(title, method, matched, flagged):
    hits = _l001_with_link(_TOWER.format(cite=title), 1, method, matched)
    assert bool(hits) is flagged


def test_a_source_dated_on_another_event_of_the_sentence_backs_that_event():
    text = ("Lumen is a 2014 drama film. It premiered at the Venice Film Festival on 29 August 2014, and was "
            "then screened at the Toronto International Film Festival in September 2014. "
            'Weiss, Jay (29 August 2014). "Lumen lights up the Lido". Variety. Retrieved 30 August 2014. Lumen at IMDb')
    assert _l001_with_link(text, 1, "alignment", ["lumen", "lido"]) == []


def test_a_title_naming_an_appointment_is_an_announcement():
    text = ("Northmere Foods plc is an Irish food company. Ahern was succeeded as chief executive by Tomasz "
            "Nowak on 1 January 2021. \"Northmere names Nowak as chief executive\". Business Post. "
            "20 September 2020. Retrieved 21 September 2020. Official website")
    assert _l001_with_link(text, 1, "alignment", ["nowak", "chief executive"]) == []
