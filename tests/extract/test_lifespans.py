"""Lifespans and b./d. become a birth and a death of the person named before them."""

from __future__ import annotations

import pytest

from nlmg_facts.extract import extract_claims


def facts(text: str) -> list[tuple[str, str]]:
    return [(c.text, c.attribute.key) for c in extract_claims(text) if c.kind == "date"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Jane Doe (April 11, 1895 – June 20, 1969) was an English novelist.",
         [("April 11, 1895", "this-work:birth"), ("June 20, 1969", "this-work:death")]),
        ("Owen Hale (1901–1980) was a Welsh architect.",
         [("1901", "this-work:birth"), ("1980", "this-work:death")]),
        ("Ada Berg (3 May 1950 – 1 June 2011) was a Dutch painter.",
         [("3 May 1950", "this-work:birth"), ("1 June 2011", "this-work:death")]),
        ("Ada Berg (b. 1950) is a Dutch painter.", [("1950", "this-work:birth")]),
        ("Ada Berg (born 3 May 1950) is a Dutch painter.", [("3 May 1950", "this-work:birth")]),
        # Someone else's lifespan is theirs.
        ("Ada Berg (born 1950) is a Dutch painter. She studied under Tom Brown (1901–1980) in Delft.",
         [("1950", "this-work:birth"), ("1901", "tom-brown:birth"), ("1980", "tom-brown:death")]),
    ],
)
def test_a_lifespan_is_a_birth_and_a_death(text, expected):
    assert facts(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The Lantern Keeper is a 2012 British film. It was shot in two blocks (May 2011 – June 2011).",
        "Ada Berg is a Dutch painter. Her Delft period (1975–1980) is her best known.",
        "Ada Berg is a Dutch painter. The exhibition ran from 1975 to 1980 in Delft.",
    ],
)
def test_other_ranges_are_not_lifespans(text):
    assert not any(key.endswith((":birth", ":death")) for _, key in facts(text))


def test_a_death_restated_differently_conflicts_with_the_lifespan():
    from nlmg_facts.pipeline import check_paths  # noqa: F401  (the whole check, below)
    from nlmg_facts.extract import extract_document
    from nlmg_facts.ingest import ingest
    from nlmg_facts.rules import get_rule
    from nlmg_facts.rules.context import RuleContext

    doc = ingest("Jane Doe (April 11, 1895 – June 20, 1969) was an English novelist. "
                 "She moved to Bath in 1930. She died on July 20, 1969, in Bath.")
    ctx = RuleContext(doc=doc, claims=extract_document(doc))
    hits = list(get_rule("NLMG-D001").func(ctx))
    assert [h.evidence[0].text for h in hits] == ["June 20, 1969"]
    assert hits[0].evidence[1].text == "July 20, 1969"
