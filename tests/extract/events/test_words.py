from dateline.extract.events.words import bodies, noun_forms, nouns, sectors, verb_forms, verbs


def test_regular_verb_forms_follow_english_spelling() -> None:
    assert verb_forms("attack") == {"attack", "attacks", "attacked", "attacking"}
    assert verb_forms("seize") == {"seize", "seizes", "seized", "seizing"}
    assert {"supplies", "supplied"} <= verb_forms("supply")
    assert {"banned", "banning"} <= verb_forms("ban")


def test_irregular_forms_and_particles_come_from_the_list() -> None:
    table = verbs()
    assert table[("shot", "")].type == "ASSAULT"
    assert table[("shot", "")].mode == "firearms"
    assert table[("calls", "for")].type == "REQUEST"
    assert ("said", "") not in table  # saying is not an event by itself


def test_nouns_have_plurals_and_compounds() -> None:
    assert nouns()["talks"].type == "CONSULT"
    assert nouns()["hunger strikes"].mode == "hunger strike"
    assert noun_forms("militia") == {"militia", "militias"}


def test_sector_and_body_lists() -> None:
    assert sectors()["soldiers"] == "MIL"
    assert sectors()["protesters"] == "CVL"
    assert bodies()["nato"] == "NATO"


def test_lexicon_covers_the_plover_categories_beyond_the_commonest_verbs() -> None:
    table = verbs()
    assert table[("handed", "over")].type == "COOPERATE"
    assert table[("sent", "troops")].type == "MOBILIZE"
    assert table[("sent", "aid")].type == "AID"
    assert table[("beheaded", "")].type == "ASSAULT"
    assert table[("repudiated", "")].type == "REJECT"
    assert table[("backed", "down")].type == "CONCEDE"
    assert nouns()["gun battles"].mode == "firearms"
    assert nouns()["deportations"].type == "COERCE"
