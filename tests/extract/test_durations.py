"""Durations: explicit amount + unit, vague amounts, qualifiers; ages and relative dates excluded."""

from __future__ import annotations

import pytest

from nlmg_facts.extract import durations


def _durations(text: str):
    return [(text[m.start : m.end], m.value) for m in durations.find(text)]


# (sentence, surface, unit, low, high, stated)
CASES = [
    ("She did a two-week intensive course.", "two-week", "week", 2, 2, "two"),
    ("The score was written over a four-month period.", "four-month", "month", 4, 4, "four"),
    ("Shooting lasted a few weeks in spring.", "a few weeks", "week", 2, 5, "a few"),
    ('"I had not called him in 3 weeks," she wrote.', "3 weeks", "week", 3, 3, "3"),
    ("The crew had to wait several hours for sunset.", "several hours", "hour", 3, 9, "several"),
    ("The cut runs 90 minutes.", "90 minutes", "minute", 90, 90, "90"),
    ("Medicine has extended life beyond 100 years.", "beyond 100 years", "year", 100, 115, "100"),
    ("After one month of release it was still showing.", "one month", "month", 1, 1, "one"),
    ("The restoration took nearly two decades.", "nearly two decades", "year", 18, 20, "two"),
    ("The run was extended by two and a half weeks.", "two and a half weeks", "week", 2.5, 2.5, "two and a half"),
    ("The director's cut runs 2½ hours.", "2½ hours", "hour", 2.5, 2.5, "2½"),
    # Ranges: the interval runs from the lower end to the upper one.
    ("Reshoots took two to three weeks in all.", "two to three weeks", "week", 2, 3, "two to three"),
    ("Editing needed 3–4 months after the shoot.", "3–4 months", "month", 3, 4, "3–4"),
    ("The shoot lasted between six and eight weeks.", "between six and eight weeks", "week", 6, 8, "between six and eight"),
    ("It could take about 16-20 weeks to finish.", "about 16-20 weeks", "week", 15.2, 21, "16-20"),
]


@pytest.mark.parametrize("text, surface, unit, low, high, stated", CASES)
def test_durations_have_a_unit_and_an_interval(text, surface, unit, low, high, stated):
    found = _durations(text)
    assert [s for s, _ in found] == [surface]
    v = found[0][1]
    assert (v.unit, v.stated) == (unit, stated)
    assert (v.low, v.high) == (pytest.approx(low), pytest.approx(high))


NOT_DURATIONS = [
    "The first act is carried by 12-year-olds.",        # an age
    "The actor was 22 years old at the time.",          # an age
    "Seven years later, they meet again.",             # a relative date
    "She first read the book three years ago.",         # a relative date
    "One day, the students are told the truth.",        # not a length of time
    "It took place in the following weeks.",            # no amount
    "It opened on its second weekend in 2010.",
    "Attendance fell over the 2009-10 years of the run.",  # a season, not a span of ten years
    "Catalogue no. 4471-2 weeks' listings were lost.",     # the tail of an identifier
]


@pytest.mark.parametrize("text", NOT_DURATIONS)
def test_ages_relative_dates_and_unquantified_periods_are_not_durations(text):
    assert _durations(text) == []
