"""The places page and `/api/places`, in-process (the map itself is drawn in test_browser_places)."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from dateline.web.app import create_app
from tests.fixtures.places import build


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> TestClient:
    return TestClient(create_app(build(tmp_path_factory.mktemp("web-places") / "p.db")))


def test_api_places_gives_places_and_countries_with_counts(client: TestClient) -> None:
    r = client.get("/api/places")
    assert r.status_code == 200
    data = r.json()
    kharkiv = next(p for p in data["places"] if p["name"] == "Kharkiv")
    assert (kharkiv["articles"], kharkiv["mentions"], kharkiv["country"]) == (2, 3, "UKR")
    assert kharkiv["lat"] == pytest.approx(49.98, abs=0.01)
    ukraine = next(c for c in data["countries"] if c["country"] == "UKR")
    assert (ukraine["numeric"], ukraine["articles"]) == ("804", 2)


def test_api_places_filters(client: TestClient) -> None:
    names = {p["name"] for p in client.get("/api/places", params={"country": "USA"}).json()["places"]}
    assert names == {"Paris", "Texas"}
    data = client.get("/api/places", params={"from": "2024-04", "q": "storm"}).json()
    assert {c["country"] for c in data["countries"]} == {"USA"}
    assert client.get("/api/places", params={"kind": "planet"}).status_code == 422
    assert client.get("/api/places/geonames:706483").json()["latest"][0]["title"] == "Talks in Paris"
    assert client.get("/api/places/geonames:0").status_code == 404


def test_places_page_has_the_map_the_table_and_a_chosen_place(client: TestClient) -> None:
    page = client.get("/places", params={"country": "UKR"}).text
    assert 'id="map"' in page and "/static/vendor/d3-geo.min.js" in page
    assert 'data-api="/api/places?country=UKR"' in page and "Kharkiv" in page and "Paris" not in page
    page = client.get("/places", params={"place": "geonames:4717560"}).text
    assert 'id="chosen"' in page and "Storm in Paris, Texas" in page and "Shelling hits Kharkiv" not in page
    assert "no article names the place" in client.get("/places", params={"place": "geonames:0"}).text
    assert client.get("/static/vendor/countries-110m.json").status_code == 200


def test_entity_and_story_pages_carry_a_map_of_their_articles(client: TestClient) -> None:
    page = client.get("/entities/gpe:kharkiv").text
    assert 'data-api="/api/places?entity=gpe%3Akharkiv"' in page and "/static/places.js" in page
    data = client.get("/api/places", params={"entity": "gpe:kharkiv"}).json()
    assert {p["name"] for p in data["places"]} == {"Kharkiv", "Kyiv", "Paris"}
    stories = client.get("/api/stories", params={"min_size": 1}).json()  # assigned as articles are stored
    page = client.get(f"/stories/{stories[0]['id']}").text
    assert f'data-api="/api/places?story={stories[0]["id"]}"' in page


def test_events_carry_their_places_entry_in_the_api_and_link_it_on_the_page(client: TestClient) -> None:
    (event,) = client.get("/api/events").json()
    assert event["place"] == {"text": "Kharkiv", "country": "UKR", "id": "geonames:706483",
                              "lat": pytest.approx(49.98, abs=0.01), "lon": pytest.approx(36.25, abs=0.01)}
    page = client.get("/events").text
    assert '<a href="/places?place=geonames%3A706483" title="49.9808, 36.2527">Kharkiv</a>' in page


def test_search_page_maps_the_places_of_its_matches_below_the_results(client: TestClient) -> None:
    page = client.get("/search", params={"q": "Paris"}).text
    assert page.index('class="hits"') < page.index('id="map"')  # below the results
    assert 'data-api="/api/places?q=Paris"' in page and 'data-link="/search?q=Paris&amp;place="' in page
    data = client.get("/api/places", params={"q": "Paris"}).json()
    assert {p["id"] for p in data["places"]} == {"geonames:2988507", "geonames:4717560", "geonames:4736286",
                                                 "geonames:706483"}


def test_search_filtered_to_a_place_keeps_its_articles_and_says_so(client: TestClient) -> None:
    page = client.get("/search", params={"q": "Paris", "place": "geonames:4717560"}).text
    assert "Storm in Paris, Texas" in page and "Talks in Paris" not in page
    assert 'data-place="geonames:4717560"' in page and 'href="/search?q=Paris" title="remove this filter"' in page
    hits = client.get("/api/search", params={"q": "Paris", "place": "geonames:2988507"}).json()["hits"]
    assert [h["title"] for h in hits] == ["Talks in Paris"]
    # the dateline's place counts: Kyiv is named only as the dateline of the shelling story
    hits = client.get("/api/search", params={"q": "Kharkiv", "place": "geonames:703448"}).json()["hits"]
    assert [h["title"] for h in hits] == ["Shelling hits Kharkiv"]
