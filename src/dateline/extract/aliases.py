"""Aliases that a text defines: `Syrian Democratic Forces (SDF)`, `Daesh (ISIS/ISIL)`,
`ISIS [Islamic State]`, `Daesh, also known as ISIS`, `Meta (formerly Facebook)`.

An alias set says that two names are one entity, and the archive then links that entity by
either name in every article: a wrong set files one person's words under another. So a set
is made only where the text defines a name: a name followed by brackets, by `also known as`
or `formerly`, or an acronym whose letters fit the words before it. A slash outside a
definition is how news lists two things side by side (`the Obama/Clinton calls`, `a
Walker/Cruz ticket`, `a New York Times/CBS News poll`); it joins names only when one is the
acronym of the other (`Islamic State/IS`). Inside a definition it lists aliases
(`Daesh (ISIS/ISIL/Islamic State)`).

spaCy has no component for this (its NER returns `Daesh/ISIS` as one span), so these are
patterns over the text; each name keeps its offsets so it can become a mention.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from dateline import lexicon
from dateline.extract.countries import country_code

# A name runs to at most 12 words: unbounded, a text of capitalised words with no bracket or
# slash (a headline list, a transcript in capitals) is rescanned from every word: quadratic.
NAME = r"[A-Z][\w.'&-]*(?:[ -](?:[A-Z][\w.'&-]*|of|for|and|the|de|al|on|to)){0,11}(?<![ -])"
DEFINED = re.compile(rf"(?P<name>{NAME})\s?[(\[](?P<inner>[^()\[\]\n]{{1,80}})[)\]]")
# `X, also known as Y` / `X, formerly known as Y`: the words that say a second name follows.
# A bare `formerly` is left out here: outside brackets it is mostly followed by a past
# role (`Jane Doe, formerly Chief Executive of Acme`), not a name.
AKA_WORDS = "|".join(re.escape(w) for w in lexicon.entries("alias_cues"))
AKA_CUE = re.compile(rf"^(?:{AKA_WORDS})\s+", re.IGNORECASE)
AKA = re.compile(rf"(?P<name>{NAME}),?\s+(?P<cue>{AKA_WORDS})\s+(?P<alias>{NAME})")
# At most 12 words a part: a name is never longer, and an unbounded run of capitalised words
# (a transcript in capitals) would make the slash pattern's matching super-linear.
SLASH_PART = r"[A-Z][\w'-]*(?: (?:of |and |for |the ){0,3}[A-Z][\w'-]*){0,11}"
SLASHED = re.compile(rf"(?<![\w/])(?P<all>{SLASH_PART}(?:/{SLASH_PART})+)(?![\w/])")
SLASH_SPLIT = re.compile(r"\s*/\s*")
ACRONYM_SPLIT = re.compile(r"\s*(?:/|,|;)\s*")
LEADING = re.compile(r"^(?:The|A|An|In|On|At|By|For|From|With|And|But|Of)\s")
# A party and state after a politician's name (`(R-Texas)`, `(D-N.Y.)`, `(R)`): a
# designation, not a name.
PARTY = re.compile(r"[A-Z](?:-[A-Z][\w.]*(?: [A-Z][\w.]*)*)?\.?")


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


def _trim_name(text: str, start: int) -> Name:
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


def _split(inner: str, offset: int, sep: re.Pattern[str]) -> list[Name]:
    out = []
    pos = 0
    for piece in sep.split(inner):
        idx = inner.index(piece, pos)
        pos = idx + len(piece)
        piece_s = piece.strip()
        if piece_s:
            lead = len(piece) - len(piece.lstrip())
            out.append(Name(offset + idx + lead, offset + idx + lead + len(piece_s), piece_s))
    return out


def _is_name(part: str) -> bool:
    """A part that can be another name of something: capitalised, no figures, more than a
    letter, not a party-and-state designation."""
    return (part[:1].isupper() and len(part) > 1 and not re.search(r"\d", part)
            and not PARTY.fullmatch(part))


def _inner_names(inner: str, offset: int) -> tuple[list[Name], bool]:
    """The names inside brackets, and whether a cue (`also known as`, `formerly`) said they
    are names of the same thing."""
    cue = AKA_CUE.match(inner) or re.match(r"^formerly\s+", inner, re.IGNORECASE)
    if cue:
        inner, offset = inner[cue.end() :], offset + cue.end()
    parts = _split(inner, offset, SLASH_SPLIT)
    if len(parts) == 1 and not cue:
        parts = _split(inner, offset, ACRONYM_SPLIT)
        if len(parts) > 1 and not all(_acronym(p.text) for p in parts):
            return [], False  # `(R, Texas)`, `(Reuters, AP)`: a list, not a definition
    return parts, cue is not None


def _defined(m: re.Match[str], bracket: str) -> AliasSet | None:
    name = _trim_name(m.group("name"), m.start("name"))
    parts, cued = _inner_names(m.group("inner"), m.start("inner"))
    if not parts or not all(_is_name(p.text) for p in parts):
        return None
    if len(parts) == 1 and not cued:
        part = parts[0].text
        if _acronym(part):
            fitted = _fit_acronym(name, part)
            if fitted is None:
                return None
            name = fitted
        elif bracket != "[" or country_code(part):
            # `Paris (France)` qualifies a place; only editorial brackets rename.
            return None
    if len(parts) > 1 and sum(1 for p in parts if country_code(p.text)) > 1:
        return None  # `(US/UK)` lists two countries, not two names of one thing
    return AliasSet([name, *parts])


def _also_known(m: re.Match[str]) -> AliasSet | None:
    name = _trim_name(m.group("name"), m.start("name"))
    alias = Name(m.start("alias"), m.end("alias"), m.group("alias"))
    if not _is_name(alias.text):
        return None
    return AliasSet([name, alias])


def _slashed(m: re.Match[str]) -> AliasSet | None:
    """`Islamic State/IS`: one part the acronym of another. Any other slash lists names
    side by side (`the Obama/Clinton calls`) and defines nothing."""
    parts = _split(m.group("all"), m.start("all"), SLASH_SPLIT)
    if len(parts) != 2 or any(len(p.text) < 2 for p in parts):
        return None
    for short, long in (parts, parts[::-1]):
        if _acronym(short.text) and not _acronym(long.text):
            fitted = _fit_acronym(long, short.text)
            if fitted is not None:
                return AliasSet([fitted, short])
    return None


def find_aliases(text: str) -> list[AliasSet]:
    """Every alias the text defines, with offsets."""
    out: list[AliasSet] = []
    for m in DEFINED.finditer(text):
        bracket = text[m.end("inner") : m.end("inner") + 1]
        found = _defined(m, "[" if bracket == "]" else "(")
        if found:
            out.append(found)
    for m in AKA.finditer(text):
        found = _also_known(m)
        if found:
            out.append(found)
    for m in SLASHED.finditer(text):
        found = _slashed(m)
        if found:
            out.append(found)
    return out
