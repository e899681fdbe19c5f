import pytest

from dateline.extract.roles import split_title, title_after, title_before


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
