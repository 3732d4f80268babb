"""NLMG-D008: the age arithmetic, with the stated precision of both dates."""

from __future__ import annotations

import datetime as dt

import pytest

from nlmg_facts.models.claims import DateClaim, DateValue
from nlmg_facts.rules.ages import age_range


def _date(start: dt.date, end: dt.date) -> DateClaim:
    return DateClaim(id="date@0", text="x", span={"start": 0, "end": 1}, sentence=0,
                     value=DateValue(start=start, end=end, precision="day", iso="x"))


@pytest.mark.parametrize(
    ("birth", "at", "expected"),
    [
        ((dt.date(1895, 4, 11),) * 2, (dt.date(1969, 6, 20),) * 2, (74, 74)),
        ((dt.date(1895, 4, 11),) * 2, (dt.date(1969, 4, 10),) * 2, (73, 73)),  # the day before the birthday
        ((dt.date(1901, 1, 1), dt.date(1901, 12, 31)), (dt.date(1980, 1, 1), dt.date(1980, 12, 31)), (78, 79)),
        ((dt.date(1950, 5, 3),) * 2, (dt.date(1990, 1, 1), dt.date(1990, 12, 31)), (39, 40)),
    ],
)
def test_the_ages_two_dates_allow(birth, at, expected):
    assert age_range(_date(*birth), _date(*at)) == expected
