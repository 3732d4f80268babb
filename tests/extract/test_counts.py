"""Counts: a number with its counted noun; years, names, ages, money and vague amounts excluded."""

from __future__ import annotations

import pytest

from nlmg_facts.extract import counts
from nlmg_facts.extract.counts import singular
from nlmg_facts.extract.numeric import extract as numeric_extract
from nlmg_facts.models import Document, Sentence, Span


def _doc(text: str) -> Document:
    whole = Span(start=0, end=len(text))
    return Document(name="t", text=text, body=whole, sentences=[Sentence(index=0, span=whole)])


def _counts(text: str):
    return [(text[m.start : m.end], m.value) for m in numeric_extract(_doc(text)) if m.kind == "count"]


# (sentence, surface, stated, low, high, qualifier, noun)
CASES = [
    ("It opened at four theatres in New York.", "four theatres", 4, 4, 4, None, "theatre"),
    ("A further 163 theatres were added later.", "163 theatres", 163, 163, 163, None, "theatre"),
    ("Playing on 265 screens, it came ninth.", "265 screens", 265, 265, 265, None, "screen"),
    ("By February it had sold 44,911 units on disc.", "44,911 units", 44911, 44911, 44911, None, "unit"),
    ("The score is based on 186 reviews.", "186 reviews", 186, 186, 186, None, "review"),
    ("Six screenings were held in December.", "Six screenings", 6, 6, 6, None, "screening"),
    ("Nearly thirty film extras had to wait.", "Nearly thirty film extras", 30, 27, 30, "nearly", "extra"),
    ("He wrote a 96-page script.", "96-page", 96, 96, 96, None, "page"),
    ("It screened with 300 other films.", "300 other films", 300, 300, 300, None, "film"),
    ("She used an orchestra of no more than 48 players.", "no more than 48 players", 48, 0, 48, "up to", "player"),
    ("Ruth is frail after two donations.", "two donations", 2, 2, 2, None, "donation"),
    ("The three main characters act with dignity.", "three main characters", 3, 3, 3, None, "character"),
    ("Twenty-six people attended the launch.", "Twenty-six people", 26, 26, 26, None, "person"),
    ("He recalled an email from one viewer.", "one viewer", 1, 1, 1, None, "viewer"),
    ("The release widened to over 200 theatres.", "over 200 theatres", 200, 200, 230, "over", "theatre"),
    ("The series has 47,000 subscribers.", "47,000 subscribers", 47000, 46500, 47500, None, "subscriber"),
    # Ranges: stated is the lower end, the interval runs to the upper end.
    ("It then played on 20–25 screens in Ireland.", "20–25 screens", 20, 20, 25, None, "screen"),
    ("About 20-25 critics came to the screening.", "About 20-25 critics", 20, 19, 26.25, "about", "critic"),
    ("Between 300 and 400 extras were hired.", "Between 300 and 400 extras", 300, 300, 400, None, "extra"),
    ("Between two and three hundred extras were hired.", "Between two and three hundred extras", 200, 200, 300, None, "extra"),
    ("Its finale drew 2–3 million viewers.", "2–3 million viewers", 2e6, 1.5e6, 3.5e6, None, "viewer"),
    # Four digits the date extractor leaves alone are counts.
    ("By then the studio had 1500 employees.", "1500 employees", 1500, 1500, 1500, None, "employee"),
    ("The rebuilt hall has a 1200-seat auditorium.", "1200-seat", 1200, 1200, 1200, None, "seat"),
    # The noun before the number, the article's own: "The population was 2,954".
    ("The population was 2,954 at the 2010 census.", "2,954", 2954, 2954, 2954, None, "person"),
    ("The club's membership stood at about 4,000.", "about 4,000", 4000, 3800, 4200, "about", "member"),
    # A possessive before the count is no name ("Chapter 3 covers" is).
    ("Doe's twelve novels were reissued.", "twelve novels", 12, 12, 12, None, "novel"),
]


@pytest.mark.parametrize("text, surface, stated, low, high, qualifier, noun", CASES)
def test_counts_name_the_singular_counted_noun(text, surface, stated, low, high, qualifier, noun):
    found = _counts(text)
    assert [s for s, _ in found] == [surface]
    v = found[0][1]
    assert v.stated == pytest.approx(stated)
    assert (v.low, v.high) == (pytest.approx(low), pytest.approx(high))
    assert (v.qualifier, v.noun) == (qualifier, noun)


NOT_COUNTS = [
    "The film was produced by Film4 and DNA Films.",
    "Songs After Dark played over the credits.",
    "The first act is carried by 12-year-olds.",
    "Never Let Me Go is a 2010 British film.",
    "It opened on 15 September 2010 in three cities".replace(" in three cities", "."),
    "It premiered at the 37th annual festival.",
    "It earned US$15 million and 45% more abroad.",
    "The film holds a 6.8/10 average and 69 out of 100 elsewhere.",
    "Shooting lasted three weeks in Norfolk.",
    "She had read the novel a few times.",
    "Three of the films were shown twice.",
    "Chapter 3 describes the cottages.",
    "It became the number-one screening there.",
    "Two-thirds of the budget went on sets.",
    "The 1970s saw the cottages emptied.",
    "No one knew the school's purpose.",
    "They played on September the twenty-first.",
    "The club's 3–1 win came late.",                    # a score, not one win
    "Ratings were high in the 2009–10 seasons.",        # a season, not ten seasons
    "The airline flew 747-400 jets on the route.",      # a model number
    "The band played 25–20 dates.",                     # no range: which number is meant?
    "The 2010 films of the studio all lost money.",     # a year modifying the noun
    "Its ISBN 978-0-571-22413-0 copies the first print.",  # the tail of an identifier
    "She returned to her 2008 films in interviews.",
]


@pytest.mark.parametrize("text", NOT_COUNTS)
def test_years_names_ages_ordinals_and_other_kinds_are_not_counts(text):
    assert _counts(text) == []


@pytest.mark.parametrize(
    "plural, expected",
    [("theatres", "theatre"), ("extras", "extra"), ("stories", "story"), ("matches", "match"),
     ("people", "person"), ("movies", "movie"), ("boxes", "box"), ("screenings", "screening"),
     ("bonuses", "bonus"), ("series", "series"), ("critics", "critic")],
)
def test_plural_nouns_become_singular_lemmas(plural, expected):
    assert singular(plural) == expected


def test_counts_extractor_alone_finds_the_noun_after_a_number():
    text = "It opened at four theatres."
    (m,) = list(counts.find(text))
    assert text[m.start : m.end] == "four theatres"


def test_a_spaced_dash_after_a_year_is_punctuation_not_a_range():
    text = "It was released in 2010 – 163 theatres showed it."
    assert [(t, v.low, v.high) for t, v in _counts(text)] == [("163 theatres", 163, 163)]
