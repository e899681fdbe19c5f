"""Cyrillic names in Latin letters, by published romanisation standards (the `iuliia` package).

A Russian article names `Сергей Лавров`; an English one `Sergei Lavrov` or `Sergey Lavrov`. The
two link only when a standard romanisation of the Russian full name gives the English one
exactly: no fuzzy matching, no guessing. The standards tried, in this order:

- Wikipedia's simplified BGN/PCGN (English Wikipedia and many outlets): `Сергей` -> `Sergey`,
  `Дмитрий` -> `Dmitry`, `Навальный` -> `Navalny`;
- BGN/PCGN 1947 (US and UK governments, maps): `Дмитрий` -> `Dmitriy`;
- ICAO Doc 9303 (passports since 2013; the `-ei` of wire copy): `Сергей` -> `Sergei`.

Known English spellings that no standard gives are left unlinked: the traditional `Alexei` and
`Alexander` (the standards write `Aleksey`, `Aleksandr`), `Maria` (`Mariya`/`Mariia`), French
or German forms (`Chostakovitch`), and names with a conventional English form (`Tchaikovsky`).
Such a person links across languages only through an alias an article defines.
"""

from __future__ import annotations

import re
from functools import lru_cache

import iuliia

SCHEMAS = (iuliia.WIKIPEDIA, iuliia.BGN_PCGN, iuliia.ICAO_DOC_9303)
_CYRILLIC = re.compile(r"[\u0400-\u04FF]")
# BGN/PCGN marks the soft and hard signs with primes (`Naval’nyy`); a name in English copy never
# carries them, so they are dropped from the forms compared.
_PRIMES = str.maketrans("", "", "’ʹʺ\"'")


def has_cyrillic(text: str) -> bool:
    return _CYRILLIC.search(text) is not None


def romanise(name: str) -> str:
    """`name` in Latin letters by the first standard (Wikipedia's); a name with no Cyrillic
    letter comes back as it is."""
    return romanised_forms(name)[0] if has_cyrillic(name) else name


@lru_cache(maxsize=4096)
def romanised_forms(name: str) -> tuple[str, ...]:
    """Each standard's romanisation of `name`, without repeats, in the order of SCHEMAS."""
    if not has_cyrillic(name):
        return (name,)
    forms = [schema.translate(name).translate(_PRIMES) for schema in SCHEMAS]
    return tuple(dict.fromkeys(forms))
