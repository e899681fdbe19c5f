"""Time expressions of articles in other languages, resolved as `extract/times.py` resolves
English ones: the same granularity (`im März` is a month, `2024` a year, `la semana pasada` an
ISO week) and the same weekday rule (a bare weekday is the most recent such day, today
included; `mardi prochain` the next one).

The words come from dateparser's data for the article's language (`lexicon/calendar.py`),
matched by their Snowball stem where the language inflects them (`в марте`, `в среду`); the
patterns around them are ours, because dateparser's own search finds dates in ordinary words
(`Die`, a German article, as a Tuesday). No English pattern runs on the other languages: only
ISO dates (`2024-03-06`), which read the same in any language.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cache

import regex

from dateline import lexicon
from dateline.extract.times import WEEKDAYS, _nearest_year, _shift_months, _week, _weekday_date
from dateline.lexicon import calendar
from dateline.lexicon.stems import stemmer
from dateline.model import Time

__all__ = ["find_local_times"]

_DAY = r"(?P<day>[12]\d|3[01]|0?[1-9])"
_YEAR = r"(?P<year>1[789]\d\d|20\d\d)(?!\d)"
_WORD = r"\p{L}[\p{L}-]*"
_ISO = regex.compile(r"\b(?P<year>1[789]\d\d|20\d\d)-(?P<m>0[1-9]|1[0-2])-(?P<day>[0-2]\d|3[01])\b")
# `06.03.2024`, `6/3/2024`: day first, in the languages that write the day first.
_NUMERIC = regex.compile(rf"(?<![\d.,/]){_DAY}[./](?P<m>1[0-2]|0?[1-9])[./]{_YEAR}(?![.,/]?\d)")
_READING = regex.compile(r"(?P<ahead>in )?(?P<n>\d+) (?P<unit>year|month|week|day|hour|minute|second)(?P<ago> ago)?")
# What may come before a capital that is a sentence's first word, not a word capitalised inside it.
_SENTENCE_START = regex.compile(r"(?:^|[.!?:;\"'«»„“‹›\-\u2013\u2014]\s*)$")

Resolved = tuple[str | None, str]


@dataclass
class _Language:
    """The words and patterns of one language, built once."""

    lang: str
    stem: Callable[[str], str]
    months_any: dict[str, int]  # forms and abbreviations, lower case -> 1..12
    months_full: dict[str, int]  # stems of the full names -> 1..12 (a month alone)
    weekdays: dict[str, int]  # stems -> 0..6
    shifts: dict[str, int]  # stems -> -1 | 1
    day_first: bool
    longest: dict[int, int]  # month -> the length of its full name (shorter forms are abbreviations)
    endings: set[str]  # what follows the stem in the language's calendar words
    not_times: regex.Pattern[str] | None
    patterns: list[tuple[regex.Pattern[str], str]] = field(default_factory=list)


def _alternatives(words: tuple[str, ...] | list[str]) -> str:
    return "|".join(regex.escape(w) for w in sorted(set(words), key=len, reverse=True)) or "(?!)"


@cache
def _language(lang: str) -> _Language | None:
    if not calendar.known(lang):
        return None
    stem = stemmer(lang) or str.lower
    months_any = calendar.months(lang)
    # The full names of a month (its longest forms) may stand alone; its abbreviations only
    # beside a day number (`3 mar`), where they cannot be another word (Spanish `mar`, sea).
    longest: dict[int, int] = {}
    for form, n in months_any.items():
        longest[n] = max(longest.get(n, 0), len(form))
    months_full = {stem(f): n for f, n in months_any.items() if len(f) >= max(3, longest[n] - 1)}
    weekdays = {stem(f): i for f, i in calendar.weekdays(lang).items()}
    # The endings the language's own calendar words show (`марта`, `среду`, `воскресенье`), and
    # their tails (`-е` of `-ье`: `в марте`): an inflected form is taken only with one of them, so
    # that `среди` (among), whose stem is Wednesday's, is not a Wednesday.
    seen = {f[len(stem(f)):] for f in [*months_any, *calendar.weekdays(lang)] if f.startswith(stem(f))}
    endings = {e[i:] for e in seen for i in range(len(e) + 1)}
    shifts = ({stem(k): int(v) for k, v in lexicon.mapping("time_shifts", lang).items()}
              if lexicon.has("time_shifts", lang) else {})
    conn = _alternatives(calendar.connectors(lang))
    yw = rf"(?:\s+(?P<yw>{_alternatives(calendar.year_words(lang))})(?!\p{{L}})\.?)?"
    phrases = _alternatives(list(calendar.relative_phrases(lang)))
    # Phrases holding a relative word that there means something else (Spanish `mañana` is
    # tomorrow, `la mañana` the morning): claimed first, with no time.
    not_times = (regex.compile(rf"(?<!\p{{L}})(?:{_alternatives(lexicon.entries('not_times', lang))})(?!\p{{L}})",
                               regex.I) if lexicon.has("not_times", lang) else None)
    out = _Language(lang, stem, months_any, months_full, weekdays, shifts, calendar.date_order(lang) == "DMY",
                    longest, endings, not_times)
    out.patterns = [
        (regex.compile(rf"(?<![\d\p{{L}}]){_DAY}(?:\.|er|º|°)?\s+(?:(?:{conn})\s+)?(?P<month>{_WORD})(?P<dot>\.)?"
                       rf"(?:,?\s+(?:(?:{conn})\s+)?{_YEAR}{yw})?", regex.I), "date"),
        (regex.compile(rf"(?<!\p{{L}})(?P<month>{_WORD})\.?,?\s+(?:(?:{conn})\s+)?{_YEAR}{yw}", regex.I),
         "month_year"),
        (regex.compile(rf"(?<!\p{{L}})(?P<phrase>{phrases})(?!\p{{L}})", regex.I), "phrase"),
        *((regex.compile(rf"(?<!\p{{L}})(?:{p})(?!\p{{L}})", regex.I), "n:" + reading)
          for p, reading in calendar.relative_patterns(lang)),
        (regex.compile(rf"(?<!\p{{L}})(?P<word>{_WORD})"), "word"),
        (regex.compile(rf"(?<![\d.,]){_YEAR}(?![%]|[.,]\d|\s*[%€$£₽]){yw}"), "year"),
    ]
    return out


def _stem_of(lg: _Language, word: str) -> str | None:
    """The word's stem, where what follows the stem is an ending the calendar words have."""
    low = word.lower()
    stem = lg.stem(low)
    return stem if low.startswith(stem) and low[len(stem):] in lg.endings else None


def _month(lg: _Language, word: str, full: bool) -> int | None:
    low = word.lower().rstrip(".")
    if not full and low in lg.months_any:
        return lg.months_any[low]
    stem = _stem_of(lg, low)
    return lg.months_full.get(stem) if stem else None


def _case_ok(text: str, start: int, found: str) -> bool:
    """A relative word as dateparser lists it (lower case), or capitalised as a sentence's first
    word: `Morgen` inside a German sentence is the morning, `morgen` tomorrow."""
    if found == found.lower():
        return True
    return found[1:] == found[1:].lower() and bool(_SENTENCE_START.search(text, max(0, start - 3), start))


def _day(pub: date | None, year: int | None, month: int, day: int) -> Resolved:
    if year is None:
        if pub is None:
            return None, "DATE"
        year = _nearest_year(pub, month, day, None)
    try:
        return date(year, month, day).isoformat(), "DATE"
    except ValueError:
        return None, "DATE"


def _month_value(pub: date | None, year: int | None, month: int) -> Resolved:
    if year is None:
        if pub is None:
            return None, "DATE"
        year = pub.year if month == pub.month else _nearest_year(pub, month, 1, None)
    return f"{year}-{month:02d}", "DATE"


def _reading(reading: str, pub: date | None) -> Resolved | None:
    """dateparser's English reading of a relative phrase (`1 week ago`) at our granularity."""
    m = _READING.fullmatch(reading)
    if m is None:
        return None
    unit, n = m.group("unit"), int(m.group("n"))
    step = -n if m.group("ago") else n
    if unit in ("hour", "minute", "second"):
        return ("PRESENT_REF", "DATE") if n == 0 else None  # `сейчас`: now; clock times are not dated
    if pub is None:
        return None, "DATE"
    if unit == "day":
        return (pub + timedelta(days=step)).isoformat(), "DATE"
    if unit == "week":
        return _week(pub + timedelta(weeks=step)), "DATE"
    if unit == "month":
        y, mo = _shift_months(pub, step)
        return f"{y}-{mo:02d}", "DATE"
    return str(pub.year + step), "DATE"


_DATE_AFTER = regex.compile(r",?\s+\d{1,2}(?!\d)")
_PREVIOUS = regex.compile(rf"({_WORD})\s+$")
_NEXT = regex.compile(rf"\s+({_WORD})")


def _word(lg: _Language, m: regex.Match[str], text: str, pub: date | None) -> tuple[Resolved, int, int] | None:
    """A weekday, with a word beside it that moves it a week (`martes pasado`), or a month alone."""
    word = m.group("word")
    stem = _stem_of(lg, word)
    if stem is not None and stem in lg.weekdays:
        if _DATE_AFTER.match(text, m.end()):
            return None  # `понедельник, 16 мая`: the date after it says the day
        start, end = m.start(), m.end()
        shift = 0
        before = _PREVIOUS.search(text, max(0, start - 30), start)
        after = _NEXT.match(text, end)
        if before and (s := lg.shifts.get(lg.stem(before.group(1)))):
            shift, start = s, before.start(1)
        elif after and (s := lg.shifts.get(lg.stem(after.group(1)))):
            shift, end = s, after.end(1)
        if pub is None:
            return (None, "DATE"), start, end
        rel = {-1: "last", 1: "next"}.get(shift, "")
        return (_weekday_date(pub, WEEKDAYS[lg.weekdays[stem]], rel, None).isoformat(), "DATE"), start, end
    month = _month(lg, word, full=True)
    if month is not None:
        return _month_value(pub, None, month), m.start("word"), m.end("word")
    return None


def _end(m: regex.Match[str]) -> int:
    """Where a match ends: a stop after a year word belongs to it only where the word is cut short
    (`2024 г.`); after `года` it ends the sentence."""
    yw = m.group("yw") if "yw" in m.re.groupindex else None
    if yw and m.group(0).endswith(".") and len(yw) > 2:
        return m.end() - 1
    return m.end()


def _resolve(lg: _Language, kind: str, m: regex.Match[str], text: str,
             pub: date | None) -> tuple[Resolved, int, int] | None:
    year = int(m.group("year")) if "year" in m.re.groupindex and m.group("year") else None
    if kind == "date":
        month = _month(lg, m.group("month"), full=False)
        if month is None:
            return None
        end = _end(m)
        if m.group("dot") and not year and len(m.group("month")) >= lg.longest[month]:
            end -= 1  # a full name's dot ends the sentence (`le 3 mars.`); an abbreviation's is its own
        return _day(pub, year, month, int(m.group("day"))), m.start(), end
    if kind == "month_year":
        month = _month(lg, m.group("month"), full=True)
        return None if month is None else (_month_value(pub, year, month), m.start(), _end(m))
    if kind == "phrase":
        if not _case_ok(text, m.start(), m.group(0)):
            return None
        reading = calendar.relative_phrases(lg.lang).get(m.group("phrase").lower())
        res = _reading(reading, pub) if reading else None
        return None if res is None else (res, m.start(), m.end())
    if kind.startswith("n:"):
        res = _reading(kind[2:].replace("\\1", str(int(m.group(1)))), pub)
        return None if res is None else (res, m.start(), m.end())
    if kind == "word":
        return _word(lg, m, text, pub)
    return (str(year), "DATE"), m.start(), _end(m)  # a year alone


def _matches(lang: str, text: str) -> Iterator[tuple[regex.Match[str], str, _Language | None]]:
    yield from ((m, "iso", None) for m in _ISO.finditer(text))
    lg = _language(lang)
    if lg is None:
        return
    if lg.not_times is not None:
        yield from ((m, "not", lg) for m in lg.not_times.finditer(text))
    if lg.day_first:
        yield from ((m, "numeric", lg) for m in _NUMERIC.finditer(text))
    for pattern, kind in lg.patterns:
        # overlapped: a word that is not a weekday must not hide the weekday after it
        yield from ((m, kind, lg) for m in pattern.finditer(text, overlapped=kind == "word"))


def find_local_times(text: str, published: str | None, lang: str | None) -> list[Time]:
    """Every time expression of `text`, written in `lang`, resolved against `published`."""
    try:
        pub = date.fromisoformat(published[:10]) if published else None
    except ValueError:
        pub = None
    taken = bytearray(len(text) + 1)
    found: list[Time] = []
    for m, kind, lg in _matches(lang or "", text):
        if kind == "not":
            taken[m.start():m.end()] = b"\x01" * (m.end() - m.start())
            continue
        if kind == "iso":
            got: tuple[Resolved, int, int] | None = ((m.group(0), "DATE"), m.start(), m.end())
        elif kind == "numeric":
            got = _day(pub, int(m.group("year")), int(m.group("m")), int(m.group("day"))), m.start(), m.end()
        else:
            got = _resolve(lg, kind, m, text, pub)  # type: ignore[arg-type]
        if got is None:
            continue
        (value, type_), start, end = got
        if any(taken[start:end]):
            continue
        taken[start:end] = b"\x01" * (end - start)
        found.append(Time(text=text[start:end], value=value, start=start, end=end, type=type_))
    found.sort(key=lambda t: t.start)
    return found
