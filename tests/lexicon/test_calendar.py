from dateline.lexicon import calendar


def test_month_and_weekday_words_come_from_dateparser_for_each_language() -> None:
    assert calendar.months("ru")["марта"] == 3 and calendar.months("de")["märz"] == 3
    assert calendar.weekdays("fr")["mercredi"] == 2
    assert "mi" not in calendar.weekdays("de")  # two-letter abbreviations are words of the text too


def test_relative_phrases_and_patterns_carry_dateparsers_reading() -> None:
    assert calendar.relative_phrases("es")["ayer"] == "1 day ago"
    assert ("vor (\\d+) tagen", "\\1 day ago") in calendar.relative_patterns("de")


def test_a_language_dateparser_does_not_know_has_no_words() -> None:
    assert not calendar.known("xx") and calendar.months("xx") == {} and calendar.date_order("xx") == "DMY"
