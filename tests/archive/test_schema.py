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


# -- the lean storage (story state packed with its keys, fact spans without their text) ------------
LEAN_REPORTS = [
    ("2024-05-06", "Floods force 3,000 from homes in Porto Alegre",
     "Floods forced 3,000 people from their homes in Porto Alegre on Monday, mayor Sebastião Melo said. "
     '"The water is still rising," Melo told reporters.'),
    ("2024-05-07", "Porto Alegre floods: 5,000 now displaced",
     "The floods in Porto Alegre have displaced 5,000 people, mayor Sebastião Melo said on Tuesday, "
     "as rescuers reached the northern districts by boat."),
    ("2024-05-07", "Grain exporters raise soybean forecast",
     "Grain exporters raised their soybean export forecast to 98 million tonnes on Tuesday, the trade "
     "group Anec said, citing a record crop in Mato Grosso."),
]


def _lean_article(i: int, day: str, title: str, text: str) -> Article:
    from dateline.clean import article_id
    from dateline.model import Amount, Entity, Mention, Quote, Source, Span, Time

    def spans(part: str) -> list[Mention]:
        out, at = [], text.find(part)
        while at >= 0:
            out.append(Mention(at, at + len(part), part))
            at = text.find(part, at + 1)
        return out

    ents = [Entity(f"e{k}", name, typ, mentions=spans(name)) for k, (name, typ) in enumerate(
        [("Porto Alegre", "GPE"), ("Sebastião Melo", "PERSON"), ("Melo", "PERSON"), ("Anec", "ORG"),
         ("Mato Grosso", "GPE")]) if name in text]
    quotes = [Quote(text[m.start:m.end], "direct", "Melo", None, m.start, m.end, "told")
              for m in spans('"The water is still rising,"')]
    amounts = [Amount(m.text, float(m.text.replace(",", "")), None, None, "people", m.start, m.end)
               for m in [*spans("3,000"), *spans("5,000")]]
    times = [Time(m.text, day, m.start, m.end) for m in [*spans("Monday"), *spans("Tuesday")]]
    return Article(id=article_id(text), source=Source("lean.jsonl", i + 1, "jsonl"), text=text,
                   paragraphs=[Span(0, len(text))], published=day, title=title, outlet="Wire",
                   language="en", entities=ents, quotes=quotes, amounts=amounts, times=times)


def _lean_write(db: Path, rows: list[tuple[int, tuple[str, str, str]]]) -> None:
    from dateline.archive.store import Archive
    from dateline.model import RawRecord
    from dateline.pipeline import Outcome
    from dateline.settings import Settings

    with Archive(str(db), settings=Settings(db=str(db), extract=False)) as archive:
        run = archive.begin_run(["lean.jsonl"])
        batch = [_lean_article(i, *r) for i, r in rows]
        archive.write([Outcome(RawRecord(a.source, text=a.text), a) for a in batch], run)


def _as_before_lean_storage(db: Path) -> None:
    """The archive set back to the form the dateline before the lean storage wrote: story states
    as JSON, story keys by ISO day with an index by story, the facts' text in their rows, and the
    two indexes since dropped."""
    from datetime import date

    from dateline.archive.compact import unpack_story
    from dateline.archive.schema import LEAN_STORAGE, MIGRATIONS

    c = sqlite3.connect(db, isolation_level=None)
    c.execute("BEGIN")
    for sid, state in c.execute("SELECT id, state FROM stories").fetchall():
        c.execute("UPDATE stories SET state = ? WHERE id = ?", (json.dumps(unpack_story(state)[0]), sid))
    c.execute("CREATE TABLE story_keys_old (key TEXT NOT NULL, last TEXT NOT NULL, story_id INTEGER NOT NULL, "
              "PRIMARY KEY (key, last, story_id)) WITHOUT ROWID")
    c.executemany("INSERT INTO story_keys_old VALUES (?, ?, ?)",
                  [(k, date.fromordinal(d).isoformat() if d else "", s)
                   for k, d, s in c.execute("SELECT key, last, story_id FROM story_keys").fetchall()])
    c.execute("DROP TABLE story_keys")
    c.execute("ALTER TABLE story_keys_old RENAME TO story_keys")
    c.execute("CREATE INDEX story_keys_story ON story_keys(story_id)")
    for table in ("mentions", "quotes", "amounts", "times"):
        c.execute(f"ALTER TABLE {table} ADD COLUMN text TEXT")
        c.execute(f'UPDATE {table} SET text = (SELECT substr(a.text, {table}.start + 1, {table}."end" - '
                  f"{table}.start) FROM articles a WHERE a.id = {table}.article_id)")
    c.execute("CREATE INDEX mentions_entity ON mentions(entity_id)")
    c.execute("CREATE INDEX events_date ON events(date)")
    c.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", (str(MIGRATIONS.index(LEAN_STORAGE)),))
    c.execute("COMMIT")
    c.close()


def _reads(db: Path) -> dict[str, object]:
    """What `search`, `show`, `entity`, `stories`, `story` and the fact listings give."""
    from dataclasses import asdict

    from dateline import api

    with api.open(str(db)) as arc:
        ids = sorted(r[0] for r in arc.conn.execute("SELECT id FROM articles"))
        stories = [asdict(s) for s in arc.stories(min_size=1, limit=50)]
        melo = arc.entity("Sebastião Melo")
        return {
            "search": [asdict(h) for h in arc.search("floods")],
            "show": [arc.article(i).to_dict() for i in ids],  # type: ignore[union-attr]
            "entity": asdict(melo),  # type: ignore[call-overload]
            "stories": stories, "story": [asdict(arc.story(s["id"])) for s in stories],  # type: ignore[call-overload]
            "quotes": [asdict(q) for q in arc.quotes(contains="water")],
            "mentions": [asdict(m) for m in arc.mentions(entity=melo.entity.id)],  # type: ignore[union-attr]
            "amounts": [asdict(m) for m in arc.amounts()], "times": [asdict(t) for t in arc.times()],
        }


def _story_rows(db: Path) -> tuple[list[tuple], list[tuple]]:
    c = sqlite3.connect(db)
    try:
        return (c.execute("SELECT id, label, first, last, size, state FROM stories ORDER BY id").fetchall(),
                c.execute("SELECT key, last, story_id FROM story_keys ORDER BY 1, 2, 3").fetchall())
    finally:
        c.close()


def test_an_archive_of_the_previous_schema_reads_the_same_after_the_lean_storage_migration(tmp_path: Path) -> None:
    old, straight = tmp_path / "old.db", tmp_path / "straight.db"
    first, later = list(enumerate(LEAN_REPORTS[:2])), [(2, LEAN_REPORTS[2])]
    for db in (old, straight):
        _lean_write(db, first)
    want = _reads(straight)
    assert want == _reads(old)
    assert want["quotes"] and want["mentions"] and want["amounts"] and want["times"] and want["stories"]
    _as_before_lean_storage(old)
    _lean_write(old, later)  # a write upgrades it ...
    _lean_write(straight, later)
    assert _reads(old) == _reads(straight)
    # ... and the stories it goes on to assign are stored as in an archive made with this schema
    assert _story_rows(old) == _story_rows(straight)
    c = sqlite3.connect(old)
    assert c.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()[0] == str(SCHEMA_VERSION)
    indexes = {r[0] for r in c.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
    assert not indexes & {"story_keys_story", "mentions_entity", "events_date"}
    for table in ("mentions", "quotes", "amounts", "times"):
        assert "text" not in {r[1] for r in c.execute(f"PRAGMA table_info({table})")}
    assert c.execute("SELECT DISTINCT typeof(last) FROM story_keys").fetchall() == [("integer",)]
    c.close()


def test_dropping_a_column_of_a_clustered_table_keeps_the_integrity_check_clean() -> None:
    from dateline.archive.schema import drop_column

    conn = sqlite3.connect(":memory:")
    conn.execute('CREATE TABLE m (article_id TEXT NOT NULL, entity_id TEXT NOT NULL, start INTEGER NOT NULL, '
                 '"end" INTEGER NOT NULL, text TEXT NOT NULL, PRIMARY KEY (article_id, start, "end")) WITHOUT ROWID')
    conn.execute("CREATE INDEX m_entity ON m(entity_id)")
    conn.execute("CREATE INDEX m_text ON m(text)")
    conn.execute("INSERT INTO m VALUES ('a1', 'person:ana', 0, 3, 'Ana')")
    drop_column(conn, "m", "text")
    conn.execute('INSERT INTO m(article_id, entity_id, start, "end") VALUES (?, ?, ?, ?)', ("a2", "gpe:peru", 4, 8))
    assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    assert conn.execute('SELECT article_id, entity_id, start, "end" FROM m ORDER BY article_id').fetchall() == [
        ("a1", "person:ana", 0, 3), ("a2", "gpe:peru", 4, 8)]
    indexes = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'm'")}
    assert "m_entity" in indexes and "m_text" not in indexes


# -- the leaner storage (a contentless stemmed index, the JSON without its spans' text) -----------
def _as_before_leaner_storage(db: Path) -> None:
    """The archive set back to the form the dateline before the leaner storage wrote: a stemmed
    index with its own copy of the stems, and each article's JSON with its spans' text."""
    from dateline.archive.compact import pack_json, unpack_json
    from dateline.archive.schema import LEANER_STORAGE, MIGRATIONS
    from dateline.archive.stemming import STEM_MIGRATION, register

    c = sqlite3.connect(db, isolation_level=None)
    register(c)
    c.execute("BEGIN")
    for trigger in ("articles_stem_ai", "articles_stem_ad", "articles_stem_au"):
        c.execute(f"DROP TRIGGER {trigger}")
    c.execute("DROP TABLE stem_gone")
    for stmt in STEM_MIGRATION:
        c.execute(stmt)
    for rowid, packed, text in c.execute("SELECT rowid, json, text FROM articles").fetchall():
        c.execute("UPDATE articles SET json = ? WHERE rowid = ?", (pack_json(unpack_json(packed, text)), rowid))
    c.execute("ALTER TABLE dedup_signatures ADD COLUMN sig BLOB")  # each article's MinHash, as stored then
    c.execute("UPDATE dedup_signatures SET sig = randomblob(512)")
    c.execute("CREATE TABLE entity_names_old (key TEXT PRIMARY KEY, entity_id TEXT NOT NULL)")  # a rowid table
    c.execute("INSERT INTO entity_names_old SELECT key, entity_id FROM entity_names")
    c.execute("DROP TABLE entity_names")
    c.execute("ALTER TABLE entity_names_old RENAME TO entity_names")
    c.execute("CREATE INDEX entity_names_entity ON entity_names(entity_id)")
    c.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", (str(MIGRATIONS.index(LEANER_STORAGE)),))
    c.execute("COMMIT")
    c.close()


def test_an_archive_of_the_previous_schema_reads_the_same_after_the_leaner_storage_migration(
        tmp_path: Path) -> None:
    from dateline import api
    from dateline.archive.compact import JSON_V1, JSON_V2

    old, straight = tmp_path / "old.db", tmp_path / "straight.db"
    first, later = list(enumerate(LEAN_REPORTS[:2])), [(2, LEAN_REPORTS[2])]
    for db in (old, straight):
        _lean_write(db, first)
    _as_before_leaner_storage(old)
    c = sqlite3.connect(old)
    assert {r[0][0] for r in c.execute("SELECT json FROM articles")} == {JSON_V1}
    assert c.execute("SELECT count(*) FROM articles_stem_content").fetchone()[0] == 2
    c.close()
    _lean_write(old, later)  # a write upgrades it ...
    _lean_write(straight, later)
    assert _reads(old) == _reads(straight)
    with api.open(str(old)) as arc, api.open(str(straight)) as want:  # stemmed: `flooded` finds `floods`
        assert [h.title for h in arc.search("flooded")] == [h.title for h in want.search("flooded")]
        assert len(arc.search("flooded")) == 2
    c = sqlite3.connect(old)
    assert c.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()[0] == str(SCHEMA_VERSION)
    assert {r[0][0] for r in c.execute("SELECT json FROM articles")} == {JSON_V2}
    assert c.execute("SELECT count(*) FROM sqlite_master WHERE name = 'articles_stem_content'").fetchone()[0] == 0
    assert "sig" not in {r[1] for r in c.execute("PRAGMA table_info(dedup_signatures)")}
    assert "WITHOUT ROWID" in c.execute("SELECT sql FROM sqlite_master WHERE name = 'entity_names'").fetchone()[0]
    assert c.execute("SELECT count(*) FROM sqlite_master WHERE name = 'entity_names_entity'").fetchone()[0] == 1
    assert c.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    c.execute("INSERT INTO articles_stem(articles_stem) VALUES ('integrity-check')")
    c.close()
