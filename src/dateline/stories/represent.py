"""What story assignment compares: an article's stemmed content words, its named entities, its date.

Words come from the title and the body; the title counts twice because a headline names the event
in the fewest words. Function words go (spaCy's stop list for the language, when it has one), and
the rest are Snowball-stemmed so that `earthquake` and `earthquakes`, `killed` and `killing`
agree on their stems. Only the first `max_words` words of the body are read: the lead of a news
story says what happened, later paragraphs drift into background that other stories share.
Entities are keys (`PERSON:tara reid`) rather than words, so that two rehab stories about two
different actresses differ where it matters even when their vocabulary is the same.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import cache

from dateline.model import Article, Time

# Entity types that tell one event from another of the same kind: who, which organisation,
# where, which named event. Numbers and dates are in the words already.
STORY_TYPES = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "EVENT", "NORP"})
_WORD = re.compile(r"[^\W_]+(?:['’.-][^\W_]+)*", re.UNICODE)
_SNOWBALL = {"en": "english", "de": "german", "fr": "french", "es": "spanish", "it": "italian",
             "pt": "portuguese", "nl": "dutch", "ru": "russian", "sv": "swedish", "da": "danish",
             "no": "norwegian", "fi": "finnish", "hu": "hungarian", "ro": "romanian", "tr": "turkish"}


@dataclass(slots=True)
class Profile:
    """An article as story assignment sees it."""

    terms: Counter[str]
    entities: frozenset[str] = field(default_factory=frozenset)
    date: str | None = None  # YYYY-MM-DD
    years: frozenset[str] = field(default_factory=frozenset)  # years the text dates things in

    def to_dict(self) -> dict[str, object]:
        return {"terms": dict(self.terms), "entities": sorted(self.entities), "date": self.date,
                "years": sorted(self.years)}

    @classmethod
    def from_dict(cls, d: dict[str, object]) -> Profile:
        return cls(Counter(d.get("terms") or {}), frozenset(d.get("entities") or ()),  # type: ignore[arg-type]
                   d.get("date"), frozenset(d.get("years") or ()))  # type: ignore[arg-type]


@cache
def _stopwords(lang: str) -> frozenset[str]:
    try:
        module = __import__(f"spacy.lang.{lang}.stop_words", fromlist=["STOP_WORDS"])
    except ImportError:
        return frozenset()
    return frozenset(w.casefold() for w in module.STOP_WORDS)


@cache
def _stemmer(lang: str):  # type: ignore[no-untyped-def]
    import Stemmer  # PyStemmer: the Snowball stemmers in C

    name = _SNOWBALL.get(lang)
    return Stemmer.Stemmer(name) if name else None


def _terms(text: str, lang: str, max_words: int) -> list[str]:
    stop = _stopwords(lang)
    words = [w.casefold().replace("’", "'") for w in _WORD.findall(text)[:max_words]]
    # Single letters and stop words carry no event; a possessive 's is the name it follows.
    words = [w.removesuffix("'s") for w in words if len(w) > 1 and w not in stop]
    stemmer = _stemmer(lang)
    return stemmer.stemWords(words) if stemmer else words


def profile_text(title: str | None, body: str, date: str | None = None, entities: frozenset[str] = frozenset(),
                 lang: str = "en", max_words: int = 400, years: frozenset[str] = frozenset()) -> Profile:
    terms: Counter[str] = Counter(_terms(body, lang, max_words))
    if title:
        for t in _terms(title, lang, 50):
            terms[t] += 2
    return Profile(terms, entities, date, years)


def years_of(times: list[Time]) -> frozenset[str]:
    """The years of the dates an article writes out in full (`March 3, 2009`, `in 2013`).

    An undated article still says when its event happened; two reports that date things in
    disjoint years are unlikely to be about one event.
    """
    return frozenset(t.value[:4] for t in times
                     if t.type == "DATE" and t.value and len(t.value) >= 4 and t.value[:4].isdigit())


def entity_keys(article: Article) -> frozenset[str]:
    """The article's entities as `TYPE:name` keys (the archive swaps in its own entity ids)."""
    return frozenset(f"{e.type}:{e.name.casefold()}" for e in article.entities if e.type in STORY_TYPES)


def profile(article: Article, max_words: int = 400) -> Profile:
    lang = article.language or "en"
    return profile_text(article.title, article.text, article.published, entity_keys(article), lang, max_words,
                        years_of(article.times))
