"""Quotation marks: the quoted spans of a text, where they close, and what stands beside them.

Direct quotes are found by scanning the characters, not the parse, because the parse splits
quotes across sentences and paragraphs. The word before an opening mark tells a quote that
continues the writer's own clause from one that is spoken.
"""

from __future__ import annotations

import re

from dateline.extract.quotes.verbs import CUES

# Two apostrophes open and close quotes in some archives (the New York Times' plain text).
PAIRS = {"“": "”", "``": "''", '"': '"', "''": "''"}
OPEN_RE = re.compile(r"“|``|\"|''")


def _paragraph_starts(text: str) -> set[int]:
    return {0} | {m.end() for m in re.finditer(r"\n\s*\n", text)}


def quote_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each quoted passage, marks excluded; a quote left open at the end of a
    paragraph continues where the next paragraph opens a quote again (the news convention)."""
    starts = _paragraph_starts(text)
    spans: list[tuple[int, int]] = []
    pos = 0
    while True:
        m = OPEN_RE.search(text, pos)
        if not m:
            return spans
        close = PAIRS[m.group(0)]
        begin = m.end()
        end = _find_close(text, begin, close, m.group(0), starts)
        if end is None:
            pos = m.end()
            continue
        if end > begin:
            spans.append((begin, end))
        pos = end + len(close)


def _find_close(text: str, begin: int, close: str, opener: str, starts: set[int]) -> int | None:
    pos = begin
    while True:
        end = text.find(close, pos)
        brk = text.find("\n", pos)
        if brk != -1 and (end == -1 or brk < end):
            nxt = re.compile(r"\n\s*\n").match(text, brk)
            after = nxt.end() if nxt else brk + 1
            if after in starts and text.startswith(opener, after):
                pos = after + len(opener)
                continue
            return None
        return end if end != -1 else None


# The same marks as tokens of the parse, and the tokens that end a sentence: a scan for the
# cue or the speaker of a quote stops at either.
_QUOTE_TOKEN = re.compile(r"[\"“”]|``|''")
_STOPS = frozenset({".", "!", "?", ";"})

# `"…" ― Jane Doe`: the dash credit of listicles, letters and social posts.
# The name stays on its line: a credit ends the paragraph, and the next one (a photo
# credit, `Getty/Instagram`) is no part of it.
DASH_CREDIT = re.compile(r"\s*[\u2015\u2014\u2013][ \t]*(?P<name>[A-Z][\w.'-]*(?:[ \t]+[A-Z][\w.'-]*){0,3})")


# The word before an opening mark: a quote that follows one continues a clause of the writer's
# (`she called it "a disgrace"`, `Trump told Fox that "they ..."`); news and PolNeAR alike
# treat such a quote as part of reported speech, or as a title or scare quote, unless the word
# is a speech verb (`Trump says "..."`, `chanted "USA!"`) or a headline in capitals before a
# roundup's quoted lead.
_WORD_BEFORE = re.compile(r"(\w[\w’']*)[ \t\"“”'`]*$")


def _inside_clause(text: str, start: int) -> bool:
    before = text[max(0, start - 40) : start]
    while before.endswith(("\"", "“", "''", "``", "'")):
        before = before[:-2] if before.endswith(("''", "``")) else before[:-1]
    m = _WORD_BEFORE.search(before)
    if m is None or before.rstrip() != before[: m.end(1)]:
        return False  # punctuation, a line break or the text's start before the mark
    word = m.group(1)
    return word.lower() not in CUES and not (word.isupper() and len(word) > 1)
