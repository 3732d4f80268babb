"""One author spelled two ways across citations (NLMG-C008) and against the text (C006): our own names."""

from __future__ import annotations

import pytest

from _check import findings_of

LEAD = "Lumen is a 2012 British drama film directed by Ada Rowe. It premiered in May 2012. "


def findings(text: str, code: str) -> list:
    return findings_of(LEAD + text + " Lumen at IMDb", code)


def refs(*entries: tuple[str, str]) -> str:
    return " ".join(f'{author} ({day} May 2012). "Story {day}". {work}. Retrieved 5 June 2012.'
                    for day, (author, work) in enumerate(entries, start=3))


@pytest.mark.parametrize(("a", "b"), [
    (("Preston, Ann", "Daily News"), ("Prestone, Ann", "Daily News")),
    (("Fernandes, Jay A.", "Daily News"), ("Jay A. Fernandez", "Screen Weekly")),  # same given name
    (("Smith, J.", "Daily News"), ("Smyth, J.", "Daily News")),                      # same initials and work
    (("Dargis, Manohla", "The Times"), ("Dargis, Monohla", "The Times")),            # given-name variant
])
def test_one_author_spelled_two_ways_is_flagged_once(a, b):
    (f,) = findings(refs(a, b), "NLMG-C008")
    assert [e.role for e in f.evidence] == ["citation author", "other citation author"]


@pytest.mark.parametrize(("a", "b"), [
    (("Smith, John", "Daily News"), ("Smith, Mary", "Daily News")),  # two Smiths
    (("Smith, John", "Daily News"), ("Smith, Joan", "Daily News")),  # short given names: two people
    (("Smith, J.", "Daily News"), ("Smyth, J.", "Screen Weekly")),   # initials alone, other works
    (("Smith, Ann", "Daily News"), ("Jones, Ann", "Daily News")),    # far apart
    (("Preston, Ann", "Daily News"), ("Preston, Ann", "Screen Weekly")),  # one spelling
])
def test_different_people_and_one_spelling_are_not_flagged(a, b):
    assert findings(refs(a, b), "NLMG-C008") == []


@pytest.mark.parametrize(("text", "author", "cited"), [
    ("Critic Ann Prestone called it quiet.", "Preston, Ann", True),
    ("Critic Jay Fernandez called it quiet.", "Fernandes, Jay A.", True),
    ("Critic Mary Smith called it quiet.", "Smith, John", False),
    ("Critic Jay Fernandes called it quiet.", "Fernandes, Jay A.", False),
])
def test_a_surname_variant_against_the_text_is_flagged(text, author, cited):
    found = findings(text + " " + refs((author, "Daily News")), "NLMG-C006")
    assert bool(found) is cited
