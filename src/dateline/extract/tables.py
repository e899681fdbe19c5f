"""Rows of financial tables in wire copy: lines that are figures, not sentences.

Earnings reports on the wires are tables typed as text, one row a line:

    Shr 1.72 dlrs vs 87 cts
    Net 12.5 mln vs 10.1 mln
    Avg shrs 5,210,000 vs 4,980,000

Their labels (`Shr`, `Revs`, `Avg shrs`, `Oper net`) are abbreviations that a named-entity
model, seeing capitalised words before numbers, takes for names; across an archive of wire
copy they become its most frequent "people". A row is told from a sentence by its shape: a
short line of figures compared with `vs`, or mostly figures, with no sentence ending. The
figures remain amounts (`find_amounts` reads them as it reads any text); the words are no
entities.
"""

from __future__ import annotations

import re
from bisect import bisect_right

_LINE = re.compile(r"[^\n]+")
_NUMBER = re.compile(r"^\(?[-+]?\$?\d[\d,]*(?:\.\d+)?\)?%?$")
# Two figures compared: `1.72 dlrs vs 87 cts`, `12.5 mln vs loss 3.1 mln`.
_VERSUS = re.compile(r"\d[\d,.]*\)?(?: [A-Za-z.]+){0,3} vs\.? (?:[A-Za-z.]+ ){0,3}\(?[-$]?\d",
                     re.I)
MAX_WORDS = 16  # a table row is short; a sentence with figures in it runs longer
_SENTENCE_END = re.compile(r"[a-z][a-z)\"”']*[.!?][\"”']?\s*$")


def is_table_line(line: str) -> bool:
    """A row of a table of figures: short, no sentence ending, and its figures compared
    with `vs` or making up half its words."""
    words = line.split()
    if not words or len(words) > MAX_WORDS or _SENTENCE_END.search(line):
        return False
    figures = sum(1 for w in words if _NUMBER.match(w.rstrip(",;")))
    if figures < 1:
        return False
    if _VERSUS.search(line):
        return True
    return figures >= 2 and 2 * figures >= len(words)


def table_lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of each table row of `text`, in order."""
    return [m.span() for m in _LINE.finditer(text) if is_table_line(m.group(0))]


def in_table(lines: list[tuple[int, int]], offset: int) -> bool:
    """`offset` lies on one of `lines` (as `table_lines` gives them)."""
    i = bisect_right(lines, (offset, float("inf"))) - 1
    return i >= 0 and lines[i][0] <= offset < lines[i][1]
