"""Read-side queries the web pages need beyond search and facts: clusters, outlets, recent articles.

Story clusters live in the dedup stage's own tables (`dedup_members(article_id, cluster)`);
an archive written before that stage existed has none, so every query here checks for them
and answers with nothing rather than failing.
"""

from __future__ import annotations

import sqlite3
from typing import Any

MAX_COPIES = 200


def has_table(conn: sqlite3.Connection, name: str) -> bool:
    return conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type IN ('table', 'view') AND name = ?", (name,)
    ).fetchone() is not None


def cluster_copies(conn: sqlite3.Connection, article_id: str, limit: int = MAX_COPIES) -> list[dict[str, Any]]:
    """The other articles in this article's story cluster (none where clusters are not built)."""
    if not has_table(conn, "dedup_members"):
        return []
    rows = conn.execute(
        "SELECT a.id, a.published, a.title, a.outlet, substr(a.text, 1, 120) AS lead FROM dedup_members me "
        "JOIN dedup_members c ON c.cluster = me.cluster AND c.article_id != me.article_id "
        "JOIN articles a ON a.id = c.article_id WHERE me.article_id = ? "
        "ORDER BY a.published IS NULL, a.published, a.id LIMIT ?",
        (article_id, max(1, min(limit, MAX_COPIES))),
    ).fetchall()
    return [dict(r) for r in rows]


def outlets(conn: sqlite3.Connection, top: int = 50) -> list[dict[str, Any]]:
    rows = conn.execute(
        "SELECT outlet, COUNT(*) AS articles FROM articles WHERE outlet IS NOT NULL "
        "GROUP BY outlet ORDER BY articles DESC, outlet LIMIT ?", (max(1, min(top, 1000)),),
    ).fetchall()
    return [dict(r) for r in rows]


def recent_articles(conn: sqlite3.Connection, limit: int = 10) -> list[dict[str, Any]]:
    rows = conn.execute(
        "SELECT id, published, title, outlet, substr(text, 1, 160) AS lead FROM articles "
        "WHERE published IS NOT NULL ORDER BY published DESC, id LIMIT ?", (max(1, min(limit, 100)),),
    ).fetchall()
    return [dict(r) for r in rows]


def reject_samples(conn: sqlite3.Connection, limit: int = 20) -> list[dict[str, Any]]:
    """The latest rejected records with their reasons, for the overview."""
    rows = conn.execute(
        "SELECT path, record, format, reason, detail, added FROM rejects ORDER BY added DESC, path, record "
        "LIMIT ?", (max(1, min(limit, 200)),),
    ).fetchall()
    return [dict(r) for r in rows]
