import pytest

from dateline.extract.roles import honorific_before, split_title, title_after, title_before


def test_split_title_in_a_person_span() -> None:
    assert split_title("Prime Minister Boris Johnson") == ("Prime Minister", "Boris Johnson")
    assert split_title("John Godfrey") == (None, "John Godfrey")


def test_appositive_title() -> None:
    text = "Sergei Lavrov, the foreign minister, said"
    assert title_after(text, len("Sergei Lavrov")) == "foreign minister"
    assert title_after("Lavrov, who arrived late, said", len("Lavrov")) is None


@pytest.mark.slow
def test_title_before_a_name(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("The release quoted US Special Envoy John Godfrey on Monday.")
    start = [t.i for t in doc if t.text == "John"][0]
    found = title_before(doc, start, 0)
    assert found is not None and found[1] == "US Special Envoy"
    doc = nlp("Yesterday John Godfrey left.")
    assert title_before(doc, 1, 0) is None


def test_honorific_before_a_name() -> None:
    text = "Talks ended. Mr. Howard left, and later Vice President Dick Cheney spoke."
    assert honorific_before(text, text.index("Howard")) == text.index("Mr.")
    assert honorific_before(text, text.index("Dick")) == text.index("Vice")
    assert honorific_before(text, text.index("Talks")) is None


def test_no_honorific_inside_a_longer_title() -> None:
    text = "Attorney General John Ashcroft and Foreign Minister Sergei Lavrov met."
    assert honorific_before(text, text.index("John")) is None
    assert honorific_before(text, text.index("Sergei")) is None


def test_a_role_is_headed_by_a_title_or_office_noun() -> None:
    from dateline.extract.roles import is_role

    for role in ("US Special Envoy", "Senate Majority Leader", "Saudi Arabian Oil Minister",
                 "foreign minister", "Secretary of State", "Minister for Foreign Affairs"):
        assert is_role(role.split()), role
    for fragment in ("adviser to the", "Mr. King and Mr.", "the", "of State", "Democrat",
                     "Harbor Shipping"):
        assert not is_role(fragment.split()), fragment


def test_appositive_fragments_are_no_roles() -> None:
    text = "Ann Lee, adviser to the U.S. trade office, said"
    assert title_after(text, len("Ann Lee")) is None
    assert title_after("Ann Lee, the foreign minister. She left", len("Ann Lee")) == (
        "foreign minister")


@pytest.mark.slow
def test_title_before_stops_at_another_name(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("The talks between Mr. King and Mr. Lee ended on Monday.")
    start = [t.i for t in doc if t.text == "Lee"][0]
    assert title_before(doc, start, 0) is None
    doc = nlp("Senate Majority Leader Tom Hadley spoke.")
    start = [t.i for t in doc if t.text == "Tom"][0]
    assert title_before(doc, start, 0)[1] == "Senate Majority Leader"  # type: ignore[index]
