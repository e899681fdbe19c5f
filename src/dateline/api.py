"""The Python API that the command line and the web app are thin layers over."""

from __future__ import annotations

import signal
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass

from dateline.archive.store import Archive, ArchiveError, Counts
from dateline.engines.local import StageTimes, process_parallel
from dateline.model import Article
from dateline.pipeline import Outcome, process
from dateline.read import read_inputs
from dateline.settings import Settings

ProgressFn = Callable[[Counts, str], None]  # counts so far, the stage that is the bottleneck


def parse(
    paths: Iterable[str], settings: Settings, fmt: str | None = None, skip: Iterable[str] = ()
) -> Iterator[Outcome]:
    """Read and process inputs without an archive: one Outcome per record."""
    records = read_inputs(paths, fmt, settings.max_record_bytes, settings.max_decompressed_bytes, skip,
                          settings.read_timeout_s)
    yield from process(records, settings)


def parse_articles(paths: Iterable[str], settings: Settings, fmt: str | None = None) -> Iterator[Article]:
    for o in parse(paths, settings, fmt):
        if o.article is not None:
            yield o.article


@dataclass(slots=True)
class IngestResult:
    counts: Counts
    run_id: int
    interrupted: bool
    seconds: float = 0.0
    stages: dict[str, float] | None = None


@contextmanager
def _stop_on_sigint() -> Iterator[threading.Event]:
    """Ctrl-C sets a flag; the ingest stops after the batch it is writing."""
    stop = threading.Event()
    if threading.current_thread() is not threading.main_thread():
        yield stop
        return

    def handler(signum: int, frame: object) -> None:
        if stop.is_set():
            raise KeyboardInterrupt
        stop.set()

    previous = signal.signal(signal.SIGINT, handler)
    try:
        yield stop
    finally:
        signal.signal(signal.SIGINT, previous)


def load(folder: str, settings: Settings, progress: ProgressFn | None = None) -> IngestResult:
    """Load Parquet shards written by the Ray engine into the archive."""
    from dateline.engines.ray_engine import iter_shards

    return _store_all(iter_shards(folder), [folder], settings, progress, None)


def ingest(
    paths: list[str], settings: Settings, fmt: str | None = None, progress: ProgressFn | None = None,
    archive: Archive | None = None,
) -> IngestResult:
    """Read, clean, extract and store; every record is stored, a duplicate, or rejected.

    `settings.workers` > 1 runs clean and extract in a process pool; reading and writing
    stay in this process (one writer, batched transactions).
    """
    times = StageTimes()
    db = archive.path if archive is not None else settings.db
    # An archive inside an input folder must not be read as input while it is written.
    own_files = [db + suffix for suffix in ("", "-wal", "-shm", "-journal")]
    records = read_inputs(paths, fmt, settings.max_record_bytes, settings.max_decompressed_bytes, own_files,
                          settings.read_timeout_s)
    own = archive is None
    arch = archive or Archive(settings.db, settings=settings, timeout=settings.busy_timeout_s)
    try:
        outcomes = process_parallel(arch.mark_stored(records), settings, settings.workers, times)
        return _store_all(outcomes, paths, settings, progress, arch, times)
    finally:
        if own:
            arch.close()


def _store_all(
    outcomes: Iterable[Outcome], inputs: list[str], settings: Settings, progress: ProgressFn | None,
    archive: Archive | None, times: StageTimes | None = None,
) -> IngestResult:
    own = archive is None
    arch = archive or Archive(settings.db, settings=settings, timeout=settings.busy_timeout_s)
    total = Counts()
    times = times or StageTimes()
    started = time.perf_counter()
    run_id = arch.begin_run(inputs)
    interrupted = False

    def store(batch: list[Outcome]) -> None:
        t = time.perf_counter()
        total.add(arch.write(batch, run_id)[0])
        times.add("store", time.perf_counter() - t)
        if progress:
            progress(total, times.bottleneck())

    try:
        with _stop_on_sigint() as stop:
            batch: list[Outcome] = []
            for outcome in outcomes:
                batch.append(outcome)
                if len(batch) >= settings.write_batch:
                    store(batch)
                    batch = []
                    if stop.is_set():
                        interrupted = True
                        break
            if batch:
                store(batch)
            interrupted = interrupted or stop.is_set()
        arch.finish_run(run_id, total, "interrupted" if interrupted else "done")
    except BaseException:
        with suppress(ArchiveError):  # still busy: the error that stopped the run is the one to report
            arch.finish_run(run_id, total, "failed")
        raise
    finally:
        if own:
            arch.close()
    return IngestResult(total, run_id, interrupted, time.perf_counter() - started, dict(times.seconds))
