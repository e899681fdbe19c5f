"""Counted once: the sentences of an article that report the same event are one event.

Two reports are the same event when they agree on type, actor, recipient, place and day
(and on whether it happened: a denial is not the same event as the report it denies).
A news story says its main event in the lead and again lower down, often in other words;
counting each sentence would count the story's event several times.
"""

from __future__ import annotations

from spacy.tokens import Doc

from dateline.extract.roles import TITLE_WORDS
from dateline.model import Article, Event, Party

# Words that open a phrase without changing who it names (`Rebels`, `the rebels`).
OPENERS = frozenset("the a an this that these those".split())


def _who(p: Party | None) -> str | None:
    if p is None:
        return None
    if p.entity or p.country:
        return f"{p.entity or p.country}/{p.sector}"
    words = p.text.lower().split()
    while words and words[0] in OPENERS:
        words = words[1:]
    return " ".join(words)


def _key(e: Event) -> tuple:  # type: ignore[type-arg]
    return (e.type, _who(e.actor), _who(e.recipient),
            (e.place.text.lower() if e.place else None), e.date, "negated" in e.flags)


def _quote(e: Event, article: Article) -> int | None:
    """The index of the article's quote that holds the event's first mention, if any."""
    m = e.mentions[0]
    for i, q in enumerate(article.quotes):
        if q.start <= m.start < q.end or m.start <= q.start < m.end:
            return i
    return None


def count_once(events: list[Event], article: Article) -> list[Event]:
    """One event per distinct key, with every sentence that reports it as a mention."""
    merged: dict[tuple, Event] = {}  # type: ignore[type-arg]
    for e in events:
        k = _key(e)
        first = merged.get(k)
        if first is None:
            merged[k] = e
        elif all(m.start != e.mentions[0].start for m in first.mentions):
            first.mentions.extend(e.mentions)
    out = list(merged.values())
    for e in out:
        if e.source is not None:
            e.source.quote = _quote(e, article)
    return out


# Dependents that are part of a person's or a body's name (`jaime` in `jaime pardo leal`).
NAME_PARTS = frozenset({"compound", "flat"})


def _name_ends(doc: Doc) -> dict[str, str]:
    """Each tail of every name the article writes in full -> the full name as written:
    `pardo leal` and `leal` -> `jaime pardo leal`. A name is a run of proper nouns that hang
    on its last word; titles before it (`governor`) are not part of it."""
    out: dict[str, str] = {}
    for tok in doc:
        if tok.pos_ != "PROPN":
            continue
        start = tok.i
        while (start > 0 and doc[start - 1].pos_ == "PROPN" and doc[start - 1].dep_ in NAME_PARTS
               and doc[start - 1].head.i == tok.i and doc[start - 1].lower_ not in TITLE_WORDS):
            start -= 1
        full = doc[start : tok.i + 1]
        for k in range(start + 1, tok.i + 1):
            tail = doc[k : tok.i + 1].text.lower()
            if len(full.text) > len(out.get(tail, "")):
                out[tail] = full.text
    return out


def full_names(events: list[Event], doc: Doc) -> list[Event]:
    """News names a person in full once and by the surname after (`roberto garcia alvarado`
    ... `garcia alvarado`): a party named by the tail of a name written in full elsewhere in
    the article is given that full name, so the same person is one party of the article."""
    ends = _name_ends(doc)
    if not ends:
        return events
    for e in events:
        for p in (e.actor, e.recipient):
            if p is None or p.entity:
                continue
            words = p.text.lower().split()
            while words and words[0] in OPENERS:
                words = words[1:]
            full = ends.get(" ".join(words))
            if full is not None:
                p.text = full
    return events
