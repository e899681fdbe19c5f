import numpy as np
import pytest

from dateline.dedup.lsh import band_keys, candidate_pairs


def test_equal_bands_give_equal_keys_and_the_band_number_counts():
    sig = np.arange(16, dtype=np.uint32).reshape(1, 16)
    other = sig.copy()
    other[0, 4:] += 1000  # only band 0 (rows 0-3) stays equal
    keys = band_keys(np.vstack([sig, other]), bands=4)
    assert keys.shape == (2, 4) and keys.dtype == np.int64
    assert keys[0, 0] == keys[1, 0]
    assert (keys[0, 1:] != keys[1, 1:]).all()
    same_rows = np.tile(np.arange(4, dtype=np.uint32), 4).reshape(1, 16)
    assert len(set(band_keys(same_rows, 4)[0].tolist())) == 4


def test_uneven_bands_are_refused():
    with pytest.raises(ValueError):
        band_keys(np.zeros((1, 10), dtype=np.uint32), 3)


def test_candidate_pairs_share_a_key_once_each():
    keys = np.array([[1, 2], [3, 2], [5, 6], [1, 9], [7, 8]], dtype=np.int64)
    pairs = candidate_pairs(keys)
    assert pairs.tolist() == [[0, 1], [0, 3]]


def test_a_big_bucket_gives_every_pair():
    keys = np.array([[42, i] for i in range(6)], dtype=np.int64)
    assert len(candidate_pairs(keys)) == 15


def test_no_pairs():
    assert candidate_pairs(np.array([[1], [2]], dtype=np.int64)).shape == (0, 2)


def test_a_bucket_over_the_cap_pairs_its_members_with_its_first_only():
    keys = np.array([[7, 1], [7, 2], [7, 3], [7, 4], [9, 4]], dtype=np.int64)  # bucket 7: rows 0-3
    assert candidate_pairs(keys, cap=3).tolist() == [[0, 1], [0, 2], [0, 3], [3, 4]]
    assert len(candidate_pairs(keys, cap=4)) == 7  # within the cap: every pair, as without one
    assert candidate_pairs(keys, cap=4).tolist() == candidate_pairs(keys).tolist()


def test_a_crowded_bucket_costs_pairs_linear_in_its_size():
    keys = np.zeros((5000, 4), dtype=np.int64)  # 5,000 copies of one template in every band
    pairs = candidate_pairs(keys, cap=50)
    assert len(pairs) == 4999 and (pairs[:, 0] == 0).all()
