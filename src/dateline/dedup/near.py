"""Which pairs of articles are near duplicates, from MinHash signatures: pure code, no SQL.

A pair is a near duplicate when its estimated Jaccard similarity reaches the threshold t, or,
for texts of clearly different lengths (the smaller between MIN_RATIO and MAX_RATIO of the
larger), when the smaller is by estimate contained in the larger at t: a copy cut to 70% of its
length has Jaccard 0.7 with the original, an update that adds paragraphs less, yet each is the
same story. Texts of about equal length are judged by Jaccard alone: containment is then
2J / (1 + J), which would let template stories in at J = 0.67 (on Reuters, the same bond-issue
notice for two different banks).
Clusters are the connected components of near-duplicate pairs (`unionfind`); the archive keeps
the index and the clusters in its tables (`dateline.archive.clusters`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from dateline.dedup.lsh import candidate_pairs
from dateline.dedup.minhash import signatures
from dateline.dedup.shingles import shingle_batch
from dateline.settings import Settings

MIN_RATIO = 0.6  # containment counts only between texts of comparable length ...
MAX_RATIO = 0.9  # ... that are not about equal (see the module's docstring)
MIN_CONTAINED = 20  # ... and only for a smaller text of at least this many shingles


@dataclass(frozen=True, slots=True)
class Params:
    shingle_words: int
    permutations: int
    bands: int
    threshold: float

    @classmethod
    def of(cls, settings: Settings, threshold: float | None = None) -> Params:
        t = settings.near_threshold if threshold is None else threshold
        if not 0.0 < t <= 1.0:
            raise ValueError(f"threshold must be in (0, 1], got {t}")
        return cls(settings.shingle_words, settings.permutations, settings.bands, float(t))


def is_near(jac: np.ndarray, n_a: np.ndarray, n_b: np.ndarray, threshold: float) -> np.ndarray:
    """Which pairs are near duplicates, from estimated Jaccard and the two shingle counts."""
    small = np.minimum(n_a, n_b).astype(np.float64)
    large = np.maximum(n_a, n_b).astype(np.float64)
    with np.errstate(divide="ignore", invalid="ignore"):
        # |A & B| = J (|A| + |B|) / (1 + J); containment = |A & B| / |smaller|.
        contained = jac * (small + large) / ((1.0 + jac) * small)
    sized = (small >= MIN_CONTAINED) & (small >= MIN_RATIO * large) & (small <= MAX_RATIO * large)
    ok_contain = sized & (contained >= threshold)
    return (jac >= threshold) | ok_contain


def signatures_of(texts: Sequence[str], shingle_words: int, permutations: int) -> tuple[np.ndarray, np.ndarray]:
    """(MinHash signatures, shingle counts) of a batch of texts: what workers send to the index."""
    batch = shingle_batch(list(texts), shingle_words)
    return signatures(batch, permutations), batch.counts


def batch_edges(ids: Sequence[str], sigs: np.ndarray, counts: np.ndarray, keys: np.ndarray, live: np.ndarray,
                threshold: float, cap: int = 0) -> list[tuple[str, str]]:
    """Near-duplicate pairs within one batch: LSH candidates (rows `live`, band keys `keys`; a
    bucket crowded past `cap` through its first members, see lsh), then the estimated similarity
    of each candidate pair."""
    if len(live) < 2:
        return []
    pairs = live[candidate_pairs(keys[live], cap)]
    a, b = pairs[:, 0], pairs[:, 1]
    jac = (sigs[a] == sigs[b]).mean(axis=1)
    ok = np.flatnonzero(is_near(jac, counts[a], counts[b], threshold))
    return [(ids[a[k]], ids[b[k]]) for k in ok]


def stored_edges(ids: Sequence[str], sigs: np.ndarray, counts: np.ndarray,
                 rows: Sequence[tuple[int, str, int, bytes]], threshold: float) -> list[tuple[str, str]]:
    """Near-duplicate pairs between a batch and stored articles: `rows` are the candidates (row in the
    batch, stored article id, its shingle count, its signature as little-endian uint32 bytes)."""
    if not rows:
        return []
    new = np.array([r[0] for r in rows], dtype=np.int64)
    old_sigs = np.frombuffer(b"".join(r[3] for r in rows), dtype="<u4").reshape(len(rows), -1)
    old_counts = np.array([r[2] for r in rows], dtype=np.int64)
    jac = (sigs[new] == old_sigs).mean(axis=1)
    ok = is_near(jac, counts[new], old_counts, threshold)
    return [(ids[new[k]], rows[k][1]) for k in np.flatnonzero(ok)]
