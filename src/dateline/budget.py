"""Per-record budgets: a timer that interrupts a stage, and the reject it turns into.

A timer signal rather than a process per record (datatrove's sandbox): a process per record
would cost more than cleaning it. Signals reach only the main thread, so elsewhere (a thread
of the web server) the block runs unbounded; engines run stages in main threads, and the
pool (`engines/pool.py`) replaces a worker that a signal cannot reach (stuck in C code).

Work is bounded by CPU seconds (ITIMER_PROF), not by the clock: on a shared machine a 40 KB
article took over 30 s of wall time to extract with seven other jobs running, and a wall-clock
budget rejected it. Waiting for input is bounded by the clock (`clock="wall"`): a reader
blocked on a slow disk or a pipe uses no CPU.
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
def time_limit(seconds: float, clock: str = "cpu") -> Iterator[None]:
    """Raise TimedOut in the block after `seconds` of this process's CPU time (`clock="cpu"`)
    or of wall time (`"wall"`); 0 or less: no limit."""
    if seconds <= 0 or threading.current_thread() is not threading.main_thread() or not hasattr(signal, "setitimer"):
        yield
        return
    which, signum = ((signal.ITIMER_PROF, signal.SIGPROF) if clock == "cpu"
                     else (signal.ITIMER_REAL, signal.SIGALRM))
    previous = signal.signal(signum, _raise_timeout)
    signal.setitimer(which, seconds)
    try:
        yield
    finally:
        signal.setitimer(which, 0)
        signal.signal(signum, previous)


def too_slow(stage: str, seconds: float, setting: str) -> Rejected:
    """The reject of a record over a stage's budget: `too_slow: extract: took over ...`."""
    kind = "s" if stage == "read" else "CPU-s"
    return Rejected("too_slow", f"{stage}: took over {seconds:g} {kind} on this record ({setting})")
