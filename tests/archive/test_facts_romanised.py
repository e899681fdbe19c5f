"""Linking across languages: a Russian person and an English one are one entity only when a
romanisation standard of the Russian full name gives the English name; nothing else links them,
and Russian names get ids of their own (archive/facts.py `_romanised_keys`, `slug`)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from dateline.archive.facts import slug, store_facts
from dateline.archive.queries import top_entities
from dateline.archive.schema import migrate
from dateline.model import Article, Entity, Mention, Source, Span


def _conn(tmp_path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(tmp_path / "f.db", isolation_level=None)
    conn.row_factory = sqlite3.Row
    migrate(conn)
    return conn


def _insert(conn: sqlite3.Connection, aid: str, *entities: Entity) -> None:
    text = "x" * 20
    a = Article(id=aid, source=Source("t", 0, "txt"), text=text, paragraphs=[Span(0, len(text))],
                entities=list(entities))
    store_facts(conn, a)
    conn.execute("INSERT INTO articles(id, published, title, text, json, added) VALUES (?,?,?,?,?,?)",
                 (a.id, None, None, a.text, "{}", "now"))


def _e(name: str, etype: str = "PERSON", *aliases: str) -> Entity:
    return Entity(f"local:{name}", name, etype, aliases=list(aliases), mentions=[Mention(0, 1, "x")])


def _articles(conn: sqlite3.Connection, etype: str = "PERSON") -> dict[str, int]:
    return {r["name"]: r["articles"] for r in top_entities(conn, etype)}


def test_a_russian_full_name_links_its_standard_romanisations_in_either_order(tmp_path: Path) -> None:
    conn = _conn(tmp_path)
    _insert(conn, "a1", _e("Sergei Lavrov"))          # ICAO / wire spelling, stored first
    _insert(conn, "a2", _e("Сергей Лавров", "PERSON", "Лавров"))
    _insert(conn, "a3", _e("Sergey Lavrov"))          # Wikipedia / BGN-PCGN spelling, after
    _insert(conn, "a4", _e("Дмитрий Песков"))
    _insert(conn, "a5", _e("Dmitry Peskov"))
    assert _articles(conn) == {"Sergei Lavrov": 3, "Дмитрий Песков": 2}


def test_a_surname_a_spelling_no_standard_gives_and_places_do_not_link(tmp_path: Path) -> None:
    conn = _conn(tmp_path)
    _insert(conn, "a1", _e("Лавров"), _e("Алексей Навальный"), _e("Газпром", "ORG"), _e("Москва", "GPE"))
    _insert(conn, "a2", _e("Lavrov"), _e("Alexei Navalny"), _e("Gazprom", "ORG"), _e("Moskva", "GPE"))
    assert _articles(conn) == {"Лавров": 1, "Lavrov": 1, "Алексей Навальный": 1, "Alexei Navalny": 1}
    assert _articles(conn, "ORG") == {"Газпром": 1, "Gazprom": 1}
    assert _articles(conn, "GPE") == {"Москва": 1, "Moskva": 1}


def test_two_russian_people_never_share_an_id() -> None:
    assert slug("PERSON", "Сергей Лавров").startswith("person:sergey-lavrov~")
    assert slug("PERSON", "Сергей Лавров") != slug("PERSON", "Сергей Шойгу")
    assert slug("PERSON", "Sergey Lavrov") == "person:sergey-lavrov"
    assert slug("ORG", "Société Générale") == "org:societe-generale"
