"""The mwparserfromhell reader: template values, infobox fields, references, and the infobox rule end to end."""

from __future__ import annotations

from pathlib import Path

from nlmg_facts.cite import cite_document
from nlmg_facts.config import Config
from nlmg_facts.extract import extract_document
from nlmg_facts.ingest import Source, ingest
from nlmg_facts.ingest.wikitext import neutralise_unclosed
from nlmg_facts.pipeline import check_source, cite
from nlmg_facts.rules.context import RuleContext
from nlmg_facts.rules.infobox import infobox_prose_conflict


def claims_of(text: str):
    doc = ingest(text, "a.wiki")
    return doc, extract_document(doc)


def infobox_claims(doc, claims):
    return [c for c in claims if doc.sentences[c.sentence].section == "infobox"]


def i001(text: str):
    doc, claims = claims_of(text)
    citations, links = cite(doc, claims)
    return doc, list(infobox_prose_conflict(RuleContext(doc=doc, claims=claims, citations=citations, links=links)))


# ------------------------------------------------------------------ value templates in the prose


def test_date_templates_become_date_claims_typed_from_their_parameters():
    doc, claims = claims_of(
        "Ann Lee (born {{birth date and age|1934|4|4|df=y}}) is a writer. "
        "Bo Lee ({{birth date|1901|2|3}} – {{death date and age|1980|5|6|1901|2|3}}) was a painter.\n"
    )
    dates = [(c.text, c.value.iso, c.attribute.event) for c in claims if c.kind == "date"]
    assert ("{{birth date and age|1934|4|4|df=y}}", "1934-04-04", "birth") in dates
    assert ("{{birth date|1901|2|3}}", "1901-02-03", "birth") in dates
    # death date and age: the death date, and the birth date it repeats (its own parameters' span)
    assert ("{{death date and age|1980|5|6|1901|2|3}}", "1980-05-06", "death") in dates
    assert ("1901|2|3", "1901-02-03", "birth") in dates
    for c in claims:
        assert doc.text[c.span.start : c.span.end] == c.text


def test_convert_currency_circa_and_dts_templates():
    _, claims = claims_of(
        "The lake covers {{convert|12.5|km2|sqmi}}. It cost {{US$|15 million}} to build. "
        "The mill was built {{circa|1900}}. It reopened on {{dts|15 September 2010}}.\n"
    )
    by_text = {c.text: c for c in claims}
    assert by_text["{{convert|12.5|km2|sqmi}}"].value.stated == 12.5
    assert by_text["{{convert|12.5|km2|sqmi}}"].value.noun == "km2"
    money = by_text["{{US$|15 million}}"].value
    assert (money.currency, money.stated) == ("USD", 15_000_000)
    circa = by_text["{{circa|1900}}"].value
    assert (circa.start.year, circa.end.year) == (1895, 1905)
    assert by_text["{{dts|15 September 2010}}"].value.iso == "2010-09-15"


def test_nowrap_keeps_its_text_and_templates_without_values_make_no_claims():
    _, claims = claims_of("It opened on {{nowrap|3 May 2010}}. {{citation needed|date=May 2011}} It closed.\n")
    assert [c.text for c in claims] == ["3 May 2010"]


def test_use_dmy_and_mdy_dates_set_the_date_style():
    assert ingest("{{Use dmy dates|date=June 2013}}\nIt opened.", "a.wiki").date_style == "dmy"
    assert ingest("{{use mdy dates}}\nIt opened.", "a.wiki").date_style == "mdy"
    assert ingest("It opened.", "a.wiki").date_style is None


# ------------------------------------------------------------------ references


def test_sfn_templates_are_markers_and_identical_ones_one_reference():
    text = "It opened.{{sfn|Lee|2010|p=5}} It closed.{{sfn|Moss|2011}} It reopened.{{sfn|Lee|2010|p=5}}\n"
    doc = ingest(text, "a.wiki")
    assert [m.reference for m in doc.markers] == [1, 2, 1]
    assert [text[s.start : s.end] for s in doc.reference_spans] == ["{{sfn|Lee|2010|p=5}}", "{{sfn|Moss|2011}}"]
    citations = cite_document(doc, []).citations
    assert [a.surname for a in citations[0].authors] == ["Lee"]


def test_a_free_text_ref_inside_an_infobox_keeps_its_citation_text():
    text = '{{Infobox film\n| released = 2010<ref>Lee, Ann (3 May 2010). "Out now". Echo.</ref>\n}}\nIt opened in 2010.'
    doc = ingest(text, "a.wiki")
    (c,) = cite_document(doc, []).citations
    assert c.title is not None and c.title.text == "Out now"


def test_unclosed_openers_are_made_inert_with_the_same_length():
    text = "a [[b {{c [http://x.org d <ref>e"
    out = neutralise_unclosed(text)
    assert len(out) == len(text) and "[[" not in out and "{{" not in out and "<ref" not in out
    assert neutralise_unclosed("a [[b]] {{c}} [http://x y] <ref>z</ref>") == "a [[b]] {{c}} [http://x y] <ref>z</ref>"


def test_a_table_is_never_prose_and_its_refs_are_references_but_not_markers():
    text = (
        "It opened in 2010.\n{| class=wikitable\n| 1999 || 2000<ref>Lee (2001). \"T\". W.</ref>\n|}\n"
        "It closed in 2012.<ref>Moss (2013). \"U\". W.</ref>\n"
    )
    doc, claims = claims_of(text)
    assert [c.text for c in claims] == ["2010", "2012"]
    assert len(doc.reference_spans) == 2 and len(doc.markers) == 1


# ------------------------------------------------------------------ infobox fields


PERSON = """{{Infobox person
| name         = Ann Lee
| birth_date   = {{birth date|1931|4|4}}
| death_date   = {{death date and age|2001|6|7|1931|4|4}}
| years_active = 1950–1990
| favourite_colour = 1999
}}
Ann Lee was born on 4 April 1931 in Leeds. She died on 7 June 2001.
"""


def test_person_infobox_fields_are_claims_with_the_prose_attribute_keys():
    doc, claims = claims_of(PERSON)
    box = {(c.attribute.key, c.value.iso) for c in infobox_claims(doc, claims)}
    assert ("this-work:birth", "1931-04-04") in box and ("this-work:death", "2001-06-07") in box
    assert any(k == "this-work:career" for k, _ in box)
    # an unknown parameter is ignored, never guessed; the birth date inside the death template is not a death
    assert not any("1999" in iso for _, iso in box)
    assert [iso for k, iso in box if k == "this-work:death"] == ["2001-06-07"]
    fields = [s for s in doc.sentences if s.section == "infobox"]
    assert [doc.text[s.span.start : s.span.end].split("=")[0].strip("| ") for s in fields] == [
        "birth_date", "death_date", "years_active",
    ]


def test_organisation_place_club_and_event_fields_with_their_years():
    text = """{{Infobox company
| name = Brightwell Foods
| founded = {{start date|1895|4|11}}
| revenue = {{US$|1.2 billion}} (2020)
| num_employees = 1,200 (2019)
| colour = blue
}}
{{Infobox settlement
| name = Varde
| established_date = 1442
| population_total = 65,000
| population_as_of = 2011
| area_total_km2 = 37.1
}}
{{Infobox football club
| clubname = Rockmount
| founded = 1925
| capacity = 4,500
}}
{{Infobox film festival
| name = Brest Festival
| dates = 10–15 November 2015
}}
Brightwell Foods was founded in 1895.
"""
    doc, claims = claims_of(text)
    got = {(c.attribute.key, c.kind) for c in infobox_claims(doc, claims)}
    assert {
        ("this-work:founding", "date"), ("this-work:revenue[year=2020]", "money"),
        ("this-work:employees[year=2019]", "count"), ("this-work:population[year=2011]", "count"),
        ("this-work:area", "count"), ("this-work:capacity", "count"), ("this-work:run", "date"),
    } <= got
    revenue = next(c for c in claims if c.attribute.event == "revenue")
    assert (revenue.value.currency, revenue.value.stated) == ("USD", 1.2e9)
    employees = next(c for c in claims if c.attribute.event == "employees")
    assert employees.value.stated == 1200 and employees.text == "1,200"


def test_an_infobox_value_links_to_its_own_ref():
    text = (
        '{{Infobox film\n| budget = $4 million<ref name="b">Lee, Ann (3 May 2010). "Costs". Echo.</ref>\n}}\n'
        "The film opened in 2010.<ref>Moss, Bo (4 May 2010). \"Open\". Post.</ref>\n"
    )
    doc, claims = claims_of(text)
    citations, links = cite(doc, claims)
    (budget,) = infobox_claims(doc, claims)
    link = next(link for link in links if link.claim == budget.id)
    cited = next(c for c in citations if c.id == link.citation)
    assert cited.title.text == "Costs"


# ------------------------------------------------------------------ NLMG-I001


def test_infobox_and_prose_agree_at_their_precision():
    _, hits = i001(PERSON.replace("born on 4 April 1931", "born in 1931"))
    assert hits == []
    budget = "{{Infobox film\n| name = Tide\n| budget = $65,000\n}}\nTide was made on a budget of more than $60,000.\n"
    assert i001(budget)[1] == []


def test_a_change_on_either_side_is_caught_with_both_values_quoted():
    for text, shown in [
        (PERSON.replace("{{birth date|1931|4|4}}", "{{birth date|1932|4|4}}"), "1932-04-04"),
        (PERSON.replace("born on 4 April 1931", "born on 4 April 1933"), "4 April 1933"),
    ]:
        doc, hits = i001(text)
        (hit,) = hits
        assert shown in hit.message and "in the infobox" in hit.message
        infobox, prose = hit.evidence
        assert infobox.role == "infobox value" and prose.role == "prose claim"
        assert text[infobox.span.start : infobox.span.end].startswith("{{birth date|")
        assert "April" in text[prose.span.start : prose.span.end]
        report = check_source(Source(name="a.wiki", text=text), Config(root=Path.cwd()), "a.wiki")
        (located,) = [f for f in report.findings if f.code == "NLMG-I001"]
        assert [ev.line for ev in located.evidence] == [3, 8]  # the infobox line, the prose line of the .wiki
        assert located.evidence[0].context.startswith("| birth_date")
        assert located.evidence[1].context.startswith("Ann Lee was born")


def test_prose_giving_the_key_several_values_outside_the_lead_is_left_alone():
    text = (
        "{{Infobox company\n| name = Brightwell\n| founded = 1895\n}}\nBrightwell makes soup.\n\n"
        "== History ==\nThe mill was founded in 1904. The bakery was founded in 1911.\n"
    )
    assert i001(text)[1] == []


def test_a_value_marked_as_the_first_restates_the_infobox_outside_the_lead():
    text = (
        "{{Infobox company\n| name = Brightwell\n| founded = 1920\n}}\nBrightwell makes soup.\n\n"
        "== History ==\nBrightwell was originally founded in 1918. The bakery was founded in 1911.\n"
    )
    (hit,) = i001(text)[1]
    assert "given as 1920 in the infobox and as 1918" in hit.message
