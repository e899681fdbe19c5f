"""The read API, one test (at least) per method of the archive object, on a hand-built archive."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

import dateline
from dateline.api import NewsArchive
from dateline.errors import ArchiveError, QueryError, UsageError
from dateline.model import Ambiguous, AmountRecord, EntityDetail, QuoteRecord, Results


@pytest.fixture(scope="module")
def arc(db: str) -> NewsArchive:
    return dateline.open(db)


def test_open_takes_the_path_or_the_settings_db(db: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DATELINE_DB", db)
    with dateline.open() as arc:
        assert arc.path == db and arc.stats().articles == 4
    with pytest.raises(ArchiveError, match="no archive at"):
        dateline.open(tmp_path / "none.db")
    assert not (tmp_path / "none.db").exists()  # opening never creates an archive


def test_search_filters_by_entity_outlet_and_dates(arc: NewsArchive) -> None:
    assert {h.title for h in arc.search("said")} >= {"Ruiz says count will be calm", "Grain exports rise"}
    by_person = arc.search("said", entity="Pablo Ruiz")
    assert [h.title for h in by_person] == ["Grain exports rise"]
    assert {h.title for h in arc.search("said", outlet="Evening Post")} == {"Turnout reaches 61 percent"}
    assert {h.published[:7] for h in arc.search("said", date_from="2024-05")} == {"2024-05"}
    with pytest.raises(QueryError, match="names 2 entities"):
        arc.search("said", entity="Ruiz")  # a filter does not guess between two people
    with pytest.raises(QueryError, match="date_from"):
        arc.search("said", date_from="last week")


def test_search_window_marks_a_broad_query(db: str) -> None:
    narrow = dateline.open(db, dateline.Settings(search_window=1))
    hits = narrow.search("said")
    assert hits.windowed and len(hits) == 1
    assert not narrow.search("said", exhaustive=True).windowed


def test_article_copies_and_sources(arc: NewsArchive) -> None:
    (hit,) = arc.search("calm")
    a = arc.article(hit.id[:8])
    assert a is not None and a.title == "Ruiz says count will be calm" and a.cluster.kind == "exact"
    assert {s["outlet"] for s in arc.sources(a.id)} == {"Daily Wire", "Mirror"}
    assert arc.copies(a.id).to_dicts() == []  # an exact copy is a source, not another article
    assert arc.article("ffffffffffffffff") is None


def test_entities_by_type_and_name(arc: NewsArchive) -> None:
    assert [e.name for e in arc.entities(kind="PERSON")] == ["Ana Ruiz", "Pablo Ruiz"]
    assert [e.name for e in arc.entities(name="energy")] == ["National Energy Board"]
    assert [e.name for e in arc.entities(date_from="2024-05", kind="person")] == ["Pablo Ruiz"]
    with pytest.raises(QueryError, match="unknown entity type"):
        arc.entities(kind="ALIEN")


def test_entity_by_name_alias_or_id_and_ambiguous_names(arc: NewsArchive) -> None:
    ana = arc.entity("ana ruiz")
    assert isinstance(ana, EntityDetail) and ana.entity.id == "person:ana-ruiz"
    assert ana.per_month == {"2024-03": 1, "2024-04": 1} and [q.text for q in ana.quotes] == ["We expect a calm count"]
    assert ana.to_dict()["article_count"] == 2 and len(ana.to_dict()["articles"]) == 2
    surname = arc.entity("Ruiz")
    assert isinstance(surname, Ambiguous)
    assert [c.name for c in surname.candidates] == ["Ana Ruiz", "Pablo Ruiz"]  # most covered first
    acronym = arc.entity("NEB")
    assert isinstance(acronym, Ambiguous) and len(acronym.candidates) == 2
    assert isinstance(arc.entity("org:national-energy-board"), EntityDetail)
    assert arc.entity("Nobody Atall") is None


def test_quotes_by_speaker_kind_and_dates(arc: NewsArchive) -> None:
    rows = arc.quotes(speaker="Pablo Ruiz")
    assert isinstance(rows, Results) and [type(r) for r in rows] == [QuoteRecord]
    assert rows[0].to_dict()["speaker_entity"] == "person:pablo-ruiz"
    assert [q.text for q in arc.quotes(date_from="2024-03", date_to="2024-03")] == ["We expect a calm count"]
    assert [q.text for q in arc.quotes(entity="Ana Ruiz")] == ["We expect a calm count"]
    assert len(arc.quotes(language="en")) == 2  # the fixture's articles are detected as English
    assert arc.quotes(language="de") == []
    with pytest.raises(QueryError, match="direct, indirect"):
        arc.quotes(kind="sarcastic")


def test_amounts_by_unit_and_value_range(arc: NewsArchive) -> None:
    assert [m.value for m in arc.amounts(unit="usd")] == [2e6, 40e6]  # newest article first
    assert [m.text for m in arc.amounts(value_min=10, value_max=100)] == ["12 percent", "61 percent"]
    assert [m.text for m in arc.amounts(outlet="Evening Post")] == ["61 percent"]
    assert [m.unit for m in arc.amounts(entity="National Energy Board")] == ["USD"]
    assert isinstance(arc.amounts(limit=1)[0], AmountRecord) and len(arc.amounts(limit=1, offset=1)) == 1
    with pytest.raises(QueryError, match="empty"):
        arc.amounts(value_min=5, value_max=1)


def test_times_by_type_and_value(arc: NewsArchive) -> None:
    assert {t.value for t in arc.times()} == {"2024-03-07", "2024-04-08", "2024-Q1", "2024-05"}
    assert [t.text for t in arc.times(kind="date", date_to="2024-03")] == ["Thursday"]


def test_events_by_type_sides_country_and_dates(arc: NewsArchive) -> None:
    (e,) = arc.events()
    assert (e.type, e.actor.entity, e.recipient.sector) == ("SANCTION", "org:national-energy-board", "BUS")
    assert arc.events(type="mconf") == arc.events(type="SANCTION") == arc.events(actor="National Energy Board")
    assert arc.events(recipient="utility") == arc.events(country="nrl") == arc.events(entity="National Energy Board")
    assert not arc.events(date_to="2024-04") and not arc.events(actor="utility")
    assert arc.facts("events", kind="SANCTION") == arc.events(type="SANCTION")
    with pytest.raises(QueryError, match="unknown event type"):
        arc.events(type="WAVED")


def test_mentions_are_spans_of_the_article_text(arc: NewsArchive) -> None:
    rows = arc.mentions(entity="Ana Ruiz")
    assert len(rows) == 3 and {m.entity_id for m in rows} == {"person:ana-ruiz"}
    for m in rows:
        a = arc.article(m.article_id)
        assert a is not None and a.text[m.start:m.end] == m.text


def test_facts_is_the_same_door_for_every_kind(arc: NewsArchive) -> None:
    assert arc.facts("quotes", speaker="Pablo Ruiz") == arc.quotes(speaker="Pablo Ruiz")
    assert arc.facts("amounts", kind=None, unit="percent") == arc.amounts(unit="percent")
    assert len(arc.facts("entities", kind="ORG")) == 2
    with pytest.raises(UsageError, match="unknown fact kind"):
        arc.facts("rumours")
    with pytest.raises(UsageError, match="take no filter `unit`"):
        arc.facts("quotes", unit="USD")


def test_clusters_count_exact_copies(arc: NewsArchive) -> None:
    (c,) = arc.clusters(min_size=2)
    assert c.kind == "exact" and c.size == 2 and c.outlets == ["Daily Wire", "Mirror"]
    assert len(arc.clusters(min_size=1)) == 4
    with pytest.raises(UsageError):
        arc.clusters(min_size=0)


def test_rebuild_clusters_needs_a_writable_archive(db: str, arc: NewsArchive) -> None:
    with pytest.raises(UsageError, match="readonly=False"):
        arc.rebuild_clusters()
    with dateline.open(db, readonly=False) as w:
        assert w.rebuild_clusters(0.9) == 0  # no near duplicates among four different stories


def test_stats_and_overview(arc: NewsArchive) -> None:
    s = arc.stats()
    assert (s.articles, s.sources, s.per_month) == (4, 5, {"2024-03": 1, "2024-04": 1, "2024-05": 2})
    o = arc.overview()
    assert o["articles"] == 4 and o["top_entities"][0]["name"] == "Ana Ruiz" and o["clusters"] is True
    assert [x["outlet"] for x in arc.outlets()] == ["Daily Wire", "Evening Post"]
    assert [r.published for r in arc.recent(2)] == ["2024-05-03", "2024-05-02"]


def test_facets_count_matches_by_entity_outlet_and_month(arc: NewsArchive) -> None:
    f = arc.facets("said")
    assert f["matches"] == 3 and {m["key"] for m in f["months"]} == {"2024-03", "2024-04", "2024-05"}


def test_export_and_write_articles(arc: NewsArchive, tmp_path: Path) -> None:
    counts = arc.export(str(tmp_path / "t"), "parquet", date_from="2024-05")
    assert counts["articles"] == 2 and counts["quotes"] == 1 and counts["entities"] == 2
    out = io.StringIO()
    assert arc.write_articles(out, "jsonl", query="grain") == 1
    assert json.loads(out.getvalue())["title"] == "Grain exports rise"
    assert [a.title for a in arc.iter_articles(query="turnout")] == ["Turnout reaches 61 percent"]


def test_resolve_entity_gives_one_entity_or_says_why_not(arc: NewsArchive) -> None:
    assert arc.resolve_entity("Pablo Ruiz").id == "person:pablo-ruiz"
    with pytest.raises(QueryError, match="no entity 'Nobody'"):
        arc.resolve_entity("Nobody")
    with pytest.raises(QueryError, match="names 2 entities"):
        arc.resolve_entity("NEB")


def test_search_in_one_language_stems_the_query_in_it(tmp_path: Path) -> None:
    from tests.languages_archive import build

    with dateline.open(build(tmp_path)) as arc:
        assert arc.languages() == ["de", "en", "ru"]
        # `Лавров` finds the article that says `Лаврова`/`Лавровым` only through the Russian stem
        (hit,) = arc.search("Лавров", language="ru")
        assert hit.title == "Встреча министров"
        assert not arc.search("Лавров", language="ru", exact=True)  # the word form alone is not in the text
        assert [h.title for h in arc.search("budget", language="EN")] and not arc.search("budget", language="de")
        with pytest.raises(QueryError, match="ISO 639-1"):
            arc.search("budget", language="english")
