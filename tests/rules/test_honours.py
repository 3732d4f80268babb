"""Honours lists against the wins the body states (NLMG-R007), our own sentences."""

from __future__ import annotations

import pytest

from nlmg_facts.extract import extract_document
from nlmg_facts.ingest import ingest
from nlmg_facts.rules.context import RuleContext
from nlmg_facts.rules.honours import honour_not_listed

CLUB = "Rovers Athletic Football Club is an English football club based in Leeds.\n"
LIST = ("COUNTY JUNIOR CUP\nWinners: 1930–31, 1941–42: 2\nRunners up: 1935–36: 1\n"
        "NORTHERN LEAGUE PREMIER DIVISION\nWinners: 1992–93: 1\nRunners Up: 1990–91: 1\nSpring Trophy\nWinners 2017\n")


def run(body: str):
    doc = ingest(CLUB + body + "\n" + LIST, "a.txt")
    ctx = RuleContext(doc=doc, claims=extract_document(doc), citations=[], links=[], calendar=None)
    return list(honour_not_listed(ctx))


@pytest.mark.parametrize(
    "body",
    [
        "Rovers won the 1931–32 County Junior Cup.",
        "In 1935–36 Rovers also won the County Junior Cup.",  # runners-up that season, not winners
        "As manager he won the 1993–94 Northern League Premier Division.",
        "In 2018 the club won the Spring Trophy.",
        "The club won two County Junior Cups in 1930–31 and 1942–43.",
        "In 1990–91 after finishing third in the Premier Division, the club qualified for Europe.",
        "Rovers reached three County Junior Cup finals. In 1931–32 they won the cup for the first time.",
        "In 1992–93, finishing second in the Premier Division, the club lost the title.",
    ],
)
def test_a_win_the_honours_list_omits_is_flagged(body):
    hits = run(body)
    assert len(hits) == 1
    assert any(e.role == "honours" for e in hits[0].evidence)


@pytest.mark.parametrize(
    "body",
    [
        "Rovers won the 1930–31 County Junior Cup.",
        "As manager he won the 1992–93 Premier Division.",  # the list's name ends with the body's
        "In 2017 the club won the Spring Trophy.",
        "The club won two County Junior Cups in 1930–31 and 1941–42.",
        "In 1999–2000 the club won the Harbour Plate.",  # no list for that competition
        "In 1990–91 after finishing second in the Premier Division, the club qualified for Europe.",
        "In 1988–89 the club finished eighth in the Premier Division.",  # the list says nothing of it
        "Rovers reached three County Junior Cup finals. In 1930–31 they won the cup for the first time.",
        "Rovers won the Harbour Plate. In 1931–32 they won the cup again.",  # no cup named before
    ],
)
def test_wins_in_the_list_or_without_a_list_are_fine(body):
    assert run(body) == []


ONE_A_LINE = ("Tom Hale (1948 – 2001) was a Canadian ice hockey player.\n"
              "He joined Leeds in 1968 and was a member of their Kings Cup championship teams in {years}.\n"
              "1969-70 - Northern Hockey League - Kings Cup (Leeds)\n1971-72 - Northern Hockey League - Kings Cup (Leeds)\n")


@pytest.mark.parametrize(("years", "flagged"), [("1970 and 1973", True), ("1970 and 1972", False), ("1971–72", False)])
def test_one_title_a_line_lists_are_read_with_end_years(years, flagged):
    doc = ingest(ONE_A_LINE.format(years=years), "a.txt")
    ctx = RuleContext(doc=doc, claims=extract_document(doc), citations=[], links=[], calendar=None)
    assert bool(list(honour_not_listed(ctx))) is flagged
