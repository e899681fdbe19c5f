import sqlite3

import numpy as np
import pytest

from dateline.archive.clusters import DedupIndex, list_clusters
from dateline.dedup.near import is_near
from dateline.settings import Settings


def _clusters(conn: sqlite3.Connection) -> set[tuple[str, ...]]:
    rows = conn.execute("SELECT cluster, article_id FROM dedup_members").fetchall()
    by: dict[str, list[str]] = {}
    for c, a in rows:
        by.setdefault(c, []).append(a)
    return {tuple(sorted(v)) for v in by.values()}


def test_edited_copy_clusters_but_same_people_other_story_does_not(conn, store, stories, edit):
    index = DedupIndex(conn, Settings())
    budget_text = stories["budget"]
    texts = [budget_text, edit(budget_text), stories["bank"], stories["flood"]]
    arts = [store(t) for t in texts]
    index.add(arts)
    budget, copy, bank, flood = (index.cluster_of(a.id) for a in arts)
    assert budget.kind == "near" and budget.id == copy.id == min(arts[0].id, arts[1].id)
    assert budget.size == 2
    assert bank.kind == "unique" and bank.id == arts[2].id and bank.size == 1
    assert flood.id == arts[3].id
    assert arts[1].cluster == copy  # add() fills the contract's cluster field


def test_two_batches_give_the_same_clusters_as_one(conn, store, stories, edit):
    budget, flood = stories["budget"], stories["flood"]
    texts = [budget, flood, edit(budget), stories["bank"], edit(flood), edit(edit(budget))]
    one = sqlite3.connect(":memory:")
    one.executescript("".join(conn.iterdump()))
    arts = [store(t) for t in texts]
    DedupIndex(conn, Settings()).add(arts[:3])
    DedupIndex(conn, Settings()).add(arts[3:])
    for a in arts:
        one.execute("INSERT INTO articles VALUES (?, NULL, NULL, ?, NULL, NULL, '{}', 'x')",
                    (a.id, a.text))
    DedupIndex(one, Settings()).add(list(reversed(arts)))
    assert _clusters(conn) == _clusters(one)
    assert len(_clusters(conn)) == 2


def test_bridging_article_merges_two_clusters_under_the_smallest_id(conn, store):
    words = [f"w{i}" for i in range(200)]
    a = store(" ".join(words[:100]))
    b = store(" ".join(words[5:105]))  # near a
    c = store(" ".join(words[10:110]))  # near b (and a)
    d = store(" ".join(words[100:200]))
    index = DedupIndex(conn, Settings())
    index.add([a, d])
    index.add([c])
    index.add([b])
    cl = index.cluster_of(c.id)
    assert cl.id == min(a.id, b.id, c.id) and cl.size == 3
    assert index.members(cl.id) == sorted([a.id, b.id, c.id])
    assert index.cluster_of(d.id).kind == "unique"


def test_exact_copies_count_in_size_and_kind(conn, store, stories, edit):
    index = DedupIndex(conn, Settings())
    flood = store(stories["flood"], copies=3)
    budget, copy = store(stories["budget"], copies=2), store(edit(stories["budget"]))
    index.add([flood, budget, copy])
    assert index.cluster_of(flood.id).kind == "exact"
    assert index.cluster_of(flood.id).size == 3
    assert index.cluster_of(budget.id).size == 3
    assert index.members(flood.id) == [flood.id]
    assert index.members("no-such-cluster") == []


def test_add_is_idempotent_and_leaves_the_transaction_open(conn, store, stories, edit):
    index = DedupIndex(conn, Settings())
    arts = [store(stories["budget"]), store(edit(stories["budget"]))]
    conn.commit()
    index.add(arts)
    assert conn.in_transaction
    index.add(arts)
    assert conn.execute("SELECT COUNT(*) FROM dedup_signatures").fetchone()[0] == 2
    conn.rollback()
    assert conn.execute("SELECT COUNT(*) FROM dedup_signatures").fetchone()[0] == 0


def test_rebuild_matches_incremental_and_takes_a_new_threshold(conn, store, stories, edit):
    index = DedupIndex(conn, Settings())
    budget, flood = stories["budget"], stories["flood"]
    for t in [budget, edit(budget), flood, edit(flood), stories["bank"]]:
        index.add([store(t)])
    before = _clusters(conn)
    index.rebuild()
    assert _clusters(conn) == before and len(before) == 2
    index.rebuild(threshold=1.0)
    # The edited copies differ by a typo or a paragraph: none is a duplicate at 1.0.
    assert _clusters(conn) == set()
    with pytest.warns(UserWarning, match="keeping the stored ones"):
        reopened = DedupIndex(conn, Settings())
    assert reopened.params.threshold == 1.0


def test_list_clusters_describes_the_largest_first(conn, store, stories, edit):
    index = DedupIndex(conn, Settings())
    arts = [
        store(stories["budget"], published="2024-03-05", title="Budget cuts roads", outlet="Daily"),
        store(edit(stories["budget"]), published="2024-03-04", title="Lopez budget", outlet="Wire"),
        store(stories["flood"], copies=3, published="2024-04-01", title="Floods"),
        store(stories["bank"]),
    ]
    index.add(arts)
    listed = list_clusters(conn)
    assert [c["kind"] for c in listed] == ["exact", "near"]
    near = listed[1]
    assert near["size"] == 2 and near["articles"] == 2
    assert near["representative"]["id"] == arts[1].id  # earliest published
    assert near["first_published"] == "2024-03-04" and near["last_published"] == "2024-03-05"
    assert near["outlets"] == ["Daily", "Wire"]
    assert near["representative"]["first_words"].startswith("Finance Minister Maria Lopez")
    assert listed[0]["size"] == 3 and listed[0]["id"] == arts[2].id
    assert len(list_clusters(conn, min_size=1)) == 3
    assert list_clusters(conn, limit=1) == listed[:1]


def test_containment_accepts_a_cut_copy_of_comparable_length_only():
    jac = np.array([0.7, 0.7, 0.3, 0.75, 0.82, 0.5])
    big = np.array([100, 100, 100, 100, 100, 100])
    small = np.array([70, 10, 30, 100, 100, 80])
    # a 70% cut; too short to count; a small part; equal lengths below J 0.8; above it;
    # an 80% piece that shares only 75% of its shingles with the whole
    assert is_near(jac, small, big, 0.8).tolist() == [True, False, False, False, True, False]


def test_bad_threshold_is_refused(conn):
    with pytest.raises(ValueError):
        DedupIndex(conn, Settings(near_threshold=1.5))


def test_clusters_of_agrees_with_cluster_of(conn, store, stories, edit):
    index = DedupIndex(conn, Settings())
    arts = [store(stories["budget"], copies=2), store(edit(stories["budget"])),
            store(stories["flood"], copies=2), store(stories["bank"])]
    index.add(arts)
    ids = [a.id for a in arts]
    assert index.clusters_of(ids) == {i: index.cluster_of(i) for i in ids}
    assert index.clusters_of(ids)[ids[0]].size == 3


def test_clusters_do_not_depend_on_order_or_batching(conn, store, stories, edit):
    import random

    texts = []
    for text in stories.values():
        texts += [text, edit(text), text + "\n\nA later paragraph adds a reaction from the mayor."]
    arts = [store(t) for t in texts]
    results = set()
    for seed in range(4):
        rng = random.Random(seed)
        order = rng.sample(arts, len(arts))
        index = DedupIndex(conn, Settings())
        for table in ("dedup_members", "dedup_buckets", "dedup_signatures"):
            conn.execute(f"DELETE FROM {table}")
        cut = rng.randrange(1, len(order))
        index.add(order[:cut])
        index.add(order[cut:])
        results.add(frozenset(_clusters(conn)))
    assert len(results) == 1 and len(next(iter(results))) == 3


def test_a_signature_made_again_from_the_text_is_the_one_indexed(stories):
    # the index keeps no signatures: a stored candidate's is made again from its text, alone,
    # where it was first made in a batch of others
    from dateline.dedup.near import signatures_of

    texts = list(stories.values())
    together, counts = signatures_of(texts, 5, 128)
    for k, text in enumerate(texts):
        alone, n = signatures_of([text], 5, 128)
        assert (alone[0] == together[k]).all() and n[0] == counts[k]
