"""Date extraction: absolute forms, ranges, impossible dates, context years and relative anchors."""

from __future__ import annotations

import datetime as dt
import time

import pytest

from nlmg_facts.extract import dates
from nlmg_facts.extract.base import claim_id
from nlmg_facts.extract.dates import (
    date_problem,
    find_dates,
    find_invalid_dates,
    parse_date,
)
from nlmg_facts.ingest import ingest

D = dt.date


def found(text: str) -> list[tuple[str, object]]:
    """(surface, value) of every absolute date in ``text``, without context."""
    return [(text[s:e], v) for s, e, v in find_dates(text)]


def extracted(text: str) -> list[tuple[str, object, int]]:
    """(surface, value, start) of every date mention the extractor yields for an article."""
    doc = ingest(text)
    return [(text[m.start : m.end], m.value, m.start) for m in dates.extract(doc)]


def only(text: str):
    """The one date found in ``text`` (fails when there are none or several)."""
    hits = found(text)
    assert len(hits) == 1, hits
    return hits[0]


def mention(text: str, surface: str):
    """The extracted mention whose surface is ``surface``."""
    hits = [(v, s) for t, v, s in extracted(text) if t == surface]
    assert len(hits) == 1, (surface, extracted(text))
    return hits[0]


# ------------------------------------------------------------ absolute dates

ABSOLUTE = [
    # sentence, surface, iso, start, end, precision
    ("The film opened on 15 September 2010 in cinemas.", "15 September 2010", "2010-09-15", D(2010, 9, 15), D(2010, 9, 15), "day"),
    ("It premiered on September 15, 2010, at the festival.", "September 15, 2010", "2010-09-15", D(2010, 9, 15), D(2010, 9, 15), "day"),
    ("On September 15th, 2010 the trailer appeared.", "September 15th, 2010", "2010-09-15", D(2010, 9, 15), D(2010, 9, 15), "day"),
    ("The archived copy is dated 2010-09-15.", "2010-09-15", "2010-09-15", D(2010, 9, 15), D(2010, 9, 15), "day"),
    ("A review ran on Sept. 15, 2010 in the daily.", "Sept. 15, 2010", "2010-09-15", D(2010, 9, 15), D(2010, 9, 15), "day"),
    ("The board met on 1st of March 1999.", "1st of March 1999", "1999-03-01", D(1999, 3, 1), D(1999, 3, 1), "day"),
    ("The crew returned on Friday, 8 May 2009.", "Friday, 8 May 2009", "2009-05-08", D(2009, 5, 8), D(2009, 5, 8), "day"),
    ("He was born on 29 February 2008.", "29 February 2008", "2008-02-29", D(2008, 2, 29), D(2008, 2, 29), "day"),
    ("Principal photography began in April 2009.", "April 2009", "2009-04", D(2009, 4, 1), D(2009, 4, 30), "month"),
    ("The lease ran out in Feb 2012.", "Feb 2012", "2012-02", D(2012, 2, 1), D(2012, 2, 29), "month"),
    ("The novel was published in 2005.", "2005", "2005", D(2005, 1, 1), D(2005, 12, 31), "year"),
    ("Such dramas were common in the 1990s.", "1990s", "199", D(1990, 1, 1), D(1999, 12, 31), "decade"),
    ("Music of the 1970's shaped the score.", "1970's", "197", D(1970, 1, 1), D(1979, 12, 31), "decade"),
    ("It is a 21st-century retelling.", "21st-century", "20", D(2000, 1, 1), D(2099, 12, 31), "century"),
    ("The estate dates from the eighteenth century.", "eighteenth century", "17", D(1700, 1, 1), D(1799, 12, 31), "century"),
    ("The vote was held on Friday 7/6 at noon.", "Friday 7/6", "--07-06", None, None, "day"),
    ("Earnings rose in the third quarter of 2016.", "third quarter of 2016", "2016-07/2016-09", D(2016, 7, 1), D(2016, 9, 30), "month"),
]


@pytest.mark.parametrize(("sentence", "surface", "iso", "start", "end", "precision"), ABSOLUTE)
def test_absolute_dates_become_intervals_at_their_stated_precision(sentence, surface, iso, start, end, precision):
    text, value = only(sentence)
    assert text == surface
    assert (value.iso, value.start, value.end, value.precision) == (iso, start, end, precision)
    assert value.year_source == ("stated" if start else "none")


def test_month_year_becomes_a_month_long_range_not_a_midnight():
    _, value = only("Filming started in September 2010.")
    assert (value.start, value.end) == (D(2010, 9, 1), D(2010, 9, 30))
    assert value.is_range is False and value.precision == "month"


RANGES = [
    ("The opening weekend ran 11–13 February 2011.", "11–13 February 2011", "2011-02-11/2011-02-13", D(2011, 2, 11), D(2011, 2, 13)),
    ("Screenings were held between 17–19 December 2010.", "17–19 December 2010", "2010-12-17/2010-12-19", D(2010, 12, 17), D(2010, 12, 19)),
    ("The house was used on 12 and 13 May 2009 for exteriors.", "12 and 13 May 2009", "2009-05-12/2009-05-13", D(2009, 5, 12), D(2009, 5, 13)),
    ("The chart covers February 18–20, 2011.", "February 18–20, 2011", "2011-02-18/2011-02-20", D(2011, 2, 18), D(2011, 2, 20)),
    ("The market fell from 2007 to 2009.", "2007 to 2009", "2007/2009", D(2007, 1, 1), D(2009, 12, 31)),
    ("The market fell between 2007 and 2009.", "2007 and 2009", "2007/2009", D(2007, 1, 1), D(2009, 12, 31)),
    ("The pandemic of 2009–2010 closed schools.", "2009–2010", "2009/2010", D(2009, 1, 1), D(2010, 12, 31)),
    ("The 2009–10 season was his last.", "2009–10", "2009/2010", D(2009, 1, 1), D(2010, 12, 31)),
    ("The tour ran from 30 November to 2 December 2010.", "30 November to 2 December 2010", "2010-11-30/2010-12-02", D(2010, 11, 30), D(2010, 12, 2)),
    ("It was staged from December 2010 – January 2011.", "December 2010 – January 2011", "2010-12/2011-01", D(2010, 12, 1), D(2011, 1, 31)),
    ("The series aired Nov–Feb 2017.", "Nov–Feb 2017", "2016-11/2017-02", D(2016, 11, 1), D(2017, 2, 28)),
    ("The statute applied from 2014 through May 2018.", "2014 through May 2018", "2014/2018-05", D(2014, 1, 1), D(2018, 5, 31)),
    ("Trading paused from April to June in 2017.", "April to June in 2017", "2017-04/2017-06", D(2017, 4, 1), D(2017, 6, 30)),
]


@pytest.mark.parametrize(("sentence", "surface", "iso", "start", "end"), RANGES)
def test_ranges_become_one_interval_from_first_to_last_day(sentence, surface, iso, start, end):
    text, value = only(sentence)
    assert text == surface
    assert (value.iso, value.start, value.end, value.is_range) == (iso, start, end, True)


def test_a_year_less_range_keeps_both_ends_unresolved():
    text, value = only("The festival runs 3–5 March each spring.")
    assert text == "3–5 March"
    assert (value.iso, value.start, value.end, value.year_source) == ("--03-03/--03-05", None, None, "none")


def test_a_dated_start_and_a_year_less_end_stay_two_dates():
    # "3 January 2017 – 1 February" is not read as a range ending in an unknown year.
    surfaces = [t for t, _ in found("It ran 3 January 2017 – 1 February and closed.")]
    assert surfaces == ["3 January 2017", "1 February"]


def test_a_moved_date_is_not_a_range():
    surfaces = [t for t, _ in found("The date was moved from 1 October 2010 to 15 September 2010.")]
    assert surfaces == ["1 October 2010", "15 September 2010"]


YEARS = [
    # a bare year where context says it is a year
    ("Kazuo Ishiguro's 2005 novel of the same name", "2005"),
    ("It screened at the 2011 Toronto International Film Festival.", "2011"),
    ("Knightley had shot scenes there for her 2008 film.", "2008"),
    ("In 1978, the children lived at the school.", "1978"),
    ("The paper called it one of 2010's big films.", "2010"),
    ("It is a 2010 British drama.", "2010"),
    ("Sales collapsed in mid-2010 after the launch.", "2010"),
    ("The 2010 elections were close.", "2010"),
    ("See the list of films (2010 film).", "2010"),
]


@pytest.mark.parametrize(("sentence", "surface"), YEARS)
def test_a_bare_year_is_extracted_when_it_reads_as_a_year(sentence, surface):
    text, value = only(sentence)
    assert text == surface
    assert value.precision == "year" and value.iso == surface[:4]


NOT_DATES = [
    "Film4 co-produced it with a studio.",
    "The studio paid US$2010 for the rights and £1,500 for props.",
    "The film played on 2010 screens in its second week.",
    "Over 1500 people attended the premiere.",
    "The website gave it an average rating of 6.8/10.",
    "It sold 1,000 copies in a week.",
    "Medicine has extended the lifespan beyond 100 years.",
    "The first act was carried by 12-year-olds.",
    "The screening starts at 20:10 sharp.",
    "The details are on page 2010 of the report.",
    "It shipped on Windows 2000 machines.",
    "They revived a 2000-year-old tradition.",
    "The office is at 1600 Pennsylvania Avenue.",
    "For tickets call 138-2010-2015 today.",
    "The crate weighed 1500 kg when full.",
    "The score was 3–1 after extra time.",
    "They had to march 12 miles to the coast.",
    "You may see the trailer online.",
    "May I ask what this is for?",
    "June Carter sang the title song.",
    "The cassette was called Songs After Dark.",
    "The film opened on a Friday in most cities.",
    "The lead time is about a month earlier than usual.",
    "Version 2.1 added subtitles.",
]


@pytest.mark.parametrize("sentence", NOT_DATES)
def test_numbers_names_and_words_that_are_not_dates_are_not_extracted(sentence):
    assert found(sentence) == []
    assert extracted(sentence) == []


def test_a_month_name_before_a_count_is_only_a_month():
    # "In May 12 people died": 12 is a count, not the day.
    assert [(t, v.iso) for t, v in found("In May 12 people died in the floods.")] == [("May", "--05")]


def test_a_bare_month_needs_date_context():
    assert [t for t, _ in found("The album came out in January and February.")] == ["January", "February"]
    assert found("April said that the set was cold.") == []


# ------------------------------------------------------------ impossible dates

IMPOSSIBLE = [
    ("30 February 2010", "30 February is not a calendar date"),
    ("31 April 2010", "31 April is not a calendar date"),
    ("29 February 2011", "29 February 2011 is not a calendar date (2011 is not a leap year)"),
    ("13–11 February 2011", "the range ends before it starts"),
    ("2010-02-30", "30 February is not a calendar date"),
]


@pytest.mark.parametrize(("text", "reason"), IMPOSSIBLE)
def test_impossible_dates_parse_to_nothing_but_say_why(text, reason):
    assert parse_date(text) is None
    assert date_problem(text) == reason


def test_an_impossible_date_in_prose_gives_no_claim_but_is_reported():
    sentence = "The paper was dated 30 February 2010 by mistake."
    assert extracted(sentence) == []
    assert find_invalid_dates(sentence) == [(20, 36, "30 February is not a calendar date")]


def test_a_leap_day_in_a_leap_year_is_valid():
    assert date_problem("29 February 2012") is None
    assert parse_date("29 February 2012").iso == "2012-02-29"


# ------------------------------------------------------------ parse_date

PARSED = [
    ("15 September 2010", "2010-09-15"),
    ("1 January 1970", "1970-01-01"),
    ("September 2010", "2010-09"),
    ("(8 October 2010).", "2010-10-08"),
    ("September 15, 2010", "2010-09-15"),
    ("2010", "2010"),
    ("February 18–20, 2011", "2011-02-18/2011-02-20"),
    ("15 September", "--09-15"),
]


@pytest.mark.parametrize(("text", "iso"), PARSED)
def test_parse_date_reads_one_citation_date(text, iso):
    assert parse_date(text).iso == iso


@pytest.mark.parametrize("text", ["Retrieved 2 November 2010", "a news piece", "", "15 September 2010 and 2011"])
def test_parse_date_rejects_anything_but_one_whole_date(text):
    assert parse_date(text) is None


def test_find_dates_reads_a_slice_of_a_reference_list():
    refs = 'Leins, Jeff (8 October 2010). "Title". News. Retrieved 2 November 2010.'
    start = refs.index("News")
    assert [(refs[s:e], v.iso) for s, e, v in find_dates(refs, start)] == [("2 November 2010", "2010-11-02")]


# ------------------------------------------------------------ context years

CONTEXT = [
    # article, surface of the year-less date, resolved iso
    ("The release was set for 1 October 2010. The date was later moved up to 15 September.", "15 September", "2010-09-15"),
    ("The DVD came out on 1 February 2011. By 6 February, it had sold 44,911 units.", "6 February", "2011-02-06"),
    ("The trailer came out in July 2010. A poster followed in September.", "September", "2010-09"),
    ("Filming began in 2009 and the last scene was shot on 21 October.", "21 October", "2009-10-21"),
    # a day or month beats a nearer bare year ("her 2008 film" is about another work)
    ("The shoot started in April 2009. She knew the beach from her 2008 film. They filmed there on 12 May.", "12 May", "2009-05-12"),
]


@pytest.mark.parametrize(("article", "surface", "iso"), CONTEXT)
def test_a_year_less_date_takes_the_year_of_the_nearest_dated_mention(article, surface, iso):
    value, _ = mention(article, surface)
    assert value.iso == iso
    assert value.year_source == "context"
    assert value.start is not None


def test_a_year_less_date_without_an_anchor_stays_unresolved():
    value, _ = mention("The paper said on 21 October that sales were weak.", "21 October")
    assert (value.iso, value.start, value.end, value.year_source) == ("--10-21", None, None, "none")


def test_context_does_not_reach_across_many_sentences():
    article = (
        "The film opened on 13 October 2010. It was praised. Critics liked it. "
        "Audiences were small. Theatres dropped it. A news piece on 21 October called it a flop."
    )
    value, _ = mention(article, "21 October")
    assert value.year_source == "none"


def test_an_impossible_context_year_leaves_the_date_unresolved():
    value, _ = mention("The book appeared in 2011. A party followed on 29 February.", "29 February")
    assert (value.iso, value.year_source) == ("--02-29", "none")


# ------------------------------------------------------------ relative dates


def test_years_later_is_anchored_to_the_last_date_and_chains():
    article = (
        "In 1978, the children lived at the school. Seven years later, they moved to a farm. "
        "Another nine years later, she became a carer."
    )
    first, first_at = mention(article, "Seven years later")
    second, _ = mention(article, "Another nine years later")
    assert first.relative.anchor == claim_id("date", article.index("1978"))
    assert (first.relative.expression, first.relative.offset) == ("offset", "P7Y")
    assert (first.iso, first.start, first.end, first.year_source) == ("1985", D(1985, 1, 1), D(1985, 12, 31), "anchor")
    assert second.relative.anchor == claim_id("date", first_at)
    assert (second.relative.offset, second.iso) == ("P9Y", "1994")


def test_that_same_month_skips_a_year_only_date_for_its_anchor():
    article = (
        "It opened the festival on 13 October 2010. The first adaptation came out in 1993. "
        "That same month it was screened in Tokyo."
    )
    value, _ = mention(article, "That same month")
    assert value.relative.expression == "same-month"
    assert value.relative.anchor == claim_id("date", article.index("13 October"))
    assert (value.iso, value.start, value.end) == ("2010-10", D(2010, 10, 1), D(2010, 10, 31))


def test_in_the_same_month_follows_a_month_resolved_from_context():
    article = (
        "It was expected at the 2010 Venice Film Festival in September. "
        "In the same month, it was screened in Austin."
    )
    value, _ = mention(article, "the same month")
    assert value.relative.anchor == claim_id("date", article.index("September"))
    assert value.iso == "2010-09"


def test_the_previous_weekend_is_the_saturday_and_sunday_before_its_anchor():
    article = "A report published on 21 October 2010 said takings fell after the previous weekend."
    value, _ = mention(article, "the previous weekend")
    assert value.relative.expression == "previous-weekend"
    assert (value.start, value.end, value.is_range) == (D(2010, 10, 16), D(2010, 10, 17), True)


def test_a_relative_date_with_an_unresolved_anchor_keeps_the_anchor():
    article = "A news piece on 21 October called it a flop. Its screens were cut after the previous weekend."
    value, _ = mention(article, "the previous weekend")
    assert value.relative.anchor == claim_id("date", article.index("21 October"))
    assert (value.start, value.iso) == (None, "XXXX-XX-XX")


def test_ago_in_reported_speech_stays_unanchored():
    value, _ = mention("She recalled that she first read the book three years ago.", "three years ago")
    assert (value.relative.expression, value.relative.offset, value.relative.anchor) == ("ago", "-P3Y", None)
    assert (value.start, value.iso, value.year_source) == (None, "XXXX", "none")


def test_ago_is_anchored_to_an_utterance_date_in_the_same_sentence():
    article = "In a 2010 interview, she said that she had read the book three years ago."
    value, _ = mention(article, "three years ago")
    assert value.relative.anchor == claim_id("date", article.index("2010"))
    assert value.iso == "2007"


@pytest.mark.parametrize(
    ("phrase", "offset", "iso"),
    [("the following year", "P1Y", "2006"), ("a year earlier", "-P1Y", "2004"), ("two months later", "P2M", "2005-11")],
)
def test_offsets_from_a_dated_sentence(phrase, offset, iso):
    article = f"The novel came out in September 2005. It was reprinted {phrase}."
    value, _ = mention(article, phrase)
    assert (value.relative.offset, value.iso) == (offset, iso)


def test_a_relative_date_with_no_date_nearby_has_no_anchor():
    article = "They were children. " + "Nothing happened. " * 6 + "Seven years later, they met again."
    value, _ = mention(article, "Seven years later")
    assert value.relative.anchor is None and value.start is None


@pytest.mark.parametrize(
    "sentence",
    [
        "Three years after the war they returned.",
        "In the following weeks the film lost screens.",
        "The season started a month earlier than usual.",
        "It grew from its previous weekend.",
    ],
)
def test_phrases_that_name_no_calendar_date_are_not_relative_dates(sentence):
    assert extracted(sentence) == []


# ------------------------------------------------------------ whole documents


def test_every_mention_span_is_its_surface_and_ids_are_offsets(sample_doc):
    mentions = list(dates.extract(sample_doc))
    ids = {claim_id("date", m.start) for m in mentions}
    for m in mentions:
        assert sample_doc.body.start <= m.start < m.end <= sample_doc.body.end
        anchor = getattr(m.value.relative, "anchor", None)
        assert anchor is None or anchor in ids


def test_the_sample_article_dates(sample_doc):
    text = sample_doc.text
    got = {text[m.start : m.end]: m.value for m in dates.extract(sample_doc)}
    assert got["moved up to 15 September"[12:]].iso == "2010-09-15"
    assert got["6 February"].iso == "2011-02-06"
    assert got["Another nine years later"].iso == "1994"
    assert got["between 17–19 December 2010"[8:]].iso == "2010-12-17/2010-12-19"
    assert got["That same month"].iso == "2010-10"
    assert got["three years ago"].relative.anchor is None
    for not_a_date in ("100 years", "12-year-olds", "Film4", "3 weeks", "6.8/10"):
        assert not any(not_a_date in surface or surface in not_a_date for surface in got if surface != "2010")


# Linear time on date-like junk is counted, not timed: tests/robustness/pathological.py.


# ------------------------------------------------------------ spelled-out and word forms

WORD_FORMS = [
    # sentence, surface, iso
    ("The estate was sold in nineteen ninety-six.", "nineteen ninety-six", "1996"),
    ("The novel was begun in nineteen oh five.", "nineteen oh five", "1905"),
    ("The remake came out in two thousand and ten.", "two thousand and ten", "2010"),
    ("The shoot wrapped in October two thousand and nine.", "October two thousand and nine", "2009-10"),
    ("The diary began on 3 March nineteen eighty-two.", "3 March nineteen eighty-two", "1982-03-03"),
    ("A charter was signed on 6 April seventeen hundred thirty three.", "6 April seventeen hundred thirty three", "1733-04-06"),
    ("The cast met on fourteen June nineteen seventy.", "fourteen June nineteen seventy", "1970-06-14"),
    ("The script was finished on June the twenty-first, 2008.", "June the twenty-first, 2008", "2008-06-21"),
    ("The set closed on the fourth of July.", "fourth of July", "--07-04"),
    ("It was recut by the tenth of September 1990.", "tenth of September 1990", "1990-09-10"),
    ("The crew left on the twenty second day of June.", "twenty second day of June", "--06-22"),
    ("Casting was fixed for October, 1st.", "October, 1st", "--10-01"),
    ("The book is set in the nineteen seventies.", "nineteen seventies", "197"),
]


@pytest.mark.parametrize(("sentence", "surface", "iso"), WORD_FORMS)
def test_spelled_out_years_and_days_in_words_are_dates(sentence, surface, iso):
    text, value = only(sentence)
    assert (text, value.iso) == (surface, iso)


@pytest.mark.parametrize(
    ("sentence", "surface", "iso"),
    [
        ("Rehearsals ran from April ninth through seventeenth.", "April ninth through seventeenth", "--04-09/--04-17"),
        ("Rehearsals ran from the ninth till the seventeenth of April.", "ninth till the seventeenth of April", "--04-09/--04-17"),
        ("The season ran 5/1-5/7/2020 in two cities.", "5/1-5/7/2020", "2020-05-01/2020-05-07"),
    ],
)
def test_ranges_of_days_in_words_and_a_numeric_range_with_one_year_are_ranges(sentence, surface, iso):
    text, value = only(sentence)
    assert (text, value.iso) == (surface, iso)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("In May two thousand people marched.", [("May", "--05")]),  # a count after a month
        ("In October, 12 films opened.", [("October", "--10")]),  # a comma, then a bare count
        ("Some two thousand and ten delegates came.", []),  # no year preposition, a counted noun
        ("It sold nineteen ninety-nine copies.", []),
        ("The vote was 4/22 in favour.", []),  # a bare numeric day and month is a fraction or a score
        ("They married in nineteen twenty.", [("nineteen twenty", "1920")]),  # a century pair alone is a year
    ],
)
def test_spelled_numbers_that_are_counts_are_not_years(sentence, expected):
    assert [(t, v.iso) for t, v in found(sentence)] == expected


# ------------------------------------------------------------ calendar arithmetic


@pytest.mark.parametrize(
    ("base", "unit", "amount", "expected"),
    [
        (D(2012, 2, 29), "year", 1, D(2013, 2, 28)),  # no 29 February in 2013
        (D(2012, 2, 29), "year", 4, D(2016, 2, 29)),
        (D(2011, 1, 31), "month", 1, D(2011, 2, 28)),  # clipped to the month's end
        (D(2012, 1, 31), "month", 1, D(2012, 2, 29)),
        (D(2012, 3, 31), "month", -1, D(2012, 2, 29)),
        (D(2010, 12, 15), "month", 2, D(2011, 2, 15)),
        (D(2010, 12, 30), "week", 1, D(2011, 1, 6)),
        (D(9999, 6, 1), "year", 1, None),  # beyond the calendar
    ],
)
def test_offsets_use_calendar_arithmetic_clipped_to_month_ends(base, unit, amount, expected):
    assert dates._shifted(base, unit, amount) == expected


def test_the_following_month_after_the_last_day_of_january_is_february():
    article = "The shoot began on 31 January 2012. The following month the crew moved to Norfolk."
    value, _ = mention(article, "The following month")
    assert (value.iso, value.start, value.end) == ("2012-02", D(2012, 2, 1), D(2012, 2, 29))


def test_years_later_from_a_leap_day_lands_in_the_right_year():
    article = "She was born on 29 February 1980. Three years later, the family moved north."
    value, _ = mention(article, "Three years later")
    assert (value.iso, value.start, value.end) == ("1983", D(1983, 1, 1), D(1983, 12, 31))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("It dates from the 1st century.", [("1st century", 1, 99)]),  # no year 0
        ("He lived in the 1st century BC.", []),  # before the common era: not modelled
        ("In the 2nd century BCE it grew.", []),
        ("the twenty-first century began", [("twenty-first century", 2000, 2099)]),
    ],
)
def test_first_century_and_centuries_before_the_common_era(text, expected):
    from nlmg_facts import extract_claims

    got = [(c.text, c.value.start.year, c.value.end.year) for c in extract_claims(text) if c.kind == "date"]
    assert got == expected
