"""Entities: spaCy's mentions, corrected, grouped within the article, typed by vote.

Raw NER output mislabels news names (`Sputnik` as PERSON, `The Coalition` as WORK_OF_ART),
joins slash lists (`Daesh/ISIS`) and knows nothing of aliases, so this layer: cleans each
mention, adds the names NER missed (agencies, defined aliases, repeats of a known name),
groups mentions of one entity (same name, same country, a surname after the full name, an
alias the text defines), and gives each group one type, one name and its country.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from spacy.tokens import Doc

from dateline import lexicon
from dateline.companies import company_short_form, has_legal_form
from dateline.extract.aliases import AliasSet, find_aliases
from dateline.extract.countries import country_code, demonym_code, display_name
from dateline.extract.cues import CUE_WEIGHT, cue_votes, is_time_zone
from dateline.extract.gender import word_gender
from dateline.extract.people import UNRESOLVED, Named, resolve_people
from dateline.extract.roles import honorific_before, split_title, title_after, title_before
from dateline.extract.tables import in_table, table_lines
from dateline.model import Article, Entity, Mention

LABELS = {"PERSON": 1.0, "ORG": 1.0, "GPE": 1.0, "LOC": 1.0, "NORP": 1.0, "FAC": 1.0,
          "EVENT": 1.0, "WORK_OF_ART": 0.4, "PRODUCT": 0.4, "LAW": 0.4}
# Multi-word agencies are listed whole: split into words they made `France` and `Press`
# (a surname) agencies too.
AGENCIES = frozenset(lexicon.mapping("agencies"))
AGENCY_RE = re.compile(
    r"\b(?:Reuters|Sputnik|AP|AFP|TASS|Xinhua|Interfax|RIA Novosti|Bloomberg|UPI|DPA|EFE|ANSA"
    r"|Kyodo|Yonhap|IRNA|Anadolu(?: Agency)?|Associated Press|Agence France-Presse|ITAR-TASS"
    r"|Al Jazeera|Press Trust of India)\b"
)
# A capitalised organisation noun with a `to VERB X` complement is a name in news
# (`the Coalition to defeat ISIS`, `Committee to Protect Journalists`); NER usually misses it.
ORG_TO = re.compile(
    r"\b(?P<head>Coalition|Alliance|Committee|Campaign|Council|Movement|Front|Fund|Commission"
    r"|Mission|Task Force|Foundation) to (?P<verb>[a-z]+) (?:the )?"
    r"(?P<obj>[A-Z][\w-]*(?: [A-Z][\w-]*)*)"
)
GLUE_WORDS = frozenset({"to", "of", "for", "and", "the", "de", "on", "in"})
NOTICE_NAME = re.compile(r"\b[A-Z][\w.]*(?: [A-Z][\w.]*)*")
DETERMINER = re.compile(r"^(?:the|The|THE)\s+")
EDGE = frozenset(" \t\n`'\"“”‘’")
POSSESSIVE = re.compile(r"(?:'s|’s|'|\*)$")
PLACE_COUNTRY = re.compile(r"^,\s+(?P<c>[A-Z][\w.]*(?: [A-Z][\w.]*){0,2})\b")
DIRECTION = re.compile(
    r"^(?:north|south|east|west|northeast|northwest|southeast|southwest|northern|southern"
    r"|eastern|western|central|north-east|north-west|south-east|south-west)\s+", re.I
)


@dataclass(slots=True)
class _Mention:
    start: int
    end: int
    text: str
    label: str | None
    name: str  # the form to name the entity by (`Coalition to defeat Daesh`)
    roles: list[str] = field(default_factory=list)
    det: int | None = None  # where a `the` the recogniser put inside the span starts
    person: str | None = None  # the person of the article it names (`extract.people`)

    @property
    def key(self) -> str:
        return self.person or " ".join(self.name.lower().replace(".", "").split())


class _Union:
    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, x: str) -> str:
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[rb] = ra


def _clean(text: str, start: int, end: int, label: str | None) -> _Mention | None:
    surface = text[start:end]
    m = DETERMINER.match(surface)
    det = None
    if m:
        det = start
        start += m.end()
    surface = text[start:end]
    p = POSSESSIVE.search(surface)
    if p:
        end -= len(p.group(0))
    # NER spans now and then carry a space or a quote mark at an edge (`General Motors `,
    # ```New GM'`): the mention is the name inside them.
    while start < end and text[start] in EDGE:
        start += 1
    while end > start and text[end - 1] in EDGE:
        end -= 1
    surface = text[start:end]
    if not surface or not any(c.isupper() for c in surface):
        return None
    roles: list[str] = []
    if label == "PERSON":
        role, rest = split_title(surface)
        if role:
            roles.append(role)
            start = end - len(rest)
            surface = rest
    return _Mention(start, end, surface, label, surface, roles, det)


def _from_ner(doc: Doc, text: str) -> list[_Mention]:
    out: list[_Mention] = []
    for ent in doc.ents:
        if ent.label_ not in LABELS:
            continue
        for start, end in _slash_parts(text, ent.start_char, ent.end_char):
            m = _clean(text, start, end, ent.label_)
            if m:
                out.append(m)
    return out


def _slash_parts(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """`Daesh/ISIS` as two spans; anything else as itself."""
    surface = text[start:end]
    if "/" not in surface:
        return [(start, end)]
    parts, pos = [], start
    for piece in surface.split("/"):
        if piece.strip():
            parts.append((pos, pos + len(piece)))
        pos += len(piece) + 1
    return parts


class _Taken:
    """The characters that mentions cover, so that an overlap test costs the length of the
    span tested, not the number of mentions: a text that repeats one name thousands of times
    (a scrape of a list, a transcript) made the pairwise test quadratic."""

    def __init__(self, text: str, mentions: list[_Mention]) -> None:
        self.covered = bytearray(len(text))
        for m in mentions:
            self.add(m)

    def add(self, m: _Mention) -> None:
        self.covered[m.start:m.end] = b"\x01" * (m.end - m.start)

    def overlaps(self, start: int, end: int) -> bool:
        return self.covered.find(1, start, end) != -1


def _add_missing(text: str, mentions: list[_Mention], alias_sets: list[AliasSet],
                 known: set[str]) -> None:
    """Mentions NER missed: agencies, `X to VERB Y` organisations, alias names, names that
    notices define (`known`), and repeats of a name found elsewhere in the text."""
    for m in ORG_TO.finditer(text):
        obj = m.group("obj")
        name = f"{m.group('head')} to {m.group('verb')} {obj}"
        start, end = m.start("head"), m.end("obj")
        mentions[:] = [x for x in mentions if not (start <= x.start and x.end <= m.end("head"))]
        mentions.append(_Mention(start, end, text[start:end], "ORG", name))
    taken = _Taken(text, mentions)

    def add(m: _Mention) -> None:
        mentions.append(m)
        taken.add(m)

    for m in AGENCY_RE.finditer(text):
        if not taken.overlaps(m.start(), m.end()):
            add(_Mention(m.start(), m.end(), m.group(0), "ORG", m.group(0)))
    for aset in alias_sets:
        for n in aset.names:
            if not taken.overlaps(n.start, n.end):
                add(_Mention(n.start, n.end, n.text, None, n.text))
    surfaces = {m.text for m in mentions if len(m.text) > 1 and m.text[:1].isupper()} | known
    # A person named in full is named again by the surname alone, which NER often misses.
    surfaces |= {m.name.split()[-1] for m in mentions
                 if m.label == "PERSON" and len(m.name.split()) > 1
                 and len(m.name.split()[-1]) > 2 and m.name.split()[-1][:1].isupper()}
    if not surfaces:
        return
    for start, end in whole_words(text, surfaces):
        if not taken.overlaps(start, end):
            add(_Mention(start, end, text[start:end], None, text[start:end]))


def _edge(text: str, i: int) -> bool:
    """No word character (as `re`'s `\\w` reads one) and no hyphen at `text[i]`."""
    return not (0 <= i < len(text)) or not (text[i].isalnum() or text[i] in "_-")


def whole_words(text: str, surfaces: set[str]) -> list[tuple[int, int]]:
    """Where the surfaces occur with no word character or hyphen either side: leftmost first,
    the longest at a place, none overlapping; what `finditer` of the alternation of all
    surfaces, longest first, finds. Why not that regex: it is compiled anew for each article
    (its surfaces are the article's own), which took longer than the search itself."""
    if "" in surfaces:  # an empty surface matches between any two non-word characters
        alternation = "|".join(re.escape(s) for s in sorted(surfaces, key=len, reverse=True))
        return [m.span() for m in re.finditer(rf"(?<![\w-])(?:{alternation})(?![\w-])", text)]
    found: list[tuple[int, int]] = []
    for surface in surfaces:
        at = text.find(surface)
        while at >= 0:
            end = at + len(surface)
            if _edge(text, at - 1) and _edge(text, end):
                found.append((at, -end))
            at = text.find(surface, at + 1)
    out: list[tuple[int, int]] = []
    for start, neg_end in sorted(found):
        if not out or start >= out[-1][1]:
            out.append((start, -neg_end))
    return out


def _not_names(article: Article, mentions: list[_Mention]) -> list[_Mention]:
    """Less the capitalised words that are part of an amount (`US$`, `USD`) or a clock time's
    zone (`08:30 UTC`): NER and the repeat finder take them for places and organisations."""
    money = [(a.start, a.end) for a in article.amounts if a.unit]
    return [m for m in mentions
            if not is_time_zone(article.text, m.start)
            and not any(s <= m.start and m.end <= e for s, e in money)]


# A model designation after a maker's name (`Boeing 737-800`, `Airbus A380`): the two words
# name a product. Four-digit numbers are left out: `Vision 2030` is a year, not a model.
MODEL = re.compile(r"(?:[A-Z]{1,3}-?\d{2,4}[A-Z]?|\d{3}(?:-\d{1,3})?)s?")
MODEL_AFTER = re.compile(r"[ \t]+(?P<model>" + MODEL.pattern + r")(?![\w-])")


def _product(text: str, m: _Mention) -> None:
    words = m.text.split()
    if len(words) > 1 and MODEL.fullmatch(words[-1]):
        m.label = "PRODUCT"
        return
    after = MODEL_AFTER.match(text, m.end)
    if after and m.label in ("ORG", "PERSON", None) and not country_code(m.text):
        m.end = after.end()
        m.text = m.name = text[m.start : m.end]
        m.label = "PRODUCT"


def _fix_label(m: _Mention) -> None:
    low = m.text.lower()
    if low in AGENCIES or has_legal_form(m.text):
        m.label = "ORG"
    elif m.label != "NORP" and country_code(m.text) and m.label not in ("ORG", "FAC"):
        m.label = "GPE"
    elif m.label in ("GPE", "LOC") and country_code(m.text) is None and demonym_code(m.text):
        m.label = "NORP"


def _people(text: str, mentions: list[_Mention]) -> None:
    """Which person each person's name stands for (see `extract.people`). Left to the
    grouping by words: a word NER took for a country (`Jordan`), and a word
    it took for something else that also shortens another name of the article (`Ford`
    beside Ford Motor Company and William Clay Ford Jr.), unless an honorific or a gendered
    role marks it as a person's. NER often calls a lone surname an organisation, so an
    ORG label alone does not keep a surname from its person."""
    names = [m.key for m in mentions if m.label not in ("PERSON", None) and " " in m.name]

    def other_reading(m: _Mention) -> bool:
        if m.label in ("PERSON", None) or word_gender(text, m.start, m.end):
            return False
        if m.label in ("GPE", "LOC", "FAC"):
            return country_code(m.text) is not None
        return any(_shortens(m.key, k) for k in names)

    maybe = [m for m in mentions if not other_reading(m)]
    keys = resolve_people(text, [Named(m.start, m.end, m.name, m.label) for m in maybe])
    for m, key in zip(maybe, keys, strict=True):
        m.person = key


def _group(mentions: list[_Mention], alias_sets: list[AliasSet], notice_sets: list[list[str]],
           ) -> tuple[_Union, _Union]:
    """Two unions: `names` joins forms of one name, `groups` also joins defined aliases."""
    names, groups = _Union(), _Union()
    keys = {m.key for m in mentions}
    # A person's names are grouped by `extract.people`; a surname it left alone (`Ford` the
    # company beside William Clay Ford Jr.) does not join the person by its words.
    surname_of = {m.person: m.person.split("#")[0].split()[-1] for m in mentions if m.person}
    for m in mentions:
        code = country_code(m.text) if m.label in ("GPE", "LOC", None) else None
        for u in (names, groups):
            u.find(m.key)
            if code:
                u.union("cc:" + code, m.key)
    # Only a key of more words can be shortened (`_shortens`' first test), so each key is
    # tried against those alone: every pair of keys was tried, and an article's keys are many.
    words = {k: len(k.split()) for k in keys}
    for short in keys:
        if short.startswith(UNRESOLVED):
            continue  # a surname two people of the article share, said of neither surely
        longs = [k for k in keys if words[k] > words[short] and surname_of.get(k) != short
                 and _shortens(short, k)]
        if len(longs) == 1 and not country_code(short):
            names.union(longs[0], short)
            groups.union(longs[0], short)
    # An alias names the person (or thing) its words name in the article.
    of_name = {_key(m.name): m.key for m in mentions}

    def key_of(name: str) -> str:
        return of_name.get(_key(name), _key(name))

    for aset in alias_sets:
        first = key_of(aset.names[0].text)
        for n in aset.names[1:]:
            groups.union(first, key_of(n.text))
    for names_ in notice_sets:
        for n in names_[1:]:
            groups.union(key_of(names_[0]), key_of(n))
    return names, groups


def _key(name: str) -> str:
    return " ".join(DETERMINER.sub("", name).lower().replace(".", "").split())


def _shortens(short: str, long: str) -> bool:
    s, lw = short.split(), long.split()
    if len(s) >= len(lw):
        return False
    if lw[-len(s):] == s and not GLUE_WORDS & set(lw):
        # `State Department` shortens `US State Department`; `England` does not shorten
        # `Bank of England`, nor `Daesh` `Coalition to defeat Daesh`.
        return True
    for glue in ("to", "of", "for"):
        if glue in lw and lw[: lw.index(glue)] == s:
            return True
    return company_short_form(short, long)


def _type(ms: list[_Mention], text: str) -> str:
    """One type for a group: NER labels and context cues vote, cues weigh more."""
    if any(m.text.lower() in AGENCIES or has_legal_form(m.text) for m in ms):
        return "ORG"  # a company's legal form (`Inc`) settles it: its short forms are the company's
    votes: Counter[str] = Counter()
    for m in ms:
        if m.label:
            votes[m.label] += LABELS.get(m.label, 0.5)
        votes.update(cue_votes(text, m.start, m.end))
    if _full_name_and_surname(ms):
        votes["PERSON"] += CUE_WEIGHT
    return votes.most_common(1)[0][0] if votes else "ORG"


def _full_name_and_surname(ms: list[_Mention]) -> bool:
    """A full name NER calls a person, repeated by its last word: the shape of a person's
    mentions, which outweighs NER calling the lone surname an ORG or a place."""
    singles = {m.name for m in ms if len(m.name.split()) == 1}
    return any(m.label == "PERSON" and len(m.name.split()) > 1 and m.name.split()[-1] in singles
               for m in ms)


def _country(etype: str, name: str, ms: list[_Mention], text: str) -> str | None:
    if etype in ("GPE", "LOC"):
        code = country_code(name) or country_code(DIRECTION.sub("", name))
        if code:
            return code
        for m in ms:
            after = PLACE_COUNTRY.match(text, m.end)
            if after and country_code(after.group("c")):
                return country_code(after.group("c"))
    if etype == "NORP":
        return demonym_code(name)
    first = name.split()[0] if name.split() else ""
    return country_code(first) if len(first) <= 3 else demonym_code(first) or country_code(first)


def _slug(etype: str, name: str) -> str:
    return etype.lower() + ":" + re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")


def _roles(doc: Doc, text: str, m: _Mention) -> list[str]:
    roles = list(m.roles)
    span = doc.char_span(m.start, m.end, alignment_mode="expand")
    if span is not None:
        found = title_before(doc, span.start, span.sent.start)
        if found:
            roles.append(found[1])
    after = title_after(text, m.end)
    if after:
        roles.append(after)
    return roles


def extract_entities(article: Article, doc: Doc) -> Article:
    """Fill `article.entities`: grouped, typed, named, with aliases, roles and countries."""
    text = article.text
    alias_sets = find_aliases(text)
    notice_sets = [[n.text for n in a.names] for note in article.notices
                   for a in find_aliases(note.text)]
    mentions = _from_ner(doc, text)
    known = {n for names_ in notice_sets for n in names_}
    known |= {note.refers_to for note in article.notices if note.refers_to}
    _add_missing(text, mentions, alias_sets, known)
    mentions = _not_names(article, mentions)
    rows = table_lines(text)  # the labels of table rows (`Shr`, `Avg shrs`) name nothing
    mentions = [m for m in mentions if not in_table(rows, m.start)]
    for m in mentions:
        _fix_label(m)
        _product(text, m)
    mentions.sort(key=lambda m: (m.start, -m.end))
    _people(text, mentions)
    names, groups = _group(mentions, alias_sets, notice_sets)
    by_group: dict[str, list[_Mention]] = {}
    for m in mentions:
        by_group.setdefault(groups.find(m.key), []).append(m)
    defined_first = {_key(a.names[0].text) for a in alias_sets} | {_key(n[0]) for n in notice_sets}
    entities = [
        _entity(doc, text, ms, names, defined_first, notice_sets) for ms in by_group.values()
    ]
    entities = _add_dateline(article, entities)
    entities = _add_notice_countries(article, entities)
    entities = _notice_types(article, entities)
    article.entities = unique_ids(entities)
    return article


# A notice that says what its term is (`*Daesh (...) is a terrorist organisation banned in
# Russia`) settles the term's type, which the NER often gets wrong for such names.
_NOTICE_ORG = re.compile(
    r"\b(?:is|are)\s+(?:an?|the)?\s*(?:[\w-]+\s+){0,4}?(?:organi[sz]ation|group|movement|party|network|"
    r"militia|faction|association|company|agency)s?\b", re.IGNORECASE,
)


def _notice_types(article: Article, entities: list[Entity]) -> list[Entity]:
    terms = {n.refers_to.casefold() for n in article.notices if n.refers_to and _NOTICE_ORG.search(n.text)}
    if not terms:
        return entities
    for e in entities:
        if e.type != "ORG" and {x.casefold() for x in (e.name, *e.aliases)} & terms:
            e.type = "ORG"
            e.id = _slug("ORG", e.name)
    return entities


def _entity(doc: Doc, text: str, ms: list[_Mention], names: _Union, defined_first: set[str],
            notice_sets: list[list[str]]) -> Entity:
    etype = _type(ms, text)
    subgroups: dict[str, list[_Mention]] = {}
    for m in ms:
        subgroups.setdefault(names.find(m.key), []).append(m)
    ranked = sorted(
        subgroups.values(),
        key=lambda g: (not any(m.key in defined_first for m in g), -len(g), g[0].start),
    )
    primary = ranked[0]
    code = next((country_code(m.text) for m in primary if etype == "GPE" and country_code(m.text)),
                None)
    name = display_name(code) if code else max(primary, key=lambda m: len(m.name)).name
    aliases: list[str] = []
    for g in ranked:
        for m in g:
            if m.name != name and m.name not in aliases and _key(m.name) != _key(name):
                aliases.append(m.name)
    for names_ in notice_sets:
        if any(_key(n) == _key(name) or _key(n) in {m.key for m in ms} for n in names_):
            aliases += [n for n in names_ if _key(n) != _key(name) and n not in aliases]
    roles: list[str] = []
    if etype == "PERSON":
        for m in ms:
            roles += [r for r in _roles(doc, text, m) if r not in roles]
    return Entity(
        id=_slug(etype, name), name=name, type=etype, aliases=aliases, roles=roles,
        country=_country(etype, name, ms, text),
        mentions=[_mention(text, m, etype) for m in ms],
    )


def _mention(text: str, m: _Mention, etype: str) -> Mention:
    """Where a name is in the text. A `the` the recogniser took in stays in the mention (`the
    Bank of England`: spaCy's OntoNotes and MEANTIME write it so, GMB does not; the entity's
    name leaves it out either way), and a person's mention takes in an honorific right before
    it (`President Putin`), as GMB and MEANTIME both do."""
    start = m.start
    if m.det is not None and etype != "PERSON":
        start = m.det
    if etype == "PERSON":
        at = honorific_before(text, m.start)
        start = m.start if at is None else at
    return Mention(start, m.end, text[start : m.end])


def _add_dateline(article: Article, entities: list[Entity]) -> list[Entity]:
    """The dateline's agency and place are entities of the article, though not in its text."""
    dl = article.dateline
    if dl is None:
        return entities
    for value, etype in ((dl.agency, "ORG"), (dl.place, "GPE")):
        if not value:
            continue
        key = _key(value)
        if any(_key(e.name) == key or key in {_key(a) for a in e.aliases} for e in entities):
            continue
        code = country_code(value) if etype == "GPE" else None
        name = display_name(code) if code else value
        if any(e.name == name for e in entities):
            continue
        entities.append(Entity(id=_slug(etype, name), name=name, type=etype, country=code))
    return entities


def _add_notice_countries(article: Article, entities: list[Entity]) -> list[Entity]:
    """Countries named in notices (`banned in Russia`): kept apart from the body, so no
    mentions, but still places the article names."""
    have = {e.country for e in entities if e.type == "GPE"}
    for note in article.notices:
        for m in NOTICE_NAME.finditer(note.text):
            code = country_code(m.group(0).rstrip("."))
            if code and code not in have:
                have.add(code)
                name = display_name(code)
                entities.append(Entity(id=_slug("GPE", name), name=name, type="GPE", country=code))
    return entities


def unique_ids(entities: list[Entity]) -> list[Entity]:
    """The entities with ids unique in the article: a second `Paris` (another place of that name
    that the article keeps apart) becomes `...-2`; every language's entity stage ends with it."""
    seen: Counter[str] = Counter()
    for e in entities:
        seen[e.id] += 1
        if seen[e.id] > 1:
            e.id = f"{e.id}-{seen[e.id]}"
    return entities
