"""Full-text search over the archive (FTS5), with snippets, dates and paging.

Queries use FTS5 syntax (phrases in quotes, AND/OR/NOT, NEAR, prefix*), which news
researchers rely on; `literal=True` quotes every term so nothing acts as an operator. A
malformed query raises QueryError with a message a user can act on. Untrusted queries are
time-limited with SQLite's progress handler.
"""

from __future__ import annotations

import re
import sqlite3
import time
from dataclasses import dataclass

MAX_QUERY_CHARS = 500
# Ranking every match of a word that half a million articles contain takes seconds in FTS5;
# by default only the most recently stored matches are ranked (exhaustive on request).
DEFAULT_WINDOW = 2000


class Hits(list):  # type: ignore[type-arg]
    """Search hits; `windowed` is true when only the newest `window` matches were ranked."""

    windowed: bool = False


class QueryError(ValueError):
    pass


@dataclass(slots=True)
class Hit:
    id: str
    published: str | None
    title: str | None
    snippet: str
    score: float
    outlet: str | None = None
    cluster_id: str | None = None
    copies: int = 1

    def to_dict(self) -> dict[str, object]:
        return {
            "id": self.id, "published": self.published, "title": self.title, "snippet": self.snippet,
            "score": round(self.score, 4), "outlet": self.outlet, "cluster_id": self.cluster_id,
            "copies": self.copies,
        }


_TERM = re.compile(r"\w+", re.UNICODE)


def quote_query(query: str) -> str:
    """Every word as a quoted term: safe for any input."""
    return " ".join('"' + t.replace('"', '""') + '"' for t in _TERM.findall(query))


def check_date(value: str | None, name: str) -> str | None:
    if value is None:
        return None
    if not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", value):
        raise QueryError(f"{name} must be a date like 2021-09-09, 2021-09 or 2021 (got {value!r})")
    return value


def _date_bounds(date_from: str | None, date_to: str | None) -> tuple[str | None, str | None]:
    lo = check_date(date_from, "--from")
    hi = check_date(date_to, "--to")
    if hi is not None and len(hi) < 10:
        hi = hi + "\uffff"  # `--to 2021-09` includes the whole month
    return lo, hi


def search(
    conn: sqlite3.Connection, query: str, *, date_from: str | None = None, date_to: str | None = None,
    limit: int = 20, offset: int = 0, sort: str = "rank", literal: bool = False,
    one_per_cluster: bool = True, outlet: str | None = None, time_limit: float = 2.0,
    entity: str | None = None, marks: tuple[str, str] = ("[", "]"), window: int | None = None,
    author: str | None = None,
) -> Hits:
    """`entity` keeps articles that name that entity id; `marks` bracket the matched words.

    `window` bounds the cost of a query that matches much of a large archive: only the `window`
    most recently stored matches are ranked (and grouped into clusters). Finding them walks the
    FTS5 doclist in rowid order without scoring, which is cheap; scoring every match is not.
    """
    if sort not in ("rank", "date"):
        raise QueryError("sort must be 'rank' or 'date'")
    where, params = _filters(query, date_from, date_to, literal, outlet, entity, author)
    cut: list[sqlite3.Row] = []
    if window:
        source = "articles_fts" if len(where) == 1 else (
            "articles_fts JOIN articles a ON a.rowid = articles_fts.rowid")
        cut = _run(conn, f"SELECT articles_fts.rowid FROM {source} WHERE {' AND '.join(where)} "
                   "ORDER BY articles_fts.rowid DESC LIMIT 1 OFFSET ?", [*params, window - 1], query, time_limit)
        if cut:
            where.append("articles_fts.rowid >= ?")
            params.append(cut[0][0])
    windowed = bool(window and cut)
    clustered = one_per_cluster and _has_clusters(conn)
    order = "score" if sort == "rank" else "a.published IS NULL, a.published DESC, score"
    cluster_col = "c.cluster" if clustered else "a.id"
    join = "LEFT JOIN dedup_members c ON c.article_id = a.id" if clustered else ""
    # Snippets are made in a second step, for the page alone: making one for every match
    # costs more than the whole ranking.
    inner = f"""
        SELECT articles_fts.rowid AS rid, a.id, a.published, a.title, a.outlet,
               bm25(articles_fts, 2.0, 1.0) AS score, COALESCE({cluster_col}, a.id) AS cluster
        FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid {join}
        WHERE {' AND '.join(where)}"""
    if clustered:
        sql = f"""
            WITH hits AS ({inner}),
            ranked AS (SELECT *, ROW_NUMBER() OVER (PARTITION BY cluster ORDER BY score) AS n,
                              COUNT(*) OVER (PARTITION BY cluster) AS copies FROM hits)
            SELECT * FROM ranked a WHERE n = 1 ORDER BY {order} LIMIT ? OFFSET ?"""
    else:
        sql = f"SELECT *, 1 AS copies FROM ({inner}) a ORDER BY {order} LIMIT ? OFFSET ?"
    rows = _run(conn, sql, [*params, max(1, min(limit, 1000)), max(0, offset)], query, time_limit)
    snippets = _snippets(conn, params[0], [r["rid"] for r in rows], marks, query, time_limit)
    hits = Hits(
        Hit(id=r["id"], published=r["published"], title=r["title"], snippet=snippets.get(r["rid"], ""),
            score=-float(r["score"]), outlet=r["outlet"], cluster_id=r["cluster"] if clustered else None,
            copies=int(r["copies"]))
        for r in rows
    )
    hits.windowed = windowed
    return hits


def _snippets(conn: sqlite3.Connection, match: object, rowids: list[int], marks: tuple[str, str],
              query: str, time_limit: float) -> dict[int, str]:
    if not rowids:
        return {}
    holes = ",".join("?" * len(rowids))
    # One pass of FTS5 over the page's rowid range; `+rowid IN` keeps the list a filter. With
    # `rowid IN` alone FTS5 runs the whole query again per rowid, which for a prefix query
    # (`minist*`) costs over 10 ms each.
    sql = (f"SELECT rowid, snippet(articles_fts, 1, ?, ?, ' … ', 14) AS s FROM articles_fts "
           f"WHERE articles_fts MATCH ? AND rowid BETWEEN ? AND ? AND +rowid IN ({holes})")
    params = [*marks, match, min(rowids), max(rowids), *rowids]
    return {r["rowid"]: r["s"] for r in _run(conn, sql, params, query, time_limit)}


def _filters(
    query: str, date_from: str | None, date_to: str | None, literal: bool, outlet: str | None,
    entity: str | None, author: str | None = None,
) -> tuple[list[str], list[object]]:
    """The WHERE terms (over `articles_fts` and `articles a`) shared by search and facets."""
    query = query.strip()
    if not query:
        raise QueryError("the query is empty")
    if len(query) > MAX_QUERY_CHARS:
        raise QueryError(f"the query is longer than {MAX_QUERY_CHARS} characters")
    match = quote_query(query) if literal else query
    if not match:
        raise QueryError("the query has no words to search for")
    lo, hi = _date_bounds(date_from, date_to)
    where = ["articles_fts MATCH ?"]
    params: list[object] = [match]
    if lo:
        where.append("a.published >= ?")
        params.append(lo)
    if hi:
        where.append("a.published <= ?")
        params.append(hi)
    if outlet:
        where.append("a.outlet = ?")
        params.append(outlet)
    if entity:
        where.append("a.id IN (SELECT article_id FROM article_entities WHERE entity_id = ?)")
        params.append(entity)
    if author:
        from dateline.archive.store import author_key

        where.append("a.id IN (SELECT article_id FROM article_authors WHERE key = ?)")
        params.append(author_key(author))
    return where, params


def _run(conn: sqlite3.Connection, sql: str, params: list[object], query: str,
         time_limit: float) -> list[sqlite3.Row]:
    deadline = time.monotonic() + time_limit
    conn.set_progress_handler(lambda: int(time.monotonic() > deadline), 10_000)
    try:
        return conn.execute(sql, params).fetchall()
    except sqlite3.OperationalError as exc:
        msg = str(exc)
        if "interrupted" in msg:
            raise QueryError(f"the query took longer than {time_limit:g} s; make it more specific") from exc
        if "fts5" in msg or "syntax" in msg or "no such column" in msg or "unterminated" in msg:
            raise QueryError(
                f"malformed query {query!r} ({msg}); quote phrases with \"...\" or use --literal"
            ) from exc
        raise
    finally:
        conn.set_progress_handler(None, 0)


def facets(
    conn: sqlite3.Connection, query: str, *, date_from: str | None = None, date_to: str | None = None,
    literal: bool = False, outlet: str | None = None, entity: str | None = None, top: int = 10,
    scan: int = 5000, time_limit: float = 2.0,
) -> dict[str, object]:
    """Counts of the matches by entity, outlet and month.

    Counted over at most `scan` matching articles (the latest stored) so that a query matching most
    of a large archive still answers quickly; `complete` is false where the scan stopped there.
    """
    where, params = _filters(query, date_from, date_to, literal, outlet, entity)
    scan = max(2, min(scan, 100_000))
    base = (f"SELECT a.id, a.outlet, substr(a.published, 1, 7) AS month FROM articles_fts "
            f"JOIN articles a ON a.rowid = articles_fts.rowid WHERE {' AND '.join(where)} "
            "ORDER BY articles_fts.rowid DESC LIMIT ?")
    top = max(1, min(top, 100))
    sql = f"""
        WITH m AS ({base})
        SELECT 'n' AS facet, NULL AS key, NULL AS label, NULL AS type, COUNT(*) AS n FROM m
        UNION ALL SELECT * FROM (SELECT 'outlet', outlet, outlet, NULL, COUNT(*) AS n FROM m
            WHERE outlet IS NOT NULL GROUP BY outlet ORDER BY n DESC, outlet LIMIT ?)
        UNION ALL SELECT * FROM (SELECT 'month', month, month, NULL, COUNT(*) FROM m
            WHERE month IS NOT NULL GROUP BY month ORDER BY month)
        UNION ALL SELECT * FROM (SELECT 'entity', e.id, e.name, e.type, COUNT(*) AS n FROM m
            JOIN article_entities ae ON ae.article_id = m.id JOIN entities e ON e.id = ae.entity_id
            GROUP BY e.id ORDER BY n DESC, e.articles DESC LIMIT ?)"""
    rows = _run(conn, sql, [*params, scan, top, top], query, time_limit)
    groups: dict[str, list[dict[str, object]]] = {"entities": [], "outlets": [], "months": []}
    matches = 0
    for r in rows:
        if r["facet"] == "n":
            matches = int(r["n"])
        elif r["facet"] == "entity":
            groups["entities"].append({"id": r["key"], "name": r["label"], "type": r["type"], "count": r["n"]})
        else:
            groups[r["facet"] + "s"].append({"key": r["key"], "count": r["n"]})
    return {"matches": matches, "complete": matches < scan, **groups}


def _has_clusters(conn: sqlite3.Connection) -> bool:
    return conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type='table' AND name='dedup_members'"
    ).fetchone() is not None
