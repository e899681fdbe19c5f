"""The new suites' scoring glue on hand-made gold (no model: system items are given)."""

from pathlib import Path

from dateline.eval.load import meantime, polnear
from dateline.eval.scoring import Item
from dateline.eval.suites.meantime import _entities, in_scope, past_article
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


def test_suite_data_folder_from_the_file_the_issue_names(tmp_path: Path):
    from dateline.eval.suites import data_folder

    folder = tmp_path / "meantime"
    folder.mkdir()
    (folder / "meantime_en.jsonl").write_text("")
    assert data_folder("meantime", folder / "meantime_en.jsonl") == folder
    assert data_folder("meantime", tmp_path) == folder
    assert data_folder("quotes", folder / "meantime_en.jsonl") is None


def test_meantime_leading_the_ignored_on_both_sides_only_when_relaxed():
    (doc,) = meantime.iter_docs(FIX / "tiny_meantime.jsonl")
    text = "the " + doc.text  # shift: a `the` before the title's `Acme`
    gold = [Item(0, 8, "ORG")]  # `the Acme`
    assert past_article(text, gold) == [Item(4, 8, "ORG")]
    assert past_article(text, [Item(0, 3, "ORG")]) == [Item(0, 3, "ORG")]  # `the` alone stays
    assert past_article("The Hague", [Item(0, 9, "GPE")]) == [Item(4, 9, "GPE")]
    assert past_article("theatre", [Item(0, 7, "ORG")]) == [Item(0, 7, "ORG")]


def test_meantime_links_pair_gold_instances_with_our_entities_past_the():
    from dateline.eval.suites.meantime import _links
    from dateline.model import Article, Entity, Mention, Source, Span

    text = "The Bank of England held rates. The bank's governor said the Bank of England would wait."
    first, second = text.index("Bank of England"), text.rindex("the Bank of England")
    doc = meantime.MeantimeDoc(
        "d1", None, None, text,
        names=[Item(0, first + 15, "ORG", "boe"), Item(second, second + 19, "ORG", "boe")],
    )
    boe = Entity(
        "org:boe", "Bank of England", "ORG",
        mentions=[Mention(first, first + 15, "Bank of England"), Mention(second + 4, second + 19, "x")],
    )
    a = Article(id="d1", source=Source("t", 0, "txt"), text=text, paragraphs=[Span(0, len(text))])
    a.entities = [boe]
    ours, surface = _links(doc, a)
    assert [(x.gold, x.system) for x in ours] == [("boe", "org:boe"), ("boe", "org:boe")]
    assert {x.system for x in surface} == {"bank of england"}


def test_quotes_like_for_like_scores_only_quotes_both_matched():
    from dateline.eval.suites.quotes import _score_both

    ours, theirs = Tally(), Tally()
    _score_both({0: True, 1: False, 2: True}, {1: True, 2: False, 5: True}, ours, theirs)
    assert (ours.both_named.tp, ours.both_named.gold) == (1, 2)
    assert (theirs.both_named.tp, theirs.both_named.gold) == (1, 2)
