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


def test_demonyms_of_plural_names_and_other_endings() -> None:
    assert demonym("Philippine") == "PHL"  # the adjective of `Philippines`
    assert demonym("Somali") == "SOM"
    assert demonym("Nigerien") == "NER"


def test_a_state_named_by_name_or_capital_is_not_the_domestic_sides_country() -> None:
    from dateline.extract.events.parties import fill_countries, names_state
    from dateline.model import Party

    assert names_state(Party("the United States", None, "USA", "GOV"))
    assert not names_state(Party("the government", None, "ARN", "GOV"))
    actor = Party("The president", None, None, "GOV")
    fill_countries(actor, Party("Canada", None, "CAN", "GOV"), None)
    assert actor.country is None  # `the president praised Canada`: Canada is the other side
    actor = Party("The president", None, None, "GOV")
    fill_countries(actor, Party("the opposition", None, "CAN", "OPP"), None)
    assert actor.country == "CAN"


def test_what_the_actor_calls_its_own_is_of_its_country_unless_the_act_has_a_place() -> None:
    from dateline.extract.events.parties import fill_countries
    from dateline.model import Party

    own = Party("its citizens", None, None, "CVL")
    fill_countries(Party("Norway", None, "NOR", "GOV"), own, None)
    assert own.country == "NOR"
    troops = Party("its troops", None, None, "MIL")
    fill_countries(Party("Norway", None, "NOR", "GOV"), troops, "SWE")
    assert troops.country == "SWE"


def test_demonyms_of_names_ending_in_o() -> None:
    assert demonym("Moroccan") == "MAR"
    assert demonym("Mexicans") == "MEX"


def test_a_party_of_no_country_takes_the_sentences_only_one() -> None:
    from dateline.extract.events.parties import fill_from_sentence
    from dateline.model import Party

    chief = Party("General Avon", None, None, "MIL")
    fill_from_sentence(chief, ["NOR"])
    assert chief.country == "NOR"
    two = Party("General Avon", None, None, "MIL")
    fill_from_sentence(two, ["NOR", "SWE"])
    assert two.country is None  # which of the two is not said
    named = Party("Congolese officials", None, None, "GOV")
    fill_from_sentence(named, ["NOR"])
    assert named.country is None  # its own nation is named, only not placed by the tables


def test_demonyms_of_names_ending_in_a() -> None:
    assert demonym("Burmese") == "MMR"
    assert demonym("Maltese") == "MLT"


def test_the_sentences_country_is_not_taken_from_the_other_side() -> None:
    from dateline.extract.events.parties import fill_from_sentence
    from dateline.model import Party

    gunmen = Party("Masked gunmen", None, None, "REB")
    fill_from_sentence(gunmen, ["NOR"], other="NOR")  # `... fired at a Norwegian ferry`
    assert gunmen.country is None
    fill_from_sentence(gunmen, ["NOR"], other="SWE")
    assert gunmen.country == "NOR"


def test_nationals_the_country_table_lacks() -> None:
    assert (demonym("Serbs"), demonym("Croat"), demonym("Poles")) == ("SRB", "HRV", "POL")
    assert (demonym("Ivorian"), demonym("Salvadoran"), demonym("Filipinos")) == (
        "CIV", "SLV", "PHL")
    assert demonym("Kurds") is None  # a people of several states names none of them


def test_a_place_or_thing_attacked_is_of_the_country_where_it_stands() -> None:
    from dateline.extract.events.parties import fill_countries
    from dateline.model import Party

    army = Party("The army", None, "NOR", "MIL")
    villages = Party("three villages", None, None, None)
    fill_countries(army, villages, "SWE")
    assert villages.country == "SWE"
    hostages = Party("two hostages", None, None, None)
    fill_countries(army, hostages, "SWE")
    assert hostages.country is None  # people are not of the place they are in


def test_a_body_named_in_four_words_is_found() -> None:
    from types import SimpleNamespace

    from dateline.extract.events.parties import _body

    words = "inspectors of the international atomic energy agency".split()
    assert _body([SimpleNamespace(lower_=w) for w in words]) == "UN"  # type: ignore[misc]
    words = "the organization of american states".split()
    assert _body([SimpleNamespace(lower_=w) for w in words]) == "OAS"  # type: ignore[misc]
