"""The festival and awards calendar: names, aliases, edition numbering, user extension files."""

from __future__ import annotations

import json

import pytest

from nlmg_facts.calendar import default_calendar, load_calendar, normalize_event_name
from nlmg_facts.errors import UsageError


@pytest.fixture(scope="module")
def cal():
    return default_calendar()


# Independently checked (edition, year) pairs: the consistency table of the calendar.
# Each must hold, whatever the data file's own `checks` say.
KNOWN = [
    ("Cannes Film Festival", 63, 2010), ("Cannes Film Festival", 73, 2020), ("Cannes Film Festival", 74, 2021),
    ("Venice International Film Festival", 67, 2010), ("Venice International Film Festival", 69, 2012),
    ("Berlinale", 60, 2010),
    ("Toronto International Film Festival", 35, 2010),
    ("Telluride Film Festival", 37, 2010), ("Telluride Film Festival", 48, 2021),
    ("BFI London Film Festival", 54, 2010),
    ("Tokyo International Film Festival", 23, 2010),
    ("Busan International Film Festival", 15, 2010), ("Busan International Film Festival", 20, 2015),
    ("Karlovy Vary International Film Festival", 45, 2010), ("Karlovy Vary International Film Festival", 46, 2011),
    ("Moscow International Film Festival", 32, 2010),
    ("Locarno Film Festival", 74, 2021),
    ("International Film Festival Rotterdam", 39, 2010), ("International Film Festival Rotterdam", 36, 2007),
    ("Tribeca Film Festival", 20, 2021),
    ("Palm Springs International Film Festival", 22, 2011),
    ("British Academy Film Awards", 64, 2011), ("British Academy Film Awards", 65, 2012),
    ("Academy Awards", 83, 2011),
    ("British Independent Film Awards", 13, 2010),
    ("London Film Critics' Circle Awards", 31, 2011), ("London Film Critics' Circle Awards", 32, 2012),
    ("Saturn Awards", 37, 2011), ("Saturn Awards", 42, 2016),
    ("Edinburgh International Film Festival", 74, 2021),
    ("Sydney Film Festival", 68, 2021),
    ("Shanghai International Film Festival", 13, 2010), ("Shanghai International Film Festival", 16, 2013),
    # quoted sources in data/events.json (issue 11)
    ("Cannes Film Festival", 1, 1946), ("Cannes Film Festival", 3, 1949), ("Cannes Film Festival", 64, 2011),
    ("Venice International Film Festival", 36, 1979), ("Venice International Film Festival", 78, 2021),
    ("Berlinale", 1, 1951), ("Tokyo International Film Festival", 1, 1985),
    ("Tokyo International Film Festival", 22, 2009),
    ("Karlovy Vary International Film Festival", 29, 1994), ("Karlovy Vary International Film Festival", 55, 2021),
    ("International Film Festival Rotterdam", 1, 1972), ("International Film Festival Rotterdam", 50, 2021),
    ("Palm Springs International Film Festival", 33, 2022),
    ("British Academy Film Awards", 1, 1949), ("British Academy Film Awards", 2, 1949),
    ("Academy Awards", 2, 1930), ("Academy Awards", 3, 1930), ("Academy Awards", 6, 1934),
    ("Golden Globe Awards", 1, 1944),
    ("Grammy Awards", 1, 1959), ("Grammy Awards", 2, 1959), ("Grammy Awards", 53, 2011),
    ("Tony Awards", 65, 2011), ("Tony Awards", 74, 2021),
    ("Eurovision Song Contest", 56, 2011), ("Eurovision Song Contest", 65, 2021),
    ("Brit Awards", 1, 1977), ("Brit Awards", 2, 1982),
    ("Super Bowl", 1, 1967), ("Super Bowl", 45, 2011),
    ("Tour de France", 1, 1903), ("Tour de France", 13, 1919), ("Tour de France", 98, 2011),
    ("FIFA World Cup", 1, 1930), ("FIFA World Cup", 20, 2014), ("Rugby World Cup", 7, 2011),
    ("Winter Olympics", 21, 2010), ("Summer Olympics", 30, 2012),
    # first editions and the runs after skipped years, read in the quoted sources (issue 11)
    ("Kentucky Derby", 1, 1875), ("Boston Marathon", 1, 1897), ("Boston Marathon", 124, 2020),
    ("Indianapolis 500", 1, 1911), ("Indianapolis 500", 7, 1919),
    ("Giro d'Italia", 1, 1909), ("Giro d'Italia", 7, 1919),
    ("Masters Tournament", 1, 1934), ("Masters Tournament", 10, 1946),
    ("Vuelta a España", 1, 1935), ("Vuelta a España", 3, 1941), ("Vuelta a España", 9, 1950),
    ("Vuelta a España", 10, 1955),
    ("Summer Olympics", 1, 1896), ("Summer Olympics", 6, 1916), ("Summer Olympics", 13, 1944),
    ("Winter Olympics", 1, 1924), ("Winter Olympics", 5, 1948), ("Winter Olympics", 17, 1994),
    ("Commonwealth Games", 1, 1930), ("Commonwealth Games", 4, 1950),
    ("Asian Games", 1, 1951), ("Asian Games", 2, 1954),
    ("Golden Raspberry Awards", 1, 1981), ("Directors Guild of America Awards", 1, 1949),
    ("American Music Awards", 1, 1974), ("American Music Awards", 30, 2003),
    ("American Music Awards", 31, 2003),
    ("Filmfare Awards", 1, 1954), ("Filmfare Awards", 33, 1987), ("Golden Horse Awards", 15, 1978),
    ("Shanghai International Film Festival", 1, 1993), ("Shanghai International Film Festival", 6, 2002),
    ("Moscow International Film Festival", 1, 1959), ("Moscow International Film Festival", 39, 2017),
    ("Laurence Olivier Awards", 1, 1976), ("Locarno Film Festival", 10, 1957),
    ("Locarno Film Festival", 20, 1967), ("London Film Critics' Circle Awards", 30, 2010),
    ("NAACP Image Awards", 38, 2007), ("Fantastic Fest", 1, 2005), ("Hollywood Film Awards", 20, 2016),
    ("Golden Horse Awards", 1, 1962), ("Golden Horse Awards", 5, 1967), ("Golden Horse Awards", 11, 1973),
]


@pytest.mark.parametrize(("name", "edition", "year"), KNOWN)
def test_known_editions_fall_in_their_year(cal, name, edition, year):
    event = cal.lookup(name)
    assert event is not None
    assert event.edition_year(edition) == year
    assert edition in event.editions_in_year(year)
    assert event.matches(edition, year) is True


@pytest.mark.parametrize("event_key", sorted(k for k, e in default_calendar().events.items() if e.numbered))
def test_every_numbered_event_round_trips_edition_and_year(event_key):
    event = default_calendar().events[event_key]
    last = event.until or 2030
    for year in range(event.first_year, last + 1):
        for n in event.editions_in_year(year):
            assert event.edition_year(n) == year
    for edition, year in event.checks:
        assert event.year_edition(year) is not None
        assert event.matches(edition, year)


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("TIFF", None),  # Toronto and Tokyo share it
        ("Toronto International Film Festival", "toronto film festival"),
        ("the Toronto Film Festival", "toronto film festival"),
        ("Japan's Tokyo International Film Festival", "tokyo film festival"),
        ("The Moët British Independent Film Awards", "british independent film awards"),
        ("BIFA", "british independent film awards"),
        ("London Film Critics’ Circle", "london film critics circle awards"),
        ("the Oscars", "academy awards"),
        ("Academy Award", "academy awards"),
        ("BAFTAs", "british academy film awards"),
        ("Berlinale", "berlin film festival"),
        ("the 2011 Berlinale", "berlin film festival"),
        ("LFF", "london film festival"),
        ("The Times BFI London Film Festival", "london film festival"),
        ("SAN SEBASTIAN INTERNATIONAL FILM FESTIVAL", "san sebastian film festival"),
        ("Pusan International Film Festival", "busan film festival"),
        ("MIFF", None),  # Melbourne and Moscow
        ("East End London Film Festival", None),  # a different festival, not the LFF
        ("Film Awards", None),
        ("Hamptons International Film Festival", None),
    ],
)
def test_lookup_normalises_names_aliases_and_abbreviations(cal, name, key):
    event = cal.lookup(name)
    assert (event.key if event else None) == key


def test_shared_abbreviations_list_every_candidate(cal):
    assert {e.key for e in cal.candidates("TIFF")} == {"toronto film festival", "tokyo film festival"}


def test_normalize_event_name_drops_fillers_accents_and_possessives():
    assert normalize_event_name("The 22nd Annual Palm Springs International Film Festival") == (
        "22nd palm springs film festival"
    )
    assert normalize_event_name("London Film Critics’ Circle") == "london film critics circle"
    assert normalize_event_name("San Sebastián") == "san sebastian"


def test_skipped_years_have_no_edition_and_do_not_use_a_number(cal):
    cannes = cal.lookup("Cannes Film Festival")
    assert cannes.year_edition(1948) is None and cannes.year_edition(1950) is None
    assert cannes.year_edition(1949) == 3
    edinburgh = cal.lookup("Edinburgh International Film Festival")
    assert edinburgh.year_edition(2020) is None
    assert edinburgh.year_edition(2019) == 73 and edinburgh.year_edition(2021) == 74


def test_a_cancelled_edition_keeps_its_number(cal):
    telluride = cal.lookup("Telluride Film Festival")
    assert 2020 in telluride.cancelled
    assert telluride.year_edition(2020) == 47


def test_biennial_periods_leave_gaps(cal):
    tokyo = cal.lookup("Tokyo International Film Festival")
    assert [tokyo.edition_year(n) for n in range(1, 7)] == [1985, 1987, 1989, 1991, 1992, 1993]
    assert tokyo.year_edition(1986) is None
    assert tokyo.matches(2, 1986) is False


def test_a_year_with_two_ceremonies_holds_two_editions(cal):
    oscars = cal.lookup("Academy Awards")
    assert oscars.editions_in_year(1930) == (2, 3)
    assert oscars.year_edition(1930) == 2
    assert oscars.year_edition(1933) is None
    assert oscars.film_year_offset == -1


def test_a_wrong_edition_for_a_covered_year_does_not_match(cal):
    lff = cal.lookup("London Film Festival")
    assert lff.matches(53, 2010) is False
    assert lff.matches(54, 2010) is True


def test_outside_the_checked_range_the_calendar_answers_unknown(cal):
    venice = cal.lookup("Venice International Film Festival")
    assert venice.edition_year(30) is None
    assert venice.matches(30, 1960) is None
    saturn = cal.lookup("Saturn Awards")
    assert saturn.matches(50, 2024) is None  # after `until`
    sxsw = cal.lookup("South by Southwest")
    assert not sxsw.numbered and sxsw.matches(30, 2023) is None  # sources count two ways


def _write(tmp_path, events, name="extra.json", **top):
    path = tmp_path / name
    path.write_text(json.dumps({"format": 1, **top, "events": events}), encoding="utf-8")
    return path


def test_a_user_file_adds_new_events_and_overrides_by_key(tmp_path):
    path = _write(
        tmp_path,
        [
            {"name": "Hamptons International Film Festival", "kind": "festival", "month": 10,
             "abbreviations": ["HIFF"], "first_year": 1993, "checks": [[18, 2010]]},
            {"name": "Sundance Film Festival", "kind": "festival", "first_year": 1984, "checks": [[41, 2024]]},
        ],
    )
    cal = load_calendar([path])
    hamptons = cal.lookup("the 2010 Hamptons International Film Festival")
    assert hamptons is not None and hamptons.edition_year(18) == 2010
    assert cal.lookup("HIFF") is hamptons
    # An event with an existing key replaces the bundled one as a whole.
    assert cal.lookup("Sundance Film Festival").edition_year(41) == 2024
    assert cal.lookup("Sundance") is None  # the bundled alias went with it
    assert default_calendar().lookup("Sundance").edition_year(40) == 2024  # bundled calendar unchanged


def test_a_user_file_may_add_sponsor_prefixes(tmp_path):
    path = _write(tmp_path, [], ignored_prefixes=["Acme Pictures"])
    assert load_calendar([path]).lookup("Acme Pictures London Film Festival").key == "london film festival"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{not json", "invalid JSON at line 1"),
        (json.dumps({"events": [{"name": "X Fest", "kind": "party"}]}), "event 'X Fest': kind"),
        (json.dumps({"events": [{"name": "X Fest", "kind": "festival", "first_year": 2000, "checks": [[5, 2003]]}]}),
         "check failed: edition 5 is in 2004, not 2003"),
        (json.dumps({"events": [{"name": "X Fest", "kind": "festival"}, {"name": "X Fest", "kind": "award"}]}),
         "appears twice"),
        (json.dumps({"events": [{"name": "X Fest", "kind": "festival", "colour": "red"}]}), "colour"),
    ],
)
def test_a_bad_user_file_is_a_one_line_usage_error(tmp_path, content, message):
    path = tmp_path / "bad.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(UsageError) as info:
        load_calendar([path])
    text = str(info.value)
    assert message in text and str(path) in text
    assert "\n" not in text


def test_a_missing_user_file_is_a_usage_error(tmp_path):
    with pytest.raises(UsageError, match="calendar file not found"):
        load_calendar([tmp_path / "nope.json"])


# ------------------------------------------------------------------ runs and sources (issue 11)
from nlmg_facts.calendar import Event, bundled_calendar_file, calendar_problems  # noqa: E402


def test_the_bundled_calendar_has_every_run_backed_by_a_quoted_source():
    assert calendar_problems(bundled_calendar_file()) == []


def test_runs_split_at_skipped_and_repeated_years_and_frequency_changes():
    e = Event(name="Harbour Games", kind="sport", first_year=1990, skipped=(1994,), repeated=(1996,),
              frequency=({"from": 2000, "every": 2},), until=2006)
    spans = [(r.first_edition, r.last_edition, r.first_year, r.last_year, r.step) for r in e.runs()]
    assert spans == [
        (1, 4, 1990, 1993, 1), (5, 6, 1995, 1996, 1), (7, 10, 1996, 1999, 1), (11, 14, 2000, 2006, 2),
    ]


def test_a_year_whose_numbering_is_known_rejects_any_other_number():
    e = Event(name="Harbour Fest", kind="festival", first_year=2010, first_edition=32, until=2019)
    assert e.matches(41, 2019) is True
    assert e.matches(42, 2019) is False  # 42 lies past the known range, but 2019 held the 41st
    assert e.matches(42, 2020) is None  # 2020 is not covered


def test_every_numbered_event_names_its_kind_and_has_a_known_offset(cal):
    for e in cal:
        assert e.kind in ("festival", "award", "sport", "contest", "other")
        assert e.film_year_offset in (-1, 0), e.name
