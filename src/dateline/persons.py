"""Person names in parts: first names, surname, middle initials, honorifics set aside.

Shared by the entity layer (which names in one article are one person) and the archive
(which names may link articles: a full name, never a bare surname).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

HONORIFICS = frozenset("mr mrs ms miss dr sir dame lady lord prof rev".split())
SUFFIXES = frozenset("jr sr ii iii iv".split())
_INITIALS = re.compile(r"^(?:[A-Z]\.){1,3}$|^[A-Z]$")
_POSSESSIVE = re.compile(r"['\u2019]s?$")


@dataclass(slots=True)
class PersonName:
    firsts: tuple[str, ...]  # first and middle names, case folded
    surname: str  # case folded
    initials: tuple[str, ...]  # middle initials, as letters (`J.` -> `j`)
    suffix: str = ""  # `jr`, `sr`, `ii`...: a son or father of the same name is someone else


def parse_name(name: str) -> PersonName | None:
    """A name's parts, honorifics and suffixes aside; None for a name with no word left."""
    firsts: list[str] = []
    initials: list[str] = []
    suffix = ""
    for w in name.replace(",", " ").split():
        bare = w.rstrip(".").casefold()
        if bare in SUFFIXES:
            suffix = bare
            continue
        if bare in HONORIFICS:
            continue
        if _INITIALS.match(w):
            initials += [c.casefold() for c in w if c.isalpha()]
            continue
        firsts.append(_POSSESSIVE.sub("", w).casefold())
    if not firsts:
        return None
    return PersonName(tuple(firsts[:-1]), firsts[-1], tuple(initials), suffix)


def same_person(a: PersonName, b: PersonName) -> bool:
    """Two full names of one person: the same surname, the first and middle names of one
    among the other's (`Hillary Rodham Clinton`, `Hillary Clinton`; `Republican Donald
    Trump` where NER took in the party), and no clash of middle initials or suffixes
    (`Donald Trump Jr.` is the son of `Donald Trump`: an article naming both means two)."""
    if a.surname != b.surname or not a.firsts or not b.firsts or a.suffix != b.suffix:
        return False
    short, long = sorted((a.firsts, b.firsts), key=len)
    if not set(short) <= set(long):
        return False
    return not (a.initials and b.initials and a.initials != b.initials)
