"""Ranking and edition rules (NLMG-R) on hand-built claims and the bundled calendar."""

from __future__ import annotations

import pytest

from nlmg_facts.calendar import load_calendar
from nlmg_facts.rules.rankings import edition_conflict, edition_year_mismatch, ranking_conflict

from _claims import Article


@pytest.fixture(scope="module")
def calendar():
    return load_calendar()


# ------------------------------------------------------------------ R001
def test_two_places_for_one_weekend_chart_are_flagged():
    a = Article("In its first weekend in Spain it took ninth place. In its opening weekend in Spain it took seventh place.")
    a.ranking("ninth place", 9, "place", event="chart-position", region="es", period="opening-weekend")
    a.ranking("seventh place", 7, "place", event="chart-position", region="es", period="opening-weekend")
    hits = a.run(ranking_conflict)
    assert len(hits) == 1 and "ninth place here and as seventh place at 1:92" in hits[0].message


def test_same_place_twice_and_places_in_other_weeks_are_fine():
    a = Article("It took ninth place. It took ninth place again. In its second week it took 28th place.")
    a.ranking("ninth place", 9, "place", event="chart-position", period="opening-weekend")
    a.ranking("ninth place", 9, "place", nth=1, event="chart-position", period="opening-weekend")
    a.ranking("28th place", 28, "place", event="chart-position", period="second-week")
    assert a.run(ranking_conflict) == []


def test_different_categories_are_different_rankings():
    a = Article("It was the 17th-best-selling DVD. It was the 3rd-highest-grossing DVD.")
    a.ranking("17th-best-selling", 17, "best-selling", event="chart-position", medium="dvd")
    a.ranking("3rd-highest-grossing", 3, "highest-grossing", event="chart-position", medium="dvd")
    assert a.run(ranking_conflict) == []


# ------------------------------------------------------------------ R002
def _lff(text: str, calendar, number: int, surface: str, date=None, date_surface=None) -> Article:
    a = Article(text, calendar=calendar)
    a.edition(surface, number, "london film festival")
    if date:
        a.date(date_surface, *date)
    return a


def test_edition_dated_in_another_year_by_an_attached_date_is_flagged(calendar):
    a = _lff("The drama opened the 53rd London Film Festival on 13 October 2010.", calendar, 53,
             "53rd London Film Festival", ("2010-10-13",), "13 October 2010")
    hits = a.run(edition_year_mismatch)
    assert len(hits) == 1
    assert "held in 2009" in hits[0].message and "54th" in hits[0].message


def test_edition_matching_its_year_is_fine(calendar):
    a = _lff("The drama opened the 54th London Film Festival on 13 October 2010.", calendar, 54,
             "54th London Film Festival", ("2010-10-13",), "13 October 2010")
    assert a.run(edition_year_mismatch) == []


def test_undated_edition_takes_the_year_stated_elsewhere_for_that_festival(calendar):
    a = Article("The drama opened the 53rd London Film Festival. "
                "It was shown at the London Film Festival in October 2010, the 2010 London Film Festival.",
                calendar=calendar)
    a.edition("53rd London Film Festival", 53, "london film festival")
    a.date("2010", "2010-01-01", "2010-12-31", "year", nth=1)
    hits = a.run(edition_year_mismatch)
    assert len(hits) == 1 and "given the year 2010 at 1:111" in hits[0].message


def test_undated_edition_with_no_year_anywhere_says_nothing(calendar):
    a = Article("The drama opened the 53rd London Film Festival.", calendar=calendar)
    a.edition("53rd London Film Festival", 53, "london film festival")
    assert a.run(edition_year_mismatch) == []


def test_awards_held_early_next_year_match_their_calendar_year(calendar):
    a = Article("She was honoured at the 22nd Annual Palm Springs International Film Festival in January 2011.",
                calendar=calendar)
    a.edition("22nd Annual Palm Springs International Film Festival", 22, "palm springs film festival")
    a.date("January 2011", "2011-01-01", "2011-01-31", "month")
    assert a.run(edition_year_mismatch) == []


def test_unknown_festival_is_never_flagged(calendar):
    a = Article("It opened the 3rd Little Creek Film Festival on 2 May 1999.", calendar=calendar)
    a.edition("3rd Little Creek Film Festival", 3, "little creek film festival")
    a.date("2 May 1999", "1999-05-02")
    assert a.run(edition_year_mismatch) == []


def test_date_in_another_clause_does_not_date_the_edition(calendar):
    a = Article("It opened the 53rd London Film Festival, and was released on 13 October 2010.", calendar=calendar)
    a.edition("53rd London Film Festival", 53, "london film festival")
    a.date("13 October 2010", "2010-10-13")
    assert a.run(edition_year_mismatch) == []


# ------------------------------------------------------------------ R003
def test_two_editions_of_one_festival_conflict(calendar):
    a = Article("It opened the 53rd London Film Festival. It opened the 54th London Film Festival.", calendar=calendar)
    a.edition("53rd London Film Festival", 53, "london film festival")
    a.edition("54th London Film Festival", 54, "london film festival")
    hits = a.run(edition_conflict)
    assert len(hits) == 1 and "53rd and 54th" in hits[0].message


def test_named_year_against_an_edition_dated_otherwise_conflicts(calendar):
    a = Article("It was screened at the 2011 Toronto International Film Festival. "
                "It was in the 35th Toronto International Film Festival line-up during September 2010.",
                calendar=calendar)
    a.date("2011", "2011-01-01", "2011-12-31", "year")
    a.edition("35th Toronto International Film Festival", 35, "toronto film festival")
    a.date("September 2010", "2010-09-01", "2010-09-30", "month")
    hits = a.run(edition_conflict)
    assert len(hits) == 1 and "years 2011 and 2010" in hits[0].message


def test_consistent_mentions_and_ambiguous_abbreviations_are_fine(calendar):
    a = Article("It was screened at the 2010 Toronto International Film Festival. "
                "It was in the 35th TIFF line-up. The 23rd TIFF was held in 2010.",
                calendar=calendar)
    a.date("2010", "2010-01-01", "2010-12-31", "year")
    a.edition("35th TIFF", 35, "tiff")
    a.edition("23rd TIFF", 23, "tiff")
    assert a.run(edition_conflict) == []


def test_mentions_about_other_works_are_left_out(calendar):
    a = Article("It opened the 54th London Film Festival. Her earlier film opened the 51st London Film Festival.",
                calendar=calendar)
    a.edition("54th London Film Festival", 54, "london film festival")
    a.edition("51st London Film Festival", 51, "london film festival", subject="her-earlier-film")
    assert a.run(edition_conflict) == []
