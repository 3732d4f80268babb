"""The interactive walk-through: what a finding looks like, and a real session on a pseudo-terminal."""

from __future__ import annotations

import io
import os
import select
import signal
import time

import pytest
from _project import environ, findings_of, nlmg_process, review_file

from nlmg_facts.models import Span
from nlmg_facts.review.session import Style, highlight

PLAIN, COLOR = Style(color=False), Style(color=True)


# ------------------------------------------------------------------ showing a finding


def test_flagged_spans_are_marked_plainly_without_colour():
    text = "It opened on 14 January 2011 in the United Kingdom."
    spans = [Span(start=13, end=28)]
    assert highlight(text, 0, len(text), spans, PLAIN) == (
        "It opened on »14 January 2011« in the United Kingdom."
    )


def test_flagged_spans_are_bold_reverse_video_in_colour():
    text = "It opened on 14 January 2011 in the United Kingdom."
    out = highlight(text, 0, len(text), [Span(start=13, end=28)], COLOR)
    assert "\x1b[1;7m14 January 2011\x1b[0m" in out


def test_overlapping_spans_are_marked_once_and_line_breaks_flatten():
    text = "The 53rd London\nFilm Festival opened."
    out = highlight(text, 0, len(text), [Span(start=4, end=15), Span(start=9, end=29)], PLAIN)
    assert out == "The »53rd London Film Festival« opened."


def test_a_long_sentence_is_clipped_around_the_spans():
    text = "word " * 200 + "US$9.5 million" + " word" * 200
    start = text.index("US$")
    out = highlight(text, 0, len(text), [Span(start=start, end=start + 14)], PLAIN, window=60)
    assert out.startswith("... ") and out.endswith(" ...")
    assert "»US$9.5 million«" in out and len(out) < 90


@pytest.mark.parametrize("env, color", [
    ({}, True), ({"NO_COLOR": "1"}, False), ({"NO_COLOR": ""}, True), ({"TERM": "dumb"}, False),
])
def test_no_color_and_dumb_terminals_turn_colour_off(env, color):
    assert Style.for_environment(env).color is color


# ------------------------------------------------------------------ a real terminal


class Terminal:
    """``nlmg-facts review`` on a pseudo-terminal, read until each expected prompt."""

    def __init__(self, project, *args, **env):
        self.master, slave = os.openpty()
        self.proc = nlmg_process(project, "review", "--reviewer", "Pat Tester", *args,
                                 stdin=slave, stdout=slave, stderr=slave, close_fds=True,
                                 env=environ(**env))
        os.close(slave)
        self.seen = ""
        self._pending = ""

    def expect(self, token: str, timeout: float = 90) -> str:
        deadline = time.monotonic() + timeout
        while token not in self._pending:
            ready, _, _ = select.select([self.master], [], [], max(0, deadline - time.monotonic()))
            if not ready:
                raise AssertionError(f"timed out waiting for {token!r}; got {self._pending[-800:]!r}")
            try:
                chunk = os.read(self.master, 65536).decode("utf-8", "replace")
            except OSError:  # the child closed the terminal
                chunk = ""
            if not chunk:
                raise AssertionError(f"terminal closed before {token!r}; got {self._pending[-800:]!r}")
            self._pending += chunk.replace("\r\n", "\n")
        cut = self._pending.index(token) + len(token)
        out, self._pending = self._pending[:cut], self._pending[cut:]
        self.seen += out
        return out

    def send(self, text: str) -> None:
        os.write(self.master, text.encode("utf-8"))

    def finish(self, timeout: float = 60) -> int:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            ready, _, _ = select.select([self.master], [], [], 0.2)
            if ready:
                try:
                    chunk = os.read(self.master, 65536).decode("utf-8", "replace")
                except OSError:
                    chunk = ""
                self.seen += chunk.replace("\r\n", "\n")
                if not chunk and self.proc.poll() is not None:
                    break
            elif self.proc.poll() is not None:
                break
        code = self.proc.wait(timeout=max(1, deadline - time.monotonic()))
        os.close(self.master)
        return code


PROMPT = "(q)uit ? "
PROMPT_IN_COLOUR = "(q)uit\x1b[0m ? "
REASON = "(empty to go back): "


def test_accept_dismiss_and_quit_on_a_terminal_keep_both_decisions(small_project):
    fps = [f["fingerprint"] for f in findings_of(small_project)]
    term = Terminal(small_project, NO_COLOR="1")
    first = term.expect(PROMPT)
    # The rule, the message, both sentences with their flagged spans, the citations.
    assert f"[1/{len(fps)}] sources/harbour.txt:1:" in first and fps[0][:12] in first
    assert "error NLMG-D001 date-conflict" in first
    assert "It was released in the United Kingdom on »3 March 2013« by Northlight Pictures." in first
    assert "»17 May 2013«" in first
    assert "linked citations" in first
    term.send("a\n")
    term.expect(REASON)
    term.send("the distributor moved the date\n")
    term.expect("saved: accepted")
    # Saved before the next question.
    assert [e["fingerprint"] for e in review_file(small_project)["reviews"]] == [fps[0]]
    term.expect(PROMPT)
    term.send("d\n")
    term.expect(REASON)
    term.send("two different cuts\n")
    term.expect(PROMPT)
    term.send("q\n")
    assert term.finish() == 0
    assert f"2 decisions saved to {small_project / 'nlmg-facts.review.json'}; 0 skipped; " \
        f"{len(fps) - 2} unreviewed left." in term.seen
    entries = {e["fingerprint"]: e for e in review_file(small_project)["reviews"]}
    assert entries[fps[0]]["decision"] == "accepted"
    assert entries[fps[0]]["reason"] == "the distributor moved the date"
    assert entries[fps[1]]["decision"] == "dismissed"
    assert entries[fps[1]]["reason"] == "two different cuts"
    assert {e["reviewer"] for e in entries.values()} == {"Pat Tester"}

    # The next session starts at the first finding nobody has decided about.
    again = Terminal(small_project, NO_COLOR="1")
    assert f"[1/{len(fps) - 2}]" in again.expect(PROMPT) and fps[2][:12] in again.seen
    again.send("\x04")  # Ctrl-D: end of input quits cleanly
    assert again.finish() == 0
    assert "Traceback" not in again.seen
    assert len(review_file(small_project)["reviews"]) == 2


def test_a_reason_is_required_and_skip_moves_on(small_project):
    term = Terminal(small_project, NO_COLOR="1")
    term.expect(PROMPT)
    term.send("a\n")
    term.expect(REASON)
    term.send("\n")
    assert "A reason is required; nothing recorded." in term.expect(PROMPT)
    term.send("x\n")
    assert "Please answer a, d, s or q" in term.expect(PROMPT)
    term.send("s\n")
    assert "[2/" in term.expect(PROMPT)
    term.send("q\n")
    assert term.finish() == 0
    assert "0 decisions saved" in term.seen and "1 skipped" in term.seen
    assert not (small_project / "nlmg-facts.review.json").exists()


def test_ctrl_c_keeps_the_decisions_made_so_far(small_project):
    term = Terminal(small_project)
    term.expect(PROMPT_IN_COLOUR)
    assert "\x1b[1;7m" in term.seen  # colour on a terminal by default
    term.send("d\n")
    term.expect(REASON)
    term.send("wording only\n")
    term.expect(PROMPT_IN_COLOUR)
    term.proc.send_signal(signal.SIGINT)
    assert term.finish() == 130
    assert "Traceback" not in term.seen and "1 decision saved" in term.seen
    (entry,) = review_file(small_project)["reviews"]
    assert entry["decision"] == "dismissed"


def test_nothing_left_to_review_says_so(small_project):
    from _project import nlmg

    nlmg(small_project, "review", "--accept-all", "--reason", "baseline", "--reviewer", "a")
    term = Terminal(small_project, NO_COLOR="1")
    assert term.finish() == 0
    assert "Nothing to review" in term.seen


def test_the_session_object_reads_answers_from_any_stream(small_project, monkeypatch):
    """Without a terminal the Session class still works on streams (what the CLI wraps)."""
    from nlmg_facts.config import load_config
    from nlmg_facts.pipeline import run_check
    from nlmg_facts.review.session import Item, Session
    from nlmg_facts.review.store import ReviewStore

    monkeypatch.chdir(small_project)
    run = run_check(["sources"], load_config(cwd=small_project), keep_documents=True)
    doc = run.report.documents[0]
    store = ReviewStore(small_project / "nlmg-facts.review.json")
    items = [Item(doc=doc, finding=f, key="sources/harbour.txt", analysis=run.analyses[doc.uri])
             for f in doc.findings]
    out = io.StringIO()
    outcome = Session(store, "pat", io.StringIO("a\nok\ns\nd\nfalse alarm\n"), out, PLAIN).run(items)
    assert (outcome.decided, outcome.skipped, outcome.left) == (2, 1, len(items) - 2)
    assert [e.decision for e in store.read().reviews if e.fingerprint == items[2].finding.fingerprint] \
        == ["dismissed"]
