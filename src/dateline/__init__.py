"""dateline: raw news dumps in, a clean searchable archive out.

    import dateline
    arc = dateline.open("news.db")
    arc.quotes(speaker="Ana Ruiz").to_pandas()

The names below are loaded on first use, so `import dateline` stays cheap (no spaCy, no SQLite
until asked).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from dateline.lazy import lazy_exports

__version__ = "0.1.0"
__all__ = ["Article", "DatelineError", "Settings", "ingest", "open", "parse"]

_WHERE = {
    "parse": "dateline.api.ingest", "ingest": "dateline.api.ingest", "open": "dateline.api.read",
    "Article": "dateline.model", "Settings": "dateline.settings", "DatelineError": "dateline.errors",
}

if TYPE_CHECKING:
    from dateline.api.ingest import ingest, parse
    from dateline.api.read import open  # noqa: A004
    from dateline.errors import DatelineError
    from dateline.model import Article
    from dateline.settings import Settings


__getattr__, __dir__ = lazy_exports(__name__, _WHERE, globals(), __all__)
