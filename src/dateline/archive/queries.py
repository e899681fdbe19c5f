"""Read-side queries over the facts as plain dicts (the fact registry, `archive.kinds`, holds the
SQL; the read API returns its typed records): kept for callers that want rows as dicts."""

from __future__ import annotations

import sqlite3
from typing import Any

from dateline.archive.kinds import entities as _entities
from dateline.archive.kinds import quotes as _quotes
from dateline.archive.kinds.base import Filters
from dateline.archive.kinds.entities import TYPES as ENTITY_TYPES

__all__ = ["ENTITY_TYPES", "entity_detail", "find_entity", "quotes", "top_entities"]


def top_entities(conn: sqlite3.Connection, etype: str | None = None, top: int = 20, offset: int = 0,
                 name: str | None = None) -> list[dict[str, Any]]:
    f = Filters(kind=etype, name=name, limit=top, offset=offset)
    return [e.to_dict() for e in _entities.read(conn, f)]


def find_entity(conn: sqlite3.Connection, ident: str) -> dict[str, Any] | None:
    """By id, by a name or alias of any type (the most covered first), or by a name in any case."""
    found = _entities.find(conn, ident)
    return found.to_dict() if found else None


def entity_detail(conn: sqlite3.Connection, entity_id: str, limit: int = 20) -> dict[str, Any]:
    ent = _entities.find(conn, entity_id)
    if ent is None:
        return {"per_month": {}, "per_day": {}, "articles": [], "cooccurring": [], "quotes": []}
    d = _entities.detail(conn, ent, limit).to_dict()
    return {k: d[k] for k in ("per_month", "per_day", "articles", "cooccurring", "quotes")}


def quotes(
    conn: sqlite3.Connection, speaker: str | None = None, entity_id: str | None = None,
    kind: str | None = None, contains: str | None = None, limit: int = 50, offset: int = 0,
) -> list[dict[str, Any]]:
    """Quotes as rows; `entity_id` is the speaker's archive id (the record's `speaker_entity`)."""
    f = Filters(speaker=speaker, entity=entity_id, kind=kind, contains=contains, limit=limit, offset=offset)
    rows = []
    for q in _quotes.read(conn, f):
        d = q.to_dict()
        d["entity_id"] = d.pop("speaker_entity")
        rows.append(d)
    return rows


def entity_candidates(conn: sqlite3.Connection, name: str, limit: int = 20) -> list[dict[str, Any]]:
    """Every entity a user may mean by `name`, as rows (see `kinds.entities.candidates`)."""
    return [r.to_dict() for r in _entities.candidates(conn, name, limit)]
