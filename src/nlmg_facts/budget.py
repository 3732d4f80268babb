"""The per-document time budget: a document that takes too long is reported, and the run goes on.

Every stage is meant to be linear in the size of the text (about 1 MB/s), so a
document over its budget is a defect of ours, like a crash: the pipeline
records it on that document as an internal error (exit code 3) naming the
stage it was in, and checks the other documents as usual.

The budget is 30 seconds plus 10 seconds per million characters, a hundred
times what a linear run needs; ``NLMG_FACTS_TIME_BUDGET=SECONDS`` sets a fixed
budget instead (``0`` turns it off). It is enforced with a real-time interval
timer (``SIGALRM``), which also interrupts a long ``regex`` match; where there
is none (Windows, or a thread other than the main one) the budget is not
enforced.
"""

from __future__ import annotations

import os
import signal
import threading
from contextlib import contextmanager
from typing import Iterator

from .errors import UsageError

BUDGET_ENV = "NLMG_FACTS_TIME_BUDGET"
BASE_SECONDS = 30.0
SECONDS_PER_MILLION_CHARS = 10.0


class TimeBudgetExceeded(BaseException):
    """Raised inside the pipeline when a document runs over its time budget.

    A BaseException, like KeyboardInterrupt, so that the handlers recording a
    crashed rule or stage do not take it for one and carry on under no budget.
    """


def budget_for(chars: int) -> float:
    """Seconds allowed for a document of ``chars`` characters (0: no budget)."""
    raw = os.environ.get(BUDGET_ENV, "").strip()
    if not raw:
        return BASE_SECONDS + SECONDS_PER_MILLION_CHARS * chars / 1e6
    try:
        value = float(raw)
    except ValueError:
        raise UsageError(f"{BUDGET_ENV}={raw!r} is not a number of seconds") from None
    if not value >= 0 or value == float("inf"):
        raise UsageError(f"{BUDGET_ENV}={raw!r} must be a finite number of seconds, 0 or more")
    return value


def _enforceable() -> bool:
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


@contextmanager
def time_budget(seconds: float) -> Iterator[None]:
    """Raise TimeBudgetExceeded in the block once ``seconds`` of real time have passed.

    An interval timer and handler set by the caller are restored afterwards.
    """
    if seconds <= 0 or not _enforceable():
        yield
        return

    def expired(signum, frame):
        raise TimeBudgetExceeded(f"over its time budget of {seconds:g} s (see {BUDGET_ENV})")

    previous = signal.signal(signal.SIGALRM, expired)
    outer = signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
        if outer[0] > 0:
            signal.setitimer(signal.ITIMER_REAL, *outer)
