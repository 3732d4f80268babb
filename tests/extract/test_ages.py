"""Stated ages as claims: 'at the age of 45', 'aged 73', 'died at 84'."""

from __future__ import annotations

import pytest

from nlmg_facts.extract import extract_claims


@pytest.mark.parametrize(
    ("sentence", "surface", "years"),
    [
        ("She died in Bath at the age of 74.", "at the age of 74", 74),
        ("In 1990, aged 52, he won the prize.", "aged 52", 52),
        ("Hale died at 85 in Swansea.", "died at 85", 85),
        ("He retired at age sixty-two.", "at age sixty-two", 62),
    ],
)
def test_a_stated_age_is_an_age_claim(sentence, surface, years):
    ages = [c for c in extract_claims("Owen Hale (1901–1980) was a Welsh architect. " + sentence) if c.kind == "age"]
    assert [(c.text, c.value.years) for c in ages] == [(surface, years)]


@pytest.mark.parametrize(
    "sentence",
    ["She died at home in Bath.", "The bridge was aged in oak barrels.", "He died at 3 pm on a Sunday."],
)
def test_no_age_where_none_is_stated(sentence):
    ages = [c for c in extract_claims("Owen Hale (1901–1980) was a Welsh architect. " + sentence) if c.kind == "age"]
    assert ages == []
