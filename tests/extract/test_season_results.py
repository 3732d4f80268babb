"""A club's or player's final standing per season: keyed by subject and season (our own sentences)."""

from __future__ import annotations

import pytest

from nlmg_facts import pipeline
from nlmg_facts.config import Config
from nlmg_facts.ingest import Source

from .test_entities import CLUB, keys
SEASON = "1961–62 Rovers Athletic F.C. season\nThe 1961–62 season was Rovers Athletic's 40th season in the league. "


@pytest.mark.parametrize(
    ("text", "surface", "expected"),
    [
        (CLUB + "The club finished third in 1995–96.", "finished third",
         "this-work:league-position[year=1995/1996]"),
        (CLUB + "Rovers finished in third place in the 1995–96 season.", "finished in third place",
         "this-work:league-position[year=1995/1996]"),
        (SEASON + "A late run of wins lifted the team to a 5th-place finish.", "5th-place",
         "this-work:league-position[year=1961/1962]"),
        (SEASON + "Rovers finished the season 5th.", "finished the season 5th",
         "this-work:league-position[year=1961/1962]"),
    ],
)
def test_a_final_standing_is_a_league_position_of_its_season(text, surface, expected):
    assert keys(text, surface) == [expected]


def test_a_passing_place_is_no_final_standing():
    got = keys(SEASON + "Three defeats in October dropped the team to 13th place.", "13th place")
    assert len(got) == 1 and "league-position" not in got[0]


def test_a_finish_with_no_season_in_a_club_article_is_never_compared():
    got = keys(CLUB + "Rovers finished third.", "finished third")
    assert len(got) == 1 and got[0].startswith("this-work:league-position[occurrence=")


def _codes(text: str, tmp_path) -> list[str]:
    report = pipeline.check_source(Source(name="a.txt", text=text), Config(root=tmp_path))
    return [f.code for f in report.findings]


def test_two_positions_for_one_season_conflict(tmp_path):
    text = (SEASON + "Rovers started well and led the table in September. "
            "A strong spring lifted the team to an 8th-place finish.\n"
            "Rovers lost only two of the last ten matches and ended with a 6th-place finish.\n")
    assert "NLMG-R001" in _codes(text, tmp_path)


def test_positions_in_different_seasons_and_the_same_position_twice_are_fine(tmp_path):
    text = (CLUB + "Rovers finished third in the 1995–96 season. The club finished fifth in 1996–97. "
            "In 1995–96 the club finished third, one point behind the champions.\n")
    assert "NLMG-R001" not in _codes(text, tmp_path)
    assert "NLMG-R001" not in _codes(SEASON + "Rovers ended with an 8th-place finish. "
                                     "The team battled to an 8th-place finish.\n", tmp_path)
