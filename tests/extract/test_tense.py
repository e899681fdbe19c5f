import pytest

from dateline.extract.tense import sentence_around, tense


def at(sentence: str, expression: str, look_after: bool = True) -> str | None:
    start = sentence.index(expression)
    return tense(sentence, start, start + len(expression), look_after)


@pytest.mark.parametrize(
    ("sentence", "expression", "expected"),
    [
        ("The ministers will meet in June.", "June", "future"),
        ("The ministers met in June.", "June", "past"),
        ("In June, the ministers plan to meet again.", "June", "future"),
        ("The dividend will be paid Dec. 14.", "Dec. 14", "future"),
        ("The deal is to close by March.", "March", "future"),
        ("Reports had been filed by Wednesday.", "Wednesday", None),
        ("Talks on trade in June.", "June", None),
    ],
)
def test_nearest_cue_decides(sentence: str, expression: str, expected: str | None) -> None:
    assert at(sentence, expression) == expected


def test_words_after_can_be_ignored() -> None:
    sentence = "On Friday, the government planned to pay the claims."
    assert at(sentence, "Friday") == "future"
    assert at(sentence, "Friday", look_after=False) is None


def test_sentence_around_stops_at_sentence_ends() -> None:
    text = "Prices fell. Sales will rise in May. Costs rose."
    start = text.index("May")
    before, after = sentence_around(text, start, start + 3)
    assert before == "Sales will rise in "
    assert after == "."
