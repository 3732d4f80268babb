"""The HTML review page: structure, escaping, every claim and finding present, self-contained.

The page is parsed with the standard library's HTML parser into a small tree, so
the assertions are about elements and text, not about substrings of markup.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest

from nlmg_facts.models import Span
from nlmg_facts.models.citations import Author, Citation, CitedDate, CitedText
from nlmg_facts.models.findings import StaleReview, Suppression
from nlmg_facts.report.formats import FORMATS
from nlmg_facts.report.html import (
    HtmlDocument,
    _script_json,
    citation_display,
    render,
    render_html,
)

ROOT = Path(__file__).resolve().parents[2]

# Written for these tests: every payload an article could carry into the page.
XSS_ARTICLE = (
    "The Harbour Light is a 2011 stage play about a lighthouse keeper. It opened on 3 March 2011 "
    "in Bristol <script>alert(1)</script> and closed on 9 April 2011. A reviewer wrote that the "
    "ending \"><img src=x onerror=alert(2)> was abrupt. The play opened on 10 March 2011 in "
    "Bristol, after previews. It sold 12,000 tickets in its first month & earned £80,000 "
    "</script><script>alert(3)</script>. "
    "Hale, Rosa (4 March 2011). \"A Quiet Harbour </script><script>alert(4)</script>\". "
    "The Coastal Review. Retrieved 5 March 2011. "
    "Amesbury, Tom (12 March 2011). \"Lights On <img src=x onerror=alert(5)>\". Stage Weekly. "
    "Retrieved 14 March 2011.\n"
)
PAYLOADS = [
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(2)>',
    "</script><script>alert(3)</script>",
    "<img src=x onerror=alert(5)>",
]


# ------------------------------------------------------------------ a small DOM

VOID = {"meta", "input", "br", "img", "link", "hr", "area", "base", "col", "embed", "source",
        "track", "wbr"}


class Node:
    def __init__(self, tag: str, attrs: dict[str, str | None], parent: "Node | None") -> None:
        self.tag, self.attrs, self.parent = tag, attrs, parent
        self.children: list[Node | str] = []

    @property
    def classes(self) -> list[str]:
        return (self.attrs.get("class") or "").split()

    def text(self) -> str:
        return "".join(c if isinstance(c, str) else c.text() for c in self.children)

    def walk(self):
        for c in self.children:
            if isinstance(c, Node):
                yield c
                yield from c.walk()

    def all(self, tag: str | None = None, cls: str | None = None, **attrs: str) -> list["Node"]:
        return [
            n for n in self.walk()
            if (tag is None or n.tag == tag)
            and (cls is None or cls in n.classes)
            and all(n.attrs.get(k.replace("_", "-")) == v for k, v in attrs.items())
        ]

    def one(self, *args, **kwargs) -> "Node":
        found = self.all(*args, **kwargs)
        assert len(found) == 1, (args, kwargs, len(found))
        return found[0]


class _Parser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Node("#document", {}, None)
        self.stack = [self.root]

    def handle_starttag(self, tag, attrs):
        node = Node(tag, dict(attrs), self.stack[-1])
        self.stack[-1].children.append(node)
        if tag not in VOID:
            self.stack.append(node)

    def handle_startendtag(self, tag, attrs):
        self.stack[-1].children.append(Node(tag, dict(attrs), self.stack[-1]))

    def handle_endtag(self, tag):
        for i in range(len(self.stack) - 1, 0, -1):
            if self.stack[i].tag == tag:
                del self.stack[i:]
                return

    def handle_data(self, data):
        self.stack[-1].children.append(data)


def parse(page: str) -> Node:
    p = _Parser()
    p.feed(page)
    p.close()
    return p.root


def article_text(section: Node) -> str:
    """The document text as the page holds it: body and back matter, no notes."""
    art = section.one("article", cls="text")
    body = art.one("div", cls="body").text()
    refs = art.all("div", cls="refs")
    return body + (refs[0].text() if refs else "")


# ------------------------------------------------------------------ fixtures


@pytest.fixture
def kept(fake_rules, project):
    """A check run over the test article and a missing file, analyses kept."""
    from nlmg_facts.config import load_config
    from nlmg_facts.pipeline import run_check

    return run_check(["articles", "missing.txt"], load_config(), keep_documents=True)


@pytest.fixture
def page(kept) -> str:
    return render(kept.report, kept.analyses)


@pytest.fixture
def dom(page) -> Node:
    return parse(page)


@pytest.fixture
def real_run(tmp_path, monkeypatch):
    """The real rules over one article written to a fresh project directory."""
    from nlmg_facts.config import load_config
    from nlmg_facts.pipeline import run_check

    (tmp_path / ".git").mkdir()
    monkeypatch.chdir(tmp_path)

    def run(name: str, text: str):
        (tmp_path / name).write_text(text, encoding="utf-8")
        return run_check([name], load_config(use_config=False), keep_documents=True)

    return run


# ------------------------------------------------------------------ structure


def test_the_html_format_is_registered_and_asks_for_the_whole_analyses():
    assert FORMATS["html"].needs_documents
    assert FORMATS["html"].module == "html"


def test_the_article_text_is_on_the_page_exactly_once_and_unchanged(kept, dom):
    a = kept.analyses["articles/lantern.txt"]
    section = dom.one("section", id="doc-0")
    assert article_text(section) == a.doc.text


def test_every_claim_is_underlined_with_its_kind_and_is_one_tab_stop(kept, dom):
    a = kept.analyses["articles/lantern.txt"]
    assert a.claims
    article = dom.one("article", cls="text")
    for claim in a.claims:
        spans = article.all("span", data_claim=claim.id)
        assert spans, claim.id
        assert all({"claim", f"k-{claim.kind}"} <= set(s.classes) for s in spans)
        assert "".join(s.text() for s in spans) == claim.text
        assert [s.attrs.get("tabindex") for s in spans].count("0") == 1


def test_every_claim_has_its_card_data_with_value_attribute_and_citation_link(kept, dom):
    a = kept.analyses["articles/lantern.txt"]
    data = json.loads(dom.one("script", cls="doc-data", data_doc="0").text())
    assert set(data["claims"]) == {c.id for c in a.claims}
    first = data["claims"][a.claims[0].id]
    assert {"kind", "value", "about", "sentence", "cite", "conf", "method", "reason"} <= set(first)
    assert first["reason"]  # a claim without a citation says why


def test_every_finding_is_listed_and_its_evidence_is_marked_in_the_text(kept, dom):
    findings = kept.report.documents[0].findings
    assert len(findings) == 4
    article = dom.one("article", cls="text")
    for fi, f in enumerate(findings):
        li = dom.one("li", cls="finding", id=f"f-0-{fi}")
        assert li.attrs["data-code"] == f.code
        assert li.attrs["data-severity"] == f.severity.value
        assert f.message in li.text()
        for ei, ev in enumerate(f.evidence):
            marked = article.all("span", cls=f"ev-0-{fi}-{ei}")
            assert "".join(m.text() for m in marked) == ev.text
            assert all(f"ev-0-{fi}" in m.classes for m in marked)


def test_a_conflict_lists_both_sentences_with_the_quoted_spans_marked(kept, dom):
    findings = kept.report.documents[0].findings
    fi = next(i for i, f in enumerate(findings) if len(f.evidence) == 2)
    li = dom.one("li", id=f"f-0-{fi}")
    rows = li.all("button", cls="ev-go")
    assert [r.one("span", cls="role").text() for r in rows] == ["claim", "conflicting claim"]
    assert [r.one("mark").text() for r in rows] == ["4 May 2009", "9 June 2009"]
    assert "to the rest of Europe" in rows[1].text()  # the conflicting sentence itself


def test_findings_are_listed_in_text_order(kept, dom):
    starts = [f.start for f in kept.report.documents[0].findings]
    listed = [int(li.attrs["data-f"]) for li in dom.all("li", cls="finding")]
    assert [starts[i] for i in listed] == sorted(starts)


def test_the_document_header_counts_its_findings_claims_and_citations(kept, dom):
    head = dom.one("section", id="doc-0").one("p", cls="doc-counts").text()
    assert "4 findings" in head and "2 errors" in head and "1 warning" in head
    assert f"{len(kept.analyses['articles/lantern.txt'].claims)} claims" in head


def test_the_rule_filter_offers_each_rule_once_with_its_count(dom):
    options = dom.one("select", id="f-rule").all("option")
    assert [o.attrs["value"] for o in options] == [
        "", "NLMG-Z901", "NLMG-Z902", "NLMG-Z903", "NLMG-Z905"
    ]
    assert options[1].text() == "NLMG-Z901 fake-conflict-word (1)"
    assert {i.attrs["data-sev"] for i in dom.all("input") if "data-sev" in i.attrs} == {
        "error", "warning", "info"
    }


def test_an_unreadable_document_gets_a_section_with_its_error(dom):
    section = dom.one("section", id="doc-1")
    assert "missing.txt" in section.one("h2").text()
    assert section.all(cls="doc-error")
    assert not section.all("article")


# ------------------------------------------------------------------ severities and reviews


def _with(kept, **changes):
    """The run's report with the first document changed (findings, stale reviews)."""
    doc = kept.report.documents[0].model_copy(update=changes)
    return kept.report.model_copy(update={"documents": [doc, *kept.report.documents[1:]]})


def test_a_marked_span_takes_the_strongest_unreviewed_severity(kept, dom):
    findings = kept.report.documents[0].findings
    article = dom.one("article", cls="text")
    for fi, f in enumerate(findings):
        for span in article.all("span", cls=f"ev-0-{fi}"):
            assert f"sev-{f.severity.value}" in span.classes


def test_a_reviewed_finding_is_greyed_and_shows_the_decision_and_reason(kept):
    findings = list(kept.report.documents[0].findings)
    fi = next(i for i, f in enumerate(findings) if f.code == "NLMG-Z901")
    findings[fi] = findings[fi].model_copy(update={"suppression": Suppression(
        status="dismissed", reason="the word is <b>fine</b> here", reviewer="ana", date="2024-05-01"
    )})
    dom = parse(render(_with(kept, findings=findings), kept.analyses))
    li = dom.one("li", id=f"f-0-{fi}")
    assert "reviewed" in li.classes and li.attrs["data-reviewed"] == "yes"
    assert "Dismissed by ana 2024-05-01: the word is <b>fine</b> here" in li.text()
    assert [b.text() for b in li.one("p", cls="f-sup").all("b")] == ["Dismissed"]
    for span in dom.one("article").all("span", cls=f"ev-0-{fi}"):
        assert "reviewed" in span.classes and "sev-error" not in span.classes


def test_stale_reviews_are_counted_and_listed(kept):
    stale = StaleReview(fingerprint="0123456789abcdef", code="NLMG-D001",
                        message="an old <conflict>", decision="accepted")
    report = _with(kept, stale_reviews=[stale])
    from nlmg_facts.pipeline import total

    dom = parse(render(total(report), kept.analyses))
    section = dom.one("section", id="doc-0")
    assert "1 stale review" in section.one("p", cls="doc-counts").text()
    details = section.one("details", cls="stale")
    assert "an old <conflict>" in details.text() and "0123456789abcdef" in details.text()


# ------------------------------------------------------------------ paragraphs


def test_a_flattened_article_gets_a_paragraph_every_five_sentences(real_run):
    sentences = [f"The orchard sold {n} crates of pears in week {n}." for n in range(2, 14)]
    run = real_run("orchard.txt", " ".join(sentences))
    dom = parse(render(run.report, run.analyses))
    paras = dom.one("div", cls="body").all("p", cls="para")
    assert [p.attrs["data-n"] for p in paras] == ["1", "6", "11"]
    assert "adds a break every 5 sentences" in dom.one("p", cls="soft-note").text()


def test_line_breaks_in_the_source_make_the_paragraphs(real_run):
    text = "The mill opened in 1901. It closed in 1950.\n\nA museum took the site in 1962.\n"
    run = real_run("mill.txt", text)
    dom = parse(render(run.report, run.analyses))
    paras = dom.one("div", cls="body").all("p", cls="para")
    assert [p.text() for p in paras] == [
        "The mill opened in 1901. It closed in 1950.", "A museum took the site in 1962."
    ]
    assert article_text(dom.one("section", id="doc-0")) == text
    assert "adds a break" not in dom.one("p", cls="soft-note").text()


# ------------------------------------------------------------------ escaping


def test_article_text_with_markup_renders_as_text_and_injects_no_element(real_run):
    run = real_run("harbour.txt", XSS_ARTICLE)
    page = render(run.report, run.analyses)
    dom = parse(page)
    assert not dom.all("img")
    scripts = dom.all("script")
    assert [s.attrs.get("type") for s in scripts] == ["application/json", None]
    for node in dom.walk():
        assert not any(k.startswith("on") for k in node.attrs), (node.tag, node.attrs)
    section = dom.one("section", id="doc-0")
    text = article_text(section)
    assert text == XSS_ARTICLE
    for payload in PAYLOADS:
        assert payload in text


def test_a_file_name_with_markup_is_escaped_in_text_and_attributes(real_run):
    name = '"><img src=x onerror=alert(1)>.txt'
    run = real_run(name, "The pier opened in 1890.\n")
    dom = parse(render(run.report, run.analyses))
    assert not dom.all("img")
    assert dom.one("section", id="doc-0").one("h2").text() == name
    assert dom.one("aside", cls="panel").attrs["aria-label"] == f"Findings in {name}"


def test_embedded_json_cannot_close_its_script_block():
    value = {"t": "</script><script>alert(1)</script><!-- & \u2028"}
    text = _script_json(value)
    assert "<" not in text and ">" not in text and "&" not in text and "\u2028" not in text
    assert json.loads(text) == value


def test_a_citation_title_with_a_closing_script_tag_stays_inside_the_data(real_run):
    run = real_run("harbour.txt", XSS_ARTICLE)
    dom = parse(render(run.report, run.analyses))
    data = json.loads(dom.one("script", cls="doc-data").text())
    titles = " ".join(c["text"] for c in data["cites"].values())
    assert "</script><script>alert(4)</script>" in titles


# ------------------------------------------------------------------ self-contained


def test_the_page_loads_nothing_from_anywhere(dom, page):
    assert not dom.all("link") and not dom.all("img") and not dom.all("iframe")
    for node in dom.walk():
        assert "src" not in node.attrs, node.tag
        href = node.attrs.get("href")
        assert href is None or href.startswith("#"), href
    assert not re.search(r"https?://|url\(|@import", page)


def test_the_content_security_policy_admits_only_the_page_style_and_script(dom):
    csp = dom.one("meta", http_equiv="Content-Security-Policy").attrs["content"]
    assert "default-src 'none'" in csp and "unsafe-inline" not in csp

    def digest(text: str) -> str:
        return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"

    assert f"style-src {digest(dom.one('style').text())}" in csp
    code = [s for s in dom.all("script") if "type" not in s.attrs]
    assert len(code) == 1 and f"script-src {digest(code[0].text())}" in csp


# ------------------------------------------------------------------ citations


def _cited(text: str, start: int = 0) -> CitedText:
    return CitedText(text=text, span=Span(start=start, end=start + len(text)))


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        (
            dict(authors=[Author(text="Hale, Rosa", span=Span(start=0, end=10), surname="Hale",
                                 given="Rosa", order="surname_first")],
                 date=CitedDate(text="4 March 2011", span=Span(start=12, end=24)),
                 title=_cited("A Quiet Harbour"), work=_cited("The Coastal Review")),
            "Hale, Rosa (4 March 2011). A Quiet Harbour. The Coastal Review.",
        ),
        (
            dict(title=_cited("Lights On"), work=_cited("Stage Weekly.")),
            "Lights On. Stage Weekly.",
        ),
        (
            dict(date=CitedDate(text="2 May 2012", span=Span(start=0, end=10)),
                 work=_cited("Harbour Gazette")),
            "(2 May 2012). Harbour Gazette.",
        ),
        # Nothing parsed: the entry as written, on one line.
        (dict(), "Pier Trust  (website)"),
    ],
)
def test_a_citation_reads_author_date_title_work(fields, expected):
    c = Citation(id="c1", number=1, kind="citation", text="Pier Trust \n (website)",
                 span=Span(start=0, end=21), **fields)
    assert citation_display(c) == " ".join(expected.split())


def test_a_long_unparsed_citation_is_clipped():
    text = "word " * 100
    c = Citation(id="s1", kind="see_also", text=text, span=Span(start=0, end=len(text)))
    shown = citation_display(c)
    assert len(shown) <= 220 and shown.endswith("…")


def test_a_finding_in_the_back_matter_is_placed_by_its_reference_number(real_run):
    from nlmg_facts.models.findings import Evidence, Finding
    from nlmg_facts.report.html import _where

    run = real_run("harbour.txt", XSS_ARTICLE)
    a = run.analyses["harbour.txt"]
    hd = HtmlDocument(report=run.report.documents[0], doc=a.doc, claims=a.claims,
                      citations=sorted(a.citations, key=lambda c: c.span.start), links=a.links)
    second = hd.citations[1]
    finding = Finding(
        code="NLMG-C999", name="made-up", severity="warning", message="m", hint="h",
        fingerprint="f" * 16,
        evidence=[Evidence(span=second.span, role="citation", text=second.text)],
    )
    starts = [c.span.start for c in hd.citations]
    assert _where(finding, hd, starts) == f"reference [{second.number}]"
    body = finding.model_copy(update={"evidence": [
        Evidence(span=Span(start=0, end=3), role="claim", text="The")
    ]})
    assert _where(body, hd, starts) == "sentence 1"


def test_a_hand_built_view_renders_without_an_analysis(kept):
    docs = [HtmlDocument(report=d) for d in kept.report.documents]
    dom = parse(render_html(docs, kept.report))
    assert len(dom.all("section", cls="document")) == 2
    assert not dom.all("article")


# ------------------------------------------------------------------ command line


def test_check_format_html_writes_the_page_and_keeps_the_exit_code(tmp_path):
    (tmp_path / ".git").mkdir()
    (tmp_path / "harbour.txt").write_text(XSS_ARTICLE, encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k != "CI"}
    args = [sys.executable, "-m", "nlmg_facts", "check", "--no-config", "harbour.txt"]
    text = subprocess.run(args, cwd=tmp_path, capture_output=True, text=True, env=env, timeout=120)
    html = subprocess.run(
        [*args, "--format", "html", "--output", "report.html"],
        cwd=tmp_path, capture_output=True, text=True, env=env, timeout=120,
    )
    assert html.returncode == text.returncode and html.returncode in (0, 1), html.stderr
    assert html.stdout == ""
    page = (tmp_path / "report.html").read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>")
    assert article_text(parse(page).one("section", id="doc-0")) == XSS_ARTICLE
