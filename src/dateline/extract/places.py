"""Places on the map: the article's places (GPE, LOC, FAC entities and the dateline) resolved
to the gazetteer, each kept on its entity as `place`, the dateline's as `dateline.location`.

Runs after entities and before events, which then read a city's country from its entity
(`Kharkiv` -> UKR). How a name's candidates are chosen between is `dateline.places.resolve`.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from dateline.model import Article, Entity, Location
from dateline.places.gazetteer import Entry, Gazetteer, gazetteer, outlet_country
from dateline.places.resolve import Context, areas_of, certain, choose, within

PLACE_TYPES = frozenset({"GPE", "LOC", "FAC"})
# A compass word written in lower case before a place (`northeast Syria`, `southern Iraq`) says
# where in the place, not another place; capitalised it is part of a name (`North Korea`,
# `Northern Ireland`, `West Virginia`), which is looked up whole first.
DIRECTION = re.compile(r"^(?:north|south|east|west|northeast|northwest|southeast|southwest|northern|"
                       r"southern|eastern|western|central|north-east|north-west|south-east|"
                       r"south-west|northeastern|northwestern|southeastern|southwestern)\s+")
# `Paris, Texas` / `Portland, Maine` / `Richmond, Va.`: the words after a place's comma.
QUALIFIER = re.compile(r",\s*(?P<q>[A-Z][A-Za-z.]*(?:\s+[A-Z][A-Za-z.]*)?)")


def candidates(gaz: Gazetteer, name: str) -> list[Entry]:
    found = gaz.lookup(name)
    if not found and DIRECTION.match(name):
        found = gaz.lookup(DIRECTION.sub("", name, count=1))
    return found


def _qualifier(gaz: Gazetteer, text: str, end: int) -> Entry | None:
    m = QUALIFIER.match(text, end)
    if m is None:
        return None
    words = m.group("q").split()
    # `Paris, Texas, said` has a one-word qualifier; try two words, then one.
    return gaz.area(" ".join(words)) or (gaz.area(words[0]) if len(words) > 1 else None)


def _entity_qualifier(gaz: Gazetteer, text: str, e: Entity, found: list[Entry]) -> Entry | None:
    if any(c.kind == "country" for c in found):
        # A country is not qualified by another place: `Brazil, Mexico, Philippines` is a list.
        return None
    for m in e.mentions:
        q = _qualifier(gaz, text, m.end)
        if q is not None:
            return q
    return None


def location(e: Entry) -> Location:
    return Location(id=e.id, name=e.name, kind=e.kind, country=e.country, region=e.region,
                    lat=None if e.lat is None else round(e.lat, 4),
                    lon=None if e.lon is None else round(e.lon, 4))


def _split(gaz: Gazetteer, name: str) -> tuple[list[Entry], Entry | None]:
    """A name's candidates, and the qualifier written into it (`Richmond, Va.`)."""
    head, _, tail = (part.strip() for part in name.partition(","))
    if not tail:
        return candidates(gaz, name), None
    qualifier = gaz.area(tail)
    heads = candidates(gaz, head)
    if qualifier is None:
        # `Annapolis, Maryland`, `Glasgow, Scotland`: the qualifier names more than one area
        # (a US state and a Liberian county; a nation and its region); a writer qualifies a
        # place by the area that holds it, so the one area holding a place of that name is meant
        areas = [e for e in gaz.lookup(tail) if e.kind in ("country", "region") and not e.alternate]
        held = {a.id: a for a in areas if any(within(c, a) for c in heads)}
        qualifier = next(iter(held.values())) if len(held) == 1 else None
    return (heads if qualifier else candidates(gaz, name)), qualifier


def _dateline(gaz: Gazetteer, article: Article, sure: list[Entry], outlet: list[Entry]) -> Entry | None:
    dl = article.dateline
    if dl is None or not dl.place:
        return None
    found, qualifier = _split(gaz, dl.place)
    # A dateline without its state (`BIRMINGHAM, March 4 -` over a story about a bank in
    # Alabama) is settled by the places the story names for certain, then by the outlet.
    regions, countries = areas_of(sure, gaz)
    return choose(found, Context(regions=regions, countries=countries, outlet=outlet), qualifier, own=True)


def resolve_places(article: Article, doc: Doc | None = None) -> Article:
    """Each place entity's `place` and the dateline's `location`; a resolved place's country
    becomes its entity's `country` (a city's country; `Georgia` the state is USA)."""
    gaz = gazetteer()
    outlet = [gaz.countries[c] for c in [outlet_country(article.url)] if c in gaz.countries]
    ents = [e for e in article.entities if e.type in PLACE_TYPES]
    split = {e.id: _split(gaz, e.name) for e in ents}
    found = {i: f for i, (f, _) in split.items()}
    quals = {e.id: split[e.id][1] or _entity_qualifier(gaz, article.text, e, found[e.id]) for e in ents}
    own = {e.id for e in ents if split[e.id][1] is not None}
    sure = {e.id: certain(found[e.id], quals[e.id]) for e in ents}
    demonyms = [gaz.countries[x.country] for x in article.entities if x.type == "NORP" and x.country in gaz.countries]
    # the dateline's own entity (`Birmingham`, named nowhere else) is no evidence for the dateline
    named = [s for i, s in sure.items() if s is not None and not _is_dateline(article, ents, i)]
    dl = _dateline(gaz, article, named + demonyms, outlet)
    if article.dateline is not None:
        article.dateline.location = location(dl) if dl is not None else None
    near = areas_of([dl], gaz) if dl is not None else ([], [])
    for e in ents:
        # Evidence for an entity comes from the other entities: `Georgia` is no evidence for itself.
        others = [s for i, s in sure.items() if s is not None and i != e.id] + demonyms
        regions, countries = areas_of(others, gaz)
        ctx = Context(dateline=near[0] + near[1], regions=regions, countries=countries, outlet=outlet)
        chosen = sure[e.id] or choose(found[e.id], ctx, quals[e.id], own=e.id in own)
        e.place = location(chosen) if chosen is not None else None
        if chosen is not None:
            # The place's country, chosen with the article's evidence, over the one the entities
            # stage read from the name alone (`Georgia` the US state is not GEO).
            e.country = chosen.country
    return article


def _is_dateline(article: Article, ents: list[Entity], ident: str) -> bool:
    dl = article.dateline
    e = next(x for x in ents if x.id == ident)
    return dl is not None and dl.place is not None and not e.mentions and e.name.casefold() == dl.place.casefold()
