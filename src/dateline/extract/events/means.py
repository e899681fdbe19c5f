"""What the article's attacks were made with, named anywhere in the article.

News tells an attack in one sentence and how it was made in another: `a bomb destroyed the
bank ... the attackers used 20 kg of dynamite`, `a grenade hit his car`, `they set off a
mine`. A weapon the article shows in use (the subject of a verb, the object of a verb of
using, or the instrument of one) is a means of the harms the article reports; each harm
whose own clause names none gets them. Weapons shown seized, found or on display were not
used, and are left out.
"""

from __future__ import annotations

from functools import cache

from spacy.attrs import LOWER
from spacy.tokens import Doc, Token

from dateline.extract.doctokens import tokens_where
from dateline.extract.events.blame import harm
from dateline.extract.events.coding import noun_key
from dateline.extract.events.words import sectors, verb_forms, weapons
from dateline.model import Event

# Verbs of putting a weapon to use (`set off a mine`, `planted a bomb`, `hurled grenades`).
USING = frozenset(f for v in ("use", "set", "plant", "place", "throw", "hurl", "detonate",
                              "fire", "launch", "leave", "drop", "activate", "explode",
                              "lob", "shoot", "toss")
                  for f in verb_forms(v)) | {"threw", "thrown", "left", "shot", "fired", "set"}
# Verbs that say a weapon was not used: it was taken, found or shown (`seized rifles`,
# `found a bomb`, `displayed the arsenal`, `defused the device`).
UNUSED = frozenset(f for v in ("seize", "find", "confiscate", "display", "discover",
                               "defuse", "deactivate", "recover", "capture", "sell", "buy",
                               "smuggle", "store", "hide", "show", "own", "possess", "carry")
                   for f in verb_forms(v)) | {"found", "sold", "bought", "hid", "hidden",
                                              "shown"}


def _used(tok: Token) -> bool:
    """Whether a weapon noun is shown in use by its place in the sentence."""
    head = tok.head
    if tok.dep_ == "pobj" and head.lower_ in ("with", "by") and head.head.pos_ == "VERB":
        head, dep = head.head, "instrument"
    else:
        dep = tok.dep_
    if head.pos_ not in ("VERB", "AUX") or head.lower_ in UNUSED:
        return False
    if any(c.dep_ == "neg" for c in head.children):
        return False
    if dep in ("nsubj", "nsubjpass", "instrument"):
        return True
    return dep == "dobj" and head.lower_ in USING


@cache
def _weapon_heads() -> tuple[str, ...]:
    # the last word of each weapon entry: only tokens that may end one are looked at
    return tuple(sorted({key.split(" ")[-1] for key in weapons()}))


def used_weapons(doc: Doc) -> list[str]:
    """The weapons the article shows in use, as written, in order, each once; a party's
    vehicle (`helicopters`, `tanks`) is a party, not a means named apart."""
    table = weapons()
    out: dict[str, str] = {}
    for i in tokens_where(doc, LOWER, _weapon_heads()):
        tok = doc[i]
        if tok.pos_ not in ("NOUN", "PROPN"):
            continue
        found = noun_key(tok, table)
        if found is None or noun_key(tok, sectors()) is not None or not _used(tok):
            continue
        out.setdefault(found[1].lower(), found[1])
    return list(out.values())


def fill_means(events: list[Event], doc: Doc) -> list[Event]:
    """Each harm whose own clause names no weapon gets those the article shows in use."""
    open_harms = [e for e in events if harm(e) and e.instrument is None]
    if not open_harms:
        return events
    found = used_weapons(doc)
    if not found:
        return events
    table = weapons()
    for e in open_harms:
        e.instrument = " and ".join(found)
        e.mode = e.mode or table.get(found[0].lower())
    return events
