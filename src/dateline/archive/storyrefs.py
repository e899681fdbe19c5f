"""Which story thread each article is in: the read side of `story_articles` and `stories`.

Kept apart from `archive.stories` (the story tables and the assignment at ingest), which imports
the assignment code (`dateline.stories`, its patterns and records): `show` and a search by story
read an article's story and assign nothing (issue 20: a fast start).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from typing import Any

# Article ids per query: well under SQLite's limit on bound parameters.
_CHUNK = 500


def has_stories(conn: sqlite3.Connection) -> bool:
    return conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'stories'").fetchone() is not None


def stories_of(conn: sqlite3.Connection, article_ids: Sequence[str]) -> dict[str, dict[str, Any]]:
    """`{id, label, size}` of each article's story (articles in none are absent)."""
    if not has_stories(conn):
        return {}
    out: dict[str, dict[str, Any]] = {}
    ids = list(article_ids)
    for i in range(0, len(ids), _CHUNK):
        chunk = ids[i : i + _CHUNK]
        for r in conn.execute(
                "SELECT sa.article_id, s.id, s.label, s.size FROM story_articles sa "
                f"JOIN stories s ON s.id = sa.story_id WHERE sa.article_id IN ({','.join('?' * len(chunk))})", chunk):
            out[r[0]] = {"id": r[1], "label": r[2], "size": r[3]}
    return out
