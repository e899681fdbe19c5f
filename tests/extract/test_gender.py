from __future__ import annotations

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



def _doc(text: str):  # type: ignore[no-untyped-def]
    """A parse-free Doc (no model to load): words split on spaces, one sentence a line."""
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

    words = text.split(" ")
    return Doc(Vocab(), words=words, spaces=[True] * (len(words) - 1) + [False],
               sent_starts=[True] + [False] * (len(words) - 1))


def test_a_first_name_decides_when_the_article_does_not() -> None:
    text = "Carly Dunn and Walter Hale met the board. Leslie Moor stayed away."
    mentions = _mentions(text, {"Carly Dunn": "dunn", "Walter Hale": "hale",
                                "Leslie Moor": "moor"})
    names = {"dunn": "Carly Dunn", "hale": "Walter Hale", "moor": "Leslie Moor"}
    assert person_genders(_doc(text), mentions, names) == {"dunn": "f", "hale": "m"}


def test_the_article_outvotes_a_first_name() -> None:
    # `Mrs.` four times against a first name that is most often a man's.
    text = "Mrs. Jordan Ray spoke. Mrs. Ray left. Then Mrs. Ray came back. Mrs. Ray sat."
    mentions = [(text.index("Jordan Ray"), text.index("Jordan Ray") + 10, "ray")]
    mentions += [(m, m + 3, "ray") for m in (text.index("Ray left"), text.index("Ray came"),
                                             text.index("Ray sat"))]
    assert person_genders(_doc(text), mentions, {"ray": "Jordan Ray"}) == {"ray": "f"}
    assert person_genders(_doc(text), mentions[:1], {"ray": "Jordan Ray"}) == {}
