"""The API the command line, the web app and notebooks are thin layers over.

Write side (`ingest.py`): `parse`, `ingest`, `load`. Read side (`read.py`): `open` returns the
archive object whose methods are the only door to an archive's contents.

The names are loaded on first use: a read command never imports the write side (the cleaning
and extraction stages, their libraries and the process pool), which would cost it more CPU
than its query.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from dateline.lazy import lazy_exports

__all__ = ["IngestResult", "NewsArchive", "ProgressFn", "ingest", "load", "open", "parse", "parse_articles"]

_WHERE = {
    "IngestResult": "dateline.api.ingest", "ProgressFn": "dateline.api.ingest", "ingest": "dateline.api.ingest",
    "load": "dateline.api.ingest", "parse": "dateline.api.ingest", "parse_articles": "dateline.api.ingest",
    "NewsArchive": "dateline.api.read", "open": "dateline.api.read",
}

if TYPE_CHECKING:
    from dateline.api.ingest import IngestResult, ProgressFn, ingest, load, parse, parse_articles
    from dateline.api.read import NewsArchive, open  # noqa: A004


__getattr__, __dir__ = lazy_exports(__name__, _WHERE, globals(), __all__)
