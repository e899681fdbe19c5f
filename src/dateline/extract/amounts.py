"""Money, percentages and counts, with the qualifier that says how exact the figure is.

A regular-expression pass, so that it runs on raw text without a model (the evaluation
harness calls `find_amounts` directly); `refine_counted` then uses the parse, when there is
one, to name what a count counts.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.tokens import Doc

from dateline import lexicon
from dateline.extract.fastre import FOLDED, fast
from dateline.extract.numbers import DIGITS, PLURAL_SCALES, SCALES, WORD_NUMBER, word_value
from dateline.extract.tables import table_units
from dateline.model import Amount

SYMBOLS = {
    "$": "USD", "us$": "USD", "us $": "USD", "usd": "USD", "€": "EUR", "eur": "EUR",
    "£": "GBP", "gbp": "GBP", "¥": "JPY", "jpy": "JPY", "a$": "AUD", "aud": "AUD",
    "c$": "CAD", "cad": "CAD", "usd$": "USD", "au$": "AUD", "ca$": "CAD", "nz$": "NZD",
    "hk$": "HKD", "chf": "CHF", "cny": "CNY", "rmb": "CNY",
    "rub": "RUB", "inr": "INR", "rs": "INR", "rs.": "INR", "₹": "INR", "₽": "RUB",
}
WORDS = {
    "dollar": "USD", "euro": "EUR", "pound": "GBP", "pounds sterling": "GBP", "sterling": "GBP",
    "rouble": "RUB", "ruble": "RUB", "yen": "JPY", "yuan": "CNY", "renminbi": "CNY",
    "rupee": "INR", "franc": "CHF", "swiss franc": "CHF", "lira": "TRY", "lire": "TRY",
    "real": "BRL", "reais": "BRL", "peso": "MXN", "won": "KRW", "shekel": "ILS",
    "riyal": "SAR", "dirham": "AED", "rand": "ZAR", "hryvnia": "UAH", "hryvnias": "UAH",
}
QUALIFIERS = (
    r"(?P<qual>more than|less than|fewer than|over|under|almost|nearly|about|around|some"
    r"|up to|at least|at most|approximately|roughly|an estimated|as many as|as much as"
    r"|close to|just over|just under|well over|in excess of|upwards of|estimated)"
)
SCALE = r"(?P<scale>hundred|thousand|million|billion|trillion|bn|mn|mln|bln|tn|trn|[mbk])\b"
NUMBER = rf"(?P<num>{DIGITS}|{WORD_NUMBER}|a)"
# Wire copy writes rates and prices with fractions: `10-3/4 pct`, `7-1/2 dlrs`, `1/2 pct`.
FRACTION = r"(?:\d+-)?[1-9]/(?:2|4|8|16|32)\b"
# A share of one percent written in words (`half a percent`, `a quarter of a percentage
# point`): how news reports the small moves of rates and indexes.
PART_OF_ONE = {"half a": 0.5, "a half": 0.5, "a quarter of a": 0.25, "a third of a": 1 / 3,
               "three quarters of a": 0.75}
SPELLED_FRACTION = r"(?:half a|a half|a (?:quarter|third) of a|three[- ]quarters of a)"
# A letter before a symbol or code makes it part of a word: `years 2.1`, `15 hrs` and `offers
# 6.5` hold no rupees (`Rs`), nor `HUSD` dollars.
CODE = (r"(?<![A-Za-z])(?P<sym>USD ?\$|US ?\$|AU\$|CA\$|NZ\$|[ACH]K?\$|\$|€|£|¥|₹|₽|USD|EUR|GBP|JPY|AUD|CAD|CHF|CNY"
        r"|RMB|RUB|INR|Rs\.?)")


def _wire_units() -> dict[str, tuple[str, float]]:
    """`lexicon/en/units.txt`: wire-copy currency words -> (ISO code, factor)."""
    out: dict[str, tuple[str, float]] = {}
    for words, value in lexicon.mapping("units").items():
        code, _, factor = value.partition("*")
        out[" ".join(words.lower().split())] = (code.strip(), float(factor) if factor else 1.0)
    return out


# Wire copy abbreviates units and scales (`12.5 mln dlrs`, `87 cts`, `500 mln stg`).
WIRE_UNITS = _wire_units()
_WIRE = "|".join(re.escape(w).replace(r"\ ", " ") for w in sorted(WIRE_UNITS, key=len,
                                                                   reverse=True))
CURRENCY_WORD = (
    rf"(?P<cword>{_WIRE}|(?:US |U\.S\. |Canadian |Australian |Hong Kong )?dollars?|euros?"
    r"|pounds?(?: sterling)?|sterling|roubles?|rubles?|yen|yuan|renminbi|rupees?|(?:Swiss )?francs?"
    r"|lira|lire|reais|real|pesos?|won|shekels?|riyals?|dirhams?|rand|hryvnias?)"
)
CURRENCY_ONLY = re.compile(CURRENCY_WORD, re.I)
CURRENCY_NEXT = re.compile(rf"\s*{CURRENCY_WORD}\b", re.I)  # the currency word after a plural scale
# Words after a number that end what is counted: function words, verbs of reporting, and
# nouns that measure rather than count.
STOP = frozenset(
    "a an the of in on at to for from by with as and or but who which that were was are is be "
    "have has had said says will would could than per each this these those their its his her "
    "our your into over under after before during while when where since until about "
    # Comparisons end the counted phrase: `126,000 head versus 128,000`, `11.4 mln against 9.8`
    # (`vs` not: in wire tables, `Net 312,000 vs 122,000`, it marks the row's figures).
    "against versus".split()
)
NOT_COUNTED = frozenset(
    "percent per cent pc % year years month months week weeks day days hour hours minute "
    "minutes second seconds times o'clock am pm a.m. p.m. hrs hr mins min secs sec gmt est "
    "edt bst cet mths mth wks wk yrs yr qtr qtrs".split()  # wire tables: `Nine mths`, `4th qtr`
)
MONTH_WORDS = frozenset(
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec".split()
)

MONEY_PREFIX = re.compile(
    rf"(?:\b{QUALIFIERS} )?{CODE} ?(?P<num>{DIGITS})(?:[ -]?{SCALE})?", re.I
)
MONEY_SUFFIX = re.compile(
    rf"(?:\b{QUALIFIERS} )?\b(?P<num>{FRACTION}|{DIGITS}|{WORD_NUMBER})(?: {SCALE})? "
    rf"{CURRENCY_WORD}\b", re.I
)
PERCENT = re.compile(
    rf"(?:\b{QUALIFIERS} )?\b(?P<num>{SPELLED_FRACTION}|{FRACTION}|{DIGITS}|{WORD_NUMBER})"
    r"(?: ?%| percent\b| per cent\b"
    r"| pct\b| percentage points?\b)",
    re.I,
)
PLURAL = re.compile(
    r"(?:\b(?P<qual>some|several|many|tens of|hundreds of) )?\b(?P<plural>tens of thousands"
    r"|hundreds of thousands|dozens|scores|hundreds|thousands|millions|billions) of\b",
    re.I,
)
COUNT = re.compile(
    # Not after a slash: `1987/88`, `24/7` are a season and a ratio, not counts.
    rf"(?:\b{QUALIFIERS} )?(?<![\w$€£¥.,/-])(?P<num>{DIGITS}|{WORD_NUMBER}|a dozen)"
    rf"(?: {SCALE})?(?![\w%-]|\.\d|,\d)",
    re.I,
)
# Polls and surveys write shares as proportions: `3 in 10 voters`, `one in five Americans`,
# `nine out of 10 economists`. The two numbers are one share of a group, not two counts (read
# apart, `10 voters` was a count of ten); stored as the percentage it states, the text kept.
PROPORTION = re.compile(
    rf"(?:\b{QUALIFIERS} )?(?<![\w$€£¥.,-])(?P<num>\d{{1,3}}|{WORD_NUMBER}) (?:in|out of) "
    rf"(?P<den>\d{{1,4}}|{WORD_NUMBER}|a hundred|a thousand)(?![\w%-]|\.\d|,\d)",
    re.I,
)
# A range writes its unit once, after the second figure: `by 52 to 41 percent`, `between 5
# and 7 pct`, `3-4 per cent`. The first figure is a percentage too (read alone it was a bare
# number, and dropped).
RANGE_BEFORE = re.compile(rf"(?<![\w.,-])(?P<num>{FRACTION}|{DIGITS}) ?(?:to|and|or|-|–) ?$", re.I)
RANGE_JOINS = ("to", "and", "or", "-", "–")  # what must end the text before the second figure
BIG_SCALES = frozenset("million mln mn m billion bln bn b trillion tn trn".split())
# Vague quantifiers name no number: `several ministers`, `a few aides` are not three of them.
VAGUE = frozenset(("several", "a few"))
# A number before a clock word is a time of day (`12 p.m.`, `9 am`, `6 o'clock`), not a count.
CLOCK = re.compile(r"\s*(?:[ap]\.m\.|[ap]m\b|o'clock\b)", re.I)
# For speed (see `_finditer`): the words a text needs for each pattern to match in it, at
# least one of them, in its lower-case copy; and each pattern's `fast` form.
NEEDS: dict[re.Pattern[str], tuple[str, ...]] = {
    MONEY_PREFIX: ("$", "€", "£", "¥", "₹", "₽", "usd", "eur", "gbp", "jpy", "aud", "cad", "chf",
                   "cny", "rmb", "rub", "inr", "rs"),
    MONEY_SUFFIX: ("dollar", "euro", "pound", "sterling", "roubl", "rubl", "yen", "yuan",
                   "renminbi", "rupee", "franc", "lira", "lire", "reais", "real", "peso", "won",
                   "shekel", "riyal", "dirham", "rand", "hryvnia", "dlr", "ct", "stg",
                   "mark", "guilder", "peseta", "schilling", "ringgit", "baht", "cent",
                   "pence"),
    PERCENT: ("%", "percent", "per cent", "pct"),
    PLURAL: ("dozens", "scores", "hundreds", "thousands", "millions", "billions"),
    PROPORTION: (" in ", " out of "),
}
_FAST = {p: fast(p) for p in (MONEY_PREFIX, MONEY_SUFFIX, PERCENT, PLURAL, PROPORTION, COUNT)}
NEXT_WORDS = re.compile(r"\s+((?:[A-Za-z][\w'-]*)(?:\s+[A-Za-z][\w'-]*){0,3})")


def _number(num: str) -> float | None:
    """`word_value`, and wire fractions: `10-3/4` is 10.75, `1/2` is 0.5."""
    m = re.fullmatch(r"(?:(\d+)-)?(\d+)/(\d+)", num)
    if m:
        return int(m.group(1) or 0) + int(m.group(2)) / int(m.group(3))
    part = PART_OF_ONE.get(" ".join(num.lower().replace("-", " ").split()))
    if part is not None:
        return part
    return word_value(num)


def _value(num: str, scale: str | None) -> float | None:
    value = _number(num)
    if value is None:
        return None
    if scale:
        factor = SCALES.get(scale.lower())
        if factor is None:
            return None
        value *= factor
    return value


def _qualifier(m: re.Match[str]) -> str | None:
    q = m.groupdict().get("qual")
    return q.lower() if q else None


def _currency(sym: str | None, cword: str | None) -> str:
    wire = WIRE_UNITS.get(" ".join((cword or "").lower().split()))
    if wire:
        return wire[0]
    if sym:
        return SYMBOLS.get(sym.lower().replace(" ", ""), SYMBOLS.get(sym.lower(), sym.upper()))
    words = (cword or "").lower().split()
    if words[0] in ("canadian",):
        return "CAD"
    if words[0] in ("australian",):
        return "AUD"
    if words[0] in ("hong",):
        return "HKD"
    head = " ".join(w for w in words if w not in ("us", "u.s."))
    return WORDS.get(head) or WORDS.get(head.rstrip("s")) or WORDS.get(words[-1].rstrip("s"), "")


def _counted(text: str, end: int) -> tuple[str | None, int]:
    """The words after a number that name what it counts, and where they end."""
    m = NEXT_WORDS.match(text, end)
    if not m:
        return None, end
    words: list[str] = []
    stop = end
    for w in re.finditer(r"[A-Za-z][\w'-]*", m.group(1)):
        low = w.group(0).lower()
        if low in STOP or (not words and low in NOT_COUNTED):
            break
        words.append(w.group(0))
        stop = m.start(1) + w.end()
        if low.endswith("s") and not low.endswith("ss") and len(low) > 3:
            break  # a plural noun ends the phrase: `terrorist fighters`
    return (" ".join(words) if words else None), stop


def _free(taken: bytearray, start: int, end: int) -> bool:
    return not any(taken[start:end])


def _claim(taken: bytearray, start: int, end: int) -> None:
    taken[start:end] = b"\x01" * (end - start)


def _finditer(pattern: re.Pattern[str], text: str, low: str | None) -> Iterator[re.Match[str]]:
    """`pattern.finditer(text)`, skipped when `low` (the text in lower case) lacks the words
    the pattern needs, else run in its `fast` form; `low` is None for a text with a character
    IGNORECASE folds onto ASCII, which only the plain pattern reads right."""
    if low is None:
        return pattern.finditer(text)
    if not any(w in low for w in NEEDS.get(pattern, ("",))):
        return iter(())
    return _FAST[pattern].finditer(text)


def find_amounts(text: str) -> list[Amount]:
    """Money, percentages and counts in `text`, each with value, unit, qualifier, counted."""
    taken = bytearray(len(text) + 1)
    low = None if FOLDED.search(text) else text.lower()
    out: list[Amount] = []

    def add(m: re.Match[str], value: float | None, unit: str | None, counted: str | None,
            end: int | None = None, qualifier: str | None = None) -> None:
        start, stop = m.start(), m.end() if end is None else end
        if value is None or not _free(taken, start, m.end()):
            return
        _claim(taken, start, m.end())
        out.append(Amount(text=text[start:stop], value=value, unit=unit,
                          qualifier=qualifier or _qualifier(m), counted=counted,
                          start=start, end=stop))

    for m in _finditer(MONEY_PREFIX, text, low):
        add(m, _value(m.group("num"), m.group("scale")), _currency(m.group("sym"), None), None)
    for m in _finditer(MONEY_SUFFIX, text, low):
        cur = _currency(None, m.group("cword"))
        if m.group("cword").lower() in ("real", "won", "rand") and not m.group("scale"):
            continue  # `a real threat`, `one won`: too ambiguous without a scale word
        value = _value(m.group("num"), m.group("scale"))
        factor = WIRE_UNITS.get(" ".join(m.group("cword").lower().split()), ("", 1.0))[1]
        add(m, None if value is None else round(value * factor, 10), cur or None, None)
    for m in _finditer(PERCENT, text, low):
        add(m, _number(m.group("num")), "percent", None)
        # Most percentages stand alone: the window is searched only after a joining word.
        if m.group("qual") or not text[max(0, m.start() - 5): m.start()].rstrip().endswith(RANGE_JOINS):
            continue
        first = RANGE_BEFORE.search(text, max(0, m.start() - 24), m.start())
        # `from 30 percent in 2016 to 41 percent`: a year before `to` starts no range.
        if first and not re.fullmatch(r"1[789]\d\d|20\d\d", first["num"]):
            add(first, _number(first.group("num")), "percent", None, end=first.end("num"))
    for m in _finditer(PROPORTION, text, low):
        _proportion(text, m, add)
    for m in _finditer(PLURAL, text, low):
        counted, _ = _counted(text, m.end())
        plural = f"{m.group('plural').lower()} of"
        qual = f"{m.group('qual').lower()} {plural}" if m.group("qual") else plural
        # `billions of dollars`, `millions of dlrs`: a lower bound of money, in that currency.
        unit = _currency(None, counted) if counted and CURRENCY_ONLY.fullmatch(counted) else None
        # `hundreds of thousands`: the qualifier multiplies the plural's lower bound.
        times = {"tens of": 10, "hundreds of": 100}.get((m.group("qual") or "").lower(), 1)
        add(m, float(PLURAL_SCALES[m.group("plural").lower()]) * times, unit or None,
            None if unit else counted, qualifier=qual,
            end=_end_of_currency(text, m.end()) if unit else None)
    for m in _finditer(COUNT, text, low):
        _count(text, m, add)
    out.sort(key=lambda a: a.start)
    return table_units(text, out)


def _proportion(text: str, m: re.Match[str], add) -> None:  # type: ignore[no-untyped-def]
    num, den = _number(m.group("num")), _number(m.group("den"))
    if num is None or not den or num >= den or m.group("num").lower() in VAGUE:
        return
    counted, stop = _counted(text, m.end())
    if counted is None or counted.split()[0].lower() in NOT_COUNTED | MONTH_WORDS:
        return  # `3 in 10 minutes`, `2 in 5 years`: a count and a duration, not a share
    add(m, round(100 * num / den, 2), "percent", counted)


def _end_of_currency(text: str, start: int) -> int:
    m = CURRENCY_NEXT.match(text, start)
    return m.end() if m else start


def _count(text: str, m: re.Match[str], add) -> None:  # type: ignore[no-untyped-def]
    num = m.group("num")
    low = num.lower()
    if low in ("a", "an", "one") and not m.group("scale"):
        return  # `a` and `one` are mostly articles and pronouns, not counts
    if low in VAGUE or CLOCK.match(text, m.end()):
        return
    counted, stop = _counted(text, m.end())
    if counted is None:
        # A figure in millions or more (`11.48 mln in 1986/87`) is an amount, never a year, a
        # score or a page; smaller scales in words name things (`the Ford Five Hundred`).
        if (m.group("scale") or "").lower() in BIG_SCALES and num[:1].isdigit():
            add(m, _value(num, m.group("scale")), None, None)
        return  # a bare number (a year, a score, a page) is not an amount of anything
    first = counted.split()[0].lower()
    if first in MONTH_WORDS or first in NOT_COUNTED or _is_date_number(text, m):
        return
    if re.fullmatch(r"1[789]\d\d|20\d\d", num) and not m.group("qual"):
        return  # `in 2021 the` reads as a year, not 2021 of something
    add(m, _value(num, m.group("scale")), None, counted, None)


def _is_date_number(text: str, m: re.Match[str]) -> bool:
    before = text[max(0, m.start() - 10) : m.start()].lower().split()
    return bool(before) and before[-1].rstrip(".,") in MONTH_WORDS


def refine_counted(amounts: list[Amount], doc: Doc) -> list[Amount]:
    """Name what each count counts from the parse: the noun the number modifies."""
    for a in amounts:
        if a.unit is not None:
            continue
        span = doc.char_span(a.start, a.end, alignment_mode="expand")
        if span is None:
            continue
        noun = _counted_noun(span)
        if noun is None:
            continue
        mods = [t for t in noun.lefts
                if t.dep_ in ("amod", "compound", "nmod") and t.i > span.end - 1]
        first = mods[0].i if mods else noun.i
        a.counted = doc[first : noun.i + 1].text
    return amounts


def _counted_noun(span):  # type: ignore[no-untyped-def]
    for tok in span:
        head = tok.head
        if tok.dep_ == "nummod" and head.pos_ in ("NOUN", "PROPN") and head.i >= span.end - 1:
            return tok.head
        if tok.lower_ in PLURAL_SCALES and tok.head.pos_ == "NOUN":
            for child in tok.children:
                if child.dep_ == "prep" and child.lower_ == "of":
                    objs = [c for c in child.children if c.dep_ == "pobj"]
                    if objs:
                        return objs[0]
    return None
