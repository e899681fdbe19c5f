from __future__ import annotations

from dateline.clean.copies import glued_copies

LEAD = "Ministers met in Lisbon on Monday to discuss the fishing quotas, officials said."
SECOND = "The talks ended without agreement, a spokesman said."
THIRD = 'The minister continued:'
FOURTH = '"We will meet again in the spring, and we expect a deal then."'
FIFTH = "*Northern Front is an armed group banned in Freedonia."


def test_whole_glued_copy_is_found_even_where_splitting_would_fail() -> None:
    # `continued:"We` has no sentence end: only the whole-line match catches this join.
    lines = [SECOND + THIRD + FOURTH + FIFTH, LEAD, SECOND, THIRD, FOURTH, FIFTH]
    assert glued_copies(lines) == [0]


def test_copy_after_the_body_and_lines_between_skipped() -> None:
    lines = [LEAD, SECOND, "Share this article", THIRD, FOURTH, SECOND + THIRD + FOURTH]
    assert glued_copies(lines) == [5]


def test_copy_may_start_with_a_short_line() -> None:
    short = "Photo."
    lines = [short + SECOND + THIRD, LEAD, short, SECOND, THIRD]
    assert glued_copies(lines) == [0]


def test_wrapping_changes_only_spaces() -> None:
    wrapped = "The talks ended without agreement,  a spokesman said."
    assert glued_copies([SECOND + FOURTH, LEAD, wrapped, FOURTH]) == [0]


def test_a_line_with_anything_new_is_not_a_copy() -> None:
    extra = SECOND + THIRD + "Officials gave no details."
    assert glued_copies([extra, LEAD, SECOND, THIRD]) == []


def test_order_of_the_copy_must_follow_the_lines() -> None:
    assert glued_copies([THIRD + SECOND, LEAD, SECOND, THIRD]) == []


def test_a_single_repeated_line_is_not_a_glued_copy() -> None:
    assert glued_copies([LEAD, SECOND, LEAD]) == []
