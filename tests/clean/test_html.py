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
