"""Word shingles of an article's clean body, hashed to 64-bit integers for a whole batch.

The clean stage has already taken the dateline, notices and boilerplate off the body, so
shingling the body is fingerprinting the story. Words are casefolded runs between spaces and
punctuation: quote marks, punctuation and whitespace changes between two copies change no
shingle.

Hashing is our own, in numpy over the whole batch, rather than one Python hash call per shingle:
word hashes come from prefix sums of a polynomial hash over the batch's UTF-8 bytes, and the
k-word windows are combined with vectorised arithmetic. The hashes are stable (not Python's
salted `hash`): signatures are stored and compared across runs.
"""

from __future__ import annotations

import string
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

# Punctuation (ASCII, and Unicode's P* categories up to the end of General Punctuation) becomes
# a space; str.translate + split measured twice as fast as re.findall(r"\w+") on news text.
# Whitespace of every kind becomes a plain space too, so that words are split on one byte.
_SPACE = str.maketrans(
    {c: " " for c in map(chr, range(0x3001))
     if c in string.punctuation or c.isspace() or unicodedata.category(c).startswith("P")}
)
_P = np.uint64(0x100000001B3)  # the FNV prime: odd, so invertible modulo 2**64
_P_INV = np.uint64(pow(0x100000001B3, -1, 1 << 64))
_PIECE = 1 << 18  # bytes hashed at a time: two 2 MB tables of powers, cached
# Odd 64-bit multipliers, one per position in the window, so that word order matters.
_POS = np.array(
    [0x9E3779B97F4A7C15 ^ (0xBF58476D1CE4E5B9 * (i + 1) % (1 << 64)) | 1 for i in range(64)],
    dtype=np.uint64,
)


def words(text: str) -> list[str]:
    return text.casefold().translate(_SPACE).split()


def mix64(x: np.ndarray) -> np.ndarray:
    """splitmix64's finaliser: spreads every input bit over the whole word (in place)."""
    x ^= x >> np.uint64(30)
    x *= np.uint64(0xBF58476D1CE4E5B9)
    x ^= x >> np.uint64(27)
    x *= np.uint64(0x94D049BB133111EB)
    x ^= x >> np.uint64(31)
    return x


@dataclass(slots=True)
class ShingleBatch:
    """The shingle hashes of many articles, concatenated; article i owns
    `hashes[offsets[i]:offsets[i + 1]]` (an article too short for one window gets one shingle of
    all its words; an article with no words gets none)."""

    hashes: np.ndarray  # uint64
    offsets: np.ndarray  # int64, len(articles) + 1

    @property
    def counts(self) -> np.ndarray:
        return np.diff(self.offsets)


def shingle_batch(texts: Sequence[str], k: int = 5) -> ShingleBatch:
    if not 1 <= k <= len(_POS):
        raise ValueError(f"shingle size must be between 1 and {len(_POS)}, got {k}")
    pieces = [t.casefold().translate(_SPACE).encode("utf-8") for t in texts]
    sizes = np.fromiter(map(len, pieces), dtype=np.int64, count=len(pieces))
    buf = np.frombuffer(b" ".join(pieces) + b" ", dtype=np.uint8)
    starts_b = np.zeros(len(pieces), dtype=np.int64)
    np.cumsum(sizes[:-1] + 1, out=starts_b[1:])
    h, first = _word_hashes(buf)
    article = np.searchsorted(starts_b, first, side="right") - 1
    lengths = np.bincount(article, minlength=len(texts)).astype(np.int64)
    starts = np.zeros(len(texts) + 1, dtype=np.int64)
    np.cumsum(lengths, out=starts[1:])
    return _windows(h, starts, lengths, k)


def _word_hashes(buf: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """A stable 64-bit hash of every space-separated word of the UTF-8 buffer, and where each
    word starts; in pieces cut at spaces, so that the table of powers stays small."""
    hashes, firsts = [], []
    pos, n = 0, len(buf)
    while pos < n:
        end = min(pos + _PIECE, n)
        if end < n:
            spaces = np.flatnonzero(buf[pos:end] == 0x20)
            end = pos + int(spaces[-1]) + 1 if len(spaces) else end
        h, first = _hash_piece(buf[pos:end])
        hashes.append(h)
        firsts.append(first + pos)
        pos = end
    if not hashes:
        return np.zeros(0, dtype=np.uint64), np.zeros(0, dtype=np.int64)
    return np.concatenate(hashes), np.concatenate(firsts)


def _hash_piece(buf: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """A polynomial hash from prefix sums, all in numpy: hashing word by word in Python (or
    mapping words to a vocabulary) measured as the slowest step of the batch."""
    space = buf == 0x20
    prev_space = np.concatenate([[True], space[:-1]])
    next_space = np.concatenate([space[1:], [True]])
    first = np.flatnonzero(~space & prev_space)
    last = np.flatnonzero(~space & next_space)
    n = len(buf)
    powers, inverse = _powers()
    with np.errstate(over="ignore"):
        prefix = np.zeros(n + 1, dtype=np.uint64)
        np.multiply(buf, powers[:n], out=prefix[1:])
        np.cumsum(prefix[1:], out=prefix[1:])
        h = (prefix[last + 1] - prefix[first]) * inverse[first]  # sum c_j P**(j - first)
        h ^= (last - first + 1).astype(np.uint64) * np.uint64(0x9E3779B97F4A7C15)
    return mix64(h), first


_POWERS: list[np.ndarray] = []


def _powers() -> tuple[np.ndarray, np.ndarray]:
    """P**i and P**-i modulo 2**64 for i < _PIECE, computed once."""
    if not _POWERS:
        with np.errstate(over="ignore"):
            p = np.cumprod(np.full(_PIECE, _P, dtype=np.uint64)) * _P_INV
            q = np.cumprod(np.full(_PIECE, _P_INV, dtype=np.uint64)) * _P
        _POWERS[:] = [p, q]
    return _POWERS[0], _POWERS[1]


def _windows(h: np.ndarray, starts: np.ndarray, lengths: np.ndarray, k: int) -> ShingleBatch:
    n = len(h)
    # Window j covers words j..j+k-1 of the concatenation; combine with wrapping arithmetic.
    # Positions past the end are padded with zeros; those windows are dropped below.
    padded = np.concatenate([h, np.zeros(k, dtype=np.uint64)])
    acc = np.zeros(n, dtype=np.uint64)
    with np.errstate(over="ignore"):
        for j in range(k):
            acc += padded[j : j + n] * _POS[j]
    mix64(acc)
    # Keep the windows that start in an article and end inside the same article.
    per = np.maximum(lengths - k + 1, 0)
    short = (lengths > 0) & (lengths < k)
    keep_starts = starts[:-1]
    idx = _ranges(keep_starts, per)
    hashes = acc[idx]
    counts = per.copy()
    if short.any():
        hashes, counts = _add_short(hashes, counts, h, starts, lengths, short)
    offsets = np.zeros(len(lengths) + 1, dtype=np.int64)
    np.cumsum(counts, out=offsets[1:])
    return ShingleBatch(hashes, offsets)


def _ranges(starts: np.ndarray, counts: np.ndarray) -> np.ndarray:
    """Concatenation of arange(s, s + c) for each (s, c), without a Python loop."""
    out_starts = np.cumsum(counts) - counts
    return np.arange(int(counts.sum()), dtype=np.int64) + np.repeat(starts - out_starts, counts)


def _add_short(hashes, counts, h, starts, lengths, short):
    """An article shorter than one window: one shingle over all its words."""
    parts = np.split(hashes, np.cumsum(counts)[:-1])
    for i in np.flatnonzero(short):
        acc = np.zeros(1, dtype=np.uint64)
        with np.errstate(over="ignore"):
            for j in range(int(lengths[i])):
                acc += h[starts[i] + j : starts[i] + j + 1] * _POS[j]
        parts[i] = mix64(acc)
        counts[i] = 1
    return (np.concatenate(parts) if parts else hashes), counts
