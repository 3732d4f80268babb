"""Wikitext and Markdown input: same sentences and claims as plain text, offsets into the original."""

from __future__ import annotations

import json
import re
import time
from pathlib import Path

import pytest

from nlmg_facts.cite import cite_document
from nlmg_facts.cli import main
from nlmg_facts.extract import extract_document
from nlmg_facts.ingest import detect_format, ingest

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "formats"
WIKI = FIXTURES / "lantern_keepers_2013.wiki"
MARKDOWN = FIXTURES / "tide_clock_2016.md"
_OCCURRENCE = re.compile(r"occurrence=[0-9a-f]+")


def _read(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def rendered(doc, start: int = 0, end: int | None = None) -> str:
    """The text of ``[start, end)`` with every masked character removed, spaces collapsed."""
    end = len(doc.text) if end is None else end
    keep = [True] * len(doc.text)
    for m in doc.masked:
        for i in range(m.span.start, m.span.end):
            keep[i] = False
    return " ".join("".join(c for i, c in enumerate(doc.text[start:end], start) if keep[i]).split())


def sentences(doc) -> list[str]:
    return [rendered(doc, s.span.start, s.span.end) for s in doc.sentences if s.section == "body"]


def claim_keys(doc) -> list[tuple]:
    """Kind, text, value and attribute of each claim; the occurrence hash names a position, not a fact."""
    return [
        (c.kind, c.text, c.value.model_dump(mode="json"),
         _OCCURRENCE.sub("occurrence=*", c.attribute.key) if c.attribute else None)
        for c in extract_document(doc)
        if doc.sentences[c.sentence].section == "body"  # the prose's claims (infobox fields: tests/ingest/test_wikitext.py)
    ]


# ------------------------------------------------------------------ detection


@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        ("It opened.", "a.wiki", "wikitext"),
        ("It opened.", "a.mediawiki", "wikitext"),
        ("It opened.", "a.WIKITEXT", "wikitext"),
        ("It opened.", "a.md", "markdown"),
        ("It opened.", "a.markdown", "markdown"),
        ("It opened.<ref>Lee (2010).</ref>", "a.txt", "wikitext"),
        ("It opened.<ref name=\"a\" />", "<stdin>", "wikitext"),
        ("It opened.{{Cite web |title=T}}", "<stdin>", "wikitext"),
        ("It opened.[^1]\n\n[^1]: Lee (2010).", "a.txt", "markdown"),
        # Must stay plain: brackets, apostrophes and lone definitions are not markup.
        ("It opened in 2010.[12] Critics liked it.[13]", "a.txt", "plain"),
        ("It's the 1990s' ''best'' film [citation needed].", "a.txt", "plain"),
        ("[^1]: a definition nobody uses", "a.txt", "plain"),
        ("A <reference> to nothing and {{ braces.", "a.txt", "plain"),
    ],
)
def test_format_comes_from_the_extension_then_from_the_text(text, name, expected):
    assert detect_format(text, name) == expected


def test_a_requested_format_overrides_detection():
    assert detect_format("It opened.<ref>x</ref>", "a.wiki", "plain") == "plain"
    assert ingest("It opened.", "a.txt", format="markdown").format == "markdown"


def test_plain_text_has_no_masks_and_is_its_own_view(sample_doc):
    assert sample_doc.format == "plain"
    assert sample_doc.masked == [] and sample_doc.reference_spans == []
    assert sample_doc.analysis_view() is sample_doc
    assert sample_doc.analysis_text is sample_doc.text


# ------------------------------------------------------------------ wikitext article


@pytest.fixture(scope="module")
def wiki_doc():
    return ingest(_read(WIKI), str(WIKI))


def test_wikitext_article_has_the_sentences_of_its_plain_rendering(wiki_doc):
    plain = ingest(_read(WIKI.with_suffix(".txt")))
    assert wiki_doc.format == "wikitext"
    assert sentences(wiki_doc) == [plain.sentence_text(s.index) for s in plain.sentences]


def test_wikitext_claims_equal_the_plain_claims_but_for_offsets(wiki_doc):
    plain = ingest(_read(WIKI.with_suffix(".txt")))
    assert claim_keys(wiki_doc) == claim_keys(plain)
    assert len(claim_keys(wiki_doc)) >= 10


def test_every_claim_and_sentence_span_points_into_the_original_wikitext(wiki_doc):
    for c in extract_document(wiki_doc):
        assert c.text == wiki_doc.text[c.span.start : c.span.end]
        if wiki_doc.sentences[c.sentence].section == "body":
            assert not wiki_doc.overlaps_markup(c.span.start, c.span.end)
    first = wiki_doc.body_sentences[0]
    assert wiki_doc.text[first.span.start :].startswith("The Lantern Keepers''''' is a 2013")


def test_body_ends_at_the_references_heading(wiki_doc):
    text = wiki_doc.text
    assert wiki_doc.back_matter is not None
    assert wiki_doc.back_matter.start == text.index("== References ==")
    # The body runs from the first prose character: after the infobox and the bold quotes.
    assert text[wiki_doc.body.start :].startswith("The Lantern Keepers''''' is")


def test_ref_markers_carry_their_names_and_reference_numbers(wiki_doc):
    text = wiki_doc.text
    expected = [
        ("tiff", 1, '<ref name="tiff">{{cite news'),
        ("shoot", 2, '<ref name="shoot">{{cite web'),
        ("3", 3, "<ref>Mead, Caroline"),
        ("tiff", 1, '<ref name="tiff" />'),
        ("uk", 4, '<ref name="uk">{{cite news'),
        ("uk", 4, '<ref name="uk" />'),
        ("5", 5, "<ref>{{cite web |title=The Lantern"),
        ("box", 6, '<ref name="box">{{cite news'),
    ]
    # The infobox uses "tiff" first, so it is reference 1; its marker belongs to the infobox field.
    assert [(m.label, m.reference) for m in wiki_doc.markers] == [(a, b) for a, b, _ in expected]
    for m, (_, _, prefix) in zip(wiki_doc.markers, expected):
        assert text[m.span.start : m.span.end].startswith(prefix)
    for m in wiki_doc.markers:
        assert text[m.span.start : m.span.end].startswith("<ref") and text[m.span.end - 2 : m.span.end] in ("/>", "f>")


def test_a_reused_named_ref_is_one_reference(wiki_doc):
    spans = [(s.start, s.end) for s in wiki_doc.reference_spans]
    assert len(spans) == len(set(spans)) == 6
    uk = [m for m in wiki_doc.markers if m.label == "uk"]
    assert len(uk) == 2 and {m.reference for m in uk} == {4}


def test_cite_templates_become_citations_with_their_fields(wiki_doc):
    citations = cite_document(wiki_doc, []).citations
    assert [c.id for c in citations] == ["c1", "c2", "c3", "c4", "c5", "c6"]
    c1, c2, c3, c4, c5, _ = citations
    assert (c1.authors[0].surname, c1.authors[0].given) == ("Harlow", "Denise")
    assert c1.date.value.iso == "2013-07-24" and c1.access_date.value.iso == "2013-07-25"
    assert (c1.title.text, c1.work.text) == ("Toronto unveils its gala line-up", "The Globe and Mail")
    assert c1.title_quoted
    # Emphasis is cleaned from values; spans point at the raw value in the wikitext.
    assert c2.title.text == "Quinlan wraps Lantern Keepers shoot"
    assert wiki_doc.text[c2.title.span.start : c2.title.span.end] == "Quinlan wraps ''Lantern Keepers'' shoot"
    assert c2.work.text == "Screen Daily"
    assert c2.archive.date.value.iso == "2013-03-08" and c2.archive.service == "web.archive.org"
    assert [n.text for n in c2.notes] == ["http://example.org/shoot"]
    # author= in "Given Surname" order; a piped link as the work shows its text.
    assert (c4.authors[0].given, c4.authors[0].surname) == ("Lydia", "Brenner")
    assert (c4.work.text, c4.publisher.text) == ("Screen", "Media Business Insight")
    assert c5.date is None and c5.access_date.value.iso == "2013-12-01"
    assert (c5.work.text, c5.publisher.text) == ("Rotten Tomatoes", "Fandango")
    for c in citations:
        assert c.kind == "citation" and c.text == wiki_doc.text[c.span.start : c.span.end]


def test_a_free_text_ref_goes_through_the_reference_parser(wiki_doc):
    c3 = cite_document(wiki_doc, []).citations[2]
    assert (c3.authors[0].surname, c3.authors[0].given) == ("Mead", "Caroline")
    assert c3.title.text == "Island drama finds its backers"
    assert c3.work.text == "The Northern Echo"  # the italic quotes are markup, not part of the work
    assert c3.date.value.iso == "2013-02-09" and c3.access_date.value.iso == "2013-02-10"


def test_markers_link_claims_to_their_citations_exactly(wiki_doc):
    claims = extract_document(wiki_doc)
    result = cite_document(wiki_doc, claims)
    by_text = {c.text: c.id for c in claims}
    links = {link.claim: link for link in result.links}
    expected = {"14 January 2013": "c2", "£3.1 million": "c3", "6 September 2013": "c1",
                "18 October 2013": "c4", "£1.4 million": "c4", "88%": "c5", "25 October 2013": "c6"}
    for text, citation in expected.items():
        link = links[by_text[text]]
        assert (link.citation, link.confidence, link.method) == (citation, 1.0, "marker")
        assert link.reason.startswith("marker ")
    # The lead has no marker: its claims are linked to nothing rather than guessed.
    assert links[by_text["1962"]].citation is None


def test_check_reports_the_planted_conflict_at_its_line_and_column_in_the_wikitext(capsys):
    code = main(["check", "--no-config", "--no-review", "--format", "json", str(WIKI)])
    report = json.loads(capsys.readouterr().out)
    assert code == 1
    findings = report["documents"][0]["findings"]
    conflict = [f for f in findings if f["code"] == "NLMG-D001"]
    assert len(conflict) == 1
    ev = conflict[0]["evidence"]
    lines = _read(WIKI).split("\n")
    for e, text in zip(ev, ("18 October 2013", "25 October 2013")):
        assert e["text"] == text
        assert lines[e["line"] - 1][e["column"] - 1 :].startswith(text)
    assert (ev[0]["line"], ev[1]["line"]) == (14, 17)
    assert conflict[0]["citations"] == ["c4", "c6"]


def test_input_format_option_reads_a_txt_file_as_markdown(tmp_path, capsys):
    path = tmp_path / "note.txt"
    path.write_text("# Films of 1999\n\nIt opened on **3 May 2010**.\n", encoding="utf-8")
    assert main(["extract", "--format", "json", str(path)]) == 0
    plain = json.loads(capsys.readouterr().out)
    assert main(["extract", "--format", "json", "--input-format", "markdown", str(path)]) == 0
    marked = json.loads(capsys.readouterr().out)
    # Read as plain text the heading is prose; as Markdown it is markup.
    assert [c["claim"]["text"] for c in plain["documents"][0]["claims"]] == ["1999", "3 May 2010"]
    assert [c["claim"]["text"] for c in marked["documents"][0]["claims"]] == ["3 May 2010"]
    assert main(["citations", "--input-format", "markdown", str(path)]) == 0
    assert main(["check", "--no-config", "--no-review", "--input-format", "markdown", str(path)]) == 0
    capsys.readouterr()


# ------------------------------------------------------------------ wikitext markup, case by case


@pytest.mark.parametrize(
    ("wikitext", "prose"),
    [
        ("It opened in [[Leeds]] on 3 May 2010.", "It opened in Leeds on 3 May 2010."),
        ("It opened in [[Leeds, England|Leeds]]'s cinema.", "It opened in Leeds's cinema."),
        ("See [http://example.org the site] and [http://example.org/x].", "See the site and ."),
        ("''Film'' is '''bold''', '''''both''''' and l''''arc'''.", "Film is bold, both and l'arc."),
        ("It opened<!-- per the poster, 1999 --> on 3 May 2010.", "It opened on 3 May 2010."),
        ("[[File:P.jpg|thumb|Poster by [[Ann Lee]], 1999]]It opened.", "It opened."),
        ("It opened on {{nowrap|3 May 2010}} in {{lang|fr|Paris}}.", "It opened on 3 May 2010 in Paris."),
        ("It opened.{{efn|A note from 1999.}} It closed.", "It opened. It closed."),
        ('It opened.<ref group="note">A note of 1999.</ref> It closed.', "It opened. It closed."),
        ("Text<math>x = 1999</math> more. __NOTOC__ <br/> done.", "Text more. done."),
        ("{| class=wikitable\n| 1999 || 2000\n|}\nIt opened in 2010.", "It opened in 2010."),
        ("[[Category:1999 films]]\n[[fr:Film]]\nIt opened.", "It opened."),
        # Unclosed constructs: only the opening characters are markup, nothing is lost.
        ("Text {{open and [[open and '' and <ref>open.", "Text open and open and and open."),
    ],
)
def test_wikitext_markup_is_masked_and_the_prose_kept(wikitext, prose):
    doc = ingest(wikitext, "a.wiki")
    assert rendered(doc) == prose
    assert len(doc.analysis_text) == len(wikitext)


def test_headings_and_list_items_end_sentences():
    doc = ingest("== Plot ==\nA man walks\n* First item\n* Second item\n\nEnd.", "a.wiki")
    assert sentences(doc) == ["A man walks", "First item", "Second item", "End."]


def test_a_claim_across_link_brackets_is_dropped_but_one_across_a_space_entity_is_kept():
    doc = ingest("It opened on [[3 May]] [[2010]]. It cost $5&nbsp;million on 4{{nbsp}}June 2011.", "a.wiki")
    texts = [c.text for c in extract_document(doc)]
    assert not any("[" in t or "]" in t for t in texts)
    assert "$5&nbsp;million" in texts and "4{{nbsp}}June 2011" in texts


def test_refs_inside_an_infobox_are_references_and_markers_of_their_field():
    text = (
        "{{Infobox film\n| released = 2010<ref name=\"r\">Lee, Ann (3 May 2010). \"Out now\". Echo.</ref>\n}}\n"
        "It opened in 2010.<ref name=\"r\" />"
    )
    doc = ingest(text, "a.wiki")
    assert [(m.label, m.reference) for m in doc.markers] == [("r", 1), ("r", 1)]
    assert doc.markers[0].span.start == text.index('<ref name="r">')
    assert doc.markers[1].span.start == text.index('<ref name="r" />')
    (field,) = [s for s in doc.sentences if s.section == "infobox"]
    assert field.span.start <= doc.markers[0].span.start < field.span.end
    assert [text[s.start : s.end] for s in doc.reference_spans] == ['Lee, Ann (3 May 2010). "Out now". Echo.']
    assert sentences(doc) == ["It opened in 2010."]


def test_list_defined_and_template_reused_refs_are_numbered_by_first_use():
    text = (
        "It opened.<ref name=\"b\" /> It closed.{{r|a}} Again.<ref name=\"b\" />\n"
        "== References ==\n{{reflist|refs=\n<ref name=\"a\">Ann (2010). \"A\". W.</ref>\n"
        "<ref name=\"b\">Bo (2011). \"B\". W.</ref>\n<ref name=\"c\">Unused (2012). \"C\". W.</ref>\n}}"
    )
    doc = ingest(text, "a.wiki")
    assert [(m.label, m.reference) for m in doc.markers] == [("b", 1), ("a", 2), ("b", 1)]
    assert [text[s.start : s.end][:3] for s in doc.reference_spans] == ["Bo ", "Ann", "Unu"]


def test_an_undefined_or_commented_ref_has_no_reference():
    doc = ingest('It opened.<ref name="x"/> It closed. <!-- <ref>hidden</ref> -->', "a.wiki")
    assert [(m.label, m.reference) for m in doc.markers] == [("x", None)]
    assert doc.reference_spans == []


def test_short_citation_templates_give_authors_and_year():
    doc = ingest("It opened.<ref>{{harvnb|Lee|Moss|2010|p=5}}</ref>", "a.wiki")
    (c,) = cite_document(doc, []).citations
    assert [a.surname for a in c.authors] == ["Lee", "Moss"]
    assert c.date.value.iso == "2010" and c.page.text == "5"


# ------------------------------------------------------------------ Markdown


@pytest.fixture(scope="module")
def md_doc():
    return ingest(_read(MARKDOWN), str(MARKDOWN))


def test_markdown_article_has_the_sentences_and_claims_of_its_plain_rendering(md_doc):
    plain = ingest(_read(MARKDOWN.with_suffix(".txt")))
    assert md_doc.format == "markdown"
    assert sentences(md_doc) == [plain.sentence_text(s.index) for s in plain.sentences]
    assert claim_keys(md_doc) == claim_keys(plain)


def test_footnote_markers_are_numbered_by_first_use_not_by_label(md_doc):
    text = md_doc.text
    assert [(m.label, m.reference) for m in md_doc.markers] == [
        ("bbc", 1), ("sheff", 2), ("bbc", 1), ("2", 3), ("sheff", 2), ("3", 4),
    ]
    assert all(text[m.span.start : m.span.end] == f"[^{m.label}]" for m in md_doc.markers)


def test_footnote_definitions_are_the_back_matter_and_the_citations(md_doc):
    text = md_doc.text
    assert md_doc.back_matter.start == text.index("## Notes")
    claims = extract_document(md_doc)
    result = cite_document(md_doc, claims)
    c1, c2, c3, c4 = result.citations
    assert (c1.authors[0].surname, c1.title.text, c1.work.text) == ("Pryce", "Gower documentary opens in cinemas", "BBC News")
    assert c2.date.value.iso == "2016-06-14" and c2.work.text == "Variety"
    assert c3.work.text == "Screen Daily"  # the link text, not its address
    assert c4.date.value.iso == "2017-02-01"
    link = {lk.claim: lk for lk in result.links}
    gross = next(c for c in claims if c.text == "£210,000")
    assert (link[gross.id].citation, link[gross.id].method) == ("c3", "marker")


@pytest.mark.parametrize(
    ("markdown", "prose"),
    [
        ("It opened in **Leeds** on *3 May 2010* and _sold out_.", "It opened in Leeds on 3 May 2010 and sold out."),
        ("The file_name_here and 5 * 3 = 15 stay.", "The file_name_here and 5 * 3 = 15 stay."),
        ('See [the site](https://e.org/a_(b) "T"), [ref link][1] and ![poster](p.png).', "See the site, ref link and ."),
        ("Use `code 1999` and <https://e.org> and https://e.org/x here.", "Use and and here."),
        ("Escaped \\*stars\\* stay.", "Escaped *stars* stay."),
        ("~~Struck~~ text <!-- hidden 1999 --> here.", "Struck text here."),
        ("```\ncode 1999\n```\nAfter 2010.", "After 2010."),
        ("| a | b |\n|---|---|\n| 1999 | 2000 |\n\nAfter 2010.", "After 2010."),
        ("---\ntitle: X 1999\n---\nBody.", "Body."),
        ("[home]: https://e.org\nBody.", "Body."),
    ],
)
def test_markdown_markup_is_masked_and_the_prose_kept(markdown, prose):
    doc = ingest(markdown, "a.md")
    assert rendered(doc) == prose


def test_markdown_headings_lists_and_quotes_end_sentences():
    doc = ingest("# Title\nFirst para\n\n1. One item\n2. Two item\n\n> Quoted.\n\nSetext\n======\nBody.", "a.md")
    assert sentences(doc) == ["First para", "One item", "Two item", "Quoted.", "Body."]


def test_a_footnote_definition_runs_over_its_indented_lines():
    text = "Text.[^a] More.[^b]\n\n[^a]: First note\n    goes on.\n\n    Second paragraph.\n[^b]: Second.\n"
    doc = ingest(text, "a.md")
    assert [text[s.start : s.end] for s in doc.reference_spans] == [
        "First note\n    goes on.\n\n    Second paragraph.", "Second.",
    ]
    assert sentences(doc) == ["Text.", "More."]


def test_a_footnote_defined_mid_article_is_not_prose():
    doc = ingest("Text.[^a]\n\n[^a]: A note of 1999.\n\nAfter the note, prose from 2010.", "a.md")
    assert sentences(doc) == ["Text.", "After the note, prose from 2010."]
    assert [c.text for c in extract_document(doc)] == ["2010"]


# ------------------------------------------------------------------ cost


# Linear time on pathological markup is counted, not timed: tests/robustness/pathological.py.
