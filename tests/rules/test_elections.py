"""Election result rules (NLMG-R005, NLMG-R006) on our own sentences."""

from __future__ import annotations

import pytest

from nlmg_facts.extract import extract_document
from nlmg_facts.ingest import ingest
from nlmg_facts.rules.context import RuleContext
from nlmg_facts.rules.elections import margin_mismatch, winner_behind


def run(rule, text: str):
    doc = ingest(text, "a.txt")
    ctx = RuleContext(doc=doc, claims=extract_document(doc), citations=[], links=[], calendar=None)
    return list(rule(ctx))


POL = "Mary Lund is an American politician. "


@pytest.mark.parametrize(
    "sentence",
    [
        "In 1998 she defeated incumbent Republican Senator Tom A. Hale 47%-53%.",
        "In the general election Hale retained his seat, defeating Lund by a vote of 7,509 to 9,642.",
        "At the 2014 election she captured a majority (46.5%) of the votes cast.",
        "She won an absolute majority (50%) in the first round.",
        "The Unity Party captured a plurality (42.1%) of the party votes. The Labour Party received 45.6% of the party votes.",
    ],
)
def test_a_winner_behind_or_a_majority_under_half_is_flagged(sentence):
    hits = run(winner_behind, POL + sentence)
    assert len(hits) == 1


@pytest.mark.parametrize(
    "sentence",
    [
        "In 1998 she defeated incumbent Republican Senator Tom A. Hale 53%-47%.",
        "Hale retained his seat, defeating Lund by a vote of 9,642 to 7,509.",
        "Her side defeated Leeds in the 1990–91 final.",
        "She captured a majority (56.5%) of the votes cast.",
        "She held the seat with a majority of 12% over the runner-up.",  # a margin, not a share
        "She beat Hale 3–3 on a coin toss.",  # a tie is not a winner behind
        "The Unity Party captured a plurality (42.1%, cf. 47.1% nationally) of the party votes. "
        "The Labour Party received 35.6% of the party votes and 45.6% of the electorate votes.",
    ],
)
def test_results_in_order_are_not_flagged(sentence):
    assert run(winner_behind, POL + sentence) == []


TALLY = "Ada Lund won the election with 5,200 votes, while Tom Hale received 4,900 votes.\n"


def test_a_margin_no_tally_gives_is_flagged_with_the_tallies():
    hits = run(margin_mismatch, TALLY + "Lund was elected, defeating Hale by 200 votes.\n")
    assert len(hits) == 1
    assert "differ by 300" in hits[0].message
    assert {e.text for e in hits[0].evidence} >= {"200 votes", "5,200 votes", "4,900 votes"}


def test_a_partial_count_margin_is_checked_against_its_own_sentence():
    text = TALLY + "By the next day Lund led with 4,300 votes, while Hale trailed by just 60 votes, or 4,210 votes.\n"
    hits = run(margin_mismatch, text)
    assert len(hits) == 1 and "differ by 90" in hits[0].message


@pytest.mark.parametrize(
    "text",
    [
        TALLY + "Lund was elected, defeating Hale by 300 votes.\n",
        TALLY + "By the next day Lund led with 4,300 votes, while Hale trailed by just 90 votes, or 4,210 votes.\n",
        TALLY + "Two years earlier she had beaten Carl Moss by 40 votes.\n",  # no tally of Moss
        TALLY + "Lund was elected, defeating Hale by about 250 votes.\n",  # approximate
        "Lund was elected, defeating Hale by 200 votes.\n",  # no tallies at all
    ],
)
def test_margins_that_fit_or_cannot_be_checked_are_not_flagged(text):
    assert run(margin_mismatch, text) == []


CHAMBER = "The 2019 Freedonian legislative election was held on 3 May 2019.\nThe 180 members of the National Assembly are elected for five years.\n"


@pytest.mark.parametrize("share", ["The Unity Party won 95 of the 190 seats.", "It took 95 out of 170 seats."])
def test_a_seat_total_other_than_the_chamber_size_is_flagged(share):
    from nlmg_facts.rules.elections import chamber_size_mismatch

    hits = run(chamber_size_mismatch, CHAMBER + share + "\n")
    assert len(hits) == 1 and "the chamber has 180 members" in hits[0].message


@pytest.mark.parametrize(
    "text",
    [
        CHAMBER + "The Unity Party won 95 of the 180 seats.\n",
        CHAMBER + "It won 20 of the 40 seats up for election in the capital.\n",  # a part of the chamber
        "The Unity Party won 95 of the 190 seats.\n",  # no chamber size stated
        CHAMBER + "The 60 members of the Senate are appointed. The party won 95 of the 190 seats.\n",  # two sizes
    ],
)
def test_seat_totals_of_the_chamber_or_unknowable_are_not_flagged(text):
    from nlmg_facts.rules.elections import chamber_size_mismatch

    assert run(chamber_size_mismatch, text) == []
