"""The bare number and ordinal recognizers under the claim extractors."""

from __future__ import annotations

import pytest

from nlmg_facts.extract.numbers import find_numbers, find_ordinals


def _ordinals(text: str) -> list[tuple[str, int]]:
    return [(text[s:e], v) for s, e, v in find_ordinals(text)]


def _numbers(text: str) -> list[tuple[str, float]]:
    return [(text[s:e], v) for s, e, v in find_numbers(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("It finished 42nd of the year's releases.", [("42nd", 42)]),
        ("The 1st, 2nd, 3rd and 11th screenings sold out.", [("1st", 1), ("2nd", 2), ("3rd", 3), ("11th", 11)]),
        ("The festival marked its 1,000th screening.", [("1,000th", 1000)]),
        ("It was the ninth film to open the festival.", [("ninth", 9)]),
        ("The twenty-first edition moved to October.", [("twenty-first", 21)]),
        ("Its twenty first season began.", [("twenty first", 21)]),
        ("The one hundred twenty-fifth anniversary was held.", [("one hundred twenty-fifth", 125)]),
        ("It celebrated its two hundredth performance.", [("two hundredth", 200)]),
        ("She finished second.", [("second", 2)]),
        ("A second film followed in 2012.", [("second", 2)]),
        ("It was a third attempt.", [("third", 3)]),
        ("The Fourth Estate covered it.", [("Fourth", 4)]),
    ],
)
def test_ordinals_in_digits_and_words_are_found_with_their_value(text, expected):
    assert _ordinals(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The crowd waited a second before applauding.",  # a unit of time
        "The projector ran at 24 frames per second.",
        "It took a split second.",
        "Seconds later the lights went out.",
        "About a third of the budget went on sets.",  # fractions
        "Two-thirds of the cast were unknown.",
        "One third went to the distributor.",
        "The share fell by a fifth.",
        "It ranked 21th in the chart.",  # the suffix must agree with the number
        "The 12nd and 3th entries were misprinted.",
        "The film was nineth in the list.",  # misspellings are not ordinals
        "A secondary school and the firstly stated aim.",
        "Roughly 1/3rd of screens showed it.",
    ],
)
def test_time_seconds_fractions_and_wrong_suffixes_are_no_ordinals(text):
    assert _ordinals(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("It grossed 44,911 in its first week.", [("44,911", 44911)]),
        ("The rating was 6.8 overall.", [("6.8", 6.8)]),
        ("A population of 1 234 567 was counted.", [("1 234 567", 1234567)]),
        ("The error was .08 at most.", [(".08", 0.08)]),
        ("The balance fell to -12.5 overnight.", [("-12.5", -12.5)]),
        ("The trailer had 10k views and 1.2b impressions.", [("10k", 10000), ("1.2b", 1_200_000_000)]),
        ("It cost 1.89 million to make.", [("1.89 million", 1_890_000)]),
        ("Forty-two extras were hired.", [("Forty-two", 42)]),
        ("One hundred and five critics agreed.", [("One hundred and five", 105)]),
        ("It sold twenty-one trillion and three hundred units.", [("twenty-one trillion and three hundred", 21_000_000_000_300)]),
        ("Half a dozen scenes were cut.", [("Half a dozen", 6)]),
        ("They shot three dozen takes.", [("three dozen", 36)]),
        ("The score was two hundred point zero three.", [("two hundred point zero three", 200.03)]),
        ("The change was minus five.", [("minus five", -5)]),
        ("It reached 4 thousand 3 hundred and 21 viewers.", [("4 thousand 3 hundred and 21", 4321)]),
        ("Version 192.168.1.2 was used.", [("192", 192), ("168", 168), ("1", 1), ("2", 2)]),
        ("Codes three-nought-four were read out.", [("three", 3), ("nought", 0), ("four", 4)]),
        ("Only one critic disliked it.", [("one", 1)]),
    ],
)
def test_cardinal_numbers_in_digits_and_words_are_found_with_their_value(text, expected):
    assert _numbers(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The one you saw was the director's cut.",  # a pronoun
        "Which one do you prefer?",
        "The 180ml bottle and a 29km drive.",  # numbers glued to a unit
        "It came 21st and then ninth.",  # ordinals are not cardinals
        "A film and an actor.",
        "The 5m mark",  # lower-case m after a number is a metre, not a million
    ],
)
def test_pronoun_one_units_and_ordinals_are_no_bare_numbers(text):
    assert _numbers(text) == []


def test_the_recognizers_respect_the_window():
    text = "The ninth of 12 entries and the tenth of 40."
    cut = text.index(" and")
    assert [v for *_, v in find_ordinals(text, 0, cut)] == [9]
    assert [v for *_, v in find_numbers(text, cut)] == [40]


def test_the_recognizers_are_linear_on_a_long_run_of_number_words():
    text = "one two " * 20000 + "third"
    assert len(find_numbers(text)) == 40000
    assert find_ordinals(text) == []  # "two third" is a fraction of sorts: never one long ordinal
