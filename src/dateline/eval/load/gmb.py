"""The GMB NER sample (CSV, latin-1, one token a row, IOB tags) as small documents.

Sentences are grouped in runs of `sentences_per_doc` into documents; tokens are joined
with a light detokenisation (no space before closing punctuation) and every gold entity
becomes a character span of that text. The file was cut mid-sentence: the last sentence
is dropped.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from dateline.eval.scoring import Item

_NO_SPACE_BEFORE = {
    ",",
    ".",
    ";",
    ":",
    "!",
    "?",
    "%",
    ")",
    "]",
    "'s",
    "n't",
    "'",
    "'re",
    "'ve",
    "'ll",
    "'d",
    "'m",
}
_NO_SPACE_AFTER = {"(", "[", "$"}


@dataclass(slots=True)
class NerDoc:
    id: str
    text: str
    entities: list[Item] = field(default_factory=list)  # label = GMB type (per, geo, ...)


Sentence = list[tuple[str, str]]


def iter_sentences(path: Path) -> Iterator[Sentence]:
    with path.open(encoding="latin-1", newline="") as fh:
        rows = csv.reader(fh)
        next(rows, None)  # header
        current: Sentence = []
        for row in rows:
            if len(row) < 4:
                continue
            if row[0].strip() and current:
                yield current
                current = []
            current.append((row[1], row[3]))
    # `current` is the cut-off last sentence: dropped on purpose.


def build_doc(doc_id: str, sentences: list[Sentence]) -> NerDoc:
    parts: list[str] = []
    pos = 0
    entities: list[Item] = []
    open_: tuple[int, str] | None = None
    prev = ""
    last_end = 0

    def close() -> None:
        nonlocal open_
        if open_ is not None:
            entities.append(Item(open_[0], last_end, open_[1]))
            open_ = None

    for sentence in sentences:
        for word, tag in sentence:
            if parts:
                sep = "" if word in _NO_SPACE_BEFORE or prev in _NO_SPACE_AFTER else " "
                parts.append(sep)
                pos += len(sep)
            start = pos
            parts.append(word)
            pos += len(word)
            kind, _, label = tag.partition("-")
            if kind == "B" or (kind == "I" and (open_ is None or open_[1] != label)):
                close()
                open_ = (start, label)
            elif kind != "I":
                close()
            last_end = pos
            prev = word
        close()
    return NerDoc(doc_id, "".join(parts), entities)


def iter_docs(path: Path, sentences_per_doc: int = 10) -> Iterator[NerDoc]:
    batch: list[Sentence] = []
    n = 0
    for sentence in iter_sentences(path):
        batch.append(sentence)
        if len(batch) == sentences_per_doc:
            n += 1
            yield build_doc(f"gmb-{n}", batch)
            batch = []
    if batch:
        yield build_doc(f"gmb-{n + 1}", batch)
