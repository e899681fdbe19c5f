"""A fast rule-based sentence splitter for the cleaner.

spaCy's parser is far too slow for cleaning (the cleaner must run at a good fraction of a
regex pass), and cleaning needs only reliable boundaries between sentences of news prose.
"""

from __future__ import annotations

import re

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

# A boundary: end punctuation, optional closing quote/bracket, whitespace, then something
# that can begin a sentence.
_BOUNDARY = re.compile(r"([.!?]+)([\"'\u201d\u2019)\]]*)\s+(?=[\"'\u201c\u2018(\[]?[A-Z0-9*\u00c0-\u00de])")
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.]*)$")


def _is_abbreviation(text: str, dot: int) -> bool:
    m = _WORD_BEFORE.search(text, max(0, dot - 24), dot)  # a window: `$` scans are O(n) otherwise
    if not m:
        return False
    word = m.group(1).lower().rstrip(".")
    if word in ABBREVIATIONS:
        return True
    # A single capital letter is an initial (`John F. Kennedy`), not a sentence end.
    return len(word) == 1 and text[m.start()].isupper()


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
