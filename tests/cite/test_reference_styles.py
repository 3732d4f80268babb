"""Entry boundaries for the citation styles real reference lists use (issue 18).

Every list is written by hand for these tests. Each is read run on (as
flattened articles print it), one entry a line, with copied back-link markers
("^ a b"), with bullets and numbers, and with a heading: the entries must come
out the same, each exactly one entry, none split or merged.
"""

from __future__ import annotations

import pytest

from nlmg_facts.cite.references import parse_references

# (entry, kind, fields it must have as text); one row per style of issue 18.
STYLES = [
    ('Carter, Helen (3 May 2004). "Bridge listed after long campaign". The Tam Valley Courier. '
     "Retrieved 9 June 2010.", "citation", {"date": "3 May 2004", "access_date": "9 June 2010"}),
    ("Morton, James (1998). A History of the Tam Crossings. Leeds: Riverside Press. pp. 45–52. "
     "ISBN 978-0-12-345678-9.", "citation", {"title": "A History of the Tam Crossings", "page": "pp. 45–52",
                                            "location": "Leeds", "publisher": "Riverside Press"}),
    ("Morton 1998, p. 61.", "citation", {"authors": ["Morton"], "date": "1998", "page": "p. 61"}),
    ("Wells, p. 9.", "citation", {"authors": ["Wells"], "page": "p. 9"}),
    ("Shaw, pg. 40.", "citation", {"authors": ["Shaw"], "page": "pg. 40"}),
    ('"Harrow Bridge". Historic England. Retrieved 2 February 2011.', "citation",
     {"title": "Harrow Bridge", "work": "Historic England"}),
    ("Ibid.", "citation", {}),
    ("Known as the New Bridge prior to 1950.", "note", {}),
    ('"Bridge closed for repairs". The Tam Valley Courier. Associated Press. 4 May 2010. Retrieved 5 May 2010. '
     "Archived from the original on 6 May 2010.", "citation",
     {"publisher": "Associated Press", "archive": "Archived from the original on 6 May 2010"}),
    ("Wells, H. G. (1901). The Roads of England. Vol. 2 (3rd ed.). London: Macmillan. pp. 7–12.", "citation",
     {"date": "1901", "publisher": "Macmillan"}),
    ('"Tam crossings survey" (PDF). Tam Council. 2009. Archived from the original (PDF) on 3 March 2012. '
     "Retrieved 1 March 2012.", "citation", {"title": "Tam crossings survey", "tags": ["PDF"]}),
    ("Morton 1998, pp. 70–71.", "citation", {"page": "pp. 70–71"}),
    ("The deck was replaced in 1979, and the bridge was closed for six months while it was done.", "note", {}),
    ('"Flood closes crossing". Reuters. 12 January 2011.', "citation", {"work": "Reuters", "date": "12 January 2011"}),
    ("Shaw, Eleanor (2010). Stone and Steel: River Crossings of Britain (2nd ed.). Oxford University Press. "
     "p. 140. ISBN 0-19-123456-7.", "citation", {"date": "2010", "page": "p. 140"}),
    ("Smith & Jones 2004, p. 12.", "citation", {"authors": ["Smith", "Jones"], "date": "2004"}),
    ('"Tam Bridge Trust: about us". Tam Bridge Trust. Retrieved 2 April 2013. Archived from the original on '
     "4 April 2013.", "citation", {"access_date": "2 April 2013"}),
]
ENTRIES = [row[0] for row in STYLES]


def layouts(entries: list[str]) -> dict[str, str]:
    return {
        "run on": " ".join(entries),
        "one a line": "\n".join(entries),
        "crlf": "\r\n".join(entries),
        "back-links": " ".join(f"^ {e}" if i % 2 else f"^ a b {e}" for i, e in enumerate(entries)),
        "back-link lines": "\n".join(f"^ {e}" for e in entries),
        "bullets": "\n".join(f"* {e}" for e in entries),
        "numbered": "\n".join(f"{i}. {e}" for i, e in enumerate(entries, 1)),
        "heading line": "References\n" + "\n".join(entries),
        "heading run on": "References " + " ".join(entries),
    }


def entries_of(back: str):
    return [c for c in parse_references(back, 0, len(back)) if c.kind in ("citation", "note")]


@pytest.mark.parametrize("layout", list(layouts(ENTRIES)))
def test_every_style_is_found_as_exactly_one_entry(layout):
    back = layouts(ENTRIES)[layout]
    assert [c.text for c in entries_of(back)] == ENTRIES


@pytest.mark.parametrize(("entry", "kind", "expected"), STYLES, ids=[r[0][:30] for r in STYLES])
def test_each_style_has_its_kind_and_fields(entry, kind, expected):
    (c,) = entries_of(entry)
    assert c.kind == kind
    for name, value in expected.items():
        got = getattr(c, name)
        if isinstance(value, list):
            assert [x.text for x in got] == value
        else:
            assert got is not None and got.text == value, (name, got)


def test_headings_and_back_links_leave_no_trace_in_the_entries():
    back = layouts(ENTRIES)["heading run on"]
    first = entries_of(back)[0]
    assert [a.text for a in first.authors] == ["Carter, Helen"]
    for c in entries_of(layouts(ENTRIES)["back-links"]):
        assert "^" not in c.text and c.text.strip()


def test_copied_back_links_make_no_empty_citations():
    back = "\n".join(f"^ {e}" for e in ENTRIES)
    cites = entries_of(back)
    assert all(c.fields or c.kind == "note" or c.text == "Ibid." for c in cites)
    assert not any(c.text.strip("^ ") == "" for c in parse_references(back, 0, len(back)))


def test_short_citations_point_at_the_full_entry_of_their_work():
    by_text = {c.text: c for c in entries_of(" ".join(ENTRIES))}
    ids = {c.id: c.text for c in by_text.values()}
    assert ids[by_text["Morton 1998, p. 61."].full_citation].startswith("Morton, James (1998)")
    assert ids[by_text["Morton 1998, pp. 70–71."].full_citation].startswith("Morton, James (1998)")
    assert ids[by_text["Wells, p. 9."].full_citation].startswith("Wells, H. G. (1901)")
    assert ids[by_text["Shaw, pg. 40."].full_citation].startswith("Shaw, Eleanor (2010)")
    # Ibid. repeats the work of the entry before it.
    assert ids[by_text["Ibid."].full_citation] == '"Harrow Bridge". Historic England. Retrieved 2 February 2011.'
    assert all(c.short for c in by_text.values() if c.full_citation)


def test_a_short_citation_with_two_possible_works_stays_unlinked():
    back = ('Wells, Ann (2001). "Bridges". Courier. Wells, Bob (2003). "Roads". Courier. Wells, p. 9.')
    short = entries_of(back)[-1]
    assert short.short and short.full_citation is None


def test_a_short_citation_with_a_year_chooses_the_work_of_that_year():
    back = ('Wells, Ann (2001). "Bridges". Courier. Wells, Ann (2003). "Roads". Courier. Wells 2003, p. 9.')
    cites = entries_of(back)
    assert cites[-1].full_citation == cites[1].id


def test_a_repeated_entry_points_at_its_first_occurrence():
    entry = '"Harrow Bridge". Historic England. Retrieved 2 February 2011.'
    cites = entries_of(" ".join([entry, "Wells, p. 9.", entry]))
    assert cites[2].full_citation == cites[0].id and not cites[2].short
    assert cites[0].full_citation is None


def test_a_publisher_and_year_after_a_title_is_not_a_short_citation():
    (c,) = entries_of("Bridges of the North. Riverside Press, 2001.")
    assert not c.short and c.title is not None


@pytest.mark.parametrize(
    ("why", "back", "kinds"),
    [
        ("external links only", "Official website Harrow Bridge at Structurae",
         ["external_link"]),
        ("a heading says what follows", "External links\nTam Bridge Trust\nTam Council: bridges",
         ["external_link", "external_link"]),
        ("see also under its heading", "See also\nList of bridges over the Tam\nRiver crossings of Britain",
         ["see_also", "see_also"]),
        ("duplicates stay separate entries", "Wells, p. 9.\nWells, p. 9.", ["citation", "citation"]),
        ("numbered notes", "1. Known as the New Bridge prior to 1950.\n2. Wells, p. 9.", ["note", "citation"]),
    ],
)
def test_odd_lists_give_entries_with_a_kind(why, back, kinds):
    assert [c.kind for c in parse_references(back, 0, len(back))] == kinds


@pytest.mark.parametrize("layout", list(layouts(ENTRIES)))
def test_no_entry_cuts_a_word_in_two(layout):
    back = layouts(ENTRIES)[layout]
    for c in parse_references(back, 0, len(back)):
        s, e = c.span.start, c.span.end
        assert s == 0 or not (back[s - 1].isalnum() and back[s].isalnum()), c.text
        assert e == len(back) or not (back[e - 1].isalnum() and back[e].isalnum()), c.text


# ------------------------------------------------------------------ whole articles (issue 20 papercuts)

ARTICLE_BODY = (
    "The Harrow Bridge is a road bridge over the river Tam. It opened in 1932 and was widened in 1978 "
    "after traffic doubled. The council listed it in 2004."
)


def _citations_of(text: str):
    from nlmg_facts.cite.sources import document_references
    from nlmg_facts.ingest import ingest

    return [c for c in document_references(ingest(text, "a.txt")) if c.kind in ("citation", "note")]


@pytest.mark.parametrize("sep", [" ", "\n", "\n\n"])
def test_a_references_heading_is_not_glued_onto_the_first_authors(sep):
    text = ARTICLE_BODY + sep + "References" + sep + " ".join(ENTRIES[:2])
    first = _citations_of(text)[0]
    assert [a.text for a in first.authors] == ["Carter, Helen"]
    assert first.text == ENTRIES[0]


def test_a_list_copied_with_back_links_gives_no_empty_citations_and_no_missing_title_warnings(tmp_path):
    from nlmg_facts import pipeline
    from nlmg_facts.config import Config
    from nlmg_facts.ingest import Source

    back = "\n".join(f"^ {e}" if i % 2 else f"^ a b {e}" for i, e in enumerate(ENTRIES))
    text = ARTICLE_BODY + "\nReferences\n" + back + "\n"
    assert [c.text for c in _citations_of(text)] == ENTRIES
    report = pipeline.check_source(Source(name="a.txt", text=text), Config(root=tmp_path))
    assert not [f for f in report.findings if f.code == "NLMG-C007"]


def test_any_order_of_the_styles_run_on_is_still_one_entry_each():
    import random

    rng = random.Random(18)
    for _ in range(300):
        seq = [rng.choice(ENTRIES) for _ in range(rng.randint(2, 6))]
        assert [c.text for c in entries_of(" ".join(seq))] == seq


def test_a_hard_wrapped_list_joins_its_wrapped_lines_back():
    import textwrap

    entries = [e for e in ENTRIES if len(e) > 90] + ["Wells, p. 9."]
    back = "\n".join(textwrap.fill(e, width=72) for e in entries)
    assert back.count("\n") > len(entries)
    assert [" ".join(c.text.split()) for c in entries_of(back)] == entries


def test_a_line_per_entry_keeps_lines_that_start_in_lower_case_apart():
    lines = ["Schlitter, D. A. (2005)", "van Aarde, Rudi J. (1984)", "easyscienceforkids.com (2013)",
             "Rahm, Urs (1990); pp. 453-454"]
    assert [c.text for c in entries_of("\n".join(lines))] == lines
