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


def direct(nlp, text: str) -> list[tuple[str | None, str | None]]:  # type: ignore[no-untyped-def]
    return [(q.speaker, q.speaker_entity) for q in run(nlp, text) if q.kind == "direct"]


@pytest.mark.slow
def test_a_surname_after_the_full_name_is_filed_under_that_person(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ("Harold Brenner addressed the summit in Denver on Monday.\n\n"
            "Brenner began the day with a speech. \"We will make a deal with the governors, "
            "whether or not they want it,\" Brenner told The Associated Press of the plans "
            "for the region.")
    assert direct(nlp, text) == [("Harold Brenner", "person:harold-brenner")]


@pytest.mark.slow
def test_a_name_before_its_description_speaks(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ("Retired Gen. Michael Flynn spoke on Thursday.\n\n\"There is a severe disconnect "
            "between this White House and our military,\" Flynn, a top Trump surrogate, said "
            "Thursday morning on Fox News.")
    assert direct(nlp, text) == [("Michael Flynn", "person:michael-flynn")]


@pytest.mark.slow
def test_by_saying_is_said_by_the_subject_of_the_clause(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ("President Walter Pike spoke at the memorial on Tuesday.\n\n"
            "Pike ended his list of cities by saying \"Too many.\"")
    assert direct(nlp, text) == [("Walter Pike", "person:walter-pike")]


@pytest.mark.slow
def test_a_subject_across_a_paragraph_break_is_a_misparse(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ("The ceremony went on.\n\n1:50 p.m.\n\nVeteran ring doctor Ann Pachman once said: "
            "\"The boy was born in Louisville. The champion was born in Miami.\"")
    assert direct(nlp, text) == [("Ann Pachman", "person:ann-pachman")]


@pytest.mark.slow
def test_she_goes_back_to_the_speaker_quoted_two_paragraphs_up(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ("Sen. Ann Lowry (I-Vt.) defended her plan on Saturday.\n\n"
            "\"I apologize to nobody for that,\" the senator said during the debate.\n\n"
            "The senator was challenged on the cost. And she refused to concede the point.\n\n"
            "\"It is not a radical idea to pay people enough to live on,\" she said.")
    assert direct(nlp, text)[-1] == ("Ann Lowry", "person:ann-lowry")


@pytest.mark.slow
def test_they_goes_to_a_body_or_group_never_a_person(nlp) -> None:  # type: ignore[no-untyped-def]
    body = ("The State Department said on Monday that talks would resume.\n\n"
            "\"We remain committed to the process,\" they said in a statement.")
    assert direct(nlp, body) == [("State Department", "org:state-department")]
    group = ("Democrats in the Senate blocked the bill on Tuesday.\n\n"
             "\"This bill would hurt working families,\" they said in a joint statement.")
    assert direct(nlp, group) == [("Democrats", "norp:democrats")]
    person = "Ann Lee met the board in Denver.\n\n\"We are not selling,\" they said."
    assert direct(nlp, person) == [("they", None)]


@pytest.mark.slow
def test_they_with_a_nearer_plural_that_names_no_one_stays_unresolved(nlp) -> None:  # type: ignore[no-untyped-def]
    crowd = ("The State Department said on Monday that talks would resume. Protesters gathered "
             "outside the building.\n\n\"We will not go home,\" they said.")
    assert direct(nlp, crowd) == [("they", None)]
    pair = "Mark Dunne and Ellen Park met the press on Monday.\n\n\"We will not go home,\" they said."
    assert direct(nlp, pair) == [("they", None)]


def _direct(nlp, text: str):  # type: ignore[no-untyped-def]
    return [q for q in run(nlp, text) if q.kind == "direct"]


@pytest.mark.slow
def test_a_quoted_modifier_is_not_a_quote(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ('The union kept urging "comprehensive" negotiations with the city. Its leader '
            'called the offer "reckless" and walked out.')
    assert _direct(nlp, text) == []


@pytest.mark.slow
def test_a_role_description_speaks_for_the_person_with_that_title(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ("Former President Ann Whitfield opened the rally in Dayton. Tom Brandt, a "
            "local organizer, introduced her to the crowd.\n\n"
            '"We have to win this state," the former president said.\n\n'
            '"Every county counts," the governor said.')
    first, second = _direct(nlp, text)
    assert first.speaker_entity is not None and "whitfield" in first.speaker_entity
    assert second.speaker_entity is None  # no governor was named: no one is filed


@pytest.mark.slow
def test_he_goes_to_the_person_the_story_turned_to(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ('"Turnout will decide it," Mark Ellison said on Sunday.\n\n'
            "Paul Ferraro, a pollster who has worked for both parties, disagrees. "
            '"Nobody knows what turnout will be this year," he said.')
    second = _direct(nlp, text)[-1]
    assert second.speaker_entity is not None and "ferraro" in second.speaker_entity


@pytest.mark.slow
def test_she_skips_a_man_known_by_his_first_name(nlp) -> None:  # type: ignore[no-untyped-def]
    # Walter Greer is the last subject, and nothing in the article gives his gender.
    text = ("Janet Simmons won the primary after Walter Greer conceded late on Tuesday.\n\n"
            '"I earned every single vote in this district," she said.')
    quote = _direct(nlp, text)[-1]
    assert quote.speaker_entity is not None and "simmons" in quote.speaker_entity


@pytest.mark.slow
def test_a_title_with_a_place_goes_to_the_one_holder_named_beside_it(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ("Sen. Carla Benton of Ohio campaigned on Monday with Sen. Paul Greer of Texas.\n\n"
            '"We will win this state," the Texas senator said.\n\n'
            '"The count is not over," the Oregon senator said.')
    texas, oregon = _direct(nlp, text)
    assert texas.speaker_entity is not None and "greer" in texas.speaker_entity
    assert oregon.speaker_entity is None  # no senator was named beside Oregon: no one is filed


@pytest.mark.slow
def test_a_described_person_with_a_place_needs_the_story_on_them(nlp) -> None:  # type: ignore[no-untyped-def]
    alone = ("Frank Loman, a real estate developer, toured the new tower on Friday.\n\n"
             '"This city deserves the best," the Chicago businessman said.')
    assert "loman" in (_direct(nlp, alone)[0].speaker_entity or "")
    # Another person named after the last subject: the words do not say which one is meant.
    other = ("Frank Loman, a real estate developer, toured the new tower on Friday with "
             "Mayor Judith Kane.\n\n"
             '"This city deserves the best," the Chicago businessman said.')
    assert _direct(nlp, other)[0].speaker_entity is None


@pytest.mark.slow
def test_a_description_run_into_a_name_gives_the_name(nlp) -> None:  # type: ignore[no-untyped-def]
    for text in (
        'The analyst Dana Byrne said: "Prices will keep rising."',
        'As the analyst Dana Byrne pointed out in May, "Prices will keep rising."',
    ):
        (q,) = run(nlp, text)
        assert (q.speaker, q.speaker_entity) == ("Dana Byrne", "person:dana-byrne"), text


@pytest.mark.slow
def test_a_nominee_is_the_person_introduced_as_one_or_no_one(nlp) -> None:  # type: ignore[no-untyped-def]
    (q,) = run(nlp, "Republican nominee Ann Lee spoke in Ohio on Monday. Mark Dolan campaigned in "
                    'Florida. "We will win," the Republican nominee said.')
    assert q.speaker_entity == "person:ann-lee"
    (q,) = run(nlp, "Ann Lee spoke in Ohio on Monday. Mark Dolan campaigned in Florida. "
                    '"We will win," the Republican nominee said.')
    assert q.speaker_entity is None  # not the last subject: nobody was introduced as nominee
