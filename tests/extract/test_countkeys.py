"""Counts of the subject's things keyed by their noun (extract/countkeys.py; our own sentences)."""

from __future__ import annotations

import pytest

from nlmg_facts.extract import extract_claims

BAND = "Deep Harbour were an English rock band formed in Leeds in 1988. "
WRITER = "Jane Doe (born 3 May 1950) is an English novelist. "
ALBUM = "Low Tide is the second studio album by the English rock band Deep Harbour, released in 1994. "


def keys(text: str, surface: str) -> list[str]:
    return [c.attribute.key for c in extract_claims(text) if c.text == surface]


@pytest.mark.parametrize(
    ("text", "surface", "expected"),
    [
        # The whole number: a verb of making or a possessive right before the count.
        (BAND + "The band released four studio albums.", "four studio albums",
         "this-work:album-count[scope=studio album]"),
        (BAND + "Critics praised its five studio albums.", "five studio albums",
         "this-work:album-count[scope=studio album]"),
        (BAND + "The band's six albums were reissued.", "six albums", "this-work:album-count[scope=album]"),
        (WRITER + "She wrote nine novels.", "nine novels", "this-work:novel-count[scope=novel]"),
        (WRITER + "Doe's twelve novels were reissued.", "twelve novels", "this-work:novel-count[scope=novel]"),
        (ALBUM + "The album contains ten tracks.", "ten tracks", "this-work:track-count[scope=track]"),
        # A modifier of the table joins the key; a year in the clause is its own scope.
        (BAND + "In 2004 the band released two live albums.", "two live albums",
         "this-work:album-count[scope=live album,year=2004]"),
        # A part of the set, or a kind the table does not know: unkeyed.
        (BAND + "Its first three albums sold well.", "three albums", "this-work:unknown"),
        (BAND + "The band released two albums with Geffen.", "two albums", "this-work:unknown"),
        (BAND + "The band released four platinum albums.", "four platinum albums", "this-work:unknown"),
        (ALBUM + "It contains five tracks from New York.", "five tracks", "this-work:unknown"),
        (ALBUM + "The band then recorded the remaining nine tracks.", "nine tracks", "this-work:unknown"),
        (BAND + "Their rivals released four albums.", "four albums", "this-work:unknown"),
        # A band has no tracks of its own, a novelist no singles.
        (BAND + "The band released ten tracks.", "ten tracks", "this-work:unknown"),
        # Another named owner is its own subject.
        (WRITER + "Her friend Ann Lee wrote four novels. Lee's four novels sold well.", "four novels",
         "ann-lee:novel-count[scope=novel]"),
    ],
)
def test_a_count_of_the_subjects_things_is_keyed_by_its_noun(text, surface, expected):
    got = keys(text, surface)
    assert got and all(k == expected for k in got), got


def test_counts_that_grow_are_keyed_by_their_year():
    text = ("Northgate Foods plc is a British food company. It had 4,000 employees in 2010. "
            "It had 5,000 employees in 2015.")
    got = {c.text: c.attribute.key for c in extract_claims(text) if c.kind == "count"}
    assert got["4,000 employees"] != got["5,000 employees"]
    assert "year=2010" in got["4,000 employees"] and "year=2015" in got["5,000 employees"]


TOWN = "Eastmoor is a town in West Yorkshire, England. "
ELECTION = "The 2017 Ruritanian parliamentary election was an election held in Ruritania on 26 March 2017. "


@pytest.mark.parametrize(
    ("text", "surface", "expected"),
    [
        # Shares named by their noun.
        (ELECTION + "The electoral threshold is 4%.", "4%", "this-work:threshold[scope=threshold]"),
        (ELECTION + "Five parties met the 4% threshold required to gain seats.", "4%",
         "this-work:threshold[scope=threshold]"),
        # A change states two true figures; a share of something else is no threshold.
        (ELECTION + "In 2010 parliament raised the threshold from 4% to 5%.", "5%", "this-work:unknown"),
        (ELECTION + "Turnout was 4% higher than in 2013.", "4%", "this-work:unknown"),
        # The population, by the noun before the number or by a census count of people, per year.
        (TOWN + "The population was 2,954 at the 2011 census.", "2,954", "this-work:population[scope=person,year=2011]"),
        (TOWN + "As of the census of 2011, there were 2,594 people living in the town.", "2,594 people",
         "this-work:population[scope=person,year=2011]"),
        # People who are no census count, and another place's population: unkeyed.
        (TOWN + "In 1990, 200 people died in the flood.", "200 people", "this-work:unknown"),
    ],
)
def test_a_share_or_a_population_is_keyed_by_its_noun(text, surface, expected):
    assert keys(text, surface) == [expected]


def test_a_threshold_is_an_exact_figure():
    claims = [c for c in extract_claims(ELECTION + "The electoral threshold is 4%.") if c.text == "4%"]
    assert (claims[0].value.low, claims[0].value.high) == (4.0, 4.0)


def test_another_places_population_is_no_count_of_ours():
    assert keys(TOWN + "Leeds's population was 800,000 in 2011.", "800,000") == []
