"""A thing does no act: the doer of an event must be a party (issue 16's hand check on
held-out wire news); slow where it goes through the model."""

import pytest

from dateline.extract import _run
from dateline.extract.events.agency import GIVING
from dateline.extract.events.words import people
from dateline.model import Event

from ..helpers import article


def events(nlp, text: str) -> list[Event]:  # type: ignore[no-untyped-def]
    a = article(text)
    return _run(a, nlp(a.text)).events


def test_people_nouns_have_their_plurals() -> None:
    assert {"donor", "donors", "shareholders", "men", "families", "allies"} <= people()
    assert "investment" not in people() and "plan" not in people()


def test_giving_verbs_are_listed_in_every_form() -> None:
    assert {"give", "gave", "given", "gives", "provided", "supplied", "lent"} <= GIVING
    assert "said" not in GIVING


@pytest.mark.slow
def test_a_thing_as_the_giver_is_no_event(nlp) -> None:  # type: ignore[no-untyped-def]
    assert events(nlp, "The steel investment would give the bank the largest stake in the mill.") == []
    assert events(nlp, "The modernization will guarantee continued employment at the plant.") == []
    assert events(nlp, "Repurchasing shares contributed to earnings in the quarter.") == []
    assert events(nlp, "The board said the plan would help the company cut costs.") == []


@pytest.mark.slow
def test_parties_still_give(nlp) -> None:  # type: ignore[no-untyped-def]
    (state,) = events(nlp, "The United States gave 5 mln dlrs to the refugees.")
    assert (state.type, state.actor.text) == ("AID", "The United States")
    (donors,) = events(nlp, "Donors gave 20 mln dlrs to the flood victims.")
    assert donors.actor.text == "Donors"
    (pronoun,) = events(nlp, "It will provide loans to the farmers.")
    assert pronoun.type == "AGREE"
    (helpers,) = events(nlp, "Residents helped the victims of the flood.")
    assert helpers.type == "AID"
    # a party joined to a thing still acts
    joined = events(nlp, "The venture fund and its partners gave 10 mln dlrs to the town.")
    assert [e.type for e in joined] == ["AID"]


@pytest.mark.slow
def test_what_might_be_done_to_a_policy_is_no_act(nlp) -> None:  # type: ignore[no-untyped-def]
    assert events(nlp, "Monetary policy might be eased next month.") == []
    assert events(nlp, "The sugar quota should be cut by the end of the year.") == []
    (ev,) = events(nlp, "The embassy was attacked by rebels on Monday.")
    assert ev.type == "ASSAULT"


@pytest.mark.slow
def test_what_a_party_needs_to_do_is_not_done(nlp) -> None:  # type: ignore[no-untyped-def]
    assert events(nlp, "The company will need new capital to support its expansion plan.") == []
    assert events(nlp, "The growers either have to accept a lower price or leave.") == []
    (ev,) = events(nlp, "The government agreed to help the farmers.")
    assert ev.type == "AGREE"


@pytest.mark.slow
def test_what_to_do_asked_about_is_not_done(nlp) -> None:  # type: ignore[no-untyped-def]
    assert events(nlp, "The ministry studied how to curb excess lending.") == []
    # the asking is an act of its own where it is one
    (ev,) = events(nlp, "Officials discussed how to curb excess investment.")
    assert ev.type == "CONSULT"
