"""Event coding on whole sentences, through the model (slow: a few sentences per test)."""

import pytest

from dateline.extract import _run
from dateline.model import Article, Dateline, Event

from ..helpers import article

pytestmark = pytest.mark.slow


def events(nlp, text: str, dateline: Dateline | None = None) -> list[Event]:  # type: ignore[no-untyped-def]
    a: Article = article(text)
    a.dateline = dateline
    return _run(a, nlp(a.text)).events


def test_actor_country_and_sector_from_the_phrase(nlp) -> None:  # type: ignore[no-untyped-def]
    (ev,) = events(nlp, "Russian forces shelled the town on Monday.")
    assert (ev.type, ev.quad, ev.mode) == ("ASSAULT", "MCONF", "artillery")
    assert ev.actor is not None
    assert (ev.actor.country, ev.actor.sector) == ("RUS", "MIL")
    assert (ev.date, ev.date_from) == ("2021-09-06", "text")


def test_compound_actor_gives_one_event_per_country(nlp) -> None:  # type: ignore[no-untyped-def]
    found = events(nlp, "Senior Hungarian and Romanian officials agreed on a new border "
                        "treaty on Wednesday.")
    assert {(e.type, e.actor.country, e.actor.sector) for e in found if e.actor} == {
        ("AGREE", "HUN", "GOV"), ("AGREE", "ROU", "GOV")}


def test_place_from_the_clause_and_reported_speech_as_source(nlp) -> None:  # type: ignore[no-untyped-def]
    (ev,) = events(nlp, "Thousands of protesters in Minsk demonstrated against the "
                        "government, police said.")
    assert ev.type == "PROTEST" and ev.actor is not None
    assert (ev.actor.country, ev.actor.sector) == ("BLR", "CVL")
    assert ev.place is not None and (ev.place.text, ev.place.country) == ("Minsk", "BLR")
    assert "claimed" in ev.flags and ev.source is not None and ev.source.speaker == "police"
    assert (ev.date, ev.date_from) == ("2021-09-09", "published")


def test_negation_hedging_and_intent_are_flags_not_events(nlp) -> None:  # type: ignore[no-untyped-def]
    (no,) = events(nlp, "Poland did not agree to the plan.")
    assert (no.type, no.flags) == ("AGREE", ["negated"])
    (threat,) = events(nlp, "Spain threatened to impose sanctions on the company.")
    assert threat.type == "THREATEN"
    (may,) = events(nlp, "The ministry may suspend aid to the region.")
    assert (may.type, may.flags) == ("SANCTION", ["hedged"])


def test_speech_alone_is_no_event_and_a_denial_negates_the_claim(nlp) -> None:  # type: ignore[no-untyped-def]
    assert events(nlp, "The minister said the economy was growing.") == []
    (ev,) = events(nlp, "The army denied that rebels attacked the farm.")
    assert ev.type == "ASSAULT" and ev.flags == ["negated", "claimed"]
    assert ev.source is not None and ev.source.speaker == "The army"


def test_same_event_in_two_sentences_is_counted_once(nlp) -> None:  # type: ignore[no-untyped-def]
    found = events(nlp, "Rebels attacked the army base on Monday. The rebels attacked the "
                        "army base on Monday, officials said.")
    assert len(found) == 1 and len(found[0].mentions) == 2


def test_dateline_place_when_the_clause_names_none(nlp) -> None:  # type: ignore[no-untyped-def]
    (ev,) = events(nlp, "Police arrested twelve students on Friday.",
                   Dateline("CAIRO (Reuters) -", "Cairo", "Reuters"))
    assert ev.type == "COERCE" and ev.mode == "arrest"
    assert ev.place is not None and (ev.place.text, ev.place.country) == ("Cairo", "EGY")


def test_stated_intent_is_coded_as_agree_or_threaten(nlp) -> None:  # type: ignore[no-untyped-def]
    (agree,) = events(nlp, "Norway will provide food aid to the refugees.")
    assert agree.type == "AGREE" and "future" not in agree.flags
    (threat,) = events(nlp, "Chile said it would boycott all contact with Peru.")
    assert threat.type == "THREATEN" and threat.actor is not None
    assert threat.actor.country == "CHL"  # `it` is the speaker
    assert threat.recipient is not None and threat.recipient.country == "PER"


def test_saying_another_must_act_is_a_request(nlp) -> None:  # type: ignore[no-untyped-def]
    (ev,) = events(nlp, "Kenya said the rebels must lay down their arms.")
    assert ev.type == "REQUEST" and ev.recipient is not None
    assert ev.recipient.sector == "REB"


def test_a_weapon_is_the_means_and_joined_verbs_are_one_act(nlp) -> None:  # type: ignore[no-untyped-def]
    (ev,) = events(nlp, "A car bomb killed three Peruvian soldiers and wounded two others.")
    assert ev.type == "ASSAULT" and ev.actor is None
    assert (ev.mode, ev.instrument) == ("explosives", "car bomb")
    assert ev.recipient is not None and ev.recipient.country == "PER"


def test_bracketed_abbreviation_is_not_part_of_the_actor(nlp) -> None:  # type: ignore[no-untyped-def]
    (ev,) = events(nlp, "The National Farmers Front (NFF) rejected the new land law.")
    assert ev.type == "REJECT" and ev.actor is not None
    assert ev.actor.text == "The National Farmers Front"


def test_party_country_from_its_own_description(nlp) -> None:  # type: ignore[no-untyped-def]
    (e,) = events(nlp, "The agency will send food aid to refugees fleeing the fighting in Sudan.")
    assert e.recipient is not None and e.recipient.country == "SDN"


def test_protest_is_aimed_at_whom_its_demand_is_made_of(nlp) -> None:  # type: ignore[no-untyped-def]
    (e,) = events(nlp, "Thousands of Kenyan students marched on Sunday to demand the "
                       "resignation of the Ugandan president.")
    assert e.type == "PROTEST" and e.recipient is not None and e.recipient.country == "UGA"


def test_domestic_parties_share_the_country_named_for_one(nlp) -> None:  # type: ignore[no-untyped-def]
    (e,) = events(nlp, "President Ali Hassan has threatened to ban Kenyan opposition parties.")
    assert e.actor is not None and e.actor.country == "KEN"


def test_put_under_an_event_is_having_it_done(nlp) -> None:  # type: ignore[no-untyped-def]
    (e,) = events(nlp, "A Kenyan journalist has been put under investigation in Uganda.")
    assert e.type == "ACCUSE" and e.actor is None
    assert e.recipient is not None and e.recipient.country == "KEN"


def test_a_framed_act_and_an_attack_readied(nlp) -> None:  # type: ignore[no-untyped-def]
    found = events(nlp, "Kenya launched a mediation effort between Uganda and Tanzania.")
    assert {(e.type, e.actor.country if e.actor else None, e.recipient.country if e.recipient else None)
            for e in found} == {("CONSULT", "KEN", "UGA"), ("CONSULT", "KEN", "TZA")}
    (e,) = events(nlp, "The Ugandan army prepared to resume shelling rebel positions.")
    assert e.type == "MOBILIZE" and e.actor is not None and e.actor.country == "UGA"


def test_recipients_the_parser_hangs_elsewhere(nlp) -> None:  # type: ignore[no-untyped-def]
    (e,) = events(nlp, "Kenyan police opened fire to disperse Ugandan demonstrators on Monday.")
    assert e.recipient is not None and e.recipient.country == "UGA"
    found = events(nlp, "Soldiers in Kenya have beaten scores of Ugandan and Tanzanian refugees.")
    assert {e.recipient.country for e in found if e.recipient} == {"UGA", "TZA"}


def test_relations_are_ties_a_visit_is_consulting_and_allowing_a_point_is_speech(nlp) -> None:  # type: ignore[no-untyped-def]
    (e,) = events(nlp, "Kenya has broken relations with Uganda.")
    assert e.type == "SANCTION" and e.recipient is not None and e.recipient.country == "UGA"
    (e,) = events(nlp, "The Kenyan president arrived in Uganda on Monday on a two-day visit.")
    assert e.type == "CONSULT"
    assert events(nlp, "The minister allowed that Uganda is not an easy place to visit.") == []
    (e,) = events(nlp, "Kenya allowed Ugandan refugees to return home.")
    assert e.type == "CONCEDE"


def test_exchanging_fire_is_an_attack_and_receiving_threats_is_having_them_made(nlp) -> None:  # type: ignore[no-untyped-def]
    (e,) = events(nlp, "Kenyan police exchanged fire with the gunmen on Monday.")
    assert (e.type, e.mode) == ("ASSAULT", "firearms")
    (e,) = events(nlp, "The Ugandan embassy has received threats.")
    assert e.type == "THREATEN" and e.actor is None
    assert e.recipient is not None and e.recipient.country == "UGA"


def test_a_hyphenated_title_is_one_word(nlp) -> None:  # type: ignore[no-untyped-def]
    (e,) = events(nlp, "Arab League Secretary-General Amr Hassan urged Kenya to free the prisoners.")
    assert e.actor is not None and e.actor.sector == "GOV"  # not `general`, an officer


def test_harms_named_by_victim_blame_and_each_one_harmed(nlp) -> None:  # type: ignore[no-untyped-def]
    # a killing named by its victim is an event inside another act; the one held responsible
    # did it, not the one who holds them so
    found = events(nlp, "The minister condemned the murder of the Elmford mayor. The governor "
                        "holds the River Front responsible for the killing of two farmers.")
    harms = [e for e in found if e.type == "ASSAULT"]
    assert {e.recipient.text for e in harms if e.recipient} >= {"the Elmford mayor", "two farmers"}
    blamed = [e for e in harms if e.recipient and e.recipient.text == "two farmers"]
    assert blamed and blamed[0].actor is not None and blamed[0].actor.text == "the River Front"
    # an event noun with no one it was done to is not reported as done
    assert not [e for e in events(nlp, "The minister condemned the attack.") if e.type == "ASSAULT"]


def test_each_one_killed_is_a_recipient(nlp) -> None:  # type: ignore[no-untyped-def]
    found = events(nlp, "Gunmen killed a teacher and a nurse in Elmford.")
    assert sorted(e.recipient.text for e in found if e.recipient) == ["a nurse", "a teacher"]
def test_strikes_on_a_target_are_attacks_and_a_capital_is_its_government(nlp) -> None:  # type: ignore[no-untyped-def]
    (strike,) = events(nlp, "Jets carried out strikes on rebel positions near the river.")
    assert strike.type == "ASSAULT"
    (walkout,) = events(nlp, "Dock workers staged a strike over pay.")
    assert walkout.type == "PROTEST"
    (ev,) = events(nlp, "Moscow condemned the decision by Kyiv to close the border.")
    assert ev.actor is not None and (ev.actor.country, ev.actor.sector) == ("RUS", "GOV")
    assert ev.recipient is not None and ev.recipient.country == "UKR"


def test_under_fire_from_a_party_and_a_seat_of_government(nlp) -> None:  # type: ignore[no-untyped-def]
    (ev,) = events(nlp, "The army convoy came under fire from rebels near the river.")
    assert ev.type == "ASSAULT" and ev.actor is not None and ev.actor.sector == "REB"
    assert ev.recipient is not None and ev.recipient.sector == "MIL"
    assert events(nlp, "A fire broke out in the warehouse on Monday.") == []
    (seat,) = events(nlp, "The Kremlin rejected the proposal on Monday.")
    assert seat.actor is not None and (seat.actor.country, seat.actor.sector) == ("RUS", "GOV")


def test_an_event_recalled_from_years_back_is_background_not_news(nlp) -> None:  # type: ignore[no-untyped-def]
    found = events(nlp, "The two states signed a treaty two decades after troops invaded "
                        "the island.")
    assert [e.type for e in found] == ["SUPPORT"]  # signing: CAMEO 057, PLOVER SUPPORT
    found = events(nlp, "Police arrested the guard three days after rebels attacked the camp.")
    assert sorted(e.type for e in found) == ["ASSAULT", "COERCE"]


def test_what_an_event_noun_left_or_claimed_reports_it(nlp) -> None:  # type: ignore[no-untyped-def]
    (ev,) = events(nlp, "A bomb attack in the market left ten people dead.")
    assert (ev.type, ev.mode) == ("ASSAULT", "explosives")
    (off,) = events(nlp, "The ministry called off the planned talks with the union.")
    assert off.type == "SANCTION"


def test_a_source_declining_to_be_named_is_no_rejection(nlp) -> None:  # type: ignore[no-untyped-def]
    found = events(nlp, "An official, who declined to be named, said rebels attacked the camp.")
    assert [e.type for e in found] == ["ASSAULT"]
    (refusal,) = events(nlp, "The union refused to accept the offer.")
    assert refusal.type == "REJECT"


def test_a_body_named_as_itself_has_the_body_sector(nlp) -> None:  # type: ignore[no-untyped-def]
    (ev,) = events(nlp, "The European Union imposed sanctions on Belarus over the crackdown.")
    assert ev.actor is not None and (ev.actor.country, ev.actor.sector) == ("EU", "IGO")


def test_a_joined_verb_with_its_own_tense_keeps_its_own_flags(nlp) -> None:  # type: ignore[no-untyped-def]
    (ev,) = events(nlp, "The ministry said the embargo would not work and warned that a "
                        "blockade would harm the region.")
    assert ev.type == "THREATEN" and "negated" not in ev.flags and "future" not in ev.flags


def test_forces_put_on_alert_and_an_ambassador_summoned(nlp) -> None:  # type: ignore[no-untyped-def]
    (alert,) = events(nlp, "The Serbian president put the army on high alert.")
    assert alert.type == "MOBILIZE"
    (summons,) = events(nlp, "Malaysia summoned the Chinese ambassador over the incursion.")
    assert summons.type == "ACCUSE" and summons.recipient is not None
    assert summons.recipient.country == "CHN"


def test_a_group_of_states_acts_as_the_group(nlp) -> None:  # type: ignore[no-untyped-def]
    found = events(nlp, "TOKYO - The Group of Seven (G-7) nations pledged support for the yen on Monday.")
    acts = [e for e in found if e.actor is not None]
    assert acts and acts[0].actor.country == "G7"


def test_withdrawing_envoys_is_a_sanction_and_the_source_is_the_recipient(nlp) -> None:  # type: ignore[no-untyped-def]
    (e,) = events(nlp, "Norway recalled its ambassador from Chile on Monday.")
    assert e.type == "SANCTION" and e.recipient is not None and e.recipient.country == "CHL"
    (e,) = events(nlp, "Kenya will withdraw its peacekeepers from Somalia.")
    assert e.type == "THREATEN"  # a sanction announced for later is a threat
    assert e.recipient is not None and e.recipient.country == "SOM"
    (e,) = events(nlp, "Ghana withdrew its troops from Mali on Friday.")
    assert e.type == "RETREAT" and e.recipient is not None and e.recipient.country == "MLI"


def test_a_threat_is_made_to_whom_its_condition_is_about(nlp) -> None:  # type: ignore[no-untyped-def]
    (e,) = events(nlp, "Peru threatened to halt the talks if Bolivia goes ahead with the dam.")
    assert e.type == "THREATEN" and e.recipient is not None and e.recipient.country == "BOL"


def test_an_act_done_to_an_act_is_done_to_its_doer(nlp) -> None:  # type: ignore[no-untyped-def]
    (e,) = events(nlp, "Norwegian officials criticised Chile's land seizures.")
    assert e.type == "ACCUSE" and e.recipient is not None and e.recipient.country == "CHL"
    found = events(nlp, "Kenyan students protested against the Ugandan occupation.")
    (e,) = [e for e in found if e.type == "PROTEST"]
    assert e.recipient is not None and e.recipient.country == "UGA"


def test_what_a_measured_object_is_of_says_the_act(nlp) -> None:  # type: ignore[no-untyped-def]
    (e,) = events(nlp, "Norway sent 40 tons of medical supplies to Chad.")
    assert e.type == "AID" and e.recipient is not None and e.recipient.country == "TCD"


def test_one_sides_exercises_mobilise_joint_ones_cooperate(nlp) -> None:  # type: ignore[no-untyped-def]
    (e,) = events(nlp, "Chile conducted naval exercises near the border.")
    assert e.type == "MOBILIZE"
    found = events(nlp, "The Chilean navy held joint exercises with the Peruvian navy.")
    assert {e.type for e in found} == {"COOPERATE"}


def test_a_condition_is_no_event_and_nature_is_no_actor(nlp) -> None:  # type: ignore[no-untyped-def]
    (e,) = events(nlp, "Peru said it would retaliate if Chile attacked.")
    assert e.type == "THREATEN" and e.recipient is not None and e.recipient.country == "CHL"
    assert events(nlp, "Floods killed 20 people in northern Chile.") == []
    assert events(nlp, "A strong earthquake struck southern Peru on Sunday.") == []
    (e,) = events(nlp, "Chilean warplanes struck rebel camps on Sunday.")
    assert e.type == "ASSAULT" and e.actor is not None and e.actor.country == "CHL"


def test_passive_objects_particles_and_between(nlp) -> None:  # type: ignore[no-untyped-def]
    found = events(nlp, "Relations between Chile and Peru were restored on Monday.")
    assert {(e.type, e.actor.country if e.actor else None) for e in found} == {
        ("SUPPORT", "CHL"), ("SUPPORT", "PER")}
    (e,) = events(nlp, "The Chilean delegation was received by the Peruvian president.")
    assert e.type == "CONSULT"
    (e,) = events(nlp, "Chile pulled its troops out of Peru.")
    assert e.type == "RETREAT" and e.recipient is not None and e.recipient.country == "PER"
    (e,) = events(nlp, "Hundreds of Chilean miners went on strike.")
    assert e.type == "PROTEST" and e.actor is not None and e.actor.country == "CHL"


def test_a_state_protesting_complains_and_stances_voiced_are_acts(nlp) -> None:  # type: ignore[no-untyped-def]
    (e,) = events(nlp, "Chile protested to Peru over the border incident.")
    assert e.type == "ACCUSE" and e.recipient is not None and e.recipient.country == "PER"
    (e,) = events(nlp, "Thousands of Chilean students protested against the government.")
    assert e.type == "PROTEST"
    (e,) = events(nlp, "Peru expressed concern over the Chilean military buildup.")
    assert e.type == "ACCUSE" and e.recipient is not None and e.recipient.country == "CHL"


def test_expelling_people_deports_them_expelling_envoys_is_a_sanction(nlp) -> None:  # type: ignore[no-untyped-def]
    (e,) = events(nlp, "Chile expelled hundreds of Peruvian workers.")
    assert (e.type, e.mode) == ("COERCE", "deport")
    (e,) = events(nlp, "The government expelled two Peruvian diplomats.")
    assert e.type == "SANCTION" and e.recipient is not None and e.recipient.country == "PER"
    assert e.actor is not None and e.actor.country is None  # the envoys are the foreign side


def test_an_agency_is_a_public_body_and_a_news_agency_media(nlp) -> None:  # type: ignore[no-untyped-def]
    (e,) = events(nlp, "The agency accused the company of hiding the leak.")
    assert e.actor is not None and e.actor.sector == "GOV"
    (e,) = events(nlp, "The news agency accused the ministry of lying about the deaths.")
    assert e.actor is not None and e.actor.sector == "MED"


def test_a_vague_time_word_does_not_date_the_event(nlp) -> None:  # type: ignore[no-untyped-def]
    for text in ("Rebels are now shelling the city.", "Rebels recently shelled the city."):
        (e,) = events(nlp, text)
        assert e.type == "ASSAULT"
        assert (e.date, e.date_from) == ("2021-09-09", "published")  # the helper's publication date
