"""Money and quantity rules (NLMG-M) on hand-built claims: flagged and not flagged."""

from __future__ import annotations

import pytest

from nlmg_facts.models import Severity
from nlmg_facts.rules.compare import arithmetic_interval, last_digit_unit
from nlmg_facts.rules.quantities import (
    average_times_count_mismatch,
    count_in_words_mismatch,
    part_exceeds_whole,
    percent_change_mismatch,
    quantity_conflict,
    venue_additions_mismatch,
)

from _claims import INF, Article


# ------------------------------------------------------------------ M001
def test_two_totals_at_different_precision_that_cannot_both_hold_are_flagged():
    a = Article("The drama earned US$4.5 million at the box office. It has made a total of US$4.90 million.")
    a.money("US$4.5 million", 4.5e6, 4.45e6, 4.55e6, event="gross")
    a.money("US$4.90 million", 4.9e6, 4.895e6, 4.905e6, event="gross")
    hits = a.run(quantity_conflict)
    assert len(hits) == 1
    assert "US$4.5 million here and as US$4.90 million at 1:75" in hits[0].message


def test_over_a_round_figure_agrees_with_the_exact_figure():
    a = Article("It made over US$211,000 that weekend. It made US$211,700 that weekend.")
    a.money("over US$211,000", 211000, 211000, 242650, "over", event="gross", period="opening-weekend")
    a.money("US$211,700", 211700, event="gross", period="opening-weekend")
    assert a.run(quantity_conflict) == []


def test_an_open_ended_qualifier_is_capped_not_infinite():
    a = Article("It made over US$211,000 that weekend. It made US$900,000 that weekend.")
    a.money("over US$211,000", 211000, 211000, INF, "over", event="gross", period="opening-weekend")
    a.money("US$900,000", 900000, 899500, 900500, event="gross", period="opening-weekend")
    assert len(a.run(quantity_conflict)) == 1


def test_different_currencies_and_unknown_attributes_never_conflict():
    a = Article("It earned £625,000 in its first weekend. It earned US$1 million in its first weekend. "
                "Someone paid US$5. Someone paid US$9.")
    a.money("£625,000", 625000, 624500, 625500, currency="GBP", event="gross", period="opening-weekend")
    a.money("US$1 million", 1e6, 0.5e6, 1.5e6, event="gross", period="opening-weekend")
    a.money("US$5", 5)
    a.money("US$9", 9)
    assert a.run(quantity_conflict) == []


def test_dvd_below_dvd_and_blu_ray_is_reported_as_info_that_says_why():
    a = Article("It made US$1.89 million in DVD sales. The DVD and Blu-ray sales stand at US$3,794,951.")
    a.money("US$1.89 million", 1.89e6, 1.885e6, 1.895e6, event="revenue", medium="dvd")
    a.money("US$3,794,951", 3794951, event="revenue", medium="dvd+blu-ray")
    hits = a.run(quantity_conflict)
    assert len(hits) == 1
    assert hits[0].severity == Severity.INFO and "dvd is part of dvd+blu-ray" in hits[0].message


def test_overlapping_media_scopes_that_are_not_nested_are_a_warning():
    a = Article("It made US$1.89 million on DVD and VHS. DVD and Blu-ray sales stand at US$3,794,951.")
    a.money("US$1.89 million", 1.89e6, 1.885e6, 1.895e6, event="revenue", medium="dvd+vhs")
    a.money("US$3,794,951", 3794951, event="revenue", medium="dvd+blu-ray")
    hits = a.run(quantity_conflict)
    assert len(hits) == 1
    assert hits[0].severity == Severity.WARNING and "scopes differ" in hits[0].message


def test_counts_of_different_nouns_under_one_key_are_not_compared():
    a = Article("It played on 265 screens. It played in 80 theatres.")
    a.count("265 screens", 265, noun="screen", event="venue-count", period="opening-weekend")
    a.count("80 theatres", 80, noun="theatre", event="venue-count", period="opening-weekend")
    assert a.run(quantity_conflict) == []


# ------------------------------------------------------------------ M002
US_OPENING = (
    "The drama was released to four cinemas in its opening weekend in Canada. "
    "In its opening weekend, the drama made over US$111,700, averaging US${avg} per theatre."
)


def _opening(avg: str, stated: float) -> Article:
    a = Article(US_OPENING.format(avg=avg))
    a.count("four cinemas", 4, noun="cinema", event="venue-count", region="ca", period="opening-weekend")
    a.money("over US$111,700", 111700, 111700, 128455, "over", event="gross", period="opening-weekend")
    a.money(f"US${avg}", stated, event="per-theatre-average", period="opening-weekend")
    return a


def test_average_times_venues_far_from_the_gross_is_flagged():
    hits = _opening("30,250", 30250).run(average_times_count_mismatch)
    assert len(hits) == 1
    assert "121,000" in hits[0].message and "over US$111,700" in hits[0].message


def test_average_times_venues_matching_the_gross_is_fine():
    assert _opening("27,925", 27925).run(average_times_count_mismatch) == []


def test_average_without_a_venue_count_for_its_period_says_nothing():
    a = Article("In its second week it made US$241,000, with an average of nearly US$9,500 per theatre.")
    a.money("US$241,000", 241000, event="gross", period="second-week")
    a.money("nearly US$9,500", 9500, 8550, 9500, "nearly", event="gross", period="second-week")
    assert a.run(average_times_count_mismatch) == []


def test_ambiguous_venue_counts_say_nothing():
    a = Article(US_OPENING.format(avg="30,250") + " It opened at nine theatres in its opening weekend.")
    a.count("four cinemas", 4, noun="cinema", event="venue-count", region="ca", period="opening-weekend")
    a.count("nine theatres", 9, noun="theatre", event="venue-count", region="ca", period="opening-weekend")
    a.money("over US$111,700", 111700, 111700, 128455, "over", event="gross", period="opening-weekend")
    a.money("US$30,250", 30250, event="per-theatre-average", period="opening-weekend")
    assert a.run(average_times_count_mismatch) == []


# ------------------------------------------------------------------ M003
def _weeks(second: str, stated: float, pct: float, direction: str) -> Article:
    a = Article(
        f"In its opening weekend it took £625,000. In its second week its revenue went by {pct:g}%, to {second}."
    )
    a.money("£625,000", 625000, 624500, 625500, currency="GBP", event="gross", period="opening-weekend")
    a.percent(f"{pct:g}%", pct, pct - 0.5, pct + 0.5, direction=direction)
    a.money(second, stated, currency="GBP", event="gross", period="second-week")
    return a


def test_percentage_change_that_the_figures_do_not_give_is_flagged():
    hits = _weeks("£338,404", 338404, 25, "decrease").run(percent_change_mismatch)
    assert len(hits) == 1 and "45.9%" in hits[0].message


@pytest.mark.parametrize("pct", [45, 46])
def test_percentage_change_rounded_or_truncated_is_fine(pct):
    assert _weeks("£338,404", 338404, pct, "decrease").run(percent_change_mismatch) == []


def test_direction_opposite_to_the_figures_is_flagged():
    assert len(_weeks("£338,404", 338404, 45, "increase").run(percent_change_mismatch)) == 1


@pytest.mark.parametrize(("pct", "flagged"), [(20, True), (50, False)])
def test_change_with_an_explicit_from_figure_uses_it(pct, flagged):
    a = Article(f"Its gross rose {pct}%, from US$1 million to US$1.5 million.")
    a.percent(f"{pct}%", pct, pct - 0.5, pct + 0.5, direction="increase")
    a.money("US$1 million", 1e6, 0.95e6, 1.05e6)
    a.money("US$1.5 million", 1.5e6, 1.45e6, 1.55e6)
    assert bool(a.run(percent_change_mismatch)) is flagged


def test_change_without_a_previous_period_figure_says_nothing():
    a = Article("After one month of release, it pulled in US$350,000, increasing nearly 90 per cent.")
    a.money("US$350,000", 350000, 345000, 355000, event="gross")
    a.percent("nearly 90 per cent", 90, 81, 90, direction="increase", qualifier="nearly")
    assert a.run(percent_change_mismatch) == []


# ------------------------------------------------------------------ M004
def test_country_gross_above_the_worldwide_total_is_flagged():
    a = Article("In Canada the drama grossed US$12 million. It has made US$9.9 million worldwide.")
    a.money("US$12 million", 12e6, 11.5e6, 12.5e6, event="gross", region="ca")
    a.money("US$9.9 million", 9.9e6, 9.85e6, 9.95e6, event="gross", region="worldwide")
    hits = a.run(part_exceeds_whole)
    assert len(hits) == 1 and "US$12 million" in hits[0].message


def test_opening_day_above_the_opening_weekend_is_flagged_but_below_is_fine():
    a = Article("On its opening day it made US$44,500. In its opening weekend it made US$31,000.")
    a.money("US$44,500", 44500, event="gross", period="opening-day")
    a.money("US$31,000", 31000, 30500, 31500, event="gross", period="opening-weekend")
    assert len(a.run(part_exceeds_whole)) == 1
    b = Article("On its opening day it made US$44,500. In its opening weekend it made US$111,700.")
    b.money("US$44,500", 44500, event="gross", period="opening-day")
    b.money("US$111,700", 111700, event="gross", period="opening-weekend")
    assert b.run(part_exceeds_whole) == []


def test_figures_in_other_currencies_or_regions_are_not_nested():
    a = Article("In Canada it made US$12 million. In Mexico it made US$9.9 million.")
    a.money("US$12 million", 12e6, 11.5e6, 12.5e6, event="gross", region="ca")
    a.money("US$9.9 million", 9.9e6, 9.85e6, 9.95e6, event="gross", region="mx")
    assert a.run(part_exceeds_whole) == []


# ------------------------------------------------------------------ M005
ADDED = ("The drama was released to six cinemas in its opening weekend, with an additional "
         "120 theatres added to its run later on. When its release widened to over {n} theatres, "
         "its average fell.")


def _added(n: int) -> Article:
    a = Article(ADDED.format(n=n))
    a.count("six cinemas", 6, noun="cinema", event="venue-count", period="opening-weekend")
    a.count("120 theatres", 120, noun="theatre", event="venue-count")
    a.count(f"over {n} theatres", n, n, n * 1.15, noun="theatre", qualifier="over", event="venue-count")
    return a


def test_widening_beyond_opening_plus_additions_is_flagged():
    hits = _added(300).run(venue_additions_mismatch)
    assert len(hits) == 1 and "at most 126" in hits[0].message


def test_widening_within_opening_plus_additions_is_fine():
    assert _added(100).run(venue_additions_mismatch) == []


def test_only_the_widenings_above_the_sum_are_reported_in_text_order():
    text = (ADDED.format(n=300) + " By March it had widened to 110 theatres. "
            "It was later expanded to 500 theatres.")
    a = Article(text)
    a.count("six cinemas", 6, noun="cinema", event="venue-count", period="opening-weekend")
    a.count("120 theatres", 120, noun="theatre", event="venue-count")
    a.count("over 300 theatres", 300, 300, 345, noun="theatre", qualifier="over", event="venue-count")
    a.count("110 theatres", 110, noun="theatre", event="venue-count")
    a.count("500 theatres", 500, noun="theatre", event="venue-count")
    hits = a.run(venue_additions_mismatch)
    assert [h.evidence[0].text for h in hits] == ["over 300 theatres", "500 theatres"]


@pytest.mark.parametrize(("pct", "flagged"), [(12, True), (6, False)])
def test_a_change_of_a_yearly_figure_is_measured_from_the_previous_year(pct, flagged):
    a = Article(f"In 2019, revenue was €1.58 billion. In 2020, revenue fell by {pct}% to €1.49 billion.")
    a.money("€1.58 billion", 1.58e9, 1.575e9, 1.585e9, currency="EUR", event="gross", year="2019")
    a.percent(f"{pct}%", pct, pct - 0.5, pct + 0.5, direction="decrease", event="percent-change", year="2020")
    a.money("€1.49 billion", 1.49e9, 1.485e9, 1.495e9, currency="EUR", event="gross", year="2020")
    assert bool(a.run(percent_change_mismatch)) is flagged


def test_a_change_two_years_apart_is_not_measured_from_the_older_figure():
    a = Article("In 2017, revenue was €1.31 billion. In 2019, revenue rose by 8% to €1.58 billion.")
    a.money("€1.31 billion", 1.31e9, 1.305e9, 1.315e9, currency="EUR", event="gross", year="2017")
    a.percent("8%", 8, 7.5, 8.5, direction="increase", event="percent-change", year="2019")
    a.money("€1.58 billion", 1.58e9, 1.575e9, 1.585e9, currency="EUR", event="gross", year="2019")
    assert a.run(percent_change_mismatch) == []


@pytest.mark.parametrize(("pct", "flagged"), [(62, True), (57, False)])
def test_a_change_of_copies_sold_is_measured_from_the_previous_week(pct, flagged):
    a = Article(f"It sold 21,400 copies in its first week. In its second week sales fell by {pct}% to 9,100 copies.")
    a.count("21,400 copies", 21400, noun="copy", event="units-sold", period="opening-week")
    a.percent(f"{pct}%", pct, pct - 0.5, pct + 0.5, direction="decrease", event="percent-change")
    a.count("9,100 copies", 9100, noun="copy", event="units-sold", period="week-2")
    assert bool(a.run(percent_change_mismatch)) is flagged


def test_a_change_of_copies_is_never_measured_from_a_sum_of_money():
    a = Article("It earned £40,000 in its first week. In its second week sales fell by 62% to 9,100 copies.")
    a.money("£40,000", 40000, currency="GBP", event="gross", period="opening-week")
    a.percent("62%", 62, 61.5, 62.5, direction="decrease", event="percent-change")
    a.count("9,100 copies", 9100, noun="copy", event="units-sold", period="week-2")
    assert a.run(percent_change_mismatch) == []


# ------------------------------------------------------------------ M006
@pytest.mark.parametrize(
    ("text", "surface", "n", "noun", "flagged"),
    [
        ('He sent a three-word text message: "Hire the genius Mulligan."', "three-word", 3, "word", True),
        ('He sent a four-word text message: "Hire the genius Mulligan."', "four-word", 4, "word", False),
        ("There were five factors in its failure: its timing; its tone; and its marketing.",
         "five factors", 5, "factor", True),
        ("There were three factors in its failure: its timing, a tight schedule; its tone; and its marketing.",
         "three factors", 3, "factor", False),
        ("She named three films: Alpha, Beta and Gamma.", "three films", 3, "film", False),
        ("She named two films: Alpha, Beta and Gamma.", "two films", 2, "film", True),
        # Long comma-separated clauses are not believed to be a list.
        ("There were two reasons: the film opened in a crowded week, and the reviews were mixed at best "
         "in most of the papers that mattered.", "two reasons", 2, "reason", False),
        # No colon, no list: nothing to count.
        ("The film has five factors working for it.", "five factors", 5, "factor", False),
        ("Four singles were released from the album: Cold Fire, Lanterns and Ship of Days.",
         "Four singles", 4, "single", True),
        # The list belongs to the nearer count of another clause.
        ("The campaign has four acts, and the player chooses between three factions: the Company, "
         "the Towns and the Covenant.", "four acts", 4, "act", False),
        # Items that are relative clauses hold lists of their own.
        ("The company has two divisions: Bakery, which makes bread, cakes and biscuits, and Chilled, "
         "which makes ready meals and soups.", "two divisions", 2, "division", False),
    ],
)
def test_counts_announced_in_words_must_match_what_follows(text, surface, n, noun, flagged):
    a = Article(text)
    a.count(surface, n, noun=noun)
    assert bool(a.run(count_in_words_mismatch)) is flagged


# ------------------------------------------------------------------ compare
@pytest.mark.parametrize(
    ("surface", "unit"),
    [("US$9.5 million", 1e5), ("over US$111,700", 100), ("163", 1), ("£625,000", 1000), ("four", None)],
)
def test_last_digit_unit_reads_the_stated_precision(surface, unit):
    assert last_digit_unit(surface) == unit


def test_over_a_precise_figure_is_read_as_truncated_in_arithmetic():
    a = Article("It made over US$111,700.")
    c = a.money("over US$111,700", 111700, 111700, 128455, "over")
    low, high = arithmetic_interval(c)
    assert low < 111700 < high < 112500


def test_two_values_of_one_key_in_one_sentence_are_a_list_not_a_restatement():
    a = Article("He must repay the cost of the search: $27,445 to the coast guard and $9,109 to the police. "
                "The search cost $27,445.")
    a.money("$27,445", 27445, event="budget")
    a.money("$9,109", 9109, event="budget")
    a.money("$27,445", 27445, nth=1, event="budget")
    assert a.run(quantity_conflict) == []


def test_the_gross_of_an_anniversary_re_release_is_not_the_original_gross():
    a = Article("It grossed £3.2 million in Ireland. "
                "It was re-released in Ireland for its 20th anniversary, earning £120,000.")
    a.money("£3.2 million", 3.2e6, 3.15e6, 3.25e6, currency="GBP", event="gross", region="ie")
    a.money("£120,000", 120000, 115000, 125000, currency="GBP", event="gross", region="ie")
    assert a.run(quantity_conflict) == []


def test_an_average_per_weekend_is_not_an_average_per_venue():
    a = Article("In later weeks it grossed under US$100,000 per weekend. Its release widened to over 200 theatres.")
    a.money("under US$100,000", 100000, 85000, 100000, "under", event="average-gross", period="later-weeks",
            **{"per-unit": "weekend"})
    a.count("over 200 theatres", 200, 200, 230, noun="theatre", event="theatre-count", period="later-weeks")
    a.money("US$100,000", 100000, event="gross", period="later-weeks")
    assert a.run(average_times_count_mismatch) == []
