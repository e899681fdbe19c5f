"""Story threads in the archive: the tables, the incremental assignment at ingest, and the reads.

The decision rule is `dateline.stories` (pure code); this module keeps its state in tables so
that a corpus ingested in one run or in ten ends in the same threads:
- `story_df`: document frequencies of terms and entity keys, and `meta.story_docs` their count;
- `stories`: each story's span, size, label and centroid (`state`, packed by
  `archive.compact.pack_story` with the keys the story is indexed by);
- `story_keys`: the inverted index (key, the story's last day as a day number, story), so
  candidates are read with a range on the day: the cost per article stays flat as the archive
  grows. It is one b-tree, by key: the keys to take out when a story changes are in its row.
- `story_articles`: which story each article is in.
Entities are the archive's entity ids (so `ISIS` and `Daesh`, linked, count as one), looked up
after the article's facts are stored in the same transaction.
"""

from __future__ import annotations

import json
import math
import sqlite3
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import replace
from datetime import date, timedelta
from typing import Any

from dateline.archive.compact import pack_story, unpack_json, unpack_story
from dateline.archive.kinds.base import span_text
from dateline.archive.schema import STORY_TABLES
from dateline.archive.storyrefs import has_stories, stories_of
from dateline.model import Article
from dateline.settings import Settings
from dateline.stories.assign import (
    Story,
    StoryParams,
    choose,
    entity_key,
    join,
    norm_is_stale,
    profile_keys,
    query_keys,
    story_keys,
    story_norm,
)
from dateline.stories.represent import STORY_TYPES, Profile, profile

_CHUNK = 500


def params_of(settings: Settings) -> StoryParams:
    return replace(StoryParams(), window_days=settings.story_window_days, threshold=settings.story_threshold)


def day_number(day: str | None) -> int:
    """A story's day as `story_keys.last` holds it: the day's ordinal (0001-01-01 is 1), 0 for an
    undated story. An integer takes 3 bytes a key row where the ISO date took 11."""
    if not day:
        return 0
    try:
        return date.fromisoformat(day[:10]).toordinal()
    except ValueError:
        return 0


def _chunks(items: Sequence[str]) -> Iterator[Sequence[str]]:
    for i in range(0, len(items), _CHUNK):
        yield items[i : i + _CHUNK]


class SqlFrequencies:
    """Document frequencies kept in `story_df`, read for the keys an article needs, cached."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        row = conn.execute("SELECT value FROM meta WHERE key = 'story_docs'").fetchone()
        self.n = int(row[0]) if row else 0
        self._df: dict[str, int] = {}
        self._idf: dict[str, float] = {}  # memo, valid while n stays within a fortieth
        self._idf_n = self.n

    def load(self, keys: Iterable[str]) -> None:
        missing = sorted(set(keys).difference(self._df))  # the difference in C; sorted: the same queries every run
        for chunk in _chunks(missing):
            found = dict(self.conn.execute(
                f"SELECT key, df FROM story_df WHERE key IN ({','.join('?' * len(chunk))})", chunk).fetchall())
            for k in chunk:
                self._df[k] = found.get(k, 0)

    def idf(self, key: str) -> float:
        try:
            return self._idf[key]
        except KeyError:
            pass
        if self.n > self._idf_n * 1.025:
            self._idf.clear()
            self._idf_n = self.n
        v = self._idf[key] = math.log((1 + self.n) / (1 + self._df.get(key, 0))) + 1.0
        return v

    def add(self, p: Profile) -> None:
        keys = profile_keys(p)
        self.load(keys)
        self.n += 1
        self.conn.executemany(
            "INSERT INTO story_df(key, df) VALUES (?, 1) ON CONFLICT(key) DO UPDATE SET df = df + 1",
            [(k,) for k in keys])
        for k in keys:
            self._df[k] += 1
            self._idf.pop(k, None)
        self.conn.execute("INSERT INTO meta(key, value) VALUES ('story_docs', ?) "
                          "ON CONFLICT(key) DO UPDATE SET value = excluded.value", (str(self.n),))


class StoryStore:
    """Assigns new articles to stories inside the ingest's transaction."""

    def __init__(self, conn: sqlite3.Connection, settings: Settings) -> None:
        self.conn = conn
        self.params = params_of(settings)
        self.df = SqlFrequencies(conn)
        # Stories read in this batch, kept as they are changed: a batch's articles often meet the
        # same stories. Cleared per batch, so nothing outlives a transaction that rolls back.
        self._cache: dict[int, Story] = {}
        # The keys each of those stories is indexed by, and the day they were indexed with, as
        # read from its row: what `_save` takes out of `story_keys` when the story changes.
        self._indexed: dict[int, tuple[frozenset[str], int]] = {}

    # -- writing --------------------------------------------------------------------------------
    def add(self, articles: Sequence[Article], profiles: dict[str, str] | None = None) -> None:
        """Assign the articles; `profiles` holds those made already (JSON, by Ray workers)."""
        made = profiles or {}
        self.add_profiles(
            (a.id, self.with_archive_entities(a.id, Profile.from_dict(json.loads(made[a.id])))
             if a.id in made else self.profile(a)) for a in articles)

    def add_profiles(self, items: Iterable[tuple[str, Profile]]) -> None:
        """Assign a batch of articles already profiled (here, or on Ray workers, `entities` then
        `TYPE:name` keys swapped for the archive's ids by `with_archive_entities`), in order.
        Articles already in a story are left where they are."""
        self._cache = {}
        self._indexed = {}
        self.df = SqlFrequencies(self.conn)
        for article_id, p in items:
            if self.conn.execute("SELECT 1 FROM story_articles WHERE article_id = ?", (article_id,)).fetchone():
                continue
            self.assign(article_id, p, self._cluster_story(article_id))

    def profile(self, a: Article) -> Profile:
        """The article as assignment sees it, its entities as the archive's entity ids."""
        return self.with_archive_entities(a.id, profile(a))

    def with_archive_entities(self, article_id: str, p: Profile) -> Profile:
        """The profile with the archive's entity ids of the stored article in place of its
        `TYPE:name` keys (so linked names count as one); kept as it is when none are stored."""
        rows = self.conn.execute(
            "SELECT ae.entity_id FROM article_entities ae JOIN entities e ON e.id = ae.entity_id "
            f"WHERE ae.article_id = ? AND e.type IN ({','.join('?' * len(STORY_TYPES))})",
            (article_id, *sorted(STORY_TYPES))).fetchall()
        return replace(p, entities=frozenset(r[0] for r in rows)) if rows or not p.entities else p

    def _cluster_story(self, article_id: str) -> int | None:
        """The story of another member of the article's near-copy cluster: a near copy is never
        in a story of its own."""
        row = self.conn.execute(
            "SELECT sa.story_id FROM dedup_members m JOIN dedup_members o ON o.cluster = m.cluster "
            "JOIN story_articles sa ON sa.article_id = o.article_id WHERE m.article_id = ? LIMIT 1",
            (article_id,)).fetchone()
        return int(row[0]) if row else None

    def assign(self, article_id: str, p: Profile, forced: int | None = None) -> int:
        self.df.add(p)
        story: Story | None = None
        score = 1.0
        if forced is not None:
            story = self._load([forced]).get(forced)
        if story is None:
            story, score = choose(p, self._candidates(p), self.df, self.params)
        if story is None:
            cur = self.conn.execute("INSERT INTO stories(label, first, last, size, state) VALUES (NULL, NULL, NULL, "
                                    "0, '')")
            story = Story(int(cur.lastrowid or 0))
            self._cache[story.id] = story
            self._indexed[story.id] = (frozenset(), 0)
        join(story, p, self.params)
        self.conn.execute("INSERT OR REPLACE INTO story_articles(article_id, story_id, score) VALUES (?, ?, ?)",
                          (article_id, story.id, round(score, 4)))
        self._save(story)  # after the membership: a story naming no entity is labelled by its first article
        return story.id

    def _candidates(self, p: Profile) -> list[Story]:
        keys = query_keys(p, self.df, self.params)
        lo = 0
        if p.date:
            try:
                lo = (date.fromisoformat(p.date[:10]) - timedelta(days=self.params.window_days)).toordinal()
            except ValueError:
                lo = 0
        hits: Counter[int] = Counter()
        # A range on the story's last day keeps the lookup to the window: the cost stays flat as
        # the archive grows. Undated stories (last = 0) are candidates for every article, as in
        # memory; they are looked up apart so that the range can use the index.
        bounds = [("last >= ?", lo)] + ([("last = ?", 0)] if lo else [])
        for chunk in _chunks(keys):
            marks = ",".join("?" * len(chunk))
            for cond, value in bounds:
                rows = self.conn.execute(
                    f"SELECT story_id FROM story_keys WHERE key IN ({marks}) AND {cond}", (*chunk, value)).fetchall()
                hits.update(r[0] for r in rows)
        ranked = sorted(hits.items(), key=lambda kv: (-kv[1], kv[0]))[: self.params.max_candidates]
        found = self._load([sid for sid, _ in ranked])
        return [found[sid] for sid, _ in ranked if sid in found]

    def _load(self, ids: Sequence[int]) -> dict[int, Story]:
        out = {i: self._cache[i] for i in ids if i in self._cache}
        missing = [i for i in ids if i not in out]
        for i in range(0, len(missing), _CHUNK):
            chunk = missing[i : i + _CHUNK]
            for r in self.conn.execute(
                    f"SELECT id, first, last, size, state FROM stories WHERE id IN ({','.join('?' * len(chunk))})",
                    chunk):
                state, indexed = unpack_story(r[4])
                if indexed is None:  # a state stored as JSON: its keys are in the index alone
                    indexed = frozenset(k for (k,) in self.conn.execute(
                        "SELECT key FROM story_keys WHERE story_id = ?", (r[0],)))
                self._indexed[r[0]] = (indexed, day_number(r[2]))
                out[r[0]] = self._cache[r[0]] = Story.from_state(r[0], state, r[1], r[2], r[3])
        # the norm is stored with the story; only a stale one needs the frequencies of every term
        self.df.load(k for s in out.values() if norm_is_stale(s, self.df) for k in s.terms)
        return out

    def _save(self, s: Story) -> None:
        self.df.load(s.terms)
        story_norm(s, self.df)  # stored with the story, so that reading it back needs no frequencies
        keys, last = story_keys(s, self.df, self.params), day_number(s.last)
        self.conn.execute("UPDATE stories SET label = ?, first = ?, last = ?, size = ?, state = ? WHERE id = ?",
                          (self._label(s), s.first, s.last, s.size, pack_story(s.state(), keys), s.id))
        indexed, was = self._indexed.get(s.id, (frozenset(), last))
        # Most of a story's keys stay when an article joins: only the changed ones are written,
        # unless the story's last day moved (it is part of every key row).
        old, gone = (indexed, indexed - keys) if was == last else (frozenset(), indexed)
        self.conn.executemany("DELETE FROM story_keys WHERE key = ? AND last = ? AND story_id = ?",
                              [(k, was, s.id) for k in sorted(gone)])
        self.conn.executemany("INSERT INTO story_keys(key, last, story_id) VALUES (?, ?, ?)",
                              [(k, last, s.id) for k in sorted(keys - old)])
        self._indexed[s.id] = (keys, last)

    def _label(self, s: Story) -> str | None:
        """The story's most named entities; a story naming none takes its first article's title."""
        top = [e for e, _ in sorted(s.entities.items(), key=lambda kv: (-kv[1], kv[0]))[:3]]
        names: list[str] = []
        if top:
            found = dict(self.conn.execute(
                f"SELECT id, name FROM entities WHERE id IN ({','.join('?' * len(top))})", top).fetchall())
            names = [found[e] for e in top if e in found]
        if names:
            return ", ".join(names)
        row = self.conn.execute(
            "SELECT a.title, substr(a.text, 1, 80) FROM story_articles sa JOIN articles a ON a.id = sa.article_id "
            "WHERE sa.story_id = ? ORDER BY a.published, a.rowid LIMIT 1", (s.id,)).fetchone()
        return (row[0] or row[1]) if row else None

    def rebuild(self, batch: int = 500) -> int:
        """Every article assigned again, in date order (undated last): returns the story count."""
        for table in ("story_df", "stories", "story_keys", "story_articles"):
            self.conn.execute(f"DELETE FROM {table}")
        self.conn.execute("DELETE FROM meta WHERE key = 'story_docs'")
        self.df = SqlFrequencies(self.conn)
        cur = self.conn.execute("SELECT text, json FROM articles ORDER BY published IS NULL, published, rowid")
        while rows := cur.fetchmany(batch):
            self.add([Article.from_dict({**unpack_json(r[1], r[0]), "text": r[0]}) for r in rows])
        return int(self.conn.execute("SELECT count(*) FROM stories").fetchone()[0])


# -- reading ------------------------------------------------------------------------------------
def list_stories(conn: sqlite3.Connection, *, date_from: str | None = None, date_to: str | None = None,
                 entity: str | None = None, min_size: int = 1, limit: int | None = 50, offset: int = 0
                 ) -> Iterator[dict[str, Any]]:
    """Stories, largest first, with their outlets and article ids; dates filter the story's span."""
    from dateline.archive.search import _date_bounds

    if not has_stories(conn):
        return
    lo, hi = _date_bounds(date_from, date_to)
    where, params = ["s.size >= ?"], [max(1, min_size)]
    if lo:
        where.append("s.last >= ?")
        params.append(lo)
    if hi:
        where.append("s.first <= ?")
        params.append(hi)
    if entity:
        where.append("s.id IN (SELECT sa.story_id FROM story_articles sa JOIN article_entities ae "
                     "ON ae.article_id = sa.article_id WHERE ae.entity_id = ?)")
        params.append(entity)
    sql = (f"SELECT s.id, s.label, s.first, s.last, s.size FROM stories s WHERE {' AND '.join(where)} "
           "ORDER BY s.size DESC, s.last DESC, s.id")
    if limit is not None:
        sql += " LIMIT ? OFFSET ?"
        params += [limit, max(0, offset)]
    for r in conn.execute(sql, params).fetchall():
        members = conn.execute(
            "SELECT a.id, a.outlet FROM story_articles sa JOIN articles a ON a.id = sa.article_id "
            "WHERE sa.story_id = ? ORDER BY a.published IS NULL, a.published, a.rowid", (r[0],)).fetchall()
        yield {"id": r[0], "label": r[1], "first": r[2], "last": r[3], "size": r[4],
               "outlets": sorted({m[1] for m in members if m[1]}), "articles": [m[0] for m in members]}


def story_detail(conn: sqlite3.Connection, story_id: int) -> dict[str, Any] | None:
    """A story: its timeline of articles, and its quotes grouped by speaker."""
    if not has_stories(conn):
        return None
    row = conn.execute("SELECT id, label, first, last, size FROM stories WHERE id = ?", (story_id,)).fetchone()
    if row is None:
        return None
    articles = [dict(r) for r in conn.execute(
        "SELECT a.id, a.published, a.title, a.outlet, substr(a.text, 1, 200) AS lead FROM story_articles sa "
        "JOIN articles a ON a.id = sa.article_id WHERE sa.story_id = ? "
        "ORDER BY a.published IS NULL, a.published, a.rowid", (story_id,))]
    quotes: dict[str, list[dict[str, Any]]] = {}
    for q in conn.execute(
            f"SELECT q.article_id, {span_text('q')} AS text, q.kind, q.speaker, q.entity_id, e.name AS entity_name "
            "FROM quotes q JOIN story_articles sa ON sa.article_id = q.article_id "
            "JOIN articles a ON a.id = q.article_id LEFT JOIN entities e ON e.id = q.entity_id "
            "WHERE sa.story_id = ? ORDER BY q.article_id, q.n", (story_id,)):
        who = q["entity_name"] or q["speaker"] or "(unattributed)"
        quotes.setdefault(who, []).append({"article_id": q["article_id"], "text": q["text"], "kind": q["kind"]})
    return {"id": row[0], "label": row[1], "first": row[2], "last": row[3], "size": row[4],
            "outlets": sorted({a["outlet"] for a in articles if a["outlet"]}), "articles": articles,
            "quotes": dict(sorted(quotes.items(), key=lambda kv: -len(kv[1])))}


__all__ = ["STORY_TABLES", "StoryStore", "entity_key", "list_stories", "stories_of", "story_detail"]
