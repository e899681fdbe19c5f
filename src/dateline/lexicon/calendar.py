"""The words of the calendar in each language dateparser knows: months, weekdays, units of time,
and its relative phrases (`gestern`, `la semana pasada`, `в прошлом году`).

Why dateparser's data and not our own lists: it covers some two hundred languages and locales,
is kept up by its maintainers from the Unicode CLDR, and is a dependency already. Its search
(`search_dates`) is not used to find the expressions: on news sentences it reads `Die` as a
Tuesday (German `Di`) and `am Mittwoch ein` as a date in January; the words alone, in patterns of
our own, find what a reader would call a date (see `extract/localtimes.py`).
"""

from __future__ import annotations

import importlib
from functools import cache
from typing import Any

__all__ = ["MONTH_KEYS", "WEEKDAY_KEYS", "connectors", "date_order", "known", "months", "relative_phrases",
           "relative_patterns", "unit_words", "weekdays", "year_words"]

MONTH_KEYS = ("january", "february", "march", "april", "may", "june", "july", "august",
              "september", "october", "november", "december")
WEEKDAY_KEYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
UNITS = ("year", "month", "week", "day")


@cache
def _info(lang: str) -> dict[str, Any] | None:
    if not lang.isalpha():
        return None
    try:
        module = importlib.import_module(f"dateparser.data.date_translation_data.{lang}")
    except ModuleNotFoundError:
        return None
    return module.info  # type: ignore[no-any-return]


def known(lang: str | None) -> bool:
    """Whether dateparser has calendar words for this language."""
    return bool(lang) and _info(lang) is not None  # type: ignore[arg-type]


def _forms(lang: str, keys: tuple[str, ...], min_len: int) -> dict[str, int]:
    """Each word form (lower case) -> its index in `keys`. Forms shorter than `min_len` are left
    out: one- and two-letter abbreviations (`mi`, `ma`) are words of the running text too."""
    info = _info(lang) or {}
    out: dict[str, int] = {}
    for i, key in enumerate(keys):
        for form in info.get(key, []):
            form = form.lower().rstrip(".")
            if len(form) >= min_len and form.replace(" ", "").replace("-", "").isalpha():
                out.setdefault(form, i)
    return out


@cache
def months(lang: str, min_len: int = 3) -> dict[str, int]:
    """Month names and abbreviations (lower case) -> 1..12."""
    return {form: i + 1 for form, i in _forms(lang, MONTH_KEYS, min_len).items()}


@cache
def weekdays(lang: str, min_len: int = 4) -> dict[str, int]:
    """Weekday names (lower case) -> 0 (Monday) .. 6; abbreviations are left out by length:
    `mer`, `mié`, `Mit` read as words of the text more often than as days."""
    return _forms(lang, WEEKDAY_KEYS, min_len)


@cache
def unit_words(lang: str) -> dict[str, str]:
    """Words for year, month, week and day (lower case) -> the unit."""
    info = _info(lang) or {}
    return {form.lower(): unit for unit in UNITS for form in info.get(unit, []) if len(form) >= 2}


@cache
def relative_phrases(lang: str) -> dict[str, str]:
    """dateparser's fixed relative phrases (lower case) -> its English reading (`1 day ago`)."""
    info = _info(lang) or {}
    return {phrase.lower(): reading for reading, phrases in info.get("relative-type", {}).items()
            for phrase in phrases if len(phrase) >= 3}


@cache
def relative_patterns(lang: str) -> tuple[tuple[str, str], ...]:
    """dateparser's relative patterns with a number (`vor (\\d+) tagen`) and their reading
    (`\\1 day ago`), the number as a plain group (Python's `re` reads `\\d++` too, but plain
    groups keep the patterns valid for the `fast` forms and older Pythons)."""
    info = _info(lang) or {}
    number = r"(\d++[.,]?\d*+)"
    return tuple((p.replace(number, r"(\d+)"), reading)
                 for reading, patterns in info.get("relative-type-regex", {}).items()
                 for p in patterns if number in p)


@cache
def connectors(lang: str) -> tuple[str, ...]:
    """Short words a date may hold between its parts (`3 de marzo de 2024`): the alphabetic words
    of two or three letters in dateparser's `skip` list for the language."""
    info = _info(lang) or {}
    return tuple(w for w in info.get("skip", []) if w.isalpha() and 2 <= len(w) <= 3)


@cache
def year_words(lang: str) -> tuple[str, ...]:
    """The language's words for `year` (`года`, `г`): a year in figures may carry one after it."""
    info = _info(lang) or {}
    return tuple(w.lower() for w in info.get("year", []) if w.isalpha())


def date_order(lang: str) -> str:
    """`DMY`, `MDY` or `YMD`: how the language writes a date in figures."""
    return str((_info(lang) or {}).get("date_order", "DMY"))
