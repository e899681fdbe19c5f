"""Every read of an archive, as methods over one read-only connection that never leaves `archive/`.

The read API (`dateline.api.read`) is the public door; this is the room behind it: SQL lives
here, in the fact registry (`archive.kinds`), search and browse. Results are the typed records
of `dateline.model`.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from dateline.archive import browse, kinds
from dateline.archive.kinds import entities, places
from dateline.archive.kinds.base import article_terms, paged
from dateline.model import (
    ArchiveStats,
    Article,
    ArticleRef,
    ClusterMember,
    ClusterRecord,
    EntityDetail,
    EntityRecord,
    MentionRecord,
    PlaceRecord,
    SourceRow,
    StoryDetail,
    StoryMember,
    StoryRecord,
    StoryRef,
)

# What one kind of read needs (search and its stemmer, clusters, stories, statistics) is
# imported by the method making it: a command pays at start-up only for what it reads.
if TYPE_CHECKING:
    from dateline.archive.search import Hits
    from dateline.archive.store import Archive


class Reader:
    def __init__(self, store: Archive) -> None:
        self._store = store

    @property
    def conn(self) -> sqlite3.Connection:
        """The connection itself, for SQL the API does not offer (read-only where opened so)."""
        return self._store.conn

    @property
    def path(self) -> str:
        return self._store.path

    @property
    def writable(self) -> bool:
        return self._store.dedup is not None

    def close(self) -> None:
        self._store.close()

    # -- articles ------------------------------------------------------------------------------
    def search(self, query: str, **kw: Any) -> Hits:
        from dateline.archive.search import search

        return search(self.conn, query, **kw)

    def facets(self, query: str, **kw: Any) -> dict[str, Any]:
        from dateline.archive.search import facets

        return facets(self.conn, query, **kw)

    def article(self, ident: str) -> Article | None:
        return self._store.article(ident)

    def copies(self, article_id: str) -> list[ArticleRef]:
        return [ArticleRef(r["id"], r["published"], r["title"], r["outlet"], r["lead"])
                for r in browse.cluster_copies(self.conn, article_id)]

    def iter_articles(self, f: kinds.Filters, batch: int = 500) -> Iterator[Article]:
        """Every article the filters' dates and query keep, in storage order, a batch at a time."""
        from dateline.archive.clusters import read_clusters
        from dateline.archive.storyrefs import stories_of

        where, params = article_terms(f)
        last = -1
        while True:
            sql = ("SELECT a.rowid, a.text, a.json FROM articles a WHERE " + " AND ".join([*where, "a.rowid > ?"])
                   + " ORDER BY a.rowid LIMIT ?")
            rows = list(paged(self.conn, sql, [*params, last, batch], kinds.Filters(query=f.query, limit=None)))
            if not rows:
                return
            articles = [self._store.article_from_row(r) for r in rows]
            clusters = read_clusters(self.conn, [a.id for a in articles])
            stories = stories_of(self.conn, [a.id for a in articles])
            for a in articles:
                a.cluster = clusters[a.id]
                story = stories.get(a.id)
                a.story = StoryRef(**story) if story else None
                yield a
            last = rows[-1]["rowid"]

    def source_rows(self, f: kinds.Filters) -> Iterator[SourceRow]:
        """Where each kept article was read from: one row per source (exact copies included)."""
        where, params = article_terms(f)
        sql = ("SELECT s.article_id, s.path, s.record, s.format, s.offset, s.outlet, s.url, s.added FROM sources s "
               "JOIN articles a ON a.id = s.article_id" + (" WHERE " + " AND ".join(where) if where else "")
               + " ORDER BY s.article_id, s.added, s.path, s.record")
        for r in paged(self.conn, sql, params, f):
            yield SourceRow(**dict(r))

    def cluster_rows(self, f: kinds.Filters) -> Iterator[ClusterMember]:
        """The cluster of each kept article (`unique` for an article alone)."""
        for a in self.iter_articles(f):
            c = a.cluster
            if c is not None:
                yield ClusterMember(a.id, c.id, c.kind, c.size)

    def story_rows(self, f: kinds.Filters) -> Iterator[StoryMember]:
        """The story of each kept article that is in one."""
        for a in self.iter_articles(f):
            if a.story is not None:
                yield StoryMember(a.id, a.story.id, a.story.label, a.story.size)

    def raw_records(self, article_id: str) -> list[dict[str, Any]]:
        return self._store.raw_records(article_id)

    def recent(self, limit: int) -> list[ArticleRef]:
        return [ArticleRef(r["id"], r["published"], r["title"], r["outlet"], r["lead"])
                for r in browse.recent_articles(self.conn, limit)]

    def languages(self) -> list[str]:
        """The languages of the archive's articles, from the stemmed index's own list (no scan)."""
        if not browse.has_table(self.conn, "stem_languages"):
            return []  # an archive written before the stemmed index, opened read-only
        from dateline.archive.stemming import archive_languages

        return [code for code in archive_languages(self.conn) if code]

    def outlets(self, top: int) -> list[dict[str, Any]]:
        return browse.outlets(self.conn, top)

    def rejects(self, limit: int) -> list[dict[str, Any]]:
        return browse.reject_samples(self.conn, limit)

    def stats(self, languages: bool = True) -> ArchiveStats:
        from dateline.archive.stats import stats

        return ArchiveStats(**stats(self._store, languages))

    # -- facts ---------------------------------------------------------------------------------
    def facts(self, kind: str, f: kinds.Filters) -> list[Any]:
        k = kinds.get(kind)
        if not browse.has_table(self.conn, k.tables[0]):
            return []  # an archive written before the kind, opened read-only (not migrated)
        return list(k.read(self.conn, f))

    def place_countries(self, f: kinds.Filters) -> list[dict[str, Any]]:
        return places.countries(self.conn, f) if browse.has_table(self.conn, "places") else []

    def place(self, place_id: str) -> PlaceRecord | None:
        return places.find(self.conn, place_id) if browse.has_table(self.conn, "places") else None

    def place_articles(self, place_id: str, limit: int) -> list[ArticleRef]:
        return places.articles(self.conn, place_id, limit) if browse.has_table(self.conn, "places") else []

    def table(self, table: kinds.Table, f: kinds.Filters) -> Any:
        """The rows of one exported table, read lazily."""
        return table.rows(self.conn, f)

    def event_counts(self, f: kinds.Filters, by: str = "type") -> dict[str, dict[str, int]]:
        return kinds.events.per_day(self.conn, f, by)

    def mentions(self, f: kinds.Filters) -> list[MentionRecord]:
        return list(entities.mentions(self.conn, f))

    def entity_candidates(self, name: str) -> list[EntityRecord]:
        return entities.candidates(self.conn, name)

    def find_entity(self, name: str) -> EntityRecord | None:
        return entities.find(self.conn, name)

    def entity_detail(self, ent: EntityRecord, limit: int) -> EntityDetail:
        return entities.detail(self.conn, ent, limit)

    # -- clusters ------------------------------------------------------------------------------
    def has_clusters(self) -> bool:
        return browse.has_table(self.conn, "dedup_members")

    def clusters(self, min_size: int, limit: int) -> list[ClusterRecord]:
        if not self.has_clusters():
            return []
        from dateline.archive.clusters import list_clusters

        return [ClusterRecord(**r) for r in list_clusters(self.conn, min_size=min_size, limit=limit)]

    def stories(self, **kw: Any) -> list[StoryRecord]:
        from dateline.archive.stories import list_stories

        return [StoryRecord(**r) for r in list_stories(self.conn, **kw)]

    def story(self, story_id: int) -> StoryDetail | None:
        from dateline.archive.stories import story_detail

        d = story_detail(self.conn, story_id)
        if d is None:
            return None
        refs = [ArticleRef(a["id"], a["published"], a["title"], a["outlet"], a["lead"]) for a in d.pop("articles")]
        return StoryDetail(articles=refs, **d)

    def rebuild_stories(self) -> int:
        """Every article assigned to stories again, in one transaction; returns how many there are."""
        store = self._store
        assert store.stories is not None, "opened read-only"  # the API checks `writable` first
        store.conn.execute("BEGIN IMMEDIATE")
        try:
            n = store.stories.rebuild()
            store.conn.execute("COMMIT")
        except BaseException:
            store.conn.execute("ROLLBACK")
            raise
        store.give_back_free_pages()
        return n

    def rebuild_clusters(self, threshold: float | None) -> int:
        """Recompute every near-duplicate cluster in one transaction; returns how many there are."""
        store = self._store
        assert store.dedup is not None, "opened read-only"  # the API checks `writable` first
        store.conn.execute("BEGIN IMMEDIATE")
        try:
            store.dedup.rebuild(threshold)
            store.conn.execute("COMMIT")
        except BaseException:
            store.conn.execute("ROLLBACK")
            raise
        store.give_back_free_pages()
        return int(store.conn.execute("SELECT COUNT(DISTINCT cluster) FROM dedup_members").fetchone()[0])
