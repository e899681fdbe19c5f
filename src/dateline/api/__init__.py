"""The API the command line, the web app and notebooks are thin layers over.

Write side (`ingest.py`): `parse`, `ingest`, `load`. Read side (`read.py`): `open` returns the
archive object whose methods are the only door to an archive's contents.
"""

from dateline.api.ingest import IngestResult, ProgressFn, ingest, load, parse, parse_articles
from dateline.api.read import NewsArchive, open

__all__ = ["IngestResult", "NewsArchive", "ProgressFn", "ingest", "load", "open", "parse", "parse_articles"]
