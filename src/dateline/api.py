"""The Python API that the command line and the web app are thin layers over."""

from __future__ import annotations

import signal
import threading
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass

from dateline.archive.store import Archive, ArchiveError, Counts
from dateline.model import Article
from dateline.pipeline import Outcome, process
from dateline.read import read_inputs
from dateline.settings import Settings

ProgressFn = Callable[[Counts], None]


def parse(
    paths: Iterable[str], settings: Settings, fmt: str | None = None, skip: Iterable[str] = ()
) -> Iterator[Outcome]:
    """Read and process inputs without an archive: one Outcome per record."""
    records = read_inputs(paths, fmt, settings.max_record_bytes, settings.max_decompressed_bytes, skip)
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


def ingest(
    paths: list[str], settings: Settings, fmt: str | None = None, progress: ProgressFn | None = None,
    archive: Archive | None = None,
) -> IngestResult:
    """Read, clean, extract and store; every record is stored, a duplicate, or rejected."""
    own = archive is None
    arch = archive or Archive(settings.db, timeout=settings.busy_timeout_s)
    total = Counts()
    run_id = arch.begin_run(paths)
    interrupted = False
    try:
        with _stop_on_sigint() as stop:
            batch: list[Outcome] = []
            # An archive inside an input folder must not be read as input while it is written.
            own_files = [arch.path + suffix for suffix in ("", "-wal", "-shm", "-journal")]
            for outcome in parse(paths, settings, fmt, skip=own_files):
                batch.append(outcome)
                if len(batch) >= settings.write_batch:
                    total.add(arch.write(batch, run_id)[0])
                    batch = []
                    if progress:
                        progress(total)
                    if stop.is_set():
                        interrupted = True
                        break
            if batch:
                total.add(arch.write(batch, run_id)[0])
                if progress:
                    progress(total)
            interrupted = interrupted or stop.is_set()
        arch.finish_run(run_id, total, "interrupted" if interrupted else "done")
    except BaseException:
        with suppress(ArchiveError):  # still busy: the error that stopped the run is the one to report
            arch.finish_run(run_id, total, "failed")
        raise
    finally:
        if own:
            arch.close()
    return IngestResult(total, run_id, interrupted)
