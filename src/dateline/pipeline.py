"""The stages in order, as a generator over records: read -> clean -> extract.

No stage knows which engine runs it: the local loop here, a process pool or Ray all call
`process`. Every record comes out exactly once, as an Article or a rejection.
"""

from __future__ import annotations

import logging
import signal
import threading
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from dateline.clean import clean_record
from dateline.model import Article, RawRecord, Rejected
from dateline.settings import Settings

log = logging.getLogger(__name__)

Extractor = Callable[[Iterable[Article], Settings], Iterator[Article]]


@dataclass(slots=True)
class Outcome:
    """What became of one record: `article` or `rejected` is set, never both."""

    raw: RawRecord
    article: Article | None = None
    rejected: Rejected | None = None
    signature: tuple[bytes, int] | None = None  # MinHash made by a worker (Ray), with its shingle count


class _TimedOut(BaseException):
    """Not an Exception: a library's `except Exception` around the work (trafilatura's, lxml's)
    must not catch the time limit and report it as its own failure (`bad_html (_TimedOut)`)."""


def _raise_timeout(signum: int, frame: object) -> None:
    raise _TimedOut


@contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Raise _TimedOut in the block after `seconds` of wall time.

    A timer signal rather than a worker process (datatrove's sandbox): a process per record
    would cost more than cleaning it. Signals reach only the main thread, so elsewhere (a
    thread of the web server) the block runs unbounded; engines run stages in main threads.
    """
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


def clean_one(raw: RawRecord, settings: Settings) -> Outcome:
    try:
        with time_limit(settings.clean_timeout_s):
            return Outcome(raw, article=clean_record(raw, settings))
    except _TimedOut:
        return Outcome(raw, rejected=Rejected(
            "too_slow", f"cleaning took over {settings.clean_timeout_s:g} s (clean_timeout_s)"))
    except Rejected as exc:
        return Outcome(raw, rejected=exc)
    except RecursionError:
        return Outcome(raw, rejected=Rejected("too_complex", "the record is nested too deeply to parse"))
    except Exception as exc:  # a bug must cost one record, not the run
        log.exception("cleaning failed for %s:%s", raw.source.path, raw.source.record)
        return Outcome(raw, rejected=Rejected("internal_error", f"{type(exc).__name__}: {exc}"))


class ModelError(Exception):
    """The spaCy pipeline asked for cannot be loaded: a user's setting, not a bad record."""


def load_extractor(settings: Settings) -> Extractor | None:
    if not settings.extract:
        return None
    from dateline.extract import extract_articles
    from dateline.extract.nlp import get_nlp

    try:
        get_nlp(settings.model)  # load now, so a missing model fails the run, not each record
    except OSError as exc:
        raise ModelError(
            f"spaCy pipeline {settings.model!r} is not installed (install it with pip, or use --model NAME)"
        ) from exc
    return extract_articles


def process(records: Iterable[RawRecord], settings: Settings) -> Iterator[Outcome]:
    """Clean every record and extract facts in batches; yields outcomes in input order.

    The extractor (and its model) is loaded at the first batch, so that a bad input is
    reported before seconds go into loading a model.
    """
    extractor: Extractor | None = None
    batch: list[Outcome] = []
    for raw in records:
        batch.append(clean_one(raw, settings))
        if len(batch) >= settings.batch_size:
            extractor = extractor or load_extractor(settings)
            yield from _extract(batch, extractor, settings)
            batch = []
    if batch:
        extractor = extractor or load_extractor(settings)
        yield from _extract(batch, extractor, settings)


def _extract(batch: list[Outcome], extractor: Extractor | None, settings: Settings) -> list[Outcome]:
    if extractor is None:
        return batch
    articles = [o.article for o in batch if o.article is not None]
    if not articles:
        return batch
    try:
        done = iter(list(extractor(articles, settings)))
    except Exception:
        # One poisoned text must not sink its batch: retry one by one, keeping the rest.
        log.exception("extraction failed for a batch; retrying one article at a time")
        return [_extract_alone(o, extractor, settings) for o in batch]
    for o in batch:
        if o.article is not None:
            o.article = next(done)
    return batch


def _extract_alone(o: Outcome, extractor: Extractor, settings: Settings) -> Outcome:
    if o.article is None:
        return o
    try:
        o.article = next(iter(extractor([o.article], settings)))
    except Exception as exc:
        o.article.warnings.append(f"extraction failed: {type(exc).__name__}: {exc}")
    return o
