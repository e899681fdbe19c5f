from dateline.eval.scoring import (
    Counts,
    Item,
    amount_key,
    is_named,
    is_pronoun,
    match_quotes,
    normalise_paragraph,
    parse_amount,
    quote_piece,
    quotes_match,
    relaxed_matches,
    restrict_to_types,
    same_speaker,
    score_paragraphs,
    score_sentences,
    score_timex,
    score_typed,
    speaker_key,
)


def test_counts_precision_recall_f1():
    c = Counts(tp=2, sys=4, gold=2)
    assert (c.precision, c.recall) == (0.5, 1.0)
    assert round(c.f1, 4) == 0.6667
    assert Counts().f1 == 0.0


def test_timex_strict_relaxed_and_value():
    gold = [Item(0, 11, "DATE", "2003-03-13"), Item(20, 30, "DATE", "2003-04")]
    sys = [
        Item(3, 11, "DATE", "2003-03-13"),
        Item(20, 30, "DATE", "2003-05"),
        Item(40, 45, "DATE", "X"),
    ]
    s = score_timex(gold, sys)
    assert (s.strict.tp, s.strict.sys, s.strict.gold) == (1, 3, 2)
    assert s.relaxed.tp == 2
    # value: only the first pair has the right value; precision over all 3 system items
    assert (s.value.tp, s.value.sys, s.value.gold) == (1, 3, 2)
    assert round(s.value.f1, 3) == 0.4


def test_value_ignores_case_and_zero_seconds():
    s = score_timex(
        [Item(0, 5, "TIME", "2003-03-13T10:30")], [Item(0, 5, "TIME", "2003-03-13t10:30:00")]
    )
    assert s.value.tp == 1


def test_relaxed_matching_is_one_to_one():
    gold = [Item(0, 10)]
    pairs = relaxed_matches(gold, [Item(0, 4), Item(2, 10)])
    assert pairs == [(Item(0, 10), Item(2, 10))]


def test_restrict_drops_system_items_on_out_of_scope_gold_only():
    gold = [Item(0, 5, "DATE", "2003"), Item(10, 19, "DURATION", "P2Y")]
    sys = [Item(0, 5, "DATE"), Item(10, 19, "DATE"), Item(30, 34, "DATE"), Item(40, 44, "SET")]
    g, s = restrict_to_types(gold, sys, frozenset({"DATE", "TIME"}))
    assert g == [gold[0]]
    assert s == [Item(0, 5, "DATE"), Item(30, 34, "DATE")]


MAPPING = {
    "per": frozenset({"PERSON"}),
    "geo": frozenset({"GPE", "LOC"}),
    "gpe": frozenset({"NORP", "GPE"}),
}
CANONICAL = {"PERSON": "per", "GPE": "geo", "LOC": "geo", "NORP": "gpe"}


def test_typed_scores_map_labels_and_count_errors_by_type():
    gold = [Item(0, 4, "per"), Item(10, 16, "geo"), Item(20, 27, "gpe"), Item(30, 35, "nat")]
    sys = [
        Item(0, 4, "PERSON"),  # right
        Item(10, 16, "NORP"),  # wrong type for geo: a false gpe
        Item(20, 27, "GPE"),  # GPE allowed for gpe: right
        Item(40, 44, "CARDINAL"),  # out of scope
        Item(50, 55, "LOC"),  # a false geo
    ]
    out = score_typed(gold, sys, MAPPING, CANONICAL)
    assert (out["per"].tp, out["per"].sys, out["per"].gold) == (1, 1, 1)
    assert (out["geo"].tp, out["geo"].sys, out["geo"].gold) == (0, 1, 1)
    assert (out["gpe"].tp, out["gpe"].sys, out["gpe"].gold) == (1, 2, 1)
    assert "nat" not in out


def test_typed_needs_the_exact_span():
    out = score_typed([Item(0, 14, "per")], [Item(10, 14, "PERSON")], MAPPING, CANONICAL)
    assert out["per"].tp == 0 and out["per"].sys == 1


def test_paragraphs_exact_after_whitespace_normalisation():
    gold = ["The dry period means  the temporao\nwill be late.", "Arrivals were fat- free."]
    s = score_paragraphs(
        gold, ["The dry period means the temporao will be late.", "Arrivals were fat-free."]
    )
    assert (s.found, s.gold, s.docs_exact) == (2, 2, 1)
    glued = score_paragraphs(
        gold, ["The dry period means the temporao will be late.Arrivals were fat-free."]
    )
    assert (glued.found, glued.docs_exact) == (0, 0)


def test_paragraph_normalisation_keeps_words_apart():
    assert normalise_paragraph("a \u201cb\u201d  c") == 'a "b" c'
    assert normalise_paragraph("said.The") != normalise_paragraph("said. The")


def test_sentences_lost_and_duplicated():
    gold = ["Prices rose sharply. Traders were surprised.", "The bank said nothing."]
    assert (
        score_sentences(
            gold, "Prices rose sharply. Traders were surprised.\n\nThe bank said nothing."
        ).lost
        == 0
    )
    s = score_sentences(gold, "Prices rose sharply. Prices rose sharply. The bank said nothing.")
    assert (s.gold, s.lost, s.duplicated) == (3, 1, 1)


def test_short_sentence_inside_a_longer_one_is_not_a_duplicate():
    gold = ["He agreed. Later he agreed to more talks."]
    s = score_sentences(gold, gold[0])
    assert (s.lost, s.duplicated) == (0, 0)


def test_invisible_characters_do_not_count():
    gold = ["The news\u00adpaper editor spoke in the country \u200bcombined."]
    clean = "The newspaper editor spoke in the country combined."
    assert score_paragraphs(gold, [clean]).found == 1
    s = score_sentences(gold, clean)
    assert (s.lost, s.duplicated) == (0, 0)
    assert score_paragraphs(gold, ["The news paper editor spoke in the country combined."]).found == 0


def test_quotes_match_on_a_six_word_run():
    gold = "\u201cWe will rebuild the bridge before winter comes,\u201d"
    assert quotes_match(gold, "will rebuild the bridge before winter")
    assert not quotes_match(gold, "will rebuild the bridge after winter")
    # A gold quote under six words must be found whole.
    assert quotes_match("\u201cNo comment.\u201d", "He said no comment")
    assert not quotes_match("\u201cNo comment.\u201d", "no")


def test_match_quotes_counts_recall_and_precision_apart():
    gold = ["one two three four five six seven", "alpha beta gamma delta epsilon zeta"]
    system = ["one two three four five six", "two three four five six seven", "unrelated words"]
    counts, found = match_quotes(gold, system)
    assert found == [0, None]
    assert (counts.gold, counts.found, counts.sys, counts.matched) == (2, 1, 3, 2)
    assert counts.recall == 0.5 and abs(counts.precision - 2 / 3) < 1e-9


def test_speaker_key_and_same_speaker():
    assert speaker_key("Donald Trump's campaign") == "trump"
    assert speaker_key("a senior aide") == "aide"
    assert speaker_key("The New York Post") == "post"
    assert same_speaker("Sen. Elizabeth Warren", ["Warren"])
    assert same_speaker("Warren", [None, "Elizabeth Warren"])
    assert not same_speaker("Warren", ["Bernie Sanders"])
    assert same_speaker("White House press secretary Josh Earnest", ["Josh Earnest"])
    assert not same_speaker("White House press secretary Josh Earnest", ["he"])
    assert not same_speaker("a senior aide", [None])


def test_pronoun_and_named_sources():
    assert is_pronoun("He") and is_pronoun("they")
    assert not is_pronoun("the senator")
    assert is_named("the White House") and not is_named("a spokesman") and not is_named("She")


def test_parse_amount_value_and_unit():
    assert parse_amount("US$ 40 billion") == (4e10, "USD")
    assert parse_amount("as much as 3%") == (3.0, "percent")
    assert parse_amount("six percent") == (6.0, "percent")
    assert parse_amount("9.9 billion yuan") == (9.9e9, "CNY")
    assert parse_amount("$15bn") == (1.5e10, "USD")
    assert parse_amount("200 million") == (2e8, None)
    assert amount_key(2e8, None) is None and amount_key(5.0, "percent") == "percent:5"


def test_amounts_need_value_and_unit_both_right():
    gold = [Item(0, 10, "MONEY", "USD:4e+10"), Item(20, 25, "PERCENT", "percent:5")]
    sys = [Item(0, 10, None, "EUR:4e+10"), Item(20, 24, None, "percent:5"), Item(30, 33, None, "x")]
    assert score_timex(gold, sys).value.as_dict()["tp"] == 1


def test_sentences_composed_or_decomposed_are_the_same_sentence():
    gold = ["President Pen\u0303a Nieto met the delegation. Talks went on."]
    s = score_sentences(gold, "President Pe\u00f1a Nieto met the delegation. Talks went on.")
    assert (s.gold, s.lost, s.duplicated) == (2, 0, 0)
    assert score_sentences(gold, "Talks went on.").lost == 1


def test_quote_piece_is_an_unbroken_part_of_a_split_quote():
    gold = '"It is heartbreaking," "And this country has to find a way forward."'
    assert quote_piece(gold, "It is heartbreaking,")
    assert quote_piece(gold, "And this country")
    assert not quote_piece(gold, "heartbreaking country")  # not side by side
    assert not quote_piece(gold, "heartbreaking")  # one word says too little


def test_parse_amount_cents_and_two_letter_dollar_codes():
    assert parse_amount("26 cents") == (0.26, "USD")
    assert parse_amount("AU$ 52.5 million") == (52.5e6, "AUD")
    assert parse_amount("CA$ 1 billion") == (1e9, "CAD")
    assert parse_amount("$5 and 20 cents") == (5.0, "USD")
