"""Near-duplicate detection, pure code: word shingles, MinHash signatures, banded LSH, which
pairs are near duplicates, union-find. No SQL: the archive keeps the index and the clusters in
its tables (`dateline.archive.clusters`).

The names are loaded on first use, so that importing `dateline.dedup.unionfind` (the cluster
readers do) does not import numpy.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__all__ = ["Params", "batch_edges", "is_near", "signatures_of", "stored_edges"]

if TYPE_CHECKING:
    from dateline.dedup.near import Params, batch_edges, is_near, signatures_of, stored_edges


def __getattr__(name: str) -> Any:
    if name in __all__:
        from dateline.dedup import near

        return getattr(near, name)
    raise AttributeError(f"module 'dateline.dedup' has no attribute {name!r}")
