"""The local engine: clean and extract in a pool of worker processes, in input order.

Reading stays in the parent (it streams), and so does writing (one writer). Work is sent in
chunks with a bounded number in flight, so memory stays flat whatever the corpus size. Each
worker loads the spaCy model once, at its first chunk.
"""

from __future__ import annotations

import multiprocessing as mp
import os
import time
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from itertools import islice

from dateline.model import RawRecord
from dateline.pipeline import Outcome, load_extractor, process
from dateline.settings import Settings


@dataclass(slots=True)
class StageTimes:
    """Seconds spent in each stage, to say which one is the bottleneck."""

    seconds: dict[str, float] = field(default_factory=lambda: {"read": 0.0, "process": 0.0, "store": 0.0})

    def add(self, stage: str, seconds: float) -> None:
        self.seconds[stage] = self.seconds.get(stage, 0.0) + seconds

    def bottleneck(self) -> str:
        return max(self.seconds, key=lambda k: self.seconds[k])


def default_workers() -> int:
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1))


_SETTINGS: Settings | None = None


def _init(settings: Settings) -> None:
    global _SETTINGS
    _SETTINGS = settings


def _work(chunk: list[RawRecord]) -> tuple[list[Outcome], float]:
    assert _SETTINGS is not None
    start = time.process_time()
    out = list(process(chunk, _SETTINGS))
    return out, time.process_time() - start


def _chunks(records: Iterable[RawRecord], size: int, times: StageTimes) -> Iterator[list[RawRecord]]:
    it = iter(records)
    while True:
        start = time.perf_counter()
        chunk = list(islice(it, size))
        times.add("read", time.perf_counter() - start)
        if not chunk:
            return
        yield chunk


def process_parallel(records: Iterable[RawRecord], settings: Settings, workers: int,
                     times: StageTimes | None = None) -> Iterator[Outcome]:
    """Outcomes in input order, from `workers` processes; one process runs in-line."""
    times = times or StageTimes()
    if workers <= 1:
        chunks = _chunks(records, settings.batch_size, times)
        for chunk in chunks:
            start = time.perf_counter()
            done = list(process(chunk, settings))
            times.add("process", time.perf_counter() - start)
            yield from done
        return
    load_extractor(settings)  # fail fast on a missing model, before any worker starts
    ctx = mp.get_context("fork") if "fork" in mp.get_all_start_methods() else mp.get_context("spawn")
    in_flight: deque[Future[tuple[list[Outcome], float]]] = deque()
    with ProcessPoolExecutor(max_workers=workers, mp_context=ctx, initializer=_init, initargs=(settings,)) as pool:
        for chunk in _chunks(records, settings.batch_size, times):
            in_flight.append(pool.submit(_work, chunk))
            if len(in_flight) >= 2 * workers:
                yield from _collect(in_flight.popleft(), times)
        while in_flight:
            yield from _collect(in_flight.popleft(), times)


def _collect(future: Future[tuple[list[Outcome], float]], times: StageTimes) -> list[Outcome]:
    outcomes, cpu = future.result()
    times.add("process", cpu)
    return outcomes
