"""Overlap resolution (extract/__init__.py): one claim per stretch of text, the best reading kept."""

from __future__ import annotations

import pytest
from pydantic import BaseModel

from nlmg_facts import extract_claims
from nlmg_facts.extract import resolve_overlaps
from nlmg_facts.extract.base import Mention


class _V(BaseModel):
    x: int = 0


def _m(kind: str, start: int, end: int, priority: int = 0, coexists: frozenset[str] = frozenset()) -> Mention:
    return Mention(kind, start, end, _V(), priority, coexists)


def test_the_longer_of_two_overlapping_mentions_wins():
    kept = resolve_overlaps([_m("count", 0, 13), _m("rating", 0, 21)])
    assert [(m.kind, m.end) for m in kept] == [("rating", 21)]


def test_equal_spans_are_decided_by_priority():
    kept = resolve_overlaps([_m("count", 5, 9, priority=10), _m("date", 5, 9, priority=1)])
    assert [m.kind for m in kept] == ["count"]


def test_kinds_that_may_coexist_are_both_kept():
    kept = resolve_overlaps([_m("edition", 0, 40), _m("date", 4, 8, coexists=frozenset({"edition"}))])
    assert sorted(m.kind for m in kept) == ["date", "edition"]


def test_disjoint_mentions_all_survive_in_text_order():
    kept = resolve_overlaps([_m("money", 20, 30), _m("date", 0, 4), _m("count", 5, 10)])
    assert [m.start for m in kept] == [0, 5, 20]


def test_a_mention_overlapping_two_kept_ones_is_dropped():
    kept = resolve_overlaps([_m("date", 0, 10), _m("date", 12, 22), _m("count", 8, 14)])
    assert [(m.start, m.end) for m in kept] == [(0, 10), (12, 22)]


# (sentence, expected (kind, surface) claims in text order)
CASES = [
    # A rating swallows the count and the number inside it.
    ("Slant gave it two out of four stars.", [("rating", "two out of four stars")]),
    ("It averaged 6.8/10 across 186 reviews.", [("rating", "6.8/10"), ("count", "186 reviews")]),
    # A year naming a festival edition is the festival's date, not an edition number.
    ("The 2011 Toronto International Film Festival showed it.", [("date", "2011")]),
    # An edition keeps its ordinal; the date after it is a separate claim.
    ("It opened the 54th London Film Festival in 2010.",
     [("edition", "54th London Film Festival"), ("date", "2010")]),
    # Money is never also a count of pounds; a duration never a count of weeks.
    ("The studio paid 2 million pounds for six weeks of work.",
     [("money", "2 million pounds"), ("duration", "six weeks")]),
    # A range of days is one date, not a date and a count.
    ("It screened on 17–19 December 2010 at 3 venues.",
     [("date", "17–19 December 2010"), ("count", "3 venues")]),
    # A percentage range is one claim ("10%" is not kept beside "10%–15%").
    ("Its share grew 10%–15% in 2011.", [("percentage", "10%–15%"), ("date", "2011")]),
    # A ranking's ordinal is not also an edition or a date.
    ("It took ninth place on 11 February 2011.", [("ranking", "ninth place"), ("date", "11 February 2011")]),
]


@pytest.mark.parametrize("sentence, expected", CASES)
def test_each_stretch_of_text_gives_one_claim_of_the_right_kind(sentence, expected):
    got = [(c.kind, c.text) for c in extract_claims(sentence)]
    assert got == expected


def test_no_two_claims_of_the_bundled_article_overlap_unless_their_kinds_may(sample_doc):
    from nlmg_facts import extract_document

    claims = sorted(extract_document(sample_doc), key=lambda c: c.span.start)
    for a, b in zip(claims, claims[1:]):
        assert a.span.end <= b.span.start, (a.text, b.text)
