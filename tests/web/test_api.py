"""The JSON API's index, figures and clusters, and its messages (no command-line flags in them)."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from dateline.web.app import create_app


@pytest.fixture(scope="module")
def client(web_db: str) -> TestClient:
    return TestClient(create_app(web_db))


def test_the_api_index_lists_every_route_with_its_description(client: TestClient) -> None:
    routes = client.get("/api").json()["routes"]
    paths = {r["path"] for r in routes}
    assert {"/api/search", "/api/stats", "/api/clusters", "/api/articles/{ident}", "/api"} <= paths
    assert all(r["description"] and "\n" not in r["description"] for r in routes)
    assert all(r["path"].startswith("/api") for r in routes)


def test_api_stats_counts_the_facts(client: TestClient) -> None:
    s = client.get("/api/stats").json()
    assert s["articles"] >= 1 and s["facts"]["quotes"] >= 1 and s["facts"]["entities"] >= 1
    assert {"clusters", "stories", "languages", "undated"} <= set(s)


def test_api_clusters_and_the_clusters_page(client: TestClient) -> None:
    rows = client.get("/api/clusters", params={"min_size": 1}).json()
    assert rows and all(r["size"] >= 1 and r["representative"]["id"] for r in rows)
    assert client.get("/api/clusters", params={"min_size": 0}).status_code == 422
    page = client.get("/clusters", params={"min_size": 1})
    assert page.status_code == 200 and f'/articles/{rows[0]["representative"]["id"]}' in page.text
    assert 'href="/clusters"' in client.get("/").text


def test_an_ambiguous_id_prefix_is_a_400_naming_the_candidates(web_db: str, tmp_path: Path) -> None:
    copy = str(tmp_path / "prefix.db")
    shutil.copy(web_db, copy)
    with sqlite3.connect(copy) as conn:
        ids = [r[0] for r in conn.execute("SELECT id FROM articles ORDER BY id LIMIT 2")]
        for n, old in enumerate(ids):
            conn.execute("UPDATE articles SET id=? WHERE id=?", (f"abcd{n}" + old[5:], old))
    client = TestClient(create_app(copy))
    r = client.get("/api/articles/abcd")
    assert r.status_code == 400 and "ambiguous" in r.json()["detail"] and "abcd1" in r.json()["detail"]
    page = client.get("/articles/abcd")
    assert page.status_code == 400 and "ambiguous" in page.text


@pytest.mark.parametrize("q", ['"grain deal', "wheat AND ("])
def test_api_messages_name_no_command_line_flag(client: TestClient, q: str) -> None:
    r = client.get("/api/search", params={"q": q})
    assert r.status_code == 400 and "--" not in r.json()["detail"]
