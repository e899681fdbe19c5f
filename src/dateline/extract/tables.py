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
entities. A table states its currency once (`Shr 1.72 dlrs vs 87 cts`) and leaves it out of
the rows of sums (`Net 4.5 mln vs 3.2 mln`): `table_units` gives those figures the one
currency their own table states, and no unit where it states none or several.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from dateline import lexicon
from dateline.model import Amount

_LINE = re.compile(r"[^\n]+")
_NUMBER = re.compile(r"^\(?[-+]?\$?\d[\d,]*(?:\.\d+)?\)?%?$")
# Two figures compared: `1.72 dlrs vs 87 cts`, `12.5 mln vs loss 3.1 mln`.
# Wire copy spells small figures (`Shr loss 18 cts vs loss one ct`, `vs nil`).
_VERSUS = re.compile(r"\d[\d,.]*\)?(?: [A-Za-z.]+){0,3} vs\.? (?:[A-Za-z.]+ ){0,3}\(?[-$]?"
                     r"(?:\d|(?:one|two|three|four|five|six|seven|eight|nine|ten|nil)\b)", re.I)
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


# Labels of rows whose figures are sums of money; words of rows that count shares.
MONEY_LABELS = lexicon.words("table_money_labels", lower=True)
SHARE_WORDS = frozenset({"shr", "shrs", "shares", "share"})
_LABEL = re.compile(r"[^\d\n]*")


def _money_row(line: str) -> bool:
    """The row's label (its words before the first figure) names a sum of money."""
    label = {w.strip(".,:").casefold() for w in _LABEL.match(line).group(0).split()}  # type: ignore[union-attr]
    return bool(label & MONEY_LABELS) and not label & SHARE_WORDS


def _tables(text: str, rows: list[tuple[int, int]]) -> list[list[tuple[int, int]]]:
    """Rows grouped into tables: rows follow each other with nothing between them but blank
    lines and short headings (`Nine mths`, `Year`, `4th qtr`); clean may set each row apart
    as a paragraph of its own, and a table is still one table."""
    tables: list[list[tuple[int, int]]] = []
    for row in rows:
        gap = text[tables[-1][-1][1] : row[0]] if tables else None
        if gap is not None and all(len(line.split()) <= MAX_HEADING_WORDS
                                   and not _SENTENCE_END.search(line)
                                   for line in gap.splitlines()):
            tables[-1].append(row)
        else:
            tables.append([row])
    return tables


MAX_HEADING_WORDS = 3  # `Nine mths`, `Year`, `Qtr to Dec 31`: a heading between rows


def table_units(text: str, amounts: list[Amount]) -> list[Amount]:
    """Bare figures on the money rows of a table get the one currency that table states;
    the words after a figure on a row are the next comparison or the next row, so they
    count nothing."""
    rows = table_lines(text)
    if not rows:
        return amounts
    for lines in _tables(text, rows):
        on_rows = [a for a in amounts if lines[0][0] <= a.start < lines[-1][1]
                   and in_table(lines, a.start)]
        currencies = {a.unit for a in on_rows if a.unit and a.unit != "percent"}
        for a in on_rows:
            if a.unit is not None:
                continue
            a.counted = None
            line = next(text[s:e] for s, e in lines if s <= a.start < e)
            if len(currencies) == 1 and _money_row(line):
                a.unit = next(iter(currencies))
    return amounts
