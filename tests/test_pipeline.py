"""The pipeline: every stage in order, many documents in input order, failures kept per document."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

FIXTURES = Path(__file__).resolve().parent / "fixtures"
if str(FIXTURES / "plugins") not in sys.path:
    sys.path.insert(0, str(FIXTURES / "plugins"))

from nlmg_fake_registry import only_fake_rules  # noqa: E402

from nlmg_facts import pipeline  # noqa: E402
from nlmg_facts.config import Config, load_config  # noqa: E402
from nlmg_facts.ingest import Source  # noqa: E402

ARTICLE = (
    "The Kestrel is a 2011 card game from Bristol. It shipped on 3 March 2011 in Britain. "
    "Reviewers called it DOUBTWORD clever. It shipped on 5 March 2011 in Ireland."
)


@pytest.fixture
def fake_rules():
    with only_fake_rules():
        yield


@pytest.fixture
def project(tmp_path, monkeypatch):
    (tmp_path / ".git").mkdir()
    games = tmp_path / "games"
    games.mkdir()
    for i in range(6):
        # Each article has its own pair of dates, so each report is told apart.
        (games / f"g{i}.txt").write_text(ARTICLE.replace("5 March", f"{10 + i} March"), "utf-8")
    (games / "notes.bin").write_bytes(b"\x00\x01")  # not an article suffix: skipped
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_check_source_runs_every_stage_and_locates_the_findings(fake_rules, tmp_path):
    report = pipeline.check_source(Source("kestrel.txt", ARTICLE), Config(root=tmp_path))
    assert report.ok and report.path == "kestrel.txt"
    assert [f.code for f in report.findings] == ["NLMG-Z905", "NLMG-Z902"]
    assert report.findings[0].evidence[0].line == 1
    assert report.summary.errors == 1 and report.summary.warnings == 1


def test_documents_come_back_in_input_order_with_directories_sorted_each_once(fake_rules, project):
    report = pipeline.check_paths(["games/g3.txt", "games"], load_config())
    assert [d.path for d in report.documents] == ["games/g3.txt"] + [
        f"games/g{i}.txt" for i in range(6) if i != 3
    ]
    assert report.summary.documents == 6 and report.summary.errors == 6


def test_two_jobs_give_the_same_report_as_one(fake_rules, project):
    one = pipeline.check_paths(["games", "missing.txt"], load_config(), jobs=1)
    two = pipeline.check_paths(["games", "missing.txt"], load_config(), jobs=2)
    assert two == one


def test_an_unreadable_document_is_reported_and_the_others_still_checked(fake_rules, project):
    (project / "games" / "bad.txt").write_bytes(b"caf\xe9 au lait")
    report = pipeline.check_paths(["games/bad.txt", "games/g0.txt"], load_config())
    bad, good = report.documents
    assert not bad.ok and "invalid UTF-8" in bad.error
    assert good.ok and good.findings
    assert report.summary.unreadable == 1


def test_a_directory_without_articles_is_an_unreadable_entry(fake_rules, project):
    (project / "empty").mkdir()
    report = pipeline.check_paths(["empty", "games/g0.txt"], load_config())
    assert not report.documents[0].ok
    assert "holds no articles" in report.documents[0].error
    assert report.documents[1].ok


@pytest.mark.parametrize(
    "given, uri",
    [
        ("games/g0.txt", "games/g0.txt"),
        ("./games/../games/g0.txt", "games/g0.txt"),
        ("{root}/games/g0.txt", "games/g0.txt"),
    ],
)
def test_the_uri_is_relative_to_the_project_root_however_the_path_is_given(project, given, uri):
    config = load_config()
    assert pipeline.document_uri(given.format(root=project), config) == uri


def test_the_uri_outside_the_project_is_the_path_as_given(project):
    config = load_config()
    assert pipeline.document_uri("/elsewhere/x.txt", config) == "/elsewhere/x.txt"
    assert pipeline.document_uri("-", config) == "<stdin>"


def test_the_fingerprint_does_not_depend_on_how_the_path_is_typed(fake_rules, project):
    a = pipeline.check_paths(["games/g0.txt"], load_config()).documents[0]
    b = pipeline.check_paths([str(project / "games" / "g0.txt")], load_config()).documents[0]
    assert [f.fingerprint for f in a.findings] == [f.fingerprint for f in b.findings]


def test_a_crashing_stage_is_an_internal_error_on_that_document_only(fake_rules, project, monkeypatch):
    real = pipeline.extract_document

    def extract(doc):
        if doc.name.endswith("g1.txt"):
            raise ValueError("extractor fell over")
        return real(doc)

    monkeypatch.setattr(pipeline, "extract_document", extract)
    report = pipeline.check_paths(["games/g0.txt", "games/g1.txt"], load_config())
    ok, crashed = report.documents
    assert ok.ok and ok.findings
    assert not crashed.ok and crashed.error == "internal error in extract: ValueError: extractor fell over"
    assert crashed.internal_errors[0].stage == "extract"
    assert report.summary.internal_errors == 1 and report.summary.unreadable == 0


def test_progress_is_reported_for_every_document(fake_rules, project):
    seen = []
    pipeline.check_paths(["games"], load_config(), progress=lambda done, n: seen.append((done, n)))
    assert seen == [(i, 6) for i in range(1, 7)]


def test_keep_documents_returns_each_analysis_by_uri(fake_rules, project):
    run = pipeline.run_check(["games/g0.txt"], load_config(), keep_documents=True)
    analysis = run.analyses["games/g0.txt"]
    assert analysis.doc is not None and analysis.doc.text == (project / "games/g0.txt").read_text()
    assert analysis.findings == run.report.documents[0].findings


def test_chunks_are_several_per_worker_and_never_empty():
    assert pipeline._chunksize(1000, 2) == 62
    assert pipeline._chunksize(3, 2) == 1
    assert pipeline._chunksize(100_000, 2) == 64


# ------------------------------------------------------------------ the bundled article

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = "sources/never_let_me_go_2010.txt"


def _bundled_report():
    config = load_config(use_config=False, cwd=ROOT)
    return pipeline.check_paths([str(ROOT / SAMPLE)], config)


def test_the_bundled_article_report_matches_the_golden(data_regression):
    report = _bundled_report().model_dump(mode="json")
    report.pop("version")  # volatile
    for doc in report["documents"]:
        doc.pop("path")  # the path as given (absolute here); `uri` is the stable, relative form
    data_regression.check(report, basename="never_let_me_go_2010_report")


def test_the_bundled_article_reports_the_known_conflicts():
    (doc,) = _bundled_report().documents
    assert doc.ok and doc.uri == SAMPLE
    quoted = {(f.code[:6], tuple(sorted(e.text for e in f.evidence))) for f in doc.findings}
    texts = {t for _, spans in quoted for t in spans}
    # The UK release date given two ways, and the London Film Festival edition.
    assert {"14 January 2011", "11 February 2011"} <= texts
    assert any(code == "NLMG-R" and any("53rd London" in t for t in spans) for code, spans in quoted)


def _bench_check_module():
    """benchmarks/bench_check.py, for its corpus generator (perturbed copies of the sample)."""
    import importlib.util

    path = Path(__file__).resolve().parents[1] / "benchmarks" / "bench_check.py"
    spec = importlib.util.spec_from_file_location("_bench_check", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_reports_on_perturbed_articles_do_not_depend_on_the_hash_seed(tmp_path):
    """Set and dict-of-str order changes with PYTHONHASHSEED; findings, messages and
    fingerprints must not (CI diffs reports between runs)."""
    import os
    import subprocess

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    _bench_check_module().make_corpus(corpus, 5)
    runs = {}
    for seed in ("1", "2", "3", "4"):
        out = tmp_path / f"seed{seed}.json"
        cmd = [sys.executable, "-m", "nlmg_facts", "check", str(corpus), "--no-config",
               "--format", "json", "--output", str(out)]
        env = {**os.environ, "PYTHONHASHSEED": seed, "CI": "true"}
        runs[seed] = (out, subprocess.Popen(cmd, cwd=tmp_path, env=env, stderr=subprocess.PIPE))
    for seed, (out, proc) in runs.items():
        _, err = proc.communicate(timeout=300)
        assert proc.returncode in (0, 1), err.decode()[-500:]
    reports = {seed: out.read_text("utf-8") for seed, (out, _) in runs.items()}
    assert '"findings": [' in reports["1"] and '"NLMG-D005"' in reports["1"]
    for seed in ("2", "3", "4"):
        assert reports[seed] == reports["1"], f"PYTHONHASHSEED={seed} changed the report"


def _multiline_copy(text: str) -> str:
    """The article with a line per paragraph and a line per reference, as many editors save it."""
    from nlmg_facts.cite.sources import document_references
    from nlmg_facts.ingest import ingest

    doc = ingest(text, "a.txt")
    sentences = [text[s.span.start : s.span.end] for s in doc.sentences]
    paragraphs = [" ".join(sentences[i : i + 5]) for i in range(0, len(sentences), 5)]
    return "\n".join(paragraphs + [c.text for c in document_references(doc)]) + "\n"


def test_crlf_line_ends_give_the_same_findings_as_lf(sample_text, tmp_path):
    lf = _multiline_copy(sample_text)
    crlf = lf.replace("\n", "\r\n")
    shapes = []
    for text in (lf, crlf):
        report = pipeline.check_source(Source(name="a.txt", text=text), Config(root=tmp_path))
        shapes.append(sorted((f.code, f.message) for f in report.findings))
    assert shapes[0] == shapes[1]
    assert len(shapes[0]) >= 10
