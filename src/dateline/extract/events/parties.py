"""The parties a noun phrase names: its words resolved to an article entity, a country and a
sector (`sides` decides which phrase is the actor and which the recipient).

`Russian forces` -> RUS, MIL; `Senior Hungarian and Romanian officials` -> HUN GOV and ROU
GOV (two actors); `protesters in Minsk` -> BLR, CVL. A country named alone acts through its
government, as PLOVER codes it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Span, Token

from dateline import lexicon
from dateline.extract.countries import country_code, demonym_code
from dateline.extract.events.coding import noun_key
from dateline.extract.events.places import capital_country, city_country
from dateline.extract.events.words import bodies, longest_body, sectors
from dateline.model import Article, Entity, Party

NOUNISH = ("NOUN", "PROPN", "PRON", "NUM")
# Prepositions after a noun that say where a party is from (`soldiers from Gondor`,
# `rebels in the Ivory Coast`) or whose it is (`the government of Sudan`).
ORIGIN_PREPS = frozenset("of from in throughout across".split())
# Prepositions that bring the one an event is done to or with.
RECIPIENT_PREPS = frozenset("with to against on upon at toward towards into from over for "
                            "between among of".split())
# Heads that say little of who a party is (`rebel leaders`, `security officials`): a sector
# word among their modifiers says more.
GENERIC = frozenset("leader leaders official officials member members group groups source "
                    "sources spokesman spokeswoman representative representatives "
                    "delegation".split())
# Nouns that carry another party's act (`rejected an Indian proposal`, `calls by Belarus's
# rulers`): the party is inside them, not the noun itself.
CONTENT = frozenset("proposal proposals plan plans call calls appeal appeals offer offers "
                    "demand demands request requests effort efforts initiative resolution "
                    "invitation idea bid decision policy ban order statement remarks "
                    "position positions commitment mandate record".split())
# Heads that count or group the party named after them (`thousands of protesters`).
QUANTITY = frozenset("thousands hundreds dozens scores tens millions group groups number "
                     "crowd crowds band bands batch contingent some many most all part "
                     "members member commando commandos".split())
# Heads that name people of a body (`members of the Front`, `a commando of the Front`).
MEMBERSHIP = frozenset("members member commando commandos".split())
TIME_ENTS = frozenset({"DATE", "TIME"})
PRONOUNS = frozenset("it they he she we i you them him her us its their".split())


@dataclass(slots=True)
class Resolver:
    """Looks up the article's entities by the tokens they cover."""

    article: Article
    by_char: dict[int, Entity]

    @classmethod
    def of(cls, article: Article) -> Resolver:
        index: dict[int, Entity] = {}
        for ent in article.entities:
            for m in ent.mentions:
                for i in range(m.start, m.end):
                    index.setdefault(i, ent)
        return cls(article, index)

    def entity(self, tok: Token) -> Entity | None:
        return self.by_char.get(tok.idx)


def _phrase_tokens(head: Token) -> list[Token]:
    """The noun phrase of `head` without clauses or conjuncts: its modifiers and what is
    written right after it as part of the name (`Boris Yeltsin`)."""
    keep = [head]
    for c in head.lefts:
        if c.dep_ in ("cc", "conj", "punct", "preconj", "advmod") and c.i < head.i:
            continue
        keep.extend(t for t in c.subtree if t.dep_ not in ("cc", "punct") or t.i > c.i)
    for c in head.rights:
        if c.dep_ in ("compound", "flat", "nummod") or (c.dep_ == "appos" and c.pos_ == "PROPN"):
            keep.extend(c.subtree)
    keep = sorted(set(keep), key=lambda t: t.i)
    # `the Islamic Salvation Front (FIS)`: an abbreviation in brackets is another mention of
    # the same name, not part of it
    doc = head.doc
    cut = next((i for i, t in enumerate(keep)
                if t.i > head.i and (t.text == "(" or doc[t.i - 1].text == "(")), None)
    return keep if cut is None else keep[:cut]


def _body(tokens: list[Token]) -> str | None:
    table = bodies()
    words = [t.lower_ for t in tokens]
    for n in range(longest_body(), 0, -1):
        for i in range(len(words) - n + 1):
            code = table.get(" ".join(words[i : i + n]))
            if code is not None:
                return code
    return None


def _person(tok: Token, res: Resolver) -> bool:
    ent = res.entity(tok)
    return ent is not None and ent.type == "PERSON"


def _is_state(code: str) -> bool:
    import pycountry

    return len(code) == 3 and pycountry.countries.get(alpha_3=code) is not None


# `east Bosnia`, `northern Iraq`: a part of a country is in that country.
DIRECTIONS = re.compile(r"^(?:the\s+)?(?:(?:north|south|east|west|central|northern|southern|"
                        r"eastern|western|north-?east|north-?west|south-?east|south-?west)"
                        r"(?:ern)?\s+)+", re.I)


@lru_cache(maxsize=1)
def _short_names() -> dict[str, str]:
    """First parts of two-part country names, where only one country has it: news writes
    `Bosnia` for Bosnia and Herzegovina and `Trinidad` for Trinidad and Tobago."""
    import pycountry

    seen: dict[str, list[str]] = {}
    for c in pycountry.countries:
        for name in {c.name, getattr(c, "common_name", c.name)}:
            if " and " in name:
                seen.setdefault(name.split(" and ")[0].lower(), []).append(c.alpha_3)
    return {k: v[0] for k, v in seen.items() if len(set(v)) == 1}


def country_of_name(name: str) -> str | None:
    """ISO alpha-3 for a country's name, its short form or its first part, else None."""
    code = country_code(name)
    if code is None:
        key = " ".join(name.lower().split())
        code = _short_names().get(key[4:] if key.startswith("the ") else key)
    return code


def _place_country(tok: Token, res: Resolver) -> str | None:
    ent = res.entity(tok)
    if ent is not None and ent.type in ("GPE", "LOC", "NORP", "FAC"):
        if ent.country:
            return ent.country
        name = DIRECTIONS.sub("", ent.name)
        return country_of_name(ent.name) or country_of_name(name) or city_country(name)
    return None


# Endings of demonyms and the country-name endings they stand for: `Zimbabwean` ->
# `Zimbabwe`, `Rwandan` -> `Rwanda`, `Sudanese` -> `Sudan`, `Bangladeshi` -> `Bangladesh`,
# `Burmese` -> `Burma`, `Moroccan` -> `Morocco`, `Nigerien` -> `Niger`; `Philippine` is the
# adjective of a plural name, `Philippines`.
DEMONYM_ENDINGS = (("ians", "ia"), ("ian", "ia"), ("ans", "a"), ("an", "a"), ("ans", ""),
                   ("an", ""), ("ans", "e"), ("an", "e"), ("ese", ""), ("ese", "a"), ("an", "o"),
                   ("ien", ""), ("iens", ""), ("is", ""), ("i", ""), ("i", "ia"),
                   ("ish", ""), ("ns", ""), ("n", ""), ("s", ""), ("", "s"))


def _nationals(word: str) -> str | None:
    """The nationals the country table lacks (`Serbs`, `Poles`, `Ivorian`): the list names
    each singular, a plural adds `s`."""
    table = lexicon.mapping("events_nationals")
    low = word.lower()
    return table.get(low) or (table.get(low[:-1]) if low.endswith("s") else None)


@lru_cache(maxsize=8192)
def demonym(word: str) -> str | None:
    """ISO alpha-3 for a demonym or a national (`Iraqi`, `Zimbabwean`, `Serbs`), from the
    country table or, for the many it does not list, from the country name it is made of."""
    code = demonym_code(word) or _nationals(word)
    # several words are allowed: `Sierra Leonean` is made of `Sierra Leone`
    if code is not None or len(word) < 5 or not word.replace(" ", "").isalpha():
        return code
    low = " ".join(word.lower().split())
    for ending, stem_end in DEMONYM_ENDINGS:
        if low.endswith(ending):
            code = country_of_name(low[: len(low) - len(ending)] + stem_end)
            if code is not None:
                return code
    return None


def _countries(tokens: list[Token], res: Resolver) -> list[str]:
    """Countries named in a phrase, in order: demonyms, country and city names, entities."""
    out: list[str] = []
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        code = None
        ent = res.entity(tok)
        if i > 0 and tokens[i - 1].lower_ == "ethnic":
            i += 1  # `ethnic Albanians` names a people, not Albania
            continue
        if ent is not None and ent.type in ("GPE", "LOC", "NORP"):
            code = _place_country(tok, res) or demonym(ent.name)
            while i + 1 < len(tokens) and res.entity(tokens[i + 1]) is ent:
                i += 1
        if code is None:
            code = (demonym(tok.text) if tok.pos_ in ("ADJ", "PROPN", "NOUN") else None) or (
                country_code(tok.text) if tok.pos_ == "PROPN" else None)
        if code is None and i > 0 and tok.pos_ == "PROPN" and tokens[i - 1].pos_ == "PROPN":
            code = demonym(f"{tokens[i - 1].text} {tok.text}")  # `Sierra Leonean`
            if code is None and "-" in tok.text:
                code = demonym(tok.text.split("-")[0])
        if code is None and tok.pos_ == "PROPN" and _not_a_person(ent):
            code = capital_country(tok.text)  # `Washington`, `Moscow`: the state's seat
        if code and code not in out:
            out.append(code)
        i += 1
    return out


def _words(tokens: list[Token]) -> list[str]:
    """Lower-case words, with hyphenated compounds joined back (`secretary-general`)."""
    out: list[str] = []
    joining = False
    for k, t in enumerate(tokens):
        if k and out and t.i - tokens[k - 1].i == 2 and t.doc[t.i - 1].text == "-":
            out[-1] += "-" + t.lower_  # the phrase left out the hyphen between the two
            continue
        if t.text == "-" and out:
            joining = True
            out[-1] += "-"
        elif joining:
            out[-1] += t.lower_
            joining = False
        else:
            out.append(t.lower_)
    return out


def _sector(head: Token, tokens: list[Token]) -> str | None:
    table = sectors()
    found = noun_key(head, table)
    own = table[found[0]] if found else table.get(head.lower_)
    # Nouns before the head say who (`army bulldozers`, `rebel leaders`); adjectives only
    # do for heads that say nothing themselves (`military sources`): `military intelligence`
    # and `official contact` are things, not parties.
    before = [t for t in tokens if t.i < head.i
              and (t.pos_ in ("NOUN", "PROPN", "PUNCT") or head.lower_ in GENERIC)]
    mods = [table[w] for w in _words(before) if w in table]
    if own is None or (head.lower_ in GENERIC and mods and mods[-1] != "GOV"):
        return mods[-1] if mods else own
    return own


def _entity_for(tokens: list[Token], head: Token, res: Resolver) -> Entity | None:
    ent = res.entity(head)
    if ent is not None:
        return ent
    named = [res.entity(t) for t in tokens if t.pos_ == "PROPN"]
    named = [e for e in named if e is not None and e.type in ("PERSON", "ORG")]
    return named[-1] if named else None


def _origin(head: Token, res: Resolver) -> list[str]:
    """Countries from `in X`, `from X`, `of X` after the head, or its possessor `X's`."""
    out: list[str] = []
    for c in head.children:
        if c.dep_ == "poss":
            out += _countries(_phrase_tokens(c), res)
        elif c.dep_ == "prep" and c.lower_ in ORIGIN_PREPS:
            for obj in c.children:
                if obj.dep_ == "pobj":
                    out += _countries(_phrase_tokens(obj), res)
    return out


def parties(head: Token, res: Resolver, depth: int = 0) -> list[Party]:
    """The parties a noun names: one per conjunct, and one per country where the phrase
    joins several (`Hungarian and Romanian officials`)."""
    count = head
    head = counted(head)  # `scores of Sierra Leonean and Liberian refugees`: both are
    heads = [head, *[c for c in head.conjuncts if c.pos_ in NOUNISH]]
    if count is not head:  # `two of her bodyguards, X and Y`: the parser joins X, Y to the count
        heads += [c for c in count.conjuncts if c.pos_ in NOUNISH]
    # `the two Italians, X of Milan and Y`: people named by a plural and then one by one are
    # those people, and news names victims that way
    named = [a for h in heads if h.tag_ == "NNS" for a in h.children if a.dep_ == "appos"]
    heads += [n for a in named for n in (a, *a.conjuncts) if n.pos_ in NOUNISH]
    out: list[Party] = []
    for h in heads:
        out += _one(h, res, depth)
    if count is not head and count.lower_ in MEMBERSHIP and out:
        # `members of the Front` are people of the Front, not the Front itself: the phrase
        # keeps its people while the country and sector come from the body
        end = _phrase_tokens(head)[-1].i
        start = next((t.i for t in count.lefts if t.dep_ == "det"), count.i)
        out[0].text = head.doc[start : end + 1].text
    return out


def counted(head: Token) -> Token:
    """`thousands of protesters` -> `protesters`: the party a count or group is made of."""
    if head.pos_ == "NUM" or head.lower_ in QUANTITY:
        for c in head.children:
            if c.dep_ == "prep" and c.lower_ == "of":
                obj = next((o for o in c.children if o.dep_ == "pobj"), None)
                if obj is not None:
                    return obj
    return head


def _one(head: Token, res: Resolver, depth: int) -> list[Party]:
    head = counted(head)
    if head.lower_ in CONTENT and depth < 2:
        inner = _inner(head, res, depth)
        if inner:
            return inner
    tokens = _phrase_tokens(head)
    text = head.doc[tokens[0].i : _of_end(head, tokens[-1].i) + 1].text
    body = _body(tokens)
    countries = [body] if body else _countries(tokens, res) or _origin(head, res)
    sector = _sector(head, tokens)
    ent = _entity_for(tokens, head, res)
    if body and (sector is None or (head.pos_ == "PROPN" and not _person(head, res))):
        # the body itself, by its name (`the European Union`, `the Security Council`: not a
        # trade union or a police body), rather than people of it (`EU officials`); a seat
        # of government (`the Kremlin`) stands for its state's government
        sector = "NGO" if body == "NGO" else "GOV" if _is_state(body) else "IGO"
    if sector is None and countries and _names_place(head, res):
        sector = "GOV"
    elif sector is None and head.tag_ in ("NNPS", "NNS") and demonym(head.text):
        sector = "CVL"  # `Iraqi Kurds`, `young Algerians`: people of a nation, not its state
    if not countries and ent is not None and ent.country:
        countries = [ent.country]
    if not countries:
        countries = _described_in(head, res)
    if len(countries) > 1 and _joined_modifiers(head):
        return [Party(text, ent.id if ent else None, c, sector) for c in countries]
    return [Party(text, ent.id if ent else None, countries[0] if countries else None, sector)]


LONGEST_OF = 6  # words of an `of` phrase kept in a party's text


def _of_end(head: Token, end: int) -> int:
    """Where a party's phrase ends with its `of` phrase: `the offices of the farmers'
    union`, `the Army of National Liberation`, `the residence of the mayor` name the party
    only with it, while the `of` phrase alone is another party. Only a short plain phrase
    is kept (no clause inside it: `the killing of X, who ...`)."""
    for c in head.rights:
        if c.dep_ != "prep" or c.lower_ != "of" or c.i != end + 1:
            continue
        sub = list(c.subtree)
        if len(sub) > LONGEST_OF or any(t.dep_ in ("relcl", "acl", "cc", "appos", "punct")
                                        or t.pos_ == "VERB" for t in sub):
            return end
        return sub[-1].i
    return end


# Modifiers of a noun that describe it by what it does or where it is (`refugees fleeing the
# war in Liberia`, `the faction that controls Afghanistan`, `the force in Lebanon`).
DESCRIBING = frozenset({"acl", "relcl", "prep"})


def _described_in(head: Token, res: Resolver) -> list[str]:
    """The first country named in what describes a party that names none itself: a party
    is of the country its own description places it in. Conjuncts and appositions are other
    parties and not searched."""
    for c in head.rights:
        if c.dep_ not in DESCRIBING:
            continue
        for t in c.subtree:
            ent = res.entity(t)
            if ent is not None and ent.type in ("GPE", "LOC"):
                code = _place_country(t, res)
                if code:
                    return [code]
    return []


def _names_place(head: Token, res: Resolver) -> bool:
    ent = res.entity(head)
    if ent is not None and ent.type in ("GPE", "LOC"):
        return True
    # a capital the entity stage did not take for a place (`Kyiv` read as a person's name)
    return head.pos_ == "PROPN" and _not_a_person(ent) and bool(capital_country(head.text))


def _not_a_person(ent: Entity | None) -> bool:
    """Whether a capital's name may be read as the place: a person is named with more than
    one word somewhere in the article (`George Washington`), while the entity stage takes a
    lone capital's name for a person's now and then (`visited Kyiv`)."""
    return ent is None or ent.type != "PERSON" or len(ent.name.split()) == 1


def _joined_modifiers(head: Token) -> bool:
    return any(c.dep_ in ("amod", "compound", "nmod") and any(g.dep_ == "conj" for g in c.children)
               for c in head.lefts)


def _inner(head: Token, res: Resolver, depth: int) -> list[Party]:
    """The party inside a noun that carries its act: `an Indian proposal` -> India, `calls
    by Belarus's rulers` -> Belarus's rulers."""
    for c in head.children:
        if c.dep_ in ("prep", "agent") and c.lower_ in ("by", "from", "of"):
            for obj in c.children:
                if obj.dep_ == "pobj":
                    return parties(obj, res, depth + 1)
        if c.dep_ == "poss" and not is_pronoun(c):
            return parties(c, res, depth + 1)
    countries = _countries([t for t in head.lefts], res)
    if countries:
        text = head.doc[head.left_edge.i : head.i + 1].text
        return [Party(text, None, countries[0], None)]
    return []


OWNERS = frozenset("its their his her our".split())
# Sectors of a country's own people and institutions: news leaves their country unsaid when
# the story is about that country (`rebels`, `police`, `the opposition`).
DOMESTIC = frozenset("GOV MIL COP REB OPP CVL LEG JUD MED EDU LAB CRM PTY REL BUS".split())


# Places and property an act is done to (`shelled villages`, `bombed a market`): they are
# where they stand, unlike people, whose nationality their place does not say.
PROPERTY = frozenset("village villages town towns city cities home homes house houses building "
                     "buildings position positions base bases camp camps post posts outpost "
                     "outposts checkpoint checkpoints office offices school schools hospital "
                     "hospitals market markets mosque mosques church churches temple temples "
                     "embassy embassies consulate bridge bridges road roads convoy convoys "
                     "vehicle vehicles car cars bus buses train trains station stations airport "
                     "port area areas district districts neighbourhood neighborhood settlement "
                     "settlements farm farms plant factory pipeline installations facilities "
                     "facility headquarters barracks".split())


def fill_countries(actor: Party | None, recipient: Party | None, place_country: str | None
                   ) -> None:
    """A party with a domestic sector and no country of its own is of the country where the
    event happened, else of the other party's country when that one is a domestic party too
    (`the government ... accepted demands from rebels`, `students demanded reforms by the
    government`, `President X threatened to ban Ugandan opposition candidates`): news names
    the country of a foreign side and leaves its own country's unsaid."""
    if (recipient is not None and actor is not None and actor.country and not recipient.country
            and not place_country and recipient.text.split(" ", 1)[0].lower() in OWNERS):
        # `Pakistan urged its citizens`: what the actor calls its own is of its country; where
        # the act has a place (`withdrew its troops from Lebanon`), the other side is there
        recipient.country = actor.country
    if (recipient is not None and not recipient.country and place_country
            and recipient.text.lower().rsplit(" ", 1)[-1] in PROPERTY):
        # `shelled villages in Kosovo`: a place or a thing is of the country where it stands
        recipient.country = place_country
    for me, other in ((actor, recipient), (recipient, actor)):
        if me is None or me.country or me.sector not in DOMESTIC or _unknown_nation(me):
            continue
        if place_country:
            me.country = place_country
        elif (other is not None and other.country and other.sector in DOMESTIC
              and not names_state(other) and not _envoy(other)):
            me.country = other.country


# A state's representatives abroad: named with their nationality, they are the foreign side
# (`the government expelled the American ambassador`), so they give the other side no country.
ENVOYS = frozenset("ambassador ambassadors envoy envoys diplomat diplomats consul consuls "
                   "attache embassy".split())


def _envoy(p: Party) -> bool:
    return p.text.lower().rsplit(" ", 1)[-1] in ENVOYS


# Endings of nationality adjectives (`Congolese`, `Ivorian`, `Nigerien`): a party that names
# a nation the tables could not place says it is from somewhere, so it is not assumed to be of
# the country where the act happened.
NATIONALITY = re.compile(r"^[A-Z][a-z]{2,}(?:ese|ian|ien)s?$")  # not `Brian`


def _unknown_nation(p: Party) -> bool:
    return any(NATIONALITY.match(w) for w in p.text.split())


def sentence_countries(sent: Span, res: Resolver) -> list[str]:
    """The countries a sentence names anywhere: by name, demonym, capital or entity, or by
    its seat of government (`the White House said`)."""
    out = _countries(list(sent), res)
    table = bodies()
    words = [t.lower_ for t in sent]
    for n in range(longest_body(), 0, -1):
        for i in range(len(words) - n + 1):
            code = table.get(" ".join(words[i : i + n]))
            if code is not None and _is_state(code) and code not in out:
                out.append(code)
    return out


def fill_from_sentence(p: Party | None, countries: list[str], other: str | None = None
                       ) -> None:
    """A party still of no country is of the sentence's country when the sentence names just
    one (`President X resigned to allow Haiti's first elections`): news names a story's
    country once and leaves it unsaid for the parties of that country. Not when that country
    is the other side's own (`militants fired rockets at an Israeli town`): there it says who
    the other side is, not who this one is, and the domestic case is settled before
    (`fill_countries`). `other` is the other side's country as its own phrase gave it."""
    if p is None or p.country or len(countries) != 1 or _unknown_nation(p):
        return
    if other == countries[0]:  # the other side's own country, from its own words
        return
    p.country = countries[0]


def names_state(p: Party) -> bool:
    """Whether a party is a state by its name or its capital (`China`, `the United States`,
    `Moscow`): a state named as the other side of an act is a foreign one (`the president
    praised China`), while a domestic side is named by its role (`the government`)."""
    name = DIRECTIONS.sub("", p.text)
    return bool(country_of_name(name) or capital_country(name))


def is_pronoun(tok: Token) -> bool:
    # `US` is a country, `us` a pronoun: a proper noun is never one.
    return tok.pos_ == "PRON" or (tok.lower_ in PRONOUNS and tok.pos_ != "PROPN")


def modifier_parties(noun: Token, res: Resolver) -> list[Party]:
    """`Israeli airstrikes`, `a Hamas attack`: the actor is a modifier of the event noun."""
    mods = [c for c in noun.lefts if c.dep_ in ("amod", "compound", "nmod")]
    body = _body(mods)  # `NATO air strikes`, `a UN proposal`: a body acts as itself
    countries = [body] if body else _countries(mods, res)
    if not countries:
        return []
    sector = None if not body else "NGO" if body == "NGO" else "GOV" if _is_state(body) else "IGO"
    return [Party(mods[0].text, None, countries[0], sector)]
