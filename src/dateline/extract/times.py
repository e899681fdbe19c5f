"""Time expressions resolved against the publication date, each at its own granularity.

Why our own resolver and not dateparser alone: dateparser resolves every expression to a
day (`In June` → 2021-06-09) and reads a bare weekday as the previous week's
(`on Thursday` published on a Thursday → a week earlier). News writes a weekday for the most
recent such day, today included, unless the tense or `next` points ahead; `In June` is a
month, `for 2021` a year, `last week` an ISO week, `the 1990s` a decade. Values follow
TimeML (TIMEX3): 2021-09-09, 2021-06, 2021, 2021-W36, 2021-Q1, 2021-SU, 199X, P3Y, PRESENT_REF,
2021-09-09T14:30Z. The direction of a bare day or month comes from `tense`; reporting periods
(`the quarter`, `a year earlier`) from `periods`.
The patterns are ordered: an earlier, longer pattern claims its characters first.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from datetime import date, timedelta

from dateline.extract import periods
from dateline.extract.fastre import FOLDED, fast
from dateline.extract.numbers import DIGITS, WORD_NUMBER, word_value
from dateline.extract.tense import tense as clause_tense
from dateline.model import Time

MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8,
    "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
PARTS = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI"}
UNIT_CODES = {
    "second": "S", "minute": "M", "hour": "H", "day": "D", "night": "D", "week": "W",
    "month": "M", "year": "Y", "decade": "Y", "century": "Y",
}
REL_YEAR = {"last": -1, "this": 0, "next": 1}
UNIT_FACTOR = {"decade": 10, "century": 100}

MONTH = (
    r"(?P<month>Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|June?|July?"
    r"|Aug(?:ust|\.)?|Sep(?:tember|t\.|\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)"
)
WEEKDAY = r"(?P<weekday>(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day)"
DAY = r"(?P<day>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
YEAR = r"(?P<year>1[789]\d\d|20\d\d)"
UNIT = r"(?P<unit>second|minute|hour|day|night|week|month|year|decade|century)"
NUM = rf"(?P<num>{DIGITS}|{WORD_NUMBER}|a|an)"
# A clock time (12-hour with a.m./p.m., 24-hour with a zone, noon, midnight), its zone, and
# the day it names right after it.
CLOCK = re.compile(
    r"\b(?:(?P<hour>1[0-2]|0?[1-9])(?::(?P<minute>[0-5]\d))? ?(?P<ampm>[ap]\.m\.|[ap]m\b)"
    r"|(?P<h24>[01]\d|2[0-3]):?(?P<m24>[0-5]\d)(?= (?:UTC|GMT)\b)|(?P<noon>noon|midnight))"
    r"(?: (?P<tz>UTC|GMT|[ECMP][SD]T)\b)?"
    r"(?:,? (?:on )?(?P<dayref>(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|today|yesterday"
    r"|tomorrow)\b)?",
    re.I,
)
Resolver = Callable[[re.Match[str], date | None, str | None], tuple[str | None, str]]


def _month(m: re.Match[str]) -> int:
    return MONTHS[m.group("month")[:3].lower()]


def _week(d: date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y}-W{w:02d}"


def _shift_months(d: date, n: int) -> tuple[int, int]:
    k = d.year * 12 + d.month - 1 + n
    return k // 12, k % 12 + 1


def _nearest_year(pub: date, month: int, day: int, tense: str | None) -> int:
    """The year that puts `month`/`day` nearest the publication date; a clause that looks
    ahead takes the next one, a clause that tells what happened the last one. (TimeBank's
    gold values follow this: `Dec. 15` written in October is this December when nothing
    says otherwise, `March` in `stepped down in March` written in November is this March.)"""
    if tense == "future":
        return pub.year if (month, day) >= (pub.month, pub.day) else pub.year + 1
    here = pub.month * 31 + pub.day
    there = month * 31 + max(day, 1)
    if tense == "past":
        # A clause that tells what happened reads a date well ahead as last year's; a
        # date just ahead stays (`payable Dec. 1`, `the offer was extended to Nov. 16`).
        return pub.year - 1 if there - here > 45 else pub.year
    if there - here > 6 * 31:
        return pub.year - 1
    if here - there > 6 * 31:
        return pub.year + 1
    return pub.year


def _full_date(m: re.Match[str], pub: date | None, tense: str | None) -> tuple[str | None, str]:
    month, day = _month(m), int(m.group("day"))
    if m.group("year"):
        return f"{m.group('year')}-{month:02d}-{day:02d}", "DATE"
    if pub is None:
        return None, "DATE"
    return f"{_nearest_year(pub, month, day, tense)}-{month:02d}-{day:02d}", "DATE"


def _month_year(m: re.Match[str], pub: date | None, tense: str | None) -> tuple[str | None, str]:
    month = _month(m)
    if m.group("year"):
        return f"{m.group('year')}-{month:02d}", "DATE"
    if pub is None:
        return None, "DATE"
    year = pub.year if month == pub.month else _nearest_year(pub, month, 1, tense)
    return f"{year}-{month:02d}", "DATE"


def _month_rel_year(m: re.Match[str], pub: date | None, tense: str | None) -> tuple[str | None, str]:
    if pub is None:
        return None, "DATE"
    return f"{pub.year + REL_YEAR[m.group('mrel').lower()]}-{_month(m):02d}", "DATE"


def _iso(m: re.Match[str], pub: date | None, tense: str | None) -> tuple[str | None, str]:
    return m.group(0), "DATE"


def _decade(m: re.Match[str], pub: date | None, tense: str | None) -> tuple[str | None, str]:
    digits = m.group("decade")
    if len(digits) == 2:  # `the '90s`
        digits = ("19" if int(digits) > 20 else "20") + digits
    return digits[:3] + "X", "DATE"


def _quarter(m: re.Match[str], pub: date | None, tense: str | None) -> tuple[str | None, str]:
    q = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4,
         "4th": 4, "final": 4}[m.group("q").lower()]
    if m.group("year"):
        return f"{m.group('year')}-Q{q}", "DATE"
    if pub is None:
        return None, "DATE"
    if rel := (m.group("qrel") or m.group("qrel2") or "").lower():
        return f"{pub.year + REL_YEAR[rel]}-Q{q}", "DATE"
    # A quarter not yet begun is last year's, unless the clause looks ahead.
    year = pub.year - 1 if q > (pub.month - 1) // 3 + 1 and tense != "future" else pub.year
    return f"{year}-Q{q}", "DATE"


def _deictic(m: re.Match[str], pub: date | None, tense: str | None) -> tuple[str | None, str]:
    word = m.group("deictic").lower()
    if pub is None:
        return None, "TIME" if word == "tonight" else "DATE"
    if word == "tonight":
        return f"{pub.isoformat()}TNI", "TIME"
    shift = {"yesterday": -1, "today": 0, "tomorrow": 1}[word]
    return (pub + timedelta(days=shift)).isoformat(), "DATE"


def _this_part(m: re.Match[str], pub: date | None, tense: str | None) -> tuple[str | None, str]:
    part = PARTS[m.group("part").lower()]
    return (f"{pub.isoformat()}T{part}" if pub else None), "TIME"


def _relative(m: re.Match[str], pub: date | None, tense: str | None) -> tuple[str | None, str]:
    rel, unit = m.group("rel").lower(), m.group("period").lower()
    if pub is None:
        return None, "DATE"
    step = {"last": -1, "previous": -1, "past": -1, "this": 0, "current": 0, "next": 1,
            "coming": 1}[rel]
    if unit in ("week", "weekend"):
        value = _week(pub + timedelta(weeks=step))
        return (value + "-WE" if unit == "weekend" else value), "DATE"
    if unit == "month":
        y, mo = _shift_months(pub, step)
        return f"{y}-{mo:02d}", "DATE"
    if unit == "quarter":
        y, mo = _shift_months(pub, 3 * step)
        return f"{y}-Q{(mo - 1) // 3 + 1}", "DATE"
    return str(pub.year + step), "DATE"


def _ago(m: re.Match[str], pub: date | None, tense: str | None) -> tuple[str | None, str]:
    n = word_value(m.group("num"))
    unit = m.group("unit").lower()
    if pub is None or n is None or unit in ("second", "minute", "hour"):
        return None, "DATE"
    n_int = int(n) * UNIT_FACTOR.get(unit, 1)
    if unit in ("day", "night"):
        return (pub - timedelta(days=n_int)).isoformat(), "DATE"
    if unit == "week":
        return _week(pub - timedelta(weeks=n_int)), "DATE"
    if unit == "month":
        y, mo = _shift_months(pub, -n_int)
        return f"{y}-{mo:02d}", "DATE"
    return str(pub.year - n_int), "DATE"


def _weekday_date(pub: date, name: str, rel: str, tense: str | None) -> date:
    wd = WEEKDAYS.index(name.lower())
    if rel == "next":
        return pub + timedelta(days=(wd - pub.weekday() - 1) % 7 + 1)
    if rel == "last":
        return pub - timedelta(days=(pub.weekday() - wd - 1) % 7 + 1)
    if tense == "future" or rel == "coming":
        return pub + timedelta(days=(wd - pub.weekday()) % 7)
    return pub - timedelta(days=(pub.weekday() - wd) % 7)  # the most recent, today included


def _weekday(m: re.Match[str], pub: date | None, tense: str | None) -> tuple[str | None, str]:
    part = m.group("wpart")
    kind = "TIME" if part else "DATE"
    if pub is None:
        return None, kind
    day = _weekday_date(pub, m.group("weekday"), (m.group("wrel") or "").lower(), tense)
    value = day.isoformat()
    return (f"{value}T{PARTS[part.lower()]}" if part else value), kind


def _clock(m: re.Match[str], pub: date | None, tense: str | None) -> tuple[str | None, str]:
    """A clock time, with the day it names after it (`10 p.m. Wednesday`, `12:00 UTC
    today`) or else the publication day; `UTC`/`GMT` mark the value with TimeML's `Z`."""
    if m.group("noon"):
        hour, minute = (12, 0) if m.group("noon").lower() == "noon" else (24, 0)
    elif m.group("h24"):
        hour, minute = int(m.group("h24")), int(m.group("m24"))
    else:
        hour, minute = int(m.group("hour")), int(m.group("minute") or 0)
        ampm = m.group("ampm").lower().replace(".", "").replace(" ", "")
        if ampm == "pm" and hour < 12:
            hour += 12
        if ampm == "am" and hour == 12:
            hour = 0
    if hour > 24 or minute > 59:
        return None, "TIME"
    if pub is None:
        return None, "TIME"
    day, ref = pub, (m.group("dayref") or "").lower()
    if ref in ("yesterday", "today", "tomorrow"):
        day = pub + timedelta(days={"yesterday": -1, "today": 0, "tomorrow": 1}[ref])
    elif ref:
        day = _weekday_date(pub, ref, "", tense)
    zone = "Z" if (m.group("tz") or "").upper() in ("UTC", "GMT") else ""
    clock = "24" if hour == 24 else f"{hour:02d}:{minute:02d}"
    return f"{day.isoformat()}T{clock}{zone}", "TIME"


def _year(m: re.Match[str], pub: date | None, tense: str | None) -> tuple[str | None, str]:
    return m.group("year"), "DATE"


def _duration(m: re.Match[str], pub: date | None, tense: str | None) -> tuple[str | None, str]:
    n = word_value(m.group("num"))
    unit = m.group("unit").lower()
    if n is None:
        return None, "DURATION"
    n *= UNIT_FACTOR.get(unit, 1)
    amount = f"{int(n)}" if n == int(n) else f"{n:g}"
    code = UNIT_CODES[unit]
    timed = unit in ("second", "minute", "hour")
    return f"P{'T' if timed else ''}{amount}{code}", "DURATION"


def _set(m: re.Match[str], pub: date | None, tense: str | None) -> tuple[str | None, str]:
    word = (m.group("sunit") or m.group("adverb")).lower()
    code = {"day": "D", "dai": "D", "week": "W", "month": "M", "year": "Y", "annual": "Y",
            "hour": "TH"}
    key = next(k for k in code if word.startswith(k))
    return f"P1{code[key]}" if code[key] != "TH" else "PT1H", "SET"


# `per day`, `barrels a day`: a rate, a unit of measure, not a time; only a count of times
# before `a day` (`twice a day`) makes a frequency news would date.
_FREQUENCY_BEFORE = re.compile(r"\b(?:once|twice|thrice|times)\s+$", re.I)
# `daily` as a noun is a newspaper: a name after it (`the daily Haaretz`), a verb of
# reporting (`the daily said`), or a determiner or a name's possessive before it.
_PAPER_AFTER = re.compile(r"\s+(?:[A-Z]|(?:newspaper|paper|said|says|reported|reports|wrote"
                          r"|writes|quoted|cited|added)\b)")
_PAPER_BEFORE = re.compile(r"(?:\b(?:the|a|an)|['’]s|\b[A-Z][a-z]+)\s+$")


# What a rate divides: a plural noun or a figure right before `a day` (`barrels a day`,
# `24 hours a day`, `5 pct a year`).
_MEASURE_BEFORE = re.compile(r"(?:\b[a-z]{2,}s|\d|\b(?:mln|bln|pct|percent|cent))\s+$")


def _not_a_set(text: str, m: re.Match[str]) -> bool:
    """A SET or duration match that is a rate (`per day`, `barrels a day`) or a newspaper
    (`daily`)."""
    word = m.group(0).lower()
    before = text[max(0, m.start() - 30) : m.start()]
    if word.startswith("per "):
        return True
    if word.startswith("a "):
        return not _FREQUENCY_BEFORE.search(before) and bool(_MEASURE_BEFORE.search(before))
    if word == "daily":
        return bool(_PAPER_AFTER.match(text, m.end()) or _PAPER_BEFORE.search(before))
    return False


def _ref(m: re.Match[str], pub: date | None, tense: str | None) -> tuple[str | None, str]:
    word = m.group(0).lower()
    if word in ("recently", "the past", "formerly"):
        return "PAST_REF", "DATE"
    if word == "the future":
        return "FUTURE_REF", "DATE"
    return "PRESENT_REF", "DATE"


PATTERNS: list[tuple[re.Pattern[str], Resolver]] = [
    (re.compile(r"\b(?P<y>1[789]\d\d|20\d\d)-(?:0[1-9]|1[0-2])-(?:[0-2]\d|3[01])\b"), _iso),
    (CLOCK, _clock),
    (re.compile(rf"\b(?:{WEEKDAY},? )?{MONTH} {DAY}(?:,? {YEAR})?\b(?!:\d)"), _full_date),
    (re.compile(rf"\b(?:{WEEKDAY},? )?{DAY} (?:of )?{MONTH}(?:,? {YEAR})?\b"), _full_date),
    (re.compile(rf"\b(?:(?:early|late|mid-?|the end of) )?{MONTH},? {YEAR}\b"), _month_year),
    (re.compile(rf"\b(?:(?:early|late|mid-?|the end of) )?{MONTH},? (?P<mrel>this|last|next) year\b"),
     _month_rel_year),
    (
        re.compile(
            rf"(?:(?<=\b[Ii]n )|(?<=\b[Ss]ince )|(?<=\b[Uu]ntil )|(?<=\b[Bb]y )"
            rf"|(?<=\b[Ff]or )|(?<=\b[Ll]ate )|(?<=\b[Ee]arly )|(?<=\b[Mm]id-)|(?<=\bof ))"
            rf"{MONTH}\b(?! \d)"
            r"|\b(?P<m2>January|February|April|June|July|August|September|October|November"
            r"|December)\b(?! \d)".replace("(?P<m2>", "(?P<month2>"),
        ),
        lambda m, pub, tense: _month_year(_MonthProxy(m), pub, tense),
    ),
    (re.compile(r"\b(?:the )?(?:early |mid-|late )?"
                r"(?:(?P<decade>1[789]\d0|20\d0)|'(?P<d2>\d0))s\b"),
     lambda m, pub, tense: _decade(_DecadeProxy(m), pub, tense)),
    (periods.YEAR_BEFORE_PATTERN, periods.year_before),
    (periods.SEASON_PATTERN, periods.season),
    (periods.YEAR_QUARTER_PATTERN, periods.year_quarter),
    (periods.SAME_PATTERN, periods.same),
    (periods.YEAR_AGO_PATTERN, periods.year_ago),
    (re.compile(rf"\b(?:the )?(?:(?P<qrel>this|last|next) year's )?"
                rf"(?P<q>first|second|third|fourth|final|1st|2nd|3rd|4th)[- ]quarter"
                rf"(?: of (?:{YEAR}|(?P<qrel2>this|last|next) year))?", re.I), _quarter),
    (re.compile(r"\b(?P<deictic>yesterday|today|tomorrow|tonight)\b", re.I), _deictic),
    (re.compile(r"\bthis (?P<part>morning|afternoon|evening)\b", re.I), _this_part),
    (re.compile(rf"\b{NUM}[- ]{UNIT}s? ago\b", re.I), _ago),
    (re.compile(r"\b(?:(?:earlier|later|early|late) )?(?P<rel>last|previous|this|current|next"
                r"|coming) (?P<period>weekend|week|month|quarter|year)\b", re.I), _relative),
    (re.compile(rf"\b(?P<wrel>last|next|this|coming) {WEEKDAY}"
                r"(?: (?P<wpart>morning|afternoon|evening|night))?\b", re.I), _weekday),
    (re.compile(rf"\b{WEEKDAY}(?: (?P<wpart>morning|afternoon|evening|night))?\b"
                r"(?P<wrel>)"), _weekday),
    (re.compile(rf"\b(?:the )?(?:(?:past|last|next|first|coming|previous) )?{NUM}[- ]{UNIT}s?\b"
                r"(?![- ]old)", re.I), _duration),
    (re.compile(r"\b(?:every|each|per|a) (?P<sunit>day|week|month|year|hour)\b"
                r"|\b(?P<adverb>daily|weekly|monthly|annually|yearly|annual|hourly)\b", re.I),
     _set),
    (re.compile(r"\b(?:right now|now|currently|nowadays|at present|recently|the past"
                r"|the future|formerly)\b(?!-)", re.I), _ref),
    # A year, unless money, a longer number, or a count (`1999 residents`) reads better.
    (re.compile(rf"(?<![$£€\d.,-])\b(?:fiscal )?{YEAR}\b(?![-.,]?\d|%| percent)"
                r"(?! (?!was\b|has\b|as\b|is\b|this\b|thus\b)[a-z]+s\b)"), _year),
]


_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_UNITS = ("second", "minute", "hour", "day", "night", "week", "month", "year", "decade",
          "century")
# For speed: the words each pattern of PATTERNS cannot match without, one of which must occur
# in the text (as written for a case-sensitive pattern, in its lower-case copy for the others);
# most texts lack the words of most patterns, and an `in` test is far cheaper than a scan.
NEEDS: list[tuple[str, ...]] = [
    ("-0", "-1"),  # ISO date: the month after the dash
    ("am", "pm", "a.m", "p.m", "utc", "gmt", "noon", "midnight"),
    _MONTHS, _MONTHS, _MONTHS, _MONTHS, _MONTHS,
    ("0s",),  # decades
    ("quarter", "period"), ("spring", "summer", "fall", "autumn", "winter"),
    ("quarter", "period"), ("quarter", "period"), ("year",),
    ("quarter",),
    ("yesterday", "today", "tomorrow", "tonight"),
    ("this morning", "this afternoon", "this evening"),
    ("ago",),
    ("week", "month", "quarter", "year"),
    ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"),
    ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
    _UNITS,
    ("day", "daily", "week", "month", "year", "hour", "annual"),
    ("now", "currently", "at present", "recently", "the past", "the future", "formerly"),
    ("17", "18", "19", "20"),  # a year
]
_FAST = [(fast(p), bool(p.flags & re.IGNORECASE), needs)
         for (p, _), needs in zip(PATTERNS, NEEDS, strict=True)]


def _matches(text: str) -> Iterator[tuple[re.Match[str], Resolver]]:
    """Every match of each pattern in turn, as `pattern.finditer` finds them; patterns whose
    words the text lacks are skipped, the others run in their `fast` form. A text
    with a character IGNORECASE folds onto ASCII (`ſ` for `s`) takes the plain path: a
    lower-case copy and the cased forms would not see what IGNORECASE sees."""
    plain = FOLDED.search(text) is not None
    low = text.lower()
    for (pattern, resolve), (quick, icase, needs) in zip(PATTERNS, _FAST, strict=True):
        if plain:
            yield from ((m, resolve) for m in pattern.finditer(text))
        elif any(w in (low if icase else text) for w in needs):
            yield from ((m, resolve) for m in quick.finditer(text))


class _MonthProxy:
    """Lets the bare-month pattern, which has two month groups, share `_month_year`."""

    def __init__(self, m: re.Match[str]) -> None:
        self._m = m

    def group(self, name: str | int = 0) -> str | None:
        if name == "month":
            return self._m.group("month") or self._m.group("month2")
        if name == "year":
            return None
        return self._m.group(name)


class _DecadeProxy(_MonthProxy):
    def group(self, name: str | int = 0) -> str | None:
        if name == "decade":
            return self._m.group("decade") or self._m.group("d2")
        return self._m.group(name)


def _parse_published(published: str | None) -> date | None:
    if not published:
        return None
    try:
        return date.fromisoformat(published[:10])
    except ValueError:
        return None


def find_times(text: str, published: str | None) -> list[Time]:
    """Every time expression in `text`, resolved against `published` (YYYY-MM-DD) where needed."""
    pub = _parse_published(published)
    taken = bytearray(len(text) + 1)
    found: list[Time] = []
    for m, resolve in _matches(text):
        start, end = m.span()
        if any(taken[start:end]) or resolve in (_set, _duration) and _not_a_set(text, m):
            continue
        look_after = resolve is not _weekday  # see `tense`: a weekday reads what precedes
        try:
            value, kind = resolve(m, pub, clause_tense(text, start, end, look_after))
        except (OverflowError, ValueError):
            # a span that reaches outside the calendar (`3,000 years ago`, `1,000,000 days ago`)
            # is a time expression without a date we can write: kept, unresolved
            value, kind = None, "DATE"
        if kind == "DATE" and value is not None and value.startswith("-"):
            value = None  # before year 1: no date the contract's form (YYYY[-MM[-DD]]) can write
        if kind == "DURATION" and value is None:
            continue
        taken[start:end] = b"\x01" * (end - start)
        found.append(Time(text=m.group(0), value=value, start=start, end=end, type=kind))
    found.sort(key=lambda t: t.start)
    return periods.anchor(found, text, pub)
