"""An article's story read without the assignment code: id, label and size, or nothing."""

from __future__ import annotations

import sqlite3

from dateline.archive import storyrefs


def _conn(n_articles: int) -> sqlite3.Connection:
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE TABLE stories (id INTEGER PRIMARY KEY, label TEXT, size INTEGER)")
    conn.execute("CREATE TABLE story_articles (article_id TEXT PRIMARY KEY, story_id INTEGER)")
    conn.execute("INSERT INTO stories VALUES (7, 'Harbour strike', ?)", (n_articles,))
    conn.executemany("INSERT INTO story_articles VALUES (?, 7)", [(f"a{i}",) for i in range(n_articles)])
    return conn


def test_each_article_gets_its_story_and_one_in_none_is_absent() -> None:
    got = storyrefs.stories_of(_conn(2), ["a0", "a1", "elsewhere"])
    assert got == {"a0": {"id": 7, "label": "Harbour strike", "size": 2}, "a1": got["a0"]}


def test_more_articles_than_one_query_binds_are_read_in_chunks() -> None:
    ids = [f"a{i}" for i in range(storyrefs._CHUNK * 2 + 3)]
    assert len(storyrefs.stories_of(_conn(len(ids)), ids)) == len(ids)


def test_an_archive_from_before_stories_has_none() -> None:
    conn = sqlite3.connect(":memory:")
    assert not storyrefs.has_stories(conn) and storyrefs.stories_of(conn, ["a0"]) == {}
