"""Shared fixtures: small news-like records written for the tests, and a tiny archive."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import settings as hypothesis_settings

from dateline.settings import DATA_ENV, Settings, shared_folder

# Property tests draw the same examples on every run by default, so that CI passes or fails
# on the code, not on the draw; `HYPOTHESIS_PROFILE=explore` (with DATELINE_FUZZ_EXAMPLES for
# more examples) searches new inputs, and what it finds is pinned with `@example`.
hypothesis_settings.register_profile("repeatable", derandomize=True)
hypothesis_settings.register_profile("explore", derandomize=False)
hypothesis_settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "repeatable"))

FIXTURES = Path(__file__).parent / "fixtures"
SHARED = shared_folder()
SEED = SHARED / "seeds" / "000_2a05499d5289fea9.txt"
# Why the tests that read the shared folder skip, and how to point them at it.
NO_SEED = (f"the seed record is not at {SEED}: set {DATA_ENV} to the shared folder "
           "(the one holding seeds/ and data/; default ../shared beside the clone)")

GLUED = (
    "date 2022-03-04 Officials said the talks would resume next week.The minister declined to "
    "say when.*Group X (GX/the Group) is banned in Freedonia.\n"
    "OSLO (Reuters) - Negotiators from both sides met in Oslo on Thursday to discuss a ceasefire "
    "along the northern border, the foreign ministry said.\n"
    "Officials said the talks would resume next week.\n"
    "The minister declined to say when, but Group X* fighters were reported near the border.\n"
    "*Group X (GX/the Group) is banned in Freedonia.\n"
)


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(db=str(tmp_path / "test.db"), extract=False)


@pytest.fixture
def glued_file(tmp_path: Path) -> Path:
    p = tmp_path / "dump.txt"
    p.write_text(GLUED, encoding="utf-8")
    return p


@pytest.fixture(autouse=True)
def _no_db_env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("DATELINE_DB", raising=False)
    monkeypatch.delenv("DATELINE_CONFIG", raising=False)


def seed_available() -> bool:
    return SEED.is_file() and os.access(SEED, os.R_OK)
