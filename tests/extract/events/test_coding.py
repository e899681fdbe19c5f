"""Event words in the wording of economic and company news that are no acts (issue 16's
hand check on held-out wire news): slow, through the model."""

import pytest

from dateline.extract import _run
from dateline.extract.events.words import verbs
from dateline.model import Event

from ..helpers import article


def events(nlp, text: str) -> list[Event]:  # type: ignore[no-untyped-def]
    a = article(text)
    return _run(a, nlp(a.text)).events


def test_no_event_entries_are_read_from_the_list() -> None:
    assert verbs()[("met", "target")].type == "NONE"
    assert verbs()[("released", "results")].type == "NONE"
    assert verbs()[("met", "demands")].type == "CONCEDE"


@pytest.mark.slow
def test_a_quantity_moving_is_no_refusal_or_retreat(nlp) -> None:  # type: ignore[no-untyped-def]
    assert events(nlp, "Shares in the steel maker declined 12 cents to 4.50 dlrs.") == []
    assert events(nlp, "Analysts expect profits to decline this year.") == []
    assert events(nlp, "The dollar retreated 2 pct against the yen.") == []
    assert events(nlp, "Prices eased to 1.85 marks in early trading.") == []
    (ev,) = events(nlp, "The minister declined the invitation.")
    assert ev.type == "REJECT"
    (aid,) = events(nlp, "The United States gave 5 mln dlrs to the refugees.")
    assert aid.type == "AID"


@pytest.mark.slow
def test_targets_met_and_figures_released_are_no_acts(nlp) -> None:  # type: ignore[no-untyped-def]
    assert events(nlp, "The firm was unable to meet the demand for repayment.") == []
    assert events(nlp, "The central bank said the sugar target could not be met.") == []
    assert events(nlp, "The company will release its results on Friday.") == []
    (freed,) = events(nlp, "The rebels released two hostages on Monday.")
    assert (freed.type, freed.mode) == ("RETREAT", "release")
    (met,) = events(nlp, "The government met the demands of the strikers.")
    assert met.type == "CONCEDE"


@pytest.mark.slow
def test_information_given_and_rules_providing_are_no_aid(nlp) -> None:  # type: ignore[no-untyped-def]
    assert events(nlp, "The agency may be able to give more details.") == []
    assert events(nlp, "The new rules provide for a review of each contract.") == []
    (aid,) = events(nlp, "The army provided food to the refugees.")
    assert aid.type == "AID"


@pytest.mark.slow
def test_reserve_participles_and_a_fronted_preposition(nlp) -> None:  # type: ignore[no-untyped-def]
    assert events(nlp, "The oil company declined comment on the report.") == []
    assert events(nlp, "The two nations reaffirmed their shared goals.") == []
    assert events(nlp, "The government-backed plan was announced on Monday.") == []
    # `In January` is no particle: the board did not `give in`
    assert all(e.type != "CONCEDE" for e in events(
        nlp, "In January the board gave the mayor a new office."))


@pytest.mark.slow
def test_people_counted_are_no_amount(nlp) -> None:  # type: ignore[no-untyped-def]
    (ev,) = events(nlp, "The army withdrew 500 troops from the border town.")
    assert ev.type == "RETREAT"


@pytest.mark.slow
def test_firing_shells_is_an_attack_and_a_fronted_date_no_particle(nlp) -> None:  # type: ignore[no-untyped-def]
    # `on Thursday` before the verb is no `fire on`; the shells fired say it
    (ev,) = events(nlp, "The navy on Thursday fired two artillery shells at the port.")
    assert (ev.type, ev.mode) == ("ASSAULT", "artillery")


@pytest.mark.slow
def test_what_a_source_declines_to_disclose_is_no_refusal(nlp) -> None:  # type: ignore[no-untyped-def]
    assert events(nlp, "One lender, which he declined to identify, wants the loans repaid.") == []
    assert events(nlp, "The company declined to disclose the price.") == []


@pytest.mark.slow
def test_a_quantity_that_should_change_is_no_demand(nlp) -> None:  # type: ignore[no-untyped-def]
    assert events(nlp, "Analysts said steel prices should rise 10 to 15 pct next year.") == []
    (ev,) = events(nlp, "The minister said the rebels must lay down their arms.")
    assert ev.type == "REQUEST"


@pytest.mark.slow
def test_notes_called_for_redemption_are_no_demand(nlp) -> None:  # type: ignore[no-untyped-def]
    assert events(nlp, "The company said it called for redemption of its 8 pct notes due 1995.") == []
    (ev,) = events(nlp, "The opposition called for new elections.")
    assert ev.type == "REQUEST"
