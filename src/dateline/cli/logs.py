"""Where the package's log records go when the command line runs: stderr, one line each.

Imported only when a module of the package makes its first logger (`dateline.log`): the read
commands never log, and `logging` costs them a tenth of their start.
"""

from __future__ import annotations

import logging
import os
import sys

from dateline.log import ROOT


class OneLine(logging.Formatter):
    """Log records as one line; the traceback only with DATELINE_DEBUG set."""

    def format(self, record: logging.LogRecord) -> str:
        if os.environ.get("DATELINE_DEBUG"):
            return super().format(record)
        return f"{record.levelname.lower()}: {record.getMessage()}"


def setup_logging() -> None:
    """Warnings and errors of the package on stderr, unless the application (a test, a program
    calling `main`) already gave the package's root logger a handler of its own."""
    root_logger = logging.getLogger(ROOT)
    if not any(not isinstance(h, logging.NullHandler) for h in root_logger.handlers):
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(OneLine("%(levelname)s: %(message)s"))
        root_logger.addHandler(handler)
        root_logger.setLevel(logging.WARNING)
        root_logger.propagate = False
