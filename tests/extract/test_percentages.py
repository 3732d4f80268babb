"""Percentages: stated precision, qualifiers and the direction of a change."""

from __future__ import annotations

import pytest

from nlmg_facts.extract import percentages


def _pct(text: str):
    return [(text[m.start : m.end], m.value) for m in percentages.find(text)]


# (sentence, surface, stated, low, high, qualifier, direction)
CASES = [
    ("In its second week its revenue decreased by 45%, to £338,404.", "45%", 45, 44.5, 45.5, None, "decrease"),
    ("The film saw a 117% increase in its second week.", "117%", 117, 116.5, 117.5, None, "increase"),
    ("Receipts rose nearly 90 per cent on the previous weekend.", "nearly 90 per cent", 90, 81, 90, "nearly", "increase"),
    ("The film holds a 71% approval rating.", "71%", 71, 70.5, 71.5, None, None),
    ("It suffered a 45 percent drop in its third week.", "45 percent", 45, 44.5, 45.5, None, "decrease"),
    ("Attendance fell 12% on the Sunday.", "12%", 12, 11.5, 12.5, None, "decrease"),
    ("Admissions were up 8% on the year.", "8%", 8, 7.5, 8.5, None, "increase"),
    ("The rate stood at 6.45 percent in May.", "6.45 percent", 6.45, 6.445, 6.455, None, None),
    ("Twenty percent of the cast were newcomers.", "Twenty percent", 20, 19.5, 20.5, None, None),
    ("There was an increase of 30% in screens.", "30%", 30, 29.5, 30.5, None, "increase"),
    ("About 40 % of viewers were under 25.", "About 40 %", 40, 38, 42, "about", None),
    ("Takings dropped by more than 60% in week two.", "more than 60%", 60, 60, 69, "over", "decrease"),
    # Ranges: stated is the lower end, the interval runs to the upper end.
    ("Its ratings rose 10–15% that week.", "10–15%", 10, 9.5, 15.5, None, "increase"),
    ("Its share grew 10%–15% in a year.", "10%–15%", 10, 9.5, 15.5, None, "increase"),
    ("Sales fell between 10 and 15 per cent abroad.", "between 10 and 15 per cent", 10, 9.5, 15.5, None, "decrease"),
    ("About 20-25 percent of viewers left early.", "About 20-25 percent", 20, 19, 26.25, "about", None),
]


@pytest.mark.parametrize("text, surface, stated, low, high, qualifier, direction", CASES)
def test_percentages_carry_precision_qualifier_and_direction(text, surface, stated, low, high, qualifier, direction):
    found = _pct(text)
    assert [s for s, _ in found] == [surface]
    v = found[0][1]
    assert v.stated == pytest.approx(stated)
    assert (v.low, v.high) == (pytest.approx(low), pytest.approx(high))
    assert v.qualifier == qualifier
    assert v.direction == direction


NOT_PERCENT = [
    "See https://example.org/search?q=30%25%2020% for details.",   # URL escapes
    "Open http://host/a%28b%29%20c in a browser.",
    "The film was rated 6.8/10 by critics.",
    "It earned US$9.5 million worldwide.",
    "The 2009–10% figure is a typing slip.",             # no range: the lower end is a year
]


@pytest.mark.parametrize("text", NOT_PERCENT)
def test_url_escapes_and_other_numbers_are_not_percentages(text):
    assert _pct(text) == []


def test_a_minus_sign_makes_the_percentage_negative():
    (_, v), = _pct("Growth was minus five percent that year.")
    assert v.stated == -5
