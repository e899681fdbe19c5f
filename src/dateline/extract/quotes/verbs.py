"""The words that attribute speech: cue verbs, stance verbs and verbs of thought.

The lists live in `lexicon/en/` (`speech_verbs.txt`, `stance_verbs.txt`,
`thought_verbs.txt`, `cue_verbs.txt`); this module turns them into sets of word forms, so that every part of
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
_CUE_ONLY, _CUE_PHRASAL = _load("cue_verbs")
_STANCE, _STANCE_PHRASAL = _load("stance_verbs")
THOUGHT, _THOUGHT_PHRASAL = _load("thought_verbs")

# Verbs of saying: they cue direct quotes and reported speech.
SPEECH = _SPEECH
# The verbs that cue a direct quote: those of saying, and a few that only continue one.
CUES = _SPEECH | _CUE_ONLY
# Claiming, stance and thought, which news attributes as much as speech (PolNeAR counts
# `X believes ...`, `a study found ...`, `X called for ...`): for indirect attributions only,
# since none of them introduces a direct quote reliably.
STANCE = _STANCE | THOUGHT
# Phrasal verbs, by each form of their head: the particles that make them attribution verbs.
PHRASAL: dict[str, frozenset[str]] = {}
for _table in (_SPEECH_PHRASAL, _STANCE_PHRASAL, _THOUGHT_PHRASAL, _CUE_PHRASAL):
    for _form, _particles in _table.items():
        PHRASAL[_form] = PHRASAL.get(_form, frozenset()) | _particles
SPEECH_PHRASAL = {**_SPEECH_PHRASAL, **_CUE_PHRASAL}
_REPORT_PHRASAL = {**_SPEECH_PHRASAL, **_STANCE_PHRASAL, **_THOUGHT_PHRASAL}


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
    """A verb that cues a direct quote: one of CUES, or a phrasal one with its particle."""
    return verb.lower_ in CUES or is_phrasal(verb, SPEECH_PHRASAL)


# Verbs that name what someone or something is (`called the plan a hoax`, `labelled him a
# liar`): a verdict spoken, when an object and what it is called follow; `called the
# meeting` or `called in experts` report nothing.
NAMING = frozenset().union(*(_forms(b) for b in ("call", "label", "brand", "dub", "term")),
                           {"labelled", "labelling"})
_PREDICATE = frozenset({"oprd", "ccomp", "xcomp"})


def is_naming(verb: Token) -> bool:
    """`called climate change a hoax`: a naming verb with an object and a predicate."""
    if verb.lower_ not in NAMING:
        return False
    deps = {c.dep_ for c in verb.children if c.i > verb.i}
    return "dobj" in deps and bool(deps & _PREDICATE)


def is_attribution(verb: Token) -> bool:
    """A verb of saying, claiming, stance or thought (with its particle, if phrasal): what
    reports speech; `continue` and `go on` only cue a quote beside them."""
    low = verb.lower_
    if low in SPEECH or low in STANCE or is_naming(verb):
        return True
    return low not in _CUE_ONLY and is_phrasal(verb, _REPORT_PHRASAL)
