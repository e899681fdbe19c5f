from __future__ import annotations

import pytest

from dateline.clean.dateline import find_dateline


@pytest.mark.parametrize(("text", "place", "agency", "date"), [
    ("WASHINGTON (Sputnik) - The Coalition met.", "Washington", "Sputnik", None),
    ("LONDON, March 3 (Reuters) - Shares fell.", "London", "Reuters", "March 3"),
    ("BEIRUT (AP) \u2014 Protesters gathered.", "Beirut", "AP", None),
    ("KYIV, Ukraine \u2014 Air raid sirens sounded.", "Kyiv, Ukraine", None, None),
    ("Moscow, 12 May (AFP): Officials said.", "Moscow", "AFP", "12 May"),
    ("SALVADOR, Feb 26 - Showers continued.", "Salvador", None, "Feb 26"),
    ("NEW YORK, Feb 26 - Stocks rose.", "New York", None, "Feb 26"),
    ("SAO PAULO (Reuters) -- Coffee prices rose.", "Sao Paulo", "Reuters", None),
])
def test_datelines(text: str, place: str, agency: str | None, date: str | None) -> None:
    found = find_dateline(text)
    assert found is not None
    dl, start = found
    assert (dl.place, dl.agency, dl.date) == (place, agency, date)
    assert text[start:][0].isupper()


@pytest.mark.parametrize("text", [
    "BREAKING: Parliament votes on the budget today.",
    "The minister (AP) - said nothing.",
    "Officials said - without giving details - that talks stalled.",
    "NATO allies met on Tuesday.",
    "Paris, the capital, was calm.",
])
def test_not_datelines(text: str) -> None:
    assert find_dateline(text) is None
