"""The words that attribute speech: cue verbs, stance verbs and verbs of thought.

The lists live in `lexicon/en/` (`speech_verbs.txt`, `stance_verbs.txt`,
`thought_verbs.txt`); this module turns them into sets of word forms, so that every part of
the quote finder (and `extract.events`, which skips speech verbs) reads the same lists.
Phrasal verbs (`point out`, `call for`) count only with their particle: `is_phrasal` reads
that from the parse, the one piece of parse logic here.
"""

from __future__ import annotations

from spacy.tokens import Token

from dateline import lexicon


def _forms(base: str) -> frozenset[str]:
    """Regular inflections of a base verb; the pipeline runs without a lemmatizer, and a
    table of forms is cheaper than running one."""
    b = base
    if b.endswith("ee"):
        return frozenset({b, b + "s", b + "d", b + "ing"})
    if b.endswith("e"):
        return frozenset({b, b + "s", b + "d", b[:-1] + "ing"})
    if b.endswith("y") and b[-2] not in "aeiou":
        return frozenset({b, b[:-1] + "ies", b[:-1] + "ied", b + "ing"})
    if b.endswith(("s", "sh", "ch", "x")):
        return frozenset({b, b + "es", b + "ed", b + "ing"})
    return frozenset({b, b + "s", b + "ed", b + "ing"})


def _load(name: str) -> tuple[frozenset[str], dict[str, frozenset[str]]]:
    """(forms of the single-word verbs, phrasal heads' forms -> their particles) of a list."""
    single: set[str] = set()
    phrasal: dict[str, set[str]] = {}
    for line in lexicon.entries(name):
        head, colon, irregular = line.partition(":")
        words = head.split()
        forms = frozenset({words[0], *irregular.split()}) if colon else _forms(words[0])
        if len(words) > 1:
            for form in forms:
                phrasal.setdefault(form, set()).add(words[1])
        else:
            single |= forms
    return frozenset(single), {k: frozenset(v) for k, v in phrasal.items()}


_SPEECH, _SPEECH_PHRASAL = _load("speech_verbs")
_STANCE, _STANCE_PHRASAL = _load("stance_verbs")
THOUGHT, _THOUGHT_PHRASAL = _load("thought_verbs")

# Verbs of saying: they cue direct quotes and reported speech.
CUES = _SPEECH
# Claiming, stance and thought, which news attributes as much as speech (PolNeAR counts
# `X believes ...`, `a study found ...`, `X called for ...`): for indirect attributions only,
# since none of them introduces a direct quote reliably.
STANCE = _STANCE | THOUGHT
# Phrasal verbs, by each form of their head: the particles that make them attribution verbs.
PHRASAL: dict[str, frozenset[str]] = {}
for _table in (_SPEECH_PHRASAL, _STANCE_PHRASAL, _THOUGHT_PHRASAL):
    for _form, _particles in _table.items():
        PHRASAL[_form] = PHRASAL.get(_form, frozenset()) | _particles
SPEECH_PHRASAL = _SPEECH_PHRASAL


def is_phrasal(verb: Token, table: dict[str, frozenset[str]] | None = None) -> bool:
    """`pointed out`, `called for`, `called on X to`: the head with one of its particles,
    as a particle or preposition the parse hangs on it (`called in`, `called into a radio
    show` have none of theirs)."""
    particles = (PHRASAL if table is None else table).get(verb.lower_)
    if not particles:
        return False
    return any(c.dep_ in ("prt", "prep") and c.lower_ in particles and c.i > verb.i
               for c in verb.children)


def is_speech(verb: Token) -> bool:
    """A verb of saying: one of CUES, or a phrasal one with its particle."""
    return verb.lower_ in CUES or is_phrasal(verb, SPEECH_PHRASAL)


def is_attribution(verb: Token) -> bool:
    """A verb of saying, claiming, stance or thought (with its particle, if phrasal)."""
    return verb.lower_ in CUES or verb.lower_ in STANCE or is_phrasal(verb)
