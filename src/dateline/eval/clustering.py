"""Scores of a grouping against gold groups: B-cubed, pairwise F1, adjusted Rand index.

Our own few lines rather than scikit-learn (not otherwise a dependency): B-cubed is not in it,
and the other two are short sums over the contingency table.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Hashable, Mapping
from dataclasses import dataclass
from math import comb


@dataclass(frozen=True, slots=True)
class PRF:
    precision: float
    recall: float
    f1: float

    @classmethod
    def of(cls, p: float, r: float) -> PRF:
        return cls(p, r, 2 * p * r / (p + r) if p + r else 0.0)


def bcubed(pred: Mapping[Hashable, Hashable], gold: Mapping[Hashable, Hashable]) -> PRF:
    """Each item's precision and recall over the items it is grouped with, averaged (Bagga & Baldwin)."""
    items = list(gold)
    if not items:
        return PRF(0.0, 0.0, 0.0)
    cell = Counter((pred[i], gold[i]) for i in items)
    psize = Counter(pred[i] for i in items)
    gsize = Counter(gold[i] for i in items)
    p = sum(cell[(pred[i], gold[i])] / psize[pred[i]] for i in items) / len(items)
    r = sum(cell[(pred[i], gold[i])] / gsize[gold[i]] for i in items) / len(items)
    return PRF.of(p, r)


def pairwise(pred: Mapping[Hashable, Hashable], gold: Mapping[Hashable, Hashable]) -> PRF:
    """Precision and recall over the pairs of items put in one group."""
    items = list(gold)
    cell = Counter((pred[i], gold[i]) for i in items)
    both = sum(comb(n, 2) for n in cell.values())
    in_pred = sum(comb(n, 2) for n in Counter(pred[i] for i in items).values())
    in_gold = sum(comb(n, 2) for n in Counter(gold[i] for i in items).values())
    return PRF.of(both / in_pred if in_pred else 1.0, both / in_gold if in_gold else 1.0)


def ari(pred: Mapping[Hashable, Hashable], gold: Mapping[Hashable, Hashable]) -> float:
    """Adjusted Rand index (Hubert & Arabie): 1 for the gold grouping, about 0 for chance."""
    items = list(gold)
    n = len(items)
    if n < 2:
        return 1.0
    cell = Counter((pred[i], gold[i]) for i in items)
    index = sum(comb(c, 2) for c in cell.values())
    a = sum(comb(c, 2) for c in Counter(pred[i] for i in items).values())
    b = sum(comb(c, 2) for c in Counter(gold[i] for i in items).values())
    expected = a * b / comb(n, 2)
    top = (a + b) / 2
    return 1.0 if top == expected else (index - expected) / (top - expected)


def false_merges(pred: Mapping[Hashable, Hashable], gold: Mapping[Hashable, Hashable],
                 family: Mapping[Hashable, Hashable]) -> int:
    """Pairs of items of different gold groups of one family put in one predicted group
    (ECB+: two sub-topics of one topic, the hard negatives)."""
    groups: dict[Hashable, list[Hashable]] = defaultdict(list)
    for i in gold:
        groups[pred[i]].append(i)
    return sum(
        1
        for members in groups.values()
        for x in range(len(members))
        for y in range(x + 1, len(members))
        if gold[members[x]] != gold[members[y]] and family[members[x]] == family[members[y]]
    )
