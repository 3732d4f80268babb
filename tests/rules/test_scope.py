"""Scope: season, year and competition figures compare only within their scope (our own sentences)."""

from __future__ import annotations

import pytest

from nlmg_facts.extract import extract_document
from nlmg_facts.ingest import ingest
from nlmg_facts.rules import get_rule
from nlmg_facts.rules.context import RuleContext

CLUB = "Rovers Athletic Football Club is an English football club based in Leeds. "


def codes(text: str) -> list[str]:
    doc = ingest(text)
    ctx = RuleContext(doc=doc, claims=extract_document(doc))
    return [code for code in ("NLMG-D001", "NLMG-M001", "NLMG-R001") if list(get_rule(code).func(ctx))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (CLUB + "Rovers finished third in the league in 1995–96. They finished in sixth place in the league in 1996–97.", []),
        (CLUB + "Rovers finished third in the league in 1995–96. In 1995–96 the club finished in sixth place in the league.",
         ["NLMG-R001"]),
        (CLUB + "Tom Hale scored 47 league goals in 1937–38. In 1937–38 Hale scored 42 league goals.", ["NLMG-M001"]),
        (CLUB + "Tom Hale scored 47 league goals in 1937–38. In 1937–38 Hale scored 12 cup goals.", []),
        (CLUB + "Tom Hale scored 47 league goals in 1937–38. In 1938–39 he scored 42 league goals.", []),
        # One-time events conflict across the article.
        (CLUB + "The club was founded in 1901. Rovers were founded in 1903 in Leeds.", ["NLMG-D001"]),
        (CLUB + "The club was founded in 1901. The club's stadium was opened in 1903.", []),
        # Acquisitions: the same two parties, two years; another target, no conflict.
        (CLUB + "Northgate Foods acquired Rovers Athletic in 2013. In 2014, Northgate Foods acquired Rovers Athletic.",
         ["NLMG-D001"]),
        (CLUB + "Northgate Foods acquired Rovers Athletic in 2013. In 2014, Northgate Foods acquired Leeds Bakery.", []),
        # Two works of one writer, two years.
        ("Jane Doe (born 1950) is an English novelist. Her novel The Tower was published in 2006. "
         "Her memoir was published in 2007.", []),
        ("Jane Doe (born 1950) is an English novelist. Her novel The Tower was published in 2006. "
         "The Tower was published in 2007 by Faber.", ["NLMG-D001"]),
    ],
)
def test_values_compare_within_their_scope(text, expected):
    assert codes(text) == expected
