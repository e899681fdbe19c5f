"""The world map in a real browser: Debian's chromium driven by Playwright, against a live server.

The map is drawn by the browser from the vendored atlas and `/api/places`; this checks that it
draws (country shapes, shaded countries, points with a size) and that a click on a point
filters the page to that place's articles, on /places and on the search page. Skipped, with
the reason, where chromium is absent.
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from dateline.web.app import create_app
from tests.fixtures.places import build

pytestmark = pytest.mark.slow

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "web"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]

if not CHROMIUM.is_file():
    pytest.skip("browser tests need Debian's chromium at /usr/bin/chromium (apt-get install chromium)",
                allow_module_level=True)
sync_api = pytest.importorskip("playwright.sync_api", reason="browser tests need the playwright package")


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    import uvicorn

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = int(s.getsockname()[1])
    db = build(tmp_path_factory.mktemp("browser-places") / "p.db")
    srv = uvicorn.Server(uvicorn.Config(create_app(db), host="127.0.0.1", port=port, log_level="warning"))
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


def test_the_map_draws_and_a_click_on_a_point_filters(server: str) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": 900}, base_url=server)
        errors: list[str] = []
        page.on("pageerror", lambda e: errors.append(str(e)))
        outside: list[str] = []
        page.on("request", lambda r: outside.append(r.url) if not r.url.startswith(server) else None)
        page.goto("/places")
        page.locator("#map[data-drawn]").wait_for()
        assert page.locator("svg.worldmap path.country").count() > 150  # the atlas's country shapes
        named = page.locator("svg.worldmap path.country.named")
        assert sorted(named.evaluate_all("els => els.map(e => e.dataset.country)")) == ["FRA", "UKR", "USA"]
        points = page.locator("svg.worldmap circle.point")
        assert points.count() == 5
        kharkiv = page.locator('circle.point[data-id="geonames:706483"]')
        box = kharkiv.bounding_box()
        assert box is not None and box["width"] > 10  # drawn, with the largest size: 2 articles
        page.screenshot(path=str(ARTIFACTS / "places.png"), full_page=True)

        page.locator('circle.point[data-id="geonames:4717560"]').click()  # Paris, Texas
        page.wait_for_url("**/places?*place=geonames*")
        chosen = page.locator("#chosen").inner_text()
        assert "Storm in Paris, Texas" in chosen and "Talks in Paris" not in chosen
        page.locator("#map[data-drawn]").wait_for()
        assert page.locator("circle.point.chosen").count() == 1
        page.screenshot(path=str(ARTIFACTS / "places-chosen.png"), full_page=True)

        page.goto("/entities/gpe:kharkiv")  # an entity's page maps the places of its articles
        page.locator("#map[data-drawn]").wait_for()
        assert page.locator("svg.worldmap circle.point").count() == 3

        # the search page maps the places of its matches; a point keeps the search to its place
        page.goto("/search?q=Paris")
        page.locator("#map[data-drawn]").wait_for()
        assert page.locator("li.hit").count() == 2
        assert page.locator("svg.worldmap circle.point").count() == 4  # both Parises, Texas, Kharkiv
        named = page.locator("svg.worldmap path.country.named")
        assert sorted(named.evaluate_all("els => els.map(e => e.dataset.country)")) == ["FRA", "UKR", "USA"]
        page.screenshot(path=str(ARTIFACTS / "search-map.png"), full_page=True)
        page.locator('circle.point[data-id="geonames:4717560"]').click()  # Paris, Texas
        page.wait_for_url("**/search?*place=geonames*")
        assert page.locator("li.hit a.title").all_inner_texts() == ["Storm in Paris, Texas"]
        page.locator("#map[data-drawn]").wait_for()
        assert page.locator("circle.point.chosen").count() == 1
        page.screenshot(path=str(ARTIFACTS / "search-map-chosen.png"), full_page=True)
        browser.close()
    assert errors == [] and outside == []
