"""The grammatical gender an article gives each person: who `he` and `she` can stand for.

The article says it most surely, in the pronouns that follow a person's name in the same
sentence (`Ann Lee said she ...`), the honorific written before it (`Mr.`, `Mrs.`) and gendered
role words in apposition (`spokeswoman`). Votes are counted over all mentions, so one misread
sentence does not decide. A common first name (`first_names`) adds votes too: the article
often never says for someone named once, and `she said` must not go to a `Walter`. It counts
as NAME_VOTES, so that the article's own words can still outvote it.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Iterable

from spacy.tokens import Doc

from dateline import lexicon
from dateline.extract.doctokens import doc_text, token_starts
from dateline.extract.first_names import is_first_name, name_gender

_WORDS = lexicon.mapping("gendered_words")
_HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "sir", "dame", "lady", "lord"})
_HONORIFIC_ALT = "|".join(sorted((w for w in _WORDS if w in _HONORIFICS), key=len, reverse=True))
_ROLE_ALT = "|".join(
    re.escape(w) for w in sorted((w for w in _WORDS if w not in _HONORIFICS), key=len, reverse=True))
_HONORIFIC = re.compile(
    rf"\b(?P<h>{_HONORIFIC_ALT})\.?\s+$|^(?P<i>Mr|Mrs|Ms)\.?\s", re.IGNORECASE)
# A role after the name is an apposition, set off by a comma (`Bo Park, a spokesman`);
# without one the name modifies the role (`Clinton campaign spokesman Brian Fallon`, `a
# Pfizer spokeswoman`): the role is someone else's.
_ROLE_AFTER = re.compile(
    rf"^,\s+(?:the\s+|a\s+|an\s+)?(?:[\w-]+\s+){{0,3}}?(?P<role>{_ROLE_ALT})\b", re.IGNORECASE)
# A role right before the name, bare or set off by a comma (`the first lady, Michelle Obama`,
# `his wife Ann`, `Queen Noor`); a word between (`his wife's lawyer, John Lee`) breaks it.
_ROLE_BEFORE = re.compile(rf"\b(?P<role>{_ROLE_ALT})(?:,\s*|\s+)$", re.IGNORECASE)
PRONOUN_WINDOW = 12  # tokens after a name in which the first he/she is read as that person


NAME_VOTES = 2


def person_genders(doc: Doc, mentions: Iterable[tuple[int, int, str]],
                   names: dict[str, str] | None = None) -> dict[str, str]:
    """`m` or `f` for each person (by id) whose mentions `(start, end, id)`, and first name
    (from `names`, id -> full name), vote one way by two votes or more; people with no clear
    majority are left out."""
    text = doc_text(doc)  # joined once per doc, offsets read as a column (not token by token)
    spans = sorted(mentions)
    starts = {s for s, _e, _i in spans}
    offsets = token_starts(doc)
    shared = _shared_surnames(names or {})
    votes: dict[str, Counter[str]] = {}
    for start, end, pid in spans:
        tally = votes.setdefault(pid, Counter())
        vote = word_gender(text, start, end)
        if vote is None and text[start:end].casefold() not in shared:
            # A bare surname two people of the article share (`Clinton said he ...` where
            # Bill and Hillary Clinton both appear) is linked to one of them by a guess; the
            # pronoun after it would vote for whichever was guessed, and could make a woman
            # look like a man (or the reverse) to every later `he said`.
            vote = _pronoun_after(doc, bisect_left(offsets, end), starts)
        if vote:
            tally[vote] += 1
    for pid, name in (names or {}).items():
        guess = _first_name_gender(name)
        if guess:
            votes.setdefault(pid, Counter())[guess] += NAME_VOTES
    out = {}
    for pid, tally in votes.items():
        (top, n), *rest = tally.most_common() or [("", 0)]
        if top and n - (rest[0][1] if rest else 0) >= 2:
            out[pid] = top
    return out


def _shared_surnames(names: dict[str, str]) -> set[str]:
    """The last words (casefolded) of the full names, of two words or more, that two
    people share."""
    by_surname: dict[str, list[set[str]]] = {}
    for name in names.values():
        words = name.casefold().split()
        if len(words) >= 2:
            by_surname.setdefault(words[-1], []).append(set(words))
    # Two names of which one holds all the other's words (`Hillary Clinton` and a nickname
    # form `Crooked Hillary Clinton`) are one person split, not two people.
    return {w for w, sets in by_surname.items()
            if any(not (a <= b or b <= a) for i, a in enumerate(sets) for b in sets[i + 1:])}


def _first_name_gender(name: str) -> str | None:
    """The gender of a full name's first name (`Carly Ann Park` -> f); a name of one word
    is most often a surname (`Jordan`), a title word is no first name (`President Lee`).
    Words before the first name that are no first names at all are passed over: a nickname
    or epithet written into the name (`Crooked Hillary Clinton`, `Big Jim Lee`)."""
    words = [w for w in name.split() if w.casefold().strip(".") not in _NOT_FIRST]
    for word in words[:-1]:
        if is_first_name(word):
            return name_gender(word)
    return None


# Honorifics and titles written before a name in an entity's name: not first names.
_NOT_FIRST = _HONORIFICS | {w.strip(".") for w in lexicon.words("titles", lower=True)}


def word_gender(text: str, start: int, end: int) -> str | None:
    """The gender the words around one name say: an honorific (`Mrs. Lee`, `Mr Park`) or a
    gendered role right before or after it (`the first lady, Ann Lee`; `Bo Park, a
    spokesman`); None when they say nothing."""
    return _honorific(text, start) or _role_before(text, start) or _role(text, end)


def _honorific(text: str, start: int) -> str | None:
    m = _HONORIFIC.search(text[max(0, start - 6) : start]) or _HONORIFIC.match(
        text[start : start + 5])
    if m is None:
        return None
    return _WORDS[(m.group("h") or m.group("i")).lower()]


def _role_before(text: str, start: int) -> str | None:
    m = _ROLE_BEFORE.search(text[max(0, start - 30) : start])
    return None if m is None else _WORDS[" ".join(m.group("role").lower().split())]


def _role(text: str, end: int) -> str | None:
    m = _ROLE_AFTER.match(text[end : end + 60])
    return None if m is None else _WORDS[" ".join(m.group("role").lower().split())]


def _pronoun_after(doc: Doc, i: int, starts: set[int]) -> str | None:
    """The first he or she after the name in its sentence, if no other name comes first:
    `Ann Lee said she would run` votes `f` for Ann Lee."""
    if i >= len(doc):
        return None
    sent_end = doc[i].sent.end
    for tok in doc[i : min(sent_end, i + PRONOUN_WINDOW)]:
        if tok.idx in starts:
            return None  # someone else is named before any pronoun
        if tok.is_quote:
            # A name inside a quotation and the `he said` after it are two voices: the
            # pronoun is the speaker (`"Lee will not quit," he said`), not the person named.
            return None
        # Only the subject forms: `his` and `her` after a name often belong to the person it
        # acted on (`Lee attacked Park on his record`), `he` and `she` seldom do.
        low = tok.lower_
        if low == "he":
            return "m"
        if low == "she":
            return "f"
    return None
