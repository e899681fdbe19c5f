"""The extract stage: entities (and the places they name), quotes, amounts, times and events,
each a span of the text.

One spaCy pass per article (batched with `nlp.pipe`), then each extractor as a function
`(article, doc) -> article`, in an order where later ones read what earlier ones found
(quotes resolve speakers to entities; events read entities and times).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from functools import lru_cache
from importlib.util import find_spec
from itertools import islice

from spacy.tokens import Doc
from spacy.util import is_package

from dateline.extract.amounts import find_amounts, refine_counted
from dateline.extract.entities import extract_entities
from dateline.extract.events import extract_events
from dateline.extract.local import extract_local
from dateline.extract.named import group_spans, link_speakers, spacy_spans
from dateline.extract.nlp import get_nlp
from dateline.extract.places import resolve_places
from dateline.extract.quotes import extract_quotes
from dateline.extract.ru import extract_russian
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


# The English model and our rules are written for English: they run on English articles and on
# those whose language is unknown. Another language gets the pipeline `settings.models` names
# for it, entities only (our quote, role and event rules are English); a language with none gets
# no entities or events rather than wrong ones (the English model makes `Bundestag` a
# PERSON). Times, amounts and quotes marked by quotation marks are found in every language, each by
# its own language's rules (`extract/local.py`), never by the English ones.
ENGLISH = "en"
NATASHA = "natasha"  # Russian through Natasha (extract/ru), not a spaCy package


@lru_cache(maxsize=32)
def _installed(name: str) -> bool:
    return find_spec("natasha") is not None if name == NATASHA else is_package(name)


def _pipeline(article: Article, settings: Settings) -> str | None:
    """What reads this article: ENGLISH, NATASHA, a spaCy package name, or None."""
    if article.language is None or article.language == ENGLISH:
        return ENGLISH
    name = settings.model_for(article.language)
    if not name or not _installed(name) or name == NATASHA and article.language != "ru":
        return None
    return name


def _times_and_amounts(article: Article) -> Article:
    """The facts every language gets, whatever reads its names (no model needed): times, amounts
    and marked quotes by the article's own language's rules."""
    return extract_local(article)


def _other_language(article: Article, settings: Settings) -> Article:
    article = _times_and_amounts(article)
    name = settings.model_for(article.language)
    if not name:
        why = f"no model for language {article.language!r} here"
    elif name == NATASHA and article.language != "ru":
        why = f"the model set for language {article.language!r}, natasha, reads Russian only"
    else:
        why = f"the model {name!r} set for language {article.language!r} is not installed"
    article.warnings.append(f"no entities or events: {why} "
                            "(the English model and rules are not run on it; quotes by their marks only)")
    return article


def _russian(article: Article) -> Article:
    article = link_speakers(extract_russian(_times_and_amounts(article)))
    article.warnings.append("no events: the event rules are written for English (Russian entities "
                            "through Natasha)")
    return article


def _model_entities(article: Article, doc: Doc, name: str) -> Article:
    article = _times_and_amounts(article)
    article.entities = group_spans(article.text, spacy_spans(doc))
    article = link_speakers(article)
    article.warnings.append(f"entities from {name}, quotes by their marks only: the English quote and "
                            f"event rules are not run on language {article.language!r}")
    return article


def extract_articles(articles: Iterable[Article], settings: Settings) -> Iterator[Article]:
    """Each article with its facts filled in, in input order; each model loads once (and not at
    all for a batch with no article in a language it reads)."""
    it = iter(articles)
    # a model batch at a time, so that the output streams as the input does
    while batch := list(islice(it, max(1, settings.batch_size))):
        by_pipeline: dict[str | None, list[Article]] = {}
        for a in batch:
            by_pipeline.setdefault(_pipeline(a, settings), []).append(a)
        done: dict[int, Article] = {}
        for name, group in by_pipeline.items():
            for article in _extract_group(name, group, settings):
                done[id(article)] = article
        for a in batch:
            yield done[id(a)]


def _extract_group(name: str | None, group: list[Article], settings: Settings) -> Iterator[Article]:
    if name is None:
        yield from (_other_language(a, settings) for a in group)
    elif name == NATASHA:
        yield from (_russian(a) for a in group)
    else:
        nlp = get_nlp(settings.model if name == ENGLISH else name)
        pairs = ((a.text, a) for a in group)
        for doc, article in nlp.pipe(pairs, as_tuples=True, batch_size=settings.batch_size):
            yield _run(article, doc) if name == ENGLISH else _model_entities(article, doc, name)


def extract_article(article: Article, settings: Settings) -> Article:
    """One article's facts; for many, `extract_articles` batches the model."""
    return next(extract_articles([article], settings))
