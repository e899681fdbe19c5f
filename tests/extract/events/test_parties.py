from dateline.extract.events.parties import DIRECTIONS, demonym


def test_demonyms_from_the_table_and_from_country_names() -> None:
    assert demonym("Iraqi") == "IRQ"
    assert demonym("Zimbabwean") == "ZWE"
    assert demonym("Rwandans") == "RWA"
    assert demonym("Sudanese") == "SDN"
    assert demonym("Bangladeshi") == "BGD"


def test_words_that_are_not_demonyms_stay_unresolved() -> None:
    assert demonym("leaders") is None
    assert demonym("Monday") is None
    assert demonym("UN") is None


def test_directions_before_a_country_name_are_dropped() -> None:
    assert DIRECTIONS.sub("", "east Bosnia") == "Bosnia"
    assert DIRECTIONS.sub("", "the northern Iraq") == "Iraq"
    assert DIRECTIONS.sub("", "Eastleigh") == "Eastleigh"
