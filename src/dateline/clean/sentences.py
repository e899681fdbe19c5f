"""A fast rule-based sentence splitter for the cleaner.

spaCy's parser is far too slow for cleaning (the cleaner must run at a good fraction of a
regex pass), and cleaning needs only reliable boundaries between sentences of news prose.
"""

from __future__ import annotations

import re

from dateline import lexicon
from dateline.lexicon import calendar

ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof gen col lt maj capt sgt cmdr adm gov sen rep pres st ste mt ft jr sr
    inc corp co ltd plc bros no nos vol vs etc al approx dept univ jan feb mar apr jun jul aug
    sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun rev hon est fig op pp ave
    blvd rd u.s u.k u.n e.u u.s.a e.g i.e a.m p.m ph.d""".split()
)

# Abbreviations that stand before a capitalised word (a name) and so look like a glued
# sentence end: `Mr.Smith`. A subset of the above: `No.` or `Jan.` before a capital is rare.
TITLES = frozenset(
    """mr mrs ms dr prof gen col lt maj capt sgt cmdr adm gov sen rep pres st ste mt ft jr sr rev
    hon messrs mme mlle u.s u.k u.n e.u""".split()
)


def _other_languages(name: str) -> frozenset[str]:
    """A word list of every language but English, in one set (lower case). The cleaner runs before
    the article's language is known, and these are words that mean nothing else before a stop."""
    return frozenset(w for lang in lexicon.languages() if lang != "en" and lexicon.has(name, lang)
                     for w in lexicon.words(name, lang, lower=True))


# `Nr. 5`, `Prof. Müller`, `ул. Тверская`, `Sra. Pérez`: abbreviations of the other languages.
LOCAL_ABBREVIATIONS = _other_languages("abbreviations")
# `am 3. März`: German, Danish, Czech and others write a day with a stop before the month's name.
MONTH_NAMES = frozenset(form for lang in ("de", "da", "nb", "fi", "cs", "sk", "pl", "hu", "sl", "hr")
                        for form in calendar.months(lang, min_len=3))

# A boundary: end punctuation, optional closing quote/bracket, whitespace, then something
# that can begin a sentence: a capital of the Latin, Greek or Cyrillic alphabet, a figure, a quote.
_BOUNDARY = re.compile(r"([.!?]+)([\"'\u201d\u2019\u00bb\u201c)\]]*)\s+"
                       r"(?=[\"'\u201c\u2018\u201e\u00ab(\[]?[A-Z0-9*\u00c0-\u00de\u0391-\u03a9\u0400-\u042f])")
_WORD_BEFORE = re.compile(r"([^\W\d_][^\W\d_.]*(?:\.[^\W\d_]+)*)$")
_DAY_BEFORE = re.compile(r"(?<![\d.,])(?:[12]\d|3[01]|0?[1-9])$")
_WORD_AFTER = re.compile(r"\s*([^\W\d_]+)")


def _is_abbreviation(text: str, dot: int) -> bool:
    m = _WORD_BEFORE.search(text, max(0, dot - 24), dot)  # a window: `$` scans are O(n) otherwise
    if not m:
        return _is_day(text, dot)
    word = m.group(1).lower().rstrip(".")
    if word in ABBREVIATIONS or word in LOCAL_ABBREVIATIONS:
        return True
    # A single capital letter is an initial (`John F. Kennedy`); a single small one an
    # abbreviation's part (`z. B.`, `т. е.`, `d. h.`): neither ends a sentence.
    return len(word) == 1 and (text[m.start()].isupper() or _single_small(text, m.start()))


def _single_small(text: str, at: int) -> bool:
    """A lone small letter before a stop that another letter and stop follow (`z. B.`)."""
    return bool(re.match(r"\.\s?[^\W\d_]\.", text[at + 1 : at + 6]))


def _is_day(text: str, dot: int) -> bool:
    """`am 3. März`: a day number whose stop is followed by the name of a month."""
    if not _DAY_BEFORE.search(text, max(0, dot - 3), dot):
        return False
    after = _WORD_AFTER.match(text, dot + 1)
    return bool(after) and after.group(1).lower() in MONTH_NAMES


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """End-exclusive (start, end) spans of the sentences in one paragraph."""
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _BOUNDARY.finditer(text):
        if m.group(1) == "." and _is_abbreviation(text, m.start(1)):
            continue
        end = m.end(2)
        if end > start:
            spans.append((start, end))
        start = m.end()
    if start < len(text) and text[start:].strip():
        spans.append((start, len(text.rstrip())))
    return spans


def split_sentences(text: str) -> list[str]:
    return [text[s:e] for s, e in sentence_spans(text)]
