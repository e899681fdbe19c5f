"""Roles and titles of people, read from the words around a name.

`US Special Envoy John Godfrey` → `US Special Envoy`; `Prime Minister X`;
`X, the foreign minister,`. spaCy's NER leaves titles out of PERSON spans (or, now and then,
in them), so the words before the name are read from the tokens, and an appositive after it
from the text.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from dateline import lexicon

# Title and office nouns, the heads of role phrases (`lexicon/en/titles.txt`).
TITLE_WORDS = lexicon.words("titles", lower=True)
# Words that may sit inside a title but do not start or make one on their own.
GLUE = frozenset({"of", "for", "and", "the", "on", "to", "-"})
# Honorifics: they go with a name (`Mr. King`), they are no role, and a walk back from a
# name that meets one has reached another person's name (`Mr. King and Mr. Lee`).
HONORIFICS = frozenset({"mr.", "mrs.", "ms.", "mr", "mrs", "ms", "messrs.", "mme", "mme."})
# Words that join two phrases: a role never reaches over one (`Mr. King and Mr.`).
_JOINS = frozenset({"and", "or", "but", "&"})
APPOSITIVE = re.compile(
    r"^,\s+(?:the\s+|a\s+|an\s+|who\s+is\s+(?:the\s+|a\s+)?)?"
    r"(?P<role>(?:[\w'.-]+\s+){0,5}?[\w'.-]+)\s*(?=[,;]|\.(?:\s|$)|\s+(?:said|told|says|added)\b)",
)


def is_role(words: list[str]) -> bool:
    """A title phrase: its head (the last word, or the word before an office it holds:
    `Secretary of State`, `Minister for Foreign Affairs`) is a title or office noun; no
    honorific, no `and`, and no function word at either end (`adviser to the`)."""
    low = [w.lower() for w in words]
    if not low or low[0] in GLUE or low[-1] in GLUE or low[-1] in ("a", "an"):
        return False
    if any(w in HONORIFICS or w in _JOINS for w in low):
        return False
    if low[-1] in TITLE_WORDS:
        return True
    # `Secretary of State`, `Minister for Foreign Affairs`, `Chief of Staff`: the head, then
    # of/for and the office, every word of it capitalised.
    for k, w in enumerate(low):
        if w in ("of", "for") and k > 0 and low[k - 1] in TITLE_WORDS:
            office = words[k + 1 :]
            return bool(office) and all(t[:1].isupper() or t.lower() in GLUE for t in office)
    return False


def title_before(doc: Doc, start_token: int, sent_start: int) -> tuple[int, str] | None:
    """The title in the words right before token `start_token`, with its start offset."""
    i = start_token - 1
    first = start_token
    while i >= sent_start:
        tok = doc[i]
        low = tok.lower_
        if tok.is_punct and tok.text != "-" or tok.is_space or low in HONORIFICS or (
                low in _JOINS):
            break
        if not (tok.text[:1].isupper() or low in TITLE_WORDS or low in GLUE):
            break
        first = i
        i -= 1
    while first < start_token and doc[first].lower_ in GLUE | {"the", "a", "an"}:
        first += 1
    words = [t.text for t in doc[first:start_token]]
    if not is_role(words):
        return None
    span = doc[first:start_token]
    return span.start_char, span.text


def title_after(text: str, end: int) -> str | None:
    """An appositive title after a name: `X, the foreign minister,`."""
    m = APPOSITIVE.match(text[end : end + 80])
    if not m:
        return None
    role = m.group("role")
    return role if is_role(role.split()) else None


def split_title(name: str) -> tuple[str | None, str]:
    """A PERSON span that starts with a title: (`Prime Minister`, `Boris Johnson`)."""
    words = name.split()
    k = 0
    while k < len(words) - 1 and (
        words[k].lower() in TITLE_WORDS or (k + 1 < len(words) - 1
                                            and words[k + 1].lower() in TITLE_WORDS)
    ):
        k += 1
    if k == 0 or not any(w.lower() in TITLE_WORDS for w in words[:k]):
        return None, name
    return " ".join(words[:k]), " ".join(words[k:])


# Honorifics and head-of-state titles written before a name. News corpora (GMB, MEANTIME)
# count them as part of the person's mention (`President Bush`, `Mr. Howard`); longer
# office titles (`Foreign Minister`, `Special Envoy`) they mostly leave out, and so do we.
HONORIFIC = re.compile(
    r"(?:\b(?:Vice President|Prime Minister|President|Senator|General|King|Queen|Prince"
    r"|Princess|Chancellor|Pope|Mayor|Ayatollah|Sheikh|Cardinal)|\b(?:Mr|Mrs|Ms|Dr|Sen|Gen)\.?)"
    r"[ \t]+$"
)
_WORD_BEFORE = re.compile(r"([\w.'-]+)\s+$")


def honorific_before(text: str, start: int) -> int | None:
    """Start offset of an honorific right before a name at `start`, else None.

    Not when the honorific ends a longer title (`Attorney General`, `Deputy Prime Minister`):
    there the mention would start in the middle of the title.
    """
    window = text[max(0, start - 40) : start]
    m = HONORIFIC.search(window)
    if m is None:
        return None
    at = start - len(window) + m.start()
    prev = _WORD_BEFORE.search(text[max(0, at - 30) : at])
    if prev and prev.group(1).lower() in TITLE_WORDS:
        return None
    return at
