"""Entities from a language model's named spans, for languages other than English.

The English layer (`extract/entities.py`) corrects spaCy's English NER with English rules
(titles, `the`, agencies, aliases). Other languages get what their model gives, grouped the way
news names things: every mention of one name is one entity, and a bare surname joins the one
full name of the article that ends with it (`Лавров` after `Сергей Лавров`), as a reader takes
it. Two full names with the same surname leave the bare surname on its own: who it names is
not said.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass

from spacy.tokens import Doc

from dateline.extract.entities import unique_ids
from dateline.model import Article, Entity, Mention
from dateline.romanise import romanise

# Our types for the labels that non-English models use (Natasha: PER, ORG, LOC; spaCy's
# WikiNER-trained French and other models: PER, ORG, LOC, MISC). MISC is left out: in those
# models it mixes events, works, nationalities and products, and no type of ours fits it.
TYPES = {"PER": "PERSON", "PERSON": "PERSON", "ORG": "ORG", "LOC": "LOC", "GPE": "GPE"}


@dataclass(slots=True)
class NamedSpan:
    start: int
    end: int
    label: str  # the model's label
    name: str  # the canonical form (a lemma in an inflected language, else the text)


def key(name: str) -> str:
    """Case, accents of letter case and spacing do not make another name."""
    return " ".join(unicodedata.normalize("NFKC", name).casefold().replace("ё", "е").split())


def entity_id(etype: str, name: str) -> str:
    """The article-level id: the type and the name in Latin letters (`person:sergey-lavrov`);
    the archive gives the corpus-wide one."""
    folded = unicodedata.normalize("NFKD", romanise(name)).encode("ascii", "ignore").decode().lower()
    return f"{etype.lower()}:{re.sub(r'[^a-z0-9]+', '-', folded).strip('-') or 'x'}"


def group_spans(text: str, spans: list[NamedSpan], country_of: dict[str, str] | None = None) -> list[Entity]:
    """`spans` as entities: one per name, a bare surname folded into its one full name, each
    typed by its mentions' vote; `country_of` maps a place's key to its ISO alpha-3 code, which
    makes it a GPE (a country) with that country."""
    country_of = country_of or {}
    kept = [s for s in spans if s.label in TYPES and s.name.strip() and text[s.start:s.end].strip()]
    groups: dict[str, list[NamedSpan]] = {}
    for s in sorted(kept, key=lambda s: (s.start, -s.end)):
        groups.setdefault(key(s.name), []).append(s)
    _fold_surnames(groups)
    return unique_ids([_entity(text, ms, country_of) for ms in groups.values()])


def _is_person(ms: list[NamedSpan]) -> bool:
    return Counter(TYPES[m.label] for m in ms).most_common(1)[0][0] == "PERSON"


def _fold_surnames(groups: dict[str, list[NamedSpan]]) -> None:
    full = [k for k, ms in groups.items() if len(k.split()) > 1 and _is_person(ms)]
    for k in [k for k, ms in groups.items() if len(k.split()) == 1 and _is_person(ms)]:
        owners = [f for f in full if f.split()[-1] == k]
        if len(owners) == 1:
            groups[owners[0]].extend(groups.pop(k))
            groups[owners[0]].sort(key=lambda s: s.start)


def _shown(name: str, etype: str) -> str:
    """Datelines and headlines set places and names in capitals (`МОСКВА`, `PARIS`); the name
    is shown as running text writes it. Acronyms (`США`, `NATO`, `ФРГ`) are short and kept."""
    if etype != "ORG" and name.isupper() and all(len(w) >= 5 for w in name.split()):
        return name.title()
    return name


def _entity(text: str, ms: list[NamedSpan], country_of: dict[str, str]) -> Entity:
    etype = Counter(TYPES[m.label] for m in ms).most_common(1)[0][0]
    # the fullest name said (a full name over its surname), then the most often said
    names = Counter(_shown(m.name, etype) for m in ms)
    name = max(names, key=lambda n: (len(n.split()), names[n], -_first(ms, n)))
    country = country_of.get(key(name)) if etype in ("LOC", "GPE") else None
    if country:
        etype = "GPE"
    aliases = [n for n in names if key(n) != key(name)]
    aliases = list(dict.fromkeys(aliases))
    return Entity(id=entity_id(etype, name), name=name, type=etype, aliases=aliases, country=country,
                  mentions=[Mention(m.start, m.end, text[m.start:m.end]) for m in ms])


def _first(ms: list[NamedSpan], name: str) -> int:
    return next((m.start for m in ms if m.name == name), ms[0].start)


def spacy_spans(doc: Doc) -> list[NamedSpan]:
    """A spaCy model's entities as named spans, named as written (French, Spanish and most
    languages spaCy covers do not inflect names)."""
    return [NamedSpan(e.start_char, e.end_char, e.label_, e.text) for e in doc.ents]


def link_speakers(article: Article) -> Article:
    """A quote's speaker, found by the language's quote rules as a name beside the quote, tied to
    the article's entity of that name (its canonical name, an alias or a mention as written:
    `Лавров` after `Сергей Лавров`). Only a name that fits exactly one person or organisation
    is tied; any other stays a name without an entity."""
    by_key: dict[str, set[str]] = {}
    names: dict[str, str] = {}
    for e in article.entities:
        if e.type not in ("PERSON", "ORG"):
            continue
        names[e.id] = e.name
        for form in (e.name, *e.aliases, *(m.text for m in e.mentions)):
            by_key.setdefault(key(form), set()).add(e.id)
    for q in article.quotes:
        if q.speaker and not q.speaker_entity:
            ids = by_key.get(key(q.speaker), set())
            if len(ids) == 1:
                (q.speaker_entity,) = ids
                q.speaker = names[q.speaker_entity]
    return article
