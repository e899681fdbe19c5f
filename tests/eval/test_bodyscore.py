"""Body scoring as the article-extraction benchmark does it: 4-word shingles, normalised per page."""

import pytest

from dateline.eval.bodyscore import Match, match, shingles, summary

GOLD = "The council approved the new budget on Tuesday after a long debate over school funding."


def test_a_perfect_extraction_scores_one():
    m = match(GOLD, GOLD)
    assert (m.precision, m.recall, m.f1) == (1.0, 1.0, 1.0)


def test_extra_text_costs_precision_and_missing_text_costs_recall():
    extra = match(GOLD, GOLD + " Sign up for our newsletter to get the latest news every morning.")
    assert extra.recall == 1.0 and extra.precision < 1.0
    short = match(GOLD, "The council approved the new budget on Tuesday.")
    assert short.precision == 1.0 and short.recall < 0.5


def test_counts_are_normalised_so_pages_weigh_the_same():
    m = match(GOLD, GOLD + " Advertisement here and there.")
    assert m.tp + m.fp + m.fn == pytest.approx(1.0)


def test_words_are_runs_of_word_characters_and_short_texts_make_one_shingle():
    assert shingles("Oslo, Norway") == {("Oslo", "Norway"): 1}
    assert sum(shingles("a b c d e").values()) == 2


def test_summary_averages_pages_and_leaves_out_empty_sides():
    empty = match("", "")
    nothing = match(GOLD, "")
    fig = summary([match(GOLD, GOLD), nothing, empty])
    assert fig["recall"] == pytest.approx(0.5)
    assert fig["precision"] == pytest.approx(1.0)  # `nothing` predicted nothing: no precision
    assert summary([]) == {"f1": None, "precision": None, "recall": None}
    assert Match(0.0, 0.0, 0.0).precision == 1.0
