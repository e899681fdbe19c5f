"""The dateline at the head of a story: `WASHINGTON (Sputnik) -`, `LONDON, March 3 (Reuters) -`,
and the wire forms of other languages: `МОСКВА, 3 марта (Рейтер) -`, `BERLIN (dpa) -`,
`MADRID, 3 mar (EFE).-`, `ROM (ANSA) –`.

Recognised at the start of the first paragraph and taken off the body; the place is given
in title case and the agency by its usual name. The dateline is found before the article's
language is known (the language is judged on the body it heads), so the patterns accept the
capitals and month names of every wire language at once; none of these forms means anything
else at the head of a paragraph in another language.
"""

from __future__ import annotations

from datetime import date

import regex

from dateline import lexicon
from dateline.lexicon import calendar
from dateline.model import Dateline

# The languages whose wire services put a date in the dateline; their month names (from
# dateparser's data, `lexicon/calendar.py`) are read in any of them.
WIRE_LANGUAGES = ("en", "de", "fr", "es", "it", "pt", "ru", "nl", "pl")


def _agencies() -> dict[str, str]:
    """Every language's `agencies.txt` in one mapping: `(Рейтер)` heads Russian copy and
    `(dpa)` German, and the dateline is read before the language is known."""
    out: dict[str, str] = {}
    for lang in ["en", *(x for x in lexicon.languages() if x != "en")]:
        if lexicon.has("agencies", lang):
            for key, value in lexicon.mapping("agencies", lang).items():
                out.setdefault(key.lower(), value)
    return out


def _month_numbers() -> dict[str, int]:
    out: dict[str, int] = {}
    for lang in WIRE_LANGUAGES:
        for form, number in calendar.months(lang).items():
            out.setdefault(form, number)
    return out


AGENCIES = _agencies()
MONTHS = _month_numbers()
_MONTH_WORDS = "|".join(regex.escape(m) for m in sorted(MONTHS, key=len, reverse=True))
# Wire datelines write months in any case (`Feb`, `FEB`, `FEb`, `MARCH`, `марта`, `mar`).
_MONTH = rf"(?i:(?:{_MONTH_WORDS})\p{{Ll}}*\.?)"
# `March 3`, `3 March`, `3. März`, `3 de marzo`, with a year or not.
_DATE = rf"(?:{_MONTH}\s+\d{{1,2}}|\d{{1,2}}\.?\s+(?:de\s+)?{_MONTH})(?:,?\s+(?:de\s+)?\d{{4}})?"
_UP = r"\p{Lu}"
_CAPS_WORD = rf"{_UP}[\p{{Lu}}'.\-]*[\p{{Lu}}.]"
_MIXED_WORD = rf"{_UP}[\p{{L}}'.\-]+"
_REGION = rf"(?:,\s*(?P<region>{_UP}[\p{{L}}.]+(?:\s+{_UP}[\p{{L}}.]+){{0,2}}))"
# The dash after the agency: a hyphen, an en or em dash, a colon, or EFE's `.-`.
_DASH = r"(?P<dash>\.?--?|\u2014|\u2013|:)"
_TAIL = rf"(?:,?\s*(?P<date>{_DATE}))?\s*(?:\((?P<agency>[^()]{{1,40}})\))?\s*{_DASH}(?:\s+|$)"

_CAPS = regex.compile(rf"^(?P<place>{_CAPS_WORD}(?:[ \-/]{_CAPS_WORD}){{0,4}}){_REGION}?{_TAIL}")
_MIXED = regex.compile(
    rf"^(?P<place>{_MIXED_WORD}(?:\s+{_MIXED_WORD}){{0,3}}){_REGION}?,?\s*(?P<date>{_DATE})?\s*"
    rf"(?:\((?P<agency>[^()]{{1,40}})\))?\s*{_DASH}(?:\s+|$)"
)
# What may open the body after the dash: a capital of any script, a quote, a bracket, a figure.
_BODY_START = "\"'\u201c\u2018\u201e\u00ab\u00bb(0123456789<$\u00a3\u20ac["


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
    words = regex.split(r"(\s+|-|/)", place.strip())
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
    elif not rest or not (rest[0].isupper() or rest[0] in _BODY_START):
        return None
    place_name = _title(place)
    region = m.groupdict().get("region")
    written = m.group("date")
    if region and not written and region.rstrip(".").lower() in MONTHS:
        # `SYDNEY, April -`: a wire desk that leaves the day out still writes the month where
        # the date goes; a month is never a region, so it is the (dayless) date
        region, written = None, region
    if region:
        place_name = f"{place_name}, {region}"
    agency = None
    if agency_raw:
        agency = AGENCIES.get(agency_raw.strip().lower(), agency_raw.strip())
    text = paragraph[: m.end()].strip()
    return Dateline(text=text, place=place_name, agency=agency, date=written), m.end()


_DAY = regex.compile(r"\d{1,2}")
_YEAR = regex.compile(r"\b\d{4}\b")


def _month_of(word: str) -> int | None:
    """The month a word names: a form of the list, or a longer spelling of one (`sept.`)."""
    return MONTHS.get(word) or next(
        (MONTHS[f] for f in sorted(MONTHS, key=len, reverse=True) if word.startswith(f)), None)


def dateline_day(written: str | None, published: str | None) -> str | None:
    """The date a dateline writes (`March 3`, `3 марта`, `3 mar 2024`) as YYYY-MM-DD, its year
    taken from the publication date by the rule the body's dates follow (`extract/times.py`:
    the year that puts the day nearest the publication date)."""
    from dateline.extract.times import _nearest_year

    if not written:
        return None
    day = _DAY.search(_YEAR.sub("", written))
    month = next((n for w in regex.findall(r"\p{L}+", written) if (n := _month_of(w.lower()))), None)
    if day is None or month is None:
        return None
    year_m = _YEAR.search(written)
    try:
        if year_m:
            year = int(year_m.group(0))
        elif published:
            pub = date.fromisoformat(published[:10])
            year = _nearest_year(pub, month, int(day.group(0)), None)
        else:
            return None
        return date(year, month, int(day.group(0))).isoformat()
    except ValueError:
        return None
