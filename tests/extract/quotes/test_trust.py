"""Issue 13's speaker cases, in our own sentences: no quote without a verb of saying,
claiming, stance or thought; no speaker that is a date, a place, a product or a platform;
pronouns only within reach; no carry from a report nested in another."""

import pytest

from dateline.extract.entities import extract_entities
from dateline.extract.quotes import extract_quotes

from ..helpers import article


def run(nlp, text: str):  # type: ignore[no-untyped-def]
    doc = nlp(text)
    return extract_quotes(extract_entities(article(text), doc), doc).quotes


@pytest.mark.slow
def test_verbs_that_are_not_speech_make_no_quote(nlp) -> None:  # type: ignore[no-untyped-def]
    for text in (
        "The United States will continue its support of the coastal guard units.",
        "Oil producers agreed to cut output by five percent in the spring.",
        "Traders saw prices slump after the harvest figures came out.",
        "The governor pledged on Thursday to raise pensions for retired teachers.",
        "Mark Dolan called into a radio program on Monday to complain about the roads.",
        "The council called in engineers to inspect the old bridge.",
    ):
        assert run(nlp, text) == [], text


@pytest.mark.slow
def test_speech_stance_and_thought_verbs_report(nlp) -> None:  # type: ignore[no-untyped-def]
    cases = {
        "Economist Jane Rivers pointed out that exports had fallen for a third month.":
            ("Jane Rivers", "pointed"),
        "Mayor Tom Hale believes the new line will open next year.": ("Tom Hale", "believes"),
        "Senator Ruth Okafor called for an inquiry into the contract.": ("Ruth Okafor", "called"),
        "Minister Paul Aveline agreed that the plan had failed.": ("Paul Aveline", "agreed"),
    }
    for text, (speaker, cue) in cases.items():
        quotes = [q for q in run(nlp, text) if q.kind == "indirect"]
        assert [(q.speaker, q.cue) for q in quotes] == [(speaker, cue)], text


@pytest.mark.slow
def test_a_date_is_never_a_speaker(nlp) -> None:  # type: ignore[no-untyped-def]
    quotes = run(nlp, '"The vote is over and the count begins now," said Tuesday.')
    assert [q.speaker for q in quotes if q.kind == "direct"] == [None]


@pytest.mark.slow
def test_a_platform_never_stands_for_she(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ("Maria Lopez saw the crash from her window. She posted a video on Twitter within "
            'minutes.\n\n"The car just flew over the barrier," she said.')
    direct = [q for q in run(nlp, text) if q.kind == "direct"]
    assert [q.speaker for q in direct] == ["Maria Lopez"]
    assert direct[0].speaker_entity is not None and "twitter" not in direct[0].speaker_entity


@pytest.mark.slow
def test_a_pronoun_far_from_any_person_keeps_its_words(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ("Anna Berg, a nurse, arrived at the clinic in March.\n\n"
            "The clinic later moved to a new building downtown.\n\n"
            "The town council approved the move last week.\n\n"
            "Officials expect the wards to open in the autumn.\n\n"
            '"It is a fine day for the town," she said.')
    direct = [q for q in run(nlp, text) if q.kind == "direct"]
    assert [(q.speaker, q.speaker_entity) for q in direct] == [("she", None)]


@pytest.mark.slow
def test_quote_after_a_nested_report_continues_the_outer_speaker(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ("Senate leader Tom Hadley said he was pleased that Governor Walt Mercer had admitted "
            'some of his errors. "But one speech does not rebuild trust."')
    direct = [q for q in run(nlp, text) if q.kind == "direct"]
    assert [q.speaker for q in direct] == ["Tom Hadley"]


@pytest.mark.slow
def test_a_place_qualifying_a_role_is_not_the_speaker(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ("Senate leader Tom Hadley spoke to reporters after the vote.\n\n"
            '"We are going to lose this one," the Ohio Democrat said.')
    direct = [q for q in run(nlp, text) if q.kind == "direct"]
    assert [q.speaker_entity for q in direct] == ["person:tom-hadley"]


@pytest.mark.slow
def test_a_name_qualifying_a_role_is_not_the_speaker(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "A top Dana Whitfield adviser says the senator is on a glide path to the nomination."
    quotes = [q for q in run(nlp, text) if q.kind == "indirect"]
    assert quotes and all(q.speaker_entity is None for q in quotes)
