import pytest

from dateline.extract.events.places import city_country, event_date
from dateline.model import Time

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
