"""Times in German, French, Spanish and Russian sentences written for these tests, resolved
against a publication date that is a Wednesday (2024-03-06)."""

from __future__ import annotations

import pytest

from dateline.extract.localtimes import find_local_times

PUBLISHED = "2024-03-06"  # a Wednesday

# (language, sentence, every time expression in it as (text, value))
GOLD: list[tuple[str, str, list[tuple[str, str]]]] = [
    ("de", "Die Bundesregierung hat am Mittwoch ein Entlastungspaket beschlossen.",
     [("Mittwoch", "2024-03-06")]),
    ("de", "Der Vertrag wurde am 3. März 2024 in Berlin unterzeichnet.", [("3. März 2024", "2024-03-03")]),
    ("de", "Die Wahl findet im Mai statt, sagte die Sprecherin.", [("Mai", "2024-05")]),
    ("de", "Heute Morgen teilte das Ministerium mit, morgen folge ein Bericht.",
     [("Heute", "2024-03-06"), ("morgen", "2024-03-07")]),
    ("de", "Vor 3 Tagen hatte die Opposition letzten Dienstag protestiert.",
     [("Vor 3 Tagen", "2024-03-03"), ("letzten Dienstag", "2024-03-05")]),
    ("de", "Die Zahlen vom 01.02.2024 zeigen einen Anstieg um 5 Prozent gegenüber 2023.",
     [("01.02.2024", "2024-02-01"), ("2023", "2023")]),
    ("de", "Die Kanzlerin sprach über die Zukunft der Industrie.", []),
    ("fr", "Le ministre s'est exprimé le 3 mars devant les députés.", [("3 mars", "2024-03-03")]),
    ("fr", "Mardi dernier, le président était à Marseille.", [("Mardi dernier", "2024-03-05")]),
    ("fr", "La semaine dernière, les syndicats ont manifesté.", [("La semaine dernière", "2024-W09")]),
    ("fr", "Il y a 2 jours, la grève a pris fin.", [("Il y a 2 jours", "2024-03-04")]),
    ("fr", "La loi est entrée en vigueur le 1er mai 2023.", [("1er mai 2023", "2023-05-01")]),
    ("fr", "Le gouvernement présentera son budget mardi prochain.", [("mardi prochain", "2024-03-12")]),
    ("fr", "Les députés ont adopté le texte en première lecture.", []),
    ("es", "El martes pasado el Gobierno anunció una reforma fiscal.", [("martes pasado", "2024-03-05")]),
    ("es", "El acuerdo se firmó el 3 de marzo de 2024 en Madrid.", [("3 de marzo de 2024", "2024-03-03")]),
    ("es", "Ayer por la mañana el presidente viajó a Lima.", [("Ayer", "2024-03-05")]),
    ("es", "Mañana se conocerán los resultados, hace 3 días que se votó.",
     [("Mañana", "2024-03-07"), ("hace 3 días", "2024-03-03")]),
    ("es", "Las elecciones se celebrarán en mayo, según el ministerio.", [("mayo", "2024-05")]),
    ("es", "El mar estaba en calma cuando llegó el barco.", []),
    ("ru", "В среду министр заявил, что переговоры продолжатся.", [("среду", "2024-03-06")]),
    ("ru", "Встреча состоялась 3 марта 2024 года в Москве.", [("3 марта 2024 года", "2024-03-03")]),
    ("ru", "В прошлую пятницу суд отклонил иск.", [("прошлую пятницу", "2024-03-01")]),
    ("ru", "В марте 2023 года цены выросли, а в прошлом году упали.",
     [("марте 2023 года", "2023-03"), ("в прошлом году", "2023")]),
    ("ru", "Вчера депутаты приняли закон, который вступит в силу в мае.",
     [("Вчера", "2024-03-05"), ("мае", "2024-05")]),
    ("ru", "Глава ведомства рассказал о планах компании.", []),
]


@pytest.mark.parametrize(("lang", "sentence", "expected"), GOLD, ids=[f"{g[0]}-{i}" for i, g in enumerate(GOLD)])
def test_times_found_and_resolved_in_each_language(lang: str, sentence: str,
                                                   expected: list[tuple[str, str]]) -> None:
    found = find_local_times(sentence, PUBLISHED, lang)
    assert [(t.text, t.value) for t in found] == expected
    assert all(sentence[t.start:t.end] == t.text for t in found)


def test_a_bare_weekday_on_the_day_of_publication_is_that_day_and_next_looks_ahead() -> None:
    (today,) = find_local_times("Am Mittwoch stimmte der Bundestag ab.", PUBLISHED, "de")
    (ahead,) = find_local_times("Am kommenden Mittwoch stimmt der Bundestag ab.", PUBLISHED, "de")
    assert (today.value, ahead.value) == ("2024-03-06", "2024-03-13")


def test_without_a_publication_date_relative_times_are_found_without_a_value() -> None:
    (t,) = find_local_times("В среду министр выступил.", None, "ru")
    assert (t.text, t.value) == ("среду", None)


def test_a_language_dateparser_does_not_know_gets_iso_dates_only() -> None:
    found = find_local_times("Am Mittwoch, 2024-03-06, Mai.", PUBLISHED, "xx")
    assert [(t.text, t.value) for t in found] == [("2024-03-06", "2024-03-06")]


def test_no_english_rule_runs_on_german() -> None:
    # `May` and `Monday` are English words: in a German sentence they are not dates.
    assert find_local_times("Theresa May traf Monday-Gründer in Berlin.", PUBLISHED, "de") == []


def test_a_day_that_does_not_exist_has_no_value() -> None:
    (t,) = find_local_times("Am 31. Februar 2024 geschah nichts.", PUBLISHED, "de")
    assert t.value is None


def test_a_word_that_shares_a_weekdays_stem_is_not_that_weekday() -> None:
    # `среди` (among) stems as `среда` (Wednesday) does; its ending is not a calendar word's
    found = find_local_times("Среди участников были студенты, а в среду пришли ещё.", PUBLISHED, "ru")
    assert [t.text for t in found] == ["среду"]


def test_a_weekday_before_its_date_leaves_the_day_to_the_date() -> None:
    found = find_local_times("Заявление распространили в понедельник, 4 марта.", PUBLISHED, "ru")
    assert [(t.text, t.value) for t in found] == [("4 марта", "2024-03-04")]


def test_a_full_stop_after_a_year_word_ends_the_sentence() -> None:
    found = find_local_times("Границы 1967 года. В 2020 г. ничего не изменилось.", PUBLISHED, "ru")
    assert [t.text for t in found] == ["1967 года", "2020 г."]
