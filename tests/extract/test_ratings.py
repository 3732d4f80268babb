"""Ratings and scores: score/scale, out-of forms, star ratings and context-bound letter grades."""

from __future__ import annotations

import pytest

from nlmg_facts.extract import ratings


def _ratings(text: str):
    return [(text[m.start : m.end], m.value) for m in ratings.find(text)]


# (sentence, surface, score, scale, letter, normalized)
CASES = [
    ("It has an average rating of 6.8/10 on the site.", "6.8/10", 6.8, 10, None, 0.68),
    ("Metacritic gave it a weighted average score of 69 out of 100.", "69 out of 100", 69, 100, None, 0.69),
    ("A critic gave the film a two-out-of-four-star rating.", "two-out-of-four-star", 2, 4, None, 0.5),
    ("The paper gave it three stars out of five.", "three stars out of five", 3, 5, None, 0.6),
    ("One reviewer rated it 4/5 in print.", "4/5", 4, 5, None, 0.8),
    ("The weekly rated it a C+ overall.", "C+", None, None, "C+", 0.5),
    ("Audiences gave the film a grade of B- on opening night.", "B-", None, None, "B-", 7 / 12),
    ("The critic gave it an A.", "A", None, None, "A", 11 / 12),
    ("She gave the film three and a half stars.", "three and a half stars", 3.5, None, None, None),
    ("The review gave it ★★★½ in the print edition.", "★★★½", 3.5, None, None, None),
]


@pytest.mark.parametrize("text, surface, score, scale, letter, normalized", CASES)
def test_ratings_are_normalised_to_their_scale(text, surface, score, scale, letter, normalized):
    found = _ratings(text)
    assert [s for s, _ in found] == [surface]
    v = found[0][1]
    assert v.score == (pytest.approx(score) if score is not None else None)
    assert v.scale == scale
    assert v.letter == letter
    assert v.normalized == (pytest.approx(normalized, abs=1e-3) if normalized is not None else None)


NOT_RATINGS = [
    "A location in Clevedon was used for the pier scenes.",   # a sentence-initial article
    "The attacks of 9/11 changed the script.",                 # not a scale
    "Prices fell 1/4 point in late trading.",                  # a fraction, no rating words
    "She met him on 3/4/2010 in London.",                     # a date
    "Vitamin C is mentioned in the dialogue.",                 # a letter without a grading verb
    "Based on 37 out of 40 critics, the consensus is warm.",   # a proportion of critics
    "He served as a four-star general.",                       # not a review
]


@pytest.mark.parametrize("text", NOT_RATINGS)
def test_letters_fractions_and_proportions_without_rating_context_are_not_ratings(text):
    assert _ratings(text) == []
