"""The fact registry: every kind declared once, and the writer, reader, schema and highlighters
iterating over the declarations."""

from __future__ import annotations

import dataclasses
import sqlite3
from pathlib import Path

import pytest

from dateline.archive import kinds
from dateline.archive.facts import store_facts
from dateline.archive.kinds import KINDS, Filters
from dateline.archive.schema import migrate
from dateline.errors import ArchiveError, UsageError
from dateline.model import (
    Amount,
    Article,
    Dateline,
    Entity,
    Event,
    Location,
    Mention,
    Party,
    Quote,
    Source,
    Span,
    Time,
)

TEXT = 'Minister Ana Ruiz said on Monday that "the $5 million fund is ready".'
SAID = "the $5 million fund is ready"


def _article() -> Article:
    def at(part: str) -> tuple[int, int]:
        return TEXT.index(part), TEXT.index(part) + len(part)

    return Article(
        id="a1", source=Source("t", 1, "txt"), text=TEXT, paragraphs=[Span(0, len(TEXT))], published="2024-02-05",
        entities=[Entity("local-1", "Ana Ruiz", "PERSON", mentions=[Mention(*at("Ana Ruiz"), "Ana Ruiz")])],
        quotes=[Quote(SAID, "direct", "Ana Ruiz", "local-1", *at(SAID))],
        amounts=[Amount("$5 million", 5e6, "USD", None, None, *at("$5 million"))],
        times=[Time("Monday", "2024-02-05", *at("Monday"))],
        events=[Event("SUPPORT", "VCOOP", Party("Minister Ana Ruiz", "local-1", None, "GOV"), None,
                      [Span(0, len(TEXT))], trigger="said")],
        dateline=Dateline("OSLO (Wire) -", "Oslo", "Wire",
                          location=Location("geonames:3143244", "Oslo", "city", "NOR", None, 59.91, 10.75)),
    )


@pytest.fixture
def conn(tmp_path: Path) -> sqlite3.Connection:
    c = sqlite3.connect(tmp_path / "k.db", isolation_level=None)
    c.row_factory = sqlite3.Row
    migrate(c)
    return c


def test_every_kind_is_declared_with_its_parts() -> None:
    # entities first: they give the ids
    assert list(KINDS) == ["entities", "events", "quotes", "amounts", "times", "places"]
    for kind in KINDS.values():
        # places are gathered from the entities and the dateline (a property of the article)
        assert kind.attr in {f.name for f in dataclasses.fields(Article)} or kind.name == "places"
        assert issubclass(kind.record, kind.fact) or kind.name in ("entities", "places")
        assert kind.exports and all(t.name and t.record for t in kind.exports)
        assert {"date_from", "date_to", "entity", "limit"} <= kind.filters
    with pytest.raises(UsageError, match="unknown fact kind"):
        kinds.get("events ")


def test_written_facts_read_back_through_their_kind(conn: sqlite3.Connection) -> None:
    a = _article()
    store_facts(conn, a)
    conn.execute("INSERT INTO articles(id, published, title, text, json, added) VALUES (?,?,?,?,?,?)",
                 (a.id, a.published, None, a.text, "{}", "now"))
    for kind in KINDS.values():
        (row,) = kind.read(conn, Filters())
        if kind.name == "entities":
            assert (row.id, row.articles, row.mentions) == ("person:ana-ruiz", 1, 1)
        elif kind.name == "events":
            assert row.mentions == [Span(0, len(TEXT))] and row.actor.entity == "person:ana-ruiz"
        elif kind.name == "places":
            assert (row.id, row.country, row.articles, row.mentions, row.datelines) == ("geonames:3143244", "NOR",
                                                                                        1, 0, 1)
        else:
            assert TEXT[row.start:row.end] == row.text and row.article_id == "a1"
    (q,) = KINDS["quotes"].read(conn, Filters(entity="person:ana-ruiz"))
    assert q.speaker_entity == "person:ana-ruiz"  # the entities kind mapped the local id for it


def test_highlights_and_descriptions_come_from_every_kind() -> None:
    a = _article()
    marks = {h.kind: h for kind in KINDS.values() for h in kind.highlight(a)}
    assert set(marks) == {"entity", "quote", "amount", "time", "event"}
    assert all(0 <= h.start < h.end <= len(TEXT) for h in marks.values())
    assert marks["amount"].title == "amount · 5,000,000 USD" and marks["quote"].anchor.startswith("q-")
    assert [KINDS[k].describe(getattr(a, k)[0]) for k in ("quotes", "times")] == [
        "[direct] Ana Ruiz: the $5 million fund is ready", "'Monday': 2024-02-05"]


def test_a_kind_without_its_migration_is_found_when_the_archive_opens(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    rumours = dataclasses.replace(KINDS["times"], name="rumours", tables=("rumours",))
    monkeypatch.setitem(KINDS, "rumours", rumours)
    c = sqlite3.connect(tmp_path / "r.db", isolation_level=None)
    with pytest.raises(ArchiveError, match="rumours facts need the tables rumours"):
        migrate(c)
