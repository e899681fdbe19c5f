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
