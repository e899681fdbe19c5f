"""The pages in a real browser: Debian's chromium driven by Playwright, against a live server.

Skipped, with the reason, where /usr/bin/chromium is absent (`make test` installs it where it can).
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from dateline.web.app import create_app

pytestmark = pytest.mark.slow

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "web"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]

if not CHROMIUM.is_file():
    pytest.skip("browser tests need Debian's chromium at /usr/bin/chromium (apt-get install chromium)",
                allow_module_level=True)
sync_api = pytest.importorskip("playwright.sync_api", reason="browser tests need the playwright package")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def server(web_db: str) -> Iterator[str]:
    import uvicorn

    port = _free_port()
    srv = uvicorn.Server(uvicorn.Config(create_app(web_db), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 15
    while not srv.started:  # uvicorn sets this once the socket listens
        if not thread.is_alive() or time.monotonic() > deadline:
            pytest.fail("the server did not start")
        thread.join(0.02)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(10)


@pytest.fixture(scope="module")
def page(server: str) -> Iterator[object]:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=ARGS)
        pg = browser.new_page(viewport={"width": 1280, "height": 900}, base_url=server)
        dialogs: list[str] = []
        pg.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        pg.dialogs = dialogs  # type: ignore[attr-defined]
        yield pg
        browser.close()


def test_search_article_entity_chart(page) -> None:  # type: ignore[no-untyped-def]
    page.goto("/search")
    page.fill("#q", "calm count")
    page.press("#q", "Enter")
    hit = page.locator("li.hit a.title").first
    hit.wait_for()
    assert page.locator("li.hit mark").count() >= 1
    assert page.locator("aside.facets").inner_text().count("Ana Ruiz") == 1
    page.screenshot(path=str(ARTIFACTS / "search.png"), full_page=True)

    hit.click()
    page.wait_for_url("**/articles/*")
    assert page.locator("#body a.hl.entity").count() == 3
    assert page.locator("#body .hl.quote").first.inner_text() == "We expect a calm count"
    page.screenshot(path=str(ARTIFACTS / "article.png"), full_page=True)

    page.locator("#body a.hl.entity", has_text="Ana Ruiz").first.click()
    page.wait_for_url("**/entities/*")
    assert page.locator("h1").inner_text().startswith("Ana Ruiz")
    bars = page.locator("svg.chart rect.bar")
    assert bars.count() == 2
    box = bars.first.bounding_box()
    assert box is not None and box["height"] > 10 and box["width"] > 10  # drawn, not just in the markup
    page.screenshot(path=str(ARTIFACTS / "entity.png"), full_page=True)


def test_xss_record_shows_its_tags_as_text(page) -> None:  # type: ignore[no-untyped-def]
    page.goto("/search?q=researchers")
    page.locator("li.hit a.title").first.click()
    page.wait_for_url("**/articles/*")
    body = page.locator("#body").inner_text()
    assert "<script>alert('pwned')</script>" in body
    assert "<img src=x onerror=alert('img')>" in body
    assert "<a href=\"javascript:alert('link')\">a link to click</a>" in body
    assert page.evaluate("document.querySelectorAll('main script, main img, main iframe').length") == 0
    assert page.evaluate("[...document.links].filter(a => a.protocol === 'javascript:').length") == 0
    assert page.dialogs == []  # type: ignore[attr-defined]
    page.screenshot(path=str(ARTIFACTS / "xss.png"), full_page=True)


def test_malformed_query_message_and_overview(page) -> None:  # type: ignore[no-untyped-def]
    page.goto("/search?q=%22unterminated")
    assert "malformed query" in page.locator("#query-error").inner_text()
    page.goto("/")
    assert page.locator("#n-articles").inner_text() == "4"
    assert page.locator("svg.chart rect.bar").count() == 2
    page.screenshot(path=str(ARTIFACTS / "overview.png"), full_page=True)


def test_clusters_page_from_the_menu(page) -> None:  # type: ignore[no-untyped-def]
    page.goto("/")
    page.locator("header nav a", has_text="Clusters").click()
    page.wait_for_url("**/clusters")
    page.fill("input[name=min_size]", "1")
    page.locator("form.search button").click()
    page.wait_for_url("**/clusters?min_size=1")
    first = page.locator("table.clusters a").first
    first.wait_for()
    first.click()
    page.wait_for_url("**/articles/*")
    assert page.locator("#body").inner_text()
    page.screenshot(path=str(ARTIFACTS / "clusters.png"), full_page=True)
