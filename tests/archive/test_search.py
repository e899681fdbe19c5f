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


# -- news as typed --------------------------------------------------------------------------
TYPED = [
    ("2020-01-06", "U.S. officials met AT&T executives before the G-7 summit on Monday."),
    ("2020-02-11", "A Boeing 747-400 carrying Sheikh al-Sabah landed in Kuwait City after a delay."),
    ("2020-03-16", "Nazer's plan was rejected by Daesh/ISIS commanders, the statement said on Monday."),
    ("2020-04-20", "He said a lone s was printed on the sign, and traders shrugged at the error."),
    ("2020-05-25", "Ceasefire talks in Kyiv went on near the border, the foreign ministry said."),
    ("2020-06-29", "Daesh fighters attacked a checkpoint north of the city, the army said on Monday."),
    ("2020-07-13", "John Godfrey, the special envoy, visited the coalition headquarters on Monday."),
    ("2020-08-17", "Godfrey Mensah won the marathon in a record time, the organisers said."),
]


def _with_entities(path: Path) -> str:
    """The TYPED records stored with entities attached by hand (no model): Daesh with its other
    names, and an envoy whose surname alone is also another man's first name."""
    from dateline.model import Entity, Mention, RawRecord, Source
    from dateline.pipeline import clean_one

    settings = Settings(db=str(path), extract=False)
    outcomes = []
    for i, (date, text) in enumerate(TYPED):
        o = clean_one(RawRecord(Source("typed.jsonl", i + 1, "jsonl"), text=text, date=date), settings)
        assert o.article is not None, o.rejected
        t = o.article.text
        if t.startswith("Daesh fighters"):
            o.article.entities = [Entity("e1", "Daesh", "ORG", aliases=["ISIS", "ISIL", "Islamic State"],
                                         mentions=[Mention(0, 5, "Daesh")])]
        if t.startswith("John Godfrey"):
            o.article.entities = [Entity("e2", "John Godfrey", "PERSON", aliases=["Godfrey"],
                                         mentions=[Mention(0, 12, "John Godfrey")])]
        outcomes.append(o)
    with Archive(str(path)) as archive:
        archive.write(outcomes)
    return str(path)


@pytest.fixture
def typed(tmp_path: Path) -> Archive:
    arch = Archive(_with_entities(tmp_path / "typed.db"), readonly=True)
    yield arch
    arch.close()


def _firsts(hits: list) -> set[str]:  # type: ignore[type-arg]
    return {h.snippet.replace("[", "").replace("]", "").split()[0] for h in hits}


@pytest.mark.parametrize(("query", "first"), [
    ("U.S.", "U.S."), ("AT&T", "U.S."), ("G-7", "U.S."), ("747-400", "A"), ("al-Sabah", "A"),
    ("Nazer's", "Nazer's"), ("Daesh/ISIS", "Nazer's"), ("Kyiv,", "Ceasefire"), ("U.S.*", "U.S."),
])
def test_a_term_with_inner_punctuation_is_the_phrase_of_its_words(typed: Archive, query: str, first: str) -> None:
    assert _firsts(search(typed.conn, query, exact=True)) == {first}


def test_fts5_syntax_still_works(typed: Archive) -> None:
    assert _firsts(search(typed.conn, '"ceasefire" AND Kyiv')) == {"Ceasefire"}
    assert _firsts(search(typed.conn, "NEAR(ceasefire border, 8)")) == {"Ceasefire"}
    assert _firsts(search(typed.conn, "NEAR(ceasefire border, 3)")) == set()
    assert _firsts(search(typed.conn, "cease*")) == {"Ceasefire"}
    assert _firsts(search(typed.conn, "marathon OR checkpoint")) == {"Godfrey", "Daesh"}
    assert _firsts(search(typed.conn, "title:anything OR text:marathon")) == {"Godfrey"}


def test_literal_us_is_one_phrase_not_every_lone_s(typed: Archive) -> None:
    assert quote_query("U.S. wheat AND (") == '"U S" "wheat" "AND"'
    assert _firsts(search(typed.conn, "U.S.", literal=True)) == {"U.S."}


@pytest.mark.parametrize("query", ["*", "*ceasefire", "wheat AND *", '"ceasefire talks', "(Kyiv", "Kyiv)",
                                   "Kyiv AND", "NOT", "NEAR(ceasefire"])
def test_a_malformed_query_is_one_readable_line(typed: Archive, query: str) -> None:
    with pytest.raises(QueryError) as err:
        search(typed.conn, query)
    assert "\n" not in str(err.value) and "malformed query" in str(err.value)


def test_a_term_naming_an_entity_matches_its_other_names(typed: Archive) -> None:
    assert _firsts(search(typed.conn, "ISIS")) == {"Nazer's", "Daesh"}
    assert _firsts(search(typed.conn, "ISIS", exact=True)) == {"Nazer's"}
    assert _firsts(search(typed.conn, "Islamic State")) == {"Daesh", "Nazer's"}  # the whole query names it
    assert _firsts(search(typed.conn, "Islamic State", exact=True)) == set()
    assert _firsts(search(typed.conn, '"Islamic State" AND checkpoint')) == {"Daesh"}
    # a surname alone names no one for sure: neither it nor the full name reaches the other Godfrey
    assert _firsts(search(typed.conn, "John Godfrey")) == {"John"}
    assert _firsts(search(typed.conn, "Godfrey")) == {"John", "Godfrey"}


@pytest.mark.parametrize(("date_from", "date_to", "message"), [
    ("1987-13", None, "not a date of the calendar"), ("2021-02-30", None, "not a date of the calendar"),
    (None, "2021-00", "not a date of the calendar"), ("2022", "2021-12", "later than"),
    ("2021-09-10", "2021-09-09", "later than"),
])
def test_impossible_dates_and_backward_ranges_are_errors(typed: Archive, date_from: str | None,
                                                         date_to: str | None, message: str) -> None:
    with pytest.raises(QueryError, match=message):
        search(typed.conn, "Monday", date_from=date_from, date_to=date_to)


def test_a_range_within_one_period_is_not_backwards(typed: Archive) -> None:
    assert len(search(typed.conn, "Monday", date_from="2020-03-01", date_to="2020-03")) == 1
    assert len(search(typed.conn, "Monday", date_from="2020", date_to="2020")) == 4


def test_the_limit_is_work_not_time(typed: Archive, monkeypatch: pytest.MonkeyPatch) -> None:
    import dateline.archive.search as search_module

    # a nanosecond could not pass as a wall-clock limit; as work it buys the least budget, enough here
    assert len(search(typed.conn, "said", time_limit=1e-9)) > 0
    monkeypatch.setattr(search_module, "STEPS_PER_SECOND", 1)
    monkeypatch.setattr(search_module, "_STEPS_PER_CALL", 1)
    with pytest.raises(QueryError, match="more work than its limit"):
        search(typed.conn, "said", time_limit=1.0)


@hsettings(max_examples=50, deadline=None)
@given(st.text(max_size=80))
def test_query_building_never_raises_anything_but_query_error(tmp_path_factory: pytest.TempPathFactory,
                                                             text: str) -> None:
    from dateline.archive.query import build_match

    quote_query(text)  # never raises
    arch = _shared_archive(tmp_path_factory)
    for literal in (True, False):
        try:
            search(arch.conn, text, literal=literal)
        except QueryError as exc:
            assert "\n" not in str(exc)
    try:
        build_match(text, names=lambda name: ["Other Name", name, "*", '"'])
    except ValueError:
        pass
