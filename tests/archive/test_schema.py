"""The schema as other SQLite tools see it."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from dateline.archive.schema import SCHEMA_VERSION, migrate


def _archive(tmp_path: Path) -> sqlite3.Connection:
    c = sqlite3.connect(tmp_path / "s.db", isolation_level=None)
    migrate(c)
    c.execute("INSERT INTO articles(id, published, title, text, json, added) "
              "VALUES ('a', '2024-01-01', 'Port reopens', 'The port reopened on Monday.', '{}', 'now')")
    return c


def test_datasette_detects_the_full_text_index_of_articles(tmp_path: Path) -> None:
    utils = pytest.importorskip("datasette.utils", reason="datasette is not installed (the test extra has it)")
    c = _archive(tmp_path)
    assert utils.detect_fts(c, "articles") == "articles_fts"
    assert c.execute("SELECT rowid FROM articles_fts WHERE articles_fts MATCH 'reopened'").fetchall() == [(1,)]


def test_the_full_text_index_is_rebuilt_when_redeclared(tmp_path: Path) -> None:
    c = sqlite3.connect(tmp_path / "old.db", isolation_level=None)
    c.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT)")
    from dateline.archive import schema

    for statements in schema.MIGRATIONS[:5]:  # an archive as the dateline before the new declaration
        for s in statements:
            c.execute(s)
    c.execute("INSERT INTO meta VALUES ('schema_version', '5')")
    c.execute("INSERT INTO articles(id, published, title, text, json, added) "
              "VALUES ('a', NULL, NULL, 'Grain exports rose.', '{}', 'now')")
    assert migrate(c) == 5
    assert c.execute("SELECT rowid FROM articles_fts WHERE articles_fts MATCH 'grain'").fetchall() == [(1,)]
    assert "dedup_sources_article" not in {r[0] for r in c.execute("SELECT name FROM sqlite_master")}
    assert c.execute("SELECT value FROM meta").fetchone()[0] == str(SCHEMA_VERSION)
