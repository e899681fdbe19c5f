"""Whether an event word has a party doing it.

PLOVER, CAMEO and GDELT define an event as an act by a party (a state, a body, a group, an
organisation, a company, a person or people) towards another. A thing, a process or a
measure does no act: `the investment would give CSR a stake`, `the modernization will
guarantee jobs` and `buying back shares contributed to earnings` tell what something brings
about, and `monetary policy might be eased` or `rates should be cut` what may or should
happen to a policy or a quantity; none of them reports that anyone did anything.
"""

from __future__ import annotations

from spacy.tokens import Token

from dateline.extract.events.coding import Trigger, noun_key
from dateline.extract.events.parties import counted, demonym, is_pronoun
from dateline.extract.events.words import bodies, people, sectors, verb_forms

# Entity types of a party: a place stands for its people or government (`France gave`), a
# facility for its owner (`the White House provided`).
PARTY_ENTS = frozenset("PERSON ORG GPE NORP FAC".split())
# Entity types of things: a proper name of one of them names no one (`the CFM-56 engine`,
# `the Clean Air Act`).
THING_ENTS = frozenset("PRODUCT LAW EVENT WORK_OF_ART LANGUAGE MONEY PERCENT QUANTITY "
                       "CARDINAL ORDINAL DATE TIME".split())
# Relative pronouns that stand for a person whatever their antecedent.
WHO = frozenset({"who", "whom"})
# Verbs of giving, helping and guaranteeing: the hand check of issue 16 found a thing as
# their subject more often than any other verb's (what a deal or a plant `gives`,
# `provides`, `guarantees` or `contributes`), so they need a party as doer to be an act.
# (the model runs without a lemmatizer: the forms are made here, irregular ones listed)
GIVING = frozenset(
    form for base in "give provide help assist aid supply deliver donate grant contribute "
    "guarantee fund finance lend loan".split() for form in verb_forms(base)
) | frozenset("gave given lent".split())
# Modals that put what follows in the possible or the desirable, not in what was done.
MODALS = frozenset("may might could should".split())
# Verbs of need and obligation: what a party needs or has to do (`will need investment to
# support its plan`, `have to accept the proposal`) is not done, and no act yet.
NEEDING = frozenset("need needs needed needing require requires required requiring have has "
                    "had having".split())
# How far up through `to`-clauses and joined verbs the doer is looked for (`the company
# agreed to provide ...`, `would be able to give`).
CLIMB = 4


def is_party(tok: Token) -> bool:
    """Whether a phrase, by its head word or a name joined to it, names someone who can
    act (`Old foes Gondor and Osgiliath`, `the bank and its owners`)."""
    return any(_party_word(t) for t in (tok, *tok.conjuncts,
                                        *(c for c in tok.children if c.dep_ == "appos")))


def _party_word(tok: Token) -> bool:
    tok = counted(tok)  # `a group of investors`, `thousands of donors`
    if tok.tag_ in ("WDT", "WP"):
        if tok.lower_ in WHO:
            return True
        # `a plan that would give ...`: the relative pronoun stands for its noun
        if tok.head.dep_ == "relcl":
            return is_party(tok.head.head)
        return True  # an antecedent the parse does not give is not judged
    if is_pronoun(tok):
        return True  # a pronoun stands for a party named before, resolved or not
    if tok.ent_type_ in PARTY_ENTS:
        return True
    if tok.pos_ == "PROPN":
        return tok.ent_type_ not in THING_ENTS
    if tok.pos_ not in ("NOUN", "ADJ"):
        return False  # `buying back shares contributed ...`: a clause is an activity
    low = tok.lower_
    return (noun_key(tok, sectors()) is not None or low in people() or low in bodies()
            or demonym(tok.text) is not None)


def _doer(verb: Token) -> tuple[Token | None, bool]:
    """The phrase that did what a verb says, and whether one is named: its subject (of a
    passive verb, its `by` agent), climbing out of `to`-clauses and joined verbs."""
    cur = verb
    for _ in range(CLIMB):
        passive = False
        for c in cur.children:
            if c.dep_ in ("nsubj", "csubj"):
                return c, True
            if c.dep_ == "agent":
                return next((o for o in c.children if o.dep_ == "pobj"), None), True
            passive = passive or c.dep_ == "nsubjpass"
        if passive:
            return None, False
        if cur.dep_ in ("xcomp", "conj", "acomp") and cur.head != cur:
            cur = cur.head
        else:
            break
    return None, False


def _passive_subject(verb: Token) -> Token | None:
    return next((c for c in verb.children if c.dep_ == "nsubjpass"), None)


def _possible_change(verb: Token) -> bool:
    """`monetary policy might be eased`, `the quota should be raised`: what may or should be
    done to a thing, by no one named, is a forecast or an opinion, not an act."""
    if not any(c.dep_ == "aux" and c.lower_ in MODALS for c in verb.children):
        return False
    subject = _passive_subject(verb)
    if subject is None or any(c.dep_ == "agent" for c in verb.children):
        return False
    return not is_party(subject)


def _needed(verb: Token) -> bool:
    """`will need investment to support its plan`, `they have to accept`: an infinitive
    hung on a verb of need says what is wanted, not what was done."""
    return (verb.dep_ in ("xcomp", "advcl") and verb.head.lower_ in NEEDING
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children))


# Words that open a question about what to do (`how to curb`, `whether to impose`).
QUESTIONS = frozenset("how whether".split())


def _in_question(verb: Token) -> bool:
    """`discussed how to curb investment`, `will decide whether to impose sanctions`: an
    infinitive asked about is a choice still open, not an act (the verb asking may be one)."""
    return (any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
            and any(c.dep_ in ("advmod", "mark") and c.lower_ in QUESTIONS and c.i < verb.i
                    for c in verb.children))


def acted_by_party(t: Trigger) -> bool:
    """Whether an event verb is done by a party, as far as the sentence tells: false where
    its doer is a thing (for the verbs of `GIVING`), where it only may or should happen to
    a thing, or where it is only needed or asked about."""
    verb = t.token
    if verb != t.anchor or verb.pos_ not in ("VERB", "AUX"):
        return True  # event nouns have their own tests of who did them
    if _possible_change(verb) or _needed(verb) or _in_question(verb):
        return False
    if verb.lower_ not in GIVING:
        return True
    doer, named = _doer(verb)
    return not named or doer is None or is_party(doer)
