from __future__ import annotations

import time

from dateline.clean.html import extract_page

PARAS = "".join(f"<p>Officials in Oslo said on Monday that talks on the border would resume, item {i}.</p>"
                for i in range(4))


def test_a_tag_with_thousands_of_attributes_parses_quickly_and_keeps_the_text() -> None:
    attrs = " ".join(f'a{i}="x"' for i in range(100_000))  # libxml2 alone takes ~15 s on this
    page = f"<html><body><article {attrs}>{PARAS}</article></body></html>"
    start = time.perf_counter()
    text = extract_page(page).text
    assert time.perf_counter() - start < 5
    assert "talks on the border would resume, item 3" in text


def test_a_long_data_attribute_is_left_alone() -> None:
    img = '<img src="data:image/png;base64,' + "A" * 50_000 + '">'
    page = f"<html><body><article>{img}{PARAS}</article></body></html>"
    assert "item 0" in extract_page(page).text


def test_a_table_is_kept_as_one_paragraph_per_row() -> None:
    rows = "".join(
        f"<tr><td>{pos}</td><td>{name}</td><td>{pts}</td></tr>"
        for pos, name, pts in [(1, "Ann Lee", 2188), (2, "Bo Park", 2150), (3, "Cy Ray", 2101)]
    )
    page = f"<html><body><article>{PARAS}<table>{rows}</table></article></body></html>"
    paragraphs = extract_page(page).text.split("\n\n")
    assert "1 | Ann Lee | 2188" in paragraphs and "3 | Cy Ray | 2101" in paragraphs


def test_page_metadata_comes_with_the_text() -> None:
    page = (
        '<html lang="en-GB"><head><title>Border talks to resume</title>'
        '<meta name="author" content="Ann Lee; Bo Park">'
        '<meta property="og:description" content="Talks on the border resume on Monday.">'
        '<meta property="og:image" content="https://example.org/border.jpg">'
        '<meta property="article:section" content="World"></head>'
        f"<body><article>{PARAS}</article></body></html>"
    )
    got = extract_page(page)
    assert got.authors == ["Ann Lee", "Bo Park"]
    assert got.language == "en"
    assert got.description == "Talks on the border resume on Monday."
    assert got.image == "https://example.org/border.jpg"
    assert got.section == "World"


def test_favor_recall_is_a_setting_and_off_by_default() -> None:
    from dateline.settings import Settings

    assert Settings().html_favor_recall is False
    page = f"<html><body><article>{PARAS}</article></body></html>"
    assert "item 2" in extract_page(page, favor_recall=True).text


def _declared(page: str):  # noqa: ANN202
    from trafilatura.utils import load_html

    from dateline.clean.html import declarations

    return declarations(load_html(page))


def test_the_url_date_then_the_pages_metadata_beat_a_date_found_in_the_text() -> None:
    from dateline.clean.html import page_date

    meta = '<meta property="article:published_time" content="2019-11-18T20:19:00-05:00">'
    declared = _declared(f"<html><head>{meta}</head><body><p>Cited on 2019-10-13.</p></body></html>")
    assert page_date(declared.published, "https://news.example/2019/11/17/story", "2019-10-13") == "2019-11-17"
    # The day as the page writes it, in its own time zone (it is the 19th in UTC).
    assert page_date(declared.published, "https://news.example/story", "2019-10-13") == "2019-11-18T20:19:00-05:00"
    ld = '<script type="application/ld+json">{"datePublished": "2019-11-20T06:07:01+0000"}</script>'
    assert _declared(f"<html><head>{ld}</head><body><p>x</p></body></html>").published.startswith("2019-11-20")
    assert page_date(None, None, "2019-10-13") == "2019-10-13"


def test_page_declarations_are_read_quickly_from_a_hostile_head() -> None:
    from dateline.clean.html import extract_page

    hostile = "<html><head>" + '<meta name="x" ' * 20_000 + "x" * 100_000 + f"</head><body>{PARAS}</body></html>"
    start = time.perf_counter()
    page = extract_page(hostile)
    assert page.date is None and page.language is None and page.section is None
    assert time.perf_counter() - start < 3
