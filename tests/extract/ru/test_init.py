"""Russian articles through Natasha: names in the nominative, offsets into the text, our types;
the dispatch sends a Russian article to Natasha and never to the English model."""

from __future__ import annotations

import pytest

import dateline.extract as extract
from dateline.model import Article, Source, Span
from dateline.settings import Settings

pytestmark = pytest.mark.slow

TEXT = ("Министр иностранных дел России Сергей Лавров в среду встретился в Женеве с коллегой из США. "
        "По словам Сергея Лаврова, переговоры прошли спокойно. Лавров добавил, что «Газпром» "
        "продолжит поставки, а представитель Газпрома от комментариев отказался.")


def _article(text: str) -> Article:
    return Article("x", Source("t", 1, "txt"), text, [Span(0, len(text))], published="2024-03-06",
                   language="ru")


def test_a_russian_article_gets_natashas_entities_and_not_the_english_model(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_model(name: str) -> object:
        raise AssertionError("the English model must not run on Russian")

    monkeypatch.setattr(extract, "get_nlp", no_model)
    (a,) = extract.extract_articles([_article(TEXT)], Settings())
    ents = {e.name: e for e in a.entities}
    lavrov = ents["Сергей Лавров"]
    assert lavrov.type == "PERSON" and lavrov.id == "person:sergey-lavrov"
    assert {m.text for m in lavrov.mentions} == {"Сергей Лавров", "Сергея Лаврова", "Лавров"}
    assert (ents["Россия"].type, ents["Россия"].country) == ("GPE", "RUS")
    assert (ents["США"].type, ents["США"].country) == ("GPE", "USA")
    assert ents["Женева"].type == "LOC"
    assert ents["Газпром"].type == "ORG" and len(ents["Газпром"].mentions) == 2
    for e in a.entities:
        for m in e.mentions:
            assert a.text[m.start:m.end] == m.text
    assert a.events == [] and any("no events" in w for w in a.warnings)


def test_a_russian_article_with_natasha_turned_off_gets_no_entities() -> None:
    (a,) = extract.extract_articles([_article(TEXT)], Settings(models={"ru": ""}))
    assert a.entities == [] and any("no model for language 'ru'" in w for w in a.warnings)


def test_the_morphology_dictionary_loads_without_pkg_resources(monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    from dateline.extract.ru.natasha import _morph_vocab

    monkeypatch.setitem(sys.modules, "pkg_resources", None)  # as where setuptools is absent
    assert _morph_vocab()("лаврова")[0].normal_form == "лавров"
