from __future__ import annotations

from dateline.clean.duplicates import Piece, remove_duplicates

A = "The coalition pledged more than six hundred million dollars for the year, the release said."
B = "The United States will continue its support of the security forces, the release said."
C = "During the meeting, the envoy urged the accelerated repatriation of detained fighters."
LEAD = "WASHINGTON (Wire) - The coalition reaffirmed its commitment on Thursday, officials said."


def test_glued_copy_before_the_body_is_dropped_and_order_kept() -> None:
    pieces = [Piece(A, True), Piece(B, True), Piece(LEAD), Piece(A), Piece(B), Piece(C)]
    kept, removed, stats = remove_duplicates(pieces)
    assert kept == [LEAD, A, B, C]
    assert stats["duplicate_paragraphs"] == 2 and sorted(removed) == sorted([A, B])


def test_identical_clean_paragraphs_keep_the_first() -> None:
    kept, _, stats = remove_duplicates([Piece(A), Piece(B), Piece(A)])
    assert kept == [A, B] and stats["duplicate_paragraphs"] == 1


def test_partial_copy_gives_way_to_the_complete_paragraph() -> None:
    kept, _, _ = remove_duplicates([Piece(A), Piece(A + " " + B), Piece(C)])
    assert kept == [A + " " + B, C]


def test_merged_copy_of_several_paragraphs_is_dropped() -> None:
    kept, _, _ = remove_duplicates([Piece(A), Piece(B), Piece(C), Piece(A + " " + B)])
    assert kept == [A, B, C]


def test_repeated_long_sentence_inside_a_new_glued_piece_is_dropped() -> None:
    new = "Analysts were not surprised by the move."
    other = "Markets rose."
    pieces = [Piece(new + " " + A, repaired=True), Piece(A + " " + other)]
    kept, removed, stats = remove_duplicates(pieces)
    assert kept == [new, A + " " + other] and removed == [A] and stats["duplicate_sentences"] == 1


def test_a_sentence_the_writer_repeats_in_clean_paragraphs_is_kept() -> None:
    quote = '"We will not give up on this town," the mayor told the crowd on Friday.'
    first, later = quote + " Markets rose.", "She ended where she began. " + quote
    kept, removed, stats = remove_duplicates([Piece(first), Piece(B), Piece(later)])
    assert kept == [first, B, later] and removed == [] and stats["duplicate_sentences"] == 0


def test_short_repeated_lines_are_kept() -> None:
    kept, _, _ = remove_duplicates([Piece("Net loss 5 cts"), Piece(A), Piece("Net loss 5 cts")])
    assert kept == ["Net loss 5 cts", A, "Net loss 5 cts"]


def test_on_pages_short_lines_and_repeated_questions_stay():
    from dateline.clean.duplicates import Piece, remove_repeated_blocks

    texts = [
        "What is your favourite book?", "Ann: The one my mother read to me.",
        "What is your favourite book?", "Bo: A guide to the birds of the coast.",
        "Serves 4", "Serves 4", "Quick access to the menu", "Quick access to the menu",
    ]
    recipe = "Oat porridge with one cup of berries, a spoon of honey and a glass of milk, warm."
    texts += ["Monday", recipe, "Tuesday", recipe, "Wednesday", recipe]  # a meal plan's pattern
    kept, removed, _ = remove_repeated_blocks([Piece(t) for t in texts])
    assert kept == texts and removed == []


def test_on_pages_a_long_paragraph_or_a_run_of_paragraphs_printed_twice_goes():
    from dateline.clean.duplicates import Piece, remove_repeated_blocks

    long = "The council voted on Tuesday to close the old bridge to lorries from March next year."
    a, b = "The vote was close.", "Seven members voted against."
    texts = [long, a, b, "The mayor said little.", a, b, long]
    kept, removed, stats = remove_repeated_blocks([Piece(t) for t in texts])
    assert kept == [long, a, b, "The mayor said little."]
    assert removed == [a, b, long] and stats["duplicate_paragraphs"] == 3
