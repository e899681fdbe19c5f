from __future__ import annotations

import pytest

from dateline.clean.dateline import dateline_day, find_dateline


@pytest.mark.parametrize(("text", "place", "agency", "date"), [
    ("WASHINGTON (Sputnik) - The Coalition met.", "Washington", "Sputnik", None),
    ("LONDON, March 3 (Reuters) - Shares fell.", "London", "Reuters", "March 3"),
    ("BEIRUT (AP) \u2014 Protesters gathered.", "Beirut", "AP", None),
    ("KYIV, Ukraine \u2014 Air raid sirens sounded.", "Kyiv, Ukraine", None, None),
    ("Moscow, 12 May (AFP): Officials said.", "Moscow", "AFP", "12 May"),
    ("SALVADOR, Feb 26 - Showers continued.", "Salvador", None, "Feb 26"),
    ("NEW YORK, Feb 26 - Stocks rose.", "New York", None, "Feb 26"),
    ("SAO PAULO (Reuters) -- Coffee prices rose.", "Sao Paulo", "Reuters", None),
    ("SYDNEY, April - The bank cut its rate.", "Sydney", None, "April"),  # the day left out
    ("MELBOURNE, Sept. - Wool sales resumed.", "Melbourne", None, "Sept."),
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


@pytest.mark.parametrize(("text", "place", "agency", "date"), [
    ("МОСКВА, 3 марта (Рейтер) - Министр заявил, что переговоры продолжатся.", "Москва", "Reuters",
     "3 марта"),
    ("PARIS (AFP) - Le gouvernement a présenté son budget mardi.", "Paris", "AFP", None),
    ("BERLIN (dpa) - Die Bundesregierung hat am Mittwoch ein Paket beschlossen.", "Berlin", "dpa", None),
    ("Berlin (dpa) - Die Koalition streitet weiter über den Haushalt.", "Berlin", "dpa", None),
    ("MADRID, 3 mar (EFE).- El Gobierno aprobó este martes la reforma.", "Madrid", "EFE", "3 mar"),
    ("ROM (ANSA) \u2013 Der Ministerpräsident traf am Montag die Gewerkschaften.", "Rom", "ANSA", None),
    ("PEKÍN, 3 mar (Xinhua) - China anunció un nuevo plan de inversiones.", "Pekín", "Xinhua", "3 mar"),
    ("Москва, 12 апреля (ТАСС) - Совет Федерации одобрил закон.", "Москва", "TASS", "12 апреля"),
    ("LISBOA, 5 de maio de 2023 (Lusa) - O Governo aprovou o orçamento.", "Lisboa", "Lusa",
     "5 de maio de 2023"),
])
def test_datelines_of_other_wire_languages(text: str, place: str, agency: str, date: str | None) -> None:
    found = find_dateline(text)
    assert found is not None
    dl, start = found
    assert (dl.place, dl.agency, dl.date) == (place, agency, date)
    assert text[start:][0].isupper()


@pytest.mark.parametrize("text", [
    "Москва (не агентство) - город, где всё началось.",
    "Die Regierung (dpa) - sagte nichts.",
    "ЕС: решение принято.",
    "Paris, la capitale, était calme.",
])
def test_not_datelines_in_other_languages(text: str) -> None:
    assert find_dateline(text) is None


@pytest.mark.parametrize(("written", "published", "day"), [
    ("3 марта", "2024-03-04", "2024-03-03"),
    ("3 mar", "2024-03-03", "2024-03-03"),
    ("28 décembre", "2024-01-02", "2023-12-28"),  # the nearest: last December, not this one
    ("2 janvier", "2023-12-30", "2024-01-02"),
    ("5 de maio de 2023", "2024-06-01", "2023-05-05"),
    ("March 3", "2021-03-04", "2021-03-03"),
    ("3 марта", None, None),
    ("31 февраля", "2024-03-01", None),  # no such day
])
def test_the_dateline_date_is_resolved_with_the_year_rule_of_the_body(
        written: str, published: str | None, day: str | None) -> None:
    assert dateline_day(written, published) == day
