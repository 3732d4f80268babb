"""GitHub Actions annotations: one escaped workflow command per unreviewed finding."""

from __future__ import annotations

import pytest

from nlmg_facts.models import Suppression
from nlmg_facts.report.github import escape_data, escape_property, render


def test_each_finding_is_one_annotation_with_file_line_column_and_title(report):
    lines = render(report).splitlines()
    assert lines[0] == (
        "::error file=articles/lantern.txt,line=3,endLine=3,col=15,endColumn=25,"
        "title=NLMG-Z905 fake-shipping-date-conflict::shipped on 4 May 2009 here and on "
        "9 June 2009 later%0Acheck which date the sources give"
        '%0Aconflicting claim at articles/lantern.txt:4:44: "9 June 2009"'
    )
    assert lines[1] == (
        "::warning file=articles/lantern.txt,line=3,endLine=3,col=69,endColumn=78,"
        "title=NLMG-Z902 fake-doubt-word::marker DOUBTWORD found%0Aremove the marker"
    )
    assert lines[3].startswith("::notice file=articles/lantern.txt,line=4,endLine=4,col=104,")


def test_an_unreadable_document_is_an_error_annotation(report):
    assert render(report).splitlines()[-1] == (
        "::error file=missing.txt,title=nlmg-facts::missing.txt: no such file or directory"
    )


def test_reviewed_findings_are_not_annotated(report):
    doc = report.documents[0]
    findings = [
        f.model_copy(update={"suppression": Suppression(status="dismissed", reason="fine")})
        for f in doc.findings
    ]
    quiet = report.model_copy(update={"documents": [doc.model_copy(update={"findings": findings})]})
    assert render(quiet) == ""


@pytest.mark.parametrize(
    "raw, data, prop",
    [
        ("50% off", "50%25 off", "50%25 off"),
        ("line one\nline two\r", "line one%0Aline two%0D", "line one%0Aline two%0D"),
        ("a: b, c", "a: b, c", "a%3A b%2C c"),
        ("%0A", "%250A", "%250A"),
    ],
)
def test_escaping_follows_the_actions_toolkit(raw, data, prop):
    assert escape_data(raw) == data
    assert escape_property(raw) == prop


def test_a_message_with_a_newline_and_colons_stays_on_one_line():
    from nlmg_facts.models import DocumentReport, Evidence, Finding, Span
    from nlmg_facts.pipeline import build_report

    finding = Finding(
        code="NLMG-D001", name="date-conflict", severity="error",
        message="UK release: 14 January\nor 11 February", hint="check, then fix",
        evidence=[Evidence(span=Span(start=0, end=4), role="claim", text="x", line=1, column=1,
                           end_line=1, end_column=5)],
        fingerprint="f",
    )
    doc = DocumentReport(path="a,b:c.txt", uri="a,b:c.txt", findings=[finding])
    (line,) = render(build_report([doc])).splitlines()
    assert line == (
        "::error file=a%2Cb%3Ac.txt,line=1,endLine=1,col=1,endColumn=5,title=NLMG-D001 date-conflict"
        "::UK release: 14 January%0Aor 11 February%0Acheck, then fix"
    )
