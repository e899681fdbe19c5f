"""Stemmed search: inflected forms find each other in each article's language; `exact` finds the
words as given; an archive from before the stemmed index gets it by migration."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from dateline import api
from dateline.archive.schema import MIGRATIONS, SCHEMA_VERSION
from dateline.archive.search import search
from dateline.archive.stemming import stem_match, stem_text
from dateline.archive.store import Archive
from dateline.settings import Settings

RECORDS = [
    ("ru", "2024-03-01", "Министр иностранных дел Сергей Лавров провёл переговоры в Анкаре. Лавров заявил, "
                         "что стороны обсудили поставки зерна."),
    ("ru", "2024-03-02", "Позиция Лаврова осталась прежней, сообщили в министерстве."),
    ("de", "2024-03-03", "Der Bundestag hat am Mittwoch neue Gesetze zur Energie beschlossen."),
    ("de", "2024-03-04", "Die Opposition kritisierte das Gesetz als unzureichend."),
    ("en", "2024-03-05", "The commission said the election would be held in June after a long delay."),
]


@pytest.fixture
def archive(tmp_path: Path, settings: Settings) -> Archive:
    p = tmp_path / "d.jsonl"
    p.write_text("".join(json.dumps({"language": lang, "date": d, "text": t}, ensure_ascii=False) + "\n"
                         for lang, d, t in RECORDS), encoding="utf-8")
    api.ingest([str(p)], settings)
    arch = Archive(settings.db, readonly=True)
    yield arch
    arch.close()


def _days(hits) -> list[str]:  # type: ignore[no-untyped-def]
    return sorted(h.published for h in hits)


def test_an_inflected_form_finds_the_others(archive: Archive) -> None:
    assert _days(search(archive.conn, "Лаврова")) == ["2024-03-01", "2024-03-02"]
    assert _days(search(archive.conn, "Gesetze")) == ["2024-03-03", "2024-03-04"]
    assert _days(search(archive.conn, "elections")) == ["2024-03-05"]


def test_exact_search_finds_the_word_as_given(archive: Archive) -> None:
    assert _days(search(archive.conn, "Лаврова", exact=True)) == ["2024-03-02"]
    assert _days(search(archive.conn, '"neue Gesetze"', exact=True)) == ["2024-03-03"]


def test_the_query_is_stemmed_in_the_language_asked_for(archive: Archive) -> None:
    assert _days(search(archive.conn, "Gesetze", language="de")) == ["2024-03-03", "2024-03-04"]
    assert search(archive.conn, "Gesetze", language="ru") == []


def test_phrases_operators_and_snippets_work_on_stems(archive: Archive) -> None:
    assert _days(search(archive.conn, '"Лаврова заявила"')) == ["2024-03-01"]  # the phrase, in other forms
    assert _days(search(archive.conn, '"Лавров сообщили"')) == []  # both words, not side by side
    assert _days(search(archive.conn, "Лавров NOT Анкаре")) == ["2024-03-02"]
    (hit,) = search(archive.conn, "Gesetzes", language="de", date_to="2024-03-03")
    assert "[Gesetze]" in hit.snippet


def test_stems_follow_the_articles_language() -> None:
    assert stem_text("Лаврова Лавров", "ru") == "лавр лавр"  # stemmed until it stays the same
    assert stem_text("Gesetze", "de") == stem_text("Gesetz", "de")
    assert stem_text("elections", None) == stem_text("election", "en")  # unknown is read as English
    assert stem_text("テスト", "ja") == "テスト"  # no stemmer: the words as they are


def test_stem_match_keeps_operators_columns_and_prefixes() -> None:
    assert stem_match('title : Gesetze AND "neue Gesetze" NOT minist*', "de") == \
        'title : "gesetz" AND "neu gesetz" NOT minist*'


def test_an_archive_from_before_the_stemmed_index_gets_it(tmp_path: Path, settings: Settings) -> None:
    p = tmp_path / "d.jsonl"
    p.write_text(json.dumps({"language": "de", "text": RECORDS[2][2]}, ensure_ascii=False) + "\n", encoding="utf-8")
    api.ingest([str(p)], settings)
    conn = sqlite3.connect(settings.db)
    made = next(i for i, m in enumerate(MIGRATIONS) if any("articles_stem" in x for x in m))
    for trigger in ("articles_stem_ai", "articles_stem_ad", "articles_stem_au"):
        conn.execute(f"DROP TRIGGER {trigger}")
    conn.execute("DROP TABLE articles_stem")
    conn.execute("DROP TABLE stem_languages")
    conn.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", (str(made),))
    conn.commit()
    conn.close()
    Archive(settings.db).close()  # opened for writing: migrated
    arch = Archive(settings.db, readonly=True)
    assert arch.conn.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()[0] == str(SCHEMA_VERSION)
    assert len(search(arch.conn, "Gesetz")) == 1
    arch.close()


def _stem_hits(conn: sqlite3.Connection, stem: str) -> int:
    return int(conn.execute("SELECT count(*) FROM articles_stem WHERE articles_stem MATCH ?", (stem,)).fetchone()[0])


def test_deleting_an_article_in_another_tool_keeps_the_stemmed_index_in_step(archive: Archive,
                                                                            settings: Settings) -> None:
    conn = sqlite3.connect(settings.db)  # a plain connection: no dateline function registered
    conn.execute("DELETE FROM articles WHERE text LIKE '%Opposition%'")
    conn.commit()
    # the contentless index still holds the deleted article's stems, but no search finds it ...
    assert _days(search(archive.conn, "Gesetze")) == ["2024-03-03"]
    assert _days(search(archive.conn, "Gesetze", window=1)) == ["2024-03-03"]
    # ... and dateline's next write takes them out of the index
    Archive(settings.db).close()
    assert _stem_hits(conn, "gesetz") == 1
    assert conn.execute("SELECT count(*) FROM stem_gone").fetchone()[0] == 0
    conn.execute("INSERT INTO articles_stem(articles_stem) VALUES ('integrity-check')")
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()


def test_an_article_stored_after_a_delete_in_another_tool_takes_the_deleted_stems_out(
        archive: Archive, settings: Settings, tmp_path: Path) -> None:
    conn = sqlite3.connect(settings.db)
    conn.execute("DELETE FROM articles WHERE published >= '2024-03-04'")  # the last rowids, reused next
    conn.commit()
    p = tmp_path / "more.jsonl"
    p.write_text(json.dumps({"language": "de", "date": "2024-03-09", "text": "Der Rat tagte am Freitag in Bonn "
                             "und vertagte die Abstimmung."}) + "\n", encoding="utf-8")
    api.ingest([str(p)], settings)
    assert _stem_hits(conn, "gesetz") == 1 and _stem_hits(conn, "election") == 0
    assert _days(search(archive.conn, "Abstimmung")) == ["2024-03-09"]
    conn.execute("INSERT INTO articles_stem(articles_stem) VALUES ('integrity-check')")
    conn.close()
