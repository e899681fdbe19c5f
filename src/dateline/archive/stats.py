"""Figures about an archive: sizes, date range, formats, rejects by reason, recent runs."""

from __future__ import annotations

import os
from typing import Any

from dateline.archive.store import Archive


def stats(archive: Archive) -> dict[str, Any]:
    c = archive.conn
    one = lambda sql: c.execute(sql).fetchone()[0]  # noqa: E731
    lo, hi = c.execute("SELECT MIN(published), MAX(published) FROM articles").fetchone()
    return {
        "path": archive.path,
        "size_bytes": os.path.getsize(archive.path) if os.path.exists(archive.path) else 0,
        "articles": one("SELECT COUNT(*) FROM articles"),
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
    }
