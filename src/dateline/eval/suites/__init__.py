"""One module per suite; each exposes `run(path, limit, settings) -> SuiteResult`."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from dateline.eval.result import SuiteResult
from dateline.settings import Settings

Runner = Callable[..., SuiteResult]  # (path, limit, settings, **options) -> SuiteResult
# Suites that take `offset` (skip the first N documents: score a slice held out from tuning).
TAKES_OFFSET = frozenset({"quotes", "places"})

# Where each suite's data lives under ../shared/data, and a file that shows it is there.
LAYOUT = {
    "reuters": ("reuters21578", "reut2-000.sgm"),
    "timeml": ("timeml", None),
    "ner": ("gmb", "ner_dataset.csv"),
    "clean": ("polnear", None),
    "quotes": ("polnear", "polnear-train-dev.jsonl"),
    "meantime": ("meantime", "meantime_en.jsonl"),
    "html": ("article-extraction-benchmark", "ground-truth.json"),
    "stories": ("ecbplus", "ecbplus_dev.jsonl"),
    # three sets side by side (plover/, petrarch-validation/, muc4/); found by the first
    "events": ("plover", "plover_gsr_dev.jsonl"),
    "places": ("reuters21578", "reut2-000.sgm"),
    # the whole data folder: each corpus of it that is there (see `suites.archive`)
    "archive": ("", None),
    # the whole data folder: factRuEval, Reuters, PolNeAR and the Zyte pages, those that are there
    "languages": ("", None),
}
# The suites whose data the archive suite ingests, each a corpus of its own.
ARCHIVE_CORPORA = ("quotes", "reuters", "meantime")
# The corpora the languages suite reads; it runs when any is there.
LANGUAGE_CORPORA = ("factrueval", "reuters21578", "polnear", "article-extraction-benchmark")


def _runner(name: str) -> Runner:
    def run(path: Path, limit: int | None, settings: Settings | None, **options: int
            ) -> SuiteResult:
        # Suites import their heavy libraries (spaCy, dateparser) only when they run.
        import importlib

        module = importlib.import_module(f"dateline.eval.suites.{name}")
        return module.run(path, limit, settings, **options)

    return run


SUITES: dict[str, Runner] = {name: _runner(name) for name in LAYOUT}


def data_folder(suite: str, path: Path) -> Path | None:
    """The suite's own folder, given it, a file in it, or the shared data folder above it;
    None if absent."""
    if suite == "archive":
        return path if any(data_folder(s, path) for s in ARCHIVE_CORPORA) else None
    if suite == "languages":
        return path if any((path / c).is_dir() for c in LANGUAGE_CORPORA) else None
    sub, marker = LAYOUT[suite]
    if path.is_file() and (marker is None or path.name == marker):
        path = path.parent
    for candidate in (path / sub, path):
        if candidate.is_dir() and (
            marker is None
            and candidate.name == sub
            or marker is not None
            and (candidate / marker).is_file()
        ):
            return candidate
    return None
