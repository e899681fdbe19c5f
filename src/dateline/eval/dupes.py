"""Duplicate pairs among a set of texts: exact copies and near copies (shingle Jaccard).

A measuring stick for the evaluation, not the archive's dedup: candidates come from
datasketch's MinHash LSH and every candidate pair is checked with the exact Jaccard
similarity of its word shingles, so the count reported holds pairs that truly pass.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import combinations

from dateline.clean import normalised


@dataclass(slots=True)
class DuplicatePairs:
    exact: list[tuple[str, str]]
    near: list[tuple[str, str, float]]  # (id, id, Jaccard) not already exact copies


def shingles(text: str, k: int) -> set[str]:
    words = normalised(text).split()
    if len(words) <= k:
        return {" ".join(words)}
    return {" ".join(words[i : i + k]) for i in range(len(words) - k + 1)}


def jaccard(a: set[str], b: set[str]) -> float:
    return len(a & b) / len(a | b) if a or b else 1.0


def find_pairs(
    items: Sequence[tuple[str, str]],
    threshold: float = 0.8,
    k: int = 5,
    permutations: int = 128,
) -> DuplicatePairs:
    """Pairs among (id, text) items; exact = same normalised text."""
    from datasketch import MinHash, MinHashLSH

    by_text: dict[str, list[str]] = defaultdict(list)
    for ident, text in items:
        by_text[normalised(text)].append(ident)
    exact = [pair for ids in by_text.values() for pair in combinations(ids, 2)]

    # One representative per exact group: near pairs are between different texts.
    reps = [(ids[0], text) for text, ids in by_text.items()]
    sets = {ident: shingles(text, k) for ident, text in reps}
    lsh = MinHashLSH(threshold=threshold, num_perm=permutations)
    sketches = {}
    for ident, sh in sets.items():
        mh = MinHash(num_perm=permutations)
        mh.update_batch([s.encode("utf-8") for s in sh])
        sketches[ident] = mh
        lsh.insert(ident, mh)
    group = {ids[0]: ids for ids in by_text.values()}
    near = []
    seen: set[tuple[str, str]] = set()
    for ident, mh in sketches.items():
        for other in lsh.query(mh):
            key = (min(ident, other), max(ident, other))
            if other == ident or key in seen:
                continue
            seen.add(key)
            j = jaccard(sets[ident], sets[other])
            if j >= threshold:
                near.extend((a, b, round(j, 3)) for a in group[key[0]] for b in group[key[1]])
    return DuplicatePairs(exact=exact, near=near)
