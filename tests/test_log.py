"""The package's loggers: made on first use, the library's NullHandler and the application's hook with the first."""

from __future__ import annotations

import logging
from collections.abc import Iterator

import pytest

from dateline import log


@pytest.fixture
def fresh(monkeypatch: pytest.MonkeyPatch) -> Iterator[logging.Logger]:
    """The module as if no logger had been made yet, and the package's root logger bare."""
    root = logging.getLogger(log.ROOT)
    monkeypatch.setattr(log, "_made", False)
    monkeypatch.setattr(log, "_hook", None)
    monkeypatch.setattr(root, "handlers", [])
    yield root


def test_the_first_logger_puts_a_null_handler_on_the_package_root(fresh: logging.Logger) -> None:
    made = log.get_logger("dateline.pipeline")
    assert made.name == "dateline.pipeline"
    log.get_logger("dateline.extract.nlp")
    assert [type(h) for h in fresh.handlers].count(logging.NullHandler) == 1  # once, however many loggers


def test_the_hook_runs_once_before_the_first_logger_is_returned(fresh: logging.Logger) -> None:
    ran: list[bool] = []
    log.on_first_logger(lambda: ran.append(bool(fresh.handlers)))
    assert ran == []
    log.get_logger("dateline.pipeline")
    log.get_logger("dateline.pipeline")
    assert ran == [True]  # once, with the NullHandler already there


def test_a_hook_given_after_the_first_logger_runs_at_once(fresh: logging.Logger) -> None:
    log.get_logger("dateline.pipeline")
    ran: list[int] = []
    log.on_first_logger(lambda: ran.append(1))
    assert ran == [1]


def test_a_second_hook_replaces_the_first(fresh: logging.Logger) -> None:
    ran: list[str] = []
    log.on_first_logger(lambda: ran.append("first"))
    log.on_first_logger(lambda: ran.append("second"))
    log.get_logger("dateline.pipeline")
    assert ran == ["second"]
