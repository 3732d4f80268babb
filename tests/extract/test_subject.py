"""The article subject: name, type, short forms and pronouns from the title and opening sentence."""

from __future__ import annotations

import pytest

from nlmg_facts.extract.subject import find_subject
from nlmg_facts.ingest import ingest


@pytest.mark.parametrize(
    ("text", "name", "type_", "subtype", "short"),
    [
        ("Ada Morrow (born 3 May 1950) is a Welsh novelist and poet. She lives in Cardiff.",
         "Ada Morrow", "person", None, "Morrow"),
        ("Pieter van der Berg Jr. (1901–1980) was a Dutch architect. He built bridges.",
         "Pieter van der Berg Jr.", "person", None, "Berg"),
        ("Rovers Athletic Football Club is an English football club based in Leeds.",
         "Rovers Athletic Football Club", "organisation", "club", "Rovers Athletic"),
        ("Brightmoor Foods plc is a British multinational food company.",
         "Brightmoor Foods plc", "organisation", "company", "Brightmoor Foods"),
        ("The Lantern Keeper is a 2012 British drama film directed by Ada Morrow.",
         "The Lantern Keeper", "work", "film", "the film"),
        ("Ironwood Tactics is a 2017 turn-based tactics video game developed by Kestrel Forge.",
         "Ironwood Tactics", "work", "game", "the game"),
        ("Glass Harbour were an English rock band formed in Hull in 1998.",
         "Glass Harbour", "organisation", "band", "the band"),
        ("Kestrel Point is a 52-storey skyscraper in Manchester.",
         "Kestrel Point", "place", "building", "the skyscraper"),
        ("The 1956 Ruritanian general election was held on 4 May 1956.",
         None, None, None, None),  # "was held": no "is a ..." definition, no title line
    ],
)
def test_the_opening_sentence_names_and_types_the_subject(text, name, type_, subtype, short):
    subject = find_subject(ingest(text))
    if name is None:
        assert subject is None
        return
    assert (subject.name, subject.type, subject.subtype) == (name, type_, subtype)
    assert short in subject.names


def test_a_title_line_names_the_subject_and_is_not_the_opening_sentence():
    subject = find_subject(ingest("Jane Doe\n\nJane Doe (née Smith; April 11, 1895 – June 20, 1969) was an English "
                                  "novelist. Her first novel appeared in 1921."))
    assert subject.name == "Jane Doe" and subject.type == "person"
    assert subject.source == "title+opening-sentence"
    assert "Doe" in subject.names and "Smith" in subject.names  # the surname and the birth name
    assert "she" in subject.pronouns and "he" not in subject.pronouns


def test_a_title_line_run_into_the_first_sentence_is_taken_off_the_name():
    subject = find_subject(ingest("Hartley Town F.C.\nHartley Town Football Club is a football club in Kent."))
    assert subject.name == "Hartley Town Football Club"


def test_a_disambiguator_in_the_title_types_a_subject_the_opening_does_not():
    subject = find_subject(ingest("The Lantern Keeper (2012 film)\n\nThe Lantern Keeper tells of a keeper. "
                                  "It was shot in Wales."))
    assert subject.type == "work" and subject.subtype == "film"


def test_the_pronoun_is_the_one_the_body_uses_most():
    subject = find_subject(ingest("Sam Ortega (born 1970) is an American sculptor. His work is in museums; "
                                  "he lives in Ohio with his family."))
    assert subject.pronouns[0] == "he"


def test_the_file_name_alone_never_names_the_subject():
    assert find_subject(ingest("Filming began in April 2009 and ended in June.", "jane_doe.txt")) is None
