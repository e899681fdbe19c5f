"""Near-duplicate detection: word shingles, MinHash signatures, banded LSH, clusters.

`DedupIndex` keeps the LSH index and the clusters in the archive's SQLite file (tables
named `dedup_*`), so a second ingest compares new articles with everything already stored.
"""

from dateline.dedup.index import DedupIndex, list_clusters

__all__ = ["DedupIndex", "list_clusters"]
