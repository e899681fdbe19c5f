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
    [  # 2: facts — entities across the corpus, their names and mentions; quotes, amounts, times
        """CREATE TABLE entities (
            id TEXT PRIMARY KEY, name TEXT NOT NULL, type TEXT NOT NULL, country TEXT,
            aliases TEXT NOT NULL DEFAULT '[]', roles TEXT NOT NULL DEFAULT '[]',
            articles INTEGER NOT NULL DEFAULT 0, mentions INTEGER NOT NULL DEFAULT 0)""",
        "CREATE INDEX entities_type ON entities(type, articles)",
        "CREATE INDEX entities_name ON entities(name COLLATE NOCASE)",
        "CREATE TABLE entity_names (key TEXT PRIMARY KEY, entity_id TEXT NOT NULL)",
        "CREATE INDEX entity_names_entity ON entity_names(entity_id)",
        """CREATE TABLE article_entities (
            article_id TEXT NOT NULL, entity_id TEXT NOT NULL, mentions INTEGER NOT NULL,
            PRIMARY KEY (article_id, entity_id))""",
        "CREATE INDEX article_entities_entity ON article_entities(entity_id)",
        """CREATE TABLE mentions (
            article_id TEXT NOT NULL, entity_id TEXT NOT NULL, start INTEGER NOT NULL,
            "end" INTEGER NOT NULL, text TEXT NOT NULL, PRIMARY KEY (article_id, start, "end"))""",
        "CREATE INDEX mentions_entity ON mentions(entity_id)",
        """CREATE TABLE quotes (
            article_id TEXT NOT NULL, n INTEGER NOT NULL, text TEXT NOT NULL, kind TEXT NOT NULL,
            speaker TEXT, entity_id TEXT, cue TEXT, start INTEGER NOT NULL, "end" INTEGER NOT NULL,
            PRIMARY KEY (article_id, n))""",
        "CREATE INDEX quotes_entity ON quotes(entity_id)",
        "CREATE INDEX quotes_speaker ON quotes(speaker COLLATE NOCASE)",
        """CREATE TABLE amounts (
            article_id TEXT NOT NULL, n INTEGER NOT NULL, text TEXT NOT NULL, value REAL, unit TEXT,
            qualifier TEXT, counted TEXT, start INTEGER NOT NULL, "end" INTEGER NOT NULL,
            PRIMARY KEY (article_id, n))""",
        "CREATE INDEX amounts_unit ON amounts(unit, value)",
        """CREATE TABLE times (
            article_id TEXT NOT NULL, n INTEGER NOT NULL, text TEXT NOT NULL, value TEXT, type TEXT,
            start INTEGER NOT NULL, "end" INTEGER NOT NULL, PRIMARY KEY (article_id, n))""",
        "CREATE INDEX times_value ON times(value)",
    ],
    [  # 3: an entity's page joins tens of thousands of its articles by id for their dates; this
        # covering index answers that without reading the (large) article rows
        "CREATE INDEX articles_id_published ON articles(id, published)",
    ],
    [  # 4: the same page reads an entity's article ids and mention counts, and pairs them with
        # the other entities of those articles: both from an index alone (0.9 s -> 0.3 s for an
        # entity in 37,000 of 100,000 articles)
        "CREATE INDEX article_entities_cover ON article_entities(entity_id, article_id, mentions)",
        "DROP INDEX article_entities_entity",
    ],
    [  # 5: the size and hash of each source's raw record, so that a re-ingest recognises a stored
        # source before cleaning it (60 s of NLP redone for a 925-record file already stored)
        "ALTER TABLE sources ADD COLUMN raw_digest TEXT",
        # ... and a run of identical rejects from one file (same reason and detail, consecutive
        # records) is one row, `record` to `last_record`, `count` records: a 20 MB JSON array
        # of `{}` made 6.67 million rows and a 1.6 GB archive
        "ALTER TABLE rejects ADD COLUMN last_record INTEGER",
        "ALTER TABLE rejects ADD COLUMN count INTEGER NOT NULL DEFAULT 1",
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
