"""Date rules (NLMG-D) on hand-built claims: what is flagged and what must not be."""

from __future__ import annotations

import pytest

from nlmg_facts.models import Severity
from nlmg_facts.rules.dates import (
    date_conflict,
    home_media_before_theatrical,
    moved_date_wrong_direction,
    opening_weekend_not_at_release,
    premiere_after_release,
)

from _claims import Article

UK_TWICE = (
    "The drama opened on 14 March 2012 in Ireland. Critics were kind. "
    "The drama was released in Ireland on 6 April 2012, and in Spain on 30 March 2012."
)


# ------------------------------------------------------------------ D001
def test_one_release_given_two_days_is_flagged_with_both_values_and_where():
    a = Article(UK_TWICE)
    a.date("14 March 2012", "2012-03-14", event="release", region="ie")
    a.date("6 April 2012", "2012-04-06", event="release", region="ie")
    a.date("30 March 2012", "2012-03-30", event="release", region="es")
    hits = a.run(date_conflict)
    assert len(hits) == 1
    assert "14 March 2012 here and as 6 April 2012 at 1:103" in hits[0].message
    assert hits[0].evidence[0].text == "14 March 2012"
    assert hits[0].key == ("this-work:release[region=ie]", "2012-03-14", "2012-04-06")


def test_month_agrees_with_a_day_inside_it():
    a = Article("It premiered in May 2013. The premiere took place on 17 May 2013.")
    a.date("May 2013", "2013-05-01", "2013-05-31", "month", event="premiere")
    a.date("17 May 2013", "2013-05-17", event="premiere")
    assert a.run(date_conflict) == []


def test_year_disagrees_with_a_day_in_another_year():
    a = Article("It premiered in 2013. The premiere took place on 17 May 2014.")
    a.date("2013", "2013-01-01", "2013-12-31", "year", event="premiere")
    a.date("17 May 2014", "2014-05-17", event="premiere")
    assert len(a.run(date_conflict)) == 1


def test_unknown_attributes_never_conflict():
    a = Article("Something happened on 3 June 2001. Something else happened on 9 July 2002.")
    a.date("3 June 2001", "2001-06-03")
    a.date("9 July 2002", "2002-07-09")
    assert a.run(date_conflict) == []


def test_different_regions_do_not_conflict():
    a = Article("It was released in Ireland on 6 April 2012 and in Spain on 30 March 2012.")
    a.date("6 April 2012", "2012-04-06", event="release", region="ie")
    a.date("30 March 2012", "2012-03-30", event="release", region="es")
    assert a.run(date_conflict) == []


def test_a_date_the_text_says_was_moved_is_not_a_competing_value():
    a = Article(
        "The release was scheduled for 1 October 2010, but the date was later moved up to 15 September 2010. "
        "It was released on 15 September 2010."
    )
    a.date("1 October 2010", "2010-10-01", event="release", region="us")
    a.date("15 September 2010", "2010-09-15", event="release", region="us")
    a.date("15 September 2010", "2010-09-15", nth=1, event="release", region="us")
    assert a.run(date_conflict) == []


def test_three_values_in_two_runs_give_one_finding_quoting_a_disjoint_pair():
    a = Article("It came out in 2012. It came out on 4 May 2012. It came out on 9 June 2012.")
    a.date("2012", "2012-01-01", "2012-12-31", "year", event="release")
    a.date("4 May 2012", "2012-05-04", event="release")
    a.date("9 June 2012", "2012-06-09", event="release")
    hits = a.run(date_conflict)
    assert len(hits) == 1
    assert "4 May 2012" in hits[0].message and "9 June 2012" in hits[0].message


def test_related_media_scopes_conflict_at_a_lower_severity_with_the_reason():
    a = Article("It came out on DVD on 1 May 2012. It came out on DVD and Blu-ray on 8 May 2012.")
    a.date("1 May 2012", "2012-05-01", event="release", medium="dvd")
    a.date("8 May 2012", "2012-05-08", event="release", medium="dvd+blu-ray")
    hits = a.run(date_conflict)
    assert len(hits) == 1
    assert hits[0].severity == Severity.WARNING
    assert "scopes differ" in hits[0].message


def test_unrelated_media_scopes_are_separate_facts():
    a = Article("It came out on DVD on 1 May 2012. It was streamed on 8 May 2012.")
    a.date("1 May 2012", "2012-05-01", event="release", medium="dvd")
    a.date("8 May 2012", "2012-05-08", event="release", medium="streaming")
    assert a.run(date_conflict) == []


# ------------------------------------------------------------------ D002
def test_premiere_after_the_release_is_flagged():
    a = Article("It premiered at a festival on 2 September 2011. It was released on 12 August 2011.")
    a.date("2 September 2011", "2011-09-02", event="premiere")
    a.date("12 August 2011", "2011-08-12", event="release", region="it")
    hits = a.run(premiere_after_release)
    assert len(hits) == 1 and "2 September 2011" in hits[0].message


def test_premiere_in_the_release_month_is_not_flagged():
    a = Article("It premiered in August 2011. It was released on 12 August 2011.")
    a.date("August 2011", "2011-08-01", "2011-08-31", "month", event="premiere")
    a.date("12 August 2011", "2011-08-12", event="release")
    assert a.run(premiere_after_release) == []


def test_regional_premiere_is_compared_with_that_region_only():
    a = Article("Its French premiere was on 2 October 2011. It was released in Italy on 12 August 2011.")
    a.date("2 October 2011", "2011-10-02", event="premiere", region="fr")
    a.date("12 August 2011", "2011-08-12", event="release", region="it")
    assert a.run(premiere_after_release) == []


# ------------------------------------------------------------------ D003
def test_dvd_before_cinema_release_is_flagged():
    a = Article("It was released in cinemas on 15 September 2010. It was released on DVD on 1 February 2010.")
    a.date("15 September 2010", "2010-09-15", event="release", region="us")
    a.date("1 February 2010", "2010-02-01", event="release", region="us", medium="dvd")
    assert len(a.run(home_media_before_theatrical)) == 1


def test_dvd_after_cinema_release_or_in_another_region_is_not_flagged():
    a = Article("It was released in cinemas on 15 September 2010. It was released on DVD on 1 February 2010 in Korea.")
    a.date("15 September 2010", "2010-09-15", event="release", region="us")
    a.date("1 February 2010", "2010-02-01", event="release", region="kr", medium="dvd")
    assert a.run(home_media_before_theatrical) == []


# ------------------------------------------------------------------ D004
def test_moved_up_to_a_later_date_is_flagged():
    a = Article("The release was set for 1 October 2010, but the date was later moved up to 15 October 2010.")
    a.date("1 October 2010", "2010-10-01", event="release")
    a.date("15 October 2010", "2010-10-15", event="release")
    hits = a.run(moved_date_wrong_direction)
    assert len(hits) == 1 and "moved up" in hits[0].message


def test_moved_up_to_an_earlier_date_is_fine():
    a = Article("The release was set for 1 October 2010, but the date was later moved up to 15 September.")
    a.date("1 October 2010", "2010-10-01")
    a.date("15 September", "2010-09-15")
    assert a.run(moved_date_wrong_direction) == []


def test_pushed_back_from_to_reads_both_dates_after_the_cue():
    a = Article("The premiere was pushed back from 9 May 2014 to 2 May 2014.")
    a.date("9 May 2014", "2014-05-09")
    a.date("2 May 2014", "2014-05-02")
    assert len(a.run(moved_date_wrong_direction)) == 1


def test_postponed_to_a_later_month_is_fine():
    a = Article("Filming planned for March 2009 was postponed to April 2009.")
    a.date("March 2009", "2009-03-01", "2009-03-31", "month")
    a.date("April 2009", "2009-04-01", "2009-04-30", "month")
    assert a.run(moved_date_wrong_direction) == []


# ------------------------------------------------------------------ D005
def test_opening_weekend_weeks_after_the_release_is_flagged():
    a = Article(
        "It was released in Ireland on 14 January 2011. "
        "In its opening weekend in Ireland, between 11–13 February 2011, it took ninth place."
    )
    a.date("14 January 2011", "2011-01-14", event="release", region="ie")
    a.date("11–13 February 2011", "2011-02-11", "2011-02-13", event="release", region="ie",
           period="opening-weekend")
    hits = a.run(opening_weekend_not_at_release)
    assert len(hits) == 1 and "14 January 2011" in hits[0].message


def test_opening_weekend_two_days_after_a_wednesday_release_is_fine():
    a = Article(
        "It was released in Ireland on 9 February 2011. "
        "In its opening weekend in Ireland, between 11–13 February 2011, it took ninth place."
    )
    a.date("9 February 2011", "2011-02-09", event="release", region="ie")
    a.date("11–13 February 2011", "2011-02-11", "2011-02-13", event="opening-weekend", region="ie")
    assert a.run(opening_weekend_not_at_release) == []


def test_each_release_date_the_weekend_contradicts_is_reported_once_in_text_order():
    a = Article(
        "It was released in Ireland on 4 March 2011. It reached Irish cinemas on 11 February 2011. "
        "Irish audiences saw it from 4 March 2011. "
        "In its opening weekend in Ireland, between 11–13 February 2011, it took ninth place."
    )
    a.date("4 March 2011", "2011-03-04", event="release", region="ie")
    a.date("11 February 2011", "2011-02-11", event="release", region="ie")
    a.date("4 March 2011", "2011-03-04", nth=1, event="release", region="ie")
    a.date("11–13 February 2011", "2011-02-11", "2011-02-13", event="opening-weekend", region="ie")
    hits = a.run(opening_weekend_not_at_release)
    first, second = (a.text.index("4 March 2011"), a.text.index("4 March 2011", 40))
    assert [h.evidence[0].span.start for h in hits] == [first, second]


def test_moved_up_reads_the_dates_next_to_the_cue_among_many():
    dates = ", ".join(f"{d} May 2010" for d in range(1, 21))
    a = Article(f"Screenings fell on {dates}; the gala was later moved up to 25 May 2010.")
    for d in range(1, 21):
        a.date(f"{d} May 2010", f"2010-05-{d:02d}")  # "1 May 2010" comes before "11 May 2010"
    a.date("25 May 2010", "2010-05-25")
    hits = a.run(moved_date_wrong_direction)
    assert len(hits) == 1 and "from 20 May 2010 to 25 May 2010" in hits[0].message


# ------------------------------------------------------------------ D006
def _festival(text, surface, number, event, date_surface, start, end, precision="month"):
    from nlmg_facts.calendar import load_calendar

    a = Article(text, calendar=load_calendar())
    a.edition(surface, number, event)
    a.date(date_surface, start, end, precision)
    return a


def test_festival_dated_far_from_its_season_is_flagged():
    from nlmg_facts.rules.dates import festival_date_out_of_season

    a = _festival("The film premiered at the 37th annual Telluride Film Festival in March 2010.",
                  "37th annual Telluride Film Festival", 37, "telluride film festival",
                  "March 2010", "2010-03-01", "2010-03-31")
    hits = a.run(festival_date_out_of_season)
    assert len(hits) == 1 and "usually held in September" in hits[0].message


def test_festival_dated_in_or_next_to_its_month_is_fine():
    from nlmg_facts.rules.dates import festival_date_out_of_season

    a = _festival("The film was shown at the 67th Venice International Film Festival on 31 August 2010.",
                  "67th Venice International Film Festival", 67, "venice film festival",
                  "31 August 2010", "2010-08-31", "2010-08-31", "day")
    assert a.run(festival_date_out_of_season) == []


def test_a_re_release_is_a_later_occurrence_not_a_second_release_date():
    a = Article("It was released in Ireland on 12 March 1999. "
                "It was re-released in cinemas in Ireland on 14 March 2019 for its 20th anniversary.")
    a.date("12 March 1999", "1999-03-12", event="release", region="ie")
    a.date("14 March 2019", "2019-03-14", event="release", region="ie")
    assert a.run(date_conflict) == []


def test_ceremony_that_moved_by_two_months_over_the_decades_is_not_out_of_season():
    from nlmg_facts.rules.dates import festival_date_out_of_season

    a = _festival("It was nominated at the 53rd British Academy Film Awards in April 2000.",
                  "53rd British Academy Film Awards", 53, "british academy film awards",
                  "April 2000", "2000-04-01", "2000-04-30")
    assert a.run(festival_date_out_of_season) == []


# ------------------------------------------------------------------ D007
@pytest.mark.parametrize(
    ("premiere", "iso", "run_text", "flagged"),
    [
        ("1 September 2010", "2010-09-01", "The festival began on 3 September 2010.", True),
        ("4 September 2010", "2010-09-04", "The festival began on 3 September 2010.", False),
        # A bare date of the festival without "began" says nothing about its start.
        ("1 September 2010", "2010-09-01", "The festival was covered on 3 September 2010.", False),
    ],
)
def test_screening_before_the_festival_began_is_flagged(premiere, iso, run_text, flagged):
    from nlmg_facts.rules.dates import festival_date_outside_run

    a = Article(f"It premiered at the Telluride Film Festival on {premiere}. {run_text}")
    a.date(premiere, iso, event="premiere", festival="telluride film festival")
    a.date("3 September 2010", "2010-09-03", event="festival-run", subject="festival",
           festival="telluride film festival")
    assert bool(a.run(festival_date_outside_run)) is flagged
