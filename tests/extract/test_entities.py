import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dateline.extract.entities import extract_entities, whole_words
from dateline.model import Notice

from .helpers import article

pytestmark = pytest.mark.slow


def run(nlp, text: str, notices=None):  # type: ignore[no-untyped-def]
    a = article(text, notices=notices)
    return {e.name: e for e in extract_entities(a, nlp(a.text)).entities}


def test_surname_joins_full_name_and_role(nlp) -> None:  # type: ignore[no-untyped-def]
    ents = run(nlp, "US Special Envoy John Godfrey arrived in Baghdad. "
                    "Later, Godfrey met officials.")
    e = ents["John Godfrey"]
    assert e.type == "PERSON"
    assert [m.text for m in e.mentions] == ["John Godfrey", "Godfrey"]
    assert e.roles == ["US Special Envoy"]
    assert "Godfrey" not in ents


def test_country_forms_group_to_one(nlp) -> None:  # type: ignore[no-untyped-def]
    ents = run(nlp, "The United States sent aid. US officials said the U.S. would help.")
    e = ents["United States"]
    assert (e.type, e.country) == ("GPE", "USA")
    assert len(e.mentions) == 3


def test_short_org_name_joins_long(nlp) -> None:  # type: ignore[no-untyped-def]
    ents = run(nlp, "The US State Department issued a note. Later the State Department "
                    "confirmed it.")
    assert len(ents["US State Department"].mentions) == 2
    assert ents["US State Department"].country == "USA"


def test_defined_aliases_link_names(nlp) -> None:  # type: ignore[no-untyped-def]
    ents = run(nlp, "The Syrian Democratic Forces (SDF) hold the camps. The SDF said "
                    "it needs help.")
    e = ents["Syrian Democratic Forces"]
    assert "SDF" in e.aliases and e.type == "ORG" and e.country == "SYR"


def test_notice_aliases(nlp) -> None:  # type: ignore[no-untyped-def]
    notice = Notice("Daesh (ISIS/ISIL) is a terrorist group banned in Russia.", "Daesh")
    ents = run(nlp, "Daesh fighters attacked the town.", [notice])
    assert set(ents["Daesh"].aliases) >= {"ISIS", "ISIL"}
    assert ents["Russia"].country == "RUS" and ents["Russia"].mentions == []


def test_agencies_are_organisations(nlp) -> None:  # type: ignore[no-untyped-def]
    ents = run(nlp, "Sputnik reported the attack, and Reuters confirmed it.")
    assert ents["Sputnik"].type == "ORG"
    assert ents["Reuters"].type == "ORG"


def test_mentions_point_into_text_and_ids_are_unique(nlp) -> None:  # type: ignore[no-untyped-def]
    a = article("Prime Minister Boris Johnson met Emmanuel Macron in Paris. Johnson's aides "
                "and the French president's team spoke to AFP.")
    a = extract_entities(a, nlp(a.text))
    ids = [e.id for e in a.entities]
    assert len(ids) == len(set(ids))
    for e in a.entities:
        for m in e.mentions:
            assert a.text[m.start : m.end] == m.text
    johnson = next(e for e in a.entities if e.name == "Boris Johnson")
    assert "Prime Minister" in johnson.roles and len(johnson.mentions) == 2


def test_notice_settles_the_type_of_its_term(nlp) -> None:  # type: ignore[no-untyped-def]
    notice = Notice("Daesh (ISIS/ISIL/Islamic State) is a terrorist organisation banned in Russia.", "Daesh")
    text = "The coalition said Daesh still held ground in northeast Syria, and urged partners to act."
    ents = run(nlp, text, [notice])
    assert ents["Daesh"].type == "ORG" and ents["Daesh"].id == "org:daesh"
    plain = run(nlp, text)  # without the notice nothing forces the type
    assert "Daesh" in plain


def test_person_mentions_take_in_honorifics(nlp) -> None:  # type: ignore[no-untyped-def]
    ents = run(nlp, "President Vladimir Putin met the envoy on Monday. Mr. Putin said the "
                    "talks were useful.")
    e = ents["Vladimir Putin"]
    assert e.type == "PERSON" and "President" in e.roles
    assert [m.text for m in e.mentions] == ["President Vladimir Putin", "Mr. Putin"]


def test_press_and_france_are_not_agencies(nlp) -> None:  # type: ignore[no-untyped-def]
    ents = run(nlp, "The plane left Toulouse in France on Monday. Chrysler chairman Jim Press "
                    "said France would buy it, the Associated Press reported.")
    assert ents["France"].type == "GPE"
    assert ents["Associated Press"].type == "ORG"


def test_context_cues_type_companies_and_places(nlp) -> None:  # type: ignore[no-untyped-def]
    ents = run(nlp, "Irish low cost airline, Skyways, ordered jets. Skyways CEO Tom Hale "
                    "flew from Toulouse, France, where the German magazine Die Woche "
                    "reported the deal.")
    assert ents["Skyways"].type == "ORG"
    assert ents["Toulouse"].type == "GPE"
    assert ents["Die Woche"].type == "ORG"


def test_surname_keeps_the_full_names_person_type(nlp) -> None:  # type: ignore[no-untyped-def]
    ents = run(nlp, "Apple hired Mark Papermaster from IBM. Papermaster will run the "
                    "division; Papermaster starts in May.")
    assert ents["Mark Papermaster"].type == "PERSON"
    assert len(ents["Mark Papermaster"].mentions) == 3


def test_company_short_form_joins_full_name(nlp) -> None:  # type: ignore[no-untyped-def]
    ents = run(nlp, "AirTran Airways will add flights. AirTran said fuel costs fell.")
    e = ents["AirTran Airways"]
    assert e.type == "ORG" and [m.text for m in e.mentions] == ["AirTran Airways", "AirTran"]


def test_maker_and_model_is_a_product(nlp) -> None:  # type: ignore[no-untyped-def]
    ents = run(nlp, "Qantas ordered the Boeing 787-9 and five Airbus A380s from Airbus.")
    assert ents["Boeing 787-9"].type == "PRODUCT"
    assert ents["Airbus A380s"].type == "PRODUCT"
    assert ents["Airbus"].type == "ORG"


def test_currency_and_time_zone_are_not_names(nlp) -> None:  # type: ignore[no-untyped-def]
    from dateline.extract import extract_amounts

    a = article("The US plane took off at 08:30 UTC and the order was worth US$ 40 billion.")
    a = extract_entities(extract_amounts(a, nlp(a.text)), nlp(a.text))
    texts = [m.text for e in a.entities for m in e.mentions]
    assert "UTC" not in texts
    assert texts.count("US") == 1


def test_mentions_leave_out_edge_quotes() -> None:
    from dateline.extract.entities import _clean

    text = "the ``New GM'' will open"
    m = _clean(text, text.index("``"), text.index("will") - 1, "ORG")
    assert m is not None and text[m.start : m.end] == "New GM" == m.text


def test_mention_keeps_the_recognisers_the_and_the_name_leaves_it_out(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Rates were held by the Bank of England on Thursday, and Marcus Hale said so."
    ents = run(nlp, text)
    boe = ents["Bank of England"]
    ner = [e.text for e in nlp(text).ents if "Bank of England" in e.text]
    assert [m.text for m in boe.mentions] == ner == ["the Bank of England"]  # as recognised
    assert boe.name == "Bank of England"
    assert all(text[m.start : m.end] == m.text for e in ents.values() for m in e.mentions)


def _alternation_spans(text: str, surfaces: set[str]) -> list[tuple[int, int]]:
    """The reference `whole_words` stands for: one regex of all surfaces, longest first."""
    alternation = "|".join(re.escape(s) for s in sorted(surfaces, key=len, reverse=True))
    return [m.span() for m in re.finditer(rf"(?<![\w-])(?:{alternation})(?![\w-])", text)]


SURFACE_WORDS = ["New", "York", "New York", "Godfrey", "John Godfrey", "US", "U.S.", "Ann",
                 "Anna", "é", "Ōno", ""]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(SURFACE_WORDS[:-1] + ["-", " ", "s", ",", "_", "1", "\u00a0"]),
                max_size=14).map("".join),
       st.sets(st.sampled_from(SURFACE_WORDS), min_size=1, max_size=5))
def test_whole_words_finds_what_the_alternation_finds(text: str, surfaces: set[str]) -> None:
    assert whole_words(text, surfaces) == _alternation_spans(text, surfaces)


def test_whole_words_edge_test_reads_word_characters_as_re_does() -> None:
    every = "".join(map(chr, range(0x110000)))
    by_re = set(re.findall(r"[\w-]", every))
    assert {c for c in every if c.isalnum() or c in "_-"} == by_re


def test_slash_between_two_people_joins_neither(nlp) -> None:  # type: ignore[no-untyped-def]
    ents = run(nlp, "Barack Obama met Hillary Clinton on Monday, aides said. The town resisted "
                    "the Obama/Clinton calls for a truce, officials said.")
    assert ents["Barack Obama"].aliases == ["Obama"]
    assert ents["Hillary Clinton"].aliases == ["Clinton"]


def test_honorifics_and_gendered_roles_keep_a_couple_apart(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ('President Barack Obama spoke on Monday. "It is about me," Mr. Obama said. Later the '
            'first lady, Michelle Obama, visited a school. "We have work to do," Mrs. Obama said.')
    ents = run(nlp, text)
    people = {n for n, e in ents.items() if e.type == "PERSON"}
    assert people == {"Barack Obama", "Michelle Obama"}
    assert "Mr. Obama" in [m.text for m in ents["Barack Obama"].mentions]
    assert "Mrs. Obama" in [m.text for m in ents["Michelle Obama"].mentions]


def test_middle_initials_and_honorifics_do_not_split_a_person(nlp) -> None:  # type: ignore[no-untyped-def]
    ents = run(nlp, "Donald J. Trump spoke in Ohio on Monday. Donald Trump later flew home. "
                    "Mr. Trump said the race was close.")
    people = [e for e in ents.values() if e.type == "PERSON"]
    assert len(people) == 1 and people[0].name == "Donald J. Trump"
    assert len(people[0].mentions) == 3


def test_clashing_initials_are_two_people(nlp) -> None:  # type: ignore[no-untyped-def]
    ents = run(nlp, "George H. W. Bush wrote to George W. Bush on Friday.")
    assert {"George H. W. Bush", "George W. Bush"} <= set(ents)


def test_shared_surname_goes_to_the_one_named_last(nlp) -> None:  # type: ignore[no-untyped-def]
    ents = run(nlp, "Ann Park and her brother, Tom Park, opened a shop in Leeds. Tom Park said "
                    "sales rose. Park added that rents were high.")
    assert [m.text for m in ents["Tom Park"].mentions][-1] == "Park"
    assert len(ents["Ann Park"].mentions) == 1


def test_surname_of_the_wrong_gender_stays_unresolved(nlp) -> None:  # type: ignore[no-untyped-def]
    ents = run(nlp, "Scott Walker, the party chairman, spoke in Madison. Mrs. Walker said "
                    "nothing.")
    assert [m.text for m in ents["Scott Walker"].mentions] == ["Scott Walker"]


def test_a_company_named_for_a_person_keeps_its_short_name(nlp) -> None:  # type: ignore[no-untyped-def]
    ents = run(nlp, "William Clay Ford Jr. runs the Ford Motor Company. Ford sold more cars "
                    "this year. Mr. Ford said so.")
    assert "Mr. Ford" in [m.text for m in ents["William Clay Ford Jr."].mentions]
    assert "Ford" in ents["Ford Motor Company"].aliases


def test_a_company_with_a_legal_form_is_no_person_nor_are_its_short_forms(nlp) -> None:  # type: ignore[no-untyped-def]
    ents = run(nlp, "Pizza Hut Inc said it agreed to buy Tasty Slice Inc for 12 mln dlrs. "
                    "Tasty Slice said the board approved the deal. Slice shares rose.")
    assert ents["Tasty Slice Inc"].type == "ORG"
    assert not [e for e in ents.values() if e.type == "PERSON"]
