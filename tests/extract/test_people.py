"""People within an article, from the text alone (no model): each name with its NER label."""

from dateline.extract.people import UNRESOLVED, Named, resolve_people


def _keys(text: str, names: list[tuple[str, str | None]]) -> list[str | None]:
    spans, at = [], 0
    for name, label in names:
        start = text.index(name, at)
        spans.append(Named(start, start + len(name), name, label))
        at = start + len(name)
    return resolve_people(text, spans)


def test_honorifics_send_each_surname_to_the_person_of_that_gender() -> None:
    text = ("President Barack Obama spoke. Mr. Obama said so. The first lady, Michelle Obama, "
            "came later. Mrs. Obama said so too.")
    keys = _keys(text, [("Barack Obama", "PERSON"), ("Obama", "PERSON"),
                        ("Michelle Obama", "PERSON"), ("Obama", None)])
    assert keys == ["barack obama", "barack obama", "michelle obama", "michelle obama"]


def test_middle_initial_and_honorific_name_one_person() -> None:
    text = "Donald J. Trump spoke. Donald Trump flew home. Mr. Trump said so."
    keys = _keys(text, [("Donald J. Trump", "PERSON"), ("Donald Trump", "PERSON"),
                        ("Trump", "PERSON")])
    assert len(set(keys)) == 1 and keys[0] is not None


def test_a_bare_surname_goes_to_the_one_named_last() -> None:
    text = "Ann Park met Tom Park. Park said sales rose. Ann Park left. Park stayed."
    keys = _keys(text, [("Ann Park", "PERSON"), ("Tom Park", "PERSON"), ("Park", None),
                        ("Ann Park", "PERSON"), ("Park", None)])
    assert keys == ["ann park", "tom park", "tom park", "ann park", "ann park"]


def test_a_surname_before_either_full_name_stays_unresolved() -> None:
    text = "Park said so. Ann Park and Tom Park disagreed."
    keys = _keys(text, [("Park", None), ("Ann Park", "PERSON"), ("Tom Park", "PERSON")])
    assert keys[0] == UNRESOLVED + "park"


def test_a_surname_of_the_other_gender_stays_unresolved() -> None:
    text = "Scott Walker, the party chairman, spoke. Mrs. Walker said nothing."
    keys = _keys(text, [("Scott Walker", "PERSON"), ("Walker", None)])
    assert keys == ["scott walker", UNRESOLVED + "walker"]


def test_names_that_are_no_persons_surname_are_left_alone() -> None:
    text = "Acme Corp hired Ann Lee. Acme said so."
    assert _keys(text, [("Acme Corp", "ORG"), ("Ann Lee", "PERSON"), ("Acme", None)]) == [
        None, "ann lee", None]



def test_a_son_named_with_his_suffix_is_another_person_and_a_bare_surname_is_the_father() -> None:
    text = ("Donald Trump spoke in Ohio. His son, Donald Trump Jr., spoke in Iowa. "
            "Trump said the polls were wrong. Trump Jr. said so too.")
    keys = _keys(text, [("Donald Trump", "PERSON"), ("Donald Trump Jr.", "PERSON"),
                        ("Trump", "PERSON"), ("Trump Jr.", "PERSON")])
    assert keys == ["donald trump", "donald trump jr", "donald trump", "donald trump jr"]
