import numpy as np
import pytest

from dateline.dedup.shingles import shingle_batch, words


def test_words_ignore_case_punctuation_and_quote_marks():
    assert words("\u201cWe will\u201d,  said   LOPEZ.") == words('"we will", said Lopez') == [
        "we", "will", "said", "lopez"]


def test_one_shingle_per_window_of_k_words():
    batch = shingle_batch(["one two three four five six seven"], k=5)
    assert batch.counts.tolist() == [3]
    assert len(set(batch.hashes.tolist())) == 3


def test_short_text_gets_one_shingle_and_empty_text_none():
    batch = shingle_batch(["too short", "", "a b c d e"], k=5)
    assert batch.counts.tolist() == [1, 0, 1]
    assert batch.offsets.tolist() == [0, 1, 1, 2]


def test_word_order_matters():
    a, b = shingle_batch(["a b c d e", "e d c b a"], k=5).hashes
    assert a != b


def test_hashes_do_not_depend_on_the_rest_of_the_batch():
    text = "the minister said the budget would pass before the end of the month"
    alone = shingle_batch([text]).hashes
    mixed = shingle_batch(["other words come first in this batch of text", text])
    assert np.array_equal(mixed.hashes[mixed.offsets[1]:], alone)


def test_windows_never_cross_articles():
    joined = shingle_batch(["a b c d e f g h"], k=5)
    split = shingle_batch(["a b c d", "e f g h"], k=5)
    assert not set(split.hashes.tolist()) & set(joined.hashes.tolist())


def test_bad_shingle_size():
    with pytest.raises(ValueError):
        shingle_batch(["a"], k=0)


def test_any_whitespace_separates_words():
    plain = shingle_batch(["one two three four five"]).hashes
    odd = shingle_batch(["one\u00a0two\tthree\n\nfour\u2009five"]).hashes
    assert np.array_equal(plain, odd)
    assert words("one\u00a0two\u2009three") == ["one", "two", "three"]


def test_non_ascii_words_hash_apart():
    a, b = shingle_batch(["café in zürich", "cafe in zurich"]).hashes
    assert a != b


def test_batches_longer_than_one_hashing_piece(monkeypatch):
    from dateline.dedup import shingles

    texts = [" ".join(f"word{i % 97} x{i}" for i in range(j, j + 60)) for j in range(40)]
    whole = shingle_batch(texts)
    monkeypatch.setattr(shingles, "_PIECE", 64)
    monkeypatch.setattr(shingles, "_POWERS", [])
    pieces = shingle_batch(texts)
    assert np.array_equal(pieces.hashes, whole.hashes)
    assert np.array_equal(pieces.offsets, whole.offsets)
