"""ingest(): the Document keeps the original text, splits body from back matter, and spans fit."""

from __future__ import annotations

from nlmg_facts import extract_claims
from nlmg_facts.ingest import ingest

ARTICLE = (
    "The Quiet Harbour is a 2014 drama film. It was released in Ireland on 4 April 2014. "
    "List of Irish films of 2014 "
    'Byrne, Aoife (5 April 2014). "Harbour lights". The Irish Times. Retrieved 6 April 2014. '
    'Keane, Tom (12 October 2013). "Festival opens". Cork Echo. Retrieved 14 October 2013.'
)


def test_document_keeps_the_original_text_and_name():
    doc = ingest(ARTICLE, "harbour.txt")
    assert doc.text == ARTICLE
    assert doc.name == "harbour.txt"


def test_body_sentences_are_labelled_body_and_stop_at_the_back_matter():
    doc = ingest(ARTICLE)
    assert [doc.sentence_text(s.index) for s in doc.sentences] == [
        "The Quiet Harbour is a 2014 drama film.",
        "It was released in Ireland on 4 April 2014.",
    ]
    assert {s.section for s in doc.sentences} == {"body"}
    assert [s.index for s in doc.sentences] == list(range(len(doc.sentences)))


def test_back_matter_span_runs_from_the_see_also_line_to_the_end():
    doc = ingest(ARTICLE + "  \n")
    assert doc.back_matter is not None
    assert doc.back_matter.start == ARTICLE.index("List of Irish films")
    assert doc.back_matter.end == len(ARTICLE)
    assert doc.body.end == ARTICLE.index(" List of Irish films")


def test_an_article_without_references_is_all_body():
    text = "It opened in 2010. It closed in 2011.\n"
    doc = ingest(text)
    assert doc.back_matter is None
    assert (doc.body.start, doc.body.end) == (0, len(text) - 1)
    assert len(doc.sentences) == 2


def test_a_leading_bom_is_kept_and_offsets_still_point_into_the_text():
    text = "\ufeffIt was released on 4 April 2014. It earned €1.2 million."
    doc = ingest(text)
    assert doc.text == text
    assert doc.body.start == 1
    first = doc.sentences[0]
    assert text[first.span.start : first.span.end] == "It was released on 4 April 2014."


def test_blank_text_gives_an_empty_document():
    doc = ingest("  \n ")
    assert doc.sentences == []
    assert doc.back_matter is None


def test_sample_body_and_back_matter_are_split_at_the_see_also_line(sample_doc, sample_text):
    assert sample_doc.back_matter is not None
    assert sample_doc.back_matter.start == sample_text.index("List of British films")
    assert sample_doc.back_matter.end == len(sample_text.rstrip())
    last = sample_doc.sentences[-1]
    assert sample_doc.sentence_text(last.index).endswith('the sting remains light".')
    assert all(s.span.end <= sample_doc.body.end for s in sample_doc.sentences)


def test_sentence_at_finds_the_sentence_of_an_offset(sample_doc, sample_text):
    offset = sample_text.index("ninth place")
    sentence = sample_doc.sentence_at(offset)
    assert sentence is not None
    assert "ninth place" in sample_doc.sentence_text(sentence.index)


def test_a_single_sentence_without_back_matter_can_be_extracted():
    # Peer suites and API users pass one sentence with no context.
    claims = extract_claims("The film was released on 4 April 2014.")
    assert all(0 <= c.span.start < c.span.end <= 38 for c in claims)
