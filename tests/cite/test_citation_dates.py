"""Citation dates: the plain-day fast path agrees with the extraction parser; the memo."""

from __future__ import annotations

import pytest

from nlmg_facts.cite._dates import DateMemo, _plain_day, cited_date
from nlmg_facts.extract.dates import parse_date


@pytest.mark.parametrize("text", [
    "8 October 2010", "31 December 1969", "1 January 1970", "29 February 2012", "October 8, 2010",
    "December 31, 1969", "2010-10-08", "2011-02-28",
])
def test_a_plain_full_date_reads_the_same_on_the_fast_path_as_in_the_parser(text):
    fast = _plain_day(text)
    assert fast is not None and fast == parse_date(text)


@pytest.mark.parametrize("text", [
    "30 February 2010", "29 February 2011", "0000-01-01", "8 Octobre 2010", "Sept 8, 2010", "1 Sept 2010",
    "October 2010", "2010", "8 October 10", "Screen Daily 2010",
])
def test_anything_else_is_left_to_the_parser(text):
    assert _plain_day(text) is None


def test_impossible_dates_keep_their_problem_through_the_fallback():
    date = cited_date(" 30 February 2010", 100)
    assert date is not None and not date.valid and date.value is None and "February" in (date.problem or "")
    assert (date.span.start, date.span.end) == (101, 117)


def test_the_memo_reads_each_string_once_and_places_each_copy_at_its_own_offset():
    memo = DateMemo()
    a, b = memo.cited("8 October 2010", 0), memo.cited(" 8 October 2010", 50)
    assert a is not None and b is not None and a.value == b.value
    assert (a.span.start, b.span.start) == (0, 51)
    assert memo.is_date("8 October 2010") and not memo.is_date("Screen Daily") and not memo.is_date("Page 2")
