"""Banded LSH: signatures cut into bands, each band hashed to one 64-bit bucket key.

Two articles become candidates when any band key is equal. With 128 permutations in 32 bands
of 4 rows, a pair at Jaccard 0.8 shares a band with probability 1 - (1 - 0.8**4)**32 > 0.9999,
and one at 0.3 with probability 0.23; verification by the estimated Jaccard removes the rest.
Keys are signed 64-bit integers so that SQLite stores them as plain INTEGERs.
"""

from __future__ import annotations

import numpy as np

from dateline.dedup.shingles import mix64

_ROW = np.array([0xD6E8FEB86659FD93, 0xA0761D6478BD642F, 0xE7037ED1A0B428DB,
                 0x8EBC6AF09C88C6E3, 0x589965CC75374CC3, 0x1D8E4E27C47D124F], dtype=np.uint64)
_BAND = np.uint64(0x9E3779B97F4A7C15)


def band_keys(sigs: np.ndarray, bands: int) -> np.ndarray:
    """(articles, bands) int64 bucket keys; the band number is part of each key."""
    n, k = sigs.shape
    if bands <= 0 or k % bands:
        raise ValueError(f"{k} permutations cannot be cut into {bands} equal bands")
    rows = k // bands
    cut = sigs.reshape(n, bands, rows).astype(np.uint64)
    keys = np.broadcast_to(np.arange(1, bands + 1, dtype=np.uint64) * _BAND, (n, bands)).copy()
    with np.errstate(over="ignore"):
        for r in range(rows):
            keys = mix64(keys ^ (cut[:, :, r] * _ROW[r % len(_ROW)]) + np.uint64(r))
    return keys.view(np.int64)


def candidate_pairs(keys: np.ndarray, cap: int = 0) -> np.ndarray:
    """(pairs, 2) int64 of row numbers i < j that share at least one bucket key, each once.

    `cap` > 0 bounds what one bucket costs: a bucket of more than `cap` members pairs each of
    them with its first member only, not with every other. Many articles in one bucket is
    itself the sign of a template (market reports, earnings tables, wire advisories), and
    their copies are found through the representative; all pairs made 4,000 one-line records
    take 100 s and 3.4 GB.
    """
    n, bands = keys.shape
    flat = keys.ravel()
    owner = np.repeat(np.arange(n, dtype=np.int64), bands)
    order = np.argsort(flat, kind="stable")  # stable: within a bucket, rows in ascending order
    skeys, sown = flat[order], owner[order]
    if not len(skeys):
        return np.zeros((0, 2), dtype=np.int64)
    run = np.concatenate([[0], np.cumsum(skeys[1:] != skeys[:-1])])
    size = np.bincount(run)
    found: list[np.ndarray] = []
    crowded = (size[run] > cap) if cap > 0 else np.zeros(len(run), dtype=bool)
    if crowded.any():
        first = np.flatnonzero(np.concatenate([[True], run[1:] != run[:-1]]))  # each bucket's start
        rep = sown[first][run]
        members = np.flatnonzero(crowded)
        found.append(np.stack([np.minimum(rep[members], sown[members]),
                               np.maximum(rep[members], sown[members])], axis=1))
    pos = np.flatnonzero(np.concatenate([run[1:] == run[:-1], [False]]) & ~crowded)
    d = 1
    # Pair each bucket member with the one d places on, for growing d: the work is the number
    # of pairs, not n * (largest bucket).
    while len(pos):
        nxt = pos + d
        ok = nxt < len(skeys)
        ok[ok] = run[nxt[ok]] == run[pos[ok]]
        pos = pos[ok]
        a, b = sown[pos], sown[pos + d]
        found.append(np.stack([np.minimum(a, b), np.maximum(a, b)], axis=1))
        d += 1
    if not found:
        return np.zeros((0, 2), dtype=np.int64)
    pairs = np.concatenate(found)
    pairs = pairs[pairs[:, 0] != pairs[:, 1]]
    code = np.unique(pairs[:, 0] * n + pairs[:, 1])
    return np.stack([code // n, code % n], axis=1)
