from dateline.extract.first_names import name_gender


def test_common_first_names_point_to_a_gender() -> None:
    assert name_gender("Carly") == "f"
    assert name_gender("WALTER") == "m"
    assert name_gender("Hillary") == "f"


def test_names_given_to_both_sexes_or_unknown_point_nowhere() -> None:
    assert name_gender("Leslie") is None  # common among both: no guess
    # Mostly one sex, but carried by enough of the other (a senator named Lindsey) that a
    # guess would misfile: no guess either.
    assert name_gender("Lindsey") is None
    assert name_gender("Chris") is None
    assert name_gender("Sen.") is None
    assert name_gender("Zyxqor") is None
