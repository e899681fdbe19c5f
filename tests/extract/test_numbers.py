from dateline.extract.numbers import local_value, number_symbols, word_value


def test_figures_are_read_in_the_languages_own_format() -> None:
    assert local_value("1.234,5", "de") == 1234.5
    assert local_value("1\u00a0234,5", "ru") == local_value("1 234,5", "fr") == 1234.5
    assert local_value("1,234.5", "en") == 1234.5
    assert number_symbols("no-such-language") == (".", ",")  # English where CLDR does not know it


def test_english_numbers_in_words_are_unchanged() -> None:
    assert word_value("twenty-one") == 21 and word_value("2,000") == 2000
