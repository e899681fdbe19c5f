"""Events coded with PLOVER: who did what to whom, where and when, counted once per article.

For each sentence: the event words and their flags (`coding`), the actor and recipient of
each (`parties`), its place and date (`places`); then the events of the article that are the
same (same type, actors, place, day) become one event with a mention per sentence
(`merge`). Runs after entities, times and quotes, whose results it reads.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from dateline.extract.events.agency import acted_by_party
from dateline.extract.events.blame import fill_perpetrators
from dateline.extract.events.coding import (
    Trigger,
    clause_tokens,
    find_triggers,
    is_nominal,
    mode_of,
)
from dateline.extract.events.means import fill_means
from dateline.extract.events.merge import count_once, full_names
from dateline.extract.events.parties import (
    Resolver,
    fill_countries,
    fill_from_sentence,
    is_pronoun,
    names_state,
    parties,
    sentence_countries,
)
from dateline.extract.events.places import event_date, event_place
from dateline.extract.events.sides import harmed_each, sides
from dateline.extract.events.words import Code
from dateline.model import EVENT_TYPES, Article, Claim, Event, Party
from dateline.model import Span as TextSpan

__all__ = ["extract_events"]

# Acts done together: with no recipient named, each party of a compound actor is the other's
# recipient (`Gondor and Osgiliath renewed ties`).
MUTUAL = frozenset({"AGREE", "CONSULT", "SUPPORT", "COOPERATE"})


def _source(t: Trigger, res: Resolver) -> tuple[Claim | None, Token | None]:
    if t.reporter is None:
        return None, None
    subj = next((c for c in t.reporter.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None:
        return Claim(None, None), None
    said = parties(subj, res)
    return Claim(said[0].text if said else subj.text, None), subj


def _distinct(side: list[Party]) -> list[Party]:
    """One party per country or entity among joined phrases (`homes and buildings` of one
    place are one recipient); phrases that name none are dropped beside ones that do."""
    if len(side) < 2:
        return side
    named = [p for p in side if p.country or p.entity]
    out: dict[str, Party] = {}
    for p in named or side[:1]:
        out.setdefault(p.entity or p.country or p.text, p)
    return list(out.values())


def _pairs(actors: list[Party], recipients: list[Party], code: Code
           ) -> list[tuple[Party | None, Party | None]]:
    kind = code.type
    actors = _distinct(actors)
    recipients = recipients if harmed_each(code) else _distinct(recipients)
    if not recipients and len(actors) > 1 and kind in MUTUAL:
        return [(a, b) for a in actors for b in actors if a is not b]
    return [(a, r) for a in (actors or [None]) for r in (recipients or [None])]


def _events(sent: Span, article: Article, res: Resolver) -> list[Event]:
    out: list[Event] = []
    named: list[str] | None = None
    for t in find_triggers(sent):
        if not acted_by_party(t):
            continue  # a thing does no act (`the investment would give ...`)
        source, speaker_tok = _source(t, res)
        actors, recipients = sides(t, res)
        if is_nominal(t) and not recipients:
            continue  # a noun of violence is reported as done only with whom it was done to
        if not actors and speaker_tok is not None and _pronoun_subject(t):
            # `Syria says it will withdraw`: the pronoun is the speaker itself.
            actors = parties(speaker_tok, res)
        clause = clause_tokens(t)
        mode, instrument = mode_of(t)
        place = event_place(clause, res.by_char, article)
        date, date_from = event_date(clause, article)
        said = parties(speaker_tok, res) if speaker_tok is not None else []
        for actor, recipient in _pairs(actors, recipients, t.code):
            actor, recipient = _copy(actor), _copy(recipient)
            kind = t.code.type
            if kind == "PROTEST" and _state_protest(t, actor):
                kind = "ACCUSE"
            if kind == "PROTEST" and actor is not None and actor.sector is None:
                actor.sector = "CVL"  # protesters named by no other role are civilians
            _speakers_own(actor, said)
            fill_countries(actor, recipient, place.country if place else None)
            # each side's own country before either is filled from the sentence
            own = (actor.country if actor else None, recipient.country if recipient else None)
            for side, other in ((actor, own[1]), (recipient, own[0])):
                if side is not None and not side.country:
                    if named is None:  # read once per sentence, and only where needed
                        named = sentence_countries(sent, res)
                    fill_from_sentence(side, named, other)
            out.append(Event(
                type=kind, quad=EVENT_TYPES[kind], actor=actor,
                recipient=recipient, mentions=[TextSpan(sent.start_char, sent.end_char)],
                mode=mode, place=place, date=date, date_from=date_from, flags=list(t.flags),
                source=source, trigger=t.words, instrument=instrument,
            ))
    return out


# The verb of protest, which states use too; marching, rioting and striking are the street's.
PROTEST_VERBS = frozenset("protest protests protested protesting".split())


def _state_protest(t: Trigger, actor: Party | None) -> bool:
    """`Japan protested against the visit`, `the ministry protested`: a government that
    protests complains in words (ACCUSE); PLOVER's PROTEST is people acting in the street."""
    return (t.token.lower_ in PROTEST_VERBS and actor is not None
            and (actor.sector in ("GOV", "IGO") or names_state(actor)))


POSSESSIVES = frozenset("its their his her our".split())


def _speakers_own(p: Party | None, said: list[Party]) -> None:
    """`Bosnian Serbs said their forces had withdrawn`: a party the speaker calls its own
    is of the speaker's country."""
    if p is None or p.country or not said or not said[0].country:
        return
    if p.text.split(" ", 1)[0].lower() in POSSESSIVES:
        p.country = said[0].country


def _copy(p: Party | None) -> Party | None:
    # Each event owns its parties: filling a country in one pair must not change another.
    return Party(p.text, p.entity, p.country, p.sector) if p is not None else None


def _pronoun_subject(t: Trigger) -> bool:

    tok = t.anchor
    for _ in range(4):
        subj = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None:
            return is_pronoun(subj)
        if tok.head == tok:
            break
        tok = tok.head
    return False


def extract_events(article: Article, doc: Doc) -> Article:
    """Fill `article.events`; reads the entities, times and quotes found before it."""
    res = Resolver.of(article)
    found: list[Event] = []
    for sent in doc.sents:
        found.extend(_events(sent, article, res))
    found = fill_means(fill_perpetrators(full_names(found, doc), doc, res), doc)
    article.events = count_once(found, article)
    return article
