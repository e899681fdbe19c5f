"""Events: who did what to whom, per sentence, from the dependency parse of its main verb;
with the sentence's first place and time, where the other extractors found them."""

from __future__ import annotations

from spacy.tokens import Span, Token

from dateline.extract.quotes import CUES
from dateline.model import Article, Event

ARG_DEPS = ("compound", "det", "amod", "poss", "nummod", "nmod", "flat")


def _phrase(tok: Token) -> str:
    """A noun's short phrase: the head with the modifiers right before it, no clauses."""
    first = tok.i
    for child in reversed(list(tok.lefts)):
        if child.dep_ in ARG_DEPS and child.i == first - 1 and not child.is_punct:
            first = child.left_edge.i if child.dep_ == "poss" else child.i
    last = tok.i
    for child in tok.rights:
        if child.dep_ in ("compound", "flat") and child.i == last + 1:
            last = child.i
    return tok.doc[first : last + 1].text


def _action(verb: Token) -> str:
    words = [verb]
    for child in verb.children:
        modal = child.dep_ == "aux" and child.lower_ in ("will", "would")
        if child.dep_ in ("neg", "prt") or modal:
            words.append(child)
    return " ".join(t.text for t in sorted(words, key=lambda t: t.i))


def _target(verb: Token) -> str | None:
    for child in verb.children:
        if child.dep_ in ("dobj", "attr", "oprd"):
            return _phrase(child)
    for child in verb.children:
        if child.dep_ in ("prep", "agent"):
            for obj in child.children:
                if obj.dep_ == "pobj":
                    return _phrase(obj)
    return None


def _event(sent: Span, article: Article) -> Event | None:
    verb = sent.root
    if verb.lower_ in CUES:
        # `X said (that) Y did Z`: the event is what Y did; the saying is a quote.
        verb = next((c for c in verb.children if c.dep_ == "ccomp" and c.pos_ in ("VERB", "AUX")),
                    verb)
    if verb.pos_ not in ("VERB", "AUX"):
        return None
    actor = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    s, e = sent.start_char, sent.end_char
    places = [(m.start, ent.name) for ent in article.entities
              if ent.type in ("GPE", "LOC", "FAC") for m in ent.mentions if s <= m.start < e]
    place = min(places)[1] if places else None
    time = next((t.value or t.text for t in article.times if s <= t.start < e), None)
    return Event(actor=_phrase(actor) if actor is not None else None, action=_action(verb),
                 target=_target(verb), place=place, time=time, sentence_start=s,
                 sentence_end=e)


def extract_events(article: Article, doc) -> Article:  # type: ignore[no-untyped-def]
    """Fill `article.events`: one per sentence whose root is a verb; run after entities and
    times, whose results it reads."""
    events = []
    for sent in doc.sents:
        if sent.text.strip():
            ev = _event(sent, article)
            if ev is not None:
                events.append(ev)
    article.events = events
    return article
