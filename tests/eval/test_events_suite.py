"""The events suite's loaders and scorers, on small records written here."""

import json
from pathlib import Path

from dateline.eval.load.events import (
    GoldEvent,
    GoldSentence,
    Side,
    iter_petrarch,
    iter_plover,
    part,
    weis_type,
)
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


PETRARCH = """<Validation>
<Environment><Include>DEMO SYNSET ERROR</Include></Environment>
<Sentences>
<Sentence date="19950101" id="T-1" category="DEMO" sentence="true">
<!-- an old coding kept in a comment: <EventCoding sourcecode="X" targetcode="Y" eventcode="223"> -->
<EventCoding sourcecode="FRAGOV" targetcode="ABC" eventcode="122"></EventCoding>
<Text>France condemned the plan of Abcland.</Text>
</Sentence>
<Sentence date="19950101" id="T-2" category="DEMO" sentence="true">
<EventCoding noevents = "True"></EventCoding>
<Text>The weather was fine.</Text>
</Sentence>
<Sentence date="19950101" id="T-3" category="DEMO" sentence="true">
<EventCoding sourcecode="ABC" targetcode="XYZ" eventcode="023"></EventCoding>
<Text>Abcland made a statement.</Text>
</Sentence>
<Sentence date="19950101" id="T-4" category="SYNSET" sentence="true">
<EventCoding sourcecode="ABC" targetcode="XYZ" eventcode="903"></EventCoding>
<Text>Abcland will contribute money to Xyzland.</Text>
</Sentence>
<Sentence date="19950101" id="T-5" category="ERROR" sentence="true">
<EventCoding error="bad_input_parse"></EventCoding>
<Text>Abcland attacked Xyzland.</Text>
</Sentence>
<Sentence date="19950101" id="T-6" category="ERROR" sentence="true">
<EventCoding error="sentencediscard"></EventCoding>
<Text>Abcland beat Xyzland at football.</Text>
</Sentence>
<Sentence date="19950101" id="T-7" category="OTHER" sentence="true">
<EventCoding sourcecode="ABC" targetcode="XYZ" eventcode="223"></EventCoding>
<Text>Abcland attacked Xyzland.</Text>
</Sentence>
</Sentences>
</Validation>"""


def test_weis_codes_map_to_plover_and_test_codes_have_no_type() -> None:
    assert weis_type("122") == "ACCUSE" and weis_type("223") == "ASSAULT"
    assert weis_type("182") == "MOBILIZE" and weis_type("181") == "PROTEST"
    assert weis_type("023") is None  # a comment
    assert weis_type("903") is None and weis_type("174K") is None and weis_type("1717") is None


def test_petrarch_records_run_as_its_suite_runs_them(tmp_path: Path) -> None:
    (tmp_path / "PETR.UnitTest.records.xml").write_text(PETRARCH)
    coded, quiet, statement, synset, discard = iter_petrarch(tmp_path)
    assert coded.events == [GoldEvent("ACCUSE", Side("FRA", "GOV"), Side(None, None))]
    assert coded.date == "1995-01-01" and coded.has_event
    assert not quiet.events and not quiet.has_event and quiet.scored
    assert not statement.events and not statement.has_event  # a comment is no event
    assert synset.has_event and not synset.scored  # an event, of no known type
    assert discard.id == "T-6" and not discard.has_event  # parse errors and T-7 left out


def test_event_sentence_without_a_known_type_scores_detection_only() -> None:
    tally = SentenceTally()
    gold = GoldSentence("s", "text", None, [], scored=False)
    _score_sentence(gold, [_event("AID", None)], tally)
    _score_sentence(gold, [], tally)
    f = tally.figures()
    assert (f["event_found"], f["event_sentences"], f["types"]) == (0.5, 2, 0)


def test_igo_gold_matches_any_international_body() -> None:
    assert same_country("IGO", Party("the UN", None, "UN", "IGO"))
    assert same_country("IGO", Party("the ILO", None, "ILO", "IGO"))  # three letters, no country
    assert not same_country("IGO", Party("Oxfam", None, "NGO", "NGO"))
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
    assert f["quad_accuracy"] == 1.0


def test_no_event_sentence_counts_every_event_as_extra() -> None:
    tally = SentenceTally()
    _score_sentence(GoldSentence("q", "text", None, [], has_event=False),
                    [_event("AGREE", None)], tally)
    assert tally.figures()["no_event_kept_quiet"] == 0.0 and tally.extra == 1


def test_grit_role_score_matches_each_gold_entity_once() -> None:
    gold = [["guerrillas", "guerrilla column"], ["farabundo marti front", "fmln"]]
    counts = score_roles(gold, {"a guerrilla column", "guerrillas", "the army"})
    assert (counts.tp, counts.sys, counts.gold) == (1, 3, 2)


def test_muc_fillers_leave_out_titles_before_a_name() -> None:
    from dateline.eval.suites.events import _filler

    assert _filler("Governor Antonio Roldan") == "antonio roldan"
    assert _filler("Dr. Jose Rodriguez") == "jose rodriguez"
    assert _filler("the governor") == "governor"  # a title alone is the filler
    # the descriptions before a title go with it; a title before `of` heads a phrase
    assert _filler("the Elmford department governor Ana Ruiz Soto") == "ana ruiz soto"
    assert _filler("leader of the national farmers front") == "leader of the national farmers front"


def test_muc_fillers_drop_counts_and_quantifiers() -> None:
    from dateline.eval.suites.events import _norm

    assert _norm("all the labor union offices") == "labor union offices"
    assert _norm("at least 12 peasants") == "peasants"
    assert _norm("the so-called river cell") == "river cell"


def test_muc_incidents_are_attacks_and_kidnappings_said_to_have_happened() -> None:
    from dateline.eval.suites.events import _incident

    def ev(kind: str, mode: str | None, flags: list[str] | None = None) -> Event:
        return Event(kind, "MCONF", None, None, [Span(0, 1)], mode=mode, flags=flags or [])

    assert _incident(ev("ASSAULT", "kill")) and _incident(ev("COERCE", "abduct"))
    assert not _incident(ev("COERCE", "arrest"))  # an arrest fills no MUC-4 template
    assert not _incident(ev("ASSAULT", None, ["negated"]))
    assert not _incident(ev("PROTEST", None))


def test_muc_combat_between_forces_is_no_incident() -> None:
    from dateline.eval.suites.events import _incident

    def ev(trigger: str) -> Event:
        return Event("ASSAULT", "MCONF", None, None, [Span(0, 1)], trigger=trigger)

    assert not _incident(ev("heavy fighting")) and not _incident(ev("clashes"))
    assert _incident(ev("bomb attack"))


def test_muc_perpetrators_name_their_organisation_too() -> None:
    from dateline.eval.suites.events import _organisations

    text = "the river front said its rebels shot the mayor. urban guerrillas fled."
    assert _organisations("members of the river front", text) == ["river front"]
    assert _organisations("river front rebels", text) == ["river front"]
    assert _organisations("urban guerrillas", text) == []  # `the urban` names no body
    assert _organisations("rebels", text) == []
    # named only as part of the longer phrase: no body named alone
    assert _organisations("river front rebels", "the river front rebels said") == []


def test_muc_bare_counts_fill_no_role() -> None:
    from dateline.eval.suites.events import _muc_predicted

    harm = Event("ASSAULT", "MCONF", Party("1,209"), Party("the mayor"), [Span(0, 1)])
    assert _muc_predicted([harm]) == {"perpetrator": set(), "target": {"mayor"},
                                      "weapon": set()}


def test_muc_captures_and_invasions_are_no_incident() -> None:
    from dateline.eval.suites.events import _incident

    def ev(trigger: str) -> Event:
        return Event("ASSAULT", "MCONF", None, None, [Span(0, 1)], trigger=trigger)

    assert not _incident(ev("captured")) and not _incident(ev("invasion"))


def test_muc_victims_are_people_named_not_counted_groups() -> None:
    from dateline.eval.suites.events import _muc_predicted

    def harm(trigger: str, mode: str | None, recipient: Party) -> Event:
        return Event("ASSAULT", "MCONF", None, recipient, [Span(0, 1)], mode=mode,
                     trigger=trigger)

    found = _muc_predicted([
        harm("killed", "kill", Party("two peasants")),
        harm("wounded", None, Party("civilians", sector="CVL")),
        harm("killed", "kill", Party("Ana Villegas")),  # a name ending in `s`
        harm("killed", "kill", Party("a policeman", sector="COP")),  # described, not named
        harm("kidnapped", "abduct", Party("her bodyguards")),
        harm("destroyed", None, Party("three offices")),  # a plural damaged is a target
    ])
    assert found["target"] == {"ana villegas", "offices"}
