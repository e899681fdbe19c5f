"""Pairwise linking scores, counted from group sizes."""

from itertools import combinations

from hypothesis import given
from hypothesis import strategies as st

from dateline.eval.linking import Linked, score_links, surface_key


def test_pairs_within_and_across_articles():
    items = [
        Linked("a", "boeing", "e1"),
        Linked("a", "boeing", "e1"),  # linked by both: right
        Linked("a", "usaf", "e2"),
        Linked("a", "usaf", "e3"),  # gold links them, the system does not: a miss
        Linked("b", "boeing", "e1"),  # across: linked to both Boeings in `a`
        Linked("b", "airbus", "e2"),  # across: wrongly linked to the first USAF
    ]
    s = score_links(items)
    assert (s.within.tp, s.within.sys, s.within.gold) == (1, 1, 2)
    assert (s.across.tp, s.across.sys, s.across.gold) == (2, 3, 2)
    assert s.mentions == 6


def _brute(items: list[Linked]) -> tuple[tuple[int, int, int], tuple[int, int, int]]:
    counts = {True: [0, 0, 0], False: [0, 0, 0]}
    for x, y in combinations(items, 2):
        c = counts[x.doc == y.doc]
        g, s = x.gold == y.gold, x.system == y.system
        c[0] += g and s
        c[1] += s
        c[2] += g
    return tuple(counts[True]), tuple(counts[False])  # type: ignore[return-value]


@given(
    st.lists(
        st.builds(Linked, st.sampled_from("ab"), st.sampled_from("xyz"), st.sampled_from("123")),
        max_size=12,
    )
)
def test_group_counting_equals_listing_every_pair(items: list[Linked]):
    s = score_links(items)
    within, across = _brute(items)
    assert (s.within.tp, s.within.sys, s.within.gold) == within
    assert (s.across.tp, s.across.sys, s.across.gold) == across


def test_surface_key_ignores_case_dots_and_the():
    assert surface_key("The U.S. Air Force") == surface_key("us air force")
    assert surface_key("Boeing") != surface_key("Boeing Co")
