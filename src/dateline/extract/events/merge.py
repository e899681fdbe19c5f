"""Counted once: the sentences of an article that report the same event are one event.

Two reports are the same event when they agree on type, actor, recipient, place and day
(and on whether it happened: a denial is not the same event as the report it denies); a
report that leaves one side unsaid (`the murder of X`) is a mention of the one full report
it agrees with (`Y murdered X`). A party named by part of a name the article writes in full
elsewhere is given the full name (`garcia alvarado` -> `roberto garcia alvarado`).
A news story says its main event in the lead and again lower down, often in other words;
counting each sentence would count the story's event several times.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

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


def _said(e: Event) -> set[str]:
    # what the text says of whether and when it happened; who reports it may differ
    return {f for f in e.flags if f != "claimed"}


def _completes(part: Event, full: Event) -> bool:
    """Whether `full` is the event `part` reports with one side unsaid: `the murder of X`
    after `Y murdered X`, `Y attacked` after `Y attacked the post` (same type, the side
    `part` names the same, its place and own date none or the same)."""
    if part is full or part.type != full.type or _said(part) != _said(full):
        return False
    if part.place is not None and (full.place is None
                                   or part.place.text.lower() != full.place.text.lower()):
        return False
    if part.date_from == "text" and part.date != full.date:
        return False
    sides = [(_who(part.actor), _who(full.actor)), (_who(part.recipient), _who(full.recipient))]
    missing = [i for i, (mine, _) in enumerate(sides) if mine is None]
    if len(missing) != 1 or sides[missing[0]][1] is None:
        return False
    named = sides[1 - missing[0]]
    return named[0] == named[1]


def _fold_partial(events: list[Event]) -> list[Event]:
    """An article tells its event in full once and in part elsewhere: a report that leaves
    one side unsaid is a mention of the one full event it agrees with (none when several
    do: then it is not known which)."""
    out: list[Event] = []
    for e in events:
        fuller = [f for f in events if _completes(e, f)]
        if len(fuller) == 1:
            f = fuller[0]
            f.mentions.extend(m for m in e.mentions
                              if all(m.start != n.start for n in f.mentions))
            f.mentions.sort(key=lambda m: m.start)
            if f.instrument is None and e.instrument is not None:
                f.mode, f.instrument = e.mode, e.instrument  # the part may say how
            continue
        out.append(e)
    return out


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
    out = _fold_partial(list(merged.values()))
    for e in out:
        if e.source is not None:
            e.source.quote = _quote(e, article)
    return out


# Tags a word of a name may get from a parser reading lowercased text, where names lose the
# capitals that mark them.
NAME_TAGS = frozenset({"PROPN", "NOUN", "ADJ", "VERB"})
LONGEST_NAME = 5  # words: `colonel` aside, `roberto armando rivera escobar` is four


def _name_word(tok: Token, tags: frozenset[str]) -> bool:
    return (tok.pos_ in tags and tok.text.isalpha() and not tok.is_stop
            and tok.ent_type_ not in ("DATE", "TIME") and tok.text.lower() not in TITLE_WORDS)


def _names(doc: Doc) -> list[list[str]]:
    """Runs of name words that end in a proper noun: `jaime pardo leal`, `hector oqueli
    colindres` (a title before a name, `leader`, `governor`, is not part of it). Where the
    text has capitals, only proper nouns make a name."""
    tags = NAME_TAGS if doc.text == doc.text.lower() else frozenset({"PROPN"})
    out: list[list[str]] = []
    run: list[Token] = []
    for tok in [*doc, None]:
        if tok is not None and _name_word(tok, tags):
            run.append(tok)
            continue
        if 1 < len(run) <= LONGEST_NAME and run[-1].pos_ == "PROPN":
            out.append([t.text for t in run])
        run = []
    return out


def _fuller(words: list[str], names: list[list[str]]) -> str | None:
    """The longest name of the article that starts or ends with `words` (as written: with
    capitals, `a state` is not the end of `West Darfur State`)."""
    n = len(words)
    best: list[str] = []
    for name in names:
        if len(name) > max(n, len(best)) and (name[:n] == words or name[-n:] == words):
            best = name
    return " ".join(best) if best else None


def full_names(events: list[Event], doc: Doc) -> list[Event]:
    """News names a person in full once and by the surname after (`roberto garcia alvarado`
    ... `garcia alvarado`): a party named by the start or end of a name written in full
    elsewhere in the article is given that full name, so the same person is one party."""
    names = _names(doc)
    if not names:
        return events
    for e in events:
        for p in (e.actor, e.recipient):
            if p is None or p.entity:
                continue
            words = p.text.split()
            # the name after its titles (`governor antonio roldan`): the titles stay
            cut = max((i + 1 for i, w in enumerate(words[:-1])
                       if w.lower() in OPENERS or w.lower() in TITLE_WORDS), default=0)
            name = words[cut:]
            if not all(w.isalpha() for w in name):
                continue
            full = _fuller(name, names)
            if full is not None:
                p.text = " ".join([*words[:cut], full])
    return events
