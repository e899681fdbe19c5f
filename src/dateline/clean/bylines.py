"""Bylines written into the text: `By Ann Lee and Bo Park`, `Ann Lee, Reuters`.

A byline names who wrote the story; it is not part of the story. Pages and dumps print it as
a line of its own above the story (or below it, on wire copy). Such a line leaves the body
(kept in `removed`, reason `byline`) and its names go to `authors`. A line is a byline only
if, once the names are read off it, nothing but an agency or a job title is left: a sentence
that starts with `By` (`By Tuesday the river had risen`) has words that are not names.
"""

from __future__ import annotations

import re

from dateline import lexicon

AGENCIES = lexicon.mapping("agencies")
MAX_BYLINE_WORDS = 16
# Where a byline stands: above the story (behind a kicker or a photo credit at most), or at
# its very end.
HEAD_PIECES = 3

_PARTICLE = r"(?:de|da|del|della|der|den|di|du|van|von|la|le|bin|al|el|ibn|ben|st\.?)"
_NAME_WORD = r"(?:[A-Z][a-z'\u2019]*[A-Za-z'\u2019.-]*|[A-Z]\.)"
_NAME = rf"{_NAME_WORD}(?:\s+(?:{_PARTICLE}\s+){{0,2}}{_NAME_WORD}){{1,3}}"
_NAMES = rf"(?P<names>{_NAME}(?:\s*,\s*{_NAME})*(?:,?\s+(?:and|&)\s+{_NAME})?)"
_ROLE = (
    r"(?:(?:senior|chief|staff|special|political|foreign|contributing|associate|deputy|sports|"
    r"business|science|health|investigations?|national|local|managing|assistant)\s+)*"
    r"(?:writer|reporter|correspondent|editor|contributor|columnist|producer|analyst|"
    r"journalist|photographer|critic|staff)s?"
)
_TAIL = r"(?:\s*(?:,|\||\u2014|\u2013|-|for|of)\s*(?:the\s+)?(?P<rest>[^,|]{1,60}))?"
# Names are matched case-sensitively (capitalised words), `By` in any case.
_BY = re.compile(rf"^(?i:by)\s*:?\s+{_NAMES}{_TAIL}\s*\.?$")
_NAME_AGENCY = re.compile(rf"^{_NAMES}\s*,\s*(?P<rest>[^,]{{1,40}})\.?$")
_SPLIT = re.compile(r"\s*(?:,|\band\b|&)\s*")


def _rest_is_credit(rest: str | None) -> bool:
    """What follows the names is an agency, a job title or the outlet's name (a few capitalised
    words); anything else means the line is a sentence."""
    if not rest:
        return True
    rest = rest.strip().rstrip(".")
    if rest.casefold() in AGENCIES or re.fullmatch(_ROLE, rest, re.IGNORECASE):
        return True
    words = rest.split()
    return len(words) <= 5 and all(w[:1].isupper() or w.casefold() in ("the", "of", "and") for w in words)


def _names(text: str) -> list[str]:
    """The names of a list, less a job title or an agency the list ran on into."""
    names = [n.strip() for n in _SPLIT.split(text) if n.strip()]
    return [
        n for n in names
        if n.casefold() not in AGENCIES and not re.fullmatch(_ROLE, n, re.IGNORECASE)
    ]


def byline_names(line: str) -> list[str] | None:
    """The names a byline line gives, or None when the line is not a byline."""
    if len(line.split()) > MAX_BYLINE_WORDS:
        return None
    m = _BY.match(line)
    if m and _rest_is_credit(m.group("rest")):
        return _names(m.group("names")) or None
    # `Ann Lee, Reuters`: names and an agency only (a job title alone would take in `Ann
    # Lee, Editor` lines of a masthead, which are not this story's byline).
    m = _NAME_AGENCY.match(line)
    if m and m.group("rest").strip().rstrip(".").casefold() in AGENCIES:
        return _names(m.group("names")) or None
    return None


def is_byline(line: str) -> bool:
    return byline_names(line) is not None
