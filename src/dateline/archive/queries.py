"""Read-side queries over the facts: entities, quotes, amounts (shared by the CLI and the web)."""

from __future__ import annotations

import json
import sqlite3
from typing import Any

from dateline.archive.facts import name_key

ENTITY_TYPES = ("PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW")


def _like(text: str) -> str:
    """A LIKE pattern that finds `text` anywhere, its `%` and `_` taken literally (ESCAPE '\\')."""
    return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def _listing(conn: sqlite3.Connection, select: str, alias: str, where: list[str], params: list[Any],
             limit: int, offset: int) -> list[dict[str, Any]]:
    """Rows of a fact table joined to their articles, newest articles first, one page."""
    sql = select + (" WHERE " + " AND ".join(where) if where else "")
    sql += f" ORDER BY a.published IS NULL, a.published DESC, {alias}.article_id, {alias}.n LIMIT ? OFFSET ?"
    return [dict(r) for r in conn.execute(sql, [*params, max(1, min(limit, 1000)), max(0, offset)])]


def _entity_row(r: sqlite3.Row) -> dict[str, Any]:
    return {"id": r["id"], "name": r["name"], "type": r["type"], "country": r["country"],
            "aliases": json.loads(r["aliases"]), "roles": json.loads(r["roles"]),
            "articles": r["articles"], "mentions": r["mentions"]}


def top_entities(conn: sqlite3.Connection, etype: str | None = None, top: int = 20, offset: int = 0,
                 name: str | None = None) -> list[dict[str, Any]]:
    where, params = [], []
    if etype:
        where.append("type = ?")
        params.append(etype.upper())
    if name:
        where.append("name LIKE ? ESCAPE '\\'")
        params.append(_like(name))
    sql = "SELECT * FROM entities" + (" WHERE " + " AND ".join(where) if where else "")
    sql += " ORDER BY articles DESC, mentions DESC, name LIMIT ? OFFSET ?"
    return [_entity_row(r) for r in conn.execute(sql, [*params, max(1, min(top, 1000)), max(0, offset)])]


def find_entity(conn: sqlite3.Connection, ident: str) -> dict[str, Any] | None:
    """By id, by a name or alias of any type (the most covered first), or by a unique prefix."""
    r = conn.execute("SELECT * FROM entities WHERE id = ?", (ident,)).fetchone()
    if r is None:
        keys = [name_key(t, ident) for t in ENTITY_TYPES]
        marks = ",".join("?" * len(keys))
        r = conn.execute(
            f"SELECT e.* FROM entity_names n JOIN entities e ON e.id = n.entity_id WHERE n.key IN ({marks}) "
            "ORDER BY e.articles DESC LIMIT 1", keys).fetchone()
    if r is None:
        r = conn.execute("SELECT * FROM entities WHERE name = ? COLLATE NOCASE ORDER BY articles DESC LIMIT 1",
                         (ident,)).fetchone()
    return _entity_row(r) if r else None


def entity_detail(conn: sqlite3.Connection, entity_id: str, limit: int = 20) -> dict[str, Any]:
    per_day = dict(conn.execute(
        "SELECT a.published, COUNT(*) FROM article_entities ae JOIN articles a ON a.id = ae.article_id "
        "WHERE ae.entity_id = ? AND a.published IS NOT NULL GROUP BY a.published ORDER BY a.published",
        (entity_id,)).fetchall())
    per_month: dict[str, int] = {}
    for day, n in per_day.items():
        per_month[day[:7]] = per_month.get(day[:7], 0) + n
    # The newest articles are chosen on the indexes alone; only those few rows are then read
    # for their title and lead (sorting the joined rows would read every article's text).
    articles = [dict(r) for r in conn.execute(
        "SELECT a.id, a.published, a.title, substr(a.text, 1, 160) AS lead, t.mentions FROM ("
        "  SELECT ae.article_id, ae.mentions, p.published FROM article_entities ae "
        "  JOIN articles p INDEXED BY articles_id_published ON p.id = ae.article_id "
        "  WHERE ae.entity_id = ? "
        "  ORDER BY p.published IS NULL, p.published DESC LIMIT ?) t "
        "JOIN articles a ON a.id = t.article_id ORDER BY t.published IS NULL, t.published DESC",
        (entity_id, limit))]
    cooccur = [dict(r) for r in conn.execute(
        "SELECT e.id, e.name, e.type, COUNT(*) AS together FROM article_entities x "
        "JOIN article_entities y ON y.article_id = x.article_id AND y.entity_id != x.entity_id "
        "JOIN entities e ON e.id = y.entity_id WHERE x.entity_id = ? "
        "GROUP BY e.id ORDER BY together DESC, e.articles DESC LIMIT 15", (entity_id,))]
    return {"per_month": per_month, "per_day": per_day, "articles": articles, "cooccurring": cooccur,
            "quotes": quotes(conn, entity_id=entity_id, limit=limit)}


def quotes(
    conn: sqlite3.Connection, speaker: str | None = None, entity_id: str | None = None,
    kind: str | None = None, contains: str | None = None, limit: int = 50, offset: int = 0,
) -> list[dict[str, Any]]:
    where, params = [], []
    if speaker:
        ent = find_entity(conn, speaker)
        if ent:
            where.append("(q.entity_id = ? OR q.speaker = ? COLLATE NOCASE)")
            params += [ent["id"], speaker]
        else:
            where.append("q.speaker LIKE ? ESCAPE '\\'")
            params.append(_like(speaker))
    if entity_id:
        where.append("q.entity_id = ?")
        params.append(entity_id)
    if kind:
        where.append("q.kind = ?")
        params.append(kind)
    if contains:
        where.append("q.text LIKE ? ESCAPE '\\'")
        params.append(_like(contains))
    select = ("SELECT q.article_id, q.text, q.kind, q.speaker, q.entity_id, q.cue, q.start, q.\"end\", "
              "a.published, a.title FROM quotes q JOIN articles a ON a.id = q.article_id")
    return _listing(conn, select, "q", where, params, limit, offset)


def amounts(conn: sqlite3.Connection, unit: str | None = None, counted: str | None = None,
            limit: int = 50, offset: int = 0) -> list[dict[str, Any]]:
    where, params = [], []
    if unit:
        where.append("m.unit = ? COLLATE NOCASE")
        params.append(unit)
    if counted:
        where.append("m.counted LIKE ? ESCAPE '\\'")
        params.append(_like(counted))
    select = ("SELECT m.article_id, m.text, m.value, m.unit, m.qualifier, m.counted, m.start, m.\"end\", "
              "a.published, a.title FROM amounts m JOIN articles a ON a.id = m.article_id")
    return _listing(conn, select, "m", where, params, limit, offset)


def entity_candidates(conn: sqlite3.Connection, name: str, limit: int = 20) -> list[dict[str, Any]]:
    """Every entity a user may mean by `name`, the likeliest first, for a caller to list when
    there is more than one rather than pick: the entities that have it as their name or as an
    alias that links (`Daesh` for `ISIS`), then, for a single word, the people whose surname
    it is and the other entities whose name starts or ends with it (`Baker` -> Howard Baker,
    James Baker, Baker International). Entities of one article alone (a person named there by
    the surname only) are left out: they are not someone the archive can tell apart."""
    words = name.split()
    if not words:
        return []
    keys = [name_key(t, name) for t in ENTITY_TYPES]
    marks = ",".join("?" * len(keys))
    exact = [r for r in conn.execute(
        f"SELECT e.* FROM entity_names n JOIN entities e ON e.id = n.entity_id WHERE n.key IN ({marks}) "
        "UNION SELECT * FROM entities WHERE name = ? COLLATE NOCASE AND id NOT LIKE '%@%' "
        "ORDER BY articles DESC, mentions DESC", [*keys, name])]
    partial: list[sqlite3.Row] = []
    if len(words) == 1:
        word = name.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        partial = list(conn.execute(
            "SELECT * FROM entities WHERE id NOT LIKE '%@%' AND name != ? COLLATE NOCASE AND "
            "((type = 'PERSON' AND name LIKE ? ESCAPE '\\') OR "
            " (type != 'PERSON' AND (name LIKE ? ESCAPE '\\' OR name LIKE ? ESCAPE '\\'))) "
            "ORDER BY articles DESC, mentions DESC LIMIT ?",
            (name, "% " + word, word + " %", "% " + word, max(1, limit))))
    seen: dict[str, dict[str, Any]] = {}
    for r in [*exact, *partial]:
        seen.setdefault(r["id"], _entity_row(r))
    return list(seen.values())[: max(1, limit)]
