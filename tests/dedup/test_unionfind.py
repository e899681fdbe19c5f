import itertools

from dateline.dedup.unionfind import UnionFind


def test_root_is_the_smallest_member_whatever_the_order():
    edges = [("d", "c"), ("b", "d"), ("x", "y")]
    for order in itertools.permutations(edges):
        uf = UnionFind()
        for a, b in order:
            uf.union(a, b)
        assert uf.groups() == {"b": ["b", "c", "d"], "x": ["x", "y"]}


def test_find_of_new_item_is_itself():
    uf = UnionFind([3, 1])
    assert uf.find(7) == 7
    assert uf.union(3, 1) == 1
    assert uf.find(3) == 1


def test_long_chain_compresses():
    uf = UnionFind()
    for i in range(1000, 0, -1):
        uf.union(i, i - 1)
    assert uf.find(1000) == 0
    assert uf.parent[1000] == 0
