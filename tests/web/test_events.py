"""The events page, its JSON twin, and events on the article page."""

from __future__ import annotations

import pytest
from api.fixture_archive import build
from fastapi.testclient import TestClient

from dateline.web.app import create_app


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> TestClient:
    return TestClient(create_app(build(tmp_path_factory.mktemp("webevents") / "e.db")))


def test_api_events_filter_like_the_command_line(client: TestClient) -> None:
    (event,) = client.get("/api/events").json()
    assert event["type"] == "SANCTION" and event["actor"]["country"] == "NRL"
    assert len(client.get("/api/events", params={"type": "MCONF", "country": "nrl"}).json()) == 1
    assert client.get("/api/events", params={"recipient": "Board"}).json() == []
    assert client.get("/api/events", params={"from": "2024-06"}).json() == []
    bad = client.get("/api/events", params={"type": "HUGGED"})
    assert bad.status_code == 400 and "unknown event type" in bad.json()["detail"]


def test_events_page_has_the_table_a_chart_per_type_and_the_nav_link(client: TestClient) -> None:
    page = client.get("/events").text
    assert "<h2>SANCTION" in page and "<svg" in page and "the utility" in page
    assert 'href="/events"' in page  # the nav
    (event,) = client.get("/api/events").json()
    assert f'href="/articles/{event["article_id"]}#ev-{event["mentions"][0]["start"]}"' in page
    assert "no events" in client.get("/events", params={"type": "AGREE"}).text
    assert client.get("/events", params={"type": "HUGGED"}).status_code == 400


def test_the_article_page_lists_and_marks_its_events(client: TestClient) -> None:
    (event,) = client.get("/api/events").json()
    page = client.get(f"/articles/{event['article_id']}").text
    assert "<h2>Events</h2>" in page and 'class="hl event event-mconf"' in page
    assert f'id="ev-{event["mentions"][0]["start"]}"' in page
    assert client.get("/api/facts/events?kind=SANCTION").json()[0]["type"] == "SANCTION"


def test_api_events_sector_flags_and_the_events_own_dates(client: TestClient) -> None:
    assert len(client.get("/api/events", params={"sector": "bus"}).json()) == 1  # the recipient's
    assert client.get("/api/events", params={"sector": "REB"}).json() == []
    assert len(client.get("/api/events", params={"flags": "none"}).json()) == 1
    assert client.get("/api/events", params={"flags": "negated"}).json() == []
    assert client.get("/api/events", params={"flags": "sure"}).status_code == 400
    assert len(client.get("/api/events", params={"from": "2024-05-03", "to": "2024-05-03",
                                                 "dates": "event"}).json()) == 1
    assert client.get("/api/events", params={"to": "2024-05-02", "dates": "event"}).json() == []
    assert client.get("/api/events", params={"dates": "stored"}).status_code == 400


def test_events_page_charts_by_country_per_week(client: TestClient) -> None:
    page = client.get("/events", params={"by": "country", "unit": "week"}).text
    assert "<h2>NRL" in page and "events with a side of NRL per week" in page
    assert client.get("/events", params={"by": "outlet"}).status_code in (400, 422)
