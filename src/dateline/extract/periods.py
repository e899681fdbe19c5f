"""Reporting periods: `the quarter`, `the year-earlier period`, `a year ago` in results news.

An earnings story names its quarter once (`third-quarter profit`) and then speaks of
`the quarter`, `the latest period`, `the year-ago quarter` and `a year earlier`, each of
which means that quarter or the same quarter a year before. No library resolves these:
they take their value from the document, not from the phrase. So the phrases are found
with a placeholder value and `anchor` fills it once every explicit quarter is known: the
document's reporting quarter is the explicit quarter it names most often (the first, on
a tie), else the last quarter ended before publication.
"""

from __future__ import annotations

import re
from collections import Counter
from datetime import date

from dateline.model import Time

# Placeholders a resolver returns; `anchor` replaces them.
SAME = "@Q"  # the reporting quarter
YEAR_BEFORE = "@Q-1Y"  # the same quarter a year before
YEAR_AGO = "@Y-1"  # a year before: that quarter where the story is about a quarter
_QUARTER_VALUE = re.compile(r"^(\d{4})-Q([1-4])$")
_ORDINAL = {"first": 1, "second": 2, "third": 3, "fourth": 4}
_QUARTER_WORD = re.compile(r"\bquarter", re.I)

ORDINAL_Q = r"(?:(?P<pq>first|second|third|fourth)[- ])?"
# `the year-ago quarter`, `the comparable year-earlier period`, `last year's quarter`.
YEAR_BEFORE_PATTERN = re.compile(
    r"\b(?:the )?(?:comparable |corresponding |same )?(?:year-ago|year-earlier|"
    rf"year-before|last year's|a year-ago) {ORDINAL_Q}(?:quarter|period)\b"
    r"|\bthe (?:quarter|period) a year (?:ago|earlier)\b"
    r"|\bthe (?:corresponding|comparable|same) (?:quarter|period) (?:a year (?:ago|earlier)"
    r"|last year|of (?:last year|the previous year))\b",
    re.I,
)
# `the 1988 quarter`, `the 1989 third quarter`, `the 1988 period`.
YEAR_QUARTER_PATTERN = re.compile(
    rf"\bthe (?P<qy>1[89]\d\d|20\d\d) {ORDINAL_Q}(?:quarter|period)\b", re.I
)
# `the quarter`, `the latest quarter`, `the latest period`; `the period` alone is too vague.
SAME_PATTERN = re.compile(r"\bthe (?:latest |most recent |just-ended )?quarter\b(?!-)"
                          r"|\bthe (?:latest|most recent|just-ended) period\b", re.I)
# `a year ago`, `a year earlier`, `year-earlier` as a bare modifier (`year-earlier profit`).
YEAR_AGO_PATTERN = re.compile(r"\b(?:a|one) year (?:ago|earlier|before)\b"
                              r"|\byear-(?:earlier|ago)\b(?! (?:quarter|period))", re.I)


def same(m: re.Match[str], pub: date | None, tense: str | None) -> tuple[str | None, str]:
    return (SAME if pub else None), "DATE"


def year_before(m: re.Match[str], pub: date | None, tense: str | None) -> tuple[str | None, str]:
    q = (m.groupdict().get("pq") or "").lower()
    return ((f"{YEAR_BEFORE}{_ORDINAL[q]}" if q else YEAR_BEFORE) if pub else None), "DATE"


def year_quarter(m: re.Match[str], pub: date | None, tense: str | None) -> tuple[str | None, str]:
    q = (m.group("pq") or "").lower()
    if q:
        return f"{m.group('qy')}-Q{_ORDINAL[q]}", "DATE"
    return f"{SAME}{m.group('qy')}", "DATE"


def year_ago(m: re.Match[str], pub: date | None, tense: str | None) -> tuple[str | None, str]:
    return (YEAR_AGO if pub else None), "DATE"


def _last_ended(pub: date) -> tuple[int, int]:
    q = (pub.month - 1) // 3  # the quarter before the current one, 0 meaning last year's Q4
    return (pub.year, q) if q else (pub.year - 1, 4)


def reporting_quarter(times: list[Time], pub: date) -> tuple[int, int]:
    """The quarter the document reports on: its most named explicit quarter of the last
    year and a half, else the last quarter ended before publication."""
    named = [(int(m[1]), int(m[2])) for t in times if (m := _QUARTER_VALUE.match(t.value or ""))
             and pub.year - 1 <= int(m[1]) <= pub.year]
    if not named:
        return _last_ended(pub)
    counts = Counter(named)
    top = max(counts.values())
    return next(q for q in named if counts[q] == top)


_CONCRETE = re.compile(r"^(\d{4})(-(?:Q[1-4]|H[12]|\d\d(?:-\d\d)?))?$")


def _sentence_reference(times: list[Time], text: str, t: Time) -> str | None:
    """The value a year before the nearest concrete date, month or quarter earlier in the
    same sentence (`sales rose in February from the same period last year` → last
    February): the reference a comparison is made with sets its granularity."""
    for other in reversed(times):
        if other.start >= t.start or other.type != "DATE":
            continue
        between = text[other.end : t.start]
        if ". " in between or "\n" in between:
            return None
        m = _CONCRETE.match(other.value or "")
        if m and m.group(2):
            return f"{int(m.group(1)) - 1}{m.group(2)}"
    return None


def anchor(times: list[Time], text: str, pub: date | None) -> list[Time]:
    """Fill the placeholders left by this module's resolvers (in place; returns `times`)."""
    pending = [t for t in times if t.value and t.value.startswith("@")]
    if not pending or pub is None:
        return times
    year, q = reporting_quarter(times, pub)
    about_quarters = bool(_QUARTER_WORD.search(text))
    for t in pending:
        v = t.value or ""
        near = _sentence_reference(times, text, t)
        if near is not None and (v == YEAR_AGO or v == YEAR_BEFORE):
            t.value = near
        elif v == YEAR_AGO:
            t.value = f"{year - 1}-Q{q}" if about_quarters else str(pub.year - 1)
        elif v.startswith(YEAR_BEFORE):
            t.value = f"{year - 1}-Q{v[len(YEAR_BEFORE):] or q}"
        elif v.startswith(SAME):
            t.value = f"{v[len(SAME):] or year}-Q{q}"
    return times


_SEASONS = {"spring": ("SP", 3), "summer": ("SU", 6), "fall": ("FA", 9), "autumn": ("FA", 9),
            "winter": ("WI", 12)}
# A season with a word that makes it a time (`fall` alone is mostly the verb).
SEASON_PATTERN = re.compile(
    r"\b(?:(?P<srel>this|last|next|this past|the|early|late|mid-?)\s+)"
    r"(?P<season>spring|summer|fall|autumn|winter)\b(?:\s+of\s+(?P<syear>1[89]\d\d|20\d\d))?"
    r"|\b(?P<syear2>1[89]\d\d|20\d\d)\s+(?P<season2>spring|summer|fall|autumn|winter)\b",
    re.I,
)


def season(m: re.Match[str], pub: date | None, tense: str | None) -> tuple[str | None, str]:
    """TimeML's season values (`1998-SU`): `last` is the latest one begun before publication
    and ended; a bare `the summer` the one begun most recently, or the next in a clause that
    looks ahead. (Winter is filed under the year it begins in.)"""
    name = (m.group("season") or m.group("season2")).lower()
    code, begins = _SEASONS[name]
    year = m.group("syear") or m.group("syear2")
    if year:
        return f"{year}-{code}", "DATE"
    if pub is None:
        return None, "DATE"
    rel = (m.group("srel") or "").lower()
    begun = pub.month >= begins  # this year's season has begun
    if rel in ("last", "this past"):
        ended = pub.month >= begins + 3
        y = pub.year if ended else pub.year - 1
    elif rel == "next" or (rel != "this" and tense == "future" and not begun):
        y = pub.year if not begun else pub.year + 1
    elif rel == "this":
        y = pub.year
    else:
        y = pub.year if begun else pub.year - 1
    return f"{y}-{code}", "DATE"
