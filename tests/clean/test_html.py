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
        '<meta property="og:image" content="https://example.org/border.jpg"></head>'
        f"<body><article>{PARAS}</article></body></html>"
    )
    got = extract_page(page)
    assert got.authors == ["Ann Lee", "Bo Park"]
    assert got.language == "en"
    assert got.description == "Talks on the border resume on Monday."
    assert got.image == "https://example.org/border.jpg"


def test_favor_recall_is_a_setting_and_off_by_default() -> None:
    from dateline.settings import Settings

    assert Settings().html_favor_recall is False
    page = f"<html><body><article>{PARAS}</article></body></html>"
    assert "item 2" in extract_page(page, favor_recall=True).text
