"""The local engine: clean and extract in a pool of worker processes, in input order.

Reading stays in the parent (it streams), and so does writing (one writer). Work is sent in
chunks with a bounded number in flight, so memory stays flat whatever the corpus size. The
parent loads the spaCy model before the workers fork, so they share it. The pool
(`engines/pool.py`) replaces a worker stuck on a record and ends its workers with the parent.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from itertools import chain, islice

from dateline.engines.pool import Pool
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


# Records per chunk handed to a worker. A worker's last chunk runs while the others may have
# nothing left: with 64-record chunks, 200 records went to two workers as 128 and 72 (a 1.36x
# speed-up on an idle machine where the CPU allowed 1.9x). Small chunks keep that tail short; the
# cost per chunk (a pipe message each way, a shorter spaCy batch) was within noise at 16.
POOL_CHUNK = 16


def default_workers() -> int:
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1))


def _chunks(records: Iterable[RawRecord], size: int, times: StageTimes) -> Iterator[list[RawRecord]]:
    it = iter(records)
    while True:
        start = time.perf_counter()
        chunk = list(islice(it, size))
        times.add("read", time.perf_counter() - start)
        if not chunk:
            return
        yield chunk


def _load_model(settings: Settings, times: StageTimes) -> None:
    """Load the model as its own stage: about 5 s that would otherwise be counted as the first
    batch's processing (and make a short run look slow per record)."""
    if settings.extract:
        start = time.perf_counter()
        load_extractor(settings)
        times.add("model", time.perf_counter() - start)


def process_parallel(records: Iterable[RawRecord], settings: Settings, workers: int,
                     times: StageTimes | None = None) -> Iterator[Outcome]:
    """Outcomes in input order, from `workers` processes; one process runs in-line."""
    times = times or StageTimes()
    if workers <= 1:
        chunks = _chunks(records, settings.batch_size, times)
        loaded = False
        for chunk in chunks:
            if not loaded and not all(r.stored for r in chunk):  # stored sources need no model
                _load_model(settings, times)
                loaded = True
            start = time.perf_counter()
            done = list(process(chunk, settings))
            times.add("process", time.perf_counter() - start)
            yield from done
        return
    chunks = _chunks(records, min(settings.batch_size, POOL_CHUNK), times)
    for chunk in chunks:  # sources stored already need no worker: no pool, no model for them
        if not all(r.stored for r in chunk):
            break
        yield from (Outcome(r) for r in chunk)
    else:
        return
    _load_model(settings, times)  # fail fast on a missing model, before any worker starts (they share it)
    pool = Pool(settings, workers)
    try:
        # Chunks read ahead: enough that every worker has its next chunk waiting while the
        # parent writes a batch.
        for outcomes in pool.map(chain([chunk], chunks), depth=3 * workers):
            yield from outcomes
    finally:
        pool.close()
        times.add("process", pool.cpu)
