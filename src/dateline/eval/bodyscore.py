"""Body-text scoring as the article-extraction benchmark does it (its `evaluate.py`).

A text is a bag of 4-word shingles (words are runs of `\\w`). For one page, the shingles both
texts share are true positives, the extra ones of the system false positives and the missing
ones false negatives; the three are divided by their sum, so that a long page weighs no more
than a short one. Precision and recall are then averaged over pages (a page with nothing on
one side is left out of that mean, as the benchmark does) and F1 is taken from the two means.
"""

from __future__ import annotations

import re
import statistics
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

SHINGLE_WORDS = 4
_WORD = re.compile(r"\w+")


@dataclass(frozen=True, slots=True)
class Match:
    """One page's normalised true positives, false positives and false negatives."""

    tp: float
    fp: float
    fn: float

    @property
    def precision(self) -> float:
        if self.fp == self.fn == 0:
            return 1.0
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        if self.fp == self.fn == 0:
            return 1.0
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def shingles(text: str, n: int = SHINGLE_WORDS) -> Counter[tuple[str, ...]]:
    """Every run of n words; a text shorter than n words is one shingle of all its words."""
    words = _WORD.findall(text or "")
    return Counter(tuple(words[i : i + n]) for i in range(max(1, len(words) - n + 1)) if words[i : i + n])


def match(gold: str, system: str) -> Match:
    g, s = shingles(gold), shingles(system)
    tp = sum((g & s).values())
    fp = sum((s - g).values())
    fn = sum((g - s).values())
    total = tp + fp + fn
    return Match(tp / total, fp / total, fn / total) if total else Match(0.0, 0.0, 0.0)


def summary(matches: Sequence[Match]) -> dict[str, float | None]:
    """Mean precision and recall over pages, and the F1 of those means."""
    ps = [m.precision for m in matches if m.tp + m.fp > 0]
    rs = [m.recall for m in matches if m.tp + m.fn > 0]
    if not ps or not rs:
        return {"f1": None, "precision": None, "recall": None}
    p, r = statistics.mean(ps), statistics.mean(rs)
    return {"f1": 2 * p * r / (p + r) if p + r else 0.0, "precision": p, "recall": r}
