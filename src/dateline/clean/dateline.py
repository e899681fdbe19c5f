"""The dateline at the head of a story: `WASHINGTON (Sputnik) -`, `LONDON, March 3 (Reuters) -`.

Recognised at the start of the first paragraph and taken off the body; the place is given
in title case and the agency by its usual name.
"""

from __future__ import annotations

import re

from dateline import lexicon
from dateline.model import Dateline

AGENCIES = lexicon.mapping("agencies")
# Wire datelines write months in any case (`Feb`, `FEB`, `FEb`, `MARCH`).
_MONTH = r"(?i:(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?)"
_DATE = rf"(?:{_MONTH}\s+\d{{1,2}}|\d{{1,2}}\s+{_MONTH})(?:,?\s+\d{{4}})?"
_CAPS_WORD = r"[A-Z][A-Z'.\-]*[A-Z.]"
_MIXED_WORD = r"[A-Z][A-Za-z'.\-]+"
_REGION = r"(?:,\s*(?P<region>[A-Z][A-Za-z.]+(?:\s+[A-Z][A-Za-z.]+){0,2}))"
_TAIL = rf"(?:,?\s*(?P<date>{_DATE}))?\s*(?:\((?P<agency>[^()]{{1,40}})\))?\s*(?P<dash>--?|\u2014|\u2013|:)(?:\s+|$)"

_CAPS = re.compile(rf"^(?P<place>{_CAPS_WORD}(?:[ \-/]{_CAPS_WORD}){{0,4}}){_REGION}?{_TAIL}")
_MIXED = re.compile(
    rf"^(?P<place>{_MIXED_WORD}(?:\s+{_MIXED_WORD}){{0,3}}){_REGION}?,?\s*(?P<date>{_DATE})?\s*"
    rf"(?:\((?P<agency>[^()]{{1,40}})\))?\s*(?P<dash>--?|\u2014|\u2013|:)(?:\s+|$)"
)


_NOT_PLACES = {
    "BREAKING",
    "UPDATE",
    "EXCLUSIVE",
    "ANALYSIS",
    "WATCH",
    "VIDEO",
    "OPINION",
    "FACTBOX",
    "CORRECTED",
    "CORRECTION",
    "URGENT",
    "FLASH",
    "NOTE",
    "EDITORS",
    "PHOTO",
    "LIVE",
    "UPDATED",
    "REFILE",
    "INSIGHT",
    "EXPLAINER",
    "COMMENT",
    "EDITORIAL",
    "NEWS",
    "QUOTE",
    "Q",
    "A",
}


def _title(place: str) -> str:
    words = re.split(r"(\s+|-|/)", place.strip())
    return "".join(
        w if not w.isalpha() and not w.replace(".", "").isalpha() else w.capitalize() for w in words
    )


def find_dateline(paragraph: str) -> tuple[Dateline, int] | None:
    """(the dateline, where the body starts) when the paragraph opens with one."""
    m = _CAPS.match(paragraph) or _MIXED.match(paragraph)
    if not m:
        return None
    place = m.group("place")
    agency_raw = m.group("agency")
    if place.split()[0].upper().rstrip(":") in _NOT_PLACES or len(place.replace(".", "")) < 2:
        return None
    if m.re is _MIXED and not (m.group("date") or agency_raw):
        return None
    # A colon after capitals alone is a speaker in a transcript (`PENCE: Well, ...`) or a
    # label; as a dateline's dash it needs the date or the agency beside it.
    if m.group("dash") == ":" and not (m.group("date") or agency_raw):
        return None
    if agency_raw and m.re is _MIXED and agency_raw.strip().lower() not in AGENCIES:
        return None
    rest = paragraph[m.end() :]
    if not rest and (m.group("date") or agency_raw):
        pass  # a dateline on a line of its own, the story below it (wire tables)
    elif not rest or not (
        rest[0].isupper() or rest[0] in "\"'\u201c\u2018(0123456789<$\u00a3\u20ac["
    ):
        return None
    place_name = _title(place)
    region = m.groupdict().get("region")
    if region:
        place_name = f"{place_name}, {region}"
    agency = None
    if agency_raw:
        agency = AGENCIES.get(agency_raw.strip().lower(), agency_raw.strip())
    text = paragraph[: m.end()].strip()
    return Dateline(text=text, place=place_name, agency=agency, date=m.group("date")), m.end()
