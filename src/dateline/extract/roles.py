"""Roles and titles of people, read from the words around a name.

`US Special Envoy John Godfrey` → `US Special Envoy`; `Prime Minister X`;
`X, the foreign minister,`. spaCy's NER leaves titles out of PERSON spans (or, now and then,
in them), so the words before the name are read from the tokens, and an appositive after it
from the text.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

TITLE_WORDS = frozenset(
    "president minister secretary envoy ambassador spokesman spokeswoman spokesperson "
    "chairman chairwoman chair chief director governor senator representative rep. sen. gov. "
    "mayor general gen. colonel col. commander admiral lieutenant captain sergeant officer "
    "king queen prince princess emperor pope bishop archbishop cardinal rabbi imam sheikh "
    "chancellor premier leader head deputy vice ceo cfo coo founder executive manager analyst "
    "economist judge justice attorney prosecutor lawyer professor prof. dr. doctor coach "
    "striker editor correspondent reporter official advisor adviser counsellor counselor "
    "inspector superintendent commissioner delegate negotiator coordinator undersecretary "
    "speaker whip mp lawmaker legislator congressman congresswoman councillor councilman "
    "member president-elect secretary-general diplomat attaché consul".split()
)
# Words that may sit inside a title but do not start or make one on their own.
GLUE = frozenset({"of", "for", "and", "the", "on", "to", "-"})
APPOSITIVE = re.compile(
    r"^,\s+(?:the\s+|a\s+|an\s+|who\s+is\s+(?:the\s+|a\s+)?)?"
    r"(?P<role>(?:[\w'.-]+\s+){0,5}?[\w'.-]+)\s*(?=[,.;]|\s+(?:said|told|says|added)\b)",
)


def title_before(doc: Doc, start_token: int, sent_start: int) -> tuple[int, str] | None:
    """The title in the words right before token `start_token`, with its start offset."""
    i = start_token - 1
    first = start_token
    while i >= sent_start:
        tok = doc[i]
        low = tok.lower_
        if tok.is_punct and tok.text != "-" or tok.is_space:
            break
        if not (tok.text[:1].isupper() or low in TITLE_WORDS or low in GLUE):
            break
        first = i
        i -= 1
    while first < start_token and doc[first].lower_ in GLUE | {"the", "a", "an"}:
        first += 1
    words = [t.lower_ for t in doc[first:start_token]]
    if not words or not any(w in TITLE_WORDS for w in words):
        return None
    span = doc[first:start_token]
    return span.start_char, span.text


def title_after(text: str, end: int) -> str | None:
    """An appositive title after a name: `X, the foreign minister,`."""
    m = APPOSITIVE.match(text[end : end + 80])
    if not m:
        return None
    role = m.group("role")
    if not any(w.lower().strip(".") in TITLE_WORDS or w.lower() in TITLE_WORDS
               for w in role.split()):
        return None
    return role


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
