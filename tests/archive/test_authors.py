"""Bylines in the archive: stored with the article, searchable by author, kept in show and exports."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
from pathlib import Path

from dateline import api
from dateline.archive.compact import unpack_json
from dateline.archive.schema import MIGRATIONS
from dateline.archive.search import search
from dateline.archive.store import Archive
from dateline.settings import Settings

ROWS = [
    {"text": "Wheat prices rose sharply in Chicago as drought hit the plains, traders said on Monday.",
     "byline": "By Jane Doe and John Roe", "section": "Markets", "lang": "en"},
    {"text": "Wheat exports from the Black Sea slowed as insurers raised their premiums, shippers said.",
     "authors": ["John Roe"]},
    {"text": "The wheat harvest in the south was the smallest in a decade, the farm ministry said on Friday."},
]


def _ingest(tmp_path: Path, settings: Settings) -> None:
    p = tmp_path / "a.jsonl"
    p.write_text("".join(json.dumps(r) + "\n" for r in ROWS))
    api.ingest([str(p)], settings)


def test_search_by_author_finds_each_of_their_articles(tmp_path: Path, settings: Settings) -> None:
    _ingest(tmp_path, settings)
    with Archive(settings.db, readonly=True) as archive:
        assert len(search(archive.conn, "wheat", author="john  ROE", one_per_cluster=False)) == 2
        (hit,) = search(archive.conn, "wheat", author="Jane Doe", one_per_cluster=False)
        article = archive.article(hit.id)
        assert article.authors == ["Jane Doe", "John Roe"] and article.section == "Markets"
        assert article.language == "en"
        assert search(archive.conn, "wheat", author="Nobody", one_per_cluster=False) == []


def test_exports_carry_the_bylines(tmp_path: Path, settings: Settings) -> None:
    _ingest(tmp_path, settings)
    with api.open(settings.db) as arc:
        buf = io.StringIO()
        arc.write_articles(buf, "csv")
        rows = {r["authors"] for r in csv.DictReader(io.StringIO(buf.getvalue()))}
        buf = io.StringIO()
        arc.write_articles(buf, "jsonl")
    assert rows == {'["Jane Doe", "John Roe"]', '["John Roe"]', "[]"}
    assert sorted(len(json.loads(line)["authors"]) for line in buf.getvalue().splitlines()) == [0, 1, 2]


def test_the_migration_fills_in_authors_already_in_the_json(tmp_path: Path, settings: Settings) -> None:
    _ingest(tmp_path, settings)
    conn = sqlite3.connect(settings.db)
    conn.execute("DELETE FROM article_authors")
    # back to just before the migration that made the authors table, so that it runs again, with
    # the JSON plain as archives of that time stored it
    for rowid, packed, text in conn.execute("SELECT rowid, json, text FROM articles").fetchall():
        conn.execute("UPDATE articles SET json = ? WHERE rowid = ?", (json.dumps(unpack_json(packed, text)), rowid))
    made = next(i for i, m in enumerate(MIGRATIONS) if any("article_authors" in x for x in m))
    conn.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", (str(made),))
    conn.commit()
    conn.close()
    Archive(settings.db).close()
    conn = sqlite3.connect(settings.db)
    assert conn.execute("SELECT count(*) FROM article_authors").fetchone()[0] == 3
    conn.close()


def test_the_article_page_shows_the_byline(tmp_path: Path, settings: Settings) -> None:
    from fastapi.testclient import TestClient

    from dateline.web.app import create_app

    _ingest(tmp_path, settings)
    client = TestClient(create_app(settings.db))
    (hit,) = client.get("/api/search", params={"q": "drought"}).json()["hits"]
    page = client.get(f"/articles/{hit['id']}").text
    assert 'by <span class="authors">Jane Doe, John Roe</span>' in page and "Markets" in page
