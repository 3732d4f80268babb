"""The reference parser: every entry shape of a flattened back matter, and malformed input."""

from __future__ import annotations

import random

import pytest

from nlmg_facts.cite.references import parse_references


def parse(back: str):
    return parse_references(back, 0, len(back))


def only(back: str):
    cites = [c for c in parse(back) if c.kind == "citation"]
    assert len(cites) == 1, [c.text for c in cites]
    return cites[0]


# (entry, expected fields as text) -- one row per shape the issue lists.
SHAPES = [
    (
        'Leins, Jeff (8 October 2010). "Director Talks Adaptation". News In Film. Archived from the '
        "original on 18 October 2010. Retrieved 2 November 2010.",
        {"authors": ["Leins, Jeff"], "date": "8 October 2010", "title": "Director Talks Adaptation",
         "work": "News In Film", "archive": "18 October 2010", "access_date": "2 November 2010"},
    ),
    (
        'Brad Brevet (14 April 2009). "Four New Names as Filming Begins". RopeofSilicon.com. Retrieved 8 July 2009.',
        {"authors": ["Brad Brevet"], "date": "14 April 2009", "work": "RopeofSilicon.com"},
    ),
    (
        'Thomas (11 September 2010). "He wants it unfilmable. It comes close". Newsweek. Washington Post Company.',
        {"authors": ["Thomas"], "title": "He wants it unfilmable. It comes close",
         "publisher": "Washington Post Company"},
    ),
    (
        'Jaafar, Ali; Siegel, Tatiana (1 March 2009). "Actress set for drama". Variety. Reed Business Information.',
        {"authors": ["Jaafar, Ali", "Siegel, Tatiana"], "publisher": "Reed Business Information"},
    ),
    (
        '"A Chilling Turn for an Actress". CBS News. CBS Interactive Inc. 29 September 2010. Retrieved 30 September 2010.',
        {"date": "29 September 2010", "work": "CBS News", "publisher": "CBS Interactive Inc"},
    ),
    (
        'Farber, Stephen (6 September 2010). ""The Film" a let-down". Reuters. Retrieved 6 September 2010.',
        {"title": '"The Film" a let-down'},
    ),
    (
        'Ward, Victoria (5 December 2010). "Actress "nearly retired at 22"". The Daily Telegraph.',
        {"title": 'Actress "nearly retired at 22"', "work": "The Daily Telegraph"},
    ),
    (
        "Rachel Abramowitz 'The Film' comes to the screen Archived 21 January 2013 at archive.today "
        "Los Angeles Times. Retrieved 30 July 2010.",
        {"authors": ["Rachel Abramowitz"], "title": "'The Film' comes to the screen", "work": "Los Angeles Times",
         "archive": "21 January 2013", "access_date": "30 July 2010"},
    ),
    (
        'Austerlitz, Saul (5 September 2010). "Getting to the big screen (Page 2)". Boston Globe. '
        "New York Times Company.",
        {"title": "Getting to the big screen", "page": "Page 2"},
    ),
    (
        'Preston, Tom (10 September 2010). "Subtle and subversive". The Guardian. London: Guardian News and '
        "Media Ltd. Retrieved 12 September 2010.",
        {"location": "London", "publisher": "Guardian News and Media Ltd"},
    ),
    (
        '"The Film". Box Office Mojo (Amazon.com). Retrieved 24 February 2011.',
        {"work": "Box Office Mojo", "publisher": "Amazon.com"},
    ),
    (
        "Fernandez, Jay A. (4 September 2010). \"Premiere report\". The Hollywood Reporter.",
        {"authors": ["Fernandez, Jay A."], "date": "4 September 2010"},
    ),
    (
        'Dargis, Monohla. "Growing Up in a Hush". The New York Times.',
        {"authors": ["Dargis, Monohla"], "title": "Growing Up in a Hush", "work": "The New York Times"},
    ),
]


@pytest.mark.parametrize(("entry", "expected"), SHAPES, ids=[e[:30] for e, _ in SHAPES])
def test_each_entry_shape_yields_its_fields(entry, expected):
    c = only(entry)
    got = {
        "authors": [a.text for a in c.authors],
        "date": c.date.text if c.date else None,
        "title": c.title.text if c.title else None,
        "work": c.work.text if c.work else None,
        "publisher": c.publisher.text if c.publisher else None,
        "location": c.location.text if c.location else None,
        "archive": c.archive.date.text if c.archive and c.archive.date else None,
        "access_date": c.access_date.text if c.access_date else None,
        "page": c.page.text if c.page else None,
    }
    for field, value in expected.items():
        assert got[field] == value, (field, got)
    # Every field's span points at its text.
    for field in ("title", "work", "publisher", "date", "access_date"):
        v = getattr(c, field)
        if v is not None:
            assert entry[v.span.start : v.span.end] == v.text


def test_surname_first_and_given_first_authors_are_split_into_surname_and_given():
    a = only('Leins, Jeff (8 October 2010). "T". W.').authors[0]
    b = only('Brad Brevet (14 April 2009). "T". W.').authors[0]
    c = only('Thomas (11 September 2010). "T". W.').authors[0]
    assert (a.surname, a.given, a.order) == ("Leins", "Jeff", "surname_first")
    assert (b.surname, b.given, b.order) == ("Brevet", "Brad", "given_first")
    assert (c.surname, c.given, c.order) == ("Thomas", None, "single")


def test_partial_publication_dates_keep_their_precision():
    c = only('Rowe, Ada (May 2010). "Spring line-up". Film Weekly.')
    assert c.date.value.precision == "month" and c.date.value.iso == "2010-05"


def test_an_unquoted_title_running_into_a_known_work_is_split_at_the_work():
    back = ('Howell, Peter (2 May 2010). "The hunt". Toronto Star. Retrieved 3 May 2010. '
            "Peter Howell Ten Great Gets for the Festival Toronto Star. Retrieved 28 July 2010.")
    cites = parse(back)
    c = cites[1]
    assert [a.text for a in c.authors] == ["Peter Howell"]
    assert c.title.text == "Ten Great Gets for the Festival" and not c.title_quoted
    assert c.work.text == "Toronto Star"


def test_an_unquoted_headline_ends_at_a_trailing_the_name():
    back = '"Casting news". Film Weekly. Retrieved 2 May 2009. A-list actress in Weston Restaurant The Weston Mercury.'
    c = parse(back)[1]
    assert (c.title.text, c.work.text) == ("A-list actress in Weston Restaurant", "The Weston Mercury")


def test_entries_run_together_are_split_on_their_shape():
    back = (
        'Macnab, Geoffrey (14 May 2009). "The UK private film funds". Screen Daily. EMAP Media. '
        '"University Photo of the Week". 16 June 2009. Hill, Chris (8 May 2008). "Back in Norfolk". '
        'EDP 24. Retrieved 11 May 2009. "Never Again". Rotten Tomatoes. Flixster, Inc. Retrieved 2 September 2010.'
    )
    cites = parse(back)
    assert [c.title.text for c in cites] == [
        "The UK private film funds", "University Photo of the Week", "Back in Norfolk", "Never Again"]
    assert cites[1].date.text == "16 June 2009"
    assert cites[3].publisher.text == "Flixster, Inc"  # a company, not an author


def test_bare_lines_before_the_first_citation_are_see_also():
    assert [c.kind for c in parse('Lists of dramas "The Film". Box Office Mojo.')] == ["see_also", "citation"]


def test_see_also_and_external_links_are_classified_not_cited():
    back = (
        'List of British films of 2010 List of dystopian films "The Film". Box Office Mojo. '
        "Forest School (website) Leins, Jeff (8 October 2010). \"Talks\". News In Film. "
        "Wikimedia Commons has media related to The Film. Wikiquote has quotations related to The Film. "
        "The Film at IMDb The Film at AllMovie Portal:  Film"
    )
    kinds = [(c.kind, c.text) for c in parse(back)]
    assert kinds == [
        ("see_also", "List of British films of 2010"),
        ("see_also", "List of dystopian films"),
        ("citation", '"The Film". Box Office Mojo.'),
        ("citation", "Forest School (website)"),
        ("citation", 'Leins, Jeff (8 October 2010). "Talks". News In Film.'),
        ("external_link", "Wikimedia Commons has media related to The Film."),
        ("external_link", "Wikiquote has quotations related to The Film."),
        ("external_link", "The Film at IMDb"),
        ("external_link", "The Film at AllMovie"),
        ("external_link", "Portal:  Film"),
    ]
    assert [c.number for c in parse(back) if c.kind == "citation"] == [1, 2, 3]


def test_an_impossible_date_is_kept_and_marked_invalid():
    c = only('Okafor, Dele (30 February 2011). "Funds". Screen Weekly.')
    assert c.date.text == "30 February 2011" and not c.date.valid and c.date.value is None
    assert "not a calendar date" in c.date.problem


def test_editorial_tags_are_kept_apart_from_the_title():
    c = only('"Annual report" (PDF). Film Council. Retrieved 3 May 2011.')
    assert [t.text for t in c.tags] == ["PDF"] or c.title.text == "Annual report"


MALFORMED = [
    "",
    " ",
    ".",
    '"',
    '""""""',
    '"Unclosed title. Work. Retrieved 2 May 2010.',
    "Retrieved",
    "Retrieved .",
    "Archived from the original on",
    "(((((",
    "Smith, (12 May 2010).",
    ", , , ; ; ;",
    '"A". "B". "C".',
    "X at IMDb at IMDb",
    "Wikiquote has",
    "Portal:",
    "a. " * 500,
    '"' + "x" * 1000,
    "Smith, John; " * 50 + "(1 May 2010).",
]


@pytest.mark.parametrize("back", MALFORMED, ids=range(len(MALFORMED)))
def test_malformed_back_matter_never_crashes_and_spans_stay_in_bounds(back):
    for c in parse(back):
        assert 0 <= c.span.start <= c.span.end <= len(back)
        assert back[c.span.start : c.span.end] == c.text


def test_random_citation_debris_never_crashes():
    pieces = ['"', "Smith, John", "(12 May 2010)", ".", " ", "Retrieved 2 May 2010", "at IMDb",
              "Archived 3 May 2010 at archive.today", "(website)", "List of films", ";", "Work"]
    rng = random.Random(7)
    for _ in range(300):
        back = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 25)))
        for c in parse(back):
            assert back[c.span.start : c.span.end] == c.text
