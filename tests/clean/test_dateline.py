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


def test_month_in_any_case():
    for head in ("NEW YORK, FEb 26 - ", "NEW YORK, FEB 26 - ", "NEW YORK, MARCH 2 - "):
        found = find_dateline(head + "The company said profits rose.")
        assert found is not None and found[0].place == "New York"


def test_mixed_case_place_with_a_date_and_no_agency():
    dl, at = find_dateline("Toronto, Feb 26 - Standard Trustco said it expects gains.")
    assert (dl.place, dl.date) == ("Toronto", "Feb 26")
    assert at == len("Toronto, Feb 26 - ")


def test_mixed_case_place_needs_a_date_or_an_agency():
    assert find_dateline("Officials said - nothing more.") is None
    assert find_dateline("Then Smith - the chairman - resigned.") is None


def test_dateline_standing_alone_above_a_table():
    dl, at = find_dateline("SANTA CRUZ, Calif., Feb 26 -")
    assert dl.place == "Santa Cruz, Calif."
    assert at == len("SANTA CRUZ, Calif., Feb 26 -")
    assert find_dateline("WASHINGTON -") is None  # no date, no agency: not enough alone


def test_body_may_open_with_a_bracketed_company_name():
    dl, _ = find_dateline("OMAHA, Neb., Feb 26 - <America First Fund> said it will pay.")
    assert dl.place == "Omaha, Neb."


def test_seed_style_dateline_unchanged():
    dl, at = find_dateline("WASHINGTON (Sputnik) - The Coalition to defeat the group met.")
    assert (dl.place, dl.agency) == ("Washington", "Sputnik")
    assert at == len("WASHINGTON (Sputnik) - ")


@pytest.mark.parametrize("text", [
    "PENCE: Well, look, the debate will be about the issues.",
    "WALLACE: Let's start with the breaking news.",
    "UPDATE: The vote was moved to Friday.",
])
def test_a_colon_without_date_or_agency_is_a_speaker_not_a_dateline(text: str) -> None:
    assert find_dateline(text) is None


def test_a_colon_dateline_with_an_agency_is_kept() -> None:
    dl, at = find_dateline("CAIRO (AFP): Officials said the border was closed.")
    assert (dl.place, dl.agency) == ("Cairo", "AFP")
