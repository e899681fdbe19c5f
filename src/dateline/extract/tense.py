"""Which way a sentence looks from the publication date: ahead, back, or neither said.

A bare `Tuesday`, `March` or `Oct. 23` has no year or week of its own; news writes it for
the nearest one in the direction the clause speaks of. A cue-word rule rather than spaCy's
tagger: the time resolver also runs where no model is loaded (the timeml suite, the
clean stage), and the few cues that decide the direction are words, not parse trees.
"""

from __future__ import annotations

import re

from dateline.extract.fastre import FOLDED, fast

# Cues that a clause speaks of what is still to come.
FUTURE = re.compile(
    r"\b(?:will|'ll|shall|wo?n't|is to|are to|(?:is|are) due|scheduled|slated|set to"
    r"|plans? to|planned|planning|expected to|expects? to|going to|intends? to|would"
    r"|until|as (?:soon|early) as|aims? to|hopes? to|payable|effective|expires?|next)\b",
    re.I,
)
# Cues that it tells what has happened: common irregular past forms, and `-ed` words other
# than the participles that look ahead (`scheduled`, `expected`, `planned`, ...). Forms that
# read the same in the present (`set`, `cut`, `put`) are left out.
_IRREGULAR = (
    "said|was|were|had|did|rose|fell|began|came|went|took|made|told|gave|left|won|lost|held"
    "|met|saw|became|paid|sold|bought|brought|found|got|led|ran|struck|spent|wrote|chose"
    "|grew|drew|knew|fled|fought|kept|sent|stood|ago|earlier|last|previously|ended"
)
_NOT_PAST = {"scheduled", "expected", "planned", "slated", "proposed", "intended", "need",
             "needed", "indeed", "proceed", "exceed", "succeed", "speed", "seed", "feed",
             "hundred", "red", "bed", "bred", "shed", "united", "limited", "based", "related",
             "listed", "rated", "called", "named", "owned", "so-called"}
_PAST_WORD = re.compile(rf"\b(?:{_IRREGULAR})\b|\b[a-z]{{3,}}ed\b", re.I)
# A deadline right before the expression (`by Dec. 15`, `until Friday`) points ahead.
_DEADLINE = re.compile(r"\b(?:by|until|till)\s+(?:early\s+|late\s+|mid-?)?$", re.I)
# A participle after `be` (`will be paid`, `to be completed`) tells no tense of its own.
_PASSIVE = re.compile(r"\b(?:be|been|being)\s+$", re.I)
_SENTENCE_END = re.compile(r"[.!?]\s|\n")
# For speed: the cue patterns run once per time expression found (see `fastre`).
_FAST = {FUTURE: fast(FUTURE), _PAST_WORD: fast(_PAST_WORD)}


def sentence_around(text: str, start: int, end: int, reach: int = 240) -> tuple[str, str]:
    """The sentence's text before `start` and after `end` (each at most `reach` characters)."""
    lo = max(0, start - reach)
    before = text[lo:start]
    cuts = [m.end() for m in _SENTENCE_END.finditer(before)]
    if cuts:
        before = before[cuts[-1] :]
    after = text[end : end + reach]
    stop = _SENTENCE_END.search(after)
    return before, after[: stop.start() + 1] if stop else after


def _passive_before(clause: str, end: int) -> bool:
    """`_PASSIVE` ends `clause[:end]`. Its match is `be`, `been` or `being` and the run of
    spaces that ends there, so only that tail is searched, not the whole clause before
    each cue (which made `_cues` quadratic in the clause)."""
    start = end
    while start > 0 and clause[start - 1].isspace():  # the same characters as `\s`
        start -= 1
    return _PASSIVE.search(clause, max(0, start - len("being") - 1), end) is not None


def _cues(clause: str) -> list[tuple[int, int, str]]:
    """(start, end, direction) of every tense cue in `clause`."""
    future, past = (FUTURE, _PAST_WORD) if FOLDED.search(clause) else (
        _FAST[FUTURE], _FAST[_PAST_WORD])
    out = [(m.start(), m.end(), "future") for m in future.finditer(clause)]
    out += [(m.start(), m.end(), "past") for m in past.finditer(clause)
            if m.group(0).lower() not in _NOT_PAST and not _passive_before(clause, m.start())]
    return out


def tense(text: str, start: int, end: int, look_after: bool = True) -> str | None:
    """`future`, `past`, or None when the sentence around `text[start:end]` does not say.

    The cue nearest the expression decides, since the verb an expression belongs to is
    usually its neighbour: in `said Monday that it intends to bid` the saying was on
    Monday, in `the team planned to leave on Thursday` the leaving is ahead. A cue before
    the expression wins a tie. `look_after=False` reads only the words before it: a bare
    weekday opening a sentence (`On Friday, the government planned to pay`) is most often
    the day the news happened, whatever the clause that follows says.
    """
    before, after = sentence_around(text, start, end)
    if _DEADLINE.search(before):
        # `had filed reports by Wednesday` is a deadline already past.
        return None if any(d == "past" for _, _, d in _cues(before)) else "future"
    best: tuple[int, int, str] | None = None
    for _, hi, direction in _cues(before):
        rank = (len(before) - hi, 0, direction)
        best = rank if best is None or rank < best else best
    for lo, _, direction in _cues(after) if look_after else []:
        rank = (lo, 1, direction)
        best = rank if best is None or rank < best else best
    return best[2] if best else None
