"""Fixtures of the read API's tests."""

from __future__ import annotations

import pytest

from .fixture_archive import build


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    return build(tmp_path_factory.mktemp("api") / "api.db")
