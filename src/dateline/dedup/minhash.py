"""MinHash signatures for a whole batch of articles at once, in numpy.

datasketch's `MinHash.update_batch` vectorises over the shingles of one article; here one
matrix operation covers the shingles of many articles, and `np.minimum.reduceat` takes each
article's minimum, which the benchmark (bench/dedup.py) measured several times faster.
The permutations are multiply-add-shift hashes of the (already mixed) 64-bit shingle hashes,
keeping the high 32 bits: signatures are uint32, 4 bytes per permutation when stored.
"""

from __future__ import annotations

import numpy as np

from dateline.dedup.shingles import ShingleBatch

EMPTY = np.uint32(0xFFFFFFFF)  # the value of every slot of an article without shingles
_SEED = 20240521  # fixed: stored signatures must stay comparable across runs and versions
_CHUNK = 1 << 13  # shingles per matrix step: 8k x 128 x 8 bytes = 8 MB, near the CPU cache


def permutations(num_perm: int, seed: int = _SEED) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    a = rng.integers(1, 1 << 63, size=num_perm, dtype=np.uint64) | np.uint64(1)
    b = rng.integers(0, 1 << 63, size=num_perm, dtype=np.uint64)
    return a, b


def signatures(batch: ShingleBatch, num_perm: int = 128) -> np.ndarray:
    """(articles, num_perm) uint32; an article without shingles gets a row of EMPTY."""
    a, b = permutations(num_perm)
    a, b = a[:, None], b[:, None]
    n = len(batch.offsets) - 1
    out = np.full((num_perm, n), EMPTY, dtype=np.uint32)
    has = batch.counts > 0
    scratch = np.empty(num_perm * _CHUNK, dtype=np.uint64)
    i = 0
    while i < n:
        j = _chunk_end(batch.offsets, i, n)
        lo, hi = int(batch.offsets[i]), int(batch.offsets[j])
        if hi - lo > _CHUNK:  # one article alone: its minimum is taken a chunk at a time
            out[:, i] = _long_minimum(batch.hashes[lo:hi], a, b, scratch)
        elif hi > lo:
            # Permutations along rows, shingles along columns: the per-article minimum is then
            # a reduceat over contiguous memory, several times faster than over axis 0.
            work = _permuted(batch.hashes[lo:hi], a, b, scratch)
            sel = np.flatnonzero(has[i:j]) + i
            out[:, sel] = np.minimum.reduceat(work, batch.offsets[sel] - lo, axis=1)
        i = j
    return np.ascontiguousarray(out.T)


def _permuted(hashes: np.ndarray, a: np.ndarray, b: np.ndarray, scratch: np.ndarray) -> np.ndarray:
    """(num_perm, len(hashes)) permuted values in the scratch buffer (at most _CHUNK hashes)."""
    work = scratch[: len(a) * len(hashes)].reshape(len(a), len(hashes))
    with np.errstate(over="ignore"):
        np.multiply(a, hashes[None, :], out=work)
        work += b
    work >>= np.uint64(32)
    return work


def _long_minimum(hashes: np.ndarray, a: np.ndarray, b: np.ndarray, scratch: np.ndarray) -> np.ndarray:
    """The signature of one article with more than _CHUNK shingles, as a running minimum over
    chunks: the same values as in one step, in the scratch buffer's memory. In one step, a
    4.9 MB record (800,000 shingles x 128 permutations x 8 bytes) took 800 MB."""
    best = np.full(len(a), np.iinfo(np.uint64).max, dtype=np.uint64)
    for lo in range(0, len(hashes), _CHUNK):
        np.minimum(best, _permuted(hashes[lo:lo + _CHUNK], a, b, scratch).min(axis=1), out=best)
    return best.astype(np.uint32)


def _chunk_end(offsets: np.ndarray, i: int, n: int) -> int:
    """The first article after i whose shingles would overflow the scratch matrix (at least i+1)."""
    j = int(np.searchsorted(offsets, offsets[i] + _CHUNK, side="right")) - 1
    return min(max(j, i + 1), n)


def jaccard(sig_a: np.ndarray, sig_b: np.ndarray) -> np.ndarray:
    """Estimated Jaccard similarity of rows of two signature arrays (the share of equal slots)."""
    return (sig_a == sig_b).mean(axis=-1)
