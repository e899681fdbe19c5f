"""Numbers written in words or digits, shared by the amount and time extractors."""

from __future__ import annotations

import re
from functools import cache

UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "a": 1, "an": 1, "a dozen": 12, "dozen": 12,
    "a hundred": 100, "a thousand": 1000, "half a dozen": 6, "a couple of": 2, "a few": 3,
    "several": 3,
}
SCALES = {
    "hundred": 100, "thousand": 1e3, "k": 1e3, "million": 1e6, "m": 1e6, "mn": 1e6,
    "mln": 1e6, "billion": 1e9, "bn": 1e9, "b": 1e9, "bln": 1e9, "trillion": 1e12, "tn": 1e12,
    "trn": 1e12,
}
# `thousands of` is a lower bound: at least one thousand.
PLURAL_SCALES = {
    "dozens": 12, "scores": 20, "hundreds": 100, "thousands": 1e3, "tens of thousands": 1e4,
    "hundreds of thousands": 1e5, "millions": 1e6, "billions": 1e9,
}

WORD_NUMBER = (
    r"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|four"
    r"|five|six|seven|eight|nine))?|half a dozen|a dozen|a couple of|a few|zero|one|two|three"
    r"|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen"
    r"|seventeen|eighteen|nineteen|dozen|several)"
)
DIGITS = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"


def word_value(text: str) -> float | None:
    """The value of a number in words or digits (`twenty-one`, `2,000`, `1.5`), else None."""
    t = " ".join(text.lower().replace("-", " ").split())
    if t in UNITS:
        return float(UNITS[t])
    parts = t.split()
    if len(parts) == 2 and parts[0] in UNITS and parts[1] in UNITS:
        return float(UNITS[parts[0]] + UNITS[parts[1]])
    try:
        return float(t.replace(",", ""))
    except ValueError:
        return None


# Local number formats: `1.234,5` in German, `1 234,5` in French and Russian, `1,234.5` in
# English. The decimal mark and the digit grouping are the language's (CLDR, through Babel), so
# that `2,5` is two and a half in a German article and `2,500` two thousand five hundred in an
# English one: decided by the article's language, never guessed number by number.
_SPACES = " \u00a0\u202f"


@cache
def number_symbols(lang: str) -> tuple[str, str]:
    """(decimal mark, grouping marks) of `lang`; English's where CLDR does not know it. A language
    that groups with a space is read with any space (`1 234`, no-break or narrow no-break too)."""
    from babel import Locale, UnknownLocaleError

    try:
        symbols = Locale.parse(lang).number_symbols["latn"]
        decimal, group = symbols["decimal"], symbols["group"]
    except (UnknownLocaleError, ValueError, KeyError, TypeError):
        decimal, group = ".", ","
    groups = _SPACES if group in _SPACES else group
    return decimal, groups


@cache
def local_digits(lang: str) -> str:
    """A pattern of a number in figures as `lang` writes it (grouped or not, with decimals)."""
    decimal, groups = number_symbols(lang)
    g = "[" + re.escape(groups) + "]"
    d = re.escape(decimal)
    return rf"(?:\d{{1,3}}(?:{g}\d{{3}})+|\d+)(?:{d}\d+)?"


def local_value(num: str, lang: str) -> float | None:
    """The value of a number in figures written the way `lang` writes it (`1.234,5` -> 1234.5)."""
    decimal, groups = number_symbols(lang)
    plain = "".join(c for c in num if c not in groups).replace(decimal, ".")
    try:
        return float(plain)
    except ValueError:
        return None
