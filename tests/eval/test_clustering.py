from hypothesis import given
from hypothesis import strategies as st

from dateline.eval.clustering import ari, bcubed, false_merges, pairwise

GOLD = {"a": 1, "b": 1, "c": 2, "d": 2}


def test_the_gold_grouping_scores_one_everywhere() -> None:
    assert bcubed(GOLD, GOLD).f1 == 1.0
    assert pairwise(GOLD, GOLD).f1 == 1.0
    assert ari(GOLD, GOLD) == 1.0


def test_one_big_group_has_full_recall_and_half_precision() -> None:
    one = dict.fromkeys(GOLD, 0)
    b = bcubed(one, GOLD)
    assert b.recall == 1.0 and b.precision == 0.5
    assert pairwise(one, GOLD).precision == 2 / 6
    assert ari(one, GOLD) == 0.0


def test_singletons_have_full_precision() -> None:
    alone = {k: k for k in GOLD}
    assert bcubed(alone, GOLD).precision == 1.0 and bcubed(alone, GOLD).recall == 0.5


def test_false_merges_count_pairs_across_groups_of_one_family_only() -> None:
    pred = {"a": 0, "b": 0, "c": 0, "d": 1, "e": 0}
    gold = {"a": "1x", "b": "1x", "c": "1y", "d": "1y", "e": "2x"}
    family = {"a": 1, "b": 1, "c": 1, "d": 1, "e": 2}
    assert false_merges(pred, gold, family) == 2  # a-c, b-c; the e pairs are another family


@given(st.dictionaries(st.integers(0, 30), st.tuples(st.integers(0, 4), st.integers(0, 4)), min_size=2))
def test_scores_stay_between_zero_and_one(d: dict[int, tuple[int, int]]) -> None:
    pred = {k: v[0] for k, v in d.items()}
    gold = {k: v[1] for k, v in d.items()}
    for s in (bcubed(pred, gold), pairwise(pred, gold)):
        assert 0 <= s.precision <= 1 and 0 <= s.recall <= 1 and 0 <= s.f1 <= 1
    assert ari(pred, gold) <= 1.0 + 1e-9
