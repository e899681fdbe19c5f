import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dateline.extract import tense as tense_mod
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


def _plain_cues(clause: str) -> list[tuple[int, int, str]]:
    """`_cues` as first written: each pattern as compiled, `_PASSIVE` over the whole prefix."""
    out = [(m.start(), m.end(), "future") for m in tense_mod.FUTURE.finditer(clause)]
    out += [(m.start(), m.end(), "past") for m in tense_mod._PAST_WORD.finditer(clause)
            if m.group(0).lower() not in tense_mod._NOT_PAST
            and not tense_mod._PASSIVE.search(clause, 0, m.start())]
    return out


CUE_WORDS = ("will be paid", "was being sold", "had been\n planned", "is to", "won't", "they'll",
             "expected to", "rose", "Limited", "fell", "be   ended", "BEEN\tcalled", "ſaid",
             "next", "ago", "started", "scheduled", "\u2029", "\u0130s due", "by", "until")


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(CUE_WORDS + ("the", "talks", ",", ".", " ", "\n")),
                max_size=12).map(" ".join))
def test_cues_equal_the_plain_reading(clause: str) -> None:
    assert tense_mod._cues(clause) == _plain_cues(clause)
