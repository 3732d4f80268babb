"""The text report: ``path:line:col: severity CODE message``, hint, evidence, summary line."""

from __future__ import annotations

from nlmg_facts.models import Suppression
from nlmg_facts.report.text import render


def test_each_finding_starts_with_path_line_column_severity_and_code(report):
    lines = render(report).splitlines()
    heads = [line for line in lines if line.startswith("articles/lantern.txt:")]
    assert heads == [
        "articles/lantern.txt:3:15: error NLMG-Z905 shipped on 4 May 2009 here and on 9 June 2009 later",
        "articles/lantern.txt:3:69: warning NLMG-Z902 marker DOUBTWORD found",
        "articles/lantern.txt:3:108: error NLMG-Z901 marker CONFLICTWORD found",
        "articles/lantern.txt:4:104: info NLMG-Z903 marker NOTEWORD found",
    ]


def test_hint_and_every_quoted_evidence_span_follow_the_finding(report):
    text = render(report)
    block = text.split("articles/lantern.txt:3:15: ")[1].split("articles/lantern.txt:3:69")[0]
    assert "    hint: check which date the sources give" in block
    assert '    claim at 3:15: "4 May 2009"' in block
    assert '    conflicting claim at 4:44: "9 June 2009"' in block
    assert "      | It shipped on 4 May 2009 to shops in England." in block


def test_an_unreadable_document_is_listed_once_with_its_reason(report):
    lines = render(report).splitlines()
    assert "missing.txt: error: no such file or directory" in lines


def test_the_last_line_sums_up_every_document(report):
    last = render(report).splitlines()[-1]
    assert last == "Checked 2 documents: 2 errors, 1 warning, 1 info (1 unreadable)."


def test_a_reviewed_finding_is_marked_and_left_out_of_the_counts(report):
    from nlmg_facts.pipeline import total

    doc = report.documents[0]
    reviewed = doc.findings[0].model_copy(
        update={"suppression": Suppression(status="accepted", reason="sources disagree")}
    )
    docs = [doc.model_copy(update={"findings": [reviewed, *doc.findings[1:]]}), report.documents[1]]
    text = render(total(report.model_copy(update={"documents": docs})))
    assert "[reviewed: accepted: sources disagree]" in text
    assert text.splitlines()[-1] == (
        "Checked 2 documents: 1 error, 1 warning, 1 info (1 reviewed, 1 unreadable)."
    )


def test_a_clean_run_prints_only_the_summary():
    from nlmg_facts.pipeline import build_report

    assert render(build_report([])) == "Checked 0 documents: 0 errors, 0 warnings, 0 info.\n"


def test_a_long_quoted_span_is_cut_in_the_middle_on_one_line():
    from nlmg_facts.report.text import _clip

    long = "Smith, J. (2010).\n" + "word " * 100 + "Retrieved 3 May 2011."
    clipped = _clip(long, limit=60)
    assert len(clipped) <= 60 and "\n" not in clipped
    assert clipped.startswith("Smith, J. (2010). word") and clipped.endswith("Retrieved 3 May 2011.")
    assert _clip("short  and\nsweet") == "short and sweet"
