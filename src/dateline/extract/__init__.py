"""The extract stage: entities (and the places they name), quotes, amounts, times and events,
each a span of the text.

One spaCy pass per article (batched with `nlp.pipe`), then each extractor as a function
`(article, doc) -> article`, in an order where later ones read what earlier ones found
(quotes resolve speakers to entities; events read entities and times).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from itertools import islice

from spacy.tokens import Doc

from dateline.extract.amounts import find_amounts, refine_counted
from dateline.extract.entities import extract_entities
from dateline.extract.events import extract_events
from dateline.extract.nlp import get_nlp
from dateline.extract.places import resolve_places
from dateline.extract.quotes import extract_quotes
from dateline.extract.times import find_times
from dateline.model import Article
from dateline.settings import Settings

__all__ = ["extract_article", "extract_articles", "find_amounts", "find_times"]


def extract_times(article: Article, doc: Doc) -> Article:
    article.times = find_times(article.text, article.published)
    return article


def extract_amounts(article: Article, doc: Doc | None) -> Article:
    taken = [(t.start, t.end) for t in article.times if t.value and t.type == "DATE"]
    amounts = [a for a in find_amounts(article.text)
               if a.unit or not any(s <= a.start < e for s, e in taken)]
    article.amounts = refine_counted(amounts, doc) if doc is not None else amounts
    return article


EXTRACTORS: tuple[Callable[[Article, Doc], Article], ...] = (
    extract_times,
    extract_amounts,
    extract_entities,
    resolve_places,
    extract_quotes,
    extract_events,
)


def _run(article: Article, doc: Doc) -> Article:
    for extractor in EXTRACTORS:
        article = extractor(article, doc)
    return article


# The languages the model and our rules are written for. An article in another language gets no
# entities, quotes or events rather than wrong ones (the English model makes `Bundestag` a
# PERSON); its times and amounts, which read digits, symbols and ISO dates, are still found.
MODEL_LANGUAGES = frozenset({"en"})


def _other_language(article: Article) -> Article:
    article = extract_amounts(extract_times(article, None), None)  # type: ignore[arg-type]
    article.warnings.append(f"no entities, quotes or events: no model for language {article.language!r} here "
                            "(the English model and rules are not run on it)")
    return article


def extract_articles(articles: Iterable[Article], settings: Settings) -> Iterator[Article]:
    """Each article with its facts filled in, in input order; the model loads once (and not at
    all for a batch with no article in a language it reads)."""
    it = iter(articles)
    # a model batch at a time, so that the output streams as the input does
    while batch := list(islice(it, max(1, settings.batch_size))):
        ours = [a for a in batch if a.language is None or a.language in MODEL_LANGUAGES]
        done: dict[int, Article] = {}
        if ours:
            nlp = get_nlp(settings.model)
            pairs = ((a.text, a) for a in ours)
            for doc, article in nlp.pipe(pairs, as_tuples=True, batch_size=settings.batch_size):
                done[id(article)] = _run(article, doc)
        for a in batch:
            yield done[id(a)] if id(a) in done else _other_language(a)


def extract_article(article: Article, settings: Settings) -> Article:
    """One article's facts; for many, `extract_articles` batches the model."""
    return next(extract_articles([article], settings))
