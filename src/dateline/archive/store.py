"""The archive: one SQLite file in WAL mode; one writer in batched transactions, many readers.

Writing is idempotent: a source location (file, record) is stored once, an article (its id
is a hash of its normalised text) once; an exact copy from another source becomes an extra
source of the stored article. A batch is one transaction, so a killed ingest loses at most
the batch in flight, and running it again completes the archive without duplicates.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from dateline.archive.facts import store_facts
from dateline.archive.schema import SCHEMA_VERSION, migrate
from dateline.budget import TimedOut, time_limit, too_slow
from dateline.dedup.index import DedupIndex, read_clusters
from dateline.model import Article, RawRecord, Source
from dateline.pipeline import Outcome
from dateline.settings import Settings


class ArchiveError(Exception):
    """A user-facing problem with the archive file (missing, busy, not an archive)."""


@dataclass(slots=True)
class Counts:
    read: int = 0
    stored: int = 0
    duplicates: int = 0  # exact copies of an article already stored, from another source
    already: int = 0  # this very source was ingested before
    rejected: int = 0
    reasons: dict[str, int] = field(default_factory=dict)

    def add(self, other: Counts) -> None:
        self.read += other.read
        self.stored += other.stored
        self.duplicates += other.duplicates
        self.already += other.already
        self.rejected += other.rejected
        for k, v in other.reasons.items():
            self.reasons[k] = self.reasons.get(k, 0) + v


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def source_key(src: Source, raw: str) -> str:
    """The path a source is stored under: absolute for files, content-addressed for stdin."""
    if src.path == "<stdin>":
        return "<stdin>#" + hashlib.sha1(raw.encode("utf-8", "replace")).hexdigest()[:12]
    if "://" in src.path:
        return src.path  # an object-store URL is already absolute
    return os.path.abspath(src.path)


def raw_digest(raw: str) -> str:
    """The size and a hash of a raw record: a source whose digest is stored is unchanged."""
    data = raw.encode("utf-8", "surrogatepass")
    return f"{len(data)}:{hashlib.blake2b(data, digest_size=16).hexdigest()}"


def connect(path: str, readonly: bool = False, timeout: float = 10.0) -> sqlite3.Connection:
    if readonly:
        if not Path(path).is_file():
            raise ArchiveError(f"no archive at {path} (run `dateline ingest PATH --db {path}` first)")
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=timeout,
                               isolation_level=None, check_same_thread=False)
    else:
        parent = Path(path).resolve().parent
        if not parent.is_dir():
            raise ArchiveError(f"folder does not exist: {parent}")
        conn = sqlite3.connect(path, timeout=timeout, isolation_level=None, check_same_thread=False)
    conn.row_factory = sqlite3.Row
    try:
        conn.execute(f"PRAGMA busy_timeout = {int(timeout * 1000)}")
        if not readonly:
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = NORMAL")
    except sqlite3.DatabaseError as exc:
        raise ArchiveError(f"{path} is not a dateline archive ({exc})") from exc
    return conn


def _busy(path: str, timeout: float, exc: sqlite3.OperationalError) -> ArchiveError:
    return ArchiveError(f"the archive {path} is busy: another process has been writing to it for over "
                        f"{timeout:g} s ({exc}); try again when it has finished")


class Archive:
    def __init__(self, path: str, readonly: bool = False, settings: Settings | None = None,
                 timeout: float = 10.0) -> None:
        self.path = path
        self.readonly = readonly
        self.timeout = timeout
        self.settings = settings or Settings()
        self.conn = connect(path, readonly=readonly, timeout=timeout)
        self.dedup: DedupIndex | None = None
        if not readonly:
            try:
                migrate(self.conn)
                self.dedup = DedupIndex(self.conn, self.settings)
            except sqlite3.OperationalError as exc:
                if "locked" in str(exc) or "busy" in str(exc):
                    raise _busy(path, timeout, exc) from exc
                raise ArchiveError(f"cannot write to {path}: {exc}") from exc
        else:
            try:
                self.conn.execute("SELECT 1 FROM articles LIMIT 1")
                row = self.conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
            except sqlite3.DatabaseError as exc:
                raise ArchiveError(f"{path} is not a dateline archive ({exc})") from exc
            if row is None or int(row[0]) < SCHEMA_VERSION:
                self._upgrade()

    def _upgrade(self) -> None:
        """An archive written by an older dateline is brought up to date before it is read
        (the migrations add tables and indexes the queries use; nothing is rewritten)."""
        try:
            Archive(self.path, settings=self.settings, timeout=self.timeout).close()
        except ArchiveError as exc:
            raise ArchiveError(
                f"{self.path} was written by an older dateline and could not be upgraded ({exc})"
            ) from exc

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Archive:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- runs -------------------------------------------------------------------------
    def _execute(self, sql: str, params: Sequence[object] = ()) -> sqlite3.Cursor:
        """Execute, turning a lock held past the timeout by another writer into a clear ArchiveError."""
        try:
            return self.conn.execute(sql, params)
        except sqlite3.OperationalError as exc:
            if "locked" in str(exc) or "busy" in str(exc):
                raise _busy(self.path, self.timeout, exc) from exc
            raise

    def begin_run(self, inputs: Sequence[str]) -> int:
        cur = self._execute(
            "INSERT INTO runs(started, inputs, status) VALUES (?, ?, 'running')",
            (_now(), json.dumps(list(inputs))),
        )
        return int(cur.lastrowid or 0)

    def finish_run(self, run_id: int, counts: Counts, status: str) -> None:
        self._execute(
            "UPDATE runs SET finished=?, read=?, stored=?, duplicates=?, rejected=?, status=? WHERE id=?",
            (_now(), counts.read, counts.stored, counts.duplicates + counts.already,
             counts.rejected, status, run_id),
        )

    # -- writing ----------------------------------------------------------------------
    def write(self, outcomes: Sequence[Outcome], run_id: int | None = None) -> tuple[Counts, list[Article]]:
        """Store one batch in one transaction; returns its counts and the new articles."""
        counts = Counts(read=len(outcomes))
        new: list[Article] = []
        now = _now()
        self._execute("BEGIN IMMEDIATE")
        try:
            for o in outcomes:
                if o.raw.stored:  # recognised before any NLP (mark_stored)
                    counts.already += 1
                    continue
                key = source_key(o.raw.source, o.raw.raw)
                if o.article is None:
                    self._reject(o, key, run_id, now, counts)
                else:
                    self._store_bounded(o, key, run_id, now, counts, new)
            signatures = {o.article.id: o.signature for o in outcomes if o.article and o.signature}
            self.after_write(new, signatures)
            self.conn.execute("COMMIT")
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        return counts, new

    def mark_stored(self, records: Iterable[RawRecord]) -> Iterator[RawRecord]:
        """The records, those whose source is stored unchanged (same path and record, same size
        and hash of the raw record) marked `stored`: they are counted `already` without being
        cleaned or extracted again. A changed record is processed as new; a reject is retried."""
        for raw in records:
            if raw.error is None:
                key = source_key(raw.source, raw.raw)
                row = self.conn.execute("SELECT raw_digest FROM sources WHERE path=? AND record=?",
                                        (key, raw.source.record)).fetchone()
                raw.stored = row is not None and row[0] == raw_digest(raw.raw)
            yield raw

    def after_write(self, new: list[Article], signatures: dict[str, tuple[bytes, int]]) -> None:
        """Near-duplicate clusters for the new articles of a batch, inside its transaction."""
        if self.dedup is not None and new:
            self.dedup.add(new, signatures)

    def _store_bounded(self, o: Outcome, key: str, run_id: int | None, now: str, counts: Counts,
                       new: list[Article]) -> None:
        """Store one article within `store_timeout_s`; past it, undo its rows and reject it."""
        before = (counts.stored, counts.duplicates, counts.already, len(new))
        self.conn.execute("SAVEPOINT record")
        try:
            with time_limit(self.settings.store_timeout_s):
                self._store(o, key, now, counts, new)
        except TimedOut:
            self.conn.execute("ROLLBACK TO record")
            self.conn.execute("RELEASE record")
            counts.stored, counts.duplicates, counts.already = before[:3]
            del new[before[3]:]
            late = Outcome(o.raw, rejected=too_slow("store", self.settings.store_timeout_s, "store_timeout_s"))
            self._reject(late, key, run_id, now, counts)
            return
        self.conn.execute("RELEASE record")

    def _reject(self, o: Outcome, key: str, run_id: int | None, now: str, counts: Counts) -> None:
        assert o.rejected is not None
        src = o.raw.source
        counts.rejected += 1
        counts.reasons[o.rejected.reason] = counts.reasons.get(o.rejected.reason, 0) + 1
        row = self._reject_row(key, src.record)
        if row is not None:
            first, last, reason, detail = row
            if last >= src.record:
                return  # stored by an earlier run
            if last == src.record - 1 and (reason, detail) == (o.rejected.reason, o.rejected.detail):
                self.conn.execute("UPDATE rejects SET last_record = ?, count = count + 1 WHERE path = ? AND record = ?",
                                  (src.record, key, first))
                return
        self.conn.execute(
            "INSERT INTO rejects(path, record, format, offset, reason, detail, run_id, added) "
            "VALUES (?,?,?,?,?,?,?,?)",
            (key, src.record, src.format, src.offset, o.rejected.reason, o.rejected.detail, run_id, now),
        )

    def _reject_row(self, key: str, record: int) -> tuple[int, int, str, str] | None:
        """(first, last record, reason, detail) of the reject row at or before `record` in `key`."""
        row = self.conn.execute(
            "SELECT record, COALESCE(last_record, record), reason, detail FROM rejects "
            "WHERE path = ? AND record <= ? ORDER BY record DESC LIMIT 1", (key, record)).fetchone()
        return None if row is None else (row[0], row[1], row[2], row[3])

    def _unreject(self, key: str, record: int) -> None:
        """A record stored now is no longer a reject: its row goes, or its run is split round it."""
        row = self._reject_row(key, record)
        if row is None or row[1] < record:
            return
        first, last = row[0], row[1]
        c = self.conn
        if first == last:
            c.execute("DELETE FROM rejects WHERE path = ? AND record = ?", (key, first))
            return
        if record < last:  # the part after it becomes its own run
            c.execute(
                "INSERT INTO rejects(path, record, format, offset, reason, detail, run_id, added, last_record, count) "
                "SELECT path, ?, format, NULL, reason, detail, run_id, added, ?, ? FROM rejects "
                "WHERE path = ? AND record = ?", (record + 1, last, last - record, key, first))
        if record == first:
            c.execute("DELETE FROM rejects WHERE path = ? AND record = ?", (key, first))
        else:
            c.execute("UPDATE rejects SET last_record = ?, count = ? WHERE path = ? AND record = ?",
                      (record - 1, record - first, key, first))

    def _store(self, o: Outcome, key: str, now: str, counts: Counts, new: list[Article]) -> None:
        a = o.article
        assert a is not None
        src = a.source
        if self.conn.execute("SELECT 1 FROM sources WHERE path=? AND record=?", (key, src.record)).fetchone():
            counts.already += 1
            return
        if self.conn.execute("SELECT 1 FROM articles WHERE id=?", (a.id,)).fetchone():
            counts.duplicates += 1
        else:
            store_facts(self.conn, a)  # gives the entities their corpus-wide ids first
            d = a.to_dict()
            d.pop("text")
            d.pop("extra_sources", None)
            d["source"]["path"] = key
            self.conn.execute(
                "INSERT INTO articles(id, published, title, text, outlet, url, json, added) "
                "VALUES (?,?,?,?,?,?,?,?)",
                (a.id, a.published, a.title, a.text, a.outlet, a.url, json.dumps(d, ensure_ascii=False), now),
            )
            counts.stored += 1
            new.append(a)
        self.conn.execute(
            "INSERT INTO sources(article_id, path, record, format, offset, outlet, url, raw, added, raw_digest) "
            "VALUES (?,?,?,?,?,?,?,?,?,?)",
            (a.id, key, src.record, src.format, src.offset, o.raw.outlet or a.outlet,
             o.raw.url or a.url, o.raw.raw, now, raw_digest(o.raw.raw)),
        )
        self._unreject(key, src.record)

    # -- reading ----------------------------------------------------------------------
    def resolve_id(self, ident: str) -> str | None:
        """A full id from a full one or a unique prefix (at least 4 characters)."""
        if self.conn.execute("SELECT 1 FROM articles WHERE id=?", (ident,)).fetchone():
            return ident
        if len(ident) < 4 or not all(c in "0123456789abcdef" for c in ident):
            return None
        rows = self.conn.execute(
            "SELECT id FROM articles WHERE id >= ? AND id < ? LIMIT 2", (ident, ident + "g")
        ).fetchall()
        return rows[0][0] if len(rows) == 1 else None

    def article(self, ident: str) -> Article | None:
        full = self.resolve_id(ident)
        if full is None:
            return None
        row = self.conn.execute("SELECT text, json FROM articles WHERE id=?", (full,)).fetchone()
        article = self._article_from_row(row)
        article.cluster = read_clusters(self.conn, [article.id])[article.id]
        return article

    def cluster_members(self, article: Article) -> list[dict[str, object]]:
        """The other articles of the article's story cluster, earliest first."""
        from dateline.archive.browse import cluster_copies

        return cluster_copies(self.conn, article.id)

    def _article_from_row(self, row: sqlite3.Row) -> Article:
        d = json.loads(row["json"])
        d["text"] = row["text"]
        a = Article.from_dict(d)
        a.extra_sources = [s for s in self.sources(a.id) if (s.path, s.record) != (a.source.path, a.source.record)]
        return a

    def sources(self, article_id: str) -> list[Source]:
        rows = self.conn.execute(
            "SELECT path, record, format, offset FROM sources WHERE article_id=? ORDER BY added, path, record",
            (article_id,),
        ).fetchall()
        return [Source(r["path"], r["record"], r["format"], r["offset"]) for r in rows]

    def raw_records(self, article_id: str) -> list[dict[str, object]]:
        rows = self.conn.execute(
            "SELECT path, record, format, outlet, url, raw FROM sources WHERE article_id=? "
            "ORDER BY added, path, record",
            (article_id,),
        ).fetchall()
        return [dict(r) for r in rows]

    def iter_articles(self, batch: int = 500) -> Iterator[Article]:
        last = -1
        while True:
            rows = self.conn.execute(
                "SELECT rowid, text, json FROM articles WHERE rowid > ? ORDER BY rowid LIMIT ?", (last, batch)
            ).fetchall()
            if not rows:
                return
            articles = [self._article_from_row(r) for r in rows]
            clusters = read_clusters(self.conn, [a.id for a in articles])
            for a in articles:
                a.cluster = clusters[a.id]
                yield a
            last = rows[-1]["rowid"]
