from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from dateline import api
from dateline.archive.schema import SCHEMA_VERSION
from dateline.archive.store import Archive, ArchiveError
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
    with pytest.raises(Exception, match="newer than this dateline"):
        Archive(db)


def test_readonly_open_upgrades_an_archive_from_an_older_dateline(tmp_path: Path) -> None:
    db = str(tmp_path / "x.db")
    Archive(db).close()
    conn = sqlite3.connect(db)
    conn.execute("DROP INDEX article_entities_cover")
    conn.execute("CREATE INDEX article_entities_entity ON article_entities(entity_id)")
    for table, column in (("sources", "raw_digest"), ("rejects", "last_record"), ("rejects", "count")):
        conn.execute(f"ALTER TABLE {table} DROP COLUMN {column}")  # undo migration 5 too
    conn.execute("UPDATE meta SET value='3' WHERE key='schema_version'")
    conn.commit()
    conn.close()
    with Archive(db, readonly=True) as a:
        version = a.conn.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()[0]
        index = a.conn.execute("SELECT 1 FROM sqlite_master WHERE name='article_entities_cover'").fetchone()
    assert version == str(SCHEMA_VERSION) and index is not None


def test_an_article_over_the_store_budget_is_rejected_and_its_rows_undone(
        tmp_path: Path, settings: Settings, monkeypatch: pytest.MonkeyPatch) -> None:

    from dateline.archive import store

    real = store.store_facts

    def slow(conn, article):  # facts that take too long to store, for one article only
        real(conn, article)
        if "Lima" in article.text:
            _burn(2)

    monkeypatch.setattr(store, "store_facts", slow)
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
