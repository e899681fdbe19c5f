from __future__ import annotations

import pytest

from dateline.clean.runtogether import split_run_together


def test_glued_sentences_become_paragraphs() -> None:
    assert split_run_together("The release said.The United States will act.In June, it did.") == [
        "The release said.", "The United States will act.", "In June, it did."
    ]


def test_glue_after_quote_and_before_footnote_mark() -> None:
    assert split_run_together('He said "no."Then he left.*Group X is banned.') == [
        'He said "no."', "Then he left.", "*Group X is banned."
    ]


@pytest.mark.parametrize("text", [
    "Officials in the U.S. said so.",
    "Growth was 3.5 percent in the quarter.",
    "Read more at sputniknews.com today.",
    "Visit www.Example.Org for details.",
    "Write to press@agency.org for comment.",
    "Mr.Smith arrived late.",
    "He earned a Ph.D. in Boston.",
    "Version 2.0 shipped on time.",
])
def test_abbreviations_decimals_urls_are_kept(text: str) -> None:
    assert split_run_together(text) == [text]


def test_cyrillic_paragraphs_glued_together_are_split() -> None:
    assert split_run_together("Министр заявил об этом.Правительство решило иначе.") == [
        "Министр заявил об этом.", "Правительство решило иначе."]


def test_a_german_day_before_its_month_is_not_a_glue_point() -> None:
    assert split_run_together("Die Feier ist am 3.März.Der Kanzler kommt.") == [
        "Die Feier ist am 3.März.", "Der Kanzler kommt."]
