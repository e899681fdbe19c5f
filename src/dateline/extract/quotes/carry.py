"""Continued quotes: a direct quote with no cue of its own takes the speaker just quoted."""

from __future__ import annotations

import re
from bisect import bisect_left

from dateline.model import Quote

CARRY_CHARS = 400  # how far back a quote without a cue looks for the speaker it continues


def _carry_speakers(quotes: list[Quote], text: str,
                    subjects: list[tuple[int, str]] | None = None) -> list[Quote]:
    """A direct quote with no cue of its own continues the speaker just quoted: news copy
    attributes the first quote and lets the next sentence or paragraph of quotation run on
    (`"We will win," Ruiz said. "The count is clean."`). The carry stops at a quote that has
    no speaker either, and reaches over at most one paragraph break and CARRY_CHARS of text.
    Reported speech inside another report (`Lee said he was glad that Reagan had admitted
    mistakes`) is told in Lee's voice: Reagan is not the one the next quote continues. Nor
    does it reach past another person who is the subject of a clause in between
    (`subjects`: (offset, entity id) of such mentions, sorted): the text has moved on to
    them."""
    starts = [at for at, _ in subjects or []]
    last: Quote | None = None
    nested = _nested(quotes)
    for i, q in enumerate(quotes):
        if q.kind == "indirect" and i in nested:
            continue
        if q.kind == "direct" and q.speaker is None and last is not None:
            if q.start - last.end <= CARRY_CHARS and text.count("\n\n", last.end, q.start) <= 1 \
                    and not _someone_else(subjects or [], starts, last, q, text):
                q.speaker, q.speaker_entity, q.cue = last.speaker, last.speaker_entity, "continued"
        if q.speaker is not None and (q.kind == "direct" or q.speaker_entity is not None):
            last = q
        elif q.kind == "direct":
            last = None
    return quotes


def _nested(quotes: list[Quote]) -> set[int]:
    """Indexes of quotes lying inside what an earlier one (by start) reports; one pass over
    the quotes sorted by start, keeping the furthest end seen."""
    out: set[int] = set()
    reach, span = -1, (-1, -1)
    for i, q in enumerate(quotes):
        if q.end <= reach and (q.start, q.end) != span:
            out.add(i)
        if q.end > reach:
            reach, span = q.end, (q.start, q.end)
    return out


# A sentence ends after a word of three small letters or more, a figure or a bracket: not
# after `Rep.` or `U.S.`.
_SENTENCE_END = re.compile(r"(?:(?<=[a-z]{3})|(?<=[\d)]))[.!?][\"'”’]*\s|\n")


def _someone_else(subjects: list[tuple[int, str]], starts: list[int], last: Quote, q: Quote,
                  text: str) -> bool:
    """A person other than `last`'s speaker is a subject between the two quotes, in a
    sentence after the one that holds `last` (whose attribution may name others: `Lee said
    after Ruiz left`)."""
    end = _SENTENCE_END.search(text, last.end + 2, q.start)
    if end is None:
        return False
    i = bisect_left(starts, end.end())
    while i < len(subjects) and subjects[i][0] < q.start:
        if subjects[i][1] != last.speaker_entity:
            return True
        i += 1
    return False
