"""Quotes in German, French, Spanish and Russian sentences written for these tests: kept where
the marks say so, with a speaker only when a verb of the list and a capitalised name stand beside."""

from __future__ import annotations

import pytest

from dateline.extract.foreign_quotes import find_foreign_quotes


@pytest.mark.parametrize(("lang", "text", "quote", "speaker"), [
    ("de", "„Wir werden die Bürger spürbar entlasten“, sagte Scholz am Mittwoch.",
     "Wir werden die Bürger spürbar entlasten", "Scholz"),
    ("de", "Merz sagte: „Das reicht bei weitem nicht aus.“", "Das reicht bei weitem nicht aus.", "Merz"),
    ("de", "»Die Lage bleibt sehr ernst«, erklärte Pistorius in Berlin.", "Die Lage bleibt sehr ernst",
     "Pistorius"),
    ("fr", "« Nous ne céderons pas sur ce point », a déclaré Macron devant la presse.",
     "Nous ne céderons pas sur ce point", "Macron"),
    ("es", "«Es un día histórico para el país», dijo Sánchez en Madrid.", "Es un día histórico para el país",
     "Sánchez"),
    ("ru", "«Мы готовы к переговорам в любой момент», — заявил Песков журналистам.",
     "Мы готовы к переговорам в любой момент", "Песков"),
    ("ru", "Лавров заявил: «Мы не намерены менять свою позицию».", "Мы не намерены менять свою позицию", "Лавров"),
    # an abbreviated honorific before the name: the speaker is the name; a short quote counts
    # when the verb is there
    ("fr", "« Nous sommes prêts », a déclaré M. Macron mardi.", "Nous sommes prêts", "Macron"),
    ("fr", "Mme Borne a déclaré : « Le texte passera. »", "Le texte passera.", "Borne"),
    # a first name is not an honorific
    ("fr", "« Nous sommes prêts », a déclaré Olaf Scholz.", "Nous sommes prêts", "Olaf Scholz"),
])
def test_a_quote_with_a_plain_speaker(lang: str, text: str, quote: str, speaker: str) -> None:
    (q,) = find_foreign_quotes(text, lang)
    assert (q.text, q.speaker, q.kind) == (quote, speaker, "direct")
    assert text[q.start:q.end] == q.text


@pytest.mark.parametrize(("lang", "text", "quote"), [
    # a verb, but no capitalised name beside it: the quote with no speaker
    ("es", "“La economía crece con fuerza este año”, afirmó la ministra de Hacienda.",
     "La economía crece con fuerza este año"),
    # a name, but no verb of the list beside it
    ("de", "„Das ist ein schwerer Fehler gewesen“ – Scholz schwieg dazu lange.", "Das ist ein schwerer Fehler gewesen"),
    ("fr", "Le rapport parle d'« une crise sans précédent pour le secteur ».",
     "une crise sans précédent pour le secteur"),
])
def test_a_quote_without_a_plain_speaker_keeps_no_speaker(lang: str, text: str, quote: str) -> None:
    (q,) = find_foreign_quotes(text, lang)
    assert (q.text, q.speaker) == (quote, None)


@pytest.mark.parametrize(("lang", "text"), [
    ("ru", "Компания «Газпром» сообщила о росте добычи."),  # a name in guillemets, not a quote
    ("fr", "Selon « Le Monde », la réforme sera votée."),
    ("de", "Die Regierung plant ein „Sondervermögen“ für die Bundeswehr."),
    ("de", "„Wir bleiben dabei, sagte er, und das Jahr\n\ngeht weiter."),  # never closed
])
def test_names_terms_and_open_marks_are_not_quotes(lang: str, text: str) -> None:
    assert find_foreign_quotes(text, lang) == []


def test_a_language_without_a_verb_list_still_gets_its_quotes_without_speakers() -> None:
    (q,) = find_foreign_quotes("「我们将继续推进改革开放的进程」，他说。", "zh")
    assert q.speaker is None and q.text.startswith("我们")
