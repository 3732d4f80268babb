"""The text report: ``path:line:col: severity CODE message``, hint, evidence, summary line."""

from __future__ import annotations

from nlmg_facts.models import Suppression
from nlmg_facts.pipeline import total
from nlmg_facts.report.text import TextOptions, render, short_fingerprints, statistics


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


def test_each_unreviewed_finding_shows_the_short_fingerprint_review_accept_takes(report):
    text = render(report)
    for f in report.documents[0].findings:
        short = f.fingerprint[:8]
        assert f"    fingerprint: {short} (nlmg-facts review --accept {short} --reason TEXT)" in text


def test_short_fingerprints_grow_until_no_two_findings_share_one():
    from nlmg_facts.models import DocumentReport, Evidence, Finding, Report, Span

    def finding(fp):
        ev = Evidence(span=Span(start=0, end=1), role="claim", text="x", line=1, column=1)
        return Finding(code="NLMG-Z901", name="n", severity="error", message="m", hint="h",
                       evidence=[ev], fingerprint=fp)

    doc = DocumentReport(path="a.txt", findings=[finding("abcdef0123" + "0" * 22),
                                                 finding("abcdef0199" + "0" * 22),
                                                 finding("99999999" + "0" * 24)])
    shorts = short_fingerprints(Report(version="0", documents=[doc], summary=doc.summary))
    assert sorted(shorts.values()) == ["99999999", "abcdef012", "abcdef019"]


def _ignored(report):
    doc = report.documents[0]
    ignored = doc.findings[1].model_copy(update={"suppression": Suppression(
        status="ignored", reason="<!-- nlmg-facts: ignore NLMG-Z902 --> at 3:1")})
    findings = [doc.findings[0], ignored, *doc.findings[2:]]
    return total(report.model_copy(update={"documents": [doc.model_copy(update={"findings": findings}),
                                                          *report.documents[1:]]}))


def test_inline_ignored_findings_are_hidden_unless_asked_for(report):
    report = _ignored(report)
    assert "NLMG-Z902" not in render(report)
    assert render(report).splitlines()[-1].endswith("(1 ignored inline, 1 unreadable).")
    shown = render(report, TextOptions(show_suppressed=True))
    assert "NLMG-Z902 marker DOUBTWORD found [ignored: <!-- nlmg-facts: ignore NLMG-Z902 --> at 3:1]" in shown


def test_quiet_prints_one_line_per_unreviewed_finding_and_no_summary(report):
    lines = render(_ignored(report), TextOptions(quiet=True)).splitlines()
    assert lines[-1] == "missing.txt: error: no such file or directory"  # errors are never quiet
    findings = lines[:-1]
    assert [line.split(" ")[2] for line in findings] == ["NLMG-Z905", "NLMG-Z901", "NLMG-Z903"]
    assert all(line.endswith("]") and "hint" not in line for line in findings)


def test_colour_only_when_asked_and_the_words_stay_the_same(report):
    import re

    plain = render(report)
    coloured = render(report, TextOptions(color=True))
    assert "\x1b[" not in plain and "\x1b[1;31merror\x1b[0m" in coloured
    assert re.sub(r"\x1b\[[0-9;]*m", "", coloured) == plain


def test_statistics_count_the_unreviewed_findings_per_rule(report):
    lines = statistics(report).splitlines()
    assert lines[0] == "1  NLMG-Z901  fake-conflict-word (error)"
    assert len(lines) == 5 and lines[-1].startswith("Checked 2 documents")
