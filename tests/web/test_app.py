"""The pages and the JSON API through FastAPI's in-process test client."""

from __future__ import annotations

import sqlite3
from html.parser import HTMLParser
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from dateline.archive.store import ArchiveError
from dateline.web.app import create_app

from .fixture_archive import build


@pytest.fixture(scope="module")
def client(web_db: str) -> TestClient:
    return TestClient(create_app(web_db))


def _id(client: TestClient, query: str) -> str:
    return client.get("/api/search", params={"q": query}).json()["hits"][0]["id"]


class _Tags(HTMLParser):
    """Collects start tags with their attributes, and the text, of a page."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def _parse(html: str) -> _Tags:
    p = _Tags()
    p.feed(html)
    return p


def test_missing_archive_fails_at_start(tmp_path: Path) -> None:
    with pytest.raises(ArchiveError, match="no archive"):
        create_app(str(tmp_path / "none.db"))


def test_api_search_hits_facets_and_paging(client: TestClient) -> None:
    r = client.get("/api/search", params={"q": "count", "size": 1})
    body = r.json()
    assert r.status_code == 200 and len(body["hits"]) == 1 and body["has_more"]
    assert body["facets"]["matches"] == 2
    names = {f["name"]: f["count"] for f in body["facets"]["entities"]}
    assert names == {"Ana Ruiz": 2, "National Electoral Board": 2}
    assert body["facets"]["months"] == [{"key": "2024-03", "count": 2}]
    page2 = client.get("/api/search", params={"q": "count", "size": 1, "page": 2}).json()
    assert page2["hits"][0]["id"] != body["hits"][0]["id"] and not page2["has_more"]
    assert "[" in body["hits"][0]["snippet"]


def test_api_search_filters(client: TestClient) -> None:
    by_entity = client.get("/api/search", params={"q": "said", "entity": "NEB"}).json()
    assert by_entity["entity"]["name"] == "National Electoral Board"
    assert {h["title"] for h in by_entity["hits"]} == {"Ruiz says count will be calm", "Turnout reaches 61 percent"}
    dated = client.get("/api/search", params={"q": "said", "from": "2024-04", "to": "2024-04"}).json()
    assert {h["published"][:7] for h in dated["hits"]} == {"2024-04"}


@pytest.mark.parametrize("params, status", [
    ({"q": '"unterminated'}, 400), ({"q": "AND"}, 400), ({"q": "x" * 501}, 422),
    ({"q": "said", "size": 101}, 422), ({"q": "said", "page": 101}, 422),
    ({"q": "said", "from": "last week"}, 400), ({"q": "said", "entity": "Nobody Known"}, 400),
    ({"q": "*"}, 400), ({"q": "*said"}, 400), ({"q": "said", "from": "1987-13"}, 400),
    ({"q": "said", "from": "2024-05", "to": "2024-04"}, 400),
])
def test_api_search_rejects_bad_input(client: TestClient, params: dict, status: int) -> None:
    r = client.get("/api/search", params=params)
    assert r.status_code == status and r.json()["detail"]


def test_search_page_shows_readable_error(client: TestClient) -> None:
    r = client.get("/search", params={"q": '"unterminated'})
    assert r.status_code == 400
    assert "malformed query" in r.text and "plain words" in r.text and "Traceback" not in r.text


def test_search_page_marks_and_facet_links(client: TestClient) -> None:
    r = client.get("/search", params={"q": "calm"})
    p = _parse(r.text)
    assert r.status_code == 200 and ("mark", {}) in p.tags
    hrefs = [a.get("href") or "" for t, a in p.tags if t == "a"]
    assert any("entity=person%3Aana-ruiz" in h and "q=calm" in h for h in hrefs)
    assert any(h.startswith("/articles/") for h in hrefs)


def test_api_article_contract(client: TestClient) -> None:
    d = client.get(f"/api/articles/{_id(client, 'calm')}").json()
    for key in ("id", "source", "published", "title", "dateline", "text", "paragraphs", "notices", "repairs",
                "entities", "quotes", "amounts", "times", "events", "cluster"):
        assert key in d
    assert d["dateline"]["place"] and d["raw_records"][0]["raw"].startswith("BRUSSELS")
    assert d["copies"] == []  # no story clusters in this archive yet
    assert client.get("/api/articles/ffffffffffffffff").status_code == 404


def test_article_page_highlights_link_and_nest(client: TestClient) -> None:
    aid = _id(client, "calm")
    r = client.get(f"/articles/{aid}")
    p = _parse(r.text)
    ents = [a for t, a in p.tags if t == "a" and "entity" in (a.get("class") or "")]
    assert {a["href"] for a in ents} == {"/entities/person%3Aana-ruiz", "/entities/org%3Anational-electoral-board"}
    assert any(a["title"] == "PERSON · Ana Ruiz" for a in ents)
    assert any(t == "span" and a.get("title") == "date · 2024-03-07" for t, a in p.tags)
    assert any(a.get("title") == "amount · more than 40,000,000 USD" for _, a in p.tags)
    assert any(t == "span" and a.get("id", "").startswith("q-") for t, a in p.tags)
    assert "no other copies" in r.text
    assert client.get("/articles/nothing-here").status_code == 404


def test_xss_record_renders_as_text(client: TestClient) -> None:
    aid = _id(client, "researchers")
    r = client.get(f"/articles/{aid}")
    p = _parse(r.text)
    assert not any(t == "img" for t, _ in p.tags)
    assert [a["src"] for t, a in p.tags if t == "script"] == []
    assert not any("javascript:" in (a.get("href") or "") for _, a in p.tags)
    assert not any(k.startswith("on") for _, a in p.tags for k in a)
    text = "".join(p.text)
    assert "<script>alert('pwned')</script>" in text and "<img src=x onerror=alert('img')>" in text
    assert "javascript:alert('url')" in text  # the record's url, shown but not linked
    assert "script-src 'self'" in r.headers["content-security-policy"]
    hits = client.get("/search", params={"q": "researchers"}).text
    assert "<script>alert" not in hits and "&lt;script&gt;" in hits


def test_entity_page_and_api(client: TestClient) -> None:
    d = client.get("/api/entities/NEB").json()
    assert d["id"] == "org:national-electoral-board" and d["article_count"] == 2
    assert d["per_day"] == {"2024-03-07": 1, "2024-03-08": 1}
    assert d["cooccurring"][0]["name"] == "Ana Ruiz"
    r = client.get("/entities/person:ana-ruiz")
    p = _parse(r.text)
    assert r.status_code == 200 and "Foreign Minister" in r.text and "We expect a calm count" in r.text
    assert "2 articles · 3 mentions" in r.text
    bars = [a for t, a in p.tags if t == "rect" and a.get("class") == "bar"]
    assert len(bars) == 2 and float(bars[0]["height"] or 0) > 0  # one bar a day over two days
    assert client.get("/entities/nobody").status_code == 404
    assert [e["name"] for e in client.get("/api/entities", params={"type": "PERSON"}).json()] == ["Ana Ruiz"]
    assert client.get("/api/entities", params={"type": "ALIEN"}).status_code == 400


def test_quotes_and_amounts_link_back_to_sentence(client: TestClient) -> None:
    (q,) = client.get("/api/quotes", params={"speaker": "Ruiz"}).json()
    assert q["text"] == "We expect a calm count"
    page = client.get("/quotes", params={"q": "calm"}).text
    assert f'href="/articles/{q["article_id"]}#q-{q["start"]}"' in page
    (m,) = client.get("/api/amounts", params={"unit": "usd"}).json()
    assert m["value"] == 40e6
    assert f'/articles/{m["article_id"]}#m-{m["start"]}' in client.get("/amounts", params={"unit": "USD"}).text
    assert client.get("/api/quotes", params={"kind": "sarcastic"}).status_code == 422


def test_overview(client: TestClient) -> None:
    d = client.get("/api/overview").json()
    assert d["articles"] == 4 and d["per_month"] == {"2024-03": 2, "2024-04": 2} and d["clusters"] is True
    r = client.get("/")
    assert r.status_code == 200 and len(_parse(r.text).tags) > 50 and 'class="bar"' in r.text


def test_docs_served_from_the_package(client: TestClient) -> None:
    r = client.get("/docs")
    assert r.status_code == 200 and '<script src="/static/swagger-ui-bundle.js">' in r.text
    assert client.get("/static/swagger-ui-bundle.js").status_code == 200
    paths = client.get("/openapi.json").json()["paths"]
    assert {"/api/search", "/api/articles/{ident}", "/api/entities/{ident}", "/api/quotes"} <= set(paths)


def test_archive_is_opened_read_only(client: TestClient) -> None:
    conn = client.app.state.conns.get().conn  # type: ignore[attr-defined]
    with pytest.raises(sqlite3.OperationalError, match="readonly"):
        conn.execute("DELETE FROM articles")


def test_story_clusters_when_present(tmp_path: Path) -> None:
    path = build(tmp_path / "c.db")
    w = sqlite3.connect(path)
    ids = [r[0] for r in w.execute("SELECT id FROM articles WHERE text LIKE '%Electoral Board%' ORDER BY id")]
    w.execute("CREATE TABLE IF NOT EXISTS dedup_members (article_id TEXT PRIMARY KEY, cluster TEXT NOT NULL)")
    w.execute("DELETE FROM dedup_members")
    w.executemany("INSERT INTO dedup_members VALUES (?, 'c1')", [(i,) for i in ids])
    w.commit()
    w.close()
    c = TestClient(create_app(path))
    hits = c.get("/api/search", params={"q": "ruiz"}).json()["hits"]
    assert len(hits) == 1 and hits[0]["copies"] == 2
    assert len(c.get("/api/search", params={"q": "ruiz", "all": "true"}).json()["hits"]) == 2
    d = c.get(f"/api/articles/{ids[0]}").json()
    assert [x["id"] for x in d["copies"]] == [ids[1]]
    assert "2 copies" in c.get("/search", params={"q": "ruiz"}).text


def test_concurrent_requests_use_a_connection_per_thread(client: TestClient) -> None:
    from concurrent.futures import ThreadPoolExecutor

    paths = ["/search?q=count", "/api/search?q=said", "/entities/NEB", "/"] * 6
    with ThreadPoolExecutor(8) as pool:
        codes = [f.result(timeout=30) for f in [pool.submit(lambda p=p: client.get(p).status_code) for p in paths]]
    assert codes == [200] * len(paths)


def test_serve_command_reports_a_missing_archive_in_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from dateline.cli import main

    assert main(["serve", "--db", str(tmp_path / "none.db"), "--port", "1"]) == 1
    err = capsys.readouterr().err.strip()
    assert err.startswith("error: no archive at") and "\n" not in err


def test_api_facts_for_every_kind_with_the_same_filters(client: TestClient) -> None:
    assert [q["text"] for q in client.get("/api/facts/quotes", params={"speaker": "Ruiz"}).json()] == [
        "We expect a calm count"]
    assert [t["value"] for t in client.get("/api/facts/times", params={"from": "2024-03"}).json()] == ["2024-03-07"]
    assert len(client.get("/api/facts/entities", params={"kind": "ORG"}).json()) == 1
    assert client.get("/api/facts/rumours").status_code == 422
    r = client.get("/api/facts/quotes", params={"unit": "USD"})
    assert r.status_code == 400 and "take no filter `unit`" in r.json()["detail"]
    assert [m["value"] for m in client.get("/api/amounts", params={"min": 1e6}).json()] == [40e6]


def test_an_ambiguous_name_shows_its_candidates(tmp_path: Path) -> None:
    from api.fixture_archive import build as build_ambiguous

    c = TestClient(create_app(build_ambiguous(tmp_path / "amb.db")))
    r = c.get("/entities/Ruiz")
    assert r.status_code == 200 and "names 2 entities" in r.text
    assert {"/entities/person%3Aana-ruiz", "/entities/person%3Apablo-ruiz"} <= {
        a.get("href") for t, a in _parse(r.text).tags if t == "a"}
    d = c.get("/api/entities/NEB").json()
    assert d["ambiguous"] == "NEB" and len(d["candidates"]) == 2
    assert c.get("/api/search", params={"q": "said", "entity": "Ruiz"}).status_code == 400


def test_search_in_one_language_on_the_page_and_the_api(tmp_path: Path) -> None:
    from tests.languages_archive import build

    c = TestClient(create_app(build(tmp_path)))
    options = [a.get("value") for t, a in _parse(c.get("/search").text).tags if t == "option"]
    assert {"de", "en", "ru"} <= set(options)
    hits = c.get("/api/search", params={"q": "Лавров", "language": "ru"}).json()["hits"]
    assert [h["title"] for h in hits] == ["Встреча министров"]
    assert c.get("/api/search", params={"q": "budget", "language": "de"}).json()["hits"] == []
    assert c.get("/api/search", params={"q": "budget", "language": "english"}).status_code == 400
    page = c.get("/search", params={"q": "budget", "language": "en"})
    tags = _parse(page.text).tags
    assert ("option", {"value": "en", "selected": None}) in tags
    assert "Council passes budget" in page.text and "Haushalt" not in page.text
    # links built from the page's address (facets, pager) keep the filter; its × removes it
    months = [a["href"] for t, a in tags if t == "a" and "from=" in a.get("href", "")]
    assert months and all("language=en" in h for h in months)
    assert any(a.get("title") == "remove this filter" and "language" not in a["href"] for t, a in tags if t == "a")
