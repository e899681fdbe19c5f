from dateline.extract.countries import country_code, demonym_code, display_name


def test_common_names_and_short_forms() -> None:
    for name in ("US", "U.S.", "the United States", "United States of America", "America"):
        assert country_code(name) == "USA", name
    assert country_code("Russia") == "RUS"
    assert country_code("Britain") == "GBR"
    assert country_code("Iran") == "IRN"


def test_pycountry_names() -> None:
    assert country_code("Afghanistan") == "AFG"
    assert country_code("Iraq") == "IRQ"
    assert country_code("Syrian Arab Republic") == "SYR"


def test_short_words_are_not_codes() -> None:
    assert country_code("in") is None
    assert country_code("ME") is None
    assert country_code("Washington") is None


def test_demonyms_and_display() -> None:
    assert demonym_code("Iraqi") == "IRQ"
    assert demonym_code("Syrians") == "SYR"
    assert demonym_code("Daesh") is None
    assert display_name("USA") == "United States"
    assert display_name("RUS") == "Russia"
    assert display_name("IRQ") == "Iraq"
