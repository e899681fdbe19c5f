"""Counted once: the sentences of an article that report the same event are one event.

Two reports are the same event when they agree on type, actor, recipient, place and day
(and on whether it happened: a denial is not the same event as the report it denies).
A news story says its main event in the lead and again lower down, often in other words;
counting each sentence would count the story's event several times.
"""

from __future__ import annotations

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
