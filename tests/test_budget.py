"""The per-document time budget: a document over it is reported as too slow, the run goes on."""

from __future__ import annotations

import signal
import time

import pytest

from nlmg_facts import budget, pipeline
from nlmg_facts.cli import main
from nlmg_facts.config import Config
from nlmg_facts.errors import UsageError

ARTICLE = "The Kestrel is a 2011 card game. It shipped on 3 March 2011 in Britain.\n"


@pytest.fixture
def docs(tmp_path, monkeypatch):
    (tmp_path / ".git").mkdir()
    for name in ("a_stuck.txt", "b_fine.txt"):
        (tmp_path / name).write_text(ARTICLE.replace("Kestrel", name[:1].upper()), "utf-8")
    monkeypatch.chdir(tmp_path)
    pipeline.check_paths(["b_fine.txt"], Config(root=tmp_path))  # patterns compiled, data loaded
    real_cite = pipeline.cite

    def cite(doc, claims):
        if "stuck" in doc.name:
            time.sleep(3600)  # a stage that never finishes on its own
        return real_cite(doc, claims)

    monkeypatch.setattr(pipeline, "cite", cite)
    monkeypatch.setenv(budget.BUDGET_ENV, "0.5")
    return tmp_path


def test_a_document_over_its_budget_is_reported_too_slow_and_the_others_are_checked(docs):
    report = pipeline.check_paths(["a_stuck.txt", "b_fine.txt"], Config(root=docs))
    stuck, fine = report.documents
    assert not stuck.ok and stuck.error.startswith("too slow in cite: over its time budget of 0.5 s")
    assert [(e.stage, e.message.split(":")[0]) for e in stuck.internal_errors] == [("cite", "TimeBudgetExceeded")]
    assert fine.ok and fine.claims == 2 and not fine.internal_errors


def test_the_command_line_exits_3_with_one_line_per_slow_document(docs, capsys):
    assert main(["check", "--no-review", "a_stuck.txt", "b_fine.txt"]) == 3
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert [line for line in err.splitlines() if "a_stuck.txt" in line and "time budget" in line]


def test_the_budget_leaves_the_callers_alarm_handler_in_place():
    handler = signal.getsignal(signal.SIGALRM)
    with budget.time_budget(5):
        pass
    assert signal.getsignal(signal.SIGALRM) is handler
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)


def test_the_default_budget_grows_with_the_document(monkeypatch):
    monkeypatch.delenv(budget.BUDGET_ENV, raising=False)
    assert budget.budget_for(0) == 30.0 and budget.budget_for(2_000_000) == 50.0


@pytest.mark.parametrize("raw", ["soon", "-1", "nan", "inf"])
def test_a_bad_budget_setting_is_a_usage_error(monkeypatch, raw):
    monkeypatch.setenv(budget.BUDGET_ENV, raw)
    with pytest.raises(UsageError, match=budget.BUDGET_ENV):
        budget.budget_for(10)


def test_a_zero_budget_turns_it_off(monkeypatch):
    monkeypatch.setenv(budget.BUDGET_ENV, "0")
    assert budget.budget_for(10**9) == 0.0
