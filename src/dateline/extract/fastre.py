"""Faster forms of the extractors' case-insensitive patterns, with the very same matches.

Why: Python's `re` skips an alternative of `a|b|c` after one character compare only when
the alternative opens with a plain literal or a character class; under IGNORECASE every
alternative is entered in full, so the big word alternations (qualifiers, numbers in
words, month names) cost several times more per position. `cased` rewrites an IGNORECASE
pattern with each letter spelt as a class (`[mM]ore`), which `re` can skip cheaply.

`fast` also puts in front of a pattern what its first character can be (`(?=[JFMASOND])`),
read from the parsed pattern, and `\b` where every match starts at a word boundary: `re`
then rejects most positions with one test instead of trying each alternative there.

The cased forms agree with the originals on every text except where a character that IGNORECASE folds onto an ASCII
letter from outside ASCII occurs (`İ`, `ı`, `ſ`, the Kelvin sign): `FOLDED` finds those,
and callers run the original pattern on such a text.
"""

from __future__ import annotations

import re
from re import _constants as C  # noqa: N812
from re import _parser  # the parsed form `re` itself compiles; read to find first characters

# The non-ASCII characters that `re.IGNORECASE` matches against ASCII letters (checked by
# tests/extract/test_fastre.py over every code point).
FOLDED = re.compile("[\u0130\u0131\u017f\u212a]")
_GROUP_HEADS = ("(?P<", "(?P=", "(?<=", "(?<!", "(?:", "(?=", "(?!")


def _both(c: str) -> str:
    return c.lower() + c.upper() if c.isascii() and c.isalpha() else c


def _class_end(p: str, i: int) -> int:
    """Index just past the character class opening at `p[i]`."""
    j = i + 1
    if p.startswith("^", j):
        j += 1
    if p.startswith("]", j):
        j += 1
    while p[j] != "]":
        j += 2 if p[j] == "\\" else 1
    return j + 1


def _cased_class(body: str) -> str:
    """The members of a class body (between the brackets) with both cases of each letter."""
    out: list[str] = []
    i = 0
    while i < len(body):
        c = body[i]
        if c == "\\":
            out.append(body[i : i + 2])
            i += 2
        elif i + 2 < len(body) and body[i + 1] == "-" and c.isascii() and c.isalpha():
            lo, hi = c, body[i + 2]
            out.append(f"{lo.lower()}-{hi.lower()}{lo.upper()}-{hi.upper()}")
            i += 3
        else:
            out.append(_both(c))
            i += 1
    return "".join(out)


def cased_source(p: str) -> str:
    """The text of pattern `p` (meant for IGNORECASE) with every letter as a two-case class."""
    out: list[str] = []
    i = 0
    while i < len(p):
        c = p[i]
        if c == "\\":
            out.append(p[i : i + 2])  # an escape (`\b`, `\d`, `\.`): no letter to case
            i += 2
        elif c == "[":
            j = _class_end(p, i)
            neg = "^" if p.startswith("^", i + 1) else ""
            out.append(f"[{neg}{_cased_class(p[i + 1 + len(neg) : j - 1])}]")
            i = j
        elif head := next((h for h in _GROUP_HEADS if p.startswith(h, i)), None):
            # A group name is not text to match: copy it with its closing `>` or `)`.
            j = p.index(">" if head == "(?P<" else ")", i) + 1 if head in ("(?P<", "(?P=") \
                else i + len(head)
            out.append(p[i:j])
            i = j
        elif c == "(" and p.startswith("(?", i):
            raise ValueError(f"cased: unsupported group at {i} in {p!r}")
        elif c == "{":
            j = p.index("}", i) + 1  # a repeat count: digits only
            out.append(p[i:j])
            i = j
        else:
            both = _both(c)
            out.append(f"[{both}]" if len(both) == 2 else c)
            i += 1
    return "".join(out)


def cased(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """`pattern` without IGNORECASE and with its letters spelt in both cases: the same
    matches as `pattern` on any text `FOLDED` finds nothing in."""
    if not pattern.flags & re.IGNORECASE:
        return pattern
    return re.compile(cased_source(pattern.pattern), pattern.flags & ~re.IGNORECASE)


class _Anything(Exception):
    """The first character is not limited to a small, nameable set."""


_CATEGORIES = {C.CATEGORY_DIGIT: r"\d", C.CATEGORY_WORD: r"\w", C.CATEGORY_SPACE: r"\s"}
_ZERO_WIDTH = (C.AT, C.ASSERT, C.ASSERT_NOT)


def _chars(code: int, icase: bool) -> set[str]:
    c = chr(code)
    return {c.lower(), c.upper()} if icase and c.isascii() else {c}


def _first_item(op, av, icase: bool) -> tuple[set[str], bool]:  # type: ignore[no-untyped-def]
    """(what the first character of `op av` can be, whether it can match nothing)."""
    if op is C.LITERAL:
        return _chars(av, icase), False
    if op is C.IN:
        out: set[str] = set()
        for iop, iav in av:
            if iop is C.LITERAL:
                out |= _chars(iav, icase)
            elif iop is C.RANGE and iav[1] - iav[0] < 64:
                for code in range(iav[0], iav[1] + 1):
                    out |= _chars(code, icase)
            elif iop is C.CATEGORY and iav in _CATEGORIES:
                out.add(_CATEGORIES[iav])
            else:
                raise _Anything
        return out, False
    if op in _ZERO_WIDTH:
        return set(), True
    if op is C.SUBPATTERN and not av[1] and not av[2]:  # a group that sets no flags
        return _first(av[3], icase)
    if op is C.BRANCH:
        parts = [_first(alt, icase) for alt in av[1]]
        return set().union(*(a for a, _ in parts)), any(n for _, n in parts)
    if op in (C.MAX_REPEAT, C.MIN_REPEAT):
        chars, empty = _first(av[2], icase)
        return chars, empty or av[0] == 0
    raise _Anything


def _first(seq, icase: bool) -> tuple[set[str], bool]:  # type: ignore[no-untyped-def]
    out: set[str] = set()
    for op, av in seq:
        chars, empty = _first_item(op, av, icase)
        out |= chars
        if not empty:
            return out, False
    return out, True


def _at_boundary(seq, i: int = 0) -> bool:  # type: ignore[no-untyped-def]
    """Whether every way of matching `seq[i:]` first passes a `\b`."""
    if i >= len(seq):
        return False
    op, av = seq[i]
    if op is C.AT:
        return av is C.AT_BOUNDARY or _at_boundary(seq, i + 1)
    if op in (C.ASSERT, C.ASSERT_NOT):
        return _at_boundary(seq, i + 1)
    if op is C.SUBPATTERN and not av[1] and not av[2]:
        return _at_boundary(list(av[3]) + list(seq[i + 1 :]))
    if op is C.BRANCH:
        return all(_at_boundary(list(alt) + list(seq[i + 1 :])) for alt in av[1])
    if op in (C.MAX_REPEAT, C.MIN_REPEAT):
        inner = _at_boundary(list(av[2]))
        return inner if av[0] > 0 else inner and _at_boundary(seq, i + 1)
    return False


def first_chars(pattern: re.Pattern[str]) -> str | None:
    """A lookahead for what a match of `pattern` can start with (both cases of a letter
    where it ignores case), with a leading `\b` where every match starts at one; None
    where the first character is not limited (or the pattern can match nothing)."""
    tree = _parser.parse(pattern.pattern, pattern.flags)
    try:
        chars, empty = _first(tree, bool(pattern.flags & re.IGNORECASE))
    except _Anything:
        return None
    if empty or not chars:
        return None
    members = "".join(sorted(c if len(c) > 1 else re.escape(c) for c in chars))
    return ("\\b" if _at_boundary(list(tree)) else "") + f"(?=[{members}])"


def fast(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """`pattern`, cased (see `cased`) and led by its `first_chars`: the same matches on any
    text `FOLDED` finds nothing in."""
    source = cased_source(pattern.pattern) if pattern.flags & re.IGNORECASE else pattern.pattern
    lead = first_chars(pattern) or ""
    return re.compile(f"{lead}(?:{source})", pattern.flags & ~re.IGNORECASE)
