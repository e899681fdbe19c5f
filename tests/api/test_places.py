"""The read API's places: counts per place and per country, filters, one place's articles."""

from __future__ import annotations

from pathlib import Path

import pytest

import dateline
from dateline.errors import QueryError, UsageError
from tests.fixtures.places import build


@pytest.fixture(scope="module")
def arc(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    with dateline.open(build(tmp_path_factory.mktemp("places") / "p.db")) as a:
        yield a


def test_places_are_counted_by_article_mentions_and_dateline(arc) -> None:  # type: ignore[no-untyped-def]
    rows = {(p.id, p.name): p for p in arc.places()}
    kharkiv = rows[("geonames:706483", "Kharkiv")]
    assert (kharkiv.articles, kharkiv.mentions, kharkiv.datelines, kharkiv.country) == (2, 3, 0, "UKR")
    kyiv = rows[("geonames:703448", "Kyiv")]
    assert (kyiv.articles, kyiv.mentions, kyiv.datelines) == (1, 0, 1)
    # one name, two places: the archive keeps them apart
    assert {p.country for (_, name), p in rows.items() if name == "Paris"} == {"FRA", "USA"}
    assert arc.places().to_dicts()[0]["name"] == "Kharkiv"  # most articles first


def test_a_country_filter_finds_its_cities(arc) -> None:  # type: ignore[no-untyped-def]
    assert {p.name for p in arc.places(country="ukr")} == {"Kharkiv", "Kyiv"}
    assert [p.name for p in arc.places(kind="region")] == ["Texas"]
    with pytest.raises(QueryError, match="unknown place kind"):
        arc.places(kind="planet")


def test_dates_and_queries_scope_the_places(arc) -> None:  # type: ignore[no-untyped-def]
    assert {p.name for p in arc.places(date_from="2024-04")} == {"Paris", "Texas"}
    assert {p.country for p in arc.places(query="storm")} == {"USA"}


def test_country_counts_count_each_article_once(arc) -> None:  # type: ignore[no-untyped-def]
    per = {c["country"]: c for c in arc.place_countries()}
    assert per["UKR"]["articles"] == 2 and per["UKR"]["mentions"] == 3
    assert per["UKR"]["numeric"] == "804" and per["UKR"]["name"] == "Ukraine"
    assert per["USA"]["articles"] == 1 and per["FRA"]["articles"] == 1


def test_one_place_with_its_latest_articles(arc) -> None:  # type: ignore[no-untyped-def]
    p = arc.place("geonames:706483")
    assert p is not None and p["articles"] == 2
    assert [a["title"] for a in p["latest"]] == ["Talks in Paris", "Shelling hits Kharkiv"]
    assert arc.place("geonames:0") is None


def test_story_filter_takes_a_number(arc) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(UsageError, match="a story id is a number"):
        arc.places(story="first")
    assert list(arc.places(story=987654)) == []


def test_exported_articles_carry_their_places(arc, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    import io
    import json

    out = io.StringIO()
    arc.write_articles(out)
    docs = [json.loads(line) for line in out.getvalue().splitlines()]
    shelling = next(d for d in docs if d["title"] == "Shelling hits Kharkiv")
    assert shelling["dateline"]["location"]["name"] == "Kyiv"
    assert shelling["entities"][0]["place"]["country"] == "UKR"
    counts = arc.export(str(tmp_path / "t"), "csv")
    assert counts["places"] == 5
