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
does not support has more people than the best one it does by more than a factor: `FAR_REGION`
for evidence of a region, `FAR_COUNTRY` for evidence of a country, which is weaker (a story
filed in a country is about the world as often as about the country; the US has a town named
after most cities abroad). A story filed in Texas that mentions `Paris` still means France
(2.1 million against 25,000 people), one filed in Beirut that mentions `Tripoli` means
Lebanon's (230,000 against Libya's 1.3 million), and one filed in Washington that mentions
`Geneva` the Swiss city (183,000 against 21,000 in Illinois).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from dateline.places.gazetteer import ALTERNATE_MIN_POPULATION, Entry, Gazetteer

RATIO = 5
FAR_REGION = 20
FAR_COUNTRY = 6


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


def _narrow(cands: list[Entry], areas: Iterable[Entry], far: float) -> list[Entry]:
    areas = list(areas)
    if not areas:
        return cands
    keep = [c for c in cands if any(within(c, a) for a in areas)]
    if not keep or len(keep) == len(cands):
        return cands
    best = max(c.population for c in keep)
    rival = max(c.population for c in cands if c not in keep)
    # a region of unknown weight cannot be outweighed: the evidence for it stands
    return keep if best == 0 or rival <= far * best else cands


def _by_people(cands: list[Entry]) -> Entry | None:
    ranked = sorted(cands, key=lambda c: (-c.population, c.kind != "city", c.id))
    top = ranked[0]
    others = [c for c in ranked[1:] if c.country != top.country]
    if not others:
        return top
    if any(c.kind == "region" and not c.population for c in others):
        # A region abroad whose people no shipped table counts (`Ontario` the province against
        # Ontario, California) cannot be weighed: the name stays open unless evidence decides.
        return None
    return top if top.population >= RATIO * max(others[0].population, 1) else None


def choose(cands: Sequence[Entry], ctx: Context, qualifier: Entry | None = None,
           own: bool = False) -> Entry | None:
    """The entry a name means in this article, or None when the evidence is too weak.

    `qualifier` is an area written after the name; `own` says it is part of the name itself
    (`Elwood, Kan.` as one dateline or entity), not words that happen to follow it in a
    sentence (`talks in Geneva, Iran and ...`), which may be a list rather than a qualifier."""
    left = prefer(cands)
    if qualifier is not None:
        qualified = [c for c in left if within(c, qualifier)]
        if qualified:
            return _by_people(qualified)
        if own or not left:
            # A place written with its state or country that the gazetteer does not know (a
            # town under 15,000 people: `Elwood, Kan.`) is at least in that area.
            return qualifier
    if not left:
        return None
    stages = (([a for a in ctx.dateline if a.kind == "region"], FAR_REGION),
              ([a for a in ctx.dateline if a.kind == "country"], FAR_COUNTRY),
              (ctx.regions, FAR_REGION), (ctx.countries, FAR_COUNTRY), (ctx.outlet, FAR_COUNTRY))
    for areas, far in stages:
        if len(left) == 1:
            break
        left = _narrow(left, areas, far)
    chosen = _by_people(left)
    if chosen is not None and not chosen.population and not _supported(chosen, [a for a, _ in stages]):
        # A region known only by its ISO name, with no figure of its people, is a weak match on
        # its own: such names are often plain words (`Gulf`, `Delta`, `Central`), and need the
        # article to name its country.
        return None
    return chosen


def _supported(place: Entry, stages: Iterable[list[Entry]]) -> bool:
    return any(within(place, a) for areas in stages for a in areas)


def certain(cands: Sequence[Entry], qualifier: Entry | None = None) -> Entry | None:
    """The entry a name means whatever the rest of the article says: the only candidate (one
    whose weight is known), or the only one in the written qualifier's area. Such places are
    evidence for the others."""
    left = prefer(cands)
    if qualifier is not None:
        qualified = [c for c in left if within(c, qualifier)]
        if qualified:
            return qualified[0] if len(qualified) == 1 else None
    return left[0] if len(left) == 1 and left[0].population else None


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
