from __future__ import annotations

import spacy
from spacy.attrs import DEP, LOWER, POS
from spacy.tokens import Doc

from dateline.extract.doctokens import column, doc_text, token_starts, tokens_where

WORDS = ["According", "to", "Ann", "Lee", ",", "the", "minister", "said", "he", "would",
         "resign", "."]
SPACES = [True, True, True, False, True, True, True, True, True, True, False, False]
POS_ = ["VERB", "ADP", "PROPN", "PROPN", "PUNCT", "DET", "NOUN", "VERB", "PRON", "AUX", "VERB",
        "PUNCT"]
DEPS = ["prep", "prep", "compound", "pobj", "punct", "det", "nsubj", "ROOT", "nsubj", "aux",
        "ccomp", "punct"]
HEADS = [7, 0, 3, 1, 7, 6, 7, 7, 10, 10, 7, 7]
VOCAB = spacy.blank("en").vocab


def _doc() -> Doc:
    # a blank English vocab, so that each word's LOWER is set as a model's would be
    return Doc(VOCAB, words=WORDS, spaces=SPACES, pos=POS_, deps=DEPS, heads=HEADS)


def test_text_and_offsets_are_the_docs_own() -> None:
    doc = _doc()
    assert doc_text(doc) == doc.text
    assert token_starts(doc) == [t.idx for t in doc]


def test_token_starts_gives_each_caller_its_own_list() -> None:
    doc = _doc()
    token_starts(doc).append(-1)
    assert token_starts(doc) == [t.idx for t in doc]


def test_tokens_where_finds_the_tokens_a_walk_would_find() -> None:
    doc = _doc()
    verbs = tokens_where(doc, POS, ("VERB", "AUX"))
    assert verbs == [t.i for t in doc if t.pos_ in ("VERB", "AUX")] == [0, 7, 9, 10]
    assert tokens_where(doc, DEP, ("nsubj",)) == [6, 8]
    assert tokens_where(doc, LOWER, ("according", "never-seen")) == [0]


def test_tokens_where_keeps_to_its_range_and_reports_doc_indices() -> None:
    doc = _doc()
    assert tokens_where(doc, POS, ("VERB",), 5, 11) == [7, 10]
    assert tokens_where(doc, POS, ("VERB",), 1, 7) == []


def test_a_column_is_read_once_and_cannot_be_written() -> None:
    doc = _doc()
    col = column(doc, DEP)
    assert column(doc, DEP) is col
    assert not col.flags.writeable
