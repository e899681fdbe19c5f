"""Country names, common short forms and demonyms to ISO 3166-1 alpha-3.

pycountry knows the official and common names; news writes `US`, `U.S.`, `Britain`,
`Russia` and demonyms (`Iraqi`, `Syrian`), which pycountry does not list, so a short table
of those comes first.
"""

from __future__ import annotations

from functools import lru_cache

import pycountry

COMMON: dict[str, str] = {
    "us": "USA", "u.s.": "USA", "u.s": "USA", "usa": "USA", "u.s.a.": "USA", "america": "USA",
    "united states": "USA", "united states of america": "USA", "the states": "USA",
    "uk": "GBR", "u.k.": "GBR", "britain": "GBR", "great britain": "GBR", "england": "GBR",
    "scotland": "GBR", "wales": "GBR", "russia": "RUS", "iran": "IRN", "syria": "SYR",
    "south korea": "KOR", "north korea": "PRK", "korea": "KOR", "vietnam": "VNM",
    "taiwan": "TWN", "laos": "LAO", "bolivia": "BOL", "venezuela": "VEN", "tanzania": "TZA",
    "moldova": "MDA", "czech republic": "CZE", "turkey": "TUR", "holland": "NLD",
    "the netherlands": "NLD", "ivory coast": "CIV", "drc": "COD", "dr congo": "COD",
    "democratic republic of congo": "COD", "democratic republic of the congo": "COD",
    "uae": "ARE", "emirates": "ARE", "palestine": "PSE", "gaza": "PSE", "west bank": "PSE",
    "vatican": "VAT", "macedonia": "MKD", "burma": "MMR", "swaziland": "SWZ",
    "cape verde": "CPV", "east timor": "TLS", "brunei": "BRN", "micronesia": "FSM",
    "soviet union": "SUN", "ussr": "SUN", "the soviet union": "SUN", "prc": "CHN",
    "mainland china": "CHN", "hong kong": "HKG", "kosovo": "XKX",
}

DEMONYMS: dict[str, str] = {
    "american": "USA", "americans": "USA", "british": "GBR", "briton": "GBR", "britons": "GBR",
    "english": "GBR", "russian": "RUS", "russians": "RUS", "iranian": "IRN", "iranians": "IRN",
    "iraqi": "IRQ", "iraqis": "IRQ", "syrian": "SYR", "syrians": "SYR", "afghan": "AFG",
    "afghans": "AFG", "chinese": "CHN", "japanese": "JPN", "german": "DEU", "germans": "DEU",
    "french": "FRA", "italian": "ITA", "italians": "ITA", "spanish": "ESP", "indian": "IND",
    "indians": "IND", "pakistani": "PAK", "pakistanis": "PAK", "israeli": "ISR",
    "israelis": "ISR", "palestinian": "PSE", "palestinians": "PSE", "turkish": "TUR",
    "turks": "TUR", "saudi": "SAU", "saudis": "SAU", "egyptian": "EGY", "egyptians": "EGY",
    "ukrainian": "UKR", "ukrainians": "UKR", "polish": "POL", "canadian": "CAN",
    "canadians": "CAN", "mexican": "MEX", "mexicans": "MEX", "brazilian": "BRA",
    "australian": "AUS", "australians": "AUS", "korean": "KOR", "south korean": "KOR",
    "north korean": "PRK", "vietnamese": "VNM", "lebanese": "LBN", "jordanian": "JOR",
    "libyan": "LBY", "libyans": "LBY", "yemeni": "YEM", "qatari": "QAT",
    "emirati": "ARE", "nigerian": "NGA", "kenyan": "KEN", "ethiopian": "ETH",
    "south african": "ZAF", "dutch": "NLD", "belgian": "BEL", "swiss": "CHE",
    "swedish": "SWE", "norwegian": "NOR", "danish": "DNK", "finnish": "FIN", "greek": "GRC",
    "irish": "IRL", "portuguese": "PRT", "cuban": "CUB", "venezuelan": "VEN",
    "colombian": "COL", "argentine": "ARG", "argentinian": "ARG", "chilean": "CHL",
    "peruvian": "PER", "filipino": "PHL", "indonesian": "IDN", "malaysian": "MYS",
    "thai": "THA", "taiwanese": "TWN", "belarusian": "BLR", "georgian": "GEO",
    "armenian": "ARM", "azerbaijani": "AZE", "kazakh": "KAZ", "uzbek": "UZB", "serbian": "SRB",
    "croatian": "HRV", "hungarian": "HUN", "czech": "CZE", "romanian": "ROU",
    "bulgarian": "BGR", "austrian": "AUT", "soviet": "SUN",
}

# Names to show for a country: the short forms news uses, not the ISO official style.
DISPLAY: dict[str, str] = {
    "USA": "United States", "GBR": "United Kingdom", "RUS": "Russia", "IRN": "Iran",
    "SYR": "Syria", "KOR": "South Korea", "PRK": "North Korea", "VNM": "Vietnam",
    "TWN": "Taiwan", "BOL": "Bolivia", "VEN": "Venezuela", "TZA": "Tanzania", "LAO": "Laos",
    "MDA": "Moldova", "COD": "Democratic Republic of the Congo", "CZE": "Czech Republic",
    "TUR": "Turkey", "PSE": "Palestine", "SUN": "Soviet Union", "XKX": "Kosovo",
}


def _key(name: str) -> str:
    key = " ".join(name.lower().split())
    return key[4:] if key.startswith("the ") and key not in COMMON else key


@lru_cache(maxsize=4096)
def country_code(name: str) -> str | None:
    """ISO alpha-3 for a country name or short form (`US`, `the United States`), else None."""
    key = _key(name)
    if key in COMMON:
        return COMMON[key]
    if len(key) < 4:
        # pycountry would read `IN` or `ME` as codes; short strings in text are not codes.
        return None
    try:
        return pycountry.countries.lookup(key).alpha_3
    except LookupError:
        return None


def demonym_code(word: str) -> str | None:
    """ISO alpha-3 for a demonym (`Iraqi`, `Syrians`), else None."""
    return DEMONYMS.get(_key(word))


def display_name(code: str) -> str:
    """The name news uses for a country code."""
    if code in DISPLAY:
        return DISPLAY[code]
    c = pycountry.countries.get(alpha_3=code)
    if c is None:
        return code
    return getattr(c, "common_name", None) or c.name
