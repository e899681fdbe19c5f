"""Choosing between places of one name, on hand-made gazetteer entries (no data loaded)."""

from __future__ import annotations

from dateline.places.gazetteer import Entry
from dateline.places.resolve import Context, certain, choose, prefer, within

FRANCE = Entry("c:FRA", "France", "country", "FRA", None, 46.0, 2.0, 67_000_000)
USA = Entry("c:USA", "United States", "country", "USA", None, 39.0, -98.0, 327_000_000)
LEBANON = Entry("c:LBN", "Lebanon", "country", "LBN", None, 33.8, 35.8, 6_800_000)
TEXAS = Entry("r:TX", "Texas", "region", "USA", "US-TX", 31.0, -97.0, 18_000_000)
MAINE = Entry("r:ME", "Maine", "region", "USA", "US-ME", 44.0, -70.0, 400_000)
PARIS_FR = Entry("p:fr", "Paris", "city", "FRA", None, 48.85, 2.35, 2_138_551)
PARIS_TX = Entry("p:tx", "Paris", "city", "USA", "US-TX", 33.66, -95.55, 24_782)
TRIPOLI_LY = Entry("t:ly", "Tripoli", "city", "LBY", None, 32.9, 13.2, 1_302_947)
TRIPOLI_LB = Entry("t:lb", "Tripoli", "city", "LBN", None, 34.4, 35.8, 229_398)
PORTLAND_OR = Entry("o:or", "Portland", "city", "USA", "US-OR", 45.5, -122.7, 652_503)
PORTLAND_ME = Entry("o:me", "Portland", "city", "USA", "US-ME", 43.7, -70.3, 66_881)
GEORGIA = Entry("g:geo", "Georgia", "country", "GEO", None, 42.0, 43.5, 3_704_500)
GEORGIA_US = Entry("g:ga", "Georgia", "region", "USA", "US-GA", 33.4, -84.1, 3_456_593)
WASHINGTON_DC = Entry("w:dc", "Washington", "city", "USA", "US-DC", 38.9, -77.0, 689_545)
WASHINGTON_STATE = Entry("w:wa", "Washington", "region", "USA", "US-WA", 47.4, -121.5, 5_009_039)


def test_a_bare_name_means_the_place_many_times_bigger() -> None:
    assert choose([PARIS_TX, PARIS_FR], Context()) == PARIS_FR


def test_a_written_qualifier_decides() -> None:
    assert choose([PARIS_FR, PARIS_TX], Context(), qualifier=TEXAS) == PARIS_TX


def test_names_of_similar_weight_stay_unresolved_without_evidence() -> None:
    assert choose([GEORGIA, GEORGIA_US], Context()) is None


def test_the_dateline_decides_between_similar_weights() -> None:
    assert choose([GEORGIA, GEORGIA_US], Context(dateline=[USA])) == GEORGIA_US
    assert choose([TRIPOLI_LY, TRIPOLI_LB], Context(dateline=[LEBANON])) == TRIPOLI_LB


def test_a_far_bigger_place_outweighs_the_dateline_country() -> None:
    # a story filed in Texas that mentions Paris still means France
    assert choose([PARIS_FR, PARIS_TX], Context(dateline=[TEXAS, USA])) == PARIS_FR


def test_a_region_named_in_the_text_narrows_within_a_country() -> None:
    ctx = Context(dateline=[USA], regions=[MAINE], countries=[USA])
    assert choose([PORTLAND_OR, PORTLAND_ME], ctx) == PORTLAND_ME
    assert choose([PORTLAND_OR, PORTLAND_ME], Context(dateline=[USA])) == PORTLAND_OR


def test_the_outlet_country_comes_after_the_text() -> None:
    assert choose([GEORGIA, GEORGIA_US], Context(outlet=[USA])) == GEORGIA_US
    georgian = Entry("c:GEO", "Georgia", "country", "GEO", None, 42.0, 43.5, 3_704_500)
    assert choose([GEORGIA, GEORGIA_US], Context(countries=[georgian], outlet=[USA])) == GEORGIA


def test_a_big_city_is_meant_over_its_regions_namesake() -> None:
    assert prefer([WASHINGTON_STATE, WASHINGTON_DC]) == [WASHINGTON_DC]
    assert choose([WASHINGTON_STATE, WASHINGTON_DC], Context()) == WASHINGTON_DC


def test_certain_is_the_only_candidate_or_the_only_qualified_one() -> None:
    assert certain([PARIS_FR]) == PARIS_FR
    assert certain([PARIS_FR, PARIS_TX]) is None
    assert certain([PARIS_FR, PARIS_TX], qualifier=TEXAS) == PARIS_TX


def test_within_a_country_or_region() -> None:
    assert within(PARIS_TX, USA) and within(PARIS_TX, TEXAS)
    assert not within(PARIS_FR, TEXAS) and not within(PORTLAND_OR, MAINE)
    assert within(TEXAS, TEXAS)


GENEVA_CH = Entry("gv:ch", "Geneva", "city", "CHE", None, 46.2, 6.1, 183_981)
GENEVA_IL = Entry("gv:il", "Geneva", "city", "USA", "US-IL", 41.9, -88.3, 21_495)
ONTARIO_CA = Entry("on:ca", "Ontario", "city", "USA", "US-CA", 34.1, -117.7, 175_265)
ONTARIO_PROVINCE = Entry("iso:CA-ON", "Ontario", "region", "CAN", "CA-ON", None, None, 0)
CANADA = Entry("c:CAN", "Canada", "country", "CAN", None, 60.0, -95.0, 37_000_000)
GULF = Entry("iso:PG-GPK", "Gulf", "region", "PNG", "PG-GPK", None, None, 0)


def test_the_dateline_country_does_not_outweigh_a_well_known_city_abroad() -> None:
    assert choose([GENEVA_IL, GENEVA_CH], Context(dateline=[USA])) == GENEVA_CH
    # the state the town is in, named in the story, does
    illinois = Entry("r:IL", "Illinois", "region", "USA", "US-IL", 40.0, -89.0, 7_000_000)
    assert choose([GENEVA_IL, GENEVA_CH], Context(dateline=[USA], regions=[illinois])) == GENEVA_IL


def test_a_region_of_unknown_weight_needs_evidence() -> None:
    assert choose([ONTARIO_CA, ONTARIO_PROVINCE], Context()) is None
    assert choose([ONTARIO_CA, ONTARIO_PROVINCE], Context(dateline=[CANADA])) == ONTARIO_PROVINCE
    assert choose([GULF], Context()) is None and certain([GULF]) is None


def test_a_qualifier_in_the_name_places_an_unknown_town_in_its_area() -> None:
    assert choose([], Context(), qualifier=TEXAS, own=True) == TEXAS
    # words after a name in a sentence may be a list, not a qualifier
    assert choose([GENEVA_CH], Context(), qualifier=TEXAS) == GENEVA_CH
