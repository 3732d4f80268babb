"""``nlmg-facts calendar``: listing, one event's editions, and checking a user's calendar file."""

from __future__ import annotations

import json

import pytest

from nlmg_facts.cli import main

SOURCED = {
    "format": 1,
    "events": [
        {
            "name": "Lakeside Film Festival", "kind": "festival", "month": 6,
            "first_year": 2001, "skipped": [2005],
            "checks": [[3, 2003], [6, 2007]],
            "sources": [
                {"quote": "the 3rd Lakeside Film Festival opened on 6 June 2003",
                 "address": "https://example.org/lakeside/2003", "supports": [[3, 2003]]},
                {"quote": "Lakeside's sixth edition, in 2007, after the 2005 break",
                 "address": "https://example.org/lakeside/2007", "supports": [[6, 2007]]},
            ],
        }
    ],
}


def write(tmp_path, data) -> str:
    path = tmp_path / "calendar.json"
    path.write_text(json.dumps(data) if not isinstance(data, str) else data)
    return str(path)


def test_listing_names_every_event_with_its_numbering(capsys):
    assert main(["calendar", "--no-config"]) == 0
    out = capsys.readouterr().out
    assert "Academy Awards" in out and "edition 1 in 1929" in out
    assert out.rstrip().endswith("events.")


def test_one_event_by_an_alias_shows_its_runs_editions_and_gaps(capsys):
    assert main(["calendar", "--no-config", "Oscars"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Academy Awards (award)")
    assert "2:1930  3:1930" in out  # two ceremonies in 1930
    assert "83:2011" in out
    assert "honours the year 1 before" in out


def test_json_detail_lists_editions_by_year(capsys):
    assert main(["calendar", "--no-config", "--format", "json", "Academy Awards"]) == 0
    (event,) = json.loads(capsys.readouterr().out)
    by_edition = {e["edition"]: e["year"] for e in event["editions"]}
    assert by_edition[83] == 2011 and by_edition[6] == 1934


def test_an_unknown_event_suggests_close_names(capsys):
    assert main(["calendar", "--no-config", "Acadmy Awards"]) == 2
    err = capsys.readouterr().err
    assert "no event called" in err and "Academy Awards" in err


def test_a_sourced_user_calendar_passes_the_check(tmp_path, capsys):
    assert main(["calendar", "--check", write(tmp_path, SOURCED)]) == 0
    assert "1 events (1 numbered, 2 runs), every run sourced" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda e: e.update(sources=[SOURCED["events"][0]["sources"][0]]),
         "editions 5-"),  # the run after the 2005 break has no source
        (lambda e: e.update(sources=["I remember it well"]), "no quoted source with an address"),
        (lambda e: e.update(cancelled=[2005]), "cancelled year 2005 holds no numbered edition"),
        (lambda e: e.update(checks=[[3, 2004]], sources=[]), "check failed: edition 3 is in 2003"),
        (lambda e: e["sources"][0].update(supports=[[4, 2004]]), "not among the checks"),
    ],
)
def test_a_user_calendar_with_a_problem_is_one_clear_error(tmp_path, capsys, change, message):
    data = json.loads(json.dumps(SOURCED))
    change(data["events"][0])
    assert main(["calendar", "--check", write(tmp_path, data)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and message in err[0]


def test_two_events_sharing_a_full_name_are_an_error(tmp_path, capsys):
    data = json.loads(json.dumps(SOURCED))
    twin = {**data["events"][0], "name": "Lakeside Festival", "aliases": ["Lakeside Film Festival"]}
    data["events"].append(twin)
    assert main(["calendar", "--check", write(tmp_path, data)]) == 2
    assert "also names" in capsys.readouterr().err


def test_a_missing_or_broken_file_is_one_clear_error(tmp_path, capsys):
    assert main(["calendar", "--check", str(tmp_path / "nope.json")]) == 2
    assert "calendar file not found" in capsys.readouterr().err
    assert main(["calendar", "--check", write(tmp_path, "{not json")]) == 2
    assert "invalid JSON at line 1" in capsys.readouterr().err
