"""Continued quotes: a direct quote with no cue of its own takes the speaker just quoted."""

from __future__ import annotations

from dateline.model import Quote

CARRY_CHARS = 400  # how far back a quote without a cue looks for the speaker it continues


def _carry_speakers(quotes: list[Quote], text: str) -> list[Quote]:
    """A direct quote with no cue of its own continues the speaker just quoted: news copy
    attributes the first quote and lets the next sentence or paragraph of quotation run on
    (`"We will win," Ruiz said. "The count is clean."`). The carry stops at a quote that has
    no speaker either, and reaches over at most one paragraph break and CARRY_CHARS of text.
    Reported speech inside another report (`Lee said he was glad that Reagan had admitted
    mistakes`) is told in Lee's voice: Reagan is not the one the next quote continues."""
    last: Quote | None = None
    nested = _nested(quotes)
    for i, q in enumerate(quotes):
        if q.kind == "indirect" and i in nested:
            continue
        if q.kind == "direct" and q.speaker is None and last is not None:
            if q.start - last.end <= CARRY_CHARS and text.count("\n\n", last.end, q.start) <= 1:
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
