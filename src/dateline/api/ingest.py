"""The write side of the API: parse inputs into articles, ingest them into an archive, load shards.

`settings` left out means the settings every caller builds the same way (`load_settings`: the
defaults, $DATELINE_DB, `dateline.toml`); `paths` may be one path or several.
"""

from __future__ import annotations

import signal
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field

from dateline.archive.store import Archive, ArchiveError, Counts
from dateline.engines.local import StageTimes, process_parallel
from dateline.model import Article
from dateline.pipeline import Outcome, process
from dateline.read import check_inputs, read_inputs
from dateline.read.advice import REPEATED_URLS, InputAdvice
from dateline.read.options import ReadOptions
from dateline.settings import Settings, load_settings

ProgressFn = Callable[[Counts, str], None]  # counts so far, the stage that is the bottleneck


def _paths(paths: str | Iterable[str]) -> list[str]:
    return [paths] if isinstance(paths, str) else list(paths)


def parse(
    paths: str | Iterable[str], settings: Settings | None = None, fmt: str | None = None, skip: Iterable[str] = ()
) -> Iterator[Outcome]:
    """Read and process inputs without an archive: one Outcome per record."""
    settings = settings or load_settings()
    paths = _paths(paths)
    records = read_inputs(paths, fmt, skip=skip, options=ReadOptions.from_settings(settings),
                          timeout_s=settings.read_timeout_s)
    yield from process(records, settings)


def parse_articles(paths: str | Iterable[str], settings: Settings | None = None,
                   fmt: str | None = None) -> Iterator[Article]:
    """The articles of the inputs (rejected records left out)."""
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
    advice: list[str] | None = None  # what the inputs seem to need (`--field`), in words
    # Articles stored by this run per language (ISO 639-1; UNKNOWN_LANGUAGE when neither stated
    # nor confidently detected): whether a dump is what the user thought it was shows here first.
    languages: dict[str, int] = field(default_factory=dict)


UNKNOWN_LANGUAGE = "unknown"  # not a two-letter code, so it never clashes with a language


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


def load(folder: str, settings: Settings | None = None, progress: ProgressFn | None = None) -> IngestResult:
    """Load Parquet shards written by the Ray engine into the archive."""
    settings = settings or load_settings()
    from dateline.engines.ray_engine import iter_shards

    return _store_all(iter_shards(folder), [folder], settings, progress, None)


def ingest(
    paths: str | list[str], settings: Settings | None = None, fmt: str | None = None,
    progress: ProgressFn | None = None, archive: Archive | None = None,
) -> IngestResult:
    """Read, clean, extract and store; every record is stored, a duplicate, or rejected.

    `settings.workers` > 1 runs clean and extract in a process pool; reading and writing
    stay in this process (one writer, batched transactions).
    """
    settings = settings or load_settings()
    paths = _paths(paths)
    check_inputs(paths, fmt)  # before the archive is created
    times = StageTimes()
    db = archive.path if archive is not None else settings.db
    # An archive inside an input folder must not be read as input while it is written.
    own_files = [db + suffix for suffix in ("", "-wal", "-shm", "-journal")]
    records = read_inputs(paths, fmt, skip=own_files, options=ReadOptions.from_settings(settings),
                          timeout_s=settings.read_timeout_s)
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
    advice = InputAdvice()
    languages: Counter[str] = Counter()

    def store(batch: list[Outcome]) -> None:
        t = time.perf_counter()
        counts, new = arch.write(batch, run_id)
        total.add(counts)
        advice.note_stored(new)
        languages.update(a.language or UNKNOWN_LANGUAGE for a in new)
        for o in batch:
            if o.rejected is not None:
                advice.note_rejected(o.raw, o.rejected)
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
        advice.repeated = arch.repeated_bodies(run_id, REPEATED_URLS)
        arch.finish_run(run_id, total, "interrupted" if interrupted else "done")
    except BaseException:
        with suppress(ArchiveError):  # still busy: the error that stopped the run is the one to report
            arch.finish_run(run_id, total, "failed")
        raise
    finally:
        if own:
            arch.close()
    return IngestResult(total, run_id, interrupted, time.perf_counter() - started, dict(times.seconds),
                        advice.lines(), dict(languages.most_common()))
