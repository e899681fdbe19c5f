"""The events suite's loaders and scorers, on small records written here."""

import json
from pathlib import Path

from dateline.eval.load.events import GoldEvent, GoldSentence, Side, iter_petrarch, iter_plover, part
from dateline.eval.suites.events import SentenceTally, _score_sentence, same_country, score_roles
from dateline.model import Event, Party, Span


def test_split_is_fixed_by_id_and_uses_both_parts() -> None:
    ids = [f"rec-{i}" for i in range(40)]
    assert [part(i) for i in ids] == [part(i) for i in ids]
    assert {part(i) for i in ids} == {"dev", "report"}


def test_plover_old_labels_map_to_the_sixteen_and_stray_targets_are_ignored(tmp_path: Path) -> None:
    rows = [
        {"id": "X-DEMAND-1", "event": "DEMAND", "text": "Elbonia demanded talks.",
         "source": [{"actorText": "Elbonia", "code": "ELB", "sector": "GOVx"}],
         "target": "diplomatic"},
        {"id": "X-FIGHT-2", "event": "FIGHT", "text": "Troops fought rebels.",
         "source": [{"actorText": "Troops", "code": "ELB"}],
         "target": [{"actorText": "rebels", "code": "ELB", "sector": "REB"}]},
    ]
    (tmp_path / "plover_gsr_dev.jsonl").write_text("\n".join(json.dumps(r) for r in rows))
    first, second = iter_plover(tmp_path)
    assert first.events == [GoldEvent("REQUEST", Side("ELB", "GOV"), None)]
    assert second.events == [GoldEvent("ASSAULT", Side("ELB", None), Side("ELB", "REB"))]


PETRARCH = """<Sentences>
<Sentence date="19950101" id="T-1" category="DEMO" sentence="true">
<EventCoding sourcecode="FRAGOV" targetcode="ABC" eventcode="121"></EventCoding>
<Text>France rejected the plan of Abcland.</Text>
</Sentence>
<Sentence date="19950101" id="T-2" category="DEMO" sentence="true">
<EventCoding noevents = "True"></EventCoding>
<Text>The weather was fine.</Text>
</Sentence>
<Sentence date="19950101" id="T-3" category="DEMO" sentence="true">
<EventCoding sourcecode="ABC" targetcode="XYZ" eventcode="010"></EventCoding>
<Text>Abcland made a statement.</Text>
</Sentence>
<Sentence date="19950101" id="T-4" category="SYNSET" sentence="true">
<EventCoding sourcecode="ABC" targetcode="XYZ" eventcode="903"></EventCoding>
<Text>Abcland will contribute money to Xyzland.</Text>
</Sentence>
</Sentences>"""


def test_petrarch_roots_no_events_and_unmapped_test_codes(tmp_path: Path) -> None:
    (tmp_path / "PETR.UnitTest.records.xml").write_text(PETRARCH)
    coded, quiet, statement, synset = iter_petrarch(tmp_path)
    assert coded.events == [GoldEvent("REJECT", Side("FRA", "GOV"), Side(None, None))]
    assert coded.date == "1995-01-01"
    assert quiet.events == [] and quiet.scored
    assert statement.events == [] and statement.scored  # root 01: not an event
    assert not synset.scored


def test_igo_gold_matches_any_international_body() -> None:
    assert same_country("IGO", Party("the UN", None, "UN", "IGO"))
    assert not same_country("IGO", Party("France", None, "FRA", "GOV"))
    assert same_country("FRA", Party("France", None, "FRA", "GOV"))
    assert not same_country("FRA", None)


def _event(kind: str, actor: str | None, recipient: str | None = None) -> Event:
    return Event(type=kind, quad="MCONF", actor=Party("a", None, actor, "MIL"),
                 recipient=Party("r", None, recipient, None) if recipient else None,
                 mentions=[Span(0, 1)])


def test_sentence_scores_type_countries_and_extra_events() -> None:
    gold = GoldSentence("s", "text", None, [GoldEvent("ASSAULT", Side("RUS", "MIL"),
                                                      Side("UKR", None))])
    tally = SentenceTally()
    _score_sentence(gold, [_event("ASSAULT", "RUS", "POL"), _event("PROTEST", None)], tally)
    f = tally.figures()
    assert (f["type_accuracy"], f["actor_country"], f["recipient_country"]) == (1.0, 1.0, 0.0)
    assert (f["sector"], f["extra_per_sentence"]) == (1.0, 1.0)


def test_no_event_sentence_counts_every_event_as_extra() -> None:
    tally = SentenceTally()
    _score_sentence(GoldSentence("q", "text", None, []), [_event("AGREE", None)], tally)
    assert tally.figures()["no_event_kept_quiet"] == 0.0 and tally.extra == 1


def test_grit_role_score_matches_each_gold_entity_once() -> None:
    gold = [["guerrillas", "guerrilla column"], ["farabundo marti front", "fmln"]]
    counts = score_roles(gold, {"a guerrilla column", "guerrillas", "the army"})
    assert (counts.tp, counts.sys, counts.gold) == (1, 3, 2)
