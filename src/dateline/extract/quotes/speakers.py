"""A speaker's name and entity from the token that speaks: its noun phrase, the person a
report or a role stands for, a name in brackets or before a colon.

`subjects` finds the token; this module names it, through the article's `_Resolver`. He and
she are left as they are here, for `pronouns` once all speakers are known.
"""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from dateline.extract.doctokens import doc_text
from dateline.extract.quotes.resolver import PLATFORMS, SPEAKER_TYPES, _Resolver
from dateline.extract.quotes.subjects import _detached_subject, _inverted, _subject
from dateline.extract.roles import TITLE_WORDS
from dateline.model import Entity

REPORT_NOUNS = frozenset(
    "release statement report communique communiqué document letter notice post tweet "
    "announcement readout memo filing transcript".split()
)


PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i"})


def _noun_phrase(tok: Token) -> Span:
    """A subject's name: the head with its compounds, titles and determiners, no clauses."""
    left = tok
    for child in tok.lefts:
        if child.dep_ in ("compound", "det", "amod", "poss", "nmod", "nummod", "punct"):
            left = min(left, child, key=lambda t: t.i)
            break
    while left.i < tok.i and any(t.is_space or "\n" in t.text for t in tok.doc[left.i : tok.i]):
        left = tok.doc[left.i + 1]  # a parse across a paragraph break (`1:50 p.m.\n\nDr. Lee`)
    right = tok
    for child in tok.rights:
        if child.dep_ in ("compound", "appos", "flat") and child.i == right.i + 1:
            right = child
    return tok.doc[left.i : right.i + 1]


def _cited(verb: Token) -> Token | None:
    """`the release said citing X` or `quoting X`: X."""
    for tok in verb.subtree:
        if tok.lower_ in ("citing", "quoting") and tok.i > verb.i:
            for child in tok.children:
                if child.dep_ in ("dobj", "pobj", "attr", "nsubj"):
                    return child
    return None


def _speaker(tok: Token | None, verb: Token | None, res: _Resolver, at: int
             ) -> tuple[str | None, str | None]:
    if tok is None:
        return None, None
    if verb is not None and tok.lower_ in REPORT_NOUNS:
        cited = _cited(verb)
        if cited is not None:
            tok = cited
    if tok.lower_ in ("who", "that", "which") and verb is not None and verb.dep_ == "relcl":
        tok = verb.head  # `Trump, who said ...`: the relative clause's head is the speaker
    tok = _out_of_brackets(tok)
    if tok.lower_ in PRONOUNS:
        return tok.text, None  # he and she are resolved once all speakers are known
    if res.quoted_at(tok.idx):
        return None, None  # `''That makes me smart,'' asserting`: quoted words speak no one
    np = _noun_phrase(tok)
    ent = _speaking_entity(np, tok, res)
    if ent is None and not _can_speak(tok):
        return None, None  # `said Tuesday`, `"...," the 2.1 pct rise showed`: no one speaks
    if (ent is None or ent.type in ("NORP", "GPE")) and _is_description(np):
        # `The star then recalled`: a definite role names the person just written about; the
        # words stay the speaker, the entity says who that is.
        if np.root.lower_ in TITLE_WORDS:
            # `the former president said`, `the senator said`: the person last named with
            # that title (`former President Ann Lee`, `Lee, the senator`); whoever else was
            # named last may hold another office, so with no such person no one is filed.
            # A title qualified by a place or party (`the Florida senator`) is written to
            # single out one office holder among several: it names the article's only
            # person with that title, or the only one named beside the place; with more
            # than one left, the words do not say which.
            if _qualifiers(np):
                ent = _only_titled(np, res)
            else:
                ent = res.last_titled(np.start_char, np.root.lower_, quoted=res.quoted)
            return (np.text, ent.id) if ent else (np.text, None)
        # Who the text was about: the last person named as a subject, else the last named.
        last = res.last_person(np.start_char, DESCRIPTION_CHARS, quoted=res.quoted)
        ent = res.last_person(np.start_char, DESCRIPTION_CHARS, only=res.subjects,
                              quoted=res.quoted) or last
        if _qualifiers(np) and ent is not last:
            # `the New York businessman` singles out someone the reader knows; when another
            # person was named after the last subject, the words alone do not say which.
            ent = None
        return (np.text, ent.id) if ent else (np.text, None)
    return (ent.name, ent.id) if ent else (np.text, None)


def _speaking_entity(np: Span, tok: Token, res: _Resolver) -> Entity | None:
    """The entity the subject names, by its mention, its words, or a person named inside its
    phrase: the first of these that can speak. A product, an event or a region is where or
    what, not who; but the model's label on a name beside a quote often errs (`Trump told the
    AP of the plans` read as one WORK_OF_ART), so a name that the article gives a speaking
    entity elsewhere (`Donald Trump` ... `Trump`) still names that entity. A platform
    (`Twitter`) is where words appear, never who says them."""
    for find in (lambda: _entity_at(np, tok, res), lambda: res.by_name(np.text),
                 lambda: res.by_name(tok.text), lambda: _person_within(tok, res)):
        ent = find()
        if ent is None or ent.name.casefold() in PLATFORMS:
            continue
        if ent.type in SPEAKER_TYPES or tok.ent_type_ in ("PERSON", "ORG"):
            return ent
    return None


DESCRIPTION_CHARS = 400  # how far back `the star` looks for the person it stands for
# Roles that presuppose a person already named (`the star`, `the Republican nominee`), beside
# the titles of office; not `the woman` or `the man`, who may be someone never named.
PERSON_NOUNS = TITLE_WORDS | frozenset(
    "star actor actress singer rapper comedian host anchor candidate nominee frontrunner "
    "front-runner hopeful businessman businesswoman tycoon billionaire mogul magnate author "
    "novelist pastor preacher activist incumbent challenger contender".split()
)


def _is_description(np: Span) -> bool:
    """`the star`, `the former secretary of state`, `the West Virginia Democrat`: `the`, then
    words, a singular role or party member (names may qualify it, not head it)."""
    head = np.root
    if np[0].lower_ != "the" or head.tag_ not in ("NN", "NNP") or head.lower_ in PARTY_SPEAKERS:
        return False
    if head.lower_ in PARTY_MEMBERS:
        return True
    # Names may qualify the role only as a place or a nationality (`the New York
    # businessman`, `the Florida senator`): a person's or an organisation's name there makes
    # it someone else's role (`the Trump adviser`), a person the article may never name.
    return (head.tag_ == "NN" and head.lower_ in PERSON_NOUNS
            and all(t.ent_type_ in _PLACE_LABELS for t in np if t.pos_ == "PROPN"))


QUALIFIER_CHARS = 40  # how near a person's name a place must stand to be said of them


def _only_titled(np: Span, res: _Resolver) -> Entity | None:
    """The one person named before `np` with its title; of several, the one whose name each
    place or party of `np` stands nearest to, within QUALIFIER_CHARS (`Sen. Ann Lee of
    Florida`, `Florida Sen. Ann Lee`); else None."""
    held = res.titled(np.start_char, np.root.lower_, quoted=res.quoted)
    if len(held) > 1:
        text = doc_text(np.doc)[: np.start_char]
        near: set[str] = set()
        for q in _qualifiers(np):
            for m in re.finditer(rf"\b{re.escape(q)}\b", text, re.IGNORECASE):
                gap, who = min((abs(at - m.start()), i) for i, ats in held.items() for at in ats)
                if gap <= QUALIFIER_CHARS:
                    near.add(who)
        held = {i: held[i] for i in near}
    return res.by_id[next(iter(held))] if len(held) == 1 else None


_PLACE_LABELS = frozenset({"GPE", "NORP", "LOC"})


def _qualifiers(np: Span) -> list[str]:
    """The place and party words that qualify a description's role (`the New York
    businessman` -> [New York]; `the Texas Republican senator` -> [Texas, Republican])."""
    words = [t for t in np if t.i < np.root.i and (t.ent_type_ in _PLACE_LABELS or (
        t.lower_ in PARTY_MEMBERS))]
    out: list[str] = []
    for t in words:
        if out and t.ent_iob_ == "I" and t.doc[t.i - 1] in words:
            out[-1] = f"{out[-1]} {t.text}"  # the rest of a name of several words
        else:
            out.append(t.text)
    return out


# A party member written as a role (`the Texas Republican said`): one person, named before.
PARTY_MEMBERS = frozenset("democrat republican conservative liberal socialist".split())
PARTY_SPEAKERS = frozenset({"democrats", "republicans"})
# Named-entity labels of spaCy that never speak: times and figures. (Its PRODUCT and
# WORK_OF_ART labels are not on this list: beside a quote it gives them to people's names
# too, so a subject so labelled keeps its words as the speaker, with no entity.)
NOT_SPEAKER_LABELS = frozenset({"DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL",
                                "CARDINAL"})
_CALENDAR = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday today yesterday tomorrow "
    "tonight january february march april june july august september october november "
    "december week month year weekend morning afternoon evening night".split())


def _can_speak(tok: Token) -> bool:
    """Not a date, a figure, a region or a demonstrative (`said Tuesday`, `said last week`,
    `that shows`): asked only of a word no entity of the article covers, since the model's
    own labels err on names beside quotes."""
    return tok.ent_type_ not in NOT_SPEAKER_LABELS and tok.lower_ not in _CALENDAR and not (
        tok.like_num) and tok.lower_ not in _DEMONSTRATIVES


_DEMONSTRATIVES = frozenset("this that these those which what".split())


def _entity_at(np: Span, head: Token, res: _Resolver) -> Entity | None:
    """The entity the phrase names: one whose mention holds the head (`Senate leader Robert
    Byrd`), else a person named after the head (`the agency's head, Ann Lee`). A name before
    the head only qualifies it: `a top Trump adviser`, `the West Virginia Democrat` and `a
    Texas official` are none of Trump, West Virginia or Texas."""
    hits = [e for s, t, e in res.spans if s <= head.idx < t]
    if hits:
        persons = [e for e in hits if e.type == "PERSON"]
        return (persons or hits)[-1]
    after = [e for s, _t, e in res.spans
             if head.idx < s < np.end_char and e.type == "PERSON"]
    return after[0] if after else None


def _out_of_brackets(tok: Token) -> Token:
    """`Gov. Ann Lee (R-OH), said`: a subject the parse found in the party-and-state brackets
    stands for the name before them."""
    doc = tok.doc
    i = tok.i
    while i > 0 and i > tok.i - 4 and doc[i - 1].text != "(":
        i -= 1
    if i > 1 and doc[i - 1].text == "(" and doc[i - 2].pos_ == "PROPN":
        return doc[i - 2]
    return tok


def _person_within(tok: Token, res: _Resolver) -> Entity | None:
    """`Speaker of the House Rep. Paul Ryan`, `the head of the agency, Ann Lee`: the person
    named inside the subject's phrase (its clauses left out) after its head, which is a
    title; a name before the head qualifies it (`a top Trump adviser` is not Trump)."""
    stop = [c.left_edge.i for c in tok.rights if c.dep_ in ("relcl", "acl")]
    end = min([tok.right_edge.i + 1, *stop])
    if end <= tok.i + 1:
        return None
    span = tok.doc[tok.i + 1 : end]
    ent = res.at(span.start_char, span.end_char)
    return ent if ent is not None and ent.type == "PERSON" else None


def _cue_speaker(verb: Token, named: Token | None, quote: tuple[int, int], res: _Resolver
                 ) -> tuple[str | None, str | None]:
    """The speaker of a quote whose cue verb is known, from the parse around the verb."""
    passive = [c for c in verb.children if c.dep_ == "nsubjpass"]
    if passive:
        # `X was asked, "..."`: the subject heard the words; the speaker is the agent, if any.
        agent = [g for c in verb.children if c.dep_ == "agent" for g in c.children
                 if g.dep_ == "pobj"]
        return _speaker(agent[0], verb, res, quote[0]) if agent else (None, None)
    acl = verb.head if verb.dep_ == "acl" and verb.head.pos_ == "PROPN" else None
    # A name right between the closing mark and the verb speaks, whatever the parse says.
    proper = named if named is not None and named.pos_ == "PROPN" else None
    # Each way of finding the subject in turn; a word inside quotation marks is said, not
    # saying (`''That makes me smart'' -- and, asked later, asserting`).
    for find in (lambda: proper, lambda: _subject(verb, quote), lambda: named, lambda: acl,
                 lambda: _inverted(verb, quote), lambda: _detached_subject(verb)):
        subj = find()
        if subj is not None and not res.quoted_at(subj.idx) and not _across_paragraphs(subj,
                                                                                      verb):
            return _speaker(subj, verb, res, quote[0])
    return None, None


def _across_paragraphs(a: Token, b: Token) -> bool:
    """A paragraph break lies between the two tokens: a clause never spans one, so a subject
    the parse found there (`1:50 p.m.\n\nDr. Ann Lee once said:`) is a misparse."""
    lo, hi = sorted((a, b), key=lambda t: t.i)
    # the doc's text joined once (`doc.text` rebuilds it from every token on each call)
    return "\n\n" in doc_text(a.doc)[lo.idx : hi.idx]


# `Pollsters agree - Ann Lee: "..."`, `asked pollster Ann Lee: "..."`: a person named right
# before the colon that opens the quote speaks it, whatever verb came earlier.
_NAME_COLON = re.compile(r"(?P<name>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}):\s*$")
_PREPOSITIONS = frozenset("to with on from at by in for of about".split())


def _name_colon(text: str, start: int, res: _Resolver) -> tuple[str, str | None] | None:
    window = max(0, start - 80)
    before = text[window:start].rstrip("\"“'` \n")
    m = _NAME_COLON.search(before)
    if m is None:
        return None
    at = window + m.start("name")
    ent = res.at(at, at + len(m.group("name")))
    words = before[: m.start("name")].split()
    if words and words[-1] in ("-", "—", "–") and len(m.group("name").split()) > 1:
        # A roundup's `Headline - Ann Lee: "..."`: a name there, known to NER or not.
        return (ent.name, ent.id) if ent else (m.group("name"), None)
    if ent is None or ent.type != "PERSON" or words and words[-1].lower() in _PREPOSITIONS:
        return None
    return ent.name, ent.id
