"""The grammatical gender an article gives each person: who `he` and `she` can stand for.

A table of first names would guess (and the one library that ships such a table on PyPI,
gender-guesser, is GPL-licensed); the article itself says it more surely, in the pronouns that
follow a person's name in the same sentence (`Ann Lee said she ...`), the honorific written
before it (`Mr.`, `Mrs.`) and gendered role words in apposition (`spokeswoman`). Votes are
counted over all mentions, so one misread sentence does not decide.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Iterable

from spacy.tokens import Doc

_HONORIFIC = re.compile(r"\b(?P<h>Mr|Mrs|Ms|Miss|Sir|Dame|Lady|Lord)\.?\s+$|^(?P<i>Mr|Mrs|Ms)\.?\s")
_FEMININE_HONORIFICS = frozenset({"Mrs", "Ms", "Miss", "Dame", "Lady"})
_ROLE_AFTER = re.compile(
    r"^,?\s+(?:the\s+|a\s+|an\s+)?(?:[\w-]+\s+){0,3}?(?P<role>spokeswoman|spokesman|"
    r"congresswoman|congressman|chairwoman|chairman|businesswoman|businessman|actress|actor|"
    r"wife|husband|mother|father|daughter|son|sister|brother|widow|widower|queen|king)\b",
    re.IGNORECASE,
)
_FEMININE_ROLES = frozenset(
    "spokeswoman congresswoman chairwoman businesswoman actress wife mother daughter sister "
    "widow queen".split()
)
PRONOUN_WINDOW = 12  # tokens after a name in which the first he/she is read as that person


def person_genders(doc: Doc, mentions: Iterable[tuple[int, int, str]]) -> dict[str, str]:
    """`m` or `f` for each person (by id) whose mentions `(start, end, id)` vote one way by
    two votes or more; people with no clear majority are left out."""
    text = doc.text
    spans = sorted(mentions)
    starts = {s for s, _e, _i in spans}
    offsets = [t.idx for t in doc]
    votes: dict[str, Counter[str]] = {}
    for start, end, pid in spans:
        tally = votes.setdefault(pid, Counter())
        vote = (_honorific(text, start) or _role(text, end)
                or _pronoun_after(doc, bisect_left(offsets, end), starts))
        if vote:
            tally[vote] += 1
    out = {}
    for pid, tally in votes.items():
        (top, n), *rest = tally.most_common() or [("", 0)]
        if top and n - (rest[0][1] if rest else 0) >= 2:
            out[pid] = top
    return out


def _honorific(text: str, start: int) -> str | None:
    m = _HONORIFIC.search(text[max(0, start - 6) : start]) or _HONORIFIC.match(
        text[start : start + 5])
    if m is None:
        return None
    word = m.group("h") or m.group("i")
    return "f" if word in _FEMININE_HONORIFICS else "m"


def _role(text: str, end: int) -> str | None:
    m = _ROLE_AFTER.match(text[end : end + 60])
    if m is None:
        return None
    return "f" if m.group("role").lower() in _FEMININE_ROLES else "m"


def _pronoun_after(doc: Doc, i: int, starts: set[int]) -> str | None:
    """The first he or she after the name in its sentence, if no other name comes first:
    `Ann Lee said she would run` votes `f` for Ann Lee."""
    if i >= len(doc):
        return None
    sent_end = doc[i].sent.end
    for tok in doc[i : min(sent_end, i + PRONOUN_WINDOW)]:
        if tok.idx in starts:
            return None  # someone else is named before any pronoun
        # Only the subject forms: `his` and `her` after a name often belong to the person it
        # acted on (`Lee attacked Park on his record`), `he` and `she` seldom do.
        low = tok.lower_
        if low == "he":
            return "m"
        if low == "she":
            return "f"
    return None
