"""The event word lists of `lexicon/en/events_*.txt`, read once into lookup tables.

The pipeline runs without spaCy's lemmatizer (see `extract.nlp`), so the tables hold every
inflected form: the loader makes the regular ones, and the lists name the irregular ones.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from dateline import lexicon

VOWELS = "aeiou"


@dataclass(frozen=True, slots=True)
class Code:
    """What an event word means: a PLOVER type and, where the word says how, a mode."""

    type: str
    mode: str | None


def _doubles(base: str) -> bool:
    # One-syllable verbs ending consonant-vowel-consonant double it (`ban` -> `banned`,
    # `stab` -> `stabbed`); longer ones mostly do not (`visit` -> `visited`), so both spellings
    # are listed for those and the text decides which one occurs.
    return (len(base) >= 3 and base[-1] not in VOWELS + "wxy" and base[-2] in VOWELS
            and base[-3] not in VOWELS)


def verb_forms(base: str) -> set[str]:
    """Regular inflections of a base verb: -s, -ed, -ing, with English spelling rules."""
    if base.endswith("e"):
        return {base, base + "s", base + "d", base[:-1] + "ing"}
    if base.endswith("y") and base[-2] not in VOWELS:
        return {base, base[:-1] + "ies", base[:-1] + "ied", base + "ing"}
    if base.endswith(("s", "sh", "ch", "x", "z")):
        return {base, base + "es", base + "ed", base + "ing"}
    forms = {base, base + "s", base + "ed", base + "ing"}
    if _doubles(base):
        forms |= {base + base[-1] + "ed", base + base[-1] + "ing"}
    return forms


def noun_forms(noun: str) -> set[str]:
    """A noun and its regular plural (the last word of a compound takes it)."""
    if noun.endswith(("s", "sh", "ch", "x", "z")):
        return {noun, noun + "es"}
    if noun.endswith("y") and noun[-2] not in VOWELS:
        return {noun, noun[:-1] + "ies"}
    return {noun, noun + "s"}


def _code(value: str) -> Code:
    kind, _, mode = value.partition(" ")
    return Code(kind, mode.strip() or None)


def _heads(key: str, forms: callable) -> tuple[set[str], str]:  # type: ignore[valid-type]
    """The forms of an entry's head word (`base|irregular|...`) and the rest of the entry."""
    head, _, rest = key.partition(" ")
    base, *irregular = head.split("|")
    return forms(base) | set(irregular), rest


@cache
def verbs() -> dict[tuple[str, str], Code]:
    """(inflected verb, particle or preposition it governs, or "") -> its code."""
    out: dict[tuple[str, str], Code] = {}
    for key, value in lexicon.mapping("events_verbs").items():
        forms, particle = _heads(key, verb_forms)
        for form in forms:
            out.setdefault((form, particle), _code(value))
    return out


def _phrases(name: str) -> dict[str, str]:
    """A mapping list of nouns (one or more words) with the plural of each added."""
    out: dict[str, str] = {}
    for key, value in lexicon.mapping(name).items():
        *first, last = key.split(" ")
        base, *irregular = last.split("|")
        for form in noun_forms(base) | set(irregular):
            out.setdefault(" ".join([*first, form]), value)
    return out


@cache
def nouns() -> dict[str, Code]:
    """Event nouns, one or more words, singular and plural -> their code."""
    return {k: _code(v) for k, v in _phrases("events_nouns").items()}


@cache
def weapons() -> dict[str, str]:
    """Weapon words -> the PLOVER mode they give an attack."""
    return _phrases("events_weapons")


@cache
def sectors() -> dict[str, str]:
    """Words that say who an actor is -> sector code."""
    return _phrases("events_sectors")


@cache
def bodies() -> dict[str, str]:
    """Names of international bodies -> their code."""
    return lexicon.mapping("events_bodies")


@cache
def longest_body() -> int:
    """The most words a body's name has (`organization of american states`): names are
    looked up up to this length, so a longer entry is never missed."""
    return max(len(k.split()) for k in bodies())


@cache
def people() -> frozenset[str]:
    """Nouns of people and bodies of people who can act (`donors`, `shareholders`, `the
    board`), singular and plural."""
    out: set[str] = set()
    for entry in lexicon.words("events_people"):
        base, *irregular = entry.split("|")
        out |= noun_forms(base) | set(irregular)
    return frozenset(out)
