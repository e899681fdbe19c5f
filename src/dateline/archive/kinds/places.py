"""Places: the gazetteer entries an article's entities and dateline were resolved to.

Kept lean: `places` holds each entry once (name, kind, country, region, coordinates), and
`article_places` one row per (place, article) with the mentions and whether it is the
dateline's, keyed by place first, since the questions are "how many articles name each
place" and "which articles name this one". The place is per article, not per entity: the
archive links `Paris` across articles by name, while one article's Paris is in France and
another's in Texas.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from typing import Any

from dateline.archive.kinds.base import COMMON, Filters, Kind, Table, article_terms, names_entity, paged
from dateline.model import Article, ArticlePlace, ArticleRef, Highlight, PlaceRecord

TABLES = [
    """CREATE TABLE IF NOT EXISTS places (
        id TEXT PRIMARY KEY, name TEXT NOT NULL, kind TEXT NOT NULL, country TEXT NOT NULL, region TEXT,
        lat REAL, lon REAL) WITHOUT ROWID""",
    """CREATE TABLE IF NOT EXISTS article_places (
        place_id TEXT NOT NULL, article_id TEXT NOT NULL, mentions INTEGER NOT NULL,
        dateline INTEGER NOT NULL DEFAULT 0, PRIMARY KEY (place_id, article_id)) WITHOUT ROWID""",
    "CREATE INDEX IF NOT EXISTS article_places_article ON article_places(article_id)",
    "CREATE INDEX IF NOT EXISTS places_country ON places(country)",
]
KINDS = ("country", "region", "city")


def write(conn: sqlite3.Connection, a: Article, ids: dict[str, str]) -> None:
    places = a.places
    conn.executemany(
        "INSERT OR IGNORE INTO places(id, name, kind, country, region, lat, lon) VALUES (?,?,?,?,?,?,?)",
        [(p.id, p.name, p.kind, p.country, p.region, p.lat, p.lon) for p in places])
    conn.executemany(
        "INSERT OR IGNORE INTO article_places(place_id, article_id, mentions, dateline) VALUES (?,?,?,?)",
        [(p.id, a.id, p.mentions, int(p.dateline)) for p in places])


def _terms(f: Filters) -> tuple[str, list[str], list[Any]]:
    """The FROM clause and WHERE terms of the filters, over `article_places ap` and `places p`
    (joined to `articles a` only where an article's field is filtered on)."""
    where, params = article_terms(f)
    source = "article_places ap JOIN places p ON p.id = ap.place_id"
    if where:
        source += " JOIN articles a ON a.id = ap.article_id"
    if f.country:
        where.append("p.country = ?")
        params.append(f.country.upper())
    if f.kind:
        where.append("p.kind = ?")
        params.append(f.kind.lower())
    if f.place:
        where.append("p.id = ?")
        params.append(f.place)
    if f.entity:
        where.append(names_entity("ap.article_id"))
        params.append(f.entity)
    if f.story is not None:
        where.append("ap.article_id IN (SELECT article_id FROM story_articles WHERE story_id = ?)")
        params.append(f.story)
    return source, where, params


def read(conn: sqlite3.Connection, f: Filters) -> Iterator[PlaceRecord]:
    """The places of the articles the filters keep, most articles first."""
    source, where, params = _terms(f)
    sql = (f"SELECT p.*, COUNT(*) AS articles, SUM(ap.mentions) AS mentions, SUM(ap.dateline) AS datelines "
           f"FROM {source}" + (" WHERE " + " AND ".join(where) if where else "") +
           " GROUP BY p.id ORDER BY articles DESC, mentions DESC, p.name")
    for r in paged(conn, sql, params, f):
        yield PlaceRecord(r["id"], r["name"], r["kind"], r["country"], r["region"], r["lat"], r["lon"],
                          articles=r["articles"], mentions=r["mentions"], datelines=r["datelines"])


def countries(conn: sqlite3.Connection, f: Filters) -> list[dict[str, Any]]:
    """Per country (ISO alpha-3): the articles naming a place in it (a city counts for its
    country) and the mentions of its places, most articles first."""
    source, where, params = _terms(f)
    sql = (f"SELECT p.country, COUNT(DISTINCT ap.article_id) AS articles, SUM(ap.mentions) AS mentions "
           f"FROM {source}" + (" WHERE " + " AND ".join(where) if where else "") +
           " GROUP BY p.country ORDER BY articles DESC, mentions DESC, p.country")
    return [dict(r) for r in conn.execute(sql, params)]


def articles(conn: sqlite3.Connection, place_id: str, limit: int = 20) -> list[ArticleRef]:
    """The newest articles naming a place (or filed there)."""
    rows = conn.execute(
        "SELECT a.id, a.published, a.title, a.outlet, substr(a.text, 1, 160) AS lead, ap.mentions "
        "FROM article_places ap JOIN articles a ON a.id = ap.article_id WHERE ap.place_id = ? "
        "ORDER BY a.published IS NULL, a.published DESC, a.id LIMIT ?", (place_id, limit))
    return [ArticleRef(r["id"], r["published"], r["title"], r["outlet"], r["lead"], r["mentions"]) for r in rows]


def find(conn: sqlite3.Connection, place_id: str) -> PlaceRecord | None:
    return next(read(conn, Filters(place=place_id, limit=1)), None)


def describe(p: ArticlePlace) -> str:
    where = ", ".join(x for x in (p.region, p.country) if x)
    at = f" at {p.lat:.2f}, {p.lon:.2f}" if p.lat is not None and p.lon is not None else ""
    seen = f"{p.mentions} mentions" + (", dateline" if p.dateline else "")
    return f"{p.kind:<7} {p.name} ({where}){at}  ({seen}) {p.id}"


def _highlight(a: Article) -> list[Highlight]:
    return []  # a place's spans are its entities' mentions, which the entities kind marks


def _export(conn: sqlite3.Connection, f: Filters) -> Iterator[PlaceRecord]:
    return read(conn, Filters(date_from=f.date_from, date_to=f.date_to, outlet=f.outlet, language=f.language,
                              query=f.query, limit=None))


KIND = Kind(
    name="places", attr="places", fact=ArticlePlace, record=PlaceRecord, tables=("places", "article_places"),
    migration=14, write=write, read=read, filters=COMMON | {"country", "kind", "place", "story"},
    exports=(Table("places", PlaceRecord, _export),), highlight=_highlight, describe=describe,
)

__all__ = ["KIND", "KINDS", "TABLES", "articles", "countries", "find", "read", "write"]
