"""Repeated content inside one record: keep each paragraph once, in its most complete form.

Scrapers often emit a teaser or a glued copy of the body before (or after) the body itself.
A paragraph is redundant when every one of its sentences is also found in the other kept
paragraphs. Which copy goes first: glued (repaired) copies before clean ones, then the copy
that is a merge of several paragraphs, then shorter before longer, later before earlier.
Sentences of eight words or more repeated inside otherwise new paragraphs are dropped too.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from dateline.clean.sentences import split_sentences

_NONWORD = re.compile(r"\W+")
MIN_PARAGRAPH_WORDS = 5
MIN_SENTENCE_WORDS = 8
# A paragraph contained word for word in another (a truncated teaser) is found by substring
# search, which is quadratic; records with more paragraphs than this skip that check.
MAX_PARAGRAPHS_FOR_CONTAINMENT = 300


@dataclass(slots=True)
class Piece:
    text: str
    repaired: bool = False


def sentence_key(sentence: str) -> str:
    return _NONWORD.sub(" ", sentence.casefold()).strip()


def _containment(pieces: list[Piece], alive: list[bool]):  # noqa: ANN202
    """A test: is piece i's text found word for word inside another live, longer piece?"""
    flat = [" " + sentence_key(p.text) + " " for p in pieces]
    if len(pieces) > MAX_PARAGRAPHS_FOR_CONTAINMENT:
        return lambda i: False

    def contained(i: int) -> bool:
        needle = flat[i]
        return any(
            j != i and alive[j] and len(flat[j]) > len(needle) and needle in flat[j]
            for j in range(len(pieces))
        )

    return contained


def remove_duplicates(pieces: list[Piece]) -> tuple[list[str], list[str], dict[str, int]]:
    """(kept paragraphs in order, removed texts, counts of what was removed)."""
    sentences = [split_sentences(p.text) or [p.text] for p in pieces]
    keys = [[sentence_key(s) for s in ss] for ss in sentences]
    alive = [True] * len(pieces)
    counts: Counter[str] = Counter(k for ks in keys for k in ks)
    removed: list[str] = []
    stats = {"duplicate_paragraphs": 0, "duplicate_sentences": 0}

    order = sorted(range(len(pieces)), key=lambda i: (not pieces[i].repaired, -len(keys[i]), -i))
    contained = _containment(pieces, alive)
    for i in order:
        if len(pieces[i].text.split()) < MIN_PARAGRAPH_WORDS:
            continue
        own = Counter(keys[i])
        if all(counts[k] > n for k, n in own.items()) or contained(i):
            alive[i] = False
            counts.subtract(own)
            removed.append(pieces[i].text)
            stats["duplicate_paragraphs"] += 1

    kept: list[str] = []
    seen: set[str] = set()
    for i, piece in enumerate(pieces):
        if not alive[i]:
            continue
        out = []
        for sent, key in zip(sentences[i], keys[i], strict=True):
            if key in seen and len(key.split()) >= MIN_SENTENCE_WORDS and len(sentences[i]) > 1:
                removed.append(sent)
                stats["duplicate_sentences"] += 1
                continue
            seen.add(key)
            out.append(sent)
        kept.append(piece.text if len(out) == len(sentences[i]) else " ".join(out))
    return kept, removed, stats
