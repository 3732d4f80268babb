"""The scorer of ``benchmarks/bench_links.py`` on a fixture of our own (two references, known markers)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
FIXTURE = ROOT / "tests" / "fixtures" / "links" / "two_refs.wiki"
TITLE = "The Harbour Lantern"

pytest.importorskip("mwparserfromhell")


def _module():
    spec = importlib.util.spec_from_file_location("bench_links", ROOT / "benchmarks" / "bench_links.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["bench_links"] = module
    spec.loader.exec_module(module)
    return module


bench = _module()


def _readings():
    from nlmg_facts.cite import cite_document
    from nlmg_facts.extract import extract_document
    from nlmg_facts.ingest import ingest

    text = FIXTURE.read_text(encoding="utf-8")
    wiki = ingest(text, "two_refs.wiki", "wikitext")
    wclaims = extract_document(wiki)
    wres = cite_document(wiki, wclaims)
    flat = ingest(bench._flatten_module().flatten_wikitext(text, TITLE), "two_refs.txt", "plain")
    fclaims = extract_document(flat)
    fres = cite_document(flat, fclaims)
    return wiki, wclaims, list(wres.citations), wres.links, flat, fclaims, list(fres.citations), fres.links


def _claim(claims, text):
    return next(c for c in claims if c.text == text)


def _with_links(links, claims, chosen: dict[str, tuple[str | None, float]]):
    """The flat links with the citations of some claims replaced (by claim text)."""
    ids = {_claim(claims, text).id: value for text, value in chosen.items()}
    out = []
    for link in links:
        if link.claim in ids:
            cid, conf = ids[link.claim]
            link = link.model_copy(update={"citation": cid, "confidence": conf,
                                           "method": "alignment" if cid else "none"})
        out.append(link)
    return out


def test_truth_comes_from_the_markers_and_citations_match_by_content():
    wiki, wclaims, wcites, _, flat, _, fcites, _ = _readings()
    truth = bench.marker_truth(wiki, wcites)
    assert sorted(truth.values(), key=sorted) == [{"c1"}, {"c2"}]
    by_title = {c.id: c.title.text for c in fcites if c.kind == "citation"}
    matched = bench.match_citations(wcites, fcites)
    wiki_titles = {c.id: c.title.text for c in wcites}
    assert {wiki_titles[w]: by_title[f] for w, f in matched.items()} == {t: t for t in wiki_titles.values()}


def test_citations_are_matched_by_content_not_by_number():
    _, _, wcites, _, _, _, fcites, _ = _readings()
    flat = [c for c in fcites if c.kind == "citation"]
    renumbered = [flat[1].model_copy(update={"id": "c1", "number": 1}),
                  flat[0].model_copy(update={"id": "c2", "number": 2})]
    assert bench.match_citations(wcites, renumbered) == {"c1": "c2", "c2": "c1"}


def test_right_links_score_full_marks():
    wiki, wclaims, wcites, wlinks, flat, fclaims, fcites, flinks = _readings()
    ids = bench.match_citations(wcites, fcites)
    links = _with_links(flinks, fclaims, {"14 March 2004": (ids["c1"], 0.9), "40,000 copies": (ids["c2"], 0.9)})
    s = bench.score_pair("f", wiki, wclaims, wcites, wlinks, flat, fclaims, fcites, links)
    assert (s.marked, s.right, s.linked, s.wrong, s.high_wrong) == (2, 2, 2, 0, 0)
    assert s.accuracy == 1.0 and s.coverage == 1.0
    assert s.unmarked == 2  # the lead's 2004 and the sequel's 2009 have no marker


def test_wrong_and_missing_links_are_counted_with_their_confidence():
    wiki, wclaims, wcites, wlinks, flat, fclaims, fcites, flinks = _readings()
    ids = bench.match_citations(wcites, fcites)
    links = _with_links(flinks, fclaims, {"14 March 2004": (ids["c2"], 0.9), "40,000 copies": (None, 0.0)})
    s = bench.score_pair("f", wiki, wclaims, wcites, wlinks, flat, fclaims, fcites, links)
    assert (s.marked, s.right, s.linked, s.wrong, s.high_wrong) == (2, 0, 1, 1, 1)
    low = _with_links(flinks, fclaims, {"14 March 2004": (ids["c2"], 0.1)})
    s = bench.score_pair("f", wiki, wclaims, wcites, wlinks, flat, fclaims, fcites, low)
    assert (s.wrong, s.high_wrong) == (1, 0)
