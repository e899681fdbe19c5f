from dateline.extract.quotes.verbs import CUES, NAMING, PHRASAL, SPEECH, STANCE, THOUGHT


def test_verb_lists_come_from_the_lexicon_with_their_forms() -> None:
    assert {"say", "says", "said", "saying", "told", "wrote"} <= CUES
    assert {"believes", "believed", "thought", "saw"} <= STANCE
    assert {"thought", "knew", "found"} <= THOUGHT


def test_phrasal_heads_count_only_with_their_particle() -> None:
    assert "pointed" not in CUES and "out" in PHRASAL["pointed"]
    assert "called" not in STANCE and PHRASAL["called"] == frozenset({"for", "on"})
    assert "called" in NAMING


def test_continue_cues_a_quote_but_reports_nothing() -> None:
    assert "continued" in CUES and "continued" not in SPEECH and "continued" not in STANCE


def test_plans_are_not_stance() -> None:
    for word in ("want", "wants", "decided", "continue"):
        assert word not in STANCE and word not in SPEECH, word
