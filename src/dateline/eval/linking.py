"""Entity linking scored by pairs of mentions, within an article and across articles.

Only gold name mentions the system also found (same span) are scored, so that a name the
recogniser missed is not counted again as a linking error. For every pair of them, the gold
says whether both name the same instance (MEANTIME's cross-document `instance_id`); the
system says whether both belong to the same entity (in the archive: the corpus-wide entity
id). A pair is right when both agree that it is linked; precision, recall and F1 are over
linked pairs (the pairwise measure of coreference and record-linkage work).

Pairs within one article score the grouping of names (`Boeing Co.` / `Boeing`, a surname
with the full name, an acronym with its expansion); pairs across articles score the
corpus-wide entity table. The baseline links two mentions when their words are the same
(case, dots and a leading `the` aside): what a bare recogniser with string matching gives.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Hashable, Sequence
from dataclasses import dataclass, field

from dateline.eval.scoring import Counts

_LEADING_THE = re.compile(r"^the\s+")


@dataclass(frozen=True, slots=True)
class Linked:
    """A scored mention: its article, its gold instance and the system's entity for it."""

    doc: str
    gold: Hashable
    system: Hashable


@dataclass(slots=True)
class LinkScores:
    within: Counts = field(default_factory=Counts)
    across: Counts = field(default_factory=Counts)
    mentions: int = 0

    def __add__(self, other: LinkScores) -> LinkScores:
        return LinkScores(
            self.within + other.within, self.across + other.across, self.mentions + other.mentions
        )


def _pairs(groups: Counter[Hashable]) -> int:
    return sum(n * (n - 1) // 2 for n in groups.values())


def _linked_pairs(items: Sequence[Linked]) -> tuple[Counts, Counts]:
    """Pair counts from group sizes (pairs linked by gold, by the system, by both), split
    into pairs inside one article and pairs across articles, without listing the pairs."""

    def both(key: str) -> tuple[int, int]:
        by_key: Counter[Hashable] = Counter()
        by_key_doc: Counter[Hashable] = Counter()
        for i in items:
            k = (i.gold, i.system) if key == "both" else getattr(i, key)
            by_key[k] += 1
            by_key_doc[(i.doc, k)] += 1
        all_pairs, within = _pairs(by_key), _pairs(by_key_doc)
        return within, all_pairs - within

    g_in, g_across = both("gold")
    s_in, s_across = both("system")
    t_in, t_across = both("both")
    return Counts(t_in, s_in, g_in), Counts(t_across, s_across, g_across)


def score_links(items: Sequence[Linked]) -> LinkScores:
    within, across = _linked_pairs(items)
    return LinkScores(within, across, len(items))


def surface_key(text: str) -> str:
    """The baseline's identity of a mention: its words, case, dots and a leading `the` aside."""
    folded = unicodedata.normalize("NFKC", text).casefold().replace(".", "")
    return " ".join(_LEADING_THE.sub("", folded.strip()).split())
