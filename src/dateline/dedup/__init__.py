"""Near-duplicate detection, pure code: word shingles, MinHash signatures, banded LSH, which
pairs are near duplicates, union-find. No SQL: the archive keeps the index and the clusters in
its tables (`dateline.archive.clusters`).
"""

from dateline.dedup.near import Params, batch_edges, is_near, signatures_of, stored_edges

__all__ = ["Params", "batch_edges", "is_near", "signatures_of", "stored_edges"]
