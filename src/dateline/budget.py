"""Per-record budgets: a timer that interrupts a stage, and the reject it turns into.

A timer signal rather than a process per record (datatrove's sandbox): a process per record
would cost more than cleaning it. Signals reach only the main thread, so elsewhere (a thread
of the web server) the block runs unbounded; engines run stages in main threads, and the
pool (`engines/pool.py`) replaces a worker that a signal cannot reach (stuck in C code).
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager

from dateline.model import Rejected


class TimedOut(BaseException):
    """Raised in a block over its budget; not an Exception, so that a stage's broad
    `except Exception` cannot swallow it."""


def _raise_timeout(signum: int, frame: object) -> None:
    raise TimedOut


@contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Raise TimedOut in the block after `seconds` of wall time; 0 or less: no limit."""
    if seconds <= 0 or threading.current_thread() is not threading.main_thread() or not hasattr(signal, "setitimer"):
        yield
        return
    previous = signal.signal(signal.SIGALRM, _raise_timeout)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def too_slow(stage: str, seconds: float, setting: str) -> Rejected:
    """The reject of a record over a stage's budget: `too_slow: extract: took over ...`."""
    return Rejected("too_slow", f"{stage}: took over {seconds:g} s on this record ({setting})")
