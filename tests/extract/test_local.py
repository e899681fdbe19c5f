"""The non-English branch of extract: times, amounts and quotes by the article's own language."""

from __future__ import annotations

from dateline.extract.local import extract_local
from dateline.model import Article, Source, Span


def _article(text: str, language: str) -> Article:
    return Article("x", Source("t", 1, "txt"), text, [Span(0, len(text))], published="2024-03-06",
                   language=language)


def test_a_russian_article_gets_its_times_amounts_and_quotes() -> None:
    text = ("В среду правительство выделило 3 млрд рублей. «Эти деньги пойдут на ремонт дорог», "
            "— заявил Хуснуллин.")
    a = extract_local(_article(text, "ru"))
    assert [(t.text, t.value) for t in a.times] == [("среду", "2024-03-06")]
    assert [(m.text, m.value, m.unit) for m in a.amounts] == [("3 млрд рублей", 3e9, "RUB")]
    assert [(q.text, q.speaker) for q in a.quotes] == [("Эти деньги пойдут на ремонт дорог", "Хуснуллин")]


def test_english_words_in_a_german_article_are_not_read_by_english_rules() -> None:
    # `May`, `March 3` and `12 mln dlrs` would be a month, a day and an amount in English.
    a = extract_local(_article("Theresa May sprach am Rande: March 3 war ein Song über 12 mln dlrs.", "de"))
    assert a.times == [] and a.amounts == []
