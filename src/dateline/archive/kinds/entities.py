"""Entities and their mentions: linked across articles as they are written, read as the
archive's entities (with counts) or as mentions (spans of one article's text)."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from typing import Any
from urllib.parse import quote as urlquote

from dateline.archive.kinds.base import (
    COMMON,
    Filters,
    Kind,
    Table,
    article_terms,
    like,
    listing,
    names_entity,
    paged,
    span_text,
)
from dateline.model import (
    Article,
    ArticleRef,
    Entity,
    EntityDetail,
    EntityRecord,
    Highlight,
    MentionRecord,
    QuoteRecord,
)

TYPES = ("PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW")


def write(conn: sqlite3.Connection, a: Article, ids: dict[str, str]) -> None:
    """Link the article's entities to the archive's and store their mentions; `ids` gets the
    article's entity ids mapped to the archive's, for the kinds that refer to entities."""
    # the name rules (companies, persons, romanisation) load where names are matched, not with
    # the fact registry that every read command imports
    from dateline.archive.facts import _merge_entity, _resolve

    moved: dict[str, str] = {}
    merged: set[str] = set()
    for e in a.entities:
        ids[e.id] = _resolve(conn, e, moved, a.id)

    def final(gid: str) -> str:
        while gid in moved:
            gid = moved[gid]
        return gid

    # Counts and aliases after every fold, so that a folded entity's counts (recomputed from
    # the articles before this one) are not lost.
    for e in a.entities:
        gid = ids[e.id] = final(ids[e.id])
        if gid not in merged:
            merged.add(gid)
            _merge_entity(conn, gid, e)
    per_entity: dict[str, int] = {}
    for e in a.entities:
        gid = ids[e.id]
        e.id = gid
        per_entity[gid] = per_entity.get(gid, 0) + len(e.mentions)
        conn.executemany(
            'INSERT OR IGNORE INTO mentions(article_id, entity_id, start, "end") VALUES (?,?,?,?)',
            [(a.id, gid, m.start, m.end) for m in e.mentions],
        )
    conn.executemany(
        "INSERT OR IGNORE INTO article_entities(article_id, entity_id, mentions) VALUES (?,?,?)",
        list((a.id, gid, n) for gid, n in per_entity.items()),
    )


def record(r: sqlite3.Row) -> EntityRecord:
    return EntityRecord(id=r["id"], name=r["name"], type=r["type"], country=r["country"],
                        aliases=json.loads(r["aliases"]), roles=json.loads(r["roles"]),
                        articles=r["articles"], mentions=r["mentions"])


def read(conn: sqlite3.Connection, f: Filters) -> Iterator[EntityRecord]:
    """The archive's entities, most covered first; with article filters, those named there."""
    where, params = [], []
    if f.kind:
        where.append("type = ?")
        params.append(f.kind.upper())
    if f.name:
        where.append("name LIKE ? ESCAPE '\\'")
        params.append(like(f.name))
    if f.entity:
        where.append("id = ?")
        params.append(f.entity)
    scope, scope_params = article_terms(f)
    if scope:
        where.append("id IN (SELECT ae.entity_id FROM article_entities ae JOIN articles a "
                     f"ON a.id = ae.article_id WHERE {' AND '.join(scope)})")
        params += scope_params
    sql = "SELECT * FROM entities" + (" WHERE " + " AND ".join(where) if where else "")
    sql += " ORDER BY articles DESC, mentions DESC, name"
    return (record(r) for r in paged(conn, sql, params, f))


def mentions(conn: sqlite3.Connection, f: Filters) -> Iterator[MentionRecord]:
    where, params = article_terms(f)
    if f.entity:
        # through the entity's articles (an index of their own), then each article's mentions by
        # the key: `mentions` has no index by entity
        where.append("m.article_id IN (SELECT article_id FROM article_entities WHERE entity_id = ?) "
                     "AND m.entity_id = ?")
        params += [f.entity, f.entity]
    if f.kind:
        where.append("m.entity_id IN (SELECT id FROM entities WHERE type = ?)")
        params.append(f.kind.upper())
    select = (f'SELECT m.article_id, m.entity_id, m.start, m."end", {span_text("m")} AS text, a.published, a.title '
              "FROM mentions m JOIN articles a ON a.id = m.article_id")
    return (MentionRecord(r["start"], r["end"], r["text"], r["entity_id"], r["article_id"], r["published"],
                          r["title"]) for r in listing(conn, select, "m", where, params, f, order="start"))


def find(conn: sqlite3.Connection, ident: str) -> EntityRecord | None:
    """By id, by a name or alias of any type (the most covered first), or by a name in any case."""
    from dateline.archive.namekey import name_key

    r = conn.execute("SELECT * FROM entities WHERE id = ?", (ident,)).fetchone()
    if r is None:
        keys = [name_key(t, ident) for t in TYPES]
        marks = ",".join("?" * len(keys))
        r = conn.execute(
            f"SELECT e.* FROM entity_names n JOIN entities e ON e.id = n.entity_id WHERE n.key IN ({marks}) "
            "ORDER BY e.articles DESC LIMIT 1", keys).fetchone()
    if r is None:
        r = conn.execute("SELECT * FROM entities WHERE name = ? COLLATE NOCASE ORDER BY articles DESC LIMIT 1",
                         (ident,)).fetchone()
    return record(r) if r else None


def candidates(conn: sqlite3.Connection, name: str, top: int = 20) -> list[EntityRecord]:
    """Every entity `name` may mean, most covered first: the entity with that id; else those
    with that name or alias (of any type); and, for one word, the persons of that surname and,
    when nothing has that very name, the other entities whose name starts or ends with it
    (`Baker` -> Howard Baker, James Baker, Baker International).

    A surname is not a linking key (another Godfrey is another person), so `Ruiz` is looked
    up among full names here, and answers with all the Ruizes rather than the most frequent.
    Entities of one article alone (`person:baker@<article>`, a person named there by surname
    only) are left out: they are nobody the archive can tell apart."""
    from dateline.archive.namekey import name_key


    name = name.strip()
    if not name:
        return []
    r = conn.execute("SELECT * FROM entities WHERE id = ?", (name,)).fetchone()
    if r is not None:
        return [record(r)]
    keys = [name_key(t, name) for t in TYPES]
    marks = ",".join("?" * len(keys))
    # A linking key belongs to one entity, but an alias can be held by several (NEB by two
    # boards held apart as rival expansions): those holders are candidates too. The LIKE on
    # the JSON text narrows the scan to rows that can hold the alias before json_each checks.
    named = conn.execute(
        f"SELECT * FROM (SELECT DISTINCT e.* FROM entity_names n JOIN entities e ON e.id = n.entity_id "
        f"WHERE n.key IN ({marks}) UNION SELECT * FROM entities WHERE name = ? COLLATE NOCASE) "
        "WHERE id NOT LIKE '%@%' ORDER BY articles DESC, id LIMIT ?", [*keys, name, top]).fetchall()
    holders = conn.execute(
        "SELECT * FROM entities WHERE id NOT LIKE '%@%' AND aliases LIKE ? ESCAPE '\\' AND EXISTS "
        "(SELECT 1 FROM json_each(entities.aliases) WHERE value = ? COLLATE NOCASE) "
        "ORDER BY articles DESC, id LIMIT ?", [like(json.dumps(name, ensure_ascii=False)), name, top]).fetchall()
    seen = {r["id"] for r in named}
    rows = [*named, *(r for r in holders if r["id"] not in seen)]
    if " " not in name:
        word = like(name)[1:-1]
        more = conn.execute(
            "SELECT * FROM entities WHERE id NOT LIKE '%@%' AND name != ? COLLATE NOCASE AND "
            "((type = 'PERSON' AND name LIKE ? ESCAPE '\\') OR "
            " (? AND type != 'PERSON' AND (name LIKE ? ESCAPE '\\' OR name LIKE ? ESCAPE '\\'))) "
            "ORDER BY articles DESC, id LIMIT ?",
            (name, "% " + word, not named, word + " %", "% " + word, top)).fetchall()
        seen = {r["id"] for r in rows}
        rows = [*rows, *(r for r in more if r["id"] not in seen)][:top]
    return [record(r) for r in rows]


def detail(conn: sqlite3.Connection, ent: EntityRecord, limit: int = 20) -> EntityDetail:
    from dateline.archive.kinds import quotes

    per_day = dict(conn.execute(
        "SELECT a.published, COUNT(*) FROM article_entities ae JOIN articles a ON a.id = ae.article_id "
        "WHERE ae.entity_id = ? AND a.published IS NOT NULL GROUP BY a.published ORDER BY a.published",
        (ent.id,)).fetchall())
    per_month: dict[str, int] = {}
    for day, n in per_day.items():
        per_month[day[:7]] = per_month.get(day[:7], 0) + n
    # The newest articles are chosen on the indexes alone; only those few rows are then read
    # for their title and lead (sorting the joined rows would read every article's text).
    latest = [ArticleRef(r["id"], r["published"], r["title"], None, r["lead"], r["mentions"]) for r in conn.execute(
        "SELECT a.id, a.published, a.title, substr(a.text, 1, 160) AS lead, t.mentions FROM ("
        "  SELECT ae.article_id, ae.mentions, p.published FROM article_entities ae "
        "  JOIN articles p INDEXED BY articles_id_published ON p.id = ae.article_id "
        "  WHERE ae.entity_id = ? "
        "  ORDER BY p.published IS NULL, p.published DESC LIMIT ?) t "
        "JOIN articles a ON a.id = t.article_id ORDER BY t.published IS NULL, t.published DESC",
        (ent.id, limit))]
    cooccur = [dict(r) for r in conn.execute(
        "SELECT e.id, e.name, e.type, COUNT(*) AS together FROM article_entities x "
        "JOIN article_entities y ON y.article_id = x.article_id AND y.entity_id != x.entity_id "
        "JOIN entities e ON e.id = y.entity_id WHERE x.entity_id = ? "
        "GROUP BY e.id ORDER BY together DESC, e.articles DESC LIMIT 15", (ent.id,))]
    said: list[QuoteRecord] = list(quotes.read(conn, Filters(entity=ent.id, limit=limit)))
    return EntityDetail(ent, per_day, per_month, latest, cooccur, said)


def highlight(a: Article) -> list[Highlight]:
    out = []
    for e in a.entities:
        href = "/entities/" + urlquote(e.id, safe="")
        title = f"{e.type} · {e.name}" + (f" · {e.country}" if e.country else "")
        out += [Highlight(m.start, m.end, "entity", title, href, f"ent-{e.type}") for m in e.mentions]
    return out


def origin(article: Article, e: Entity) -> str | None:
    """Where an entity without mentions comes from: the dateline (`BRUSSELS (Reuters) -`, kept
    apart from the body) or a notice (`banned in Russia`), both outside the text its mentions
    point into; None for an entity that is mentioned in the text."""
    if e.mentions:
        return None
    names = {n.casefold() for n in (e.name, *e.aliases)}
    dl = article.dateline
    if dl is not None:
        parts = [x for x in (dl.place, dl.agency) if x]
        if any(p.casefold() in names for p in parts):
            return "dateline"
    if any(n in note.text.casefold() for note in article.notices for n in names):
        return "notice"
    # Neither names it as written (a city's country, a name spelled out): the notices and the
    # dateline are the only places outside the text an entity is taken from.
    if article.notices:
        return "notice"
    return "dateline" if dl is not None else None


def describe(e: Entity) -> str:
    extra = []
    if e.country:
        extra.append(e.country)
    if e.aliases:
        extra.append("aka " + ", ".join(e.aliases))
    if e.roles:
        extra.append("role " + ", ".join(e.roles))
    return f"{e.type:<7} {e.name}  ({len(e.mentions)} mentions) {'; '.join(extra)}"


def _export_entities(conn: sqlite3.Connection, f: Filters) -> Iterator[EntityRecord]:
    return read(conn, Filters(**{**_scope(f), "limit": None}))


def _scope(f: Filters) -> dict[str, Any]:
    return {"date_from": f.date_from, "date_to": f.date_to, "outlet": f.outlet, "language": f.language,
            "query": f.query}


KIND = Kind(
    name="entities", attr="entities", fact=Entity, record=EntityRecord,
    tables=("entities", "entity_names", "article_entities", "mentions"), migration=2,
    write=write, read=read, filters=COMMON | {"kind", "name"},
    exports=(Table("entities", EntityRecord, _export_entities), Table("mentions", MentionRecord, mentions)),
    highlight=highlight, describe=describe,
)

__all__ = ["KIND", "TYPES", "candidates", "detail", "find", "mentions", "names_entity", "read", "write"]
