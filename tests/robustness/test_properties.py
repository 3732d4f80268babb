"""Property-based tests: any article built from the token grammar keeps the pipeline's promises.

The number of examples is bounded so the suite stays fast (a few seconds);
``fuzz/fuzz_check.py`` is the long-running search.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import harness
from grammar import articles, token
from nlmg_facts import extract_claims, ingest
from nlmg_facts.config import Config
from nlmg_facts.pipeline import check_paths

FAST = settings(max_examples=60, deadline=None, database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


@FAST
@given(articles())
def test_every_stage_returns_and_every_span_and_value_holds(article):
    text, name = article
    harness.run(text, name)  # raises on a crash, a span outside the text, a value outside its interval


def _well_formed(article: tuple[str, str]) -> tuple[str, str]:
    # What the CLI can read (strict UTF-8): JSON output cannot encode a lone surrogate.
    text, name = article
    return text.encode("utf-8", "replace").decode("utf-8"), name


@settings(FAST, max_examples=25)
@given(articles(max_tokens=30).map(_well_formed))
def test_every_output_format_renders(article):
    outputs = harness.render_all(harness.run(*article))
    assert outputs["json"].startswith("{") and "<html" in outputs["html"]


@settings(FAST, max_examples=40)
@given(st.lists(token, max_size=40).map(" ".join))
def test_extract_claims_quotes_the_text_at_each_span(text):
    for c in extract_claims(text):
        assert text[c.span.start : c.span.end] == c.text


@settings(FAST, max_examples=25)
@given(articles(max_tokens=40).map(_well_formed))
def test_the_same_input_gives_the_same_report(article):
    text, name = article
    first = harness.render_all(harness.run(text, name))
    again = harness.render_all(harness.run(text, name))
    assert first == again


def test_a_lone_surrogate_read_with_errors_is_text_like_any_other():
    text = b"The film cost US$15 million \xff\xfe in 2010 and opened on 5 May 2010.".decode("utf-8", "surrogateescape")
    a = harness.run(text)
    assert {c.text for c in a.claims} >= {"US$15 million", "5 May 2010"}
    assert ingest(text).text == text


@settings(FAST, max_examples=2)
@given(st.lists(articles(max_tokens=40).map(_well_formed), min_size=3, max_size=5))
def test_two_worker_processes_give_the_same_report_as_one(tmp_path_factory, docs):
    root = tmp_path_factory.mktemp("docs")
    paths = []
    for i, (text, name) in enumerate(docs):
        path = root / f"d{i}{name[1:]}"
        path.write_text(text or "x", "utf-8")
        paths.append(str(path))
    config = Config(root=root)
    one = check_paths(paths, config, jobs=1)
    two = check_paths(paths, config, jobs=2)
    assert two.model_dump_json() == one.model_dump_json()


@pytest.mark.parametrize("name", harness.NAMES)
def test_an_empty_or_blank_text_is_no_crash(name):
    for text in ("", " ", "\n\n", "\ufeff", "\x00"):
        harness.run(text, name)
