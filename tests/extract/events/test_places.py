import pytest

from dateline.extract.events.places import city_country, event_date, event_place
from dateline.model import Dateline, Location, Place, Time

from ..helpers import article


@pytest.mark.slow  # reads the GeoNames city table (about a second)
def test_cities_name_their_country_the_most_populous_one_winning() -> None:
    assert city_country("Minsk") == "BLR"
    assert city_country("Paris") == "FRA"
    assert city_country("Nowhereville") is None


def test_date_falls_back_to_publication_without_a_time_in_the_clause() -> None:
    a = article("Rebels attacked the base.")
    a.times = [Time("Monday", "2021-09-06", 100, 106)]
    assert event_date([], a) == ("2021-09-09", "published")


def test_an_event_without_a_place_in_its_clause_takes_the_datelines_resolved_entry() -> None:
    a = article("PORT ALDER, Sept 9 - Rebels attacked the base.")
    # as the places stage resolved it with the article's evidence: its id and coordinates
    a.dateline = Dateline("PORT ALDER, Sept 9 -", "PORT ALDER", None,
                          location=Location("geonames:901", "Port Alder", "city", "NRL", None, 51.25, -3.5))
    assert event_place([], {}, a) == Place("PORT ALDER", "NRL", "geonames:901", 51.25, -3.5)


def test_an_unresolved_dateline_gives_its_place_without_coordinates() -> None:
    a = article("PORT ALDER, Sept 9 - Rebels attacked the base.")
    a.dateline = Dateline("PORT ALDER, Sept 9 -", "PORT ALDER", None)
    assert event_place([], {}, a) == Place("PORT ALDER", None)


@pytest.mark.slow  # the spaCy model and the gazetteer
def test_a_place_named_in_the_clause_carries_its_entitys_gazetteer_entry(nlp) -> None:  # type: ignore[no-untyped-def]
    from dateline.extract import _run

    a = article("Rebel forces attacked an army base in Kharkiv on Sunday, officials said.")
    (event,) = [e for e in _run(a, nlp(a.text)).events if e.place is not None]
    assert (event.place.text, event.place.country) == ("Kharkiv", "UKR")
    assert event.place.id and event.place.id.startswith("geonames:")
    assert 49 < event.place.lat < 51 and 35 < event.place.lon < 37


@pytest.mark.slow  # reads the GeoNames city table (about a second)
def test_capitals_name_their_state_unless_a_larger_city_has_the_name() -> None:
    from dateline.extract.events.parties import names_state
    from dateline.extract.events.places import capital_country
    from dateline.model import Party

    assert capital_country("Moscow") == "RUS"
    assert capital_country("Washington") == "USA"
    assert capital_country("Kyiv") == "UKR"
    assert capital_country("Springfield") is None
    assert capital_country("Hamilton") is None  # Ontario's is larger than Bermuda's capital
    assert names_state(Party("Moscow", None, "RUS", "GOV"))
