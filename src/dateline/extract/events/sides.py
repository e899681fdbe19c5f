"""Which party of a clause did the event and which had it done to them.

The actor is the subject of the event word (of a passive one, its `by` agent), or the
possessor or agent of an event noun (`Israel's attack`, `an attack by rebels`); the recipient
is its object, else the first prepositional object that names a party (`talks with X`,
`sanctions on X`), else the subject of a clause it governs (`demanded that X ...`). Weapons
and events are means, not actors (`a bomb killed ...`); relative pronouns stand for their
noun.
"""

from __future__ import annotations

from spacy.tokens import Token

from dateline.extract.events.coding import (
    MESSAGES,
    STATE_PREPS,
    VICTIM_PREPS,
    Trigger,
    is_nominal,
    noun_key,
)
from dateline.extract.events.parties import (
    CONTENT,
    NOUNISH,
    RECIPIENT_PREPS,
    TIME_ENTS,
    Resolver,
    counted,
    is_pronoun,
    modifier_parties,
    parties,
)
from dateline.extract.events.words import Code, nouns, sectors, weapons
from dateline.model import Party


def _subject(tok: Token) -> tuple[Token | None, bool]:
    """The subject of a verb, climbing out of complements and `and`-joined verbs; and whether
    the verb is passive (its subject is then the recipient)."""
    cur = tok
    for _ in range(6):
        subjects = [c for c in cur.children if c.dep_ in ("nsubj", "csubj", "nsubjpass")]
        # `... learned that X and Y have been killed`: the parser may give the verb the
        # `that` as a second subject; the noun is the subject
        nouns_first = sorted(subjects, key=lambda c: c.lower_ == "that")
        for c in nouns_first[:1]:
            return c, c.dep_ == "nsubjpass"
        if cur.dep_ in ("xcomp", "conj", "advcl", "acomp", "pcomp", "prep", "pobj") \
                and cur.head != cur:
            cur = cur.head
        elif cur.dep_ == "acl" and cur.head.lower_ in MESSAGES:
            cur = cur.head.head  # `issued a declaration demanding ...`: the issuer demands
        elif cur.dep_ in ("acl", "relcl") and cur.head.pos_ in NOUNISH:
            return cur.head, cur.dep_ == "acl" and cur.tag_ == "VBN"
        else:
            break
    return None, False


def _agent(tok: Token) -> Token | None:
    """The `by` phrase of a passive verb, or of a passive verb joined to it (`were killed
    ..., shot by armed men`)."""
    for verb in [tok, *[c for c in tok.children if c.dep_ in ("conj", "advcl") and c.tag_ == "VBN"]]:
        for c in verb.children:
            if c.dep_ == "agent":
                return next((o for o in c.children if o.dep_ == "pobj"), None)
    return None


# Verbs whose subject, with no object, is what the event happened to (`a plane blew up`,
# `the building burned`): the thing, not the one who did it.
ERGATIVE = frozenset("explode explodes exploded exploding blow blows blew blown burn burns "
                     "burned burnt burning collapse collapsed crash crashed sink sank".split())


# Particles of moving away or back (`pulled out of`, `moved away from`, `turned back from`).
DIRECTIONAL = frozenset("out away back off".split())


def _candidates(t: Trigger) -> list[Token]:
    """Phrases that may name the recipient, nearest first: the objects of the event word
    (and of a verb it governs: `threatened to ban X`), the objects of prepositions that bring
    one (`talks with X`, `offered to hand over to X`, `a truce with X`), then the subject of
    a clause it governs (`demanded that X cancel ...`)."""
    heads = [t.token] if t.token == t.anchor else [t.token, t.anchor]
    heads += [c for h in list(heads) for c in h.children if c.dep_ == "xcomp"]
    # the event word's own object is part of it (`opened fire`, `lodged a protest`)
    own = set(t.words.lower().split()[1:])
    all_objs = [c for h in heads for c in h.children if c.dep_ in ("dobj", "dative")
                and c.pos_ in NOUNISH and c != t.token]
    # `kidnapped up to 16 advisers`: the parser takes the count's `up to` for a particle and
    # a preposition, so the object hangs on them
    all_objs += [o for h in heads for c in h.children if c.dep_ == "prt"
                 for p in c.children if p.dep_ == "prep" for o in p.children
                 if o.dep_ == "pobj" and any(n.dep_ == "nummod" for n in o.children)]
    # `providing photographs and other intelligence to Macedonia`: a `to` phrase may hang on
    # the last of several joined objects
    all_objs += [j for c in all_objs for j in c.conjuncts if j.pos_ in NOUNISH]
    objs = [c for c in all_objs if c.lower_ not in own]
    # what a count is of (`part of an aid program for Bosnia`) and the event word's own
    # object (`lodged a protest with Albania`) bring their prepositions too
    holders = [*all_objs, *[counted(c) for c in all_objs if counted(c) != c]]
    out: list[Token] = []
    # `pulled its troops out of Lebanon`: the parser hangs the `of` on the particle
    parts = [c for h in heads for c in h.children
             if c.dep_ in ("prt", "prep") and c.lower_ in DIRECTIONAL]
    for h in [*heads, *parts, *holders]:
        # On an object, `by` names whose it is (`an admission by Moscow`); on the verb it is
        # the agent, taken as the actor.
        preps = RECIPIENT_PREPS | {"by"} if h in holders else RECIPIENT_PREPS
        for c in h.children:
            # `providing intelligence to Macedonia`: the parser may call the `to` a dative
            if (c.dep_ == "prep" or c.dep_ == "dative" and c.pos_ == "ADP") and c.lower_ in preps:
                out += [o for o in c.children if o.dep_ == "pobj" and o.ent_type_ not in TIME_ENTS]
    clauses = [c for h in heads for c in h.children if c.dep_ in ("ccomp", "acl")]
    subjects = [s for c in clauses for s in c.children if s.dep_ in ("nsubj", "nsubjpass")]
    # last, the event word's own object where it names someone (`expelled two Russian
    # diplomats`: the act is done to them, and to their country)
    owned = [c for c in all_objs if c.lower_ in own]
    return [*objs, *out, *subjects, *owned]


def harmed_each(code: Code) -> bool:
    """Violence done to several (`killed X and Y`, `kidnapped X and Y`) harmed each one
    named: one event each, where `homes and buildings` given aid are one recipient."""
    return code.type == "ASSAULT" or code.mode == "abduct"


def _known(p: Party) -> bool:
    return bool(p.country or p.entity or p.sector)


def recipients_of(t: Trigger, res: Resolver) -> list[Party]:
    """The first candidate phrase that names a party (a country, an entity or a sector),
    else the event word's plain object, else none: `granted asylum to Rwandan rebels` is
    done to the rebels, not to the asylum."""
    raw = [_antecedent(c) for c in _candidates(t)]
    for c in raw:
        if c is not None and c.dep_ in ("dobj", "pobj") and _is_act(c):
            # `condemned the NATO air strikes`, `criticised Zimbabwe's land seizures`,
            # `rejected the Egyptian proposal`: an act done to an act is done to its doer
            doers = [p for p in _doers(c, res) if _known(p)]
            if doers:
                return doers
            break
    cands = [c for c in raw if c is not None and _can_receive(c)]
    if _moves(t):
        # `withdrew its troops from X`, `sent troops to X`: the object is what the actor moves
        # (its own), the party it is moved from or to is whom the act concerns
        cands = [c for c in cands if not _moved(c)]
    for c in cands:
        named = parties(c, res)
        found = [p for p in named if _known(p)]
        if found:
            return named if harmed_each(t.code) else found
    own = (t.token, t.anchor)
    words = set(t.words.lower().split()[1:])
    plain = [c for c in cands if (c.dep_ in ("dobj", "dative") and c.head in own
                                  or c.dep_ == "pobj" and c.head.head == t.token)
             and c.lower_ not in words]
    return parties(plain[0], res) if plain else []


# Verbs of moving people or forces somewhere: their object is what is moved (`withdrew its
# troops from X`, `sent peacekeepers to X`); one evacuates others as well as one's own.
MOVING = frozenset("withdraw withdraws withdrew withdrawn withdrawing pull pulls pulled pulling "
                   "send sends sent sending deploy deploys deployed deploying dispatch "
                   "dispatches dispatched dispatching recall recalls recalled recalling move "
                   "moves moved moving".split())


def _moves(t: Trigger) -> bool:
    return t.token.lower_ in MOVING or t.anchor.lower_ in MOVING


def _moved(c: Token) -> bool:
    """What a moving verb moves: its object, the objects joined to it, and what a count of
    them is of (`thousands of troops`)."""
    while c.dep_ == "conj":
        c = c.head
    if c.dep_ == "pobj" and c.head.lower_ == "of" and c.head.head.dep_ == "dobj":
        return True
    return c.dep_ == "dobj"


def _is_act(tok: Token) -> bool:
    """An event noun (`the attack`, `the occupation`), not a party or what a party says."""
    return noun_key(tok, nouns()) is not None and tok.lower_ not in CONTENT and not _weapon(tok)


def _doers(act: Token, res: Resolver) -> list[Party]:
    """Who did an act named by a noun: its possessor (`Zimbabwe's seizures`), its `by`
    phrase (`the shelling by Serb forces`), else a modifier naming a country or a body
    (`the Turkish occupation`, `NATO air strikes`)."""
    for c in act.children:
        if c.dep_ == "poss" and not is_pronoun(c):
            return parties(c, res)
        if c.dep_ == "prep" and c.lower_ == "by":
            obj = next((o for o in c.children if o.dep_ == "pobj"), None)
            if obj is not None and not is_pronoun(obj):
                return parties(obj, res)
    return modifier_parties(act, res)


def _noun_actor(t: Trigger) -> Token | None:
    for c in t.token.children:
        if c.dep_ == "poss" and not is_pronoun(c):
            return c
        if c.dep_ == "prep" and c.lower_ == "by":
            return next((o for o in c.children if o.dep_ == "pobj"), None)
    return None


def sides(t: Trigger, res: Resolver) -> tuple[list[Party], list[Party]]:
    """Actors and recipients of an event; each side may be empty."""
    actor_tok: Token | None = None
    recip_tok: Token | None = None
    if is_nominal(t):
        return _nominal_sides(t, res)
    if t.token != t.anchor and _put_under(t):
        # `X came under attack`, `X was put under investigation by Y`: X had it done to it
        actors = []
        recip_tok, _ = _subject(t.anchor)
        actor_tok = _agent(t.anchor) or _source_of(t)
    elif t.token != t.anchor:  # an event noun carried by a verb
        actor_tok = _noun_actor(t) or _held_responsible(t)
        if actor_tok is None and (t.token.dep_ in ("dobj", "attr", "nsubjpass")
                                  or t.token.dep_ == "pobj"):
            actor_tok, _ = _subject(t.anchor)
        if actor_tok is None:
            actors = modifier_parties(t.token, res) or _between(t.token, res)
            if actors and not modifier_parties(t.token, res):
                # `talks between Sudan and the rebels resumed`: the parties between whom it
                # happens are its sides, each to the other
                return actors, []
        else:
            actors = []
    else:
        actors = []
        subj, passive = _subject(t.token)
        agent = _agent(t.token)
        if (t.token.lower_ in ERGATIVE and subj is not None and not _weapon(subj)
                and not any(c.dep_ == "dobj" for c in t.token.children)):
            passive = True
        if passive and subj is not None and subj.lower_ in t.words.lower().split()[1:]:
            # `relations between X and Y were restored`: the subject is part of the event
            # words; the parties between whom it was done are its sides
            between = _between(subj, res)
            if between and agent is None:
                return between, []
            actor_tok = agent
        elif passive:
            recip_tok, actor_tok = subj, agent
        else:
            # a `by` agent is the doer even where the parser found no subject (`X, Y and Z
            # were murdered today by men in uniform` read with the subject elsewhere)
            actor_tok = subj if subj is not None else agent
    actor_tok, recip_tok = _antecedent(actor_tok), _antecedent(recip_tok)
    if (actor_tok is not None and not is_pronoun(actor_tok) and not _means(actor_tok)
            and actor_tok.lower_ not in NOT_RECIPIENTS and _can_act(actor_tok)):
        actors = parties(actor_tok, res)
    if recip_tok is not None and _can_receive(recip_tok):
        return actors, _inside(recip_tok, res)
    recipients = recipients_of(t, res)
    if t.code.type == "PROTEST" and not any(_known(p) for p in recipients):
        recipients = _addressed(t, res) or recipients
    if not any(_known(p) for p in recipients):
        recipients = _purpose_object(t, res) or recipients
    if t.code.type == "THREATEN" and not any(_known(p) for p in recipients):
        recipients = _conditioned(t, res) or recipients
    return actors, recipients


# Words that make a threat's condition (`will stop the talks if X goes ahead`, `unless X
# withdraws`).
IF_WORDS = frozenset({"if", "unless"})


def _conditioned(t: Trigger, res: Resolver) -> list[Party]:
    """A threat is made to whoever its condition is about: `threatened to stop the talks if
    the United States goes ahead`, `will strike unless Iraq complies`; the one whose act
    would bring it about is the one it is meant to move."""
    heads = [t.token, t.anchor]
    heads += [c for h in list(heads) for c in h.children if c.dep_ in ("xcomp", "ccomp")]
    for h in dict.fromkeys(heads):
        for c in h.children:
            if c.dep_ != "advcl" or not any(m.dep_ == "mark" and m.lower_ in IF_WORDS
                                            for m in c.children):
                continue
            subj = next((s for s in c.children if s.dep_ in ("nsubj", "nsubjpass")), None)
            if subj is not None and _can_receive(subj):
                found = [p for p in parties(subj, res) if _known(p)]
                if found:
                    return found
    return []


def _between(noun: Token, res: Resolver) -> list[Party]:
    """The parties of an event noun's `between` phrase (`talks between X and Y`)."""
    for c in noun.children:
        if c.dep_ == "prep" and c.lower_ == "between":
            obj = next((o for o in c.children if o.dep_ == "pobj"), None)
            if obj is not None:
                return [p for p in parties(obj, res) if _known(p)]
    return []


def _purpose_object(t: Trigger, res: Resolver) -> list[Party]:
    """`opened fire to disperse demonstrators`, `used tear gas to break up the rally`: an act
    that names no one it was done to was done to the object of what it was done for."""
    for c in t.anchor.children:
        if c.dep_ == "advcl" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children):
            for o in c.children:
                if o.dep_ == "dobj" and _can_receive(o):
                    found = [p for p in parties(o, res) if _known(p)]
                    if found:
                        return found
    return []


# Words that give a protest its aim (`to demand reforms by the government`, `calling for
# independence from Iraq`, `in protest of the government's refusal`).
AIMS = frozenset("demand demanding demanded call calling press pressing urge urging protest "
                 "against".split())


def _addressed(t: Trigger, res: Resolver) -> list[Party]:
    """A protest is aimed at whoever its demand is made of: the first party named in the
    clause or phrase that says what the protesters want (a street blocked or a jail rioted
    in is where, not whom)."""
    for h in dict.fromkeys([t.token, t.anchor]):
        for c in h.children:
            if c.dep_ not in ("advcl", "xcomp", "prep", "acl") or not any(
                    w.lower_ in AIMS for w in c.subtree):
                continue
            for tok in c.subtree:
                if tok.pos_ not in NOUNISH or tok.dep_ in ("compound", "amod"):
                    continue
                # a party itself (`the government`, `President X`, `Iraq`), not what it is
                # asked for (`the resignation of ...`)
                found = [p for p in parties(tok, res) if p.sector or p.entity]
                if found:
                    return found
    return []


# Verbs whose subject had the event noun they carry done to it (`the plant has received
# threats`, `the town suffered heavy shelling`, `Iran faces new sanctions`).
UNDERGO = frozenset("receive receives received receiving suffer suffers suffered suffering "
                    "face faces faced facing sustain sustains sustained endure endured "
                    "undergo underwent".split())


def _source_of(t: Trigger) -> Token | None:
    """`came under fire from rebels`, `suffered attacks from militias`: what a party
    undergoes comes `from` the one who does it."""
    for word in (t.token, t.anchor):
        for c in word.children:
            if c.dep_ == "prep" and c.lower_ == "from":
                return next((o for o in c.children if o.dep_ == "pobj"), None)
    return None


def _put_under(t: Trigger) -> bool:
    return (t.token.dep_ == "pobj" and t.token.head.lower_ in STATE_PREPS) or (
        t.token.dep_ == "dobj" and t.anchor.lower_ in UNDERGO)


def _inside(tok: Token, res: Resolver) -> list[Party]:
    """The parties a phrase names, else those of its `for`/`of` phrase (`a camp for Congolese
    refugees` was attacked: the refugees were)."""
    found = parties(tok, res)
    if any(_known(p) for p in found):
        return found
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ in ("for", "of"):
            for obj in c.children:
                inner = [p for p in parties(obj, res) if _known(p)] if obj.dep_ == "pobj" else []
                if inner:
                    return inner
    return found


# Nouns that fill an object's slot without being anyone: damage, counts, ordinals, `no one`.
NOT_RECIPIENTS = frozenset("damage losses loss casualties one none nobody anyone everyone "
                           "someone place part way time times order responsibility crime crimes action actions "
                           "incident incidents operation operations".split())


# Nouns in a subject's slot that are not anyone: what tells of an act (`the report said`,
# `the decision killed ...` as a parser reads a long sentence), evidence, and the blast itself
# (`the shock wave shattered windows`).
NOT_ACTORS = frozenset("report reports decision decisions evidence wave waves".split())


def _can_act(tok: Token) -> bool:
    """Whether a subject can be the one who did an act: not a time (`last night killed`),
    nor a report or a decision."""
    return tok.ent_type_ not in TIME_ENTS and tok.lower_ not in NOT_ACTORS


def _can_receive(tok: Token) -> bool:
    """Whether a phrase can be the one an event is done to: not a pronoun, a bare number, a
    weapon or another event (`destroyed the bomb`'s bomb is the means; `caused serious
    damage` names no one)."""
    if is_pronoun(tok) or tok.lower_ in NOT_RECIPIENTS or tok.ent_type_ in TIME_ENTS:
        return False
    if tok.pos_ == "NUM" and counted(tok) == tok:
        return False
    if noun_key(tok, nouns()) is not None and tok.lower_ not in CONTENT:
        return False  # `condemned the attack`: an event is not who it was done to
    return not _weapon(tok)


def _antecedent(tok: Token | None) -> Token | None:
    """`the peasant who was killed`: a relative pronoun stands for the noun its clause
    modifies."""
    if tok is not None and tok.tag_ in ("WP", "WDT") and tok.head.dep_ == "relcl":
        return tok.head.head
    return tok


def _weapon(tok: Token) -> bool:
    # Helicopters, tanks and warships are weapons that stand for the forces using them
    # (`Israeli helicopters shelled ...`): those are parties (their sector is MIL).
    return noun_key(tok, weapons()) is not None and noun_key(tok, sectors()) is None


def _means(tok: Token) -> bool:
    """Whether a subject is the means, not the actor (`a bomb killed two people`, `gunfire
    wounded a girl`, `the explosion destroyed ...`): weapons and events do not act."""
    return _weapon(tok) or noun_key(tok, nouns()) is not None


def _nominal_sides(t: Trigger, res: Resolver) -> tuple[list[Party], list[Party]]:
    """`the murder of X by Y`, `Y's attack on X`, `the killing of X, carried out by Y`: the
    noun phrase holds both sides; the sentence's subject did something else (`the court
    ordered an inquiry into the murder of X`)."""
    actor_tok = _noun_actor(t) or _held_responsible(t)
    if actor_tok is None:
        # the passive verb that describes the act says by whom (`carried out by uniformed men`)
        actor_tok = next((_agent(c) for c in t.token.children if c.dep_ == "acl"), None)
    actor_tok = _antecedent(actor_tok)
    actors = (parties(actor_tok, res) if actor_tok is not None and not is_pronoun(actor_tok)
              and not _means(actor_tok) else modifier_parties(t.token, res))
    for c in t.token.children:
        if c.dep_ == "prep" and c.lower_ in VICTIM_PREPS:
            for o in c.children:
                if o.dep_ == "pobj" and _can_receive(o):
                    return actors, _inside(o, res)
    return actors, []


# Verbs that lay an act at someone's door, with the act after `for`, `of` or `with` (`blamed X
# for the attack`, `accused X of the murder`, `charged X with the killings`).
BLAMING = frozenset("blame blames blamed blaming accuse accuses accused accusing charge charges "
                    "charged charging hold holds held holding".split())
BLAME_PREPS = frozenset("for of with".split())


def _held_responsible(t: Trigger) -> Token | None:
    """`held X responsible for the attack`, `blamed X for the murder of Y`, `accused X of the
    killing`: the one blamed is the one said to have done it, not the one who says so."""
    prep = t.token.head
    if t.token.dep_ != "pobj" or prep.lower_ not in BLAME_PREPS:
        return None
    verb = prep.head
    if verb.lower_ == "responsible" and verb.dep_ == "amod":
        return verb.head  # `holds [X responsible] for`, as the parser may read it
    if verb.lower_ == "responsible" and verb.dep_ in ("oprd", "ccomp", "xcomp", "acomp"):
        # `holds X responsible`: the parser may make X the subject of `responsible`
        own = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if own is not None:
            return own if not is_pronoun(own) else None
        verb = verb.head  # `hold X responsible for`: the object of `hold`; `X is responsible`
        if verb.lower_ not in BLAMING:
            subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
            return subj if subj is not None and not is_pronoun(subj) else None
    if verb.lower_ not in BLAMING:
        return None
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    return obj if obj is not None and not is_pronoun(obj) else None
