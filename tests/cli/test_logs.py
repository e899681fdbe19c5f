"""The command line's log records: one line on stderr, the traceback only when debugging."""

from __future__ import annotations

import logging

import pytest

from dateline.cli.logs import OneLine, setup_logging
from dateline.log import ROOT


def _record(exc: bool = False) -> logging.LogRecord:
    info = None
    if exc:
        try:
            raise ValueError("bad batch")
        except ValueError as e:
            info = (ValueError, e, e.__traceback__)
    return logging.LogRecord("dateline.pipeline", logging.WARNING, __file__, 1, "batch of %d went over budget",
                             (16,), info)


def test_a_record_is_one_line(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("DATELINE_DEBUG", raising=False)
    assert OneLine().format(_record(exc=True)) == "warning: batch of 16 went over budget"


def test_debugging_shows_the_traceback(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DATELINE_DEBUG", "1")
    assert "ValueError: bad batch" in OneLine("%(levelname)s: %(message)s").format(_record(exc=True))


def test_the_handler_is_added_once_and_not_over_the_applications(monkeypatch: pytest.MonkeyPatch) -> None:
    root = logging.getLogger(ROOT)

    def ours() -> list[logging.Handler]:
        return [h for h in root.handlers if isinstance(h.formatter, OneLine)]

    monkeypatch.setattr(root, "handlers", [logging.NullHandler()])
    monkeypatch.setattr(root, "propagate", True)
    monkeypatch.setattr(root, "level", logging.NOTSET)
    setup_logging()
    setup_logging()
    assert len(ours()) == 1 and isinstance(ours()[0], logging.StreamHandler)
    assert root.level == logging.WARNING and not root.propagate
    own = logging.StreamHandler()
    monkeypatch.setattr(root, "handlers", [own])
    setup_logging()
    assert own in root.handlers and ours() == []
