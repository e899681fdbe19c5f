"""The events kind: PLOVER events written to the archive with their mentions, read back with
the filters users give (type or quad, either side's entity or country, the event's dates)."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from dateline.archive.facts import store_facts
from dateline.archive.kinds import KINDS, Filters
from dateline.archive.kinds import events as kind
from dateline.archive.schema import migrate
from dateline.errors import QueryError
from dateline.model import Article, Claim, Entity, Event, Mention, Party, Place, Source, Span

TEXT = ("Government troops shelled rebel positions near Port Alder on Tuesday, the army said. "
        "The shelling of rebel positions went on into the night. "
        "Officials in Norland and Sudmark agreed to resume talks in March.")


def _at(part: str) -> tuple[int, int]:
    return TEXT.index(part), TEXT.index(part) + len(part)


def _sentence(n: int) -> Span:
    cuts = [0, TEXT.index("The shelling"), TEXT.index("Officials"), len(TEXT)]
    return Span(cuts[n], cuts[n + 1] - 1)


def _article(aid: str = "a1", published: str = "2024-05-08") -> Article:
    shelling = Event("ASSAULT", "MCONF", Party("Government troops", None, "NRL", "MIL"),
                     Party("rebel positions", None, None, "REB"), [_sentence(0), _sentence(1)], mode="artillery",
                     place=Place("Port Alder", "NRL", "geonames:901", 51.25, -3.5), date="2024-05-07",
                     date_from="text", flags=["claimed"],
                     source=Claim("the army", None), trigger="shelled")
    talks = Event("AGREE", "VCOOP", Party("Officials in Norland", "local-norland", "NRL", "GOV"),
                  Party("Sudmark", None, "SDM", "GOV"), [_sentence(2)], date="2024-03", date_from="text",
                  flags=["future"], trigger="agreed")
    return Article(id=aid, source=Source("t", 1, "txt"), text=TEXT, paragraphs=[Span(0, len(TEXT))],
                   published=published, title="Shelling near Port Alder",
                   entities=[Entity("local-norland", "Norland", "GPE", mentions=[Mention(*_at("Norland"), "Norland")])],
                   events=[shelling, talks])


@pytest.fixture
def conn(tmp_path: Path) -> sqlite3.Connection:
    c = sqlite3.connect(tmp_path / "e.db", isolation_level=None)
    c.row_factory = sqlite3.Row
    migrate(c)
    return c


def _store(conn: sqlite3.Connection, a: Article) -> None:
    store_facts(conn, a)
    conn.execute("INSERT INTO articles(id, published, title, text, json, added) VALUES (?,?,?,?,?,?)",
                 (a.id, a.published, a.title, a.text, json.dumps(a.to_dict()), "now"))


def test_events_come_right_after_entities_in_the_registry() -> None:
    assert list(KINDS)[:2] == ["entities", "events"]  # entities give the ids the sides refer to


def test_an_event_reads_back_as_written_with_its_mentions(conn: sqlite3.Connection) -> None:
    a = _article()
    _store(conn, a)
    shelling, talks = kind.read(conn, Filters())
    assert shelling.to_dict() | {"article_id": "", "published": None, "title": None} == \
        a.events[0].to_dict() | {"article_id": "", "published": None, "title": None}
    assert [TEXT[m.start:m.end][:24] for m in shelling.mentions] == ["Government troops shelle",
                                                                     "The shelling of rebel po"]
    assert (shelling.article_id, shelling.published, shelling.title) == ("a1", "2024-05-08", a.title)
    # the side's article-local entity became the archive's id, in the record and the article
    assert talks.actor.entity == "gpe:norland" == a.events[1].actor.entity


def test_filters_by_type_quad_country_entity_and_sides(conn: sqlite3.Connection) -> None:
    _store(conn, _article())

    def types(**given: object) -> list[str]:
        return [e.type for e in kind.read(conn, Filters(**given))]

    assert types(kind="assault") == ["ASSAULT"]
    assert types(kind="VCOOP") == ["AGREE"]
    assert types(country="sdm") == ["AGREE"]  # the recipient's country counts
    assert types(country="NRL") == ["ASSAULT", "AGREE"]
    assert types(entity="gpe:norland") == ["AGREE"]
    assert types(actor="Norland") == ["AGREE"]  # an entity's name finds it as the actor
    assert types(actor="troops") == ["ASSAULT"]  # words that name no entity match the side's text
    assert types(recipient="troops") == []
    assert types(recipient="Sudmark") == ["AGREE"]
    with pytest.raises(QueryError, match="unknown event type"):
        types(kind="HUGGED")


def test_dates_are_the_articles_and_the_record_keeps_the_events_own(conn: sqlite3.Connection) -> None:
    _store(conn, _article())
    _store(conn, _article("a2", "2024-06-01"))
    # the talks are dated March by their clause; the filter keeps the facts of May's article
    found = list(kind.read(conn, Filters(date_from="2024-05", date_to="2024-05")))
    assert [(e.article_id, e.type, e.date) for e in found] == [("a1", "ASSAULT", "2024-05-07"),
                                                               ("a1", "AGREE", "2024-03")]


def test_filters_by_sector_and_flags(conn: sqlite3.Connection) -> None:
    a = _article()
    a.events.append(Event("PROTEST", "MCONF", Party("strikers", None, "NRL", "LAB"), None, [_sentence(1)]))
    _store(conn, a)

    def types(**given: object) -> list[str]:
        return [e.type for e in kind.read(conn, Filters(**given))]

    assert types(sector="reb") == ["ASSAULT"]  # the recipient's sector counts
    assert types(sector="GOV") == ["AGREE"]
    assert types(flags="claimed") == ["ASSAULT"]
    assert types(flags="future, claimed") == []  # every flag named must be there
    assert types(flags="none") == ["PROTEST"]  # plain events: no flag
    with pytest.raises(QueryError, match="unknown event flag 'sure'"):
        types(flags="sure")


def test_dates_can_be_the_events_own(conn: sqlite3.Connection) -> None:
    _store(conn, _article())
    _store(conn, _article("a2", "2024-06-01"))
    found = [(e.article_id, e.type) for e in kind.read(conn, Filters(date_from="2024-03", date_to="2024-03",
                                                                       dates="event"))]
    assert found == [("a2", "AGREE"), ("a1", "AGREE")]  # dated March by their clause
    found = [e.article_id for e in kind.read(conn, Filters(date_from="2024-05-07", date_to="2024-05-07",
                                                           dates="event"))]
    assert found == ["a2", "a1"]
    with pytest.raises(QueryError, match="dates must be one of"):
        list(kind.read(conn, Filters(dates="stored")))


def test_counts_per_day_by_type_and_by_country(conn: sqlite3.Connection) -> None:
    _store(conn, _article())
    assert kind.per_day(conn, Filters()) == {"ASSAULT": {"2024-05-07": 1}}  # `2024-03` is no day
    # each country of either side once per event
    assert kind.per_day(conn, Filters(), by="country") == {"NRL": {"2024-05-07": 1}}
    a = _article("a2")
    a.events[1].date = "2024-03-05"
    _store(conn, a)
    assert kind.per_day(conn, Filters(kind="AGREE"), by="country") == {
        "NRL": {"2024-03-05": 1}, "SDM": {"2024-03-05": 1}}
    with pytest.raises(QueryError, match="counted by one of"):
        kind.per_day(conn, Filters(), by="outlet")


def test_an_event_without_sides_or_place_reads_back_without_them(conn: sqlite3.Connection) -> None:
    a = _article()
    a.events = [Event("PROTEST", "MCONF", None, None, [_sentence(1)])]
    _store(conn, a)
    (e,) = kind.read(conn, Filters())
    assert (e.actor, e.recipient, e.place, e.source, e.flags, e.date_from) == (None, None, None, None, [], "published")


def test_one_mark_per_mention_and_a_line_per_event() -> None:
    a = _article()
    marks = kind.highlight(a)
    assert [(m.kind, m.start) for m in marks] == [("event", 0), ("event", _sentence(1).start),
                                                  ("event", _sentence(2).start)]
    assert marks[0].title == "ASSAULT · Government troops (NRL) → rebel positions"
    assert kind.describe(a.events[0]) == ("[ASSAULT] Government troops (NRL) → rebel positions · artillery · "
                                          "Port Alder · 2024-05-07 · claimed (says the army)")


def test_the_migration_fills_events_from_articles_already_stored(tmp_path: Path) -> None:
    from dateline.archive import schema

    c = sqlite3.connect(tmp_path / "old.db", isolation_level=None)
    c.row_factory = sqlite3.Row
    c.execute("BEGIN")
    for stmts in schema.MIGRATIONS[:10]:
        for stmt in stmts:
            c.execute(stmt)
    c.execute("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT)")
    c.execute("INSERT INTO meta VALUES ('schema_version', '10')")
    a = _article()
    c.execute("INSERT INTO articles(id, published, title, text, json, added) VALUES (?,?,?,?,?,?)",
              (a.id, a.published, a.title, a.text, json.dumps(a.to_dict()), "now"))
    c.execute("COMMIT")
    assert migrate(c) == 10
    shelling, talks = kind.read(c, Filters())
    assert shelling.mentions == a.events[0].mentions and shelling.flags == ["claimed"]
    assert talks.actor.entity is None  # the article's own id, which the archive does not have



def test_an_archive_from_before_event_coordinates_gains_them(tmp_path: Path) -> None:
    from dateline.archive import schema

    before = schema.MIGRATIONS.index(kind.PLACE_COLUMNS)
    c = sqlite3.connect(tmp_path / "old.db", isolation_level=None)
    c.row_factory = sqlite3.Row
    migrate(c)
    # the archive as the migration before this one left it: no place columns
    c.execute("BEGIN")
    for col in ("place_id", "place_lat", "place_lon"):
        c.execute(f"ALTER TABLE events DROP COLUMN {col}")
    c.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", (str(before),))
    c.execute("INSERT INTO events(article_id, n, type, quad, place_text, place_country) "
              "VALUES ('a0', 0, 'PROTEST', 'MCONF', 'Port Alder', 'NRL')")
    c.execute("INSERT INTO articles(id, published, text, json, added) VALUES ('a0', '2024-05-01', 'x', '{}', 'now')")
    c.execute("COMMIT")
    assert migrate(c) == before
    (old,) = kind.read(c, Filters())
    assert old.place == Place("Port Alder", "NRL")  # stored before: no entry to place it
    _store(c, _article("a2"))
    placed = next(e for e in kind.read(c, Filters()) if e.article_id == "a2" and e.place)
    assert (placed.place.id, placed.place.lat, placed.place.lon) == ("geonames:901", 51.25, -3.5)
    assert c.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()[0] == str(schema.SCHEMA_VERSION)


def test_a_side_follows_its_entity_when_an_acronym_is_defined_later(conn: sqlite3.Connection) -> None:
    text = "NWU staged a strike."
    first = Article(id="b1", source=Source("t", 1, "txt"), text=text, paragraphs=[Span(0, len(text))],
                    published="2024-05-01", entities=[Entity("x", "NWU", "ORG", mentions=[Mention(0, 3, "NWU")])],
                    events=[Event("PROTEST", "MCONF", Party("NWU", "x", None, "CVL"), None, [Span(0, len(text))])])
    _store(conn, first)
    full = "National Workers Union met."
    _store(conn, Article(id="b3", source=Source("t", 3, "txt"), text=full, paragraphs=[Span(0, len(full))],
                         entities=[Entity("z", "National Workers Union", "ORG",
                                          mentions=[Mention(0, 22, "National Workers Union")])]))
    text2 = "The National Workers Union (NWU) met."
    defined = Entity("y", "National Workers Union", "ORG", aliases=["NWU"],
                     mentions=[Mention(4, 26, "National Workers Union"), Mention(28, 31, "NWU")])
    _store(conn, Article(id="b2", source=Source("t", 2, "txt"), text=text2, paragraphs=[Span(0, len(text2))],
                         published="2024-05-02", entities=[defined]))
    (e,) = kind.read(conn, Filters())
    assert e.actor.entity == "org:national-workers-union"  # the acronym's entity was folded into it
