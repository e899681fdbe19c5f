"""Invariants of the cleaner, checked with hypothesis on generated news-like records."""

from __future__ import annotations

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dateline.clean import clean_record, normalised
from dateline.clean.duplicates import sentence_key
from dateline.clean.sentences import split_sentences
from dateline.model import RawRecord, Rejected, Source

WORDS = ["minister", "talks", "border", "officials", "ceasefire", "said", "on", "the", "in",
         "market", "prices", "rose", "fell", "government", "army", "report", "week", "a", "of"]

word = st.sampled_from(WORDS)
sentence = st.builds(
    lambda first, rest, end: " ".join([first.capitalize(), *rest]) + end,
    word, st.lists(word, min_size=3, max_size=14), st.sampled_from([".", ".", "!", "?"]),
)
paragraph = st.lists(sentence, min_size=1, max_size=4).map(" ".join)
record_text = st.lists(paragraph, min_size=1, max_size=8).map("\n".join)


def _clean(text: str):
    try:
        return clean_record(RawRecord(source=Source("t", 0, "txt"), text=text))
    except Rejected:
        return None


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(record_text)
def test_cleaning_is_idempotent(text: str) -> None:
    once = _clean(text)
    if once is None:
        return
    twice = _clean(once.text)
    assert twice is not None and twice.text == once.text


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(record_text, st.booleans())
def test_no_sentence_that_occurs_once_is_lost(text: str, glue: bool) -> None:
    if glue:  # the scraper fault of the example record: paragraphs joined with no space
        text = text.replace("\n", "", 1)
    a = _clean(text)
    if a is None:
        return
    spaced = re.sub(r"([.!?])(?=[A-Z])", r"\1 ", text)
    keys = [sentence_key(s) for p in spaced.split("\n") for s in split_sentences(p)]
    once = {k for k in keys if keys.count(k) == 1 and k}
    kept = normalised(" ".join(sentence_key(s) for s in split_sentences(a.text.replace("\n\n", " "))))
    for k in once:
        assert k in kept, k


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=400))
def test_any_text_cleans_or_is_rejected(text: str) -> None:
    a = _clean(text)
    if a is not None:
        for p in a.paragraphs:
            assert a.text[p.start:p.end].strip() == a.text[p.start:p.end] != ""
