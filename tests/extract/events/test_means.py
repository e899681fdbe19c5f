"""Weapons named outside an attack's clause are its means (slow: the model parses each
text)."""

import pytest

from dateline.extract import _run
from dateline.extract.events.means import used_weapons

from ..helpers import article

pytestmark = pytest.mark.slow


def test_a_weapon_in_use_in_another_sentence_is_the_attacks_means(nlp) -> None:  # type: ignore[no-untyped-def]
    a = article("Rebels attacked the Elmford bank on Monday. They set off a mine at the door "
                "and a grenade hit a parked car.")
    a = _run(a, nlp(a.text))
    attacks = [e for e in a.events if e.type == "ASSAULT" and e.trigger == "attacked"]
    assert attacks and attacks[0].instrument == "mine and grenade"
    assert attacks[0].mode == "explosives"


def test_weapons_seized_or_found_were_not_used(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("Troops seized twenty rifles at the farm. Police found a bomb near the court.")
    assert used_weapons(doc) == []
