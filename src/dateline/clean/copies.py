"""Whole glued copies: a line that is nothing but other lines of the record run together.

Scrapers often put a copy of the body before (or after) it with the paragraphs joined and
no space between them (`...the release said.The United States will...`). Splitting that
copy at sentence ends cannot always find every join (a paragraph ending in a colon before a
quote, `continued:"The`, looks like one sentence), and a half-split copy leaves pieces
ahead of the lead. When the line is, apart from whitespace, exactly a run of the record's
other lines in their order, it is a copy and goes as a whole, before any splitting.

Exact matching of whitespace-free text is used rather than fuzzy alignment: it is linear,
cannot drop a line that says something new, and wrapping or unwrapping changes only spaces.
"""

from __future__ import annotations

# Lines are found by the first characters of their whitespace-free text; shorter lines
# (`Share`, `Tweet`) are tried one by one.
_KEY = 12
# At most this many lines are tried as copies, longest first: copies are long.
_MAX_CANDIDATES = 4


def _compact(text: str) -> str:
    return "".join(text.split())


def _covers(target: str, own: int, compact: list[str], index: dict[str, list[int]],
            short: list[int]) -> int:
    """How many other lines, in order, make up `target` exactly (0 when they do not)."""
    pos, last, used = 0, -1, 0
    while pos < len(target):
        found = -1
        for j in index.get(target[pos : pos + _KEY], ()):
            if j != own and j > last and target.startswith(compact[j], pos):
                found = j
                break
        if found < 0:
            for j in short:
                if j != own and j > last and target.startswith(compact[j], pos):
                    found = j
                    break
        if found < 0:
            return 0
        pos += len(compact[found])
        last = found
        used += 1
    return used


def glued_copies(lines: list[str]) -> list[int]:
    """Indexes of the lines that are two or more of the other lines glued together."""
    if len(lines) < 3:
        return []
    compact = [_compact(line) for line in lines]
    index: dict[str, list[int]] = {}
    short: list[int] = []
    for j, c in enumerate(compact):
        if len(c) >= _KEY:
            index.setdefault(c[:_KEY], []).append(j)
        elif c:
            short.append(j)
    # A copy starts with another, shorter line.
    candidates = [
        i for i, c in enumerate(compact)
        if len(c) >= _KEY and (
            any(j != i and len(compact[j]) < len(c) for j in index[c[:_KEY]])
            or any(c.startswith(compact[j]) for j in short)
        )
    ]
    candidates.sort(key=lambda i: -len(compact[i]))
    copies: list[int] = []
    for i in candidates[:_MAX_CANDIDATES]:
        if _covers(compact[i], i, compact, index, short) >= 2:
            copies.append(i)
    return sorted(copies)
