"""Values that cannot be (NLMG-D009, D010, M010) through the whole pipeline: our own sentences."""

from __future__ import annotations

import pytest

from _check import findings_of

LEAD = "Harbour Lights is a 2015 British drama film. "


def findings(text: str, code: str) -> list:
    return findings_of(LEAD + text, code)


@pytest.mark.parametrize(
    ("text", "quoted"),
    [
        ("It was released on 31 April 2009 in Britain.", "31 April 2009"),
        ("It was shot on 30 February 2010.", "30 February 2010"),
        ("It was shot on 30 February, a Tuesday.", "30 February"),
        ("It premiered on 29 February 2011 in London.", "29 February 2011"),
        ("It was released April 31, 2009.", "April 31, 2009"),
        ("Filming ran 30–31 April 2009 in Norfolk.", "30–31 April 2009"),
    ],
)
def test_a_day_not_on_the_calendar_is_flagged_and_quoted(text, quoted):
    (f,) = findings(text, "NLMG-D010")
    assert f.evidence[0].text == quoted


@pytest.mark.parametrize(
    "text",
    [
        "It premiered on 29 February 2012 in London.",
        "Filming ran 30 April – 2 May 2009 in Norfolk.",
        "Filming ran April 30 – May 2, 2009 in Norfolk.",
        "In April 31 people attended the first reading.",
        "It opened on 30 April 2009 and on 28 February 2010.",
    ],
)
def test_real_days_and_counts_after_a_month_are_not_flagged(text):
    assert findings(text, "NLMG-D010") == []


@pytest.mark.parametrize(
    ("text", "quoted"),
    [
        ("Filming ran from 19–17 December 2010 in Norfolk.", "19–17 December 2010"),
        ("Filming ran December 19–17, 2010 in Norfolk.", "December 19–17, 2010"),
        ("The series ran 2012–2009 on BBC Two.", "2012–2009"),
        ("It starred Ann Rowe (1969–1895) as the nurse.", "1969–1895"),
        ("The series ran from 2012 to 2009 on BBC Two.", "2012 to 2009"),
    ],
)
def test_a_range_that_ends_before_it_starts_is_flagged(text, quoted):
    (f,) = findings(text, "NLMG-D009")
    assert f.evidence[0].text == quoted


@pytest.mark.parametrize(
    "text",
    [
        "The series ran 1999–2000 on BBC Two.",
        "It aired in the 1995–96 season.",
        "Filming ran 30 April – 2 May 2009 in Norfolk.",
        "Filming ran 17–19 December 2010 in Norfolk.",
        "It was shown on 2009-05-12 in Paris.",
        "The motion was won 2012–1998 in the final count.",
    ],
)
def test_forward_ranges_seasons_iso_dates_and_scores_are_not_flagged(text):
    assert findings(text, "NLMG-D009") == []


@pytest.mark.parametrize(
    "text",
    [
        "It took a 120% share of the market.",
        "It won 120% of the vote.",
        "It reached a market share of 150 per cent in its second week.",
    ],
)
def test_a_share_above_its_whole_is_flagged(text):
    assert len(findings(text, "NLMG-M010")) == 1


@pytest.mark.parametrize(
    "text",
    [
        "Its gross rose 120% in the second week.",
        "It took a 12% share of the market.",
        "Takings were up 150 per cent on the first week.",
        "It won 100% of the vote.",
        "Cost overruns reached 120% of the total budget.",  # an overrun may pass its budget
    ],
)
def test_growth_and_shares_up_to_the_whole_are_not_flagged(text):
    assert findings(text, "NLMG-M010") == []
