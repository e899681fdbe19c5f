"""Which place a name means, from the article's own evidence: pure code over the gazetteer.

A name (`Paris`, `Georgia`, `Tripoli`, `Portland`) has candidates in the gazetteer. The
article narrows them, strongest evidence first:

1. a qualifier written after the name (`Paris, Texas`, `Portland, Maine`, `RICHMOND, Va.`):
   writers add one exactly when the bare name would mislead, so it decides;
2. the dateline: a story is mostly about where it was filed (its region, then its country);
3. the regions, then the countries, that the article names elsewhere (`Maine` two sentences
   on; a city with one candidate only, such as `Tbilisi`, names its country too; a demonym);
4. the outlet's home country, where the article's web address says it (`.fr`, `.co.uk`);
5. population: with no evidence left, the most populous candidate, but only when it is at
   least `RATIO` times the next one of another country, which is what readers take a bare
   name to mean (`Paris` is the French one). Otherwise the name stays unresolved: a guess
   between `Georgia` the country and the US state is wrong half the time, and a wrong point
   on a map misleads more than a missing one.

A step narrows the candidates only to those it supports, and not at all when a candidate it
does not support has more than `FAR` times the people of the best one it does: a story filed
in Texas that mentions `Paris` still means France (2.1 million against 25,000 people), while
one filed in Beirut that mentions `Tripoli` means Lebanon's (230,000 against Libya's 1.3 million).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from dateline.places.gazetteer import ALTERNATE_MIN_POPULATION, Entry, Gazetteer

RATIO = 5
FAR = 20


@dataclass(slots=True)
class Context:
    """The evidence an article gives about where it is: each set holds gazetteer entries
    (a region or a country) that a candidate may lie in."""

    dateline: list[Entry] = field(default_factory=list)
    regions: list[Entry] = field(default_factory=list)
    countries: list[Entry] = field(default_factory=list)
    outlet: list[Entry] = field(default_factory=list)


def within(place: Entry, area: Entry) -> bool:
    """The place lies in the area (or is it): same country for a country, same region for a region."""
    if area.kind == "country":
        return place.country == area.country
    return place.country == area.country and area.region is not None and place.region == area.region


def prefer(cands: Sequence[Entry]) -> list[Entry]:
    """Candidates without those a news reader would not take the name for: a first-level
    region that shares its name with a big city of its own country (`Washington`, `New York`,
    `Quebec`; the region is then written `Washington state`), and repeats of one entry."""
    seen: set[str] = set()
    out = []
    for c in cands:
        if c.id in seen:
            continue
        seen.add(c.id)
        if c.kind == "region" and any(o.kind == "city" and o.country == c.country
                                      and o.population >= ALTERNATE_MIN_POPULATION for o in cands):
            continue
        out.append(c)
    return out


def _narrow(cands: list[Entry], areas: Iterable[Entry]) -> list[Entry]:
    areas = list(areas)
    if not areas:
        return cands
    keep = [c for c in cands if any(within(c, a) for a in areas)]
    if not keep or len(keep) == len(cands):
        return cands
    best = max(c.population for c in keep)
    rival = max(c.population for c in cands if c not in keep)
    return keep if rival <= FAR * max(best, 1) else cands


def _by_people(cands: list[Entry]) -> Entry | None:
    ranked = sorted(cands, key=lambda c: (-c.population, c.kind != "city", c.id))
    top = ranked[0]
    others = [c for c in ranked[1:] if c.country != top.country]
    if not others or top.population >= RATIO * max(others[0].population, 1):
        return top
    return None


def choose(cands: Sequence[Entry], ctx: Context, qualifier: Entry | None = None) -> Entry | None:
    """The entry a name means in this article, or None when the evidence is too weak."""
    left = prefer(cands)
    if not left:
        return None
    if qualifier is not None:
        qualified = [c for c in left if within(c, qualifier)]
        if qualified:
            left = qualified
    for areas in (
        [a for a in ctx.dateline if a.kind == "region"], [a for a in ctx.dateline if a.kind == "country"],
        ctx.regions, ctx.countries, ctx.outlet,
    ):
        if len(left) == 1:
            break
        left = _narrow(left, areas)
    return _by_people(left)


def certain(cands: Sequence[Entry], qualifier: Entry | None = None) -> Entry | None:
    """The entry a name means whatever the rest of the article says: the only candidate, or the
    only one in the written qualifier's area. Such places are evidence for the others."""
    left = prefer(cands)
    if qualifier is not None:
        left = [c for c in left if within(c, qualifier)] or left
    return left[0] if len(left) == 1 else None


def areas_of(entries: Iterable[Entry], gaz: Gazetteer) -> tuple[list[Entry], list[Entry]]:
    """The regions and countries some places lie in (a region or country counts as itself)."""
    regions: dict[str, Entry] = {}
    countries: dict[str, Entry] = {}
    for e in entries:
        if e.region and e.region in gaz.regions:
            regions[e.region] = gaz.regions[e.region]
        if e.country in gaz.countries:
            countries[e.country] = gaz.countries[e.country]
    return list(regions.values()), list(countries.values())
