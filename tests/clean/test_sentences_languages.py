"""Sentence ends in German, French, Spanish and Russian sentences written for these tests."""

from __future__ import annotations

import pytest

from dateline.clean.sentences import split_sentences


@pytest.mark.parametrize(("text", "sentences"), [
    ("Das gilt z. B. für Bayern. Dann kam Berlin.", ["Das gilt z. B. für Bayern.", "Dann kam Berlin."]),
    ("Die Wahl ist am 3. März. Dann folgt die Auszählung.",
     ["Die Wahl ist am 3. März.", "Dann folgt die Auszählung."]),
    ("Das Gesetz Nr. 5 gilt. Prof. Müller widersprach.", ["Das Gesetz Nr. 5 gilt.", "Prof. Müller widersprach."]),
    ("Это, т. е. бюджет, важно. Потом выступил Иванов.", ["Это, т. е. бюджет, важно.", "Потом выступил Иванов."]),
    ("Это сделал я. Потом ушёл В. В. Путин.", ["Это сделал я.", "Потом ушёл В. В. Путин."]),
    ("M. Macron a parlé. Mme Borne a répondu.", ["M. Macron a parlé.", "Mme Borne a répondu."]),
    ("Llegó la Sra. Pérez. Luego habló el ministro.", ["Llegó la Sra. Pérez.", "Luego habló el ministro."]),
])
def test_sentence_ends_of_other_languages(text: str, sentences: list[str]) -> None:
    assert split_sentences(text) == sentences


def test_english_sentence_ends_are_unchanged() -> None:
    text = "The U.S. Senate voted. Mr. Smith said so. He scored in 2003. March was cold."
    assert split_sentences(text) == ["The U.S. Senate voted.", "Mr. Smith said so.", "He scored in 2003.",
                                     "March was cold."]
