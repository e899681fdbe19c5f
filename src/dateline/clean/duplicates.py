"""Repeated content inside one record: keep each paragraph once, in its most complete form.

Scrapers often emit a teaser or a glued copy of the body before (or after) the body itself.
A paragraph is redundant when every one of its sentences is also found in the other kept
paragraphs. Which copy goes first: glued (repaired) copies before clean ones, then the copy
that is a merge of several paragraphs, then shorter before longer, later before earlier.
Sentences of eight words or more repeated inside otherwise new glued pieces are dropped too.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from dateline.clean.sentences import split_sentences

_NONWORD = re.compile(r"\W+")
# Punctuation to spaces by str.translate, several times faster than a regex substitution.
_PUNCT = str.maketrans(
    {c: " " for c in "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~\u2018\u2019\u201c\u201d\u2013\u2014\u2026\u00ab\u00bb"}
)
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
    if sentence.isascii():
        return " ".join(sentence.casefold().translate(_PUNCT).split())
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


_ROUGH = re.compile(r"(?<=[.!?])\s+")


def may_repeat(pieces: list[Piece]) -> bool:
    """A cheap test that lets most records skip the exact analysis: any glued piece, or any
    sentence (split roughly, without the abbreviation rules) that occurs twice."""
    if any(p.repaired for p in pieces):
        return True
    seen: set[str] = set()
    for p in pieces:
        for s in _ROUGH.split(p.text):
            k = sentence_key(s)
            if k in seen:
                return True
            seen.add(k)
    return False


def remove_duplicates(pieces: list[Piece]) -> tuple[list[str], list[str], dict[str, int]]:
    """(kept paragraphs in order, removed texts, counts of what was removed)."""
    if not may_repeat(pieces):
        return [p.text for p in pieces], [], {"duplicate_paragraphs": 0, "duplicate_sentences": 0}
    sentences = [split_sentences(p.text) or [p.text] for p in pieces]
    keys = [[sentence_key(s) for s in ss] for ss in sentences]
    alive = [True] * len(pieces)
    counts: Counter[str] = Counter(k for ks in keys for k in ks)
    removed: list[str] = []
    stats = {"duplicate_paragraphs": 0, "duplicate_sentences": 0}

    if max(counts.values(), default=0) < 2 and not any(p.repaired for p in pieces):
        return [p.text for p in pieces], removed, stats  # nothing repeats: the common case
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
    # Only a glued (repaired) piece loses single sentences: a sentence repeated in a clean
    # paragraph is the writer's (a quote recalled, a pull quote), and the clean copy wins
    # over a glued one wherever each stands.
    seen = {k for i, ks in enumerate(keys) if alive[i] and not pieces[i].repaired for k in ks}
    for i, piece in enumerate(pieces):
        if not alive[i]:
            continue
        if not piece.repaired:
            kept.append(piece.text)
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


# On a web page, text repeats by design: the same question put to each person interviewed,
# the same feature bullets under two products, `Serves 4` under every recipe of a meal plan.
# What a scraper repeats is a whole block: a paragraph long enough to be prose, or a run of
# paragraphs printed twice (a teaser block, a second copy of the story). Only those go. A
# paragraph printed three times or more is the page's own pattern (a meal plan's recipe lines,
# a refrain), not a copy: it stays wherever it stands.
MIN_REPEATED_WORDS = 12
PATTERN_REPEATS = 3
MIN_RUN = 2
_PROSE_END = re.compile(r"[.!?:\"'\u201d\u2019)]\s*$")


def remove_repeated_blocks(pieces: list[Piece]) -> tuple[list[str], list[str], dict[str, int]]:
    """(kept paragraphs in order, removed texts, counts): a later copy of a paragraph of
    MIN_REPEATED_WORDS words or more, or of a run of MIN_RUN prose paragraphs, is removed."""
    keys = [sentence_key(p.text) for p in pieces]
    times = Counter(keys)
    first: dict[str, int] = {}
    for i, k in enumerate(keys):
        first.setdefault(k, i)
    drop = [False] * len(pieces)
    for i, k in enumerate(keys):
        j = first[k]
        if j == i or not k or times[k] >= PATTERN_REPEATS:
            continue
        if len(k.split()) >= MIN_REPEATED_WORDS:
            drop[i] = True
            continue
        run = 0  # how many prose paragraphs from i on repeat those from j on, in order
        while (i + run < len(keys) and j + run < i and keys[i + run] == keys[j + run]
               and times[keys[i + run]] < PATTERN_REPEATS and _PROSE_END.search(pieces[i + run].text)):
            run += 1
        if run >= MIN_RUN:
            for r in range(run):
                drop[i + r] = True
    kept = [p.text for p, d in zip(pieces, drop, strict=True) if not d]
    removed = [p.text for p, d in zip(pieces, drop, strict=True) if d]
    return kept, removed, {"duplicate_paragraphs": len(removed), "duplicate_sentences": 0}
