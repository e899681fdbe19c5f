"""The stories pages and their JSON twins."""

from __future__ import annotations

from pathlib import Path

import pytest
from archive.test_stories import REPORTS, _ingest, _write
from fastapi.testclient import TestClient

from dateline.web.app import create_app


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> TestClient:
    folder: Path = tmp_path_factory.mktemp("webstories")
    db = str(folder / "s.db")
    _ingest([_write(folder, REPORTS)], db)
    return TestClient(create_app(db))


def test_api_stories_and_one_story(client: TestClient) -> None:
    (story,) = client.get("/api/stories").json()
    assert story["size"] == 3 and len(story["articles"]) == 3
    assert len(client.get("/api/stories", params={"min_size": 1}).json()) == 3
    detail = client.get(f"/api/stories/{story['id']}").json()
    assert [a["outlet"] for a in detail["articles"]][0] == "Wire A"
    assert client.get("/api/stories/999").status_code == 404
    assert client.get("/api/stories/abc").status_code == 422


def test_story_pages_show_the_list_the_timeline_and_a_chart(client: TestClient) -> None:
    page = client.get("/stories").text
    assert "Earthquake of magnitude 6.8" in page and 'href="/stories/' in page
    (story,) = client.get("/api/stories").json()
    page = client.get(f"/stories/{story['id']}").text
    assert "Timeline" in page and "Daily B" in page and "<svg" in page
    assert client.get("/stories/999").status_code == 404
