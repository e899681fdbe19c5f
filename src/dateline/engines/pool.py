"""A process pool that bounds what a worker may spend on a chunk, and ends with its parent.

`ProcessPoolExecutor` does neither: a worker stuck in C code (a regular expression that
backtracks, a parser inside a C library: no signal reaches Python there) holds its chunk for
ever, killing it breaks the whole pool, and its workers outlive a parent killed by SIGKILL.
Here each worker has its own pipe, so the pool knows which chunk each one holds and since when.
A worker past its chunk's deadline (the records' budgets plus a grace) is killed and replaced,
and its chunk is run again one record at a time, so only the record that stalls it is rejected,
`too_slow` with the stage the worker was in. A worker that dies (a crash in C, the kernel's
out-of-memory killer) is handled the same way, its record rejected `crashed`.

The pool runs in a thread of the parent, with the chunks coming in and the outcomes going out
through bounded queues: the parent's main thread keeps reading and writing while the workers
are kept fed (a parent that writes a batch no longer leaves them idle).
"""

from __future__ import annotations

import contextlib
import ctypes
import math
import multiprocessing as mp
import os
import queue
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from multiprocessing.context import BaseContext
from pathlib import Path

from dateline.model import RawRecord, Rejected
from dateline.pipeline import Outcome, process
from dateline.settings import Settings

STAGES = ("start", "clean", "extract")  # what a worker reports it is doing, by index
PR_SET_PDEATHSIG = 1  # from <linux/prctl.h>
_POLL_S = 0.05  # how often the pool thread looks for new chunks while workers are busy
WALL_FACTOR = 10  # wall seconds per CPU second of budget before a worker using no CPU is replaced
_TICKS = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100


def die_with_parent(parent: int) -> None:
    """End this process when `parent` dies, even by SIGKILL (when no clean-up of its runs).

    Linux delivers a signal on the parent's death (prctl); elsewhere, and for a parent that died
    before prctl took effect (this process then has a new parent already), a thread checks
    the parent's pid every second.
    """
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError, AttributeError):
            ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    threading.Thread(target=_watch_parent, args=(parent,), daemon=True, name="parent-watch").start()


def _watch_parent(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(1.0)
    os._exit(1)


def _serve(conn: Connection, stage: ctypes.c_byte, settings: Settings, parent: int) -> None:
    """A worker's loop: a chunk in, its outcomes and the CPU seconds they took out."""
    die_with_parent(parent)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle

    def on_stage(name: str) -> None:
        stage.value = STAGES.index(name)

    while True:
        try:
            chunk = conn.recv()
        except EOFError:
            return
        if chunk is None:
            return
        start = time.process_time()
        stage.value = 0
        out = list(process(chunk, settings, on_stage))
        conn.send((out, time.process_time() - start))


@dataclass(slots=True)
class _Job:
    chunk: int  # its chunk's number, in input order
    first: int  # where its records start in that chunk
    records: list[RawRecord]


class _Worker:
    def __init__(self, ctx: BaseContext, settings: Settings) -> None:
        self.stage = ctx.Value("b", 0, lock=False)  # type: ignore[attr-defined]
        self.conn, child = ctx.Pipe()  # type: ignore[attr-defined]
        self.proc = ctx.Process(  # type: ignore[attr-defined]
            target=_serve, args=(child, self.stage, settings, os.getpid()), daemon=True)
        self.proc.start()
        child.close()
        self.job: _Job | None = None
        self.free_since = time.monotonic()  # when it last had nothing to do
        self.deadline = math.inf
        self.budget = math.inf
        self.cpu_start: float | None = None

    def give(self, job: _Job, seconds: float) -> None:
        self.job = job
        self.budget = seconds
        self.cpu_start = _cpu_seconds(self.proc.pid)
        # The budget is CPU time (a loaded machine stretches wall time, not work); a worker that
        # uses no CPU yet does not finish (blocked) is caught by the clock, at a wide margin.
        self.deadline = time.monotonic() + (WALL_FACTOR * seconds if self.cpu_start is not None else seconds)
        self.conn.send(job.records)

    def over_budget(self) -> bool:
        if time.monotonic() > self.deadline:
            return True
        now = _cpu_seconds(self.proc.pid)
        return now is not None and self.cpu_start is not None and now - self.cpu_start > self.budget

    def stop(self, kill: bool = False) -> None:
        if not kill:
            with contextlib.suppress(OSError, ValueError):
                self.conn.send(None)
            self.proc.join(timeout=2)
        if self.proc.is_alive():
            self.proc.kill()
            self.proc.join()
        self.conn.close()


def _cpu_seconds(pid: int) -> float | None:
    """CPU seconds a process has used (Linux /proc); None where that cannot be read."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except (OSError, IndexError):
        return None
    return (int(fields[11]) + int(fields[12])) / _TICKS  # utime, stime


def record_budget(settings: Settings) -> float:
    """Seconds a worker may spend on one record: clean, then extract in its batch and alone."""
    budgets = (settings.clean_timeout_s, settings.extract_timeout_s)
    if any(b <= 0 for b in budgets):
        return math.inf  # a stage without a limit: no deadline can be set
    return settings.clean_timeout_s + 2 * settings.extract_timeout_s


@dataclass(slots=True)
class _Order:
    """Outcomes waiting to be handed out in input order."""

    slots: dict[int, list[Outcome | None]] = field(default_factory=dict)
    next: int = 0

    def fill(self, job: _Job, outcomes: list[Outcome]) -> None:
        self.slots[job.chunk][job.first: job.first + len(outcomes)] = outcomes

    def ready(self) -> Iterator[list[Outcome]]:
        while self.next in self.slots and all(o is not None for o in self.slots[self.next]):
            yield [o for o in self.slots.pop(self.next) if o is not None]
            self.next += 1


class Pool:
    """Workers run `pipeline.process` on chunks; outcomes come back in input order."""

    def __init__(self, settings: Settings, workers: int) -> None:
        self.settings = settings
        self.ctx = mp.get_context("fork") if "fork" in mp.get_all_start_methods() else mp.get_context("spawn")
        self.workers = [_Worker(self.ctx, settings) for _ in range(workers)]
        self.inbox: queue.Queue[list[RawRecord] | None] = queue.Queue()
        self.outbox: queue.Queue[list[Outcome] | BaseException] = queue.Queue()
        self.cpu = 0.0
        # worker-seconds spent waiting for a chunk while more input was still to come: the
        # measure of a parent that does not keep its pool fed (bench/scale.py reports it)
        self.starved = 0.0
        self.replaced = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run_safely, daemon=True, name="dateline-pool")
        self._thread.start()

    # -- the parent's side ---------------------------------------------------------------
    def map(self, chunks: Iterable[list[RawRecord]], depth: int) -> Iterator[list[Outcome]]:
        """Outcomes of each chunk, in order; at most `depth` chunks are read ahead."""
        pending = 0
        it = iter(chunks)
        exhausted = False
        while True:
            while not exhausted and pending < depth:
                chunk = next(it, None)
                if chunk is None:
                    exhausted = True
                    self.inbox.put(None)
                else:
                    self.inbox.put(chunk)
                    pending += 1
            if pending == 0:
                return
            done = self.outbox.get()
            if isinstance(done, BaseException):
                raise done
            pending -= 1
            yield done

    def close(self) -> None:
        self._stop.set()
        self.inbox.put(None)
        self._thread.join()
        for w in self.workers:
            w.stop(kill=w.job is not None)

    # -- the pool thread -----------------------------------------------------------------
    def _run_safely(self) -> None:
        try:
            self._run()
        except BaseException as exc:  # a bug here must reach the parent, not hang it
            self.outbox.put(exc)

    def _run(self) -> None:
        order = _Order()
        retry: deque[_Job] = deque()
        count = 0
        no_more = False
        budget = record_budget(self.settings)
        while not self._stop.is_set():
            idle = [w for w in self.workers if w.job is None]
            while idle and retry:
                job = retry.popleft()
                idle.pop().give(job, budget * len(job.records) + self.settings.worker_grace_s)
            while idle and not no_more:
                try:  # wait for input only when no worker has anything to report
                    chunk = self.inbox.get(timeout=0.5) if len(idle) == len(self.workers) else self.inbox.get_nowait()
                except queue.Empty:
                    break
                if chunk is None:
                    no_more = True
                    break
                order.slots[count] = [None] * len(chunk)
                if all(r.stored for r in chunk):  # sources stored already: nothing for a worker
                    order.fill(_Job(count, 0, chunk), [Outcome(r) for r in chunk])
                else:
                    w = idle.pop()
                    self.starved += time.monotonic() - w.free_since
                    w.give(_Job(count, 0, chunk), budget * len(chunk) + self.settings.worker_grace_s)
                count += 1
            busy = [w for w in self.workers if w.job is not None]
            if not busy:
                for outcomes in order.ready():
                    self.outbox.put(outcomes)
                if no_more and not retry:
                    return
                continue
            self._collect(busy, order, retry, no_more)
            for outcomes in order.ready():
                self.outbox.put(outcomes)

    def _collect(self, busy: list[_Worker], order: _Order, retry: deque[_Job], no_more: bool) -> None:
        """Take in what busy workers have finished; replace those past their deadline."""
        now = time.monotonic()
        timeout = max(0.0, min(w.deadline for w in busy) - now)
        if not no_more and len(busy) < len(self.workers):
            timeout = min(timeout, _POLL_S)  # an idle worker may get a chunk that comes in meanwhile
        ready = set(wait([w.conn for w in busy], timeout=min(timeout, 1.0)))
        for w in busy:
            assert w.job is not None
            if w.conn in ready:
                try:
                    outcomes, cpu = w.conn.recv()
                except (EOFError, OSError):
                    self._replace(w, order, retry, died=True)
                    continue
                self.cpu += cpu
                order.fill(w.job, outcomes)
                w.job = None
                w.free_since = time.monotonic()
            elif w.over_budget():
                self._replace(w, order, retry, died=False)

    def _replace(self, w: _Worker, order: _Order, retry: deque[_Job], died: bool) -> None:
        """Kill a stuck (or dead) worker, start another; its chunk is run again record by record."""
        job = w.job
        assert job is not None
        stage = STAGES[w.stage.value] if 0 <= w.stage.value < len(STAGES) else "process"
        w.stop(kill=True)
        code = w.proc.exitcode
        self.workers[self.workers.index(w)] = _Worker(self.ctx, self.settings)
        self.replaced += 1
        if len(job.records) > 1:
            retry.extendleft(reversed([_Job(job.chunk, job.first + i, [r]) for i, r in enumerate(job.records)]))
            return
        if died:
            why = Rejected("crashed", f"{stage}: the worker process ended (exit code {code}) on this record")
        else:
            seconds = record_budget(self.settings) + self.settings.worker_grace_s
            why = Rejected("too_slow", f"{stage}: the worker spent over {seconds:g} CPU-s on this record "
                                       "(in code no timer can interrupt) and was replaced")
        order.fill(job, [Outcome(job.records[0], rejected=why)])
