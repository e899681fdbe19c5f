from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from dateline import api
from dateline.archive.schema import SCHEMA_VERSION
from dateline.archive.store import Archive, ArchiveError, Counts, UpgradeNeeded
from dateline.settings import Settings

STORY = "Officials in {city} said on Monday that the new bridge would open to traffic in May, ahead of schedule."


def _corpus(tmp_path: Path) -> Path:
    d = tmp_path / "in"
    d.mkdir()
    lines = [f"date 2024-01-0{i + 1} " + STORY.format(city=c) for i, c in enumerate(["Oslo", "Lima", "Pune"])]
    (d / "a.txt").write_text("\n".join(lines) + "\n")
    (d / "b.jsonl").write_text('{"text": "' + STORY.format(city="Oslo") + '"}\n{"text": "short"}\n{oops\n')
    return d


def test_ingest_accounts_for_every_record_and_is_idempotent(tmp_path: Path, settings: Settings) -> None:
    corpus = _corpus(tmp_path)
    first = api.ingest([str(corpus)], settings).counts
    assert (first.read, first.stored, first.duplicates, first.rejected) == (6, 3, 1, 2)
    assert first.reasons == {"too_short": 1, "malformed_json": 1}
    second = api.ingest([str(corpus)], settings).counts
    assert (second.read, second.stored, second.already, second.rejected) == (6, 0, 4, 2)
    with Archive(settings.db, readonly=True) as arch:
        c = arch.conn
        assert c.execute("SELECT COUNT(*) FROM articles").fetchone()[0] == 3
        assert c.execute("SELECT COUNT(*) FROM sources").fetchone()[0] == 4
        assert c.execute("SELECT COUNT(*) FROM rejects").fetchone()[0] == 2
        assert c.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()[0] == str(SCHEMA_VERSION)
        assert c.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_exact_copy_becomes_an_extra_source(tmp_path: Path, settings: Settings) -> None:
    api.ingest([str(_corpus(tmp_path))], settings)
    with Archive(settings.db, readonly=True) as arch:
        sql = "SELECT article_id FROM sources GROUP BY article_id HAVING COUNT(*) = 2"
        (hit,) = [r[0] for r in arch.conn.execute(sql)]
        a = arch.article(hit)
        assert a is not None and len(a.extra_sources) == 1
        assert a.extra_sources[0].format == "jsonl"
        assert arch.article(hit[:6]) is not None  # a unique prefix is enough


def test_fts_stays_in_step(tmp_path: Path, settings: Settings) -> None:
    api.ingest([str(_corpus(tmp_path))], settings)
    conn = sqlite3.connect(settings.db)
    conn.execute("INSERT INTO articles_fts(articles_fts) VALUES ('integrity-check')")
    assert conn.execute("SELECT COUNT(*) FROM articles_fts WHERE articles_fts MATCH 'bridge'").fetchone()[0] == 3
    conn.execute("DELETE FROM articles WHERE text LIKE '%Lima%'")
    assert conn.execute("SELECT COUNT(*) FROM articles_fts WHERE articles_fts MATCH 'lima'").fetchone()[0] == 0


def test_readonly_open_of_missing_or_foreign_file(tmp_path: Path) -> None:
    with pytest.raises(ArchiveError, match="no archive"):
        Archive(str(tmp_path / "none.db"), readonly=True)
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"this is not sqlite at all" * 100)
    with pytest.raises(ArchiveError, match="not a dateline archive"):
        Archive(str(junk), readonly=True)


def test_archive_from_a_newer_dateline_is_refused(tmp_path: Path) -> None:
    db = str(tmp_path / "x.db")
    Archive(db).close()
    conn = sqlite3.connect(db)
    conn.execute("UPDATE meta SET value='999' WHERE key='schema_version'")
    conn.commit()
    conn.close()
    with pytest.raises(ArchiveError, match="newer than this dateline"):
        Archive(db)


def _as_written_by_version_4(db: str) -> None:
    conn = sqlite3.connect(db)
    conn.execute("ALTER TABLE runs DROP COLUMN pid")
    conn.execute("ALTER TABLE runs DROP COLUMN host")
    for table, column in (("sources", "raw_digest"), ("rejects", "last_record"), ("rejects", "count")):
        conn.execute(f"ALTER TABLE {table} DROP COLUMN {column}")  # undo the later migrations' columns too
    conn.execute("UPDATE meta SET value='4' WHERE key='schema_version'")
    conn.commit()
    conn.close()


def test_reading_never_upgrades_an_archive_from_an_older_dateline_a_write_does(tmp_path: Path) -> None:
    db = str(tmp_path / "x.db")
    Archive(db).close()
    _as_written_by_version_4(db)
    before = Path(db).read_bytes()
    with pytest.raises(UpgradeNeeded,
                       match=r"older dateline \(schema 4.*the next write to it \(an ingest\) upgrades it"):
        Archive(db, readonly=True)
    assert Path(db).read_bytes() == before
    Archive(db).close()  # a write command's open
    with Archive(db, readonly=True) as a:
        version = a.conn.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()[0]
        columns = {r[1] for r in a.conn.execute("PRAGMA table_info(runs)")}
    assert version == str(SCHEMA_VERSION) and {"pid", "host"} <= columns


@pytest.mark.parametrize("name", ["news%41.db", "x#y.db", "what?mode=ro.db", "a b.db"])
def test_the_archive_path_is_the_file_named_not_a_uri(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                      name: str) -> None:
    monkeypatch.chdir(tmp_path)
    Archive(name).close()
    assert sorted(p.name for p in tmp_path.iterdir() if not p.name.endswith(("-wal", "-shm"))) == [name]
    with Archive(name, readonly=True) as a:
        with pytest.raises(sqlite3.OperationalError, match="readonly"):
            a.conn.execute("CREATE TABLE t(x)")


def test_runs_left_running_by_a_killed_process_become_interrupted(tmp_path: Path) -> None:
    import subprocess
    import sys

    db = str(tmp_path / "r.db")
    with Archive(db) as a:
        mine = a.begin_run(["live"])
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True,
                          text=True, check=True).stdout.strip()
    conn = sqlite3.connect(db)
    conn.execute("INSERT INTO runs(started, status, pid, host) VALUES ('x', 'running', ?, ?)",
                 (int(dead), __import__("socket").gethostname()))
    conn.execute("INSERT INTO runs(started, status, pid, host) VALUES ('x', 'running', 1, 'another-host')")
    conn.execute("INSERT INTO runs(started, status) VALUES ('x', 'running')")  # before runs had a pid
    conn.commit()
    conn.close()
    with Archive(db) as a:
        a.begin_run(["next"])
        status = [r[0] for r in a.conn.execute("SELECT status FROM runs ORDER BY id")]
    # this process is alive; the dead one and the one without a pid are interrupted; another
    # host's run cannot be checked
    assert status == ["running", "interrupted", "running", "interrupted", "running"]
    assert mine == 1


def test_a_full_disk_says_so_in_one_line(tmp_path: Path, settings: Settings) -> None:
    import resource

    corpus = tmp_path / "big.txt"
    corpus.write_text("".join(f"date 2021-01-03 Flooding closed highway {i} north of the capital, officials "
                              f"said, and rescue team {i} deployed across the region.\n" for i in range(1000)))
    api.ingest([str(_corpus(tmp_path))], settings)  # the archive exists; it then cannot grow
    size = Path(settings.db).stat().st_size
    soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    resource.setrlimit(resource.RLIMIT_FSIZE, (size + 64 * 1024, hard))
    try:
        with pytest.raises(ArchiveError) as err:
            api.ingest([str(corpus)], settings)
    finally:
        resource.setrlimit(resource.RLIMIT_FSIZE, (soft, hard))
    message = str(err.value)
    assert "disk is full" in message and "no transaction" not in message and "\n" not in message


def test_a_read_only_archive_says_so_in_one_line(tmp_path: Path, settings: Settings) -> None:
    corpus = _corpus(tmp_path)
    api.ingest([str(corpus)], settings)
    # A file the user may not write (tests may run as root, for whom chmod changes nothing):
    # SQLite's query_only refuses writes with the same error as a read-only file.
    with Archive(settings.db) as archive:
        archive.conn.execute("PRAGMA query_only = 1")
        with pytest.raises(ArchiveError) as err:
            api.ingest([str(corpus)], settings, archive=archive)
    assert "read-only" in str(err.value) and "no transaction" not in str(err.value)


def test_a_write_error_names_its_cause(tmp_path: Path) -> None:
    from dateline.archive.store import write_error

    db = str(tmp_path / "w.db")
    Archive(db).close()
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    with pytest.raises(sqlite3.OperationalError) as exc:
        conn.execute("CREATE TABLE t(x)")
    conn.close()
    assert "is read-only" in str(write_error(db, exc.value))
    assert "disk is full" in str(write_error(db, sqlite3.OperationalError("database or disk is full")))
    assert "disk is full" in str(write_error(db, sqlite3.OperationalError("disk I/O error")))


def test_an_article_over_the_store_budget_is_rejected_and_its_rows_undone(
        tmp_path: Path, settings: Settings, monkeypatch: pytest.MonkeyPatch) -> None:

    from dateline.archive import facts  # the store imports it where it writes, and so sees the patch

    real = facts.store_facts

    def slow(conn, article):  # facts that take too long to store, for one article only
        real(conn, article)
        if "Lima" in article.text:
            _burn(2)

    monkeypatch.setattr(facts, "store_facts", slow)
    corpus = _corpus(tmp_path)
    counts = api.ingest([str(corpus / "a.txt")], settings.with_overrides(store_timeout_s=0.2)).counts
    assert (counts.read, counts.stored, counts.rejected) == (3, 2, 1)
    assert counts.reasons == {"too_slow": 1}
    with Archive(settings.db, readonly=True) as arch:
        c = arch.conn
        assert c.execute("SELECT count(*) FROM articles WHERE text LIKE '%Lima%'").fetchone()[0] == 0
        assert c.execute("SELECT detail FROM rejects").fetchone()[0].startswith("store: took over 0.2 CPU-s")


def test_a_reingest_skips_stored_sources_before_cleaning_and_redoes_a_changed_one(
        tmp_path: Path, settings: Settings, monkeypatch: pytest.MonkeyPatch) -> None:
    from dateline import pipeline

    corpus = _corpus(tmp_path)
    api.ingest([str(corpus)], settings)
    cleaned: list[int] = []
    real = pipeline.clean_record

    def counting(raw, s):
        cleaned.append(raw.source.record)
        return real(raw, s)

    monkeypatch.setattr(pipeline, "clean_record", counting)
    again = api.ingest([str(corpus)], settings).counts
    assert (again.read, again.already, again.rejected) == (6, 4, 2)
    assert len(cleaned) == 2  # only the two rejects are tried again
    lines = (corpus / "a.txt").read_text().splitlines()
    lines[1] = lines[1].replace("Lima", "Quito")  # an edited record at the same place
    (corpus / "a.txt").write_text("\n".join(lines) + "\n")
    cleaned.clear()
    third = api.ingest([str(corpus / "a.txt")], settings).counts
    assert cleaned == [1]  # the edited one is processed again; the store keeps a location's first version
    assert (third.read, third.already) == (3, 3)


def test_a_run_of_identical_rejects_is_one_row_and_every_record_still_counts(tmp_path: Path,
                                                                             settings: Settings) -> None:
    data = tmp_path / "empties.json"
    data.write_text("[" + ",".join(["{}"] * 1000) + ',{"text": "' + STORY.format(city="Oslo") + '"},{}]')
    counts = api.ingest([str(data)], settings).counts
    assert (counts.read, counts.stored, counts.rejected) == (1002, 1, 1001)
    with Archive(settings.db, readonly=True) as arch:
        rows = arch.conn.execute("SELECT record, last_record, count FROM rejects ORDER BY record").fetchall()
    assert [tuple(r) for r in rows] == [(0, 999, 1000), (1001, None, 1)]
    again = api.ingest([str(data)], settings).counts  # a re-run adds no row and loses none
    assert (again.read, again.already, again.rejected) == (1002, 1, 1001)
    with Archive(settings.db, readonly=True) as arch:
        assert tuple(arch.conn.execute("SELECT count(*), sum(count) FROM rejects").fetchone()) == (2, 1001)


def test_a_record_stored_from_inside_a_run_of_rejects_splits_it(tmp_path: Path, settings: Settings) -> None:
    from dateline.model import RawRecord, Rejected, Source
    from dateline.pipeline import Outcome, clean_one

    path = str(tmp_path / "f.jsonl")

    def raw(i: int) -> RawRecord:
        return RawRecord(Source(path, i, "jsonl"), text=STORY.format(city=f"Town{i}"))

    with Archive(settings.db, settings=settings) as arch:
        arch.write([Outcome(raw(i), rejected=Rejected("no_text", "no text field")) for i in range(5)])
        arch.write([clean_one(raw(2), settings)])  # record 2 succeeds on a later run
        rows = arch.conn.execute("SELECT record, COALESCE(last_record, record), count FROM rejects "
                                 "ORDER BY record").fetchall()
    assert [tuple(r) for r in rows] == [(0, 1, 2), (3, 4, 2)]


def _burn(seconds: float) -> None:
    """Slow code: budgets count CPU time, which sleeping does not use."""
    import time as _time

    end = _time.process_time() + seconds
    while _time.process_time() < end:
        pass


def test_an_ingested_archive_stores_the_json_and_raw_records_packed(tmp_path: Path, settings: Settings) -> None:
    api.ingest([str(_corpus(tmp_path))], settings)
    with Archive(settings.db, readonly=True) as arch:
        kinds = arch.conn.execute("SELECT DISTINCT typeof(json) FROM articles UNION ALL "
                                  "SELECT DISTINCT typeof(raw) FROM sources").fetchall()
        assert [k[0] for k in kinds] == ["blob", "blob"]
        (ident,) = arch.conn.execute("SELECT article_id FROM sources WHERE path LIKE '%b.jsonl'").fetchone()
        # each raw record as read: the dated-text record with its line end, the JSON one without
        story = STORY.format(city="Oslo")
        assert sorted(r["raw"] for r in arch.raw_records(ident)) == [story, story + "\n"]


def test_a_new_archive_gives_back_the_pages_deletes_freed_when_a_run_ends(tmp_path: Path) -> None:
    with Archive(str(tmp_path / "a.db")) as arch:
        c = arch.conn
        assert c.execute("PRAGMA auto_vacuum").fetchone()[0] == 2  # incremental
        c.execute("CREATE TABLE scratch (x BLOB)")
        c.executemany("INSERT INTO scratch VALUES (?)", [(b"x" * 4000,) for _ in range(100)])
        c.execute("DROP TABLE scratch")  # as a cluster or story rebuild deletes rows
        assert c.execute("PRAGMA freelist_count").fetchone()[0] >= 100
        arch.finish_run(arch.begin_run(["x"]), Counts(), "done")
        assert c.execute("PRAGMA freelist_count").fetchone()[0] == 0


def test_an_exact_copy_whose_text_differs_in_spacing_keeps_its_raw_record(tmp_path: Path) -> None:
    from dateline.model import Article, RawRecord, Source, Span
    from dateline.pipeline import Outcome

    def outcome(record: int, text: str) -> Outcome:
        src = Source("wire.jsonl", record, "jsonl")
        a = Article(id="1234abcd1234abcd", source=src, text=text, paragraphs=[Span(0, len(text))])
        return Outcome(RawRecord(src, text="LIMA (Wire) - " + text), a)

    story = STORY.format(city="Lima")
    with Archive(str(tmp_path / "a.db")) as arch:
        counts, _ = arch.write([outcome(1, story), outcome(2, story.replace(" ", "  "))])
        assert (counts.stored, counts.duplicates) == (1, 1)
        raws = [r["raw"] for r in arch.raw_records("1234abcd1234abcd")]
    assert raws == ["LIMA (Wire) - " + story, "LIMA (Wire) - " + story.replace(" ", "  ")]
