from __future__ import annotations

import pytest

from dateline.settings import Settings


@pytest.fixture(scope="module")
def nlp():  # type: ignore[no-untyped-def]
    from dateline.extract.nlp import get_nlp

    return get_nlp(Settings().model)


@pytest.fixture(scope="module")
def settings() -> Settings:
    return Settings()
