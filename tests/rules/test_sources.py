"""Claims against their own citation (NLMG-L001 plans, L002 figures in titles, L003 "as of"): our own sentences."""

from __future__ import annotations

import pytest

from _check import findings_of

LEAD = "Lumen is a 2012 British drama film directed by Ada Rowe. "
TAIL = "Western Post. Retrieved 5 June 2012. Lumen at IMDb"


def findings(sentence: str, citation: str, code: str) -> list:
    return findings_of(f"{LEAD}{sentence} {citation} {TAIL}", code)


SHOOT = 'Ward, Ann (2 March 2009). "Crew begins filming in Cornwall".'


def test_an_event_after_a_year_only_source_date_is_reported():
    (f,) = findings("On 8 May 2010, the crew began filming in Cornwall.",
                    'Ward, Ann (2009). "Crew begins filming in Cornwall".', "NLMG-L001")
    assert "'8 May 2010'" in f.message and "2009" in f.message


@pytest.mark.parametrize(
    "sentence",
    [
        "The crew will begin shooting in Cornwall on 8 May 2010.",
        "Rowe plans to begin filming in Cornwall on 8 May 2010.",
        "Filming was expected to begin in Cornwall on 8 May 2010.",
        "Filming is scheduled to begin in Cornwall on 8 May 2010.",
    ],
)
def test_a_plan_may_be_reported_by_a_source_older_than_it(sentence):
    assert findings(sentence, SHOOT, "NLMG-L001") == []


GROSS = "In its first month, the film grossed {} in Britain."


@pytest.mark.parametrize(("claim", "title", "flagged"), [
    ("$5 million", "$3 million", True),
    ("$5.2 million", "$5 million", False),  # "$5 million" is 4.5 to 5.5 million
    ("$5 million", "£3 million", False),    # another currency is another figure
])
def test_a_gross_is_compared_with_the_gross_in_its_sources_title(claim, title, flagged):
    found = findings(GROSS.format(claim), f'Ward, Ann (4 June 2012). "Lumen grosses {title} in Britain".', "NLMG-L002")
    assert bool(found) is flagged


def test_a_title_figure_of_another_measure_is_not_compared():
    assert findings("The film had a budget of $5 million.",
                    'Ward, Ann (4 June 2012). "Lumen grosses $3 million in Britain".', "NLMG-L002") == []


@pytest.mark.parametrize(("sentence", "published", "flagged"), [
    ("As of March 2009, the film had grossed $5 million.", "4 June 2011", True),
    ("As of March 2009, the film had grossed $5 million.", "4 June 2009", False),
    ("As of March 2009, the film had grossed $5 million.", "1 March 2010", False),  # under a year
    ("In March 2009, the film had grossed $5 million.", "4 June 2011", False),
])
def test_a_value_as_of_a_date_wants_a_source_of_about_that_date(sentence, published, flagged):
    found = findings(sentence, f'Ward, Ann ({published}). "Lumen passes $5 million".', "NLMG-L003")
    assert bool(found) is flagged


def test_a_title_sum_beside_a_linked_count_is_not_compared_with_it():
    found = findings("The film opened in 300 cinemas, grossing $5 million.",
                     'Ward, Ann (4 June 2012). "Lumen grosses $5 million in 250 cinemas".', "NLMG-L002")
    assert [f.message for f in found] == ["'300 cinemas' contradicts the '250 cinemas' in the title of its "
                                          "source c1 ('Lumen grosses $5 million in 250 cinemas')"]
