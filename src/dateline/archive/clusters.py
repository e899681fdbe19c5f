"""The near-duplicate index and the story clusters, kept in the archive's tables, a batch at a time.

The pure part (signatures, LSH, which pairs are near, union-find) is `dateline.dedup`; this is
its storage. Tables (all named `dedup_*`, made by the archive's migrations, `archive.schema`):
- dedup_meta: the parameters the stored signatures were made with (shingle size, permutations,
  bands, threshold). They win over the settings until `rebuild()` adopts new ones, because
  signatures made with different parameters cannot be compared.
- dedup_signatures: one row per indexed article: its number (the buckets' `n`) and its shingle
  count (for the containment estimate). Its MinHash signature is not stored: it is made again
  from the article's clean text when the article is a candidate (`_stored_signatures`); the
  hashes are the same every time for the same text and parameters, and 512 bytes an article
  were the index's largest part (issue 20).
- dedup_buckets: (band key, article number), WITHOUT ROWID so that the primary key is the
  bucket index: probing a new article costs a few B-tree seeks whatever the archive's size.
- dedup_members: article -> cluster, only for articles in a cluster of two or more articles.
  A cluster's id is its smallest article id, so it does not depend on ingest order.
"""

from __future__ import annotations

import sqlite3
import warnings
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from dateline.dedup.unionfind import UnionFind
from dateline.model import Article, Cluster
from dateline.settings import Settings

# numpy and the MinHash code are imported where the index is written: the read commands import
# this module for the cluster readers, and numpy alone would cost them most of their start-up.
if TYPE_CHECKING:
    import numpy as np

    from dateline.dedup.near import Params

_READ_BATCH = 2000
CACHE_KIB = 128 * 1024  # page cache the index asks of its connection (a ceiling, not allocated)


class ClusterReader:
    """The read side of the index: clusters and their members, on any connection (a
    read-only one included); `DedupIndex` adds the writing."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    def cluster_of(self, article_id: str) -> Cluster:
        row = self.conn.execute(
            "SELECT cluster FROM dedup_members WHERE article_id = ?", (article_id,)
        ).fetchone()
        if row is None:
            copies = self._copies([article_id])
            kind = "exact" if copies >= 2 else "unique"
            return Cluster(id=article_id, kind=kind, size=max(copies, 1))
        members = self.members(row[0])
        return Cluster(id=row[0], kind="near", size=self._copies(members))

    def clusters_of(self, article_ids: Sequence[str]) -> dict[str, Cluster]:
        """cluster_of for many articles with a few queries (add() fills every new article's)."""
        ids = list(dict.fromkeys(article_ids))
        near = self._clusters_of(ids)
        members: dict[str, list[str]] = {}
        for aid, cluster in _lookup(self.conn, "dedup_members", "cluster", "article_id, cluster",
                                    set(near.values())):
            members.setdefault(cluster, []).append(aid)
        every = set(ids) | {m for ms in members.values() for m in ms}
        copies = dict(_lookup(self.conn, "sources", "article_id", "article_id, COUNT(*)", every,
                              suffix=" GROUP BY article_id"))
        out = {}
        for aid in ids:
            if aid in near:
                size = sum(max(copies.get(m, 0), 1) for m in members[near[aid]])
                out[aid] = Cluster(id=near[aid], kind="near", size=size)
            else:
                n = copies.get(aid, 0)
                out[aid] = Cluster(id=aid, kind="exact" if n >= 2 else "unique", size=max(n, 1))
        return out

    def members(self, cluster_id: str) -> list[str]:
        rows = self.conn.execute(
            "SELECT article_id FROM dedup_members WHERE cluster = ? ORDER BY article_id",
            (cluster_id,),
        ).fetchall()
        if rows:
            return [r[0] for r in rows]
        alone = self.conn.execute("SELECT 1 FROM articles WHERE id = ?", (cluster_id,)).fetchone()
        return [cluster_id] if alone else []

    def _copies(self, article_ids: list[str]) -> int:
        """Articles plus their extra exact sources: each article counts its sources, at least 1."""
        total = 0
        for aid in article_ids:
            n = self.conn.execute(
                "SELECT COUNT(*) FROM sources WHERE article_id = ?", (aid,)
            ).fetchone()[0]
            total += max(n, 1)
        return total

    def _indexed(self, ids: list[str]) -> set[str]:
        rows = _lookup(self.conn, "dedup_signatures", "article_id", "article_id", ids)
        return {r[0] for r in rows}

    def _clusters_of(self, ids: Iterable[str]) -> dict[str, str]:
        return dict(_lookup(self.conn, "dedup_members", "article_id", "article_id, cluster", ids))



class DedupIndex(ClusterReader):
    def __init__(self, conn: sqlite3.Connection, settings: Settings) -> None:
        super().__init__(conn)
        self.settings = settings
        # The dedup tables of a 100k archive take ~115 MB; SQLite's default 2 MB page cache makes
        # every probe and insert a read from the file. Raise it for this connection only.
        _ensure_cache(conn)
        self.params = self._load_params()

    # -- writing ----------------------------------------------------------------------------

    def add(self, articles: Sequence[Article], precomputed: dict[str, tuple[bytes, int]] | None = None) -> None:
        """Index new articles (already in `articles`) against everything stored and each other.
        Runs inside the caller's transaction; sets each article's `cluster`. `precomputed` maps
        article ids to (signature bytes, shingle count) made elsewhere (Ray workers) with the
        same parameters; they are used instead of hashing the text again."""
        todo: dict[str, str] = {}
        for a in articles:
            todo.setdefault(a.id, a.text)
        import numpy as np

        from dateline.dedup.near import Params

        known = self._indexed(list(todo))
        ids = [i for i in todo if i not in known]
        if ids:
            pre = precomputed or {}
            if pre and all(i in pre for i in ids) and self.params == Params.of(self.settings):
                sigs = np.frombuffer(b"".join(pre[i][0] for i in ids), dtype="<u4").reshape(len(ids), -1)
                counts = np.array([pre[i][1] for i in ids], dtype=np.int64)
                self._index(ids, [], (sigs.astype(np.uint32), counts))
            else:
                self._index(ids, [todo[i] for i in ids])
        found = self.clusters_of([a.id for a in articles])
        for a in articles:
            a.cluster = found[a.id]

    def rebuild(self, threshold: float | None = None) -> None:
        """Recompute signatures, buckets and clusters for the whole archive with the current
        settings (and `threshold`, when given)."""
        from dateline.dedup.near import Params

        for table in ("dedup_members", "dedup_buckets", "dedup_signatures", "dedup_meta"):
            self.conn.execute(f"DELETE FROM {table}")
        self.params = Params.of(self.settings, threshold)
        self._save_params()
        cur = self.conn.execute("SELECT id, text FROM articles ORDER BY id")
        while rows := cur.fetchmany(_READ_BATCH):
            self._index([r[0] for r in rows], [r[1] for r in rows])

    def _index(self, ids: list[str], texts: list[str],
               precomputed: tuple[np.ndarray, np.ndarray] | None = None) -> None:
        import numpy as np

        from dateline.dedup.lsh import band_keys
        from dateline.dedup.near import signatures_of

        p = self.params
        if precomputed is None:
            sigs, counts = signatures_of(texts, p.shingle_words, p.permutations)
        else:
            sigs, counts = precomputed
        keys = band_keys(sigs, p.bands)
        live = np.flatnonzero(counts > 0)
        edges = self._stored_edges(ids, sigs, counts, keys, live)
        edges += self._batch_edges(ids, sigs, counts, keys, live)
        self._store(ids, sigs, counts, keys, live)
        self._merge(edges)

    def _stored_edges(self, ids, sigs, counts, keys, live) -> list[tuple[str, str]]:
        import numpy as np

        from dateline.dedup.near import stored_edges

        c = self.conn
        c.execute("CREATE TEMP TABLE IF NOT EXISTS dedup_probe (key INTEGER NOT NULL, i INTEGER)")
        c.execute("DELETE FROM temp.dedup_probe")
        flat = keys[live].ravel()
        owner = np.repeat(live, keys.shape[1])
        order = np.argsort(flat, kind="stable")  # probe the B-tree in key order, page by page
        c.executemany(
            "INSERT INTO temp.dedup_probe VALUES (?, ?)",
            zip(flat[order].tolist(), owner[order].tolist(), strict=True),
        )
        found = c.execute(
            "SELECT q.i, s.article_id, s.shingles FROM "
            "(SELECT DISTINCT p.i AS i, b.n AS n FROM temp.dedup_probe p "
            " JOIN dedup_buckets b ON b.key = p.key AND b.n IN "
            "  (SELECT n FROM dedup_buckets WHERE key = p.key ORDER BY n LIMIT ?)) q "
            "JOIN dedup_signatures s ON s.n = q.n",
            (self.settings.dedup_bucket_cap or -1,),  # a crowded bucket: its first members (see lsh)
        ).fetchall()
        c.execute("DELETE FROM temp.dedup_probe")
        stored = self._stored_signatures(list(dict.fromkeys(r[1] for r in found)))
        rows = [(i, aid, shingles, stored[aid]) for i, aid, shingles in found if aid in stored]
        return stored_edges(ids, sigs, counts, rows, self.params.threshold)

    def _stored_signatures(self, article_ids: list[str]) -> dict[str, bytes]:
        """The MinHash signatures of stored articles (little-endian uint32 bytes), made again from
        their clean text with the index's parameters: what was hashed when they were indexed."""
        from dateline.dedup.near import signatures_of

        rows = list(_lookup(self.conn, "articles", "id", "id, text", article_ids))
        if not rows:
            return {}
        sigs, _ = signatures_of([r[1] for r in rows], self.params.shingle_words, self.params.permutations)
        little = sigs.astype("<u4", copy=False)
        return {r[0]: little[k].tobytes() for k, r in enumerate(rows)}

    def _batch_edges(self, ids, sigs, counts, keys, live) -> list[tuple[str, str]]:
        from dateline.dedup.near import batch_edges

        return batch_edges(ids, sigs, counts, keys, live, self.params.threshold, self.settings.dedup_bucket_cap)

    def _store(self, ids, sigs, counts, keys, live) -> None:
        import numpy as np

        c = self.conn
        start = c.execute("SELECT COALESCE(MAX(n), 0) + 1 FROM dedup_signatures").fetchone()[0]
        c.executemany(
            "INSERT INTO dedup_signatures (n, article_id, shingles) VALUES (?, ?, ?)",
            ((start + i, ids[i], int(counts[i])) for i in range(len(ids))),
        )
        # In key order: consecutive inserts land on the same or the next B-tree page, instead
        # of one random page each (measured: most of add()'s time on a 100k archive).
        flat = keys[live].ravel()
        owner = np.repeat(live + start, keys.shape[1])
        order = np.argsort(flat, kind="stable")
        c.executemany(
            "INSERT OR IGNORE INTO dedup_buckets (key, n) VALUES (?, ?)",
            zip(flat[order].tolist(), owner[order].tolist(), strict=True),
        )

    def _merge(self, edges: Iterable[tuple[str, str]]) -> None:
        """Join the edges' ends and the stored clusters they touch; the new id is the minimum."""
        uf = UnionFind()
        touched: set[str] = set()
        for a, b in edges:
            uf.union(a, b)
            touched.update((a, b))
        if not touched:
            return
        old = self._clusters_of(touched)
        for article, cluster in old.items():
            uf.union(article, cluster)
        c = self.conn
        for root, nodes in uf.groups().items():
            for cluster in {old[n] for n in nodes if n in old} - {root}:
                c.execute("UPDATE dedup_members SET cluster = ? WHERE cluster = ?", (root, cluster))
            c.executemany(
                "INSERT OR REPLACE INTO dedup_members (article_id, cluster) VALUES (?, ?)",
                ((n, root) for n in nodes),
            )

    # -- parameters -------------------------------------------------------------------------

    def _load_params(self) -> Params:
        from dateline.dedup.near import Params

        meta = dict(self.conn.execute("SELECT key, value FROM dedup_meta").fetchall())
        wanted = Params.of(self.settings)
        if not meta:
            self.params = wanted
            self._save_params()
            return wanted
        stored = Params(int(meta["shingle_words"]), int(meta["permutations"]),
                        int(meta["bands"]), float(meta["threshold"]))
        if stored != wanted:
            warnings.warn(
                f"the dedup index was built with {stored}; the settings ask for {wanted}: "
                "keeping the stored ones until the clusters are rebuilt (`rebuild_clusters`)",
                stacklevel=2,
            )
        return stored

    def _save_params(self) -> None:
        p = self.params
        self.conn.executemany(
            "INSERT OR REPLACE INTO dedup_meta (key, value) VALUES (?, ?)",
            [("shingle_words", str(p.shingle_words)), ("permutations", str(p.permutations)),
             ("bands", str(p.bands)), ("threshold", repr(p.threshold))],
        )


def read_clusters(conn: sqlite3.Connection, article_ids: Sequence[str]) -> dict[str, Cluster]:
    """Clusters of stored articles, reading only (for read-only connections)."""
    if conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'dedup_members'").fetchone() is None:
        ids = list(dict.fromkeys(article_ids))
        copies = dict(_lookup(conn, "sources", "article_id", "article_id, COUNT(*)", ids,
                              suffix=" GROUP BY article_id"))
        return {a: Cluster(id=a, kind="exact" if copies.get(a, 0) >= 2 else "unique",
                           size=max(copies.get(a, 0), 1)) for a in ids}
    return ClusterReader(conn).clusters_of(article_ids)


def _ensure_cache(conn: sqlite3.Connection) -> None:
    size = conn.execute("PRAGMA cache_size").fetchone()[0]
    page = conn.execute("PRAGMA page_size").fetchone()[0]
    kib = -size if size < 0 else size * page // 1024
    if kib < CACHE_KIB:
        conn.execute(f"PRAGMA cache_size = -{CACHE_KIB}")


def _lookup(conn, table: str, key: str, cols: str, values: Iterable[str], chunk: int = 500,
            suffix: str = ""):
    """Rows of `table` whose `key` is one of `values`, in chunks under SQLite's variable limit."""
    values = list(values)
    for i in range(0, len(values), chunk):
        part = values[i : i + chunk]
        marks = ",".join("?" * len(part))
        sql = f"SELECT {cols} FROM {table} WHERE {key} IN ({marks}){suffix}"
        yield from conn.execute(sql, part)


def list_clusters(conn: sqlite3.Connection, min_size: int = 2, limit: int = 50) -> list[dict]:
    """The largest clusters first: size (copies), kind, representative, dates and outlets."""
    copies = "(SELECT COUNT(*) FROM sources s WHERE s.article_id = a.id)"
    rows = conn.execute(
        f"SELECT m.cluster, 'near', COUNT(*), SUM(MAX(1, {copies})) FROM dedup_members m "
        "JOIN articles a ON a.id = m.article_id GROUP BY m.cluster "
        f"UNION ALL SELECT a.id, CASE WHEN {copies} >= 2 THEN 'exact' ELSE 'unique' END, 1, "
        f"MAX(1, {copies}) FROM articles a "
        "WHERE a.id NOT IN (SELECT article_id FROM dedup_members) "
        "ORDER BY 4 DESC, 1 LIMIT -1"
    ).fetchall()
    out = []
    for cluster_id, kind, n_articles, size in rows:
        if size < min_size:
            continue
        out.append(_describe(conn, cluster_id, kind, n_articles, size))
        if len(out) >= limit:
            break
    return out


def _describe(conn, cluster_id: str, kind: str, n_articles: int, size: int) -> dict:
    if kind == "near":
        where, arg = "a.id IN (SELECT article_id FROM dedup_members WHERE cluster = ?)", cluster_id
    else:
        where, arg = "a.id = ?", cluster_id
    arts = conn.execute(
        f"SELECT a.id, a.published, a.title, a.text, a.outlet FROM articles a WHERE {where}", (arg,)
    ).fetchall()
    # Representative: the earliest published (undated last), then the longest, then the id.
    rep = min(arts, key=lambda r: (r[1] is None, r[1] or "", -len(r[3]), r[0]))
    outlets = {r[4] for r in arts if r[4]}
    outlets |= {
        r[0] for r in conn.execute(
            f"SELECT DISTINCT s.outlet FROM sources s JOIN articles a ON a.id = s.article_id "
            f"WHERE {where} AND s.outlet IS NOT NULL", (arg,))
    }
    dates = sorted(r[1] for r in arts if r[1])
    return {
        "id": cluster_id,
        "kind": kind,
        "size": size,
        "articles": n_articles,
        "representative": {"id": rep[0], "title": rep[2], "first_words": _first_words(rep[3])},
        "first_published": dates[0] if dates else None,
        "last_published": dates[-1] if dates else None,
        "outlets": sorted(outlets),
    }


def _first_words(text: str, n: int = 20) -> str:
    words = text.split()
    return " ".join(words[:n]) + (" …" if len(words) > n else "")
