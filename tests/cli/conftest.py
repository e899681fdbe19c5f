"""Fixtures of the command-line tests: the read API's hand-built archive."""

from __future__ import annotations

import pytest
from api.fixture_archive import build


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    return build(tmp_path_factory.mktemp("cli") / "cli.db")
