"""Money and percentages in an article's own language: `200 Milliarden Euro`, `3 млрд рублей`,
`2,5 millions d'euros`, `1,5 Mio. Dollar`, `25 por ciento`, `5 Prozent`, `1 234,5 €`.

The number is read in the language's format (`extract/numbers.py`: the decimal comma only where
the language writes one); scale words (`Milliarden`, `млрд`, `mil millones`) and percent words
(`Prozent`, `процентов`) come from CLDR through Babel, which has them for every language it
knows; currency words from `lexicon/<lang>/currencies.txt`, matched by Snowball stem so that
`рублей` and `рубля` are `рубль`. Symbols and ISO codes (`€`, `$`, `USD`) read the same in any
language; the words that qualify a figure (`mehr als`, `около`) from `lexicon/<lang>/qualifiers.txt`.
Counts of things (`2.000 Menschen`) are left to a model that knows what a noun is.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

import regex

from dateline import lexicon
from dateline.extract.numbers import local_digits, local_value
from dateline.lexicon.stems import stemmer
from dateline.model import Amount

__all__ = ["find_local_amounts"]

SYMBOLS = {"€": "EUR", "$": "USD", "us$": "USD", "r$": "BRL", "a$": "AUD", "c$": "CAD", "hk$": "HKD",
           "nz$": "NZD", "£": "GBP", "¥": "JPY", "₽": "RUB", "₹": "INR", "₴": "UAH",
           "usd": "USD", "eur": "EUR", "gbp": "GBP", "chf": "CHF", "rub": "RUB", "jpy": "JPY", "cny": "CNY"}
# A letter before `$` names the dollar (`R$` is Brazil's real); alone it is the US dollar.
_SYMBOL = (r"(?P<sym>(?<!\p{L})(?:US|R|A|C|HK|NZ)\$|(?<!\p{L})\$|[€£¥₽₹₴]"
           r"|(?<!\p{L})(?:USD|EUR|GBP|CHF|RUB|JPY|CNY)(?!\p{L}))")
_SPACE = r"[ \u00a0\u202f]"
_WORD = r"\p{L}[\p{L}-]*"
# A short word between a figure or scale and the currency: `millions d'euros`, `millones de dólares`.
_LINK = r"(?:\p{Ll}{1,3}(?:['’]|\s+))?"
POWERS = (1e3, 1e6, 1e9, 1e12)
MIN_STEM = 3


@cache
def scale_words(lang: str) -> dict[str, float]:
    """The language's words for thousand, million, billion and trillion (lower case) -> factor,
    long (`Milliarden`) and short (`Mrd.`), from CLDR's compact number formats."""
    from babel import Locale, UnknownLocaleError

    try:
        formats = Locale.parse(lang).compact_decimal_formats
    except (UnknownLocaleError, ValueError, TypeError):
        return {}
    out: dict[str, float] = {}
    for length in ("long", "short"):
        table = formats[length]
        for category in table.keys():
            for key in table[category].keys():
                factor = float(key)
                if factor not in POWERS:
                    continue
                pattern = table[category][key]
                pattern = getattr(pattern, "pattern", str(pattern))
                word = pattern.replace("'", "").replace("0", "").strip(" \u00a0")
                # A letter alone (`M`, `k`) is too often something else in running text.
                if len(word.rstrip(".")) >= 2 and not any(c.isdigit() for c in word):
                    out.setdefault(word.lower(), factor)
    return out


@cache
def percent_words(lang: str) -> tuple[str, ...]:
    """The language's words for percent (`Prozent`, `por ciento`, `процентов`), from CLDR."""
    from babel import UnknownLocaleError
    from babel.units import format_unit

    words: set[str] = set()
    for n in (1, 2, 5, 1.5):
        try:
            text = format_unit(n, "concentr-percent", length="long", locale=lang)
        except (UnknownLocaleError, ValueError, TypeError):
            break
        word = regex.sub(r"[\d.,\s\u00a0\u202f]+", " ", text).strip()
        if word and "%" not in word:
            words.add(word.lower())
    if lexicon.has("percent_words", lang):  # forms news writes beside CLDR's (`per cento`)
        words.update(w.lower() for w in lexicon.entries("percent_words", lang))
    return tuple(sorted(words, key=len, reverse=True))


@dataclass
class _Language:
    lang: str
    stem: Callable[[str], str]
    currencies: dict[tuple[str, ...], str]  # stems of a currency's words -> ISO code
    scales: dict[str, float]
    money_after: regex.Pattern[str]
    money_before: regex.Pattern[str]
    percent: regex.Pattern[str]
    qualifiers: dict[str, str]  # `mehr als` -> `more than`
    qualifier: regex.Pattern[str] | None  # one of them right before a figure


def _alternatives(words: list[str] | tuple[str, ...]) -> str:
    return "|".join(regex.escape(w).replace(r"\ ", r"\s+") for w in sorted(set(words), key=len, reverse=True))


@cache
def _language(lang: str) -> _Language:
    stem = stemmer(lang) or str.lower
    currencies: dict[tuple[str, ...], str] = {}
    if lexicon.has("currencies", lang):
        for words, code in lexicon.mapping("currencies", lang).items():
            # each word as written, and by its stem where the stem is long enough to be the word's
            # (Snowball takes the Russian `иена` to `и`, which is `and`)
            currencies.setdefault(tuple(w.lower() for w in words.split()), code)
            stems = tuple(stem(w) for w in words.split())
            if all(len(x) >= MIN_STEM for x in stems):
                currencies.setdefault(stems, code)
    scales = scale_words(lang)
    num = rf"(?P<num>{local_digits(lang)})(?![.,]?\d)"
    scale = rf"(?:{_SPACE}+(?P<scale>{_alternatives(list(scales))})(?!\p{{L}}))?" if scales else ""
    percent = _alternatives(percent_words(lang))
    words = rf"(?P<w1>{_WORD})(?:\s+(?P<w2>{_WORD}))?"
    qualifiers = ({k.lower(): v for k, v in lexicon.mapping("qualifiers", lang).items()}
                  if lexicon.has("qualifiers", lang) else {})
    qualifier = (regex.compile(rf"(?<!\p{{L}})(?P<q>{_alternatives(list(qualifiers))})\s+$", regex.I)
                 if qualifiers else None)
    return _Language(
        lang, stem, currencies, scales,
        money_after=regex.compile(rf"(?<![\d\p{{L}}]){num}{scale}(?:{_SPACE}*{_SYMBOL}|\s+{_LINK}{words})", regex.I),
        money_before=regex.compile(rf"{_SYMBOL}{_SPACE}?{num}{scale}", regex.I),
        percent=regex.compile(rf"(?<![\d\p{{L}}]){num}(?:{_SPACE}?%|{_SPACE}+(?:{percent})(?!\p{{L}}))"
                              if percent else rf"(?<![\d\p{{L}}]){num}{_SPACE}?%", regex.I),
        qualifiers=qualifiers, qualifier=qualifier,
    )


def _currency(lg: _Language, m: regex.Match[str]) -> tuple[str, int] | None:
    """The currency after the figure and where it ends: a symbol, or the currency's words."""
    if m.group("sym"):
        return SYMBOLS.get(m.group("sym").lower(), m.group("sym").upper()), m.end("sym")
    w1, w2 = m.group("w1"), m.group("w2")
    if w1 is None:
        return None
    if w2:
        code = (lg.currencies.get((w1.lower(), w2.lower()))
                or lg.currencies.get((lg.stem(w1), lg.stem(w2))))
        if code:
            return code, m.end("w2")
    if code := lg.currencies.get((w1.lower(),)) or lg.currencies.get((lg.stem(w1),)):
        return code, m.end("w1")
    return None


def _value(lg: _Language, m: regex.Match[str]) -> float | None:
    value = local_value(m.group("num"), lg.lang)
    scale = m.group("scale") if "scale" in m.re.groupindex else None
    if value is not None and scale:
        value *= lg.scales.get(" ".join(scale.lower().split()), 1.0)
    return value


def find_local_amounts(text: str, lang: str | None) -> list[Amount]:
    """Money and percentages in `text`, written in `lang`, each with its value and unit."""
    lg = _language(lang or "en")
    taken = bytearray(len(text) + 1)
    out: list[Amount] = []

    def add(start: int, end: int, value: float | None, unit: str) -> None:
        if value is None or any(taken[start:end]):
            return
        # `mehr als 200 Milliarden Euro`: the word that says how exact the figure is, in the span
        # as the English amounts have it (`more than $600 million`)
        q = lg.qualifier.search(text, max(0, start - 30), start) if lg.qualifier else None
        if q is not None:
            start = q.start()
        taken[start:end] = b"\x01" * (end - start)
        out.append(Amount(text=text[start:end], value=round(value, 10), unit=unit,
                          qualifier=lg.qualifiers[" ".join(q.group("q").lower().split())] if q else None,
                          counted=None, start=start, end=end))

    for m in lg.money_before.finditer(text):
        add(m.start(), m.end(), _value(lg, m), SYMBOLS.get(m.group("sym").lower(), m.group("sym").upper()))
    for m in lg.money_after.finditer(text):
        found = _currency(lg, m)
        if found is not None:
            add(m.start(), found[1], _value(lg, m), found[0])
    for m in lg.percent.finditer(text):
        add(m.start(), m.end(), local_value(m.group("num"), lg.lang), "percent")
    out.sort(key=lambda a: a.start)
    return out
