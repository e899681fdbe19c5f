"""Continued quotes: a direct quote with no cue of its own takes the speaker just quoted."""

from __future__ import annotations

import re
from bisect import bisect_left

from dateline.extract.quotes.speakers import PRONOUNS
from dateline.extract.quotes.verbs import CUES
from dateline.model import Quote

CARRY_CHARS = 400  # how far back a quote without a cue looks for the speaker it continues


def _carry_speakers(quotes: list[Quote], text: str,
                    subjects: list[tuple[int, str]] | None = None,
                    people: list[tuple[int, str, str]] | None = None) -> list[Quote]:
    """A direct quote with no cue of its own continues the speaker just quoted: news copy
    attributes the first quote and lets the next sentence or paragraph of quotation run on
    (`"We will win," Ruiz said. "The count is clean."`). The carry stops at a quote that has
    no speaker either, and reaches over at most one paragraph break and CARRY_CHARS of text.
    Reported speech inside another report (`Lee said he was glad that Reagan had admitted
    mistakes`) is told in Lee's voice: Reagan is not the one the next quote continues. Nor
    does it reach past another person who is the subject of a clause in between
    (`subjects`: (offset, entity id) of such mentions, sorted): the text has moved on to
    them.

    A quote paragraph with no cue that follows a paragraph of narration (no quote in it) takes
    the one person that paragraph is about: news sets up a speaker in a sentence of its own
    (`Lee spoke only briefly at the rally.`) and lets the quotation follow as the next
    paragraph. Only when every person named in that paragraph outside quotation marks
    (`people`: (offset, entity id, name), sorted) is that one, and it is the subject of a clause
    there; with two people, or none as subject, the quote keeps no speaker."""
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
        if q.kind == "direct" and q.speaker is None:
            who = _narrated(quotes, i, text, subjects or [], people or [])
            if who is not None:
                q.speaker, q.speaker_entity, q.cue = who[0], who[1], "continued"
        if q.speaker is not None and (q.kind == "direct" or q.speaker_entity is not None):
            last = q
        elif q.kind == "direct" or (q.speaker is not None and q.speaker.casefold() not in PRONOUNS):
            # a report by someone named whom the article does not resolve (`Rubio "apologized,"
            # Hannity said. "It is time to move on."`) still moves the text to them: the quote
            # after it is not the earlier speaker's (a pronoun is resolved later, and most often
            # is the speaker the text was already on)
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


# The words after a closing mark that attribute the quote there (`" said Lee`, `," Lee
# said`): a cue the parse missed, when the quote ended in a full stop.
_AFTER = re.compile(r"[\"'”’]*[ \t]+(?:[\w.'’-]+[ \t]+){0,4}?(?P<verb>[a-z]+)\b")


def _cue_follows(text: str, end: int) -> bool:
    m = _AFTER.match(text, end)
    return m is not None and m.group("verb") in CUES


# The opening marks a quote paragraph starts with.
_OPENING = frozenset("\"'“‘`")


def _narrated(quotes: list[Quote], i: int, text: str, subjects: list[tuple[int, str]],
              people: list[tuple[int, str, str]]) -> tuple[str, str] | None:
    """(name, entity id) of the one person the paragraph before quote `i`'s is about, when
    quote `i` opens its paragraph and that paragraph holds no quote."""
    q = quotes[i]
    if _cue_follows(text, q.end):
        return None  # `"... the U.S." said Ann Lee`: attributed after all, the cue missed
    para = text.rfind("\n\n", 0, q.start)
    if para < 0 or not all(c in _OPENING for c in text[para + 2 : q.start].strip()):
        return None  # the quote does not open its paragraph
    prev = text.rfind("\n\n", 0, para)
    prev = prev + 2 if prev >= 0 else 0
    if any(prev <= o.start < para for o in quotes if o.kind == "direct"):
        return None  # a quote there has its own speaker, or none: the carry above decides
    who = {(e, name) for at, e, name in people if prev <= at < para}
    if len(who) != 1 or not any(prev <= at < para for at, _ in subjects):
        return None
    ent, name = next(iter(who))
    return name, ent
