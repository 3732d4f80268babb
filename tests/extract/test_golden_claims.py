"""Golden dump of every claim extracted from the bundled article (pytest-regressions).

The golden pins what the extractors find: kind, surface, span, sentence and
value. The attribute (what a claim is about) is left out on purpose: it has
its own case tables (test_attributes.py) and is pinned in the pipeline golden
(tests/test_pipeline.py), so a change to the trigger lexicon does not show up
here as an extraction change. Regenerate with ``--force-regen`` only after
reading the diff.
"""

from __future__ import annotations

from nlmg_facts import extract_document


def _dump(claim) -> dict:
    data = claim.model_dump(mode="json", exclude={"attribute"})
    data["span"] = [data["span"]["start"], data["span"]["end"]]
    return data


def test_bundled_article_claims_match_the_golden_file(sample_doc, data_regression):
    claims = sorted(extract_document(sample_doc), key=lambda c: (c.span.start, c.kind))
    data_regression.check({"claims": [_dump(c) for c in claims]}, basename="bundled_article_claims")


def test_the_golden_dump_leaves_out_only_the_attribute(sample_doc):
    claim = extract_document(sample_doc)[0]
    assert set(_dump(claim)) == set(claim.model_dump()) - {"attribute"}


def test_bundled_article_attribute_keys_match_the_golden_file(sample_doc, data_regression):
    """What each claim is about, one line per claim: a lexicon change shows up here."""
    claims = sorted(extract_document(sample_doc), key=lambda c: (c.span.start, c.kind))
    keys = {c.id: f"{c.attribute.key}  <- {c.text}" for c in claims}
    data_regression.check(keys, basename="bundled_article_attribute_keys")
