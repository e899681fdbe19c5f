"""Who the article says did its attacks: responsibility told anywhere in the article.

A news report of an attack often names who did it apart from the sentence that tells the
attack: `the bomb destroyed the station ... the X group claimed responsibility`, `police
blamed the Y for the bombing`, `the killing was attributed to Z`. The claimed or blamed
party is the perpetrator of the harms the article reports; this whole-document step gives
it to each harm (an attack, a kidnapping) whose own clause names no one who did it.
"""

from __future__ import annotations

from spacy.attrs import LOWER
from spacy.tokens import Doc, Token

from dateline.extract.doctokens import tokens_where
from dateline.extract.events.coding import noun_key
from dateline.extract.events.parties import Resolver, is_pronoun, parties
from dateline.extract.events.words import nouns, verb_forms
from dateline.model import Event, Party

# Nouns a party takes upon itself for an act (`claimed responsibility`, `claimed credit`).
CLAIMED = frozenset("responsibility credit authorship".split())
# Verbs of taking them (`claimed`, `assumed`, `accepted`, `admitted`); the pipeline has no
# lemmatiser, so each verb is listed with its regular forms.
TAKING = frozenset(f for v in ("claim", "assume", "accept", "admit") for f in verb_forms(v))
# Verbs that lay an act at someone's door (`blamed X for`, `accused X of`).
LAYING = frozenset(f for v in ("blame", "accuse") for f in verb_forms(v))
# Verbs that give an act to its doer (`attributed the attack to X`, `ascribed ... to X`).
GIVING = frozenset(f for v in ("attribute", "ascribe") for f in verb_forms(v))
# General nouns news uses for an attack already told (`responsible for the crime`, `for
# this action`): beside the event nouns of the lexicon, they name the act in a blaming.
ACTS = frozenset("crime crimes action actions act acts incident incidents violence".split())
# Words that say no one did it (`no one has claimed responsibility`, `neither claimed nor
# denied`): the statement names no perpetrator.
NOBODY = frozenset("no none nobody neither".split())
# Every word a statement of responsibility turns on: only these tokens are looked at.
CUE_WORDS = tuple(sorted(CLAIMED | LAYING | GIVING | {"responsible"}))
# Pronouns and stand-ins that name no party by themselves (`those responsible`).
STAND_INS = frozenset("those who whoever anyone someone one".split())


def harm(e: Event) -> bool:
    """Whether an event is a harm the article reports as done: an attack of any kind or a
    kidnapping, not denied."""
    return (e.type == "ASSAULT" or e.mode == "abduct") and "negated" not in e.flags


def _is_act(tok: Token) -> bool:
    """Whether a noun names a harm: an attack noun of the lexicon, or a general one."""
    if tok.lower_ in ACTS:
        return True
    found = noun_key(tok, nouns())
    if found is None:
        return False
    code = nouns()[found[0]]
    return code.type == "ASSAULT" or code.mode == "abduct"


def _act_after(tok: Token, preps: frozenset[str]) -> Token | None:
    """The object of a `for`/`of`/`in` phrase on `tok` (`responsibility for the attack`)."""
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ in preps:
            return next((o for o in c.children if o.dep_ == "pobj"), None)
    return None


def _denied(verb: Token) -> bool:
    return any(c.dep_ == "neg" or c.lower_ in NOBODY for c in verb.children)


def _subject(verb: Token) -> Token | None:
    """The subject of a verb, or of the verb it is joined to (`claimed and denied`)."""
    for v in (verb, verb.head if verb.dep_ == "conj" else verb):
        subj = next((c for c in v.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None:
            return subj
    return None


def _claimer(tok: Token) -> Token | None:
    """`X claimed responsibility (for the attack)`: X; `responsibility was claimed by X`."""
    verb = tok.head
    if verb.lower_ not in TAKING or _denied(verb):
        return None
    act = _act_after(tok, frozenset({"for", "of", "in"}))
    if act is not None and not _is_act(act):
        return None  # `claimed responsibility for the country's economy`
    if tok.dep_ == "dobj":
        return _subject(verb)
    if tok.dep_ == "nsubjpass":
        agent = next((c for c in verb.children if c.dep_ == "agent"), None)
        return next((o for o in agent.children if o.dep_ == "pobj"), None) if agent else None
    return None


def _responsible(tok: Token) -> Token | None:
    """`X is responsible for the attack`, `holds X responsible for the murder`."""
    act = _act_after(tok, frozenset({"for", "of", "in"}))
    if act is None or not _is_act(act):
        return None
    own = next((c for c in tok.children if c.dep_ == "nsubj"), None)
    if own is not None:
        return own  # `holds [X responsible]` as the parser may read it
    head = tok.head
    if tok.dep_ == "amod":
        return head  # `holds X responsible`, with X read as the noun it modifies
    if _denied(head):
        return None
    if tok.dep_ in ("acomp", "oprd", "xcomp", "ccomp"):
        obj = next((c for c in head.children if c.dep_ == "dobj"), None)
        return obj if obj is not None else _subject(head)
    return None


def _laid(verb: Token) -> Token | None:
    """`blamed X for the bombing`, `X was blamed for ...`, `accused X of the killing`,
    `attributed the murder to X`, `the attack was attributed to X`."""
    if _denied(verb):
        return None
    if verb.lower_ in LAYING:
        act = _act_after(verb, frozenset({"for", "of", "with"}))
        if act is None or not _is_act(act):
            return None
        return next((c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")), None)
    act = next((c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")), None)
    if act is None or not _is_act(act):
        return None
    return _act_after(verb, frozenset({"to"}))


def _blamed_token(tok: Token) -> Token | None:
    if tok.lower_ in CLAIMED:
        return _claimer(tok)
    if tok.lower_ == "responsible":
        return _responsible(tok)
    if tok.pos_ == "VERB" and tok.lower_ in LAYING | GIVING:
        return _laid(tok)
    return None


def blamed(doc: Doc, res: Resolver) -> list[Party]:
    """The parties the article says did its harms, in the order it names them."""
    out: dict[str, Party] = {}
    for i in tokens_where(doc, LOWER, CUE_WORDS):
        who = _blamed_token(doc[i])
        if who is None or is_pronoun(who) or who.lower_ in STAND_INS or any(
                c.lower_ in NOBODY for c in who.children):
            continue
        for p in parties(who, res):
            out.setdefault(p.text.lower(), p)
    return list(out.values())


def fill_perpetrators(events: list[Event], doc: Doc, res: Resolver) -> list[Event]:
    """Each harm of the article with no actor gets the party the article holds responsible
    (the first one it names where it names several)."""
    open_harms = [e for e in events if harm(e) and e.actor is None]
    if not open_harms:
        return events
    found = blamed(doc, res)
    if not found:
        return events
    p = found[0]
    for e in open_harms:
        e.actor = Party(p.text, p.entity, p.country, p.sector)
    return events
