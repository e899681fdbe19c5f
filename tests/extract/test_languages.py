"""No English rules on other languages: an article in a language without a model gets no
entities, quotes or events, says why, and still gets its amounts and times; the model is not run."""

from __future__ import annotations

import pytest

import dateline.extract as extract
from dateline.model import Article, Source, Span
from dateline.settings import Settings


def _article(text: str, language: str | None) -> Article:
    return Article("x", Source("t", 1, "txt"), text, [Span(0, len(text))], published="2024-03-06",
                   language=language)


def test_a_german_article_skips_the_model_and_keeps_amounts(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_model(name: str) -> object:
        raise AssertionError("the English model must not run on German")

    monkeypatch.setattr(extract, "get_nlp", no_model)
    text = "Der Bundestag beschloss am 2024-03-06 ein Paket von 200 Milliarden Euro, sagte Scholz."
    (a,) = extract.extract_articles([_article(text, "de")], Settings())
    assert a.entities == [] and a.quotes == [] and a.events == []
    assert any("no model for language 'de'" in w for w in a.warnings)
    assert any(t.value == "2024-03-06" for t in a.times)
    assert any((m.value, m.unit) == (200e9, "EUR") for m in a.amounts)  # in the language's own format


def test_english_and_unknown_articles_still_go_through_the_model(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[str] = []

    class FakeNlp:
        def pipe(self, pairs, as_tuples: bool, batch_size: int):  # type: ignore[no-untyped-def]
            for text, article in pairs:
                seen.append(text)
                yield None, article

    monkeypatch.setattr(extract, "get_nlp", lambda name: FakeNlp())
    monkeypatch.setattr(extract, "_run", lambda article, doc: article)
    out = list(extract.extract_articles([_article("English text.", "en"), _article("Unknown.", None),
                                         _article("Texte français.", "fr")], Settings(models={})))
    assert seen == ["English text.", "Unknown."]
    assert [a.text for a in out] == ["English text.", "Unknown.", "Texte français."]  # input order kept


@pytest.mark.slow
@pytest.mark.skipif(not __import__("spacy.util").util.is_package("fr_core_news_sm"),
                    reason="fr_core_news_sm is not installed (make installs it from requirements-model.txt)")
def test_a_french_article_gets_the_french_models_entities_and_no_english_rules() -> None:
    text = ("Le président Emmanuel Macron a reçu mercredi le chancelier Olaf Scholz. « Nous sommes "
            "d'accord », a déclaré M. Macron devant la Banque de France.")
    (a,) = extract.extract_articles([_article(text, "fr")], Settings())
    ents = {e.name: e for e in a.entities}
    assert ents["Emmanuel Macron"].type == "PERSON"
    assert {m.text for m in ents["Emmanuel Macron"].mentions} == {"Emmanuel Macron", "Macron"}
    assert ents["Banque de France"].type == "ORG"
    # the quote by its marks, its speaker the French model's entity; no English quote or event rules
    (q,) = a.quotes
    macron = ents["Emmanuel Macron"]
    assert (q.text, q.speaker, q.speaker_entity) == ("Nous sommes d'accord", "Emmanuel Macron", macron.id)
    assert a.events == []
    assert any("entities from fr_core_news_sm" in w for w in a.warnings)


def test_a_model_that_is_not_installed_or_reads_another_language_is_said_so(monkeypatch: pytest.MonkeyPatch) -> None:
    settings = Settings(models={"it": "it_core_news_none", "de": "natasha"})
    it, de = extract.extract_articles([_article("Il governo ha approvato 200 milioni di euro.", "it"),
                                       _article("Die Regierung billigte 200 Milliarden Euro.", "de")], settings)
    assert it.entities == [] and any("'it_core_news_none' set for language 'it' is not installed" in w
                                     for w in it.warnings)
    assert de.entities == [] and any("natasha, reads Russian only" in w for w in de.warnings)
