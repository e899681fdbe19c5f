"""Figures about an archive: sizes, date range, formats, rejects by reason, recent runs, and what
it holds: facts of each kind, clusters, stories, articles by language."""

from __future__ import annotations

import os
from typing import Any

from dateline.archive.browse import has_table
from dateline.archive.kinds import KINDS
from dateline.archive.store import Archive


def stats(archive: Archive, languages: bool = True) -> dict[str, Any]:
    c = archive.conn
    one = lambda sql: c.execute(sql).fetchone()[0]  # noqa: E731
    lo, hi = c.execute("SELECT MIN(published), MAX(published) FROM articles").fetchone()
    size = os.path.getsize(archive.path) if os.path.exists(archive.path) else 0
    articles = one("SELECT COUNT(*) FROM articles")
    return {
        "path": archive.path,
        "size_bytes": size,
        "bytes_per_article": size // max(1, articles),
        "free_bytes": one("PRAGMA freelist_count") * one("PRAGMA page_size"),
        "articles": articles,
        "sources": one("SELECT COUNT(*) FROM sources"),
        "rejects": one("SELECT COALESCE(SUM(count), 0) FROM rejects"),  # a row may hold a run
        "undated": one("SELECT COUNT(*) FROM articles WHERE published IS NULL"),
        "published_from": lo,
        "published_to": hi,
        "formats": dict(c.execute("SELECT format, COUNT(*) FROM sources GROUP BY format ORDER BY 2 DESC").fetchall()),
        "reject_reasons": dict(c.execute(
            "SELECT reason, SUM(count) FROM rejects GROUP BY reason ORDER BY 2 DESC").fetchall()),
        "per_month": dict(c.execute(
            "SELECT substr(published, 1, 7) AS m, COUNT(*) FROM articles WHERE published IS NOT NULL "
            "GROUP BY m ORDER BY m").fetchall()),
        "runs": [dict(r) for r in c.execute(
            "SELECT id, started, finished, read, stored, duplicates, rejected, status FROM runs "
            "ORDER BY id DESC LIMIT 10").fetchall()],
        # Each fact kind counted in its first table (an archive from before a kind has none).
        "facts": {k.name: one(f"SELECT COUNT(*) FROM {k.tables[0]}") if has_table(c, k.tables[0]) else 0
                  for k in KINDS.values()},
        # Near-duplicate clusters of two articles or more (an article alone is not a cluster).
        "clusters": one("SELECT COUNT(*) FROM (SELECT cluster FROM dedup_members GROUP BY cluster "
                        "HAVING COUNT(*) > 1)") if has_table(c, "dedup_members") else 0,
        "stories": one("SELECT COUNT(*) FROM stories") if has_table(c, "stories") else 0,
        # Counting reads every article row (ten times the rest of the figures): asked for, not
        # part of every page's figures. An article without a language counts as `unknown`.
        "languages": dict(c.execute(
            "SELECT COALESCE(language, 'unknown') AS l, COUNT(*) FROM articles "
            "GROUP BY l ORDER BY 2 DESC, 1").fetchall()) if languages else {},
    }
