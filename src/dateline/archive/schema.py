"""The archive's SQLite schema, created and migrated by the program.

`meta.schema_version` records the applied migrations; each migration is a list of statements
applied in one transaction, so an archive is always at a known version.
"""

from __future__ import annotations

import sqlite3

MIGRATIONS: list[list[str]] = [
    [  # 1: articles, where they came from, what was rejected, ingest runs, full-text index
        """CREATE TABLE articles (
            id TEXT PRIMARY KEY, published TEXT, title TEXT, text TEXT NOT NULL,
            outlet TEXT, url TEXT, json TEXT NOT NULL, added TEXT NOT NULL)""",
        "CREATE INDEX articles_published ON articles(published)",
        """CREATE TABLE sources (
            article_id TEXT NOT NULL, path TEXT NOT NULL, record INTEGER NOT NULL, format TEXT,
            offset INTEGER, outlet TEXT, url TEXT, raw TEXT, added TEXT NOT NULL,
            PRIMARY KEY (path, record))""",
        "CREATE INDEX sources_article ON sources(article_id)",
        """CREATE TABLE rejects (
            path TEXT NOT NULL, record INTEGER NOT NULL, format TEXT, offset INTEGER,
            reason TEXT NOT NULL, detail TEXT, run_id INTEGER, added TEXT NOT NULL,
            PRIMARY KEY (path, record))""",
        "CREATE INDEX rejects_reason ON rejects(reason)",
        """CREATE TABLE runs (
            id INTEGER PRIMARY KEY, started TEXT NOT NULL, finished TEXT, inputs TEXT,
            read INTEGER DEFAULT 0, stored INTEGER DEFAULT 0, duplicates INTEGER DEFAULT 0,
            rejected INTEGER DEFAULT 0, status TEXT)""",
        """CREATE VIRTUAL TABLE articles_fts USING fts5(
            title, text, content='articles', content_rowid='rowid',
            tokenize='porter unicode61 remove_diacritics 2')""",
        """CREATE TRIGGER articles_ai AFTER INSERT ON articles BEGIN
            INSERT INTO articles_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
        END""",
        """CREATE TRIGGER articles_ad AFTER DELETE ON articles BEGIN
            INSERT INTO articles_fts(articles_fts, rowid, title, text)
            VALUES ('delete', old.rowid, old.title, old.text);
        END""",
        """CREATE TRIGGER articles_au AFTER UPDATE OF title, text ON articles BEGIN
            INSERT INTO articles_fts(articles_fts, rowid, title, text)
            VALUES ('delete', old.rowid, old.title, old.text);
            INSERT INTO articles_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
        END""",
    ],
]

SCHEMA_VERSION = len(MIGRATIONS)


class ArchiveVersionError(Exception):
    pass


def current_version(conn: sqlite3.Connection) -> int:
    conn.execute("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT)")
    row = conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
    return int(row[0]) if row else 0


def migrate(conn: sqlite3.Connection) -> int:
    """Bring the archive to SCHEMA_VERSION; returns the version it was at."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        start = current_version(conn)
        if start > SCHEMA_VERSION:
            raise ArchiveVersionError(
                f"the archive has schema version {start}, newer than this dateline ({SCHEMA_VERSION}); upgrade dateline"
            )
        for version in range(start, SCHEMA_VERSION):
            for stmt in MIGRATIONS[version]:
                conn.execute(stmt)
            conn.execute(
                "INSERT INTO meta(key, value) VALUES ('schema_version', ?) "
                "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                (str(version + 1),),
            )
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    return start
