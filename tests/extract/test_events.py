import pytest

from dateline.extract.entities import extract_entities
from dateline.extract.events import extract_events
from dateline.extract.times import find_times

from .helpers import article

pytestmark = pytest.mark.slow


def test_actor_action_target_place_time(nlp) -> None:  # type: ignore[no-untyped-def]
    a = article("Rebels attacked the army base in Syria on Monday. Officials said the "
                "government will rebuild the bridge.")
    doc = nlp(a.text)
    a.times = find_times(a.text, a.published)
    a = extract_events(extract_entities(a, doc), doc)
    first, second = a.events
    assert (first.actor, first.action, first.target) == ("Rebels", "attacked",
                                                         "the army base")
    assert (first.place, first.time) == ("Syria", "2021-09-06")
    assert (second.actor, second.action, second.target) == ("the government", "will rebuild",
                                                            "the bridge")
    assert a.text[second.sentence_start : second.sentence_end].startswith("Officials")
