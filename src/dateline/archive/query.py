"""A search query as news is typed, turned into an FTS5 MATCH expression (pure code, no SQL).

News is full of words with inner punctuation: `U.S.`, `AT&T`, `G-7`, `747-400`, `al-Sabah`,
`Nazer's`, `Daesh/ISIS`, `1,000`. To FTS5 these are syntax errors, yet the index holds them as
runs of tokens (the unicode61 tokenizer splits at the punctuation), so such a term is searched as
the phrase of its tokens: `U.S.` -> `"U S"`. What FTS5 users type still means what it means:
quoted phrases, AND/OR/NOT, NEAR(...), prefix `*`, `^` and `title:`. Punctuation standing alone
(`&`, `/`, a comma outside NEAR) separates words and is dropped.

A term may be widened to the other names of the entity it names (`ISIS` -> Daesh, ISIL, Islamic
State): the caller gives a function from a name to its other names.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

# Word characters as FTS5's unicode61 tokenizer sees them (letters and digits; `_` separates).
_WORD = re.compile(r"[^\W_]+")
_EDGES = re.compile(r"^[^\w.]+|[^\w.]+$")
_OPERATORS = frozenset({"AND", "OR", "NOT"})
_COLUMNS = frozenset({"title", "text"})
# A term names at most this many other names: enough for an organisation's acronyms and
# translations, and a bound on what one word can make the query cost.
MAX_OTHER_NAMES = 12

Names = Callable[[str], list[str]]  # a name -> the other names of the entity it names ([] if none)


class QuerySyntaxError(ValueError):
    """A query FTS5 cannot take, said in words a user can act on."""


@dataclass(slots=True)
class _Token:
    kind: str  # term, op, open, close, comma, near, column, plus, caret
    fts: str  # the token as FTS5 reads it
    name: str | None = None  # the plain text a term names, where it may be widened to other names


def phrase(words: list[str]) -> str:
    """An FTS5 string of word tokens (no quote can be inside)."""
    return '"' + " ".join(words) + '"'


def quote_literal(query: str) -> str:
    """Every whitespace-separated term as the phrase of its words: nothing acts as an operator,
    and `U.S.` stays one phrase (`"U S"`) instead of the lone words `U` and `S`."""
    return " ".join(phrase(w) for w in (_WORD.findall(t) for t in query.split()) if w)


def build_match(query: str, literal: bool = False, names: Names | None = None) -> str:
    """The FTS5 MATCH expression for a user's query; raises QuerySyntaxError for what cannot be
    mended (an unclosed quote, a term starting with `*`, unbalanced brackets). FTS5 itself still
    judges the result: `wheat AND` passes here and fails there."""
    if literal:
        tokens = [_Token("term", phrase(w), " ".join(w)) for w in (_WORD.findall(t) for t in query.split()) if w]
    else:
        tokens = _tokens(query)
    if names is not None:
        _widen(tokens, names)
    return " ".join(t.fts for t in tokens)


def _tokens(query: str) -> list[_Token]:
    out: list[_Token] = []
    groups: list[str] = []  # "near" or "group", for each open bracket
    i, n = 0, len(query)
    while i < n:
        c = query[i]
        if c.isspace():
            i += 1
        elif c == '"':
            i = _quoted(query, i, out)
        elif c == "(":
            groups.append("near" if out and out[-1].kind == "near" else "group")
            out.append(_Token("open", "("))
            i += 1
        elif c == ")":
            if not groups:
                raise QuerySyntaxError("the query closes a bracket it never opened")
            groups.pop()
            out.append(_Token("close", ")"))
            i += 1
        else:
            j = i
            while j < n and not query[j].isspace() and query[j] not in '"()':
                j += 1
            _bare(query[i:j], query[j:].lstrip().startswith("("), bool(groups) and groups[-1] == "near", out)
            i = j
    if groups:
        raise QuerySyntaxError("the query opens a bracket it never closes")
    return out


def _quoted(query: str, i: int, out: list[_Token]) -> int:
    """A "phrase" as the user typed it (`""` is a quote inside it), with an optional prefix `*`."""
    j = i + 1
    while True:
        j = query.find('"', j)
        if j < 0:
            raise QuerySyntaxError('the query has an unclosed " (close the phrase, or search for plain words: '
                                   '`literal`)')
        if query.startswith('""', j):
            j += 2
            continue
        break
    text = query[i : j + 1]
    inner = text[1:-1].replace('""', '"')
    j += 1
    rest = query[j:].lstrip()
    if rest.startswith("*"):
        out.append(_Token("term", text + " *"))
        return len(query) - len(rest) + 1
    out.append(_Token("term", text, inner if _WORD.search(inner) else None))
    return j


def _bare(run: str, before_bracket: bool, in_near: bool, out: list[_Token]) -> None:
    """One run of characters between spaces, quotes and brackets."""
    if run in _OPERATORS:
        out.append(_Token("op", run))
        return
    if run == "NEAR" and before_bracket:
        out.append(_Token("near", run))
        return
    if run == "+":
        out.append(_Token("plus", run))
        return
    if in_near and "," in run:
        # NEAR(a b, 5): the comma before the distance is syntax
        head, _, tail = run.partition(",")
        if head:
            _bare(head, False, in_near, out)
        out.append(_Token("comma", ","))
        if tail:
            _bare(tail, before_bracket, in_near, out)
        return
    if run.startswith("*"):
        raise QuerySyntaxError(
            f"a search term cannot start with * ({run!r}): a * goes after the start of a word, as in minist*")
    if run.startswith("^") and len(run) > 1:
        out.append(_Token("caret", "^"))
        _bare(run[1:], before_bracket, in_near, out)
        out[-1].name = None  # only a first-token match was asked for: no other names
        return
    column, colon, rest = run.partition(":")
    if colon and column.lower() in _COLUMNS:
        out.append(_Token("column", column + " :"))
        if rest:
            _bare(rest, before_bracket, in_near, out)
            out[-1].name = None
        return
    prefix = run.endswith("*")
    words = _WORD.findall(run[:-1] if prefix else run)
    if not words:
        return  # punctuation alone (`&`, `/`, `-`) separates words; there is nothing to find
    if len(words) == 1 and words[0] == (run[:-1] if prefix else run) and run.isascii():
        fts = run  # a plain word (or prefix) is an FTS5 bareword as it stands
    else:
        fts = phrase(words) + (" *" if prefix else "")
    # The name as typed (dots kept: the entity table folds `U.S.` and `US` alike), less the
    # punctuation around it (`Kyiv,`).
    name = _EDGES.sub("", run)
    out.append(_Token("term", fts, None if prefix or in_near else name))


def _widen(tokens: list[_Token], names: Names) -> None:
    """A term that names an entity also matches the entity's other names: `(ISIS OR "Daesh" ...)`.
    Not inside NEAR (which takes phrases only), nor beside `+`, `^` or a column filter. A query
    of plain words only may name an entity as a whole (`Islamic State`, typed without quotes)."""
    if len(tokens) > 1 and all(t.kind == "term" and t.name for t in tokens):
        whole = _alternatives(" ".join(t.name or "" for t in tokens), names)
        if whole:
            everything = _Token("term", "(" + " OR ".join(["(" + " ".join(t.fts for t in tokens) + ")", *whole]) + ")")
            tokens[:] = [everything]
            return
    for k, t in enumerate(tokens):
        if t.kind != "term" or t.name is None:
            continue
        if k > 0 and tokens[k - 1].kind in ("plus", "caret", "column"):
            continue
        if k + 1 < len(tokens) and tokens[k + 1].kind == "plus":
            continue
        alternatives = _alternatives(t.name, names)
        if alternatives:
            t.fts = "(" + " OR ".join([t.fts, *alternatives]) + ")"


def _alternatives(name: str, names: Names) -> list[str]:
    """The other names of the entity `name` names, as phrases, less the name itself."""
    own = [w.casefold() for w in _WORD.findall(name)]
    out: dict[str, None] = {}
    for other in names(name)[:MAX_OTHER_NAMES]:
        words = _WORD.findall(other)
        if words and [w.casefold() for w in words] != own:
            out[phrase(words)] = None
    return list(out)
