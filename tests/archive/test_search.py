from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import settings as hsettings
from hypothesis import strategies as st

from dateline import api
from dateline.archive.search import QueryError, quote_query, search
from dateline.archive.store import Archive
from dateline.settings import Settings

RECORDS = [
    ("2021-03-01", "Wheat prices rose sharply in Chicago as drought hit the plains, traders said on Monday."),
    ("2022-06-15", "The central bank left interest rates unchanged, citing slowing inflation and weak wheat demand."),
    ("2023-09-09", "Flooding closed the main highway north of the capital, officials said, and rescue teams deployed."),
]


@pytest.fixture
def archive(tmp_path: Path, settings: Settings) -> Archive:
    p = tmp_path / "d.txt"
    p.write_text("".join(f"date {d} {t}\n" for d, t in RECORDS))
    api.ingest([str(p)], settings)
    arch = Archive(settings.db, readonly=True)
    yield arch
    arch.close()


def test_search_ranks_and_snippets(archive: Archive) -> None:
    hits = search(archive.conn, "wheat")
    assert len(hits) == 2
    assert all("[wheat]" in h.snippet.lower() or "[wheat" in h.snippet.lower() for h in hits)


def test_date_filters_and_sort(archive: Archive) -> None:
    assert [h.published for h in search(archive.conn, "wheat", date_from="2022")] == ["2022-06-15"]
    assert [h.published for h in search(archive.conn, "wheat", date_to="2021-03")] == ["2021-03-01"]
    dates = [h.published for h in search(archive.conn, "wheat OR flooding", sort="date")]
    assert dates == ["2023-09-09", "2022-06-15", "2021-03-01"]


def test_fts_syntax_and_literal(archive: Archive) -> None:
    assert len(search(archive.conn, '"interest rates"')) == 1
    assert len(search(archive.conn, "wheat NOT drought")) == 1
    assert len(search(archive.conn, "wheat (", literal=True)) == 2
    assert len(search(archive.conn, "wheat AND", literal=True)) == 1  # AND is a plain word here


@pytest.mark.parametrize("query", ["wheat AND (", '"unclosed', "", "x" * 600])
def test_malformed_queries_raise_query_error(archive: Archive, query: str) -> None:
    with pytest.raises(QueryError):
        search(archive.conn, query)


def test_bad_dates_raise_query_error(archive: Archive) -> None:
    with pytest.raises(QueryError, match="date_from"):
        search(archive.conn, "wheat", date_from="last tuesday")


@hsettings(max_examples=60, deadline=None)
@given(st.text(max_size=60))
def test_quoted_queries_never_raise(tmp_path_factory: pytest.TempPathFactory, text: str) -> None:
    arch = _shared_archive(tmp_path_factory)
    if quote_query(text):
        search(arch.conn, text, literal=True)


_CACHE: dict[str, Archive] = {}


def _shared_archive(factory: pytest.TempPathFactory) -> Archive:
    if "a" not in _CACHE:
        d = factory.mktemp("q")
        p = d / "d.txt"
        p.write_text("".join(f"date {dt} {t}\n" for dt, t in RECORDS))
        s = Settings(db=str(d / "q.db"), extract=False)
        api.ingest([str(p)], s)
        _CACHE["a"] = Archive(s.db, readonly=True)
    return _CACHE["a"]


def test_facets_and_entity_filter(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from dateline.archive.search import facets
    from dateline.archive.search import search as run_search
    from dateline.archive.store import Archive
    from tests.web.fixture_archive import build

    with Archive(build(tmp_path / "f.db"), readonly=True) as archive:
        f = facets(archive.conn, "said")
        assert f["matches"] == 3 and f["complete"]
        assert {e["name"]: e["count"] for e in f["entities"]} == {"Ana Ruiz": 2, "National Electoral Board": 2}
        assert f["outlets"] == [{"key": "Test Wire", "count": 3}]
        assert facets(archive.conn, "said", scan=2)["complete"] is False
        hits = run_search(archive.conn, "said", entity="person:ana-ruiz", marks=("<<", ">>"))
        assert len(hits) == 2 and all("<<said>>" in h.snippet.lower() for h in hits)


def test_window_ranks_only_the_newest_matches(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from dateline.archive.search import search as run_search
    from dateline.archive.store import Archive
    from tests.web.fixture_archive import build

    with Archive(build(tmp_path / "w.db"), readonly=True) as archive:
        newest = archive.conn.execute(
            "SELECT a.id FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid "
            "WHERE articles_fts MATCH 'said' ORDER BY articles_fts.rowid DESC LIMIT 2").fetchall()
        hits = run_search(archive.conn, "said", window=2)
        assert {h.id for h in hits} == {r[0] for r in newest}
        assert len(run_search(archive.conn, "said")) == 3
        assert {h.id for h in run_search(archive.conn, "said", window=2, entity="person:ana-ruiz")} == {
            h.id for h in run_search(archive.conn, "said", entity="person:ana-ruiz")}
