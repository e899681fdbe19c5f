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


def test_first_part_of_a_two_part_country_name_and_multiword_demonyms() -> None:
    from dateline.extract.events.parties import country_of_name

    assert country_of_name("Bosnia") == "BIH"
    assert country_of_name("Trinidad") == "TTO"
    assert country_of_name("Ruritania") is None
    assert demonym("Bosnian") == "BIH"
    assert demonym("Sierra Leonean") == "SLE"
