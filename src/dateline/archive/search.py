"""Full-text search over the archive (FTS5), with snippets, dates and paging.

Queries use FTS5 syntax (phrases in quotes, AND/OR/NOT, NEAR, prefix*), which news
researchers rely on, and take news as typed: a term with inner punctuation (`U.S.`, `AT&T`) is
the phrase of its words (see `archive/query.py`); `literal=True` quotes every term so nothing
acts as an operator. A term that names an entity of the archive also matches its other names
(`ISIS` finds Daesh) unless `exact=True`. A malformed query raises QueryError with a message a
user can act on. Untrusted queries are bounded by work with SQLite's progress handler.

Words match in any of their inflected forms (`Лаврова` finds `Лавров`, `Gesetze` finds `Gesetz`):
the query is stemmed in each language of the archive, or the one asked for, and run on the
stemmed index (`archive/stemming.py`); `exact=True` searches the words as given, on the plain
index, as before.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import sqlite3

from dateline.archive.query import Names, QuerySyntaxError, build_match, quote_literal
from dateline.archive.stemming import archive_languages, stem_match
from dateline.errors import QueryError
from dateline.model import Hit, StoryRef

__all__ = ["DEFAULT_WINDOW", "Hit", "Hits", "QueryError", "check_date", "check_dates", "facets", "quote_query",
           "search"]

MAX_QUERY_CHARS = 500
# Ranking every match of a word that half a million articles contain takes seconds in FTS5;
# by default only the most recently stored matches are ranked (exhaustive on request).
DEFAULT_WINDOW = 2000
# A query's budget is work, not wall-clock time, so that it does not fail on a loaded machine: the
# progress handler counts SQLite virtual-machine steps. `time_limit` seconds buy this many steps
# each. Measured on 60,000 synthetic articles on this kind of machine: 4-13 million steps per
# CPU-second for FTS5 ranking, phrase, prefix and date-sorted queries (bm25 and FTS5's own
# doclist work run inside few steps); the upper end is taken, so a limit is never tighter than
# the time it stands for on a quiet machine.
STEPS_PER_SECOND = 15_000_000
_STEPS_PER_CALL = 10_000


class Hits(list):  # type: ignore[type-arg]
    """Search hits; `windowed` is true when only the newest `window` matches were ranked."""

    windowed: bool = False


_TERM = re.compile(r"\w+", re.UNICODE)


def quote_query(query: str) -> str:
    """Every term as the quoted phrase of its words (`U.S.` -> `"U S"`): safe for any input."""
    return quote_literal(query)


def check_date(value: str | None, name: str) -> str | None:
    """A year, month or day that exists (`1987-13` and `2021-02-30` are errors), as given."""
    if value is None:
        return None
    if not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", value):
        raise QueryError(f"{name} must be a date like 2021-09-09, 2021-09 or 2021 (got {value!r})")
    try:
        dt.date.fromisoformat((value + "-01-01")[:10])
    except ValueError:
        raise QueryError(f"{name} {value} is not a date of the calendar") from None
    return value


def check_dates(date_from: str | None, date_to: str | None) -> tuple[str | None, str | None]:
    """Both bounds checked, and in order: a start after the end would silently find nothing."""
    lo = check_date(date_from, "`date_from`")
    hi = check_date(date_to, "`date_to`")
    # Compare the first day of the start with the first day of the end's period: `--from 2021-09-10
    # --to 2021-09` is a range within September, `--from 2022 --to 2021-12` is backwards.
    if lo is not None and hi is not None and lo[: len(hi)] > hi:
        raise QueryError(f"the start date {lo} is later than the end date {hi}: nothing can match")
    return lo, hi


def _date_bounds(date_from: str | None, date_to: str | None) -> tuple[str | None, str | None]:
    lo, hi = check_dates(date_from, date_to)
    if hi is not None and len(hi) < 10:
        hi = hi + "\uffff"  # `--to 2021-09` includes the whole month
    return lo, hi


def entity_names(conn: sqlite3.Connection) -> Names:
    """A name -> the names of the archive's entity it names (the most covered one), or []. Only
    the names that link across articles (`facts._linking_names`): a surname alone widens nothing."""
    from dateline.archive.namekey import name_key
    from dateline.archive.queries import ENTITY_TYPES

    if not _has_table(conn, "entity_names"):
        return lambda name: []

    def names(name: str) -> list[str]:
        keys = [name_key(t, name) for t in ENTITY_TYPES]
        row = conn.execute(
            f"SELECT e.id, e.type, e.name, e.aliases FROM entity_names n JOIN entities e ON e.id = n.entity_id "
            f"WHERE n.key IN ({','.join('?' * len(keys))}) ORDER BY e.articles DESC, e.id LIMIT 1", keys).fetchone()
        if row is None:
            return []
        linked = {r[0] for r in conn.execute("SELECT key FROM entity_names WHERE entity_id = ?", (row["id"],))}
        others = [a for a in json.loads(row["aliases"]) if name_key(row["type"], a) in linked]
        return [row["name"], *others]

    return names


def search(
    conn: sqlite3.Connection, query: str, *, date_from: str | None = None, date_to: str | None = None,
    limit: int = 20, offset: int = 0, sort: str = "rank", literal: bool = False,
    one_per_cluster: bool = True, outlet: str | None = None, time_limit: float = 2.0,
    entity: str | None = None, marks: tuple[str, str] = ("[", "]"), window: int | None = None,
    language: str | None = None, exact: bool = False, author: str | None = None, by_story: bool = False,
    place: str | None = None,
) -> Hits:
    """`entity` keeps articles that name that entity id, `place` those naming (or filed from) that
    gazetteer entry; `marks` bracket the matched words;
    `by_story` returns the best-ranked match of each story thread (with the story's label and
    size, `copies` then counting the thread's matches) instead of one per near-copy cluster;
    `exact` searches the words as given, not also the other names of an entity they name.
    `time_limit` is a budget of work (STEPS_PER_SECOND steps a second), not of wall-clock time.

    `window` bounds the cost of a query that matches much of a large archive: only the `window`
    most recently stored matches are ranked (and grouped into clusters). Finding them walks the
    FTS5 doclist in rowid order without scoring, which is cheap; scoring every match is not.
    """
    if sort not in ("rank", "date"):
        raise QueryError("sort must be 'rank' or 'date'")
    fts = _index(conn, exact)
    where, params = _filters(query, date_from, date_to, literal, outlet, entity,
                             None if exact else entity_names(conn), language, author,
                             _stem_languages(conn, language) if fts == STEMMED else None, place)
    match_alone = len(where) == 1
    _skip_gone(conn, fts, where)
    cut: list[sqlite3.Row] = []
    if window:
        source = fts if match_alone else f"{fts} JOIN articles a ON a.rowid = {fts}.rowid"
        cut = _run(conn, f"SELECT {fts}.rowid FROM {source} WHERE {' AND '.join(where)} "
                   f"ORDER BY {fts}.rowid DESC LIMIT 1 OFFSET ?", [*params, window - 1], query, time_limit)
        if cut:
            where.append(f"{fts}.rowid >= ?")
            params.append(cut[0][0])
    windowed = bool(window and cut)
    clustered = one_per_cluster and _has_clusters(conn)
    storied = by_story and _has_table(conn, "story_articles")
    order = "score" if sort == "rank" else "a.published IS NULL, a.published DESC, score"
    cluster_col = "c.cluster" if clustered else "a.id"
    join = "LEFT JOIN dedup_members c ON c.article_id = a.id" if clustered else ""
    if storied:
        # A story thread holds its near copies, so grouping by thread groups them too; an article
        # in no thread (stories turned off when it was stored) stays grouped by its cluster.
        cluster_col = f"'story:' || sa.story_id, {cluster_col}"
        join += " LEFT JOIN story_articles sa ON sa.article_id = a.id"
    grouped = clustered or storied
    # Snippets are made in a second step, for the page alone: making one for every match
    # costs more than the whole ranking.
    inner = f"""
        SELECT {fts}.rowid AS rid, a.id, a.published, a.title, a.outlet,
               bm25({fts}, 2.0, 1.0) AS score, COALESCE({cluster_col}, a.id) AS cluster
        FROM {fts} JOIN articles a ON a.rowid = {fts}.rowid {join}
        WHERE {' AND '.join(where)}"""
    if grouped:
        sql = f"""
            WITH hits AS ({inner}),
            ranked AS (SELECT *, ROW_NUMBER() OVER (PARTITION BY cluster ORDER BY score) AS n,
                              COUNT(*) OVER (PARTITION BY cluster) AS copies FROM hits)
            SELECT * FROM ranked a WHERE n = 1 ORDER BY {order} LIMIT ? OFFSET ?"""
    else:
        sql = f"SELECT *, 1 AS copies FROM ({inner}) a ORDER BY {order} LIMIT ? OFFSET ?"
    rows = _run(conn, sql, [*params, max(1, min(limit, 1000)), max(0, offset)], query, time_limit)
    match = params[0] if fts == PLAIN else _snippet_match(str(params[0]))
    snippets = _snippets(conn, match, [r["rid"] for r in rows], marks, query, time_limit)
    stories: dict[str, dict[str, object]] = {}
    if storied:
        from dateline.archive.storyrefs import stories_of

        stories = stories_of(conn, [r["id"] for r in rows])
    clusters = _clusters_of(conn, [r["id"] for r in rows]) if storied and clustered else {}
    hits = Hits(
        Hit(id=r["id"], published=r["published"], title=r["title"], snippet=snippets.get(r["rid"], ""),
            score=-float(r["score"]), outlet=r["outlet"],
            cluster_id=(clusters.get(r["id"]) if storied else r["cluster"]) if clustered else None,
            copies=int(r["copies"]), story=StoryRef(**stories[r["id"]]) if r["id"] in stories else None)  # type: ignore[arg-type]
        for r in rows
    )
    hits.windowed = windowed
    return hits


def _clusters_of(conn: sqlite3.Connection, ids: list[str]) -> dict[str, str]:
    if not ids:
        return {}
    marks = ",".join("?" * len(ids))
    rows = conn.execute(f"SELECT article_id, cluster FROM dedup_members WHERE article_id IN ({marks})", ids).fetchall()
    return {r[0]: r[1] for r in rows}


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
    entity: str | None, names: Names | None = None, language: str | None = None,
    author: str | None = None, stem_languages: list[str | None] | None = None, place: str | None = None,
) -> tuple[list[str], list[object]]:
    """The WHERE terms (over the full-text index and `articles a`) shared by search and facets;
    with `stem_languages`, over the stemmed index, the query stemmed in each of those languages."""
    query = query.strip()
    if not query:
        raise QueryError("the query is empty")
    if len(query) > MAX_QUERY_CHARS:
        raise QueryError(f"the query is longer than {MAX_QUERY_CHARS} characters")
    try:
        query.encode("utf-8")
        match = build_match(query, literal, names)
    except UnicodeEncodeError:  # lone surrogates, from undecodable bytes on a command line
        raise QueryError("the query is not valid text (undecodable characters)") from None
    except QuerySyntaxError as exc:
        raise QueryError(f"malformed query {query!r}: {exc}") from None
    if not match:
        raise QueryError("the query has no words to search for")
    lo, hi = _date_bounds(date_from, date_to)
    table = PLAIN
    if stem_languages is not None:
        table = STEMMED
        forms = list(dict.fromkeys(stem_match(match, lang) for lang in stem_languages or [None]))
        match = forms[0] if len(forms) == 1 else " OR ".join(f"({f})" for f in forms)
    where = [f"{table} MATCH ?"]
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
    if language:  # where the cleaner detected one (see archive.kinds.base.article_terms)
        where.append("a.language = ?")
        params.append(language)
    if author:
        from dateline.archive.store import author_key

        where.append("a.id IN (SELECT article_id FROM article_authors WHERE key = ?)")
        params.append(author_key(author))
    if place:  # a gazetteer id (`geonames:706483`): the article's own place, as the places stage chose it
        where.append("a.id IN (SELECT article_id FROM article_places WHERE place_id = ?)")
        params.append(place)
    return where, params


def _run(conn: sqlite3.Connection, sql: str, params: list[object], query: str,
         time_limit: float) -> list[sqlite3.Row]:
    calls = max(1, int(time_limit * STEPS_PER_SECOND / _STEPS_PER_CALL))
    spent = [0]

    def over_budget() -> int:
        spent[0] += 1
        return int(spent[0] > calls)

    conn.set_progress_handler(over_budget, _STEPS_PER_CALL)
    try:
        return conn.execute(sql, params).fetchall()
    except sqlite3.OperationalError as exc:
        msg = str(exc)
        if "interrupted" in msg:
            raise QueryError(f"the query needs more work than its limit (about {time_limit:g} s on a quiet "
                             "machine); make it more specific") from exc
        if ("fts5" in msg or "syntax" in msg or "no such column" in msg or "unterminated" in msg
                or "unknown special query" in msg):
            raise QueryError(
                f"malformed query {query!r} ({msg}); quote phrases with \"...\" or search for plain words (`literal`)"
            ) from exc
        raise
    finally:
        conn.set_progress_handler(None, 0)


def facets(
    conn: sqlite3.Connection, query: str, *, date_from: str | None = None, date_to: str | None = None,
    literal: bool = False, outlet: str | None = None, entity: str | None = None, top: int = 10,
    scan: int = 5000, time_limit: float = 2.0, language: str | None = None, exact: bool = False,
    place: str | None = None,
) -> dict[str, object]:
    """Counts of the matches by entity, outlet and month.

    Counted over at most `scan` matching articles (the latest stored) so that a query matching most
    of a large archive still answers quickly; `complete` is false where the scan stopped there.
    """
    fts = _index(conn, exact)
    where, params = _filters(query, date_from, date_to, literal, outlet, entity,
                             None if exact else entity_names(conn), language,
                             stem_languages=_stem_languages(conn, language) if fts == STEMMED else None,
                             place=place)
    _skip_gone(conn, fts, where)
    scan = max(2, min(scan, 100_000))
    base = (f"SELECT a.id, a.outlet, substr(a.published, 1, 7) AS month FROM {fts} "
            f"JOIN articles a ON a.rowid = {fts}.rowid WHERE {' AND '.join(where)} "
            f"ORDER BY {fts}.rowid DESC LIMIT ?")
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


PLAIN, STEMMED = "articles_fts", "articles_stem"
_PHRASE = re.compile(r'"((?:[^"]|"")*)"')


def _index(conn: sqlite3.Connection, exact: bool) -> str:
    """The stemmed index, unless the words are to be found as given or the archive has none yet
    (one written by an older dateline, opened to be read)."""
    return PLAIN if exact or not _has_table(conn, STEMMED) else STEMMED


def _skip_gone(conn: sqlite3.Connection, fts: str, where: list[str]) -> None:
    """On the stemmed index, the rows of articles deleted by another tool are skipped until
    dateline's next write takes them out (`archive.stemming`: the index is contentless)."""
    if fts == STEMMED and _has_table(conn, "stem_gone") and conn.execute("SELECT 1 FROM stem_gone LIMIT 1").fetchone():
        where.append(f"{fts}.rowid NOT IN (SELECT article_rowid FROM stem_gone)")


def _stem_languages(conn: sqlite3.Connection, language: str | None) -> list[str | None]:
    """The languages to stem the query in: the one asked for, else every one of the archive."""
    return [language] if language else archive_languages(conn)


def _snippet_match(stemmed: str) -> str:
    """A match on the plain index that finds the words a stemmed query found, to cut snippets
    around them: each stem as a prefix (`лавров*` marks `Лаврова`)."""
    stems = dict.fromkeys(w for p in _PHRASE.findall(stemmed) for w in _TERM.findall(p.replace('""', '"')))
    return " OR ".join(f'"{w}" *' for w in stems) or stemmed


def _has_clusters(conn: sqlite3.Connection) -> bool:
    return _has_table(conn, "dedup_members")


def _has_table(conn: sqlite3.Connection, name: str) -> bool:
    return conn.execute("SELECT 1 FROM sqlite_master WHERE type='table' AND name=?", (name,)).fetchone() is not None
