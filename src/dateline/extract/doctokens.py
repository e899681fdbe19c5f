"""A parsed doc's text and token columns, read once per doc for every extractor.

spaCy builds a new Python `Token` each time one is reached (`for tok in doc`, `doc[i]`), and
`Doc.text` joins every token's text again on each call. An extractor that walks the whole doc
to find the few tokens a rule can use (the verbs, the subjects), or slices `doc.text` once per
quote, pays that cost per token of the article each time. Here the text and the attribute
columns (`Doc.to_array`, C speed) are read once and kept for the doc's lifetime, so that an
extractor reaches only the tokens its rule can use and slices the text without rebuilding it.

The extractors do not change a doc after the pipeline (no retokenising), so what is kept stays
true for as long as the doc lives; it goes with the doc (weak references).
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable
from weakref import WeakKeyDictionary

import numpy as np
from spacy.attrs import IDX, POS
from spacy.parts_of_speech import IDS as POS_IDS
from spacy.tokens import Doc

_TEXT: WeakKeyDictionary[Doc, str] = WeakKeyDictionary()
_COLUMNS: WeakKeyDictionary[Doc, dict[int, np.ndarray]] = WeakKeyDictionary()
_HITS: WeakKeyDictionary[Doc, dict[tuple[int, tuple[str, ...]], list[int]]] = WeakKeyDictionary()


def doc_text(doc: Doc) -> str:
    """`doc.text`, joined once per doc."""
    text = _TEXT.get(doc)
    if text is None:
        text = _TEXT[doc] = doc.text
    return text


def column(doc: Doc, attr: int) -> np.ndarray:
    """One attribute of every token (`spacy.attrs` id), as `Doc.to_array` gives it; read once
    per doc. The array is shared: read it, never write it."""
    cols = _COLUMNS.setdefault(doc, {})
    col = cols.get(attr)
    if col is None:
        col = cols[attr] = doc.to_array(attr)
        col.flags.writeable = False
    return col


def token_starts(doc: Doc) -> list[int]:
    """Each token's character offset (`[t.idx for t in doc]`), a new list for the caller."""
    return column(doc, IDX).tolist()  # type: ignore[no-any-return]


def _ids(doc: Doc, attr: int, values: Iterable[str]) -> list[int]:
    # Coarse tags are a fixed enum; every other string attribute is stored as its hash.
    if attr == POS:
        return [POS_IDS[v] for v in values]
    return [doc.vocab.strings[v] for v in values]


def tokens_where(doc: Doc, attr: int, values: tuple[str, ...], start: int = 0,
                 end: int | None = None) -> list[int]:
    """The indices, in order, of the tokens in `doc[start:end]` whose `attr` (POS, DEP, LOWER,
    ...) is one of `values`: the tokens a rule can use, without building the others. The doc's
    hits are found once per doc and question, so asking per sentence costs a bisection."""
    found = _HITS.setdefault(doc, {})
    hits = found.get((attr, values))
    if hits is None:
        col = column(doc, attr)
        mask = np.zeros(len(col), dtype=bool)
        for value in _ids(doc, attr, values):
            mask |= col == value
        hits = found[(attr, values)] = np.flatnonzero(mask).tolist()
    if start == 0 and end is None:
        return list(hits)
    return hits[bisect_left(hits, start) : bisect_left(hits, len(doc) if end is None else end)]
