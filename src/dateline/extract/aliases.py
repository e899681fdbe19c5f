"""Aliases that a text defines: `Syrian Democratic Forces (SDF)`, `Daesh (ISIS/ISIL)`,
`ISIS [Islamic State]` and slash lists `Daesh/ISIS`.

spaCy has no component for this (its NER returns `Daesh/ISIS` as one span), so these are
patterns over the text; each name keeps its offsets so it can become a mention.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from dateline.extract.countries import country_code

# A name runs to at most 12 words: unbounded, a text of capitalised words with no bracket or
# slash (a headline list, a transcript in capitals) is rescanned from every word: quadratic.
NAME = r"[A-Z][\w.'&-]*(?:[ -](?:[A-Z][\w.'&-]*|of|for|and|the|de|al|on|to)){0,11}(?<![ -])"
DEFINED = re.compile(rf"(?P<name>{NAME})\s?[(\[](?P<inner>[^()\[\]\n]{{1,80}})[)\]]")
SLASHED = re.compile(
    r"(?<![\w/])(?P<all>[A-Z][\w'-]*(?: [A-Z][\w'-]*){0,11}(?:/[A-Z][\w'-]*(?: [A-Z][\w'-]*){0,11})+)"
    r"(?![\w/])"
)
PART_SPLIT = re.compile(r"\s*(?:/|;|,| or | aka | also known as )\s*")
LEADING = re.compile(r"^(?:The|A|An|In|On|At|By|For|From|With|And|But|Of)\s")


@dataclass(slots=True)
class Name:
    start: int
    end: int
    text: str


@dataclass(slots=True)
class AliasSet:
    """Names that the text says are one: the first is the name being defined."""

    names: list[Name]


def _initials(words: str) -> str:
    return "".join(w[0] for w in re.split(r"[ -]", words) if w and w[0].isupper())


def _acronym(part: str) -> bool:
    return bool(re.fullmatch(r"[A-Z][A-Z.&-]{1,9}s?", part))


def _trim_name(m: re.Match[str]) -> Name:
    text, start = m.group("name"), m.start("name")
    lead = LEADING.match(text)
    while lead and len(text) > lead.end():
        start += lead.end()
        text = text[lead.end() :]
        lead = LEADING.match(text)
    return Name(start, start + len(text), text)


def _fit_acronym(name: Name, acronym: str) -> Name | None:
    """The shortest tail of `name` whose initials spell `acronym`, else None."""
    letters = acronym.replace(".", "").replace("&", "").rstrip("s")
    words = list(re.finditer(r"[^ -]+", name.text))
    for i in range(len(words) - 1, -1, -1):
        tail = name.text[words[i].start() :]
        if _initials(tail).upper() == letters.upper():
            return Name(name.start + words[i].start(), name.end, tail)
    return None


def _parts(inner: str, offset: int) -> list[Name]:
    out = []
    pos = 0
    for piece in PART_SPLIT.split(inner):
        idx = inner.index(piece, pos)
        pos = idx + len(piece)
        piece_s = piece.strip()
        if piece_s:
            lead = len(piece) - len(piece.lstrip())
            out.append(Name(offset + idx + lead, offset + idx + lead + len(piece_s), piece_s))
    return out


def _defined(m: re.Match[str], bracket: str) -> AliasSet | None:
    name = _trim_name(m)
    parts = _parts(m.group("inner"), m.start("inner"))
    if not parts or not all(p.text[:1].isupper() for p in parts):
        return None
    if len(parts) == 1:
        part = parts[0].text
        if _acronym(part):
            fitted = _fit_acronym(name, part)
            if fitted is None:
                return None
            name = fitted
        elif bracket != "[" or country_code(part):
            # `Paris (France)` qualifies a place; only editorial brackets rename.
            return None
    if any(re.search(r"\d", p.text) for p in parts):
        return None
    return AliasSet([name, *parts])


def _slashed(m: re.Match[str]) -> AliasSet | None:
    parts = _parts(m.group("all"), m.start("all"))
    if any(len(p.text) < 2 for p in parts):
        return None
    codes = {country_code(p.text) for p in parts}
    if len(parts) > 1 and len(codes - {None}) > 1:
        return None  # `US/UK` lists two countries, not two names of one
    return AliasSet(parts)


def find_aliases(text: str) -> list[AliasSet]:
    """Every alias definition and slash list in `text`, with offsets."""
    out: list[AliasSet] = []
    for m in DEFINED.finditer(text):
        bracket = text[m.end("inner") : m.end("inner") + 1]
        found = _defined(m, "[" if bracket == "]" else "(")
        if found:
            out.append(found)
    for m in SLASHED.finditer(text):
        found = _slashed(m)
        if found:
            out.append(found)
    return out
