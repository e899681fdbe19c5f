"""Responsibility told across an article gives its attacks their perpetrator (slow: the
model parses each text)."""

import pytest

from dateline.extract import _run
from dateline.extract.events.blame import blamed
from dateline.extract.events.parties import Resolver
from dateline.model import Event

from ..helpers import article

pytestmark = pytest.mark.slow


def _parsed(nlp, text: str):  # type: ignore[no-untyped-def]
    a = article(text)
    doc = nlp(a.text)
    return _run(a, doc), doc


def _harm_actors(events: list[Event]) -> set[str | None]:
    return {e.actor.text if e.actor else None for e in events
            if e.type == "ASSAULT" and "negated" not in e.flags}


def test_a_claim_in_another_sentence_names_the_bombers(nlp) -> None:  # type: ignore[no-untyped-def]
    a, _ = _parsed(nlp, "A bomb destroyed the Elmford power station on Monday. "
                        "The River Front claimed responsibility for the attack.")
    assert _harm_actors(a.events) == {"The River Front"}


def test_blamed_and_attributed_parties_are_held_responsible(nlp) -> None:  # type: ignore[no-untyped-def]
    a, doc = _parsed(nlp, "Police blamed the Hill Brigade for the bombing. "
                          "The mayor attributed the murder to the Red Column.")
    assert [p.text for p in blamed(doc, Resolver.of(a))] == ["the Hill Brigade",
                                                             "the Red Column"]


def test_no_one_claiming_responsibility_names_no_one(nlp) -> None:  # type: ignore[no-untyped-def]
    a, doc = _parsed(nlp, "Gunmen shot a judge in Elmford. No group has claimed "
                          "responsibility for the attack. The rebels neither claimed nor "
                          "denied responsibility. Those responsible for the crime will be "
                          "punished.")
    assert blamed(doc, Resolver.of(a)) == []


def test_responsibility_for_something_other_than_an_attack_is_no_blame(nlp) -> None:  # type: ignore[no-untyped-def]
    a, doc = _parsed(nlp, "The minister is responsible for the economy. A car bomb exploded "
                          "outside the court.")
    assert blamed(doc, Resolver.of(a)) == []


def test_an_attack_that_names_its_attacker_keeps_it(nlp) -> None:  # type: ignore[no-untyped-def]
    a, _ = _parsed(nlp, "Rebels attacked the Elmford barracks on Monday. "
                        "The army blamed the Hill Brigade for the attack.")
    assert "Rebels" in _harm_actors(a.events)


def test_members_of_a_body_keep_their_people_in_the_phrase(nlp) -> None:  # type: ignore[no-untyped-def]
    a, _ = _parsed(nlp, "Members of the River Front kidnapped two engineers in Elmford.")
    actors = {e.actor.text for e in a.events if e.actor}
    assert actors == {"Members of the River Front"}
