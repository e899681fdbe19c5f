"""The schema as other SQLite tools see it."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from dateline.archive.schema import SCHEMA_VERSION, migrate
from dateline.model import Article


def _archive(tmp_path: Path) -> sqlite3.Connection:
    c = sqlite3.connect(tmp_path / "s.db", isolation_level=None)
    migrate(c)
    c.execute("INSERT INTO articles(id, published, title, text, json, added) "
              "VALUES ('a', '2024-01-01', 'Port reopens', 'The port reopened on Monday.', '{}', 'now')")
    return c


def test_datasette_detects_the_full_text_index_of_articles(tmp_path: Path) -> None:
    utils = pytest.importorskip("datasette.utils", reason="datasette is not installed (the test extra has it)")
    c = _archive(tmp_path)
    assert utils.detect_fts(c, "articles") == "articles_fts"
    assert c.execute("SELECT rowid FROM articles_fts WHERE articles_fts MATCH 'reopened'").fetchall() == [(1,)]


def test_the_full_text_index_is_rebuilt_when_redeclared(tmp_path: Path) -> None:
    c = sqlite3.connect(tmp_path / "old.db", isolation_level=None)
    c.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT)")
    from dateline.archive import schema

    for statements in schema.MIGRATIONS[:5]:  # an archive as the dateline before the new declaration
        for s in statements:
            c.execute(s)
    c.execute("INSERT INTO meta VALUES ('schema_version', '5')")
    c.execute("INSERT INTO articles(id, published, title, text, json, added) "
              "VALUES ('a', NULL, NULL, 'Grain exports rose.', '{}', 'now')")
    assert migrate(c) == 5
    assert c.execute("SELECT rowid FROM articles_fts WHERE articles_fts MATCH 'grain'").fetchall() == [(1,)]
    assert "dedup_sources_article" not in {r[0] for r in c.execute("SELECT name FROM sqlite_master")}
    assert c.execute("SELECT value FROM meta").fetchone()[0] == str(SCHEMA_VERSION)


# -- the compact storage (each thing stored once) --------------------------------------------------
BODY = ("Negotiators from both sides met in Oslo on Thursday to discuss a ceasefire, the ministry said.\n\n"
        "\u201cWe are close to an agreement,\u201d said Ana Ruiz, the envoy. Grain exports rose to $40 million.")


def _old_article() -> Article:
    from dateline.model import Amount, Dateline, Entity, Mention, Quote, Removed, Source, Span, Time

    ruiz = BODY.index("Ana Ruiz")
    money = BODY.index("$40 million")
    split = BODY.index("\n\n")
    return Article(
        id="00c0ffee00c0ffee", source=Source("wire.jsonl", 1, "jsonl", 0), text=BODY,
        paragraphs=[Span(0, split), Span(split + 2, len(BODY))], published="2024-03-07", title="Talks in Oslo",
        authors=["Jane Doe"], language="en", dateline=Dateline("OSLO (Wire) -", "Oslo", "Wire"),
        removed=[Removed("Wire", "signoff")], repairs={"unwrapped": 1},
        entities=[Entity("person:ana-ruiz", "Ana Ruiz", "PERSON", roles=["envoy"],
                         mentions=[Mention(ruiz, ruiz + 8, "Ana Ruiz")])],
        quotes=[Quote("We are close to an agreement", "direct", "Ana Ruiz", "person:ana-ruiz", split + 3, split + 31,
                      "said")],
        amounts=[Amount("$40 million", 40e6, "USD", None, None, money, money + 11)],
        times=[Time("Thursday", "2024-03-07", BODY.index("Thursday"), BODY.index("Thursday") + 8)],
    )


def _archive_before_compact_storage(path: Path, a: Article, raws: list[str]) -> None:
    """An archive as the dateline before the compact storage wrote it: plain JSON, plain raw records."""
    from dateline.archive import schema

    made = schema.MIGRATIONS.index(schema.COMPACT_STORAGE)
    c = sqlite3.connect(path, isolation_level=None)
    c.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT)")
    for statements in schema.MIGRATIONS[:made]:
        for s in statements:
            c.execute(s)
    c.execute("INSERT INTO meta VALUES ('schema_version', ?)", (str(made),))
    d = a.to_dict()
    d.pop("text")
    c.execute("INSERT INTO articles(id, published, title, text, outlet, url, json, added) VALUES (?,?,?,?,?,?,?,?)",
              (a.id, a.published, a.title, a.text, a.outlet, a.url, json.dumps(d, ensure_ascii=False), "2024-03-08"))
    for i, raw in enumerate(raws, 1):  # the article and an exact copy of it from another record
        c.execute("INSERT INTO sources(article_id, path, record, format, offset, raw, added) VALUES (?,?,?,?,?,?,?)",
                  (a.id, a.source.path, i, "jsonl", i - 1, raw, f"2024-03-08T00:00:0{i}"))
    c.close()


def test_the_compact_storage_migration_keeps_every_article_as_it_was(tmp_path: Path) -> None:
    from dateline import api
    from dateline.archive.store import Archive

    a = _old_article()
    raws = ["OSLO (Wire) - " + BODY.replace("\n\n", "\n") + "\nWire", BODY]
    db = tmp_path / "old.db"
    _archive_before_compact_storage(db, a, raws)
    Archive(str(db)).close()  # a write upgrades it

    c = sqlite3.connect(db)
    assert c.execute("SELECT typeof(json), language FROM articles").fetchone() == ("blob", "en")
    assert [r[0] for r in c.execute("SELECT typeof(raw) FROM sources")] == ["blob", "blob"]
    assert c.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()[0] == str(SCHEMA_VERSION)
    # rewritten once without the space the plain values took, and set to give back later frees
    assert c.execute("PRAGMA freelist_count").fetchone()[0] == 0 and c.execute("PRAGMA auto_vacuum").fetchone()[0] == 2
    c.close()
    with api.open(str(db)) as arc:
        got = arc.article(a.id)
        assert got is not None
        d, want = got.to_dict(), a.to_dict()
        for key in ("cluster", "story", "extra_sources"):
            d.pop(key, None)
            want.pop(key, None)
        assert d == want
        assert [s.record for s in got.extra_sources] == [2]
        assert [r["raw"] for r in arc.sources(a.id)] == raws
        assert [h.id for h in arc.search("ceasefire", language="en")] == [a.id]
        assert list(arc.search("ceasefire", language="de")) == []


def test_show_json_and_the_article_api_give_the_article_as_it_was_stored(tmp_path: Path,
                                                                          capsys: pytest.CaptureFixture[str]) -> None:
    from fastapi.testclient import TestClient

    from dateline.archive.store import Archive
    from dateline.cli import main
    from dateline.web.app import create_app

    a = _old_article()
    db = tmp_path / "old.db"
    _archive_before_compact_storage(db, a, [BODY])
    Archive(str(db)).close()
    want = {k: v for k, v in a.to_dict().items() if k not in ("cluster", "story")}
    assert main(["show", a.id, "--db", str(db), "--json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert {k: shown[k] for k in want} == want
    served = TestClient(create_app(str(db))).get(f"/api/articles/{a.id}").json()
    assert {k: served[k] for k in want} == want and served["raw_records"][0]["raw"] == BODY


def test_fact_tables_become_their_key_b_tree_keeping_columns_indexes_and_rows(tmp_path: Path) -> None:
    from dateline.archive.schema import cluster_by_key

    c = sqlite3.connect(tmp_path / "t.db", isolation_level=None)
    c.execute("CREATE TABLE quotes (article_id TEXT NOT NULL, n INTEGER NOT NULL, text TEXT, "
              "PRIMARY KEY (article_id, n))")
    c.execute("ALTER TABLE quotes ADD COLUMN speaker TEXT")  # as another migration might have
    c.execute("CREATE INDEX quotes_speaker ON quotes(speaker)")
    c.execute("INSERT INTO quotes VALUES ('a', 0, 'We will rebuild.', 'Ana Ruiz')")
    cluster_by_key(c, "quotes")
    cluster_by_key(c, "quotes")  # a second time: left as it is
    sql = c.execute("SELECT sql FROM sqlite_master WHERE name = 'quotes'").fetchone()[0]
    assert sql.endswith("WITHOUT ROWID") and sql.count("WITHOUT ROWID") == 1
    assert c.execute("SELECT * FROM quotes WHERE speaker = 'Ana Ruiz'").fetchall() == [("a", 0, "We will rebuild.",
                                                                                      "Ana Ruiz")]
    assert c.execute("SELECT name FROM sqlite_master WHERE type = 'index'").fetchall() == [("quotes_speaker",)]
