from dateline.extract.cues import cue_votes, is_place_qualifier, is_time_zone


def votes(text: str, name: str) -> dict[str, float]:
    start = text.index(name)
    return dict(cue_votes(text, start, start + len(name)))


def test_apposed_org_noun_and_role_after() -> None:
    assert "ORG" in votes("said the German magazine Die Woche on Monday", "Die Woche")
    assert "ORG" in votes("Skyways CEO Tom Hale said", "Skyways")
    assert votes("said Tom Hale on Monday", "Tom Hale") == {}


def test_company_suffix() -> None:
    assert "ORG" in votes("Saturn Corporation was sold.", "Saturn Corporation")


def test_place_qualified_by_country_or_state() -> None:
    assert "GPE" in votes("flown to Toulouse, France for the ceremony", "Toulouse")
    assert "GPE" in votes("built in Mobile, Alabama last year", "Mobile")
    assert "GPE" not in votes("Hale, Smith and Jones said", "Hale")
    assert is_place_qualifier("Ontario") and not is_place_qualifier("Monday")


def test_lower_camel_names_are_products() -> None:
    assert "PRODUCT" in votes("sales of the iPod rose", "iPod")
    assert "PRODUCT" not in votes("sales of the Walkman rose", "Walkman")


def test_time_zone_after_a_clock_time() -> None:
    text = "took off at 08:30 UTC on Monday"
    assert is_time_zone(text, text.index("UTC"))
    assert not is_time_zone("UTC said", 0)


def test_countries_get_no_org_cue() -> None:
    assert votes("US stock markets fell", "US") == {}
    assert votes("a US spokesman said", "US") == {}
