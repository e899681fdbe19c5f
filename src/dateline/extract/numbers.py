"""Numbers written in words or digits, shared by the amount and time extractors."""

from __future__ import annotations

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
