"""The extract stage: entities, quotes, amounts, times and events, each a span of the text.

One spaCy pass per article (batched with `nlp.pipe`), then each extractor as a function
`(article, doc) -> article`, in an order where later ones read what earlier ones found
(quotes resolve speakers to entities; events read entities and times).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

from spacy.tokens import Doc

from dateline.extract.amounts import find_amounts, refine_counted
from dateline.extract.entities import extract_entities
from dateline.extract.events import extract_events
from dateline.extract.nlp import get_nlp
from dateline.extract.quotes import extract_quotes
from dateline.extract.times import find_times
from dateline.model import Article
from dateline.settings import Settings

__all__ = ["extract_article", "extract_articles", "find_amounts", "find_times"]


def extract_times(article: Article, doc: Doc) -> Article:
    article.times = find_times(article.text, article.published)
    return article


def extract_amounts(article: Article, doc: Doc) -> Article:
    taken = [(t.start, t.end) for t in article.times if t.value and t.type == "DATE"]
    amounts = [a for a in find_amounts(article.text)
               if a.unit or not any(s <= a.start < e for s, e in taken)]
    article.amounts = refine_counted(amounts, doc)
    return article


EXTRACTORS: tuple[Callable[[Article, Doc], Article], ...] = (
    extract_times,
    extract_amounts,
    extract_entities,
    extract_quotes,
    extract_events,
)


def _run(article: Article, doc: Doc) -> Article:
    for extractor in EXTRACTORS:
        article = extractor(article, doc)
    return article


def extract_articles(articles: Iterable[Article], settings: Settings) -> Iterator[Article]:
    """Each article with its facts filled in, in input order; the model loads once."""
    nlp = get_nlp(settings.model)
    pairs = ((a.text, a) for a in articles)
    for doc, article in nlp.pipe(pairs, as_tuples=True, batch_size=settings.batch_size):
        yield _run(article, doc)


def extract_article(article: Article, settings: Settings) -> Article:
    """One article's facts; for many, `extract_articles` batches the model."""
    return next(extract_articles([article], settings))
