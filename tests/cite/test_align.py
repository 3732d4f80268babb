"""Linking sentences and claims to citations: monotone alignment, markers, claim links."""

from __future__ import annotations

from nlmg_facts.cite import cite_document, link_claims
from nlmg_facts.models import Marker, Span
from nlmg_facts.models.claims import DateClaim, DateValue

BODY = (
    "Lumen is a 2012 British drama film directed by Ada Rowe. "
    "A storm destroys the village in the first act. "
    "Rowe began writing the script after a trip to the Orkney islands. "
    "Filming began in Orkney in April 2011 with a crew of forty. "
    "The score was written by Ian Holt for a small string orchestra. "
    "He said the strings had to sound like the wind. "
    "Critic Paul Brenner of the Evening Star praised its photography."
)
BACK = (
    'Tull, Jo (12 April 2011). "Rowe takes her script to Orkney". Screen Weekly. Retrieved 1 May 2011. '
    'Mair, Ewan (20 April 2011). "Filming begins in Orkney". Island Times. Retrieved 2 May 2011. '
    'Brand, Lou (3 June 2012). "Ian Holt on writing for strings". Music Week. Retrieved 4 June 2012. '
    'Brenner, Paul (14 May 2012). "Lumen shines". Evening Star. Retrieved 15 May 2012.'
)


def _links(doc):
    return {link.sentence: link for link in cite_document(doc, []).sentence_links}


def test_each_sentence_gets_the_citation_that_shares_its_words_in_list_order(doc_of):
    links = _links(doc_of(BODY, BACK))
    assert [links[i].citation for i in range(7)] == [None, None, "c1", "c2", "c3", "c3", "c4"]


def test_a_link_says_why_with_the_matched_terms_and_a_confidence(doc_of):
    link = _links(doc_of(BODY, BACK))[6]
    assert link.method == "alignment" and "Paul Brenner" in link.matched and "evening star" in link.matched
    assert 0.5 < link.confidence <= 1.0 and "Paul Brenner" in link.reason


def test_a_pronoun_sentence_continues_the_previous_sentences_source_at_lower_confidence(doc_of):
    links = _links(doc_of(BODY, BACK))
    assert links[5].method == "continuation" and links[5].confidence < links[4].confidence


def test_a_sentence_sharing_nothing_with_any_citation_is_linked_to_none(doc_of):
    link = _links(doc_of(BODY, BACK))[1]
    assert link.citation is None and link.method == "none" and link.confidence == 0.0


def test_the_alignment_does_not_go_back_up_the_list_on_weak_evidence(doc_of):
    # The last sentence shares one common title word with the first citation only.
    body = BODY + " The script was praised."
    links = _links(doc_of(body, BACK))
    assert links[7].citation is None


def test_explicit_markers_are_used_exactly_instead_of_aligning(doc_of):
    doc = doc_of(BODY, BACK)
    s1 = doc.sentences[1].span
    doc = doc.model_copy(update={"markers": [Marker(span=Span(start=s1.end - 1, end=s1.end), label="[4]")]})
    links = _links(doc)
    assert links[1].citation == "c4" and links[1].method == "marker" and links[1].confidence == 1.0
    assert links[6].citation is None  # no marker there, and markers are trusted alone


def test_claims_take_their_sentences_link(doc_of):
    doc = doc_of(BODY, BACK)
    start = doc.text.index("April 2011")
    claim = DateClaim(
        id=f"date@{start}", text="April 2011", span=Span(start=start, end=start + 10), sentence=3,
        value=DateValue(start=None, end=None, precision="month", iso="2011-04"),
    )
    result = cite_document(doc, [claim])
    assert [(link.claim, link.citation) for link in result.links] == [(claim.id, "c2")]
    assert link_claims([claim], [])[0].citation is None


def test_a_document_without_back_matter_has_no_citations_and_no_links(doc_of):
    from nlmg_facts import ingest

    result = cite_document(ingest("A short text. Nothing else."), [])
    assert result.citations == [] and all(s.citation is None for s in result.sentence_links)


def test_an_empty_range_update_of_the_alignment_tree_is_a_no_op():
    # Reusing the last citation of a list whose length is a power of two asks for
    # an empty range at the very end; it used to rebuild past the array and crash.
    from nlmg_facts.cite.align import _MaxTree

    tree = _MaxTree([0.0, 1.0, 2.0, 3.0])
    tree.add(4, 4, 5.0)
    tree.add(2, 4, 1.0)
    assert tree.max(0, 4) == (4.0, 3)


def test_claim_links_carry_the_matched_terms_of_their_sentence(doc_of):
    from nlmg_facts.models.citations import SentenceLink

    claim = DateClaim(
        id="date@0", text="2010", span=Span(start=0, end=4), sentence=0,
        value=DateValue(start=None, end=None, precision="year", iso="2010"),
    )
    link = SentenceLink(sentence=0, citation="c1", confidence=0.9, method="alignment",
                        reason="matched 'x', 'y'", matched=["x", "y"])
    assert link_claims([claim], [link])[0].matched == ["x", "y"]
