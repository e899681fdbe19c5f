"""Which words of a sentence are events, of what PLOVER type, and how sure the text is.

An event word is a verb of `events_verbs` (with the particle, preposition or object it
needs: `call for`, `open fire`) or a noun of `events_nouns` that a verb of its own carries
(`held talks`, `staged a protest`, `a bomb exploded`). A sentence reports one event per
clause: an event word inside the clause of another (`threatened to ban`, `agreed to
cooperate`, `staged protests to demand ...`, `accused X of violating ...`) is part of the
outer event, not one of its own, while verbs joined by `and` are events each.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache

from spacy.attrs import POS
from spacy.tokens import Span, Token

from dateline import lexicon
from dateline.extract.doctokens import tokens_where
from dateline.extract.events.words import Code, nouns, sectors, verbs, weapons
from dateline.extract.quotes.verbs import CUES

# Children whose word may complete a verb's entry: a particle, a preposition, an object.
COMPLETERS = ("prt", "prep", "dobj", "dative")
# Dependents that attach an event noun to the verb that carries it.
CARRIED = ("dobj", "nsubj", "nsubjpass", "attr", "appos")
# Saying that something did not happen is a claim that it did not: the reported event is
# kept, marked negated, rather than dropped or coded as a rejection.
DENIALS = frozenset("deny denies denied denying".split())
# Verbs of permission, which with a that-clause mean conceding a point in words.
GRANTS = frozenset("allow allows allowed allowing permit permits permitted".split())
HEDGES = frozenset("may might could reportedly allegedly possibly apparently probably "
                   "perhaps suspected likely".split())
FUTURE_AUX = frozenset("will shall 'll would wo".split())
# Verbs that put the event they govern ahead (`plans to attack`, `is about to restore`).
FUTURE_HEADS = frozenset(
    "plan plans planned planning intend intends intended intending prepare prepares prepared "
    "preparing aim aims aimed aiming expect expects expected hope hopes hoped hoping want "
    "wants wanted seek seeks sought seeking about going decide decides decided set willing "
    "ready poised".split()
)
# Intent is an act of its own in PLOVER: saying one will cooperate is to AGREE (`will provide
# aid`, `is willing to withdraw`), saying one will do harm is to THREATEN (`would boycott`).
# Words that make a promise conditional turn even a cooperative one into a threat.
COOPERATIVE = frozenset({"CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT"})
HARMFUL = frozenset({"SANCTION", "COERCE", "ASSAULT", "MOBILIZE", "PROTEST"})
# `unless` makes a promise a threat (`will withdraw unless ...`); `if` keeps it an offer
# (`would meet him if ...`).
CONDITIONS = frozenset({"unless"})
# What a party issues to act through it (`a declaration demanding ...`): its verbs are the
# issuer's acts.
MESSAGES = frozenset("declaration statement communique report letter message resolution "
                     "note appeal call".split())
# Modals that, in what a party says another must do, make the saying a demand.
OBLIGATION = frozenset("must should".split())
REQUEST = Code("REQUEST", None)
AGREE = Code("AGREE", None)
THREATEN = Code("THREATEN", None)
REJECT = Code("REJECT", None)
MOBILIZE = Code("MOBILIZE", None)
# Verbs of readying (`the army prepared to resume shelling`, `troops were ready to attack`).
PREPARING = frozenset("prepare prepares prepared preparing ready poised".split())
NEGATORS = frozenset("not n't never no".split())


@dataclass(slots=True)
class Trigger:
    """An event word of a sentence, what it means, and what the text says about it."""

    token: Token  # the event word's head token
    code: Code
    words: str  # the event word(s) as written: `opened fire`, `hunger strike`
    anchor: Token  # the verb whose clause holds the event (the word itself for a verb)
    flags: list[str] = field(default_factory=list)
    reporter: Token | None = None  # the speech verb that reports it, if any


# Words that measure what follows their `of` (`50 tons of supplies`, `thousands of troops`).
MEASURES = frozenset("tons tonnes thousands hundreds dozens scores millions batch shipment "
                     "shipments consignment cargo".split())


def _measured(tok: Token) -> Token | None:
    """`sent 50 tons of medical supplies`: the thing a measured object is of, which says
    what the act is (supplies sent are aid, troops sent a deployment)."""
    if tok.pos_ != "NUM" and tok.lower_ not in MEASURES:
        return None
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ == "of":
            return next((o for o in c.children if o.dep_ == "pobj"), None)
    return None


# The code of a verb entry that is no event (`meet target = NONE`): the word it governs
# gives the verb a sense that is no act between parties (a target met, results released).
NO_EVENT = "NONE"


def _not_an_act(verb: Token, obj: Token) -> bool:
    """Whether the verb with this object is listed as no event (`meet demand`)."""
    code = verbs().get((verb.lower_, obj.lower_))
    return code is not None and code.type == NO_EVENT


def _verb_code(tok: Token) -> tuple[Code, str] | None:
    table = verbs()
    form = tok.lower_
    for child in tok.children:
        # a passive verb's subject is its object (`relations were restored`, `the delegation
        # was received by ...`); a preposition before the verb heads a phrase of its own
        # (`In January the board gave ...` is no `give in`)
        if (child.dep_ in COMPLETERS and child.i > tok.i) or child.dep_ == "nsubjpass":
            code = table.get((form, child.lower_))
            if code is not None and code.type == NO_EVENT:
                return None
            if code is not None and child.dep_ == "prep" and any(
                    _not_an_act(tok, o) for o in child.children if o.dep_ == "pobj"):
                return None  # `called for redemption of its notes`: what is called for decides
            if code is not None:
                return code, f"{tok.text} {child.text}"
            inner = _measured(child) if child.dep_ == "dobj" else None
            code = table.get((form, inner.lower_)) if inner is not None else None
            if code is not None and inner is not None:
                return code, f"{tok.text} {inner.text}"
    code = table.get((form, ""))
    return (code, tok.text) if code is not None else None


def noun_key(tok: Token, table: dict) -> tuple[str, str] | None:  # type: ignore[type-arg]
    """The longest entry of `table` ending at noun `tok` with its compounds before it
    (`hunger strike`, `car bomb`); returns (key, words as written)."""
    mods = [c for c in tok.lefts if c.dep_ in ("compound", "amod") and c.i >= tok.i - 2]
    for k in range(len(mods), -1, -1):
        words = [*mods[len(mods) - k:], tok]
        key = " ".join(w.lower_ for w in words)
        if key in table:
            return key, tok.doc[words[0].i : tok.i + 1].text
    return None


def _noun_code(tok: Token) -> tuple[Code, str] | None:
    table = nouns()
    found = noun_key(tok, table)
    if found is None:
        return None
    code = table[found[0]]
    if code.mode == "strike" and _armed_strike(tok):
        code = ATTACK
    if code.type == "MOBILIZE" and _held_with(tok):
        code = JOINT  # `exercises with the Japanese navy`: forces trained together
    return code, found[1]


JOINT = Code("COOPERATE", None)


def _held_with(tok: Token) -> bool:
    """Whether a show of force is held with another party (`joint exercises`, `drills with
    X`, by parties named together): PLOVER codes one side's exercises as MOBILIZE and joint
    ones as military cooperation."""
    if any(c.lower_ == "joint" for c in tok.lefts):
        return True
    if any(c.dep_ == "prep" and c.lower_ == "with" for w in (tok, tok.head) for c in w.children):
        return True
    verb = tok
    while verb.pos_ not in ("VERB", "AUX") and verb.head != verb:
        verb = verb.head
    # `French and Egyptian warships launched war games`: several parties hold them together
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    return subj is not None and (bool(subj.conjuncts) or any(
        m.dep_ == "amod" and m.conjuncts for m in subj.children))


ATTACK = Code("ASSAULT", None)
# Verbs that carry out a military operation (`carried out strikes`, `conducted strikes`):
# workers stage, call or go on strikes, they do not conduct them.
OPERATING = frozenset("carry carries carried carrying conduct conducts conducted "
                      "conducting".split())


def _armed_strike(tok: Token) -> bool:
    """A `strike` is a blow struck at a target (`strikes on rebel positions`) or an
    operation carried out, rather than a stoppage of work: a labour strike is against an
    employer or a policy, never `on` a place or a party."""
    if tok.head.lower_ in OPERATING and tok.dep_ == "dobj":
        return True
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ == "on":
            obj = next((o for o in c.children if o.dep_ == "pobj"), None)
            if obj is not None and obj.ent_type_ not in ("DATE", "TIME"):
                return True
    return False


# Verbs that say an event noun, their subject, took place (`protests broke out`, `fighting
# continued`); an event noun as the subject of another verb (`an investigation determined`,
# `the embargo would not work`) talks about the event rather than reporting one.
OCCUR = frozenset(
    "occur occurs occurred happen happens happened erupt erupts erupted break breaks broke "
    "begin begins began begun start starts started continue continues continued resume "
    "resumes resumed take takes took taken spread spreads intensify intensified rage rages "
    "raged hit hits rock rocks rocked shake shook go goes went held".split()
) | frozenset(
    # what an event left or took (`the blast left ten dead`, `the attack claimed 20 lives`)
    "leave leaves left claim claims claimed".split()
)


# Nouns that count or string events together (`a series of attacks`, `days of war games`):
# the verb that carries them carries the events.
SERIES = frozenset("series wave waves spate string round rounds day days week weeks campaign "
                   "number".split())
# Words that lay an event at someone's door (`X claimed responsibility for the bombing`,
# `X was behind the attack`, `X is responsible for the murder`).
BLAME = frozenset("responsibility responsible behind".split())


def _carrier(tok: Token) -> Token | None:
    """The verb that carries an event noun (`held` for `held talks`, `broke out` for
    `protests broke out`, `claimed` for `claimed responsibility for the attack`, `put` for
    `put under investigation`, `return` for `return to Geneva for talks`); a noun elsewhere
    (`in talks`, `the attack's victims`) is not an event here."""
    if tok.dep_ == "pobj" and tok.head.dep_ == "prep":
        owner = tok.head.head
        if owner.lower_ in BLAME:
            return owner.head if owner.pos_ in ("NOUN", "ADJ") else owner
        if owner.lower_ in SERIES and owner.pos_ == "NOUN":
            tok = owner
        elif owner.pos_ == "VERB" and _state_or_purpose(tok):
            return owner
    head = tok.head
    if head == tok or head.pos_ not in ("VERB", "AUX") or tok.dep_ not in CARRIED:
        return None
    if tok.dep_ == "nsubj" and head.lower_ not in OCCUR:
        return None
    return head


# `came under attack`, `was put under investigation`, `placed under arrest`: a party put in
# the state an event noun names has had that event done to it.
STATE_PREPS = frozenset({"under"})
# Nouns that are an attack only as a state one is put in (`came under fire`): elsewhere a
# fire is most often an accident (`a fire broke out`, `caught fire`).
STATE_ONLY = frozenset({"fire"})
# `returned to Geneva for talks`, `flew to Cairo for a summit`, `arrived on a visit`: travel
# for a meeting is how news reports the meeting.
PURPOSE_PREPS = frozenset({"for", "on"})


def _state_or_purpose(tok: Token) -> bool:
    prep = tok.head.lower_
    if prep in STATE_PREPS:
        return True
    found = _noun_code(tok) if prep in PURPOSE_PREPS else None
    # `put the army on high alert`: forces placed on a footing are mobilised
    # `put the army on high alert`: forces placed on a footing are mobilised; workers who
    # `went on strike` or prisoners `on hunger strike` are protesting
    return found is not None and (found[0].type == "CONSULT" or (
        prep == "on" and found[0].type in ("MOBILIZE", "PROTEST")))


# Nouns that frame an act named by the noun before them (`a mediation effort`, `a rescue
# mission`, `a bombing campaign`): the act is the event, the frame says it was undertaken.
FRAMES = frozenset("effort efforts mission missions bid bids drive operation operations "
                   "campaign campaigns initiative".split())


def _demand(tok: Token) -> Trigger | None:
    """`X said (that) Y must do Z`: a speech verb reporting an obligation is a demand of X
    on Y, whatever Z is (the clause's own event words are part of the demand)."""
    for c in tok.children:
        if c.dep_ == "ccomp" and any(a.dep_ == "aux" and a.lower_ in OBLIGATION
                                     for a in c.children) and not _by_amount(c):
            # `prices should rise 10 pct`, `capacity should be cut 500,000 barrels`: a change
            # of a quantity after `should` is a forecast or an opinion, not a demand
            if any(s.dep_ in ("nsubj", "nsubjpass") for s in c.children):
                return Trigger(tok, REQUEST, f"{tok.text} ... must", tok)
    return None


def _candidate(tok: Token) -> Trigger | None:
    if tok.lower_ in CUES and tok.pos_ in ("VERB", "AUX"):
        found_demand = _demand(tok)
        if found_demand is not None:
            return found_demand
    if tok.pos_ == "VERB":
        infinitive_relative = tok.dep_ == "relcl" and any(
            c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)  # `a place to visit`
        if ((tok.dep_ == "acl" or infinitive_relative)
                and not any(c.dep_ == "agent" for c in tok.children)
                and tok.head.lower_ not in MESSAGES):
            # `a place to visit`, `West Africans ordered out of Nigeria`: a verb that
            # describes a noun is not an act reported here, unless it says by whom.
            return None
        if tok.dep_ == "amod":
            # `shared goals`, `a government-backed plan`: a participle before its noun is a
            # property of the thing (news writes the act, when it reports one, as a clause)
            return None
        found = _verb_code(tok)
        if found is not None and (_by_nature(tok) or _conditional(tok)):
            return None
        if found is not None and tok.lower_ in STRIKING and found[0].type == "ASSAULT" \
                and not _armed_doer(tok):
            return None  # `the bus struck a tree`, `the idea struck him`
        if found is not None and tok.lower_ in GRANTS and _finite_clause(tok):
            return None  # `X allowed that Y is ...` admits a point: speech, not a permission
        if found is not None and found[0].type == "REJECT" and _withholding(tok):
            return None  # `a spokesman who declined to be named`: a source's reserve
        if found is not None and _moved(tok, found[0]):
            return None  # `shares declined 12 cents`, `profits will decline`: a quantity
        if found is not None and not (tok.lower_ in DENIALS and _has_clause(tok)):
            return Trigger(tok, found[0], found[1], tok)
        return None
    if tok.pos_ == "NOUN":
        if tok.lower_ in STATE_ONLY and not (tok.dep_ == "pobj" and tok.head.lower_ in STATE_PREPS):
            return None
        framed = tok.dep_ == "compound" and tok.head.lower_ in FRAMES
        carrier = _carrier(tok.head if framed else tok)
        if carrier is not None and _not_an_act(carrier, tok):
            return None  # `unable to meet the demand for repayment`: the noun is no act here
        found = _noun_code(tok) if carrier is not None else None
        if found is not None and carrier is not None and _verb_code(carrier) is None:
            # a framed act stands where its frame does: `launched a mediation effort
            # between X and Y` has the frame's subject and prepositions
            return Trigger(tok.head if framed else tok, found[0], found[1], carrier)
        return _harm_named(tok)
    return None


# Natural forces: what they do is no one's act (`floods killed 20 people`, `an earthquake
# destroyed homes`); the PLOVER manual leaves natural disasters out of its entity-centred
# coding.
HAZARDS = frozenset("earthquake earthquakes quake quakes flood floods flooding storm storms "
                    "hurricane typhoon cyclone tornado tsunami landslide landslides mudslide "
                    "mudslides avalanche drought lightning wildfire wildfires epidemic outbreak "
                    "disease virus heatwave eruption".split())
IF_MARKS = frozenset({"if", "unless"})


STRIKING = frozenset("strike strikes striking struck".split())


def _armed_doer(verb: Token) -> bool:
    """Whether armed forces or a weapon did it (`warplanes struck`, `troops struck`,
    `a missile struck`, `struck by a rocket`)."""
    doers = [c for c in verb.children if c.dep_ == "nsubj"]
    doers += [o for c in verb.children if c.dep_ == "agent" for o in c.children]
    for d in doers:
        if noun_key(d, weapons()) is not None:
            return True
        sector = noun_key(d, sectors())
        if sector is not None and sectors()[sector[0]] in ("MIL", "REB", "COP"):
            return True
    return False


def _by_nature(verb: Token) -> bool:
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return subj is not None and subj.lower_ in HAZARDS


def _conditional(verb: Token) -> bool:
    """`... would retaliate if India attacked`: the act of a condition has not happened
    (PLOVER's `hypothetical`); the conditional act is what is coded, as a threat or offer."""
    return verb.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in IF_MARKS
                                        for c in verb.children)


# Acts of violence that a noun reports as done, whatever the sentence says of them.
HARMS = frozenset({"ASSAULT", "COERCE"})
# Prepositions that name whom a harm was done to (`the murder of X`, `an attack on X`).
VICTIM_PREPS = frozenset("of against on".split())


def _harm_named(tok: Token) -> Trigger | None:
    """`condemned the murder of X`, `after the kidnapping of X`, `the attack against X`: a
    noun of violence with the one it was done to reports that it happened, wherever the
    sentence puts it (news names an earlier killing by its victim); the noun is its own
    anchor, so its sides come from the noun phrase (see `is_nominal`)."""
    found = _noun_code(tok)
    if found is None or found[0].type not in HARMS:
        return None
    if not any(c.dep_ == "prep" and c.lower_ in VICTIM_PREPS and
               any(o.dep_ == "pobj" for o in c.children) for c in tok.children):
        return None
    return Trigger(tok, found[0], found[1], tok)


def is_nominal(t: Trigger) -> bool:
    """An event noun standing alone (`the murder of X`), not carried by a verb."""
    return t.token == t.anchor and t.token.pos_ == "NOUN"
# What sources decline to do in news's formulas of reserve (`declined to comment`, `refused
# to be named`, `a bank he declined to identify`, `declined to disclose the price`): the
# reporter's access, not an act between parties.
RESERVE = frozenset("comment comments elaborate named identified identify name disclose "
                    "specify".split())


def _withholding(tok: Token) -> bool:
    # `declined to comment` and the wire's shorter `declined comment`
    return any(c.dep_ in ("xcomp", "dobj") and c.lower_ in RESERVE for c in tok.children)


# Entity types of an amount: a verb measured by one tells how far a quantity moved.
AMOUNTS = frozenset({"MONEY", "PERCENT", "QUANTITY", "CARDINAL"})
# Verbs of refusing, yielding or pulling back that economic news uses for prices and figures
# moving (`declined 5p`, `eased to 1.85 marks`, `retreated 2 pct`); acts of harm or aid with
# an amount (`sent 500 troops`, `gave 5 mln dlrs`) stay acts.
MOVING = frozenset({"REJECT", "CONCEDE", "RETREAT", "PROTEST"})
# `decline` refuses something only when it has what is refused, an object or an infinitive
# (`declined the offer`, `declined to attend`); alone it is a fall (`profits will decline`).
FALLS = frozenset("decline declines declined declining".split())


# Words of a share or a price change, beside the currency words of wire copy (`units`).
PERCENTS = frozenset("pct percent pc point points".split())


@cache
def _units() -> frozenset[str]:
    return PERCENTS | {k.split()[-1].lower() for k in lexicon.mapping("units")}


def _amount(tok: Token) -> bool:
    # the word is the amount (`12 cents`, `2 pct`, `to 1.85`), not a counted party or thing
    # (`released two hostages`, `withdrew 500 troops`)
    return tok.like_num or tok.ent_type_ in AMOUNTS or (
        tok.lower_ in _units() and any(c.like_num for c in tok.children))


def _by_amount(tok: Token) -> bool:
    """Whether a verb is measured by an amount (`declined 12 cents`, `eased to 1.85`)."""
    for c in tok.children:
        if c.dep_ in ("dobj", "npadvmod") and _amount(c):
            return True
        if c.dep_ == "prep" and c.lower_ in ("to", "by", "from") and any(
                o.dep_ == "pobj" and _amount(o) for o in c.children):
            return True
    return False


def _moved(tok: Token, code: Code) -> bool:
    """Whether the verb tells a quantity's movement rather than an act: measured by an
    amount (`declined 12 cents`, `eased to 1.85`, `retreated by 2 pct`), or `decline` with
    nothing declined."""
    if code.type not in MOVING:
        return False
    if _by_amount(tok):
        return True
    return tok.lower_ in FALLS and not any(
        c.dep_ in ("dobj", "xcomp", "ccomp", "nsubjpass") for c in tok.children)


def _has_clause(tok: Token) -> bool:
    return any(c.dep_ == "ccomp" for c in tok.children)


def _finite_clause(tok: Token) -> bool:
    """A that-clause with a tensed verb (`allowed that Mordor is ...`), not an infinitive
    the parser may hang the same way (`allowed refugees to return`)."""
    return any(c.dep_ == "ccomp" and not any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
               for c in tok.children)


def _inside_other(t: Trigger, taken: set[int]) -> bool:
    """Whether the event word sits in the clause of another event word. Verbs joined by
    `and` share the place of the first one: both stand where it stands (`kidnapped ... and
    exploded`), and both fall where it falls (`opened fire, killing one and arresting 12`)."""
    tok = t.anchor if t.anchor != t.token else t.token
    while tok.dep_ != "ROOT" and tok.head != tok:
        if tok.dep_ == "advcl" and _factual(tok):
            # `fighting raged when rebels attacked a substation`: two events; but a clause
            # dated years back recalls the background of the news, not news of its own
            return _long_ago(tok)
        joined = tok.dep_ == "conj"
        tok = tok.head
        if not joined and tok.i in taken:
            return True
    return False


# Subordinating words that report something that happened (`when`, `after`); others (`if`,
# `unless`, `before`, `until`) put their clause's event in a condition or a future.
FACTUAL = frozenset("when after as while because since though although whereas".split())


# Units of time that put a recalled event in the past of the story rather than in its news
# (`five years after crowds burned its embassy`, `two decades after troops invaded`).
LONG_UNITS = frozenset("year years month months decade decades century centuries".split())


def _long_ago(clause: Token) -> bool:
    """Whether an adverbial clause is dated years back from its main clause: the measure
    (`five years`) hangs on the clause or on the verb it modifies."""
    return any(c.dep_ == "npadvmod" and c.lower_ in LONG_UNITS and c.i < clause.i
               for c in (*clause.children, *clause.head.children))


def _factual(clause: Token) -> bool:
    """An adverbial clause with its own subject that reports a fact of its own."""
    # the parser often hangs `when` on the clause as an adverb rather than a marker
    marks = [c.lower_ for c in clause.children
             if c.dep_ == "mark" or (c.dep_ == "advmod" and c.tag_ == "WRB" and c.i < clause.i)]
    subject = any(c.dep_ in ("nsubj", "nsubjpass") for c in clause.children)
    return subject and bool(marks) and all(m in FACTUAL for m in marks)


def _same_act(t: Trigger, found: list[Trigger]) -> bool:
    """`killed one soldier and wounded two others`: verbs of one type joined by `and` under
    one subject report one act, coded once (by the first verb)."""
    tok = t.token
    return tok.dep_ == "conj" and not any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children
                                          ) and any(o.token == tok.head and o.code.type ==
                                                    t.code.type for o in found)


# Tensed verb tags: a joined verb in one of these carries its own auxiliaries and negation.
FINITE = frozenset({"VBD", "VBZ", "VBP"})


def _governors(tok: Token) -> list[Token]:
    """The verb and the verbs it is the complement of (`agree` <- `refused`, `restore` <-
    `about` <- `is`): where its negation, modals and intent are written."""
    out = [tok]
    while tok.dep_ in ("xcomp", "conj", "acomp", "pcomp", "pobj", "prep") and tok.head != tok:
        if tok.dep_ == "conj" and tok.tag_ in FINITE:
            break  # `would not work and warned that ...`: a verb with its own tense has its own
        tok = tok.head
        out.append(tok)
    return out


def _flags(t: Trigger) -> list[str]:
    flags: set[str] = set()
    words = [t.token, *_governors(t.anchor)]
    for w in words:
        for c in w.children:
            low = c.lower_
            if c.dep_ == "neg" or (c.dep_ == "det" and low == "no" and w == t.token):
                flags.add("negated")
            elif low in NEGATORS and c.dep_ == "advmod":
                flags.add("negated")
            elif low in HEDGES and c.dep_ in ("aux", "advmod", "amod"):
                flags.add("hedged")
            elif low in FUTURE_AUX and c.dep_ == "aux":
                flags.add("future")
        if w != t.anchor and w != t.token and w.lower_ in FUTURE_HEADS:
            flags.add("future")
    return [f for f in ("negated", "hedged", "future") if f in flags]


def _intent(t: Trigger) -> None:
    """Recode a stated intent (flag `future`) as the act of stating it: AGREE or THREATEN;
    an intent not to cooperate (`will not accept`) is a refusal, REJECT."""
    if "future" not in t.flags:
        return
    if "negated" in t.flags:
        if t.code.type in COOPERATIVE or t.code.type == "AGREE":
            t.code = REJECT
            t.flags = [f for f in t.flags if f not in ("negated", "future")]
        return
    conditional = any(m.dep_ == "mark" and m.lower_ in CONDITIONS
                      for c in t.anchor.children if c.dep_ == "advcl" for m in c.children)
    if t.code.type == "ASSAULT" and any(w.lower_ in PREPARING for w in _governors(t.anchor)[1:]):
        t.code = MOBILIZE  # readying an attack is a show of force, not a verbal threat
    elif t.code.type in HARMFUL or (t.code.type in COOPERATIVE and conditional):
        t.code = THREATEN
    elif t.code.type in COOPERATIVE:
        t.code = AGREE
    else:
        return
    t.flags.remove("future")


def _reporter(t: Trigger) -> Token | None:
    """The speech verb that reports the event: the verb whose clause complement holds it
    (`X said Y attacked Z`), or one hung on its own verb (`Y attacked Z, police said`)."""
    tok = t.anchor
    while tok.head != tok:
        if tok.dep_ in ("ccomp", "parataxis") and tok.head.lower_ in CUES:
            return tok.head
        if tok.dep_ not in ("conj", "xcomp", "advcl", "acomp"):
            break
        tok = tok.head
    for c in t.anchor.children:
        if c.dep_ in ("parataxis", "ccomp", "advcl") and c.lower_ in CUES:
            return c
    return None


# Every part of speech `_candidate` can return a trigger for.
_CANDIDATE_POS = ("VERB", "AUX", "NOUN")


def find_triggers(sent: Span) -> list[Trigger]:
    """The events of one sentence, outermost clause first, each with its flags."""
    # `_candidate` finds events in verbs and nouns only: the others are skipped in the POS
    # column rather than built one Token at a time (this ran on every word of every sentence).
    doc = sent.doc
    words = (doc[i] for i in tokens_where(doc, POS, _CANDIDATE_POS, sent.start, sent.end))
    found = [t for t in (_candidate(tok) for tok in words) if t is not None]
    # a harm named by its victim holds no other event (`the murder of X, who was killed in ...`)
    taken = {i for t in found if not is_nominal(t) for i in (t.token.i, t.anchor.i)}
    out: list[Trigger] = []
    for t in found:
        own = {t.token.i, t.anchor.i}
        # a harm named by its victim is a fact of its own inside any clause
        if (not is_nominal(t) and _inside_other(t, taken - own)) or _same_act(t, found):
            continue
        t.flags = _flags(t)
        _intent(t)
        t.reporter = _reporter(t)
        if t.reporter is not None:
            t.flags.append("claimed")
            if t.reporter.lower_ in DENIALS and "negated" not in t.flags:
                t.flags.insert(0, "negated")
        out.append(t)
    return out


def mode_of(t: Trigger) -> tuple[str | None, str | None]:
    """How the event was done: a weapon named in its clause (`with machetes`, `a car bomb`,
    `helicopters shelled`), else the mode of the event word itself; and the weapon's words."""
    if t.code.type in ("ASSAULT", "COERCE"):
        table = weapons()
        for tok in _clause(t):
            if tok.pos_ in ("NOUN", "PROPN"):
                found = noun_key(tok, table)
                if found is not None:
                    # `with rockets and machineguns`: every weapon joined to the first
                    more = [k[1] for k in (noun_key(c, table) for c in tok.conjuncts
                                           if c.i > tok.i) if k is not None]
                    return table[found[0]], " and ".join([found[1], *more])
    return t.code.mode, None


def _clause(t: Trigger) -> list[Token]:
    """The tokens of the event's own clause: the anchor's subtree without the clauses of
    other verbs hung on it (reported speech, relative clauses)."""
    out: list[Token] = []
    stack = [t.anchor]
    while stack:
        tok = stack.pop()
        out.append(tok)
        stack.extend(c for c in tok.children
                     if c.dep_ not in ("ccomp", "relcl", "parataxis", "advcl", "conj")
                     or c == t.token)
    return sorted(out, key=lambda x: x.i)


clause_tokens = _clause
