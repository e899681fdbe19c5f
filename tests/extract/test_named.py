"""Grouping a non-English model's named spans into entities (no model loaded: spans by hand)."""

from __future__ import annotations

from dateline.extract.named import NamedSpan, entity_id, group_spans


def _spans(text: str, *items: tuple[str, str, str]) -> list[NamedSpan]:
    out, at = [], 0
    for surface, label, name in items:
        start = text.index(surface, at)
        out.append(NamedSpan(start, start + len(surface), label, name))
        at = start + len(surface)
    return out


def test_a_surname_joins_its_one_full_name_and_inflected_forms_join_by_their_normal_form() -> None:
    text = "Глава МИД Сергей Лавров прибыл в Париж. Лавров заявил, что слова Сергея Лаврова поняли."
    spans = _spans(text, ("Сергей Лавров", "PER", "Сергей Лавров"), ("Париж", "LOC", "Париж"),
                   ("Лавров", "PER", "Лавров"), ("Сергея Лаврова", "PER", "Сергей Лавров"))
    (lavrov, paris) = sorted(group_spans(text, spans), key=lambda e: e.type, reverse=True)
    assert (lavrov.name, lavrov.type, lavrov.id) == ("Сергей Лавров", "PERSON", "person:sergey-lavrov")
    assert [m.text for m in lavrov.mentions] == ["Сергей Лавров", "Лавров", "Сергея Лаврова"]
    assert lavrov.aliases == ["Лавров"]
    assert (paris.name, paris.type, paris.country) == ("Париж", "LOC", None)
    for e in (lavrov, paris):
        for m in e.mentions:
            assert text[m.start:m.end] == m.text


def test_a_surname_shared_by_two_full_names_stays_on_its_own() -> None:
    text = "Иван Петров и Анна Петров встретились. Петров ушёл."
    spans = _spans(text, ("Иван Петров", "PER", "Иван Петров"), ("Анна Петров", "PER", "Анна Петров"),
                   ("Петров", "PER", "Петров"))
    assert sorted(e.name for e in group_spans(text, spans)) == ["Анна Петров", "Иван Петров", "Петров"]


def test_a_country_becomes_a_gpe_with_its_code_and_misc_is_left_out() -> None:
    text = "МОСКВА - Россия и Евровидение."
    spans = _spans(text, ("МОСКВА", "LOC", "МОСКВА"), ("Россия", "LOC", "Россия"),
                   ("Евровидение", "MISC", "Евровидение"))
    ents = {e.name: e for e in group_spans(text, spans, {"россия": "RUS"})}
    assert set(ents) == {"Москва", "Россия"}  # the capitals of a dateline, shown as prose writes it
    assert (ents["Россия"].type, ents["Россия"].country) == ("GPE", "RUS")
    assert ents["Москва"].mentions[0].text == "МОСКВА"


def test_ids_are_latin_and_unique_within_the_article() -> None:
    assert entity_id("ORG", "Газпром") == "org:gazprom"
    assert entity_id("ORG", "Société Générale") == "org:societe-generale"
    text = "Газпром и «Газпром»."
    spans = [NamedSpan(0, 7, "ORG", "Газпром"), NamedSpan(10, 19, "ORG", "«Газпром»")]
    assert [e.id for e in group_spans(text, spans)] == ["org:gazprom", "org:gazprom-2"]


def test_a_quotes_speaker_is_tied_to_the_one_entity_of_that_name() -> None:
    from dateline.extract.named import link_speakers
    from dateline.model import Article, Quote, Source, Span

    text = "Сергей Лавров прибыл. «Мы готовы», — сказал Лавров. «Нет», — сказал Петров. «Да», — сказал Иванов."
    spans = _spans(text, ("Сергей Лавров", "PER", "Сергей Лавров"), ("Лавров", "PER", "Лавров"),
                   ("Петров", "PER", "Петров"))
    a = Article("x", Source("t", 0, "txt"), text, [Span(0, len(text))], language="ru")
    a.entities = group_spans(text, spans)
    a.quotes = [Quote("Мы готовы", "direct", "Лавров", None, 23, 32, "сказал"),
                Quote("Нет", "direct", "Петров", None, 0, 1, "сказал"),
                Quote("Да", "direct", "Иванов", None, 0, 1, "сказал")]
    lavrov, petrov, ivanov = link_speakers(a).quotes
    assert (lavrov.speaker, lavrov.speaker_entity) == ("Сергей Лавров", "person:sergey-lavrov")
    assert (petrov.speaker, petrov.speaker_entity) == ("Петров", "person:petrov")
    assert (ivanov.speaker, ivanov.speaker_entity) == ("Иванов", None)  # no entity of that name
