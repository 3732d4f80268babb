"""Linear time on pathological inputs, measured by counting work, not by timing.

Work is counted with the interpreter's own hooks, so it covers the whole
pipeline whatever the code looks like: every Python line executed (loops and
comprehensions included, via ``sys.settrace``) plus every call into C, among
them every ``re``/``regex`` pattern call however the pattern was created
(module level, lazily, cached; via ``sys.setprofile``). Doubling a
pathological input must at most about double that count.

What counting cannot see is work inside one C call (a backtracking match, a
slice of a long string); for that, each family is also run once at a larger
size under the per-document time budget, set far above what linear code needs
(a guard that is never reached, not a timing: the old self-description pattern
took minutes on this input, a linear pipeline takes a fraction of a second).
"""

from __future__ import annotations

import sys

import pytest

import harness
from nlmg_facts import budget
from pathological import FAMILIES

#: Doubling the input may multiply the work by at most this much.
MAX_GROWTH = 2.3
N = 25


def work(text: str, name: str) -> int:
    count = 0

    def trace(frame, event, arg):
        nonlocal count
        count += 1  # call, line, return, exception
        return trace

    def profile(frame, event, arg):
        nonlocal count
        if event == "c_call":
            count += 1

    old_trace, old_profile = sys.gettrace(), sys.getprofile()
    sys.settrace(trace)
    sys.setprofile(profile)
    try:
        harness.run(text, name)
    finally:
        sys.setprofile(old_profile)
        sys.settrace(old_trace)
    return count


@pytest.fixture(scope="module", autouse=True)
def warm():
    # Data loaded and patterns compiled once, so that both measurements are warm.
    for name, make in FAMILIES.values():
        harness.run(make(2), name)


@pytest.mark.parametrize("family", list(FAMILIES))
def test_doubling_a_pathological_input_at_most_about_doubles_the_work(family):
    name, make = FAMILIES[family]
    small, large = work(make(N), name), work(make(2 * N), name)
    assert large <= MAX_GROWTH * small, f"{family}: work {small} -> {large} ({large / small:.2f}x)"


def test_the_work_counter_sees_a_quadratic_loop():
    # The measure itself: a pass over all earlier items per item is caught.
    def quadratic(n):
        return sum(1 for i in range(n) for j in range(i))

    def measured(n):
        count = 0

        def trace(frame, event, arg):
            nonlocal count
            count += 1
            return trace

        sys.settrace(trace)
        try:
            quadratic(n)
        finally:
            sys.settrace(None)
        return count

    assert measured(2 * N) > 3 * measured(N)


@pytest.mark.parametrize("family", list(FAMILIES))
def test_a_large_pathological_input_stays_far_inside_the_time_budget(family, monkeypatch):
    monkeypatch.setenv(budget.BUDGET_ENV, "10")
    name, make = FAMILIES[family]
    harness.run(make(4 * N), name)  # a document over budget raises InvariantError ("too slow")
