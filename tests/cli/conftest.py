"""Fixtures of the command-line tests: the read API's hand-built archive."""

from __future__ import annotations

import pytest
from api.fixture_archive import build


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    return build(tmp_path_factory.mktemp("cli") / "cli.db")


@pytest.fixture(scope="module")
def bare_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    """An archive as `ingest --no-extract` leaves it: undated articles and no facts."""
    from dateline.archive.store import Archive
    from dateline.model import RawRecord, Source
    from dateline.pipeline import clean_one
    from dateline.settings import Settings

    path = str(tmp_path_factory.mktemp("bare") / "bare.db")
    settings = Settings(db=path, extract=False)
    texts = ["The harbour authority said the new quay would open in spring, after storms closed the old one.",
             "The covered market reopened on the square after a long repair of its roof, traders said."]
    outcomes = [clean_one(RawRecord(Source("bare.jsonl", i + 1, "jsonl"), text=t), settings)
                for i, t in enumerate(texts)]
    with Archive(path, settings=settings) as archive:
        run = archive.begin_run(["bare.jsonl"])
        counts, _ = archive.write(outcomes, run)
        archive.finish_run(run, counts, "done")
    return path
