"""Fixtures of the web tests."""

from __future__ import annotations

import pytest

from .fixture_archive import build


@pytest.fixture(scope="module")
def web_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    return build(tmp_path_factory.mktemp("web") / "web.db")
