"""Russian articles: names, places and organisations through Natasha, quotes with quotation marks
and a Russian speech verb beside them. Times and amounts come from the shared extractors."""

from __future__ import annotations

from dateline.extract.named import group_spans
from dateline.extract.ru.countries import russian_countries
from dateline.extract.ru.natasha import named_spans
from dateline.model import Article

__all__ = ["extract_russian"]


def extract_russian(article: Article) -> Article:
    """Fill the article's entities: Natasha's names with their nominative forms as names,
    grouped, typed as ours (PERSON, ORG, LOC; a country is a GPE with its code)."""
    article.entities = group_spans(article.text, named_spans(article.text), russian_countries())
    return article
