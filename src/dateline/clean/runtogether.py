"""Paragraphs that a scraper glued together with no space: `release said.The United States`.

A sentence end followed at once by a capital is where two `<p>` elements were joined, so
the glue point becomes a paragraph break. Abbreviations, initials, decimals, URLs, e-mail
addresses and domain names (`U.S.`, `3.5`, `sputniknews.com`, `Mr.Smith`) are left alone.
"""

from __future__ import annotations

import re

from dateline.clean.sentences import LOCAL_ABBREVIATIONS, MONTH_NAMES, TITLES

# The pattern starts at the punctuation (no lookbehind) so the regex engine can skip ahead to
# the next `.!?` quickly; the character before it is checked in Python.
# Cyrillic copy glues its paragraphs the same way (`заявил.Министр`): its capitals and small
# letters count as the Latin ones do.
_GLUE = re.compile(r"[.!?]+[\"'\u201d\u2019\u00bb]?(?=[\"\u201c\u2018\u201e\u00ab*]?"
                   r"[A-Z\u00c0-\u00de\u0410-\u042f\u0401][a-z\u00e0-\u00ff\u0430-\u044f\u0451])")
_BEFORE = (frozenset("abcdefghijklmnopqrstuvwxyz0123456789%)]\"'\u201d\u2019\u00bb")
           | frozenset(map(chr, range(0xE0, 0x100))) | frozenset(map(chr, range(0x430, 0x450))) | {"\u0451"})
_TOKEN_LEFT = re.compile(r"(\S+)$")
_TOKEN_RIGHT = re.compile(r"^(\S+)")
_URLISH = re.compile(
    r"(?:(?i:https?://|www\.)|@|\.(?:com|org|net|gov|edu|int|info|io|co|uk|ru|de|fr|cn|us|tv|news|ua|in|au|ca)\b)"
)


def _protected(text: str, at: int, end: int) -> bool:
    left = _TOKEN_LEFT.search(text, max(0, at - 64), at)  # a window: `$` scans are O(n) otherwise
    right = _TOKEN_RIGHT.search(text[end : end + 64])
    token = (left.group(1) if left else "") + text[at:end] + (right.group(1) if right else "")
    if _URLISH.search(token):
        return True
    word = (left.group(1) if left else "").lower().lstrip("\"'(\u201c\u201e\u00ab")
    after = re.match(r"[^\W\d_]+", right.group(1)) if right else None
    if word.isdigit() and after and after.group(0).lower() in MONTH_NAMES:
        return True  # `am 3.März`: a German day, not a sentence end
    return word in TITLES or word in LOCAL_ABBREVIATIONS or (len(word) <= 2 and "." in word)


def split_run_together(paragraph: str) -> list[str]:
    """The paragraph split at its glue points (one element when there are none)."""
    if "." not in paragraph and "!" not in paragraph and "?" not in paragraph:
        return [paragraph]
    pieces: list[str] = []
    start = 0
    for m in _GLUE.finditer(paragraph):
        if m.start() == 0 or paragraph[m.start() - 1] not in _BEFORE:
            continue
        if _protected(paragraph, m.start(), m.end()):
            continue
        pieces.append(paragraph[start : m.end()].strip())
        start = m.end()
    if not pieces:
        return [paragraph]
    pieces.append(paragraph[start:].strip())
    return [p for p in pieces if p]
