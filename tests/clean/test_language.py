"""The language of an article: stated by the record first, else a confident guess from its text."""

from __future__ import annotations

import pytest

from dateline.clean import clean_record
from dateline.clean.language import classify, detect, label, language_of, normalise
from dateline.model import RawRecord, Source

GERMAN = ("Der Bundestag hat am Mittwoch ein Entlastungspaket von 200 Milliarden Euro beschlossen, "
          "teilte die Regierung in Berlin mit. Die Opposition kritisierte den Plan scharf.")
RUSSIAN = ("Министр иностранных дел России Сергей Лавров заявил в среду, что переговоры будут "
           "продолжены на следующей неделе в Москве.")
FRENCH = ("Le gouvernement a annoncé mercredi un plan de 2,5 millions d'euros pour les agriculteurs "
          "touchés par la sécheresse, selon un communiqué publié à Paris.")
ENGLISH = ("The city council approved the new budget on Monday after a long debate about school "
           "funding and road repairs, the mayor's office said in a statement.")


@pytest.mark.parametrize(("text", "code"), [(GERMAN, "de"), (RUSSIAN, "ru"), (FRENCH, "fr"), (ENGLISH, "en")])
def test_news_paragraphs_are_recognised(text: str, code: str) -> None:
    assert detect(text) == code


def test_too_little_text_or_no_language_gives_no_guess() -> None:
    assert detect("Berlin, Mittwoch") is None
    assert detect("1,234.5 2,345.6 3,456.7 4,567.8 5,678.9 6,789.0 7,890.1 8,901.2") is None


def test_the_record_stated_language_wins_in_its_iso_639_1_form() -> None:
    assert normalise("en-GB") == "en" and normalise("PT_br") == "pt" and normalise("english") is None
    assert language_of("de-DE", None, ENGLISH) == "de"
    assert language_of(None, "Haushalt beschlossen", GERMAN) == "de"


def test_clean_sets_the_language_of_the_article() -> None:
    a = clean_record(RawRecord(Source("t", 1, "txt"), text=GERMAN))
    assert a.language == "de"
    b = clean_record(RawRecord(Source("t", 2, "txt"), text=ENGLISH, language="en-US"))
    assert b.language == "en"


def test_headlines_in_capitals_or_title_case_are_read_as_english() -> None:
    # case is not language: the detector reads lowercase text
    assert label("CENTRAL BANK RAISES INTEREST RATES AGAIN TO FIGHT INFLATION") == "en"
    assert label("Mayor Says City Will Rebuild the Old Bridge Before Winter") == "en"


def test_a_table_of_figures_has_no_language() -> None:
    assert classify("12,345 67,890 1.2 3.4 5.6 7.8 9.0 123 456 789 10 11") is None
    assert label("1987/88") is None


def test_labels_are_iso_639_1_codes_only() -> None:
    # a language without a two-letter code could not be stored, so it never competes
    for text in (ENGLISH, "Net profit 3,651,000 vs profit 3,020,000", "Jon Smith and Mary Jones of Acme Realty"):
        got = label(text)
        assert got is None or len(got) == 2


def test_a_long_text_overrides_a_declared_language_it_confidently_contradicts() -> None:
    long_english = " ".join([ENGLISH] * 4)
    assert language_of("de", None, long_english) == "en"
    # a short text does not: the declaration stands where the detector is the weaker witness
    assert language_of("de", None, ENGLISH) == "de"
    assert language_of("de", None, " ".join([GERMAN] * 4)) == "de"
