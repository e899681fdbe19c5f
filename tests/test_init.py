"""The package root: what a notebook imports."""

from __future__ import annotations

import logging
import subprocess
import sys

import pytest

import dateline


def test_the_root_exports_the_api() -> None:
    assert set(dateline.__all__) == {"parse", "ingest", "open", "Article", "Settings", "DatelineError"}
    for name in dateline.__all__:
        assert getattr(dateline, name) is not None
    assert any(isinstance(h, logging.NullHandler) for h in logging.getLogger("dateline").handlers)


@pytest.mark.slow  # a subprocess
def test_importing_dateline_loads_neither_spacy_nor_the_archive() -> None:
    # nor `logging`: only the write side logs, and it makes its loggers itself (`dateline.log`)
    code = "import sys, dateline; print(any(m in sys.modules for m in ('spacy', 'dateline.archive.store', 'logging')))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=30)
    assert out.stdout.strip() == "False"
