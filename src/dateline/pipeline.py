"""The stages in order, as a generator over records: read -> clean -> extract.

No stage knows which engine runs it: the local loop here, a process pool or Ray all call
`process`. Every record comes out exactly once, as an Article or a rejection (or untouched, when
its source is stored already).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from dateline.budget import TimedOut as _TimedOut
from dateline.budget import time_limit, too_slow
from dateline.log import get_logger
from dateline.model import Article, RawRecord, Rejected
from dateline.settings import Settings

log = get_logger(__name__)

Extractor = Callable[[Iterable[Article], Settings], Iterator[Article]]
StageFn = Callable[[str], None]  # told the stage a record enters, so a watchdog can name it


def _no_stage(stage: str) -> None:
    return None


@dataclass(slots=True)
class Outcome:
    """What became of one record: `article` or `rejected` is set, never both; neither for a
    record whose source is stored already (`raw.stored`), which no stage touches."""

    raw: RawRecord
    article: Article | None = None
    rejected: Rejected | None = None
    signature: tuple[bytes, int] | None = None  # MinHash made by a worker (Ray), with its shingle count
    story_profile: str | None = None  # the story profile (JSON) made by a worker (Ray)


def clean_record(raw: RawRecord, settings: Settings) -> Article:
    """The clean stage. Imported on first use: the command line imports this module for
    `ModelError`, and a read command must not pay for the cleaning libraries (ftfy, trafilatura)."""
    from dateline.clean import clean_record as clean

    return clean(raw, settings)


def clean_one(raw: RawRecord, settings: Settings) -> Outcome:
    if raw.stored:
        return Outcome(raw)
    try:
        with time_limit(settings.clean_timeout_s):
            return Outcome(raw, article=clean_record(raw, settings))
    except _TimedOut:
        return Outcome(raw, rejected=too_slow("clean", settings.clean_timeout_s, "clean_timeout_s"))
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


def process(records: Iterable[RawRecord], settings: Settings, on_stage: StageFn = _no_stage) -> Iterator[Outcome]:
    """Clean every record and extract facts in batches; yields outcomes in input order.

    The extractor (and its model) is loaded at the first batch, so that a bad input is
    reported before seconds go into loading a model. `on_stage` hears each stage as it starts
    (a pool worker reports it to the parent, which names it if the worker has to be replaced).
    """
    extractor: Extractor | None = None
    batch: list[Outcome] = []
    for raw in records:
        on_stage("clean")
        batch.append(clean_one(raw, settings))
        if len(batch) >= settings.batch_size:
            extractor = extractor or _load_for(batch, settings)
            on_stage("extract")
            yield from _extract(batch, extractor, settings)
            batch = []
    if batch:
        extractor = extractor or _load_for(batch, settings)
        on_stage("extract")
        yield from _extract(batch, extractor, settings)


def _load_for(batch: list[Outcome], settings: Settings) -> Extractor | None:
    """The extractor, loaded only once a batch has an article: a re-ingest of stored sources
    never pays for the model (about 5 s)."""
    if not any(o.article is not None for o in batch):
        return None
    return load_extractor(settings)


def _extract(batch: list[Outcome], extractor: Extractor | None, settings: Settings) -> list[Outcome]:
    if extractor is None:
        return batch
    for o in batch:
        if o.article is not None and len(o.article.text) > settings.extract_max_chars:
            o.article.warnings.append(f"not extracted: {len(o.article.text):,} characters, over "
                                      f"extract_max_chars ({settings.extract_max_chars:,})")
    articles = [o.article for o in batch if o.article is not None and len(o.article.text) <= settings.extract_max_chars]
    if not articles:
        return batch
    try:
        # The batch may spend its records' budgets together (spaCy works a batch at a time,
        # so one record's share cannot be timed alone); past that, each record is run alone
        # under its own budget, which finds the slow one and keeps the rest.
        with time_limit(settings.extract_timeout_s * len(articles)):
            done = iter(list(extractor(articles, settings)))
    except _TimedOut:
        log.warning("extraction of a batch of %d went over budget; retrying one at a time", len(articles))
        return [_extract_alone(o, extractor, settings) for o in batch]
    except Exception:
        # One poisoned text must not sink its batch: retry one by one, keeping the rest.
        log.exception("extraction failed for a batch; retrying one article at a time")
        return [_extract_alone(o, extractor, settings) for o in batch]
    for o in batch:
        if o.article is not None and len(o.article.text) <= settings.extract_max_chars:
            o.article = next(done)
    return batch


def _extract_alone(o: Outcome, extractor: Extractor, settings: Settings) -> Outcome:
    if o.article is None or len(o.article.text) > settings.extract_max_chars:
        return o
    try:
        with time_limit(settings.extract_timeout_s):
            o.article = next(iter(extractor([o.article], settings)))
    except _TimedOut:
        return Outcome(o.raw, rejected=too_slow("extract", settings.extract_timeout_s, "extract_timeout_s"))
    except Exception as exc:
        o.article.warnings.append(f"extraction failed: {type(exc).__name__}: {exc}")
    return o
