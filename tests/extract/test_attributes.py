"""Attribute keys: what a claim is about, read from its sentence with the trigger lexicon."""

from __future__ import annotations

import pytest

from nlmg_facts.extract.attributes import _context, attribute_for, expand, normalise_festival
from nlmg_facts.extract.base import Mention
from nlmg_facts.ingest import ingest
from nlmg_facts.models import Attribute
from nlmg_facts.models.claims import (
    CountValue,
    DateValue,
    DurationValue,
    EditionValue,
    MoneyValue,
    PercentValue,
    RankingValue,
    RatingValue,
)

FILM_LEAD = "The Lantern Keeper is a 2012 British drama film directed by Ada Morrow. "
BOOK_LEAD = "The Salt Road is a 1998 novel by the Welsh writer Owen Price. "
ALBUM_LEAD = "Northern Lights is the third studio album by the band Glass Harbour. "


def _value(kind: str, noun: str | None, category: str | None, direction: str | None):
    if kind == "date":
        return DateValue(start=None, end=None, precision="year", iso="2010")
    if kind == "money":
        return MoneyValue(stated=1.0, low=1.0, high=1.0, currency="USD")
    if kind == "count":
        return CountValue(stated=4, low=4, high=4, noun=noun)
    if kind == "ranking":
        return RankingValue(rank=3, category=category)
    if kind == "edition":
        return EditionValue(number=5, event="x", event_text="x")
    if kind == "percentage":
        return PercentValue(stated=10, low=10, high=10, direction=direction)
    if kind == "rating":
        return RatingValue(score=6.8, scale=10)
    return DurationValue(unit="week", low=2, high=2, stated="two")


def attr(text: str, surface: str, kind: str = "date", *, nth: int = 0, noun: str | None = None,
         category: str | None = None, direction: str | None = None) -> Attribute:
    """The attribute of the ``nth`` occurrence of ``surface`` in ``text``, as a ``kind`` mention."""
    doc = ingest(text)
    start = -1
    for _ in range(nth + 1):
        start = text.index(surface, start + 1)
    mention = Mention(kind=kind, start=start, end=start + len(surface),
                      value=_value(kind, noun, category, direction))
    sentence = doc.sentence_at(start)
    assert sentence is not None
    return attribute_for(doc, sentence, mention)


def key(*args, **kwargs) -> str:
    return attr(*args, **kwargs).key


# ------------------------------------------------------------------ case table

CASES = [
    # (text, surface, kind, extra, expected key)
    pytest.param(FILM_LEAD + "It opened on 3 March 2013 in the United Kingdom.", "3 March 2013", "date", {},
                 "this-work:release[region=GB]", id="opened-in-uk"),
    pytest.param(FILM_LEAD + "The film was released in the United Kingdom on 4 April 2013, and in France on 2 April 2013.",
                 "2 April 2013", "date", {}, "this-work:release[region=FR]", id="second-clause-own-region"),
    pytest.param(FILM_LEAD + "Northway Pictures distributed it to cinemas in the United States on 9 May 2013, where it was given a limited release.",
                 "9 May 2013", "date", {}, "this-work:release[region=US]", id="distributed-limited-release"),
    pytest.param(FILM_LEAD + "In the United States, it was released on DVD on 2 June 2014.", "2 June 2014", "date", {},
                 "this-work:release[medium=dvd,region=US]", id="dvd-release"),
    pytest.param(FILM_LEAD + "It went into wide release in the United States on 30 May 2013.", "30 May 2013", "date", {},
                 "this-work:release[region=US,scope=wide]", id="wide-release"),
    pytest.param(FILM_LEAD + "It was scheduled for release in Canada on 1 October 2013, but the date was later moved up to 15 September.",
                 "1 October 2013", "date", {}, "this-work:release[region=CA,status=planned]", id="planned-date"),
    pytest.param(FILM_LEAD + "It was scheduled for release in Canada on 1 October 2013, but the date was later moved up to 15 September.",
                 "15 September", "date", {}, "this-work:release[region=CA]", id="moved-up-date-is-the-release"),
    pytest.param(FILM_LEAD + "The Lantern Keeper premiered at the 21st annual Galway Film Fleadh Festival in July 2012.",
                 "July 2012", "date", {}, "this-work:premiere[festival=galway film fleadh festival]", id="premiere-at-festival"),
    pytest.param(FILM_LEAD + "It was screened at the 2012 Toronto International Film Festival.", "2012", "date", {"nth": 1},
                 "this-work:festival-screening[festival=toronto film festival]", id="year-inside-festival-name"),
    pytest.param(FILM_LEAD + "The film was in the 37th TIFF line-up during September 2012.", "September 2012", "date", {},
                 "this-work:festival-screening[festival=toronto film festival]", id="line-up-with-alias"),
    pytest.param(FILM_LEAD + "It opened the 56th London Film Festival on 10 October 2012, the same day as its European release.",
                 "10 October 2012", "date", {}, "this-work:festival-opening[festival=london film festival]", id="opened-the-festival"),
    pytest.param(FILM_LEAD + "It opened the 56th London Film Festival on 10 October 2012.", "56th London Film Festival", "edition", {},
                 "this-work:festival-opening[festival=london film festival]", id="edition-of-opened-festival"),
    pytest.param(FILM_LEAD + "It premiered at the Harbour Film Festival. The festival began on 3 September 2012, running through the holiday weekend.",
                 "3 September 2012", "date", {}, "festival:festival-run[festival=harbour film festival]", id="festival-run-anaphora"),
    pytest.param(FILM_LEAD + "Principal photography began in April 2011.", "April 2011", "date", {},
                 "this-work:filming-start", id="principal-photography"),
    pytest.param(FILM_LEAD + "The film was produced on a US$4 million budget.", "US$4 million", "money", {},
                 "this-work:budget", id="budget-after-money-not-us-region"),
    pytest.param(FILM_LEAD + "The film grossed US$12.5 million worldwide.", "US$12.5 million", "money", {},
                 "this-work:gross[region=world]", id="worldwide-total"),
    pytest.param(FILM_LEAD + "The film earned US$9 million at the box office.", "US$9 million", "money", {},
                 "this-work:gross[region=world]", id="unqualified-total-is-worldwide"),
    pytest.param(FILM_LEAD + "It earned US$9 million at the box office and an additional US$2 million in DVD sales revenue.",
                 "US$2 million", "money", {}, "this-work:gross[medium=dvd]", id="dvd-revenue-clause"),
    pytest.param(FILM_LEAD + "The DVD and Blu-ray sales revenue stands at US$3,100,000.", "US$3,100,000", "money", {},
                 "this-work:gross[medium=dvd+blu-ray]", id="dvd-and-blu-ray-revenue"),
    pytest.param(FILM_LEAD + "In its opening weekend in the United Kingdom, the film took in £410,000.", "£410,000", "money", {},
                 "this-work:gross[period=opening-weekend,region=GB]", id="uk-opening-weekend"),
    pytest.param(FILM_LEAD + "In the United States, it opened at six theatres, grossing over US$80,000 during its first weekend.",
                 "six theatres", "count", {"noun": "theatre"},
                 "this-work:theatre-count[period=opening-weekend,region=US,scope=theatre]", id="opened-at-n-theatres"),
    pytest.param(FILM_LEAD + "It was released to six cinemas in its opening weekend in the United States, with an additional 120 theatres added later on.",
                 "120 theatres", "count", {"noun": "theatre"},
                 "this-work:theatre-count[change=added,period=later,region=US,scope=theatre]", id="added-theatres"),
    pytest.param(FILM_LEAD + "In its opening weekend, the film made over US$90,000, averaging US$15,000 per theatre.",
                 "US$15,000", "money", {}, "this-work:average-gross[per-unit=theatre,period=opening-weekend]", id="per-theatre-average"),
    pytest.param(FILM_LEAD + "In its opening weekend in the United Kingdom it took ninth place at the box office.",
                 "ninth place", "ranking", {"category": "place"},
                 "this-work:chart-position[period=opening-weekend,region=GB]", id="chart-position"),
    pytest.param(FILM_LEAD + "In its second week its box-office revenue decreased by 40%, to £200,000.", "40%", "percentage",
                 {"direction": "decrease"}, "this-work:percent-change[period=week-2]", id="percent-change"),
    pytest.param(FILM_LEAD + "On Rotten Tomatoes, the film holds a 64% approval rating based on 120 reviews, with an average rating of 6.1/10.",
                 "64%", "percentage", {}, "this-work:approval-rating[source=rotten-tomatoes]", id="approval"),
    pytest.param(FILM_LEAD + "On Rotten Tomatoes, the film holds a 64% approval rating based on 120 reviews, with an average rating of 6.1/10.",
                 "6.1/10", "rating", {}, "this-work:average-rating[source=rotten-tomatoes]", id="average-rating-not-an-average"),
    pytest.param(FILM_LEAD + "On Rotten Tomatoes, the film holds a 64% approval rating based on 120 reviews, with an average rating of 6.1/10.",
                 "120 reviews", "count", {"noun": "review"}, "this-work:review-count[source=rotten-tomatoes]", id="review-count"),
    pytest.param(FILM_LEAD + "Metacritic assigned the film a weighted average score of 58 out of 100, based on 30 critics.",
                 "58 out of 100", "rating", {}, "this-work:average-rating[source=metacritic]", id="metacritic"),
    pytest.param(FILM_LEAD + "Northern Review critic Sam Hale gave the film a three-out-of-four-star rating.",
                 "three-out-of-four-star", "rating", {}, "this-work:review-score[source=northern-review]", id="critic-score"),
    pytest.param(FILM_LEAD + "Knightley had shot scenes at the house for her 2008 film The Duchess.", "2008", "date", {},
                 "the-duchess:release[scope=first]", id="her-2008-film-title"),
    pytest.param(FILM_LEAD + "It was the second film based on a Price novel to open the festival, after Hollow Press's The Quiet Tide in 1996.",
                 "1996", "date", {}, "the-quiet-tide:festival-opening", id="after-title-in-year"),
    pytest.param("The Glass Coast is a 2011 drama film based on Owen Price's 2005 novel of the same name.", "2005", "date", {},
                 "book:publication[scope=first]", id="source-novel-year"),
    pytest.param("The Glass Coast is a 2011 drama film based on Owen Price's 2005 novel of the same name.", "2011", "date", {},
                 "this-work:release[scope=first]", id="own-year-in-lead"),
    pytest.param(FILM_LEAD + "Before the novel was published in 2005, Morrow had written a treatment.", "2005", "date", {},
                 "book:publication", id="the-novel-published"),
    pytest.param(BOOK_LEAD + "It was first published in the United States in May 1998.", "May 1998", "date", {},
                 "this-work:publication[region=US]", id="book-article-own-publication"),
    pytest.param(ALBUM_LEAD + "The album was released on 3 June 2016 in the United Kingdom.", "3 June 2016", "date", {},
                 "this-work:release[region=GB]", id="album-release"),
    pytest.param(ALBUM_LEAD + "It debuted at number three on the Billboard 200.", "number three", "ranking", {},
                 "this-work:chart-position[chart=billboard,period=opening-week]", id="album-chart"),
    pytest.param(ALBUM_LEAD + "By the end of 2016, it had sold 40,000 copies in the United States.", "40,000 copies", "count",
                 {"noun": "copy"}, "this-work:units-sold[period=as-of-the-end-of-2016,region=US]", id="units-sold-as-of"),
    pytest.param("Marta Vidal (born 4 May 1990) is a Spanish footballer who plays as a forward.", "4 May 1990", "date", {},
                 "this-work:birth", id="birth-of-person"),  # the article's own subject, a person
    pytest.param("Marta Vidal is a Spanish footballer. In the 2015–16 season she scored 19 goals for the national team.", "19 goals", "count",
                 {"noun": "goal"}, "this-work:goal-count[competition=international,scope=goal,year=2015/2016]", id="sports-count-noun"),
    pytest.param(FILM_LEAD + "The score was composed by Ida Lark over a four-month period.", "four-month", "duration", {},
                 "this-work:composition", id="composition-duration"),
    pytest.param(FILM_LEAD + "The script was 96 pages long.", "96 pages", "count", {"noun": "page"},
                 "screenplay:page-count", id="page-count-subject"),
]


@pytest.mark.parametrize(("text", "surface", "kind", "extra", "expected"), CASES)
def test_the_key_of_a_mention_is_read_from_its_sentence(text, surface, kind, extra, expected):
    assert key(text, surface, kind, **extra) == expected


UNKNOWN_CASES = [
    pytest.param("In 1978, the three children spend their childhood at a boarding school.", "1978", "date", {},
                 id="plot-year"),
    pytest.param("Another nine years later, Kathy has watched many donors gradually die.", "Another nine years later",
                 "date", {}, id="die-without-a-person"),
    pytest.param(FILM_LEAD + "It premiered in a hall decorated with US$200 of flowers.", "US$200", "money", {},
                 id="money-cannot-be-a-premiere"),
    pytest.param(FILM_LEAD + "The budget was discussed at length in 2010.", "2010", "date", {},
                 id="date-cannot-be-a-budget"),
    pytest.param(FILM_LEAD + "Nearly thirty film extras had to wait for the sun to set.", "Nearly thirty film extras",
                 "count", {"noun": "extra"}, id="count-of-an-unlisted-noun"),
    pytest.param(FILM_LEAD + "Based on answers from executives, there were five factors.", "five factors", "count",
                 {"noun": "factor"}, id="based-on-is-not-a-review-count"),
    pytest.param("Marta Vidal is a Spanish footballer. She made her debut on 4 May 2010, and scored twice at the 2018 World Cup.",
                 "2018", "date", {}, id="trigger-of-another-dated-clause"),
    pytest.param(FILM_LEAD + "The producer was watching another drama at the Sundance Film Festival in January.",
                 "January", "date", {}, id="festival-without-an-event-word"),
]


@pytest.mark.parametrize(("text", "surface", "kind", "extra"), UNKNOWN_CASES)
def test_a_mention_without_a_fitting_trigger_keeps_an_unknown_attribute(text, surface, kind, extra):
    a = attr(text, surface, kind, **extra)
    assert a.event == "unknown"
    assert not a.known


# ---------------------------------------------------------- same fact, same key

SAME = [
    pytest.param(
        (FILM_LEAD + "It opened on 14 March 2013 in the United Kingdom.", "14 March 2013", "date"),
        (FILM_LEAD + "The film was released in the United Kingdom on 11 April 2013.", "11 April 2013", "date"),
        id="uk-release-two-ways",
    ),
    pytest.param(
        (FILM_LEAD + "In its opening weekend in the United States, the film grossed US$2 million.", "US$2 million", "money"),
        (FILM_LEAD + "The film earned US$2.1 million during its first weekend in the US.", "US$2.1 million", "money"),
        id="opening-weekend-first-weekend",
    ),
    pytest.param(
        (FILM_LEAD + "It opened the 53rd London Film Festival.", "53rd London Film Festival", "edition"),
        (FILM_LEAD + "It opened the 54th BFI London Film Festival on 13 October 2010.", "54th BFI London Film Festival", "edition"),
        id="festival-opening-editions-collide",
    ),
    pytest.param(
        (FILM_LEAD + "The film opened the 60th Berlin International Film Festival.", "60th Berlin International Film Festival", "edition"),
        (FILM_LEAD + "It was the opening film of the 61st Berlinale.", "61st Berlinale", "edition"),
        id="festival-alias",
    ),
    pytest.param(
        (FILM_LEAD + "It premiered at the 37th annual Telluride Film Festival in September 2012.", "September 2012", "date"),
        (FILM_LEAD + "The Lantern Keeper premièred at the Telluride Film Festival on 1 September 2012.", "1 September 2012", "date"),
        id="premiere-spelling",
    ),
    pytest.param(
        (FILM_LEAD + "It was screened at the 2011 Toronto International Film Festival.", "2011", "date"),
        (FILM_LEAD + "The film was in the 37th Toronto International Film Festival (TIFF) line-up during September 2012.",
         "September 2012", "date"),
        id="festival-year-vs-date",
    ),
    pytest.param(
        (FILM_LEAD + "Principal photography began in April 2011.", "April 2011", "date"),
        (FILM_LEAD + "Filming started in May 2011 in Galway.", "May 2011", "date"),
        id="start-of-filming",
    ),
]


@pytest.mark.parametrize(("one", "two"), SAME)
def test_one_fact_stated_in_different_words_gets_one_key(one, two):
    assert key(*one) == key(*two)


DIFFERENT = [
    pytest.param(
        (FILM_LEAD + "In its opening weekend in the United States, the film grossed US$2 million.", "US$2 million", "money"),
        (FILM_LEAD + "In its opening weekend in the United Kingdom, the film grossed £1 million.", "£1 million", "money"),
        id="us-vs-uk-opening-weekend",
    ),
    pytest.param(
        (FILM_LEAD + "In its opening weekend in the United States, the film grossed US$2 million.", "US$2 million", "money"),
        (FILM_LEAD + "The film has made a total of US$9 million worldwide.", "US$9 million", "money"),
        id="opening-weekend-vs-worldwide-total",
    ),
    pytest.param(
        (FILM_LEAD + "It was released in the United Kingdom on 11 February 2011.", "11 February 2011", "date"),
        (FILM_LEAD + "It opened the 54th London Film Festival on 13 October 2010, the same day as its European release.",
         "13 October 2010", "date"),
        id="uk-release-vs-festival-opening",
    ),
    pytest.param(
        (FILM_LEAD + "It earned an additional US$1.9 million in DVD sales revenue.", "US$1.9 million", "money"),
        (FILM_LEAD + "The DVD and Blu-ray sales revenue stands at US$3,794,951.", "US$3,794,951", "money"),
        id="dvd-vs-dvd-and-blu-ray",
    ),
    pytest.param(
        (FILM_LEAD + "It was released in the United States on 15 September 2012.", "15 September 2012", "date"),
        (FILM_LEAD + "In the United States, it was released on DVD on 1 February 2013.", "1 February 2013", "date"),
        id="theatrical-vs-dvd-release",
    ),
    pytest.param(
        (FILM_LEAD + "It premiered at the Telluride Film Festival in September 2012.", "September 2012", "date"),
        (FILM_LEAD + "It was expected to have its world premiere at the 2012 Venice Film Festival in August.", "August", "date"),
        id="actual-vs-planned-premiere",
    ),
    pytest.param(
        (FILM_LEAD + "It opened on 14 March 2013.", "14 March 2013", "date"),
        (FILM_LEAD + "Ada Morrow's earlier film The Long Pier was released in 2009.", "2009", "date"),
        id="other-work",
    ),
    pytest.param(
        (FILM_LEAD + "In July 2012 the film was screened to critics.", "July 2012", "date"),
        (FILM_LEAD + "Six screenings were held at the university between 17–19 December 2012.", "17–19 December 2012", "date"),
        id="two-screenings-are-two-occasions",
    ),
    pytest.param(
        (FILM_LEAD + "Principal photography began in April 2011.", "April 2011", "date"),
        (FILM_LEAD + "The beach scenes were filmed at Holkham on 8 May 2011.", "8 May 2011", "date"),
        id="start-of-filming-vs-a-day-of-filming",
    ),
    pytest.param(
        (FILM_LEAD + "Playing on 265 screens, it took in £500,000.", "265 screens", "count", {"noun": "screen"}),
        (FILM_LEAD + "In the United Kingdom it opened at 265 theatres.", "265 theatres", "count", {"noun": "theatre"}),
        id="screens-vs-theatres",
    ),
]


@pytest.mark.parametrize(("one", "two"), DIFFERENT)
def test_different_facts_get_different_keys(one, two):
    def k(args):
        text, surface, kind, *extra = args
        return key(text, surface, kind, **(extra[0] if extra else {}))

    assert k(one) != k(two)


# ------------------------------------------------------------ propagation

BOX_OFFICE_RUN = (
    FILM_LEAD
    + "In the United States, the film opened at four theatres, grossing US$60,000 in its opening weekend. "
    + "In its succeeding week, revenues saw a 50% increase, making about US$90,000. "
    + "It was the 30th-highest-grossing film at the box office for that week. "
    + "The Lantern Keeper earned US$3 million at the box office."
)


def test_a_region_carries_over_a_run_of_box_office_sentences():
    assert key(BOX_OFFICE_RUN, "US$90,000", "money") == "this-work:gross[period=week-2,region=US]"


def test_succeeding_week_after_an_opening_is_week_two():
    assert key(BOX_OFFICE_RUN, "50%", "percentage", direction="increase") == (
        "this-work:percent-change[period=week-2,region=US]"
    )


def test_that_week_takes_the_period_of_the_previous_sentence():
    assert key(BOX_OFFICE_RUN, "30th-highest-grossing", "ranking", category="highest-grossing") == (
        "this-work:chart-position[period=week-2,region=US]"
    )


def test_a_sentence_that_names_the_work_again_does_not_inherit_the_region():
    assert key(BOX_OFFICE_RUN, "US$3 million", "money") == "this-work:gross[region=world]"


@pytest.mark.parametrize(
    ("sentence", "surface", "expected"),
    [
        ("The Duchess grossed US$43 million worldwide.", "US$43 million", "the-duchess:gross[region=world]"),
        ("Knightley earned US$1 million for her role.", "US$1 million", "knightley:gross[region=world]"),
        ("The Lantern Keeper grossed US$4 million worldwide.", "US$4 million", "this-work:gross[region=world]"),
        ("The film grossed US$4 million worldwide.", "US$4 million", "this-work:gross[region=world]"),
        ("In the United States, The Lantern Keeper grossed US$4 million.", "US$4 million", "this-work:gross[region=US]"),
    ],
)
def test_figures_of_another_named_subject_are_kept_apart(sentence, surface, expected):
    assert key(FILM_LEAD + sentence, surface, "money") == expected


def test_a_sum_after_a_vague_verb_is_not_taken_for_the_worldwide_total():
    a = attr(FILM_LEAD + "The film made US$2 million from merchandise.", "US$2 million", "money")
    assert a.event == "gross" and "region" not in a.qualifiers


def test_release_dates_never_inherit_a_region():
    text = FILM_LEAD + "In the United States, it opened at four theatres. It opened on 3 May 2013 after a delay."
    assert key(text, "3 May 2013") == "this-work:release"


def test_a_leading_adverbial_shares_region_and_period_with_the_whole_sentence():
    text = FILM_LEAD + "In its opening weekend in the United Kingdom, between 11–13 May 2013, it took fifth place at the box office."
    assert key(text, "11–13 May 2013") == "this-work:run[period=opening-weekend,region=GB]"
    assert key(text, "fifth place", "ranking", category="place") == (
        "this-work:chart-position[period=opening-weekend,region=GB]"
    )


def test_a_period_later_in_the_sentence_does_not_reach_back_to_an_earlier_clause():
    text = FILM_LEAD + (
        "When its release widened to over 200 theatres the previous weekend its per-theatre average "
        "was so low that its distributor decided to cut its screens in the succeeding weeks."
    )
    assert "period" not in attr(text, "over 200 theatres", "count", noun="theatre").qualifiers


def test_the_previous_weekend_is_a_comparison_base_not_the_period():
    text = FILM_LEAD + "After one month of release, it pulled in US$350,000, increasing 90 per cent from its previous weekend."
    assert attr(text, "90 per cent", "percentage", direction="increase").qualifiers["period"] == "month-1"


def test_an_anaphoric_festival_takes_the_last_named_festival():
    text = FILM_LEAD + "It opened the 56th London Film Festival. It was the second drama to open the festival in 1994."
    assert key(text, "1994") == "this-work:festival-opening[festival=london film festival]"


# ------------------------------------------------------------ regions

@pytest.mark.parametrize(
    ("sentence", "surface", "expected"),
    [
        ("It was released in the U.S. on 4 May 2013.", "4 May 2013", "US"),
        ("It was released in the US on 4 May 2013.", "4 May 2013", "US"),
        ("It was released in Britain on 4 May 2013.", "4 May 2013", "GB"),
        ("Its French release was on 4 May 2013.", "4 May 2013", "FR"),
        ("It was released in North America on 4 May 2013.", "4 May 2013", "north-america"),
    ],
)
def test_regions_are_iso_codes_or_area_names(sentence, surface, expected):
    assert attr(FILM_LEAD + sentence, surface).qualifiers["region"] == expected


@pytest.mark.parametrize(
    ("sentence", "surface"),
    [
        ("It was released on 4 May 2013 to good reviews in USA Today.", "4 May 2013"),
        ("A British drama, it was released on 4 May 2013.", "4 May 2013"),
        ("It was screened at the Tokyo International Film Festival on 4 May 2013.", "4 May 2013"),
        ("It was released on 4 May 2013 and grossed US$2 million.", "4 May 2013"),
    ],
)
def test_names_demonyms_and_currencies_are_not_regions(sentence, surface):
    assert "region" not in attr(FILM_LEAD + sentence, surface).qualifiers


# ------------------------------------------------------------ evidence, lexicon, cache

def test_evidence_points_at_the_trigger_words():
    text = FILM_LEAD + "The film was released in the United Kingdom on 4 April 2013."
    a = attr(text, "4 April 2013")
    quoted = [text[s.start : s.end] for s in a.evidence]
    assert "released" in quoted
    assert "United Kingdom" in quoted


def test_repeatable_events_get_an_occurrence_so_they_never_merge():
    text = FILM_LEAD + "In March 2011 Daily Variety reported that Hale was signed to the project."
    a = attr(text, "March 2011")
    assert a.event == "announcement"
    assert "occurrence" in a.qualifiers


def test_lexicon_phrases_expand_alternatives_and_inflections():
    forms = expand("open~ in {theatres|cinemas}")
    assert {"opened in cinemas", "opening in theatres", "opens in theatres"} <= forms
    assert "screened" in expand("screen~") and "starred" in expand("star~")


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("37th annual Telluride Film Festival", "telluride film festival"),
        ("Toronto International Film Festival", "toronto film festival"),
        ("BFI London Film Festival", "london film festival"),
        ("San Diego Film Critics Society Award", "san diego film critics society awards"),
    ],
)
def test_festival_names_are_normalised(name, expected):
    assert normalise_festival(name) == expected


def test_sentence_analysis_is_cached_per_document():
    text = FILM_LEAD + "It opened on 3 March 2013 in the United Kingdom and grossed £1 million."
    doc = ingest(text)
    ctx = _context(doc)
    sentence = doc.sentence_at(text.index("3 March"))
    first = ctx.sentence(sentence.index)
    for surface, kind in (("3 March 2013", "date"), ("£1 million", "money")):
        s = text.index(surface)
        attribute_for(doc, sentence, Mention(kind, s, s + len(surface), _value(kind, None, None, None)))
    assert _context(doc) is ctx and ctx.sentence(sentence.index) is first


# Linear time on a festival-like phrase is counted, not timed: tests/robustness/pathological.py.


# --------------------------------------------- unseen-article cases (corpus)

TV_LEAD = "Harbour Lights is a British drama television series first broadcast on BBC One on 4 September 2016. "
COMPANY_LEAD = "Northmere Foods plc is an Irish food company headquartered in Cork. "
PLAYER_LEAD = "Marta Vidal (born 4 May 1990) is a Spanish footballer who plays as a forward. "
GAME_LEAD = "Iron Coast is a 2017 strategy video game developed by Kestrel Forge. "

UNSEEN_CASES = [
    # A capitalised trigger inside a name is not the event ("Recording" in a label's name).
    pytest.param(ALBUM_LEAD + "It was released on 17 May 2013 by Domino Recording Company and on 21 May 2013 in the United States.",
                 "17 May 2013", "date", {}, "this-work:release", id="trigger-inside-a-name"),
    # Periods of a serial work: the season is part of the key.
    pytest.param(TV_LEAD + "The second series was broadcast from 10 September to 15 October 2017.",
                 "10 September to 15 October 2017", "date", {}, "this-work:broadcast[season=2]", id="second-series"),
    pytest.param(TV_LEAD + "After a long break, during which the lead appeared on stage, the third and final series was broadcast from 15 September to 20 October 2019.",
                 "15 September to 20 October 2019", "date", {}, "this-work:broadcast[season=3]", id="third-and-final-series"),
    pytest.param(TV_LEAD + "Each series consists of six episodes of about an hour.", "six episodes", "count", {"noun": "episode"},
                 "this-work:episode-count[per-unit=series,scope=episode]", id="each-series-count"),
    pytest.param(TV_LEAD + "The series ran for three series and 18 episodes.", "18 episodes", "count", {"noun": "episode"},
                 "this-work:episode-count[scope=episode]", id="total-episode-count"),
    # Figures of a year: the year is part of the key.
    pytest.param(COMPANY_LEAD + "In 2017 the company reported revenue of €1.31 billion.", "€1.31 billion", "money", {},
                 "this-work:gross[year=2017]", id="revenue-of-a-year"),
    pytest.param(COMPANY_LEAD + "Revenue rose by 8% to €1.42 billion in 2018, driven by ready meals.", "€1.42 billion", "money", {},
                 "this-work:gross[year=2018]", id="sentence-initial-trigger-is-no-subject"),
    pytest.param(COMPANY_LEAD + "In 2019, revenue was €1.58 billion, of which €1.65 billion came from the United Kingdom.",
                 "€1.58 billion", "money", {}, "this-work:gross[year=2019]", id="region-of-the-of-which-clause-stays-there"),
    # Editions of a book.
    pytest.param(BOOK_LEAD + "The paperback edition was published by Faber on 2 February 2017.", "2 February 2017", "date", {},
                 "this-work:publication[medium=paperback]", id="paperback-publication"),
    # A birth restated with the surname alone belongs to the article's subject.
    pytest.param(PLAYER_LEAD + "Vidal, born on 14 May 1990 in Madrid, is the daughter of a coach.", "14 May 1990", "date", {},
                 "this-work:birth", id="surname-birth"),
    # The widest point of a release is the wide release, not the release.
    pytest.param(FILM_LEAD + "It reached its widest release of 45 theatres in April 2013.", "April 2013", "date", {},
                 "this-work:release[scope=wide]", id="widest-release"),
    pytest.param(ALBUM_LEAD + "It debuted at number four on the UK Albums Chart, selling 21,400 copies.", "number four", "ranking",
                 {"category": "place"}, "this-work:chart-position[chart=uk-albums-chart,period=opening-week]", id="debut-is-the-first-chart-week"),
]


@pytest.mark.parametrize(("text", "surface", "kind", "extra", "expected"), UNSEEN_CASES)
def test_unseen_article_constructions_get_the_right_key(text, surface, kind, extra, expected):
    assert key(text, surface, kind, **extra) == expected


@pytest.mark.parametrize(
    ("text", "surface", "subject", "event"),
    [
        # "made his league debut": a step of a career, one occasion of many, not a premiere.
        pytest.param(PLAYER_LEAD + "She made her league debut on 21 July 2008 against Levante.", "21 July 2008",
                     "this-work", "career-debut", id="career-debut"),
        # Indefinite subjects are one of many things: an occasion of their own.
        pytest.param(COMPANY_LEAD + "A second plant opened in Cork city in 1994.", "1994", "plant", "opening", id="a-second-plant"),
        pytest.param(GAME_LEAD + "A free demo containing the first three missions was released on 10 October 2017.",
                     "10 October 2017", "demo", "release", id="a-free-demo"),
        # Goals without a season are occasions (a career total, a youth record...), never merged.
        pytest.param(PLAYER_LEAD + "She scored 12 goals in 29 youth internationals.", "12 goals", "this-work", "goal-count",
                     id="goals-without-a-season"),
    ],
)
def test_occasions_are_never_merged_with_other_mentions(text, surface, subject, event):
    kind = "count" if "goals" in surface else "date"
    a = attr(text, surface, kind, noun="goal" if kind == "count" else None)
    assert (a.subject, a.event) == (subject, event)
    assert "occurrence" in a.qualifiers


@pytest.mark.parametrize(
    ("text", "surface"),
    [
        # The date is two years before the publication, not the publication date.
        pytest.param(BOOK_LEAD + "Faber acquired the novel in May 1996, two years before publication.", "May 1996", id="before-publication"),
        # "opened their first bakery": an object after open is no release.
        pytest.param(COMPANY_LEAD + "The founders opened their first bakery in Mallow in 1987.", "1987", id="opened-their-bakery"),
    ],
)
def test_a_date_measured_from_an_event_or_opening_something_is_not_that_event(text, surface):
    assert attr(text, surface).event not in ("publication", "release")


@pytest.mark.parametrize(
    "text",
    [
        "It was released on DVD in the United Kingdom and opened in France.",
        "Its İstanbul premiere followed the UK release on DVD.",  # 'İ' lower-cases to two characters
        "It was ſhown on ſtreaming services, then the \u212aorean release (ı, µ).",  # fold unlike lower()
        "The première at the festival, then its wide release in Zürich.",
    ],
)
def test_the_lowercased_cue_trie_finds_what_the_case_insensitive_one_finds(text):
    from nlmg_facts.extract.attributes import lexicon

    folded = lexicon().cues._ci
    assert [(m.start(), m.end("phrase")) for m in folded.finditer(text)] == [
        (m.start(), m.end("phrase")) for m in folded.ignorecase.finditer(text)
    ]
    assert [m.group("demonym").lower() for m in lexicon().demonyms.finditer(text)] == [
        m.group("demonym").lower() for m in lexicon().demonyms.ignorecase.finditer(text)
    ]
