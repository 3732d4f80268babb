"""Parts and totals (NLMG-M007 to M009) through the whole pipeline: our own sentences."""

from __future__ import annotations

from pathlib import Path

import pytest

from nlmg_facts.config import Config
from nlmg_facts.ingest import Source
from nlmg_facts.pipeline import check_source

ROOT = Path(__file__).resolve().parents[2]
LEAD = "Harbour Lights is a 2015 British drama film. "


def findings(text: str, code: str) -> list:
    doc = check_source(Source(name="a.txt", text=LEAD + text), Config(root=ROOT, select=(code,)), "a.txt")
    return [f for f in doc.findings if f.code == code]


@pytest.mark.parametrize(
    "text",
    [
        # figures in a list with no stated total
        "The film grossed $5 million in 2015 and $7 million in 2016.",
        # a total of something else: the budget is not the sum of two grosses
        "It grossed $5 million in Britain and $7 million in France, against a total budget of $20 million.",
        # a range is not two parts
        "Its gross was estimated at $5 million to $7 million, $12 million in all by one count.",
        # alternatives are not added
        "It earned $5 million or $7 million, for a total of $6 million according to two sources.",
        # parts in another currency are not added
        "It took £3 million in Britain and €4 million in France, for a total of £6.4 million.",
        # rounding: 3.3 + 4.1 may make 7.45
        "It earned about $3.3 million in North America and about $4.1 million elsewhere, for a worldwide total of $7.45 million.",
    ],
)
def test_lists_that_are_not_a_wrong_sum_are_not_flagged(text):
    assert findings(text, "NLMG-M007") == []


def test_the_message_states_the_arithmetic_with_the_parts_as_written():
    (f,) = findings(
        "It grossed $12.4 million in the United States and $8.1 million elsewhere, for a worldwide total of $25.5 million.",
        "NLMG-M007",
    )
    assert f.message == "parts $12.4 million + $8.1 million make $20.5 million, but the total is given as $25.5 million"
    assert [e.role for e in f.evidence] == ["total", "part", "part"]
    assert [e.text for e in f.evidence] == ["$25.5 million", "$12.4 million", "$8.1 million"]


def test_parts_without_their_noun_continue_a_list_of_counts():
    (f,) = findings("The chain has 40 stores in France, 25 in Spain and 12 in Portugal, 80 stores in all.", "NLMG-M007")
    assert [e.text for e in f.evidence[1:]] == ["40 stores", "25", "12"]


def test_more_than_in_a_part_only_bounds_the_total_from_below():
    assert findings("It grossed more than $12 million in the US and $8 million elsewhere, for a total of $26 million.",
                    "NLMG-M007") == []
    assert findings("It grossed more than $12 million in the US and $8 million elsewhere, for a total of $16 million.",
                    "NLMG-M007")


def test_a_whole_with_two_parts_and_no_catch_all_is_checked_only_for_excess():
    text = "The Harbour Assembly has 120 seats. The 120-seat chamber has 66 members from the governing party and {} from the opposition."
    assert findings(text.format(30), "NLMG-M007") == []  # 24 seats may belong to others
    assert findings(text.format(60), "NLMG-M007")  # 126 seats: more than the chamber


def test_a_part_period_larger_than_its_whole_run_is_a_finding_not_a_conflict():
    text = ("It grossed $12.1 million in the United States in its opening weekend. "
            "By the end of its theatrical run it had grossed $11.3 million in the United States.")
    doc = check_source(Source(name="a.txt", text=LEAD + text), Config(root=ROOT), "a.txt")
    assert "NLMG-M004" in [f.code for f in doc.findings]


@pytest.mark.parametrize(
    "text",
    [
        "Sales rose 60% in 2010, 45% in 2011 and 30% in 2012.",
        "In a survey, 70% of customers liked its bread and 60% liked its cakes.",
        "Bread makes up 60% of its sales, cakes 25% and the remaining 15% comes from coffee.",
    ],
)
def test_percentages_that_are_not_shares_of_one_whole_are_not_flagged(text):
    assert findings(text, "NLMG-M009") == []


def test_makes_up_a_share_is_not_a_rise():
    from nlmg_facts import extract_claims

    (p,) = [c for c in extract_claims("Bread makes up 60% of its sales.") if c.kind == "percentage"]
    assert p.value.direction is None
    (q,) = [c for c in extract_claims("Sales were up 8% on the year.") if c.kind == "percentage"]
    assert q.value.direction == "increase"


def test_took_is_a_gross_so_the_average_rule_reads_the_weekend():
    doc = check_source(
        Source(name="a.txt", text=LEAD + "In its opening weekend the film took £60,000 from 20 screens, an average of £2,000 per screen."),
        Config(root=ROOT), "a.txt",
    )
    assert "NLMG-M002" in [f.code for f in doc.findings]


def test_a_directors_cut_released_later_is_not_a_second_release_date():
    text = ("The film was released in the United States on 4 March 2016. "
            "A director's cut was released in the United States on 4 March 2018.")
    doc = check_source(Source(name="a.txt", text=LEAD + text), Config(root=ROOT), "a.txt")
    assert "NLMG-D001" not in [f.code for f in doc.findings]


def test_a_first_month_and_the_whole_run_are_a_part_and_its_whole_not_a_conflict():
    text = ("It grossed $4.2 million in the United States and Canada in its first month. "
            "By the end of its theatrical run it had grossed $11.3 million there.")
    doc = check_source(Source(name="a.txt", text=LEAD + text), Config(root=ROOT), "a.txt")
    assert [f.code for f in doc.findings] == []
    bigger = text.replace("$4.2 million", "$12.2 million")
    doc = check_source(Source(name="a.txt", text=LEAD + bigger), Config(root=ROOT), "a.txt")
    assert [f.code for f in doc.findings] == ["NLMG-M004"]
