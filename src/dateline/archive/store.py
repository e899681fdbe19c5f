"""The archive: one SQLite file in WAL mode; one writer in batched transactions, many readers.

Writing is idempotent: a source location (file, record) is stored once, an article (its id
is a hash of its normalised text) once; an exact copy from another source becomes an extra
source of the stored article. A batch is one transaction, so a killed ingest loses at most
the batch in flight, and running it again completes the archive without duplicates.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import sqlite3
import urllib.parse
from collections.abc import Iterable, Iterator, Sequence
from contextlib import suppress
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from dateline.archive.compact import pack_json, pack_raw, unpack_json, unpack_raw
from dateline.archive.schema import SCHEMA_VERSION, migrate
from dateline.errors import AMBIGUOUS_SHOWN, AmbiguousId, ArchiveError, ArchiveVersionError
from dateline.model import Article, RawRecord, Source, StoryRef
from dateline.settings import Settings

if TYPE_CHECKING:  # the archive stores what the pipeline made; it does not run the pipeline
    from dateline.archive.clusters import DedupIndex
    from dateline.archive.stories import StoryStore
    from dateline.pipeline import Outcome


class UpgradeNeeded(ArchiveError):
    """An archive written by an older dateline, opened to be read: reading never changes it."""


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


def author_key(name: str) -> str:
    """How an author is looked up: casefolded, one space (`Jane  DOE` finds `Jane Doe`)."""
    return " ".join(name.split()).casefold()


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def source_key(src: Source, raw: str) -> str:
    """The path a source is stored under: absolute for files, content-addressed for stdin."""
    import hashlib  # hashing and the host name for the write side only: not at a read command's start

    if src.path == "<stdin>":
        return "<stdin>#" + hashlib.sha1(raw.encode("utf-8", "replace")).hexdigest()[:12]
    if "://" in src.path:
        return src.path  # an object-store URL is already absolute
    return os.path.abspath(src.path)


def _uri(path: str, mode: str) -> str:
    """The SQLite URI of exactly this file: `?` and `#` in a name would start the URI's query or
    fragment (`x#y.db` would open `x`, read-write), and `%41` would be decoded (`news%41.db`
    would open `newsA.db`); percent-encoding the whole path keeps each character itself."""
    return f"file:{urllib.parse.quote(os.path.abspath(path))}?mode={mode}"


def write_error(path: str, exc: sqlite3.Error) -> ArchiveError:
    """A failed write said with its real cause, in one line."""
    msg = str(exc)
    if "locked" in msg or "busy" in msg:
        return ArchiveError(f"the archive {path} is busy: another process holds it ({msg}); try again later")
    if "readonly" in msg or "read-only" in msg:
        return ArchiveError(f"cannot write to {path}: the archive or its folder is read-only ({msg})")
    if "full" in msg or "I/O error" in msg:
        # a full disk, and a file-size limit (`ulimit -f`), reach SQLite as SQLITE_FULL or an I/O error
        return ArchiveError(f"cannot write to {path}: the disk is full, a file-size limit was reached, "
                            f"or the device failed ({msg})")
    if "unable to open" in msg:
        return ArchiveError(f"cannot write to {path}: the file or its folder cannot be opened for writing ({msg})")
    return ArchiveError(f"cannot write to {path}: {msg}")


def rollback(conn: sqlite3.Connection) -> None:
    """Roll back the open transaction, if any. After a full disk or an I/O error SQLite has
    already rolled back, and a second ROLLBACK ("no transaction is active") would hide the cause."""
    if conn.in_transaction:
        with suppress(sqlite3.Error):
            conn.execute("ROLLBACK")


def raw_digest(raw: str) -> str:
    """The size and a hash of a raw record: a source whose digest is stored is unchanged."""
    import hashlib

    data = raw.encode("utf-8", "surrogatepass")
    return f"{len(data)}:{hashlib.blake2b(data, digest_size=16).hexdigest()}"


def connect(path: str, readonly: bool = False, timeout: float = 10.0) -> sqlite3.Connection:
    if readonly:
        if not Path(path).is_file():
            raise ArchiveError(f"no archive at {path} (ingest some files into it first)")
    else:
        parent = Path(path).resolve().parent
        if not parent.is_dir():
            raise ArchiveError(f"folder does not exist: {parent}")
    try:
        conn = sqlite3.connect(_uri(path, "ro" if readonly else "rwc"), uri=True, timeout=timeout,
                               isolation_level=None, check_same_thread=False)
    except sqlite3.Error as exc:
        raise (ArchiveError(f"cannot open {path}: {exc}") if readonly else write_error(path, exc)) from exc
    conn.row_factory = sqlite3.Row
    try:
        conn.execute(f"PRAGMA busy_timeout = {int(timeout * 1000)}")
        if not readonly:
            # A new archive gives back the pages that deletes free (cluster and story rebuilds,
            # rows a user deletes) when a run ends (`incremental_vacuum`). SQLite takes the
            # setting only before the file's first page is written (an existing archive keeps
            # its own until a VACUUM), so it comes before the journal mode.
            conn.execute("PRAGMA auto_vacuum = INCREMENTAL")
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = NORMAL")
    except sqlite3.DatabaseError as exc:
        conn.close()
        if "not a database" in str(exc) or "malformed" in str(exc):
            raise ArchiveError(f"{path} is not a dateline archive ({exc})") from exc
        raise write_error(path, exc) from exc
    return conn


def _newer(path: str, version: int) -> str:
    return (f"{path} has schema version {version}, newer than this dateline ({SCHEMA_VERSION}): "
            "it was written by a newer dateline; upgrade dateline to read it")


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # another user's process: alive
        return True
    return True


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
        self.stories: StoryStore | None = None
        if not readonly:
            # the writers' modules (near-duplicate index, story assignment) only for a writer:
            # a read command does not pay for importing them
            from dateline.archive.clusters import DedupIndex
            from dateline.archive.stories import StoryStore

            try:
                migrate(self.conn)
                self.dedup = DedupIndex(self.conn, self.settings)
                self.stories = StoryStore(self.conn, self.settings) if self.settings.stories else None
            except ArchiveVersionError as exc:  # written by a newer dateline: a user's matter, one line
                self.conn.close()
                raise ArchiveError(f"{path}: {exc}") from exc
            except sqlite3.OperationalError as exc:
                self.conn.close()
                if "locked" in str(exc) or "busy" in str(exc):
                    raise _busy(path, timeout, exc) from exc
                raise write_error(path, exc) from exc
        else:
            self._check_readable()

    def _check_readable(self) -> None:
        """A read never changes the archive (the server promises read-only): one written by an
        older dateline is refused with what to do, and upgraded by the next write to it."""
        try:
            self.conn.execute("SELECT 1 FROM articles LIMIT 1")
            row = self.conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        except sqlite3.DatabaseError as exc:
            self.conn.close()
            raise ArchiveError(f"{self.path} is not a dateline archive ({exc})") from exc
        version = int(row[0]) if row else 0
        if version > SCHEMA_VERSION:
            self.conn.close()
            raise ArchiveVersionError(_newer(self.path, version))
        if version < SCHEMA_VERSION:
            self.conn.close()
            raise UpgradeNeeded(
                f"{self.path} was written by an older dateline (schema {version}; this one reads {SCHEMA_VERSION}) "
                "and needs an upgrade, which reading never does: the next write to it (an ingest) upgrades it")

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Archive:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- runs -------------------------------------------------------------------------
    def _execute(self, sql: str, params: Sequence[object] = ()) -> sqlite3.Cursor:
        """Execute, turning a lock held past the timeout by another writer, a full disk or a
        read-only file into a clear ArchiveError."""
        try:
            return self.conn.execute(sql, params)
        except sqlite3.OperationalError as exc:
            if "locked" in str(exc) or "busy" in str(exc):
                raise _busy(self.path, self.timeout, exc) from exc
            raise write_error(self.path, exc) from exc

    def begin_run(self, inputs: Sequence[str]) -> int:
        import socket

        self._mark_interrupted()
        cur = self._execute(
            "INSERT INTO runs(started, inputs, status, pid, host) VALUES (?, ?, 'running', ?, ?)",
            (_now(), json.dumps(list(inputs)), os.getpid(), socket.gethostname()),
        )
        return int(cur.lastrowid or 0)

    def repeated_bodies(self, run_id: int, at_least: int) -> list[tuple[str, str, int]]:
        """(outlet, article id, URLs) for bodies that one outlet published under `at_least` or more
        URLs, among the articles that gained a source in this run."""
        row = self.conn.execute("SELECT started FROM runs WHERE id = ?", (run_id,)).fetchone()
        if row is None:
            return []
        rows = self.conn.execute(
            "SELECT coalesce(s.outlet, ''), s.article_id, count(DISTINCT s.url) FROM sources s "
            "WHERE s.url IS NOT NULL AND s.article_id IN (SELECT article_id FROM sources WHERE added >= ?) "
            "GROUP BY 1, 2 HAVING count(DISTINCT s.url) >= ? ORDER BY 3 DESC LIMIT 20",
            (row[0], at_least)).fetchall()
        return [(r[0], r[1], int(r[2])) for r in rows]

    def _mark_interrupted(self) -> None:
        """Runs left `running` by a process that was killed (SIGKILL, a crash, a power cut) never
        finish: a run of this host whose process is gone is marked `interrupted`, as is one from
        before runs recorded their process. Another host's run cannot be checked and is left."""
        import socket

        host = socket.gethostname()
        rows = self._execute("SELECT id, pid, host FROM runs WHERE status = 'running'").fetchall()
        gone = [r["id"] for r in rows if r["pid"] is None or (r["host"] == host and not _alive(r["pid"]))]
        for run_id in gone:
            self._execute("UPDATE runs SET status = 'interrupted' WHERE id = ? AND status = 'running'", (run_id,))

    def finish_run(self, run_id: int, counts: Counts, status: str) -> None:
        self._execute(
            "UPDATE runs SET finished=?, read=?, stored=?, duplicates=?, rejected=?, status=? WHERE id=?",
            (_now(), counts.read, counts.stored, counts.duplicates + counts.already,
             counts.rejected, status, run_id),
        )
        self.give_back_free_pages()

    def give_back_free_pages(self) -> None:
        """The pages that deletes freed (cluster and story rebuilds, rows deleted by hand) returned to
        the file system; a no-op for an archive made without incremental auto-vacuum."""
        if self.conn.in_transaction:  # a script would commit it: the pages wait for the next run
            return
        # One page per step of the statement, and `execute` steps once: a script runs it out. A
        # busy archive keeps its free pages for the next run; the run itself has succeeded.
        with suppress(sqlite3.OperationalError):
            self.conn.executescript("PRAGMA incremental_vacuum;")

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
            profiles = {o.article.id: o.story_profile for o in outcomes if o.article and o.story_profile}
            self.after_write(new, signatures, profiles)
            self._execute("COMMIT")
        except sqlite3.OperationalError as exc:
            rollback(self.conn)
            raise write_error(self.path, exc) from exc
        except BaseException:
            rollback(self.conn)
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

    def after_write(self, new: list[Article], signatures: dict[str, tuple[bytes, int]],
                    profiles: dict[str, str] | None = None) -> None:
        """Near-duplicate clusters and story threads for the new articles of a batch, inside its
        transaction; `signatures` and `profiles` are what Ray workers made already."""
        if self.dedup is not None and new:
            self.dedup.add(new, signatures)
        # stories after clusters: a near copy joins the story of its cluster
        if self.stories is not None and new:
            self.stories.add(new, profiles)

    def _store_bounded(self, o: Outcome, key: str, run_id: int | None, now: str, counts: Counts,
                       new: list[Article]) -> None:
        """Store one article within `store_timeout_s`; past it, undo its rows and reject it."""
        from dateline.budget import TimedOut, time_limit, too_slow

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
            late = replace(o, article=None,
                           rejected=too_slow("store", self.settings.store_timeout_s, "store_timeout_s"))
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
        # A raw record is stored against the clean text it is read back with, the stored
        # article's: an exact copy's own text may differ from it where the id's normalisation
        # ignores the difference (spacing).
        stored = self.conn.execute("SELECT text FROM articles WHERE id=?", (a.id,)).fetchone()
        text = a.text if stored is None else stored[0]
        if stored is not None:
            counts.duplicates += 1
        else:
            from dateline.archive.facts import store_facts

            store_facts(self.conn, a)  # gives the entities their corpus-wide ids first
            d = a.to_dict()
            d.pop("text")
            d.pop("extra_sources", None)
            d["source"]["path"] = key
            self.conn.execute(
                "INSERT INTO articles(id, published, title, text, outlet, url, json, added, language) "
                "VALUES (?,?,?,?,?,?,?,?,?)",
                (a.id, a.published, a.title, a.text, a.outlet, a.url, pack_json(d, a.text), now, a.language),
            )
            self.conn.executemany(
                "INSERT OR IGNORE INTO article_authors(article_id, name, key) VALUES (?,?,?)",
                [(a.id, name, author_key(name)) for name in a.authors],
            )
            counts.stored += 1
            new.append(a)
        self.conn.execute(
            "INSERT INTO sources(article_id, path, record, format, offset, outlet, url, raw, added, raw_digest) "
            "VALUES (?,?,?,?,?,?,?,?,?,?)",
            (a.id, key, src.record, src.format, src.offset, o.raw.outlet or a.outlet,
             o.raw.url or a.url, pack_raw(o.raw.raw, text), now, raw_digest(o.raw.raw)),
        )
        self._unreject(key, src.record)

    # -- reading ----------------------------------------------------------------------
    def resolve_id(self, ident: str) -> str | None:
        """A full id from a full one or a unique prefix (at least 4 characters); a prefix that
        several articles share is an `AmbiguousId` naming a few of them, not "no article"."""
        if self.conn.execute("SELECT 1 FROM articles WHERE id=?", (ident,)).fetchone():
            return ident
        if len(ident) < 4 or not all(c in "0123456789abcdef" for c in ident):
            return None
        rows = self.conn.execute(
            "SELECT id FROM articles WHERE id >= ? AND id < ? ORDER BY id LIMIT ?",
            (ident, ident + "g", AMBIGUOUS_SHOWN + 1),
        ).fetchall()
        if len(rows) > 1:
            raise AmbiguousId(ident, [r[0] for r in rows[:AMBIGUOUS_SHOWN]], more=len(rows) > AMBIGUOUS_SHOWN)
        return rows[0][0] if rows else None

    def article(self, ident: str) -> Article | None:
        full = self.resolve_id(ident)
        if full is None:
            return None
        row = self.conn.execute("SELECT text, json FROM articles WHERE id=?", (full,)).fetchone()
        article = self.article_from_row(row)
        from dateline.archive.clusters import read_clusters
        from dateline.archive.storyrefs import stories_of

        article.cluster = read_clusters(self.conn, [article.id])[article.id]
        story = stories_of(self.conn, [article.id]).get(article.id)
        article.story = StoryRef(**story) if story else None
        return article

    def cluster_members(self, article: Article) -> list[dict[str, object]]:
        """The other articles of the article's story cluster, earliest first."""
        from dateline.archive.browse import cluster_copies

        return cluster_copies(self.conn, article.id)

    def article_from_row(self, row: sqlite3.Row) -> Article:
        d = unpack_json(row["json"], row["text"])
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
            "SELECT s.path, s.record, s.format, s.outlet, s.url, s.raw, a.text FROM sources s "
            "JOIN articles a ON a.id = s.article_id WHERE s.article_id=? ORDER BY s.added, s.path, s.record",
            (article_id,),
        ).fetchall()
        # a raw record is stored against its article's clean text (archive.compact)
        keys = ("path", "record", "format", "outlet", "url")
        return [{**{k: r[k] for k in keys}, "raw": unpack_raw(r["raw"], r["text"])} for r in rows]
