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
from dataclasses import dataclass, field, replace
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
    when: frozenset[str] = field(default_factory=frozenset)  # days the text names (`MD:12-15`, `WD:sat`)

    def to_dict(self) -> dict[str, object]:
        return {"terms": dict(self.terms), "entities": sorted(self.entities), "date": self.date,
                "years": sorted(self.years), "when": sorted(self.when)}

    @classmethod
    def from_dict(cls, d: dict[str, object]) -> Profile:
        return cls(Counter(d.get("terms") or {}), frozenset(d.get("entities") or ()),  # type: ignore[arg-type]
                   d.get("date"), frozenset(d.get("years") or ()),  # type: ignore[arg-type]
                   frozenset(d.get("when") or ()))  # type: ignore[arg-type]


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


_MONTHS = {m: i for i, m in enumerate(
    ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), start=1)}
_MONTH_DAY = re.compile(r"\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+(\d{1,2})\b"
                        r"|\b(\d{1,2})\s+(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b", re.IGNORECASE)
_WEEKDAY = re.compile(r"\b(mon|tues|wednes|thurs|fri|satur|sun)day\b", re.IGNORECASE)


def days_of(times: list[Time]) -> frozenset[str]:
    """The days an article's time expressions name, as keys: `MD:12-15` for a day of a month
    (`December 15`, `15 Dec 2013`, `2013-12-15`), `WD:sat` for a weekday (`on Saturday`).

    A report says when its event happened, and the other reports of that event name the same
    day; the same kind of event at another time names another. The year alone (`years_of`) is
    too coarse for events of one season, and many reports give the day without the year, which
    the times layer then cannot resolve: the month and day are read from the words.
    """
    out: set[str] = set()
    for t in times:
        if t.type not in ("DATE", "TIME"):
            continue
        if t.value and re.fullmatch(r"\d{4}-\d{2}-\d{2}", t.value[:10]):
            out.add(f"MD:{t.value[5:10]}")
            continue
        m = _MONTH_DAY.search(t.text)
        if m:
            month, day = (m.group(1), m.group(2)) if m.group(1) else (m.group(4), m.group(3))
            if 1 <= int(day) <= 31:
                out.add(f"MD:{_MONTHS[month.casefold()[:3]]:02d}-{int(day):02d}")
        for w in _WEEKDAY.findall(t.text):
            out.add(f"WD:{w.casefold()[:3]}")
    return frozenset(out)


def entity_keys(article: Article) -> frozenset[str]:
    """The article's entities as `TYPE:name` keys (the archive swaps in its own entity ids)."""
    return frozenset(f"{e.type}:{e.name.casefold()}" for e in article.entities if e.type in STORY_TYPES)


def profile(article: Article, max_words: int = 400) -> Profile:
    lang = article.language or "en"
    return replace(profile_text(article.title, article.text, article.published, entity_keys(article), lang,
                                max_words, years_of(article.times)), when=days_of(article.times))
