from __future__ import annotations

from functools import cache

import pytest

from dateline.extract.gender import person_genders


def _mentions(text: str, names: dict[str, str]) -> list[tuple[int, int, str]]:
    out = []
    for name, pid in names.items():
        at = text.find(name)
        while at != -1:
            out.append((at, at + len(name), pid))
            at = text.find(name, at + 1)
    return out


@pytest.mark.slow
def test_genders_from_pronouns_honorifics_and_roles(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ("Ann Lee said she would run again. Lee added that she had the votes. "
            "Mr. Park disagreed. Park, a spokesman for the party, said the count was wrong. "
            "Kim Obi, the former mayor, said nothing.")
    genders = person_genders(nlp(text), _mentions(text, {"Lee": "lee", "Park": "park",
                                                         "Kim Obi": "obi"}))
    assert genders == {"lee": "f", "park": "m"}  # one vote or none decides nothing


@pytest.mark.slow
def test_another_name_before_the_pronoun_blocks_the_vote(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Ann Lee told Bo Park he was wrong. Ann Lee told Bo Park he should go."
    genders = person_genders(nlp(text), _mentions(text, {"Ann Lee": "lee", "Bo Park": "park"}))
    assert "lee" not in genders


def test_words_around_a_name_say_its_gender() -> None:
    from dateline.extract.gender import word_gender

    text = "The first lady, Ann Lee, spoke. Mr. Bo Park and his wife Kim Obi left. Jo Dee, a spokesman, stayed."
    def at(name: str) -> str | None:
        s = text.index(name)
        return word_gender(text, s, s + len(name))

    assert (at("Ann Lee"), at("Bo Park"), at("Kim Obi"), at("Jo Dee")) == ("f", "m", "f", "m")
    assert word_gender("Ann Lee spoke.", 0, 7) is None



@cache
def _vocab():  # type: ignore[no-untyped-def]
    """A blank English vocabulary: no model, but words know their lower case and which are
    quotation marks."""
    from spacy.lang.en import English

    return English().vocab


def _doc(text: str):  # type: ignore[no-untyped-def]
    """A parse-free Doc (no model to load): words split on spaces, one sentence a line."""
    from spacy.tokens import Doc

    words = text.split(" ")
    return Doc(_vocab(), words=words, spaces=[True] * (len(words) - 1) + [False],
               sent_starts=[True] + [False] * (len(words) - 1))


def test_a_first_name_decides_when_the_article_does_not() -> None:
    text = "Carly Dunn and Walter Hale met the board. Leslie Moor stayed away."
    mentions = _mentions(text, {"Carly Dunn": "dunn", "Walter Hale": "hale",
                                "Leslie Moor": "moor"})
    names = {"dunn": "Carly Dunn", "hale": "Walter Hale", "moor": "Leslie Moor"}
    assert person_genders(_doc(text), mentions, names) == {"dunn": "f", "hale": "m"}


def test_the_article_outvotes_a_first_name() -> None:
    # `Mrs.` four times against a first name that is most often a man's.
    text = "Mrs. Walter Ray spoke. Mrs. Ray left. Then Mrs. Ray came back. Mrs. Ray sat."
    mentions = [(text.index("Walter Ray"), text.index("Walter Ray") + 10, "ray")]
    mentions += [(m, m + 3, "ray") for m in (text.index("Ray left"), text.index("Ray came"),
                                             text.index("Ray sat"))]
    assert person_genders(_doc(text), mentions, {"ray": "Walter Ray"}) == {"ray": "f"}
    assert person_genders(_doc(text), mentions[:1], {"ray": "Walter Ray"}) == {}


def test_a_role_after_a_name_without_a_comma_is_someone_elses() -> None:
    from dateline.extract.gender import word_gender

    # `Lee campaign spokesman Bo Park`: the name modifies the role, which is Park's.
    text = "Lee campaign spokesman Bo Park said no."
    assert word_gender(text, 0, 3) is None
    assert word_gender("Jo Dee, a spokeswoman, stayed.", 0, 6) == "f"


def test_a_pronoun_after_a_quotation_mark_is_the_speaker_not_the_name_quoted() -> None:
    # `"... Ann Lee will win," he said` twice: the `he` is the speaker, not Ann Lee.
    text = '" Ann Lee will win , " he said . " Ann Lee will run , " he said .'
    mentions = _mentions(text, {"Ann Lee": "lee"})
    assert person_genders(_doc(text), mentions) == {}


def test_a_surname_two_people_share_does_not_vote_by_the_pronoun_after_it() -> None:
    # Which Park a bare `Park` is, is a guess: its `he` must not outvote Carly Park's name.
    text = "Carly Park and Bo Park came . Park said he would stay . Park said he would go ."
    at = [i for i in range(len(text)) if text.startswith("Park said", i)]
    mentions = [(text.index("Carly Park"), text.index("Carly Park") + 10, "carly"),
                (text.index("Bo Park"), text.index("Bo Park") + 7, "bo")]
    mentions += [(s, s + 4, "carly") for s in at]
    names = {"carly": "Carly Park", "bo": "Bo Park"}
    assert person_genders(_doc(text), mentions, names).get("carly") == "f"


def test_a_name_holding_another_whole_is_one_person_not_a_shared_surname() -> None:
    # `Big Zorla Park` is a nickname form of Zorla Park (a first name the lists do not
    # hold): her own `she` after `Park` still votes.
    text = "Big Zorla Park came . Park said she would stay . Park said she would go ."
    at = [i for i in range(len(text)) if text.startswith("Park said", i)]
    mentions = [(s, s + 4, "zorla") for s in at]
    names = {"zorla": "Zorla Park", "big": "Big Zorla Park"}
    assert person_genders(_doc(text), mentions, names) == {"zorla": "f"}


def test_the_first_name_is_read_past_a_nickname_before_it() -> None:
    from dateline.extract.gender import _first_name_gender

    assert _first_name_gender("Crooked Carly Dunn") == "f"
    assert _first_name_gender("Sen. Walter Hale") == "m"
    assert _first_name_gender("Dunn") is None
