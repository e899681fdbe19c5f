import numpy as np

from dateline.dedup import minhash
from dateline.dedup.minhash import EMPTY, jaccard, signatures
from dateline.dedup.shingles import shingle_batch

WORDS = [f"w{i}" for i in range(400)]


def _true_jaccard(a: str, b: str, k: int = 5) -> float:
    def grams(t):
        w = t.split()
        return {tuple(w[i:i + k]) for i in range(len(w) - k + 1)}
    ga, gb = grams(a), grams(b)
    return len(ga & gb) / len(ga | gb)


def test_identical_texts_have_identical_signatures():
    sigs = signatures(shingle_batch(["a b c d e f g", "x y", "a b c d e f g"]))
    assert sigs.shape == (3, 128) and sigs.dtype == np.uint32
    assert jaccard(sigs[0], sigs[2]) == 1.0


def test_estimate_is_close_to_the_true_jaccard():
    a = " ".join(WORDS[:300])
    b = " ".join(WORDS[60:360])
    sigs = signatures(shingle_batch([a, b]), 256)
    truth = _true_jaccard(a, b)
    assert abs(jaccard(sigs[0], sigs[1]) - truth) < 0.08
    assert 0.6 < truth < 0.7


def test_disjoint_texts_share_almost_no_slot():
    sigs = signatures(shingle_batch([" ".join(WORDS[:200]), " ".join(WORDS[200:])]))
    assert jaccard(sigs[0], sigs[1]) < 0.05


def test_empty_article_gets_the_empty_row():
    sigs = signatures(shingle_batch(["", "a b c d e"]), 16)
    assert (sigs[0] == EMPTY).all() and not (sigs[1] == EMPTY).all()


def test_chunking_does_not_change_signatures(monkeypatch):
    texts = [" ".join(WORDS[i:i + 40 + i]) for i in range(30)] + ["", "short"]
    whole = signatures(shingle_batch(texts))
    monkeypatch.setattr(minhash, "_CHUNK", 16)
    assert np.array_equal(signatures(shingle_batch(texts)), whole)
    one_by_one = np.vstack([signatures(shingle_batch([t])) for t in texts])
    assert np.array_equal(one_by_one, whole)


def test_a_long_article_is_hashed_in_the_memory_of_one_chunk():
    import tracemalloc

    rng = np.random.default_rng(3)
    text = " ".join(rng.choice(np.array(WORDS), 200_000))
    batch = shingle_batch([text])
    tracemalloc.start()
    signatures(batch)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    # One step over 200,000 shingles x 128 permutations would take 200 MB; the chunks take 8 MB.
    assert peak < 30_000_000
