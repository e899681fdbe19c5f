"""The new suites' scoring glue on hand-made gold (no model: system items are given)."""

from pathlib import Path

from dateline.eval.load import meantime, polnear
from dateline.eval.scoring import Item
from dateline.eval.suites.meantime import _entities, in_scope
from dateline.eval.suites.quotes import Said, Tally, _score_direct, _score_indirect

FIX = Path(__file__).parent / "fixtures"


def test_quotes_direct_speakers_and_pronoun_referent():
    (story,) = polnear.iter_attributed(FIX / "tiny_attributions.jsonl")
    tally = Tally()
    said = [Said("We will rebuild the bridge before winter comes,", ["Lee", "Ann Lee"])]
    _score_direct(story, said, tally)
    assert (tally.direct.found, tally.direct.gold, tally.direct.matched) == (1, 1, 1)
    assert (tally.named.tp, tally.named.gold) == (1, 1)
    wrong = Tally()
    _score_direct(story, [Said(said[0].text, ["the mayor"])], wrong)
    assert (wrong.named.tp, wrong.named.gold) == (0, 1)


def test_quotes_indirect_pronoun_source_is_not_a_speaker_score():
    (story,) = polnear.iter_attributed(FIX / "tiny_attributions.jsonl")
    tally = Tally()
    _score_indirect(story, [Said("the budget would rise", ["Ann Lee"])], tally)
    assert tally.indirect.found == 1 and tally.indirect_speaker.gold == 0


def test_meantime_names_out_of_scope_on_unsure_mentions():
    (doc,) = meantime.iter_docs(FIX / "tiny_meantime.jsonl")
    at = doc.text.index("Beta")  # the mention without a syntactic type
    beta = Item(at, at + 4, "ORG")
    london = Item(doc.text.index("London"), doc.text.index("London") + 6, "GPE")
    stray = Item(0, 4, "PERSON")  # `Acme` in the title: not a gold name, a false one
    assert in_scope(doc.names, doc.unsure, [beta, london, stray]) == [london, stray]
    by_type = _entities(doc, [beta, london, stray])
    assert (by_type["LOC"].tp, by_type["LOC"].gold) == (1, 1)
    assert (by_type["PER"].sys, by_type["ORG"].gold, by_type["ORG"].tp) == (1, 1, 0)


def test_quotes_like_for_like_scores_only_quotes_both_matched():
    from dateline.eval.suites.quotes import _score_both

    ours, theirs = Tally(), Tally()
    _score_both({0: True, 1: False, 2: True}, {1: True, 2: False, 5: True}, ours, theirs)
    assert (ours.both_named.tp, ours.both_named.gold) == (1, 2)
    assert (theirs.both_named.tp, theirs.both_named.gold) == (1, 2)
