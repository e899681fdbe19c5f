"""The gazetteer: names folded, alternate names, qualifiers, outlet addresses."""

from __future__ import annotations

import pytest

from dateline.places.gazetteer import fold, gazetteer, outlet_country


def test_fold_ignores_case_accents_and_a_leading_the() -> None:
    assert fold("SÃO  PAULO") == fold("Sao Paulo") == "sao paulo"
    assert fold("The Hague") == "hague"


def test_outlet_country_from_a_country_code_domain() -> None:
    assert outlet_country("https://www.lemonde.fr/international/") == "FRA"
    assert outlet_country("https://www.bbc.co.uk/news") == "GBR"
    assert outlet_country("https://example.io/a") is None  # sold as a generic name
    assert outlet_country("https://example.com/a") is None
    assert outlet_country(None) is None and outlet_country("http://[bad") is None


@pytest.mark.slow
def test_lookup_finds_cities_countries_regions_and_big_cities_by_other_names() -> None:
    g = gazetteer()
    assert {(e.kind, e.country) for e in g.lookup("Paris")} >= {("city", "FRA"), ("city", "USA")}
    assert [e.name for e in g.lookup("Kiev")] == ["Kyiv"]
    assert {e.kind for e in g.lookup("Georgia")} == {"country", "region"}
    assert any(e.name == "New York City" for e in g.lookup("New York"))
    assert g.lookup("U.S.")[0].country == "USA"
    assert all(e.lat is not None for e in g.countries.values() if e.population > 1_000_000)
    area = g.area("Va.")
    assert area is not None and area.region == "US-VA"
    assert g.area("Freedonia") is None


def test_title_countries_reads_names_and_demonyms_in_capitals() -> None:
    from dateline.places.about import title_countries

    assert title_countries("CHINESE PORK OUTPUT SEEN LOWER") == {"CHN"}
    assert title_countries("Exco buys U.S. broker") == {"USA"}
    assert title_countries("Tell us what you think") == set()
