"""Money and percentages in German, French, Spanish and Russian sentences written for these tests."""

from __future__ import annotations

import pytest

from dateline.extract.localamounts import find_local_amounts, percent_words, scale_words

GOLD: list[tuple[str, str, list[tuple[str, float, str]]]] = [
    ("de", "Der Bund stellt 200 Milliarden Euro für die Energiewende bereit.",
     [("200 Milliarden Euro", 200e9, "EUR")]),
    ("de", "Die Firma erhielt 1,5 Mio. Dollar, die Inflation lag bei 5 Prozent.",
     [("1,5 Mio. Dollar", 1.5e6, "USD"), ("5 Prozent", 5, "percent")]),
    ("de", "Ein Liter kostet 1.234,5 € mehr als im Vorjahr, sagte der Verband.", [("1.234,5 €", 1234.5, "EUR")]),
    ("fr", "Le plan coûte 2,5 millions d'euros, soit 3 % du budget.",
     [("2,5 millions d'euros", 2.5e6, "EUR"), ("3 %", 3, "percent")]),
    ("fr", "La dette atteint 1 234,5 milliards de dollars selon le ministère.",
     [("1 234,5 milliards de dollars", 1234.5e9, "USD")]),
    ("es", "Las ventas subieron un 25 por ciento hasta 3 millones de dólares.",
     [("25 por ciento", 25, "percent"), ("3 millones de dólares", 3e6, "USD")]),
    ("es", "El Gobierno destinará 1.200 millones de euros a la sanidad.", [("1.200 millones de euros", 1.2e9, "EUR")]),
    ("ru", "Правительство выделило 3 млрд рублей на ремонт дорог.", [("3 млрд рублей", 3e9, "RUB")]),
    ("ru", "Инфляция составила 7,4%, а ставка выросла на 2 процента.",
     [("7,4%", 7.4, "percent"), ("2 процента", 2, "percent")]),
    ("ru", "В городе живут 250 тысяч человек.", []),
]


@pytest.mark.parametrize(("lang", "sentence", "expected"), GOLD, ids=[f"{g[0]}-{i}" for i, g in enumerate(GOLD)])
def test_amounts_in_local_formats(lang: str, sentence: str, expected: list[tuple[str, float, str]]) -> None:
    found = find_local_amounts(sentence, lang)
    assert [(a.text, a.value, a.unit) for a in found] == [(t, pytest.approx(v), u) for t, v, u in expected]
    assert all(sentence[a.start:a.end] == a.text for a in found)


def test_the_decimal_comma_is_the_articles_language_not_a_guess() -> None:
    (de,) = find_local_amounts("Die Aktie stieg um 2,5 Prozent.", "de")
    (en,) = find_local_amounts("Shares rose 2,500 $ today.", "en")
    assert (de.value, en.value) == (2.5, 2500)


def test_a_brazilian_real_is_not_a_us_dollar() -> None:
    (a,) = find_local_amounts("O governo gastou R$ 3,5 bilhões no programa.", "pt")
    assert (a.unit, a.value) == ("BRL", 3.5e9)


def test_scale_and_percent_words_come_from_cldr() -> None:
    assert scale_words("de")["milliarden"] == 1e9 and scale_words("ru")["млрд"] == 1e9
    assert "por ciento" in percent_words("es") and "процентов" in percent_words("ru")
    assert scale_words("no-such-language") == {}


@pytest.mark.parametrize(("lang", "sentence", "text", "qualifier"), [
    ("de", "Der Bund gibt mehr als 200 Milliarden Euro aus.", "mehr als 200 Milliarden Euro", "more than"),
    ("ru", "Бюджет составит около 3 млрд рублей.", "около 3 млрд рублей", "about"),
    ("fr", "Le projet coûte plus de 2,5 millions d'euros.", "plus de 2,5 millions d'euros", "more than"),
    ("es", "La caída fue de casi 25 por ciento.", "casi 25 por ciento", "almost"),
])
def test_the_word_that_qualifies_a_figure_joins_it(lang: str, sentence: str, text: str, qualifier: str) -> None:
    (a,) = find_local_amounts(sentence, lang)
    assert (a.text, a.qualifier) == (text, qualifier)
    assert sentence[a.start:a.end] == a.text


def test_a_percent_word_news_writes_beside_cldrs() -> None:
    found = find_local_amounts("La disoccupazione è scesa al 7,2 per cento, il 5 percento in meno.", "it")
    assert [(a.text, a.value) for a in found] == [("7,2 per cento", 7.2), ("5 percento", 5)]


def test_a_short_word_whose_stem_a_currency_shares_is_not_that_currency() -> None:
    # Snowball stems `иена` (yen) to `и`, which is also `and`
    assert find_local_amounts("Скидки действуют 20 и 21 марта.", "ru") == []
