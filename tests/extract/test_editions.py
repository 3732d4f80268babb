"""Edition mentions: number + event (calendar key or normalised name), in prose and in citation titles."""

from __future__ import annotations

import pytest

from nlmg_facts.extract.editions import abbreviation_definitions, extract, find_editions

# (text, surface, number, event key, event text)
POSITIVES = [
    ("It premiered at the 37th annual Telluride Film Festival in September.",
     "37th annual Telluride Film Festival", 37, "telluride film festival", "Telluride Film Festival"),
    ("It opened the 54th London Film Festival on 13 October 2010.",
     "54th London Film Festival", 54, "london film festival", "London Film Festival"),
    ("It was in the 35th Toronto International Film Festival (TIFF) line-up.",
     "35th Toronto International Film Festival", 35, "toronto film festival", "Toronto International Film Festival"),
    ("She was honoured at the 22nd Annual Palm Springs International Film Festival Awards Gala.",
     "22nd Annual Palm Springs International Film Festival", 22, "palm springs film festival",
     "Palm Springs International Film Festival"),
    ("It won Best Picture at the 83rd Academy Awards.", "83rd Academy Awards", 83, "academy awards", "Academy Awards"),
    ("It was nominated at the 64th BAFTAs.", "64th BAFTAs", 64, "british academy film awards", "BAFTAs"),
    ("It lost at the 68th Golden Globe Awards ceremony.", "68th Golden Globe Awards", 68, "golden globe awards",
     "Golden Globe Awards"),
    ("The 60th Berlinale opened in February.", "60th Berlinale", 60, "berlin film festival", "Berlinale"),
    ("It screened at the thirty-seventh Telluride Film Festival.",
     "thirty-seventh Telluride Film Festival", 37, "telluride film festival", "Telluride Film Festival"),
    ("It played at Japan's 23rd Tokyo International Film Festival.",
     "23rd Tokyo International Film Festival", 23, "tokyo film festival", "Tokyo International Film Festival"),
    ("It closed the 54th edition of the BFI London Film Festival.",
     "54th edition of the BFI London Film Festival", 54, "london film festival", "BFI London Film Festival"),
    ("Critics praised the Berlinale's 61st edition.", "Berlinale's 61st edition", 61, "berlin film festival",
     "Berlinale"),
    ("It won at the 58th San Sebastián International Film Festival.",
     "58th San Sebastián International Film Festival", 58, "san sebastian film festival",
     "San Sebastián International Film Festival"),
    # Not in the calendar: the normalised name stands in for a key.
    ("It screened at the 18th Hamptons International Film Festival.",
     "18th Hamptons International Film Festival", 18, "hamptons film festival",
     "Hamptons International Film Festival"),
]

# Citation titles: the window (title plus publisher) names the event of a generic head.
CITATIONS = [
    ('"The Moët British Independent Film Awards Announce Nominations and Jury for 13th Edition". '
     'British Independent Film Awards.', "13th Edition", 13, "british independent film awards"),
    ('"The Nominees for the 31st Film Awards". London Film Critics\' Circle. 15 January 2011.',
     "31st Film Awards", 31, "london film critics circle awards"),
    ('"The 23rd TIFF, a new film for Competition!". Tokyo International Film Festival.',
     "23rd TIFF", 23, "tokyo film festival"),
]

NEGATIVES = [
    "The film screened at the 2011 Berlinale.",
    "It was released by 20th Century Fox.",
    "It won 2nd Prize at the Berlin Film Festival.",
    "It was her first Golden Globe Awards nomination.",
    "It was his third film festival appearance at Cannes.",
    "The publisher issued the third edition of the novel.",
    "It took ninth place at the box office.",
    "The release moved up to September 15th.",
    "It was the 42th Cannes Film Festival.",
    '"Film Makes First Stop Of Hollywood Awards Season". Variety.',
    '"Nominees for the 31st Film Awards".',
    '"Oscar-winning actress leads nominees for the 31st Film Awards".',
]


def _only(text: str, **kw):
    found = find_editions(text, **kw)
    assert len(found) == 1, [(text[s:e], v) for s, e, v in found]
    return found[0]


@pytest.mark.parametrize(("text", "surface", "number", "event", "event_text"), POSITIVES)
def test_edition_mentions_give_span_number_and_event(text, surface, number, event, event_text):
    start, end, value = _only(text)
    assert text[start:end] == surface
    assert (value.number, value.event, value.event_text) == (number, event, event_text)


@pytest.mark.parametrize(("text", "surface", "number", "event"), CITATIONS)
def test_generic_or_shared_names_take_the_event_named_in_the_window(text, surface, number, event):
    start, end, value = _only(text)
    assert text[start:end] == surface
    assert (value.number, value.event) == (number, event)


@pytest.mark.parametrize("text", NEGATIVES)
def test_non_editions_and_unresolvable_generic_heads_are_not_extracted(text):
    assert find_editions(text) == []


def test_a_shared_abbreviation_without_context_stays_unresolved():
    # TIFF is Toronto's and Tokyo's: without a full name nearby the event is not guessed.
    _, _, value = _only("It screened at the 23rd TIFF.")
    assert value.event == "tiff"


def test_an_abbreviation_defined_elsewhere_in_the_document_resolves():
    definitions = {"TIFF": "Toronto International Film Festival"}
    _, _, value = _only("It returned to the 36th TIFF.", definitions=definitions)
    assert value.event == "toronto film festival"


def test_abbreviation_definitions_pair_a_named_event_with_its_parenthesis():
    text = "The 35th Toronto International Film Festival (TIFF) and the Busan International Film Festival (BIFF)."
    assert abbreviation_definitions(text) == {
        "TIFF": "Toronto International Film Festival",
        "BIFF": "Busan International Film Festival",
    }


def test_two_editions_in_one_sentence_are_both_found():
    text = "It won at the 83rd Academy Awards and at the 64th British Academy Film Awards."
    found = [(v.number, v.event) for _, _, v in find_editions(text)]
    assert found == [(83, "academy awards"), (64, "british academy film awards")]


def test_a_possessive_generic_head_takes_the_festival_named_in_the_sentence():
    text = "The Locarno Film Festival, in its 63rd year, chose the film for the festival's 63rd edition."
    _, _, value = _only(text)
    assert (value.number, value.event) == (63, "locarno film festival")


def test_extract_finds_the_sample_editions_in_the_body_only(sample_doc):
    mentions = list(extract(sample_doc))
    assert all(m.kind == "edition" and m.end <= sample_doc.body.end for m in mentions)
    got = [(sample_doc.text[m.start:m.end], m.value.number, m.value.event) for m in mentions]
    assert got == [
        ("37th annual Telluride Film Festival", 37, "telluride film festival"),
        ("53rd London Film Festival", 53, "london film festival"),
        ("37th annual Telluride Film Festival", 37, "telluride film festival"),
        ("35th Toronto International Film Festival", 35, "toronto film festival"),
        ("54th London Film Festival", 54, "london film festival"),
    ]


def test_find_editions_reads_citation_titles_in_the_back_matter(sample_doc):
    back = sample_doc.back_matter
    assert back is not None
    numbers = {v.number for _, _, v in find_editions(sample_doc.text, back.start, back.end)}
    assert {23, 13, 31, 22} <= numbers


# ------------------------------------------------------------------ issue 11 phrasings
from nlmg_facts.calendar import load_calendar as _load_calendar  # noqa: E402
from nlmg_facts.extract.editions import parse_roman  # noqa: E402


@pytest.mark.parametrize(
    ("numeral", "value"),
    [("I", 1), ("IV", 4), ("IX", 9), ("XIV", 14), ("XL", 40), ("XLV", 45), ("XLIX", 49), ("XXX", 30),
     ("LVIII", 58), ("MCMXCIX", 1999)],
)
def test_canonical_roman_numerals_parse(numeral, value):
    assert parse_roman(numeral) == value


@pytest.mark.parametrize("numeral", ["IIII", "VX", "IL", "XXXX", "MIXI", "A", ""])
def test_non_canonical_roman_numerals_are_not_numbers(numeral):
    assert parse_roman(numeral) is None


def _editions(text, calendar=None):
    return [(text[a:b], v.number, v.event) for a, b, v in find_editions(text, calendar=calendar)]


def test_a_parenthesised_year_between_ordinal_and_name_stays_inside_the_mention():
    assert _editions("It competed at the 61st (2011) Berlin International Film Festival.") == [
        ("61st (2011) Berlin International Film Festival", 61, "berlin film festival")
    ]


def test_a_calendar_name_without_a_festival_head_is_an_edition_name():
    # "International Film Festival Rotterdam" ends in a place, not in "Festival".
    assert _editions("It premiered at the 39th International Film Festival Rotterdam.") == [
        ("39th International Film Festival Rotterdam", 39, "film festival rotterdam")
    ]


def test_its_ordinal_takes_the_event_of_the_possessive_before_it():
    found = _editions("It competed at the Berlinale's 2011 edition, its 61st.")
    assert [(s, n) for s, n, _ in found] == [("61st", 61)]
    assert found[0][2] == "berlin film festival"


def test_its_ordinal_followed_by_a_noun_is_not_an_edition():
    assert _editions("The Berlinale gave the film its 61st screening.") == []


def test_roman_numeral_forms_of_a_calendar_event_are_editions(tmp_path):
    cal_file = tmp_path / "cal.json"
    cal_file.write_text(
        '{"events": [{"name": "Harbour Bowl", "kind": "sport", "numeral_forms": ["Harbour Bowl {n}"],'
        ' "first_year": 1967, "checks": [[45, 2011]]}]}'
    )
    cal = _load_calendar([cal_file])
    assert _editions("The team won Harbour Bowl XLV in February 2011.", cal) == [
        ("Harbour Bowl XLV", 45, "harbour bowl")
    ]
    assert _editions("The team won Harbour Bowl in 2011; Harbour Bowl IIII is not a numeral.", cal) == []
