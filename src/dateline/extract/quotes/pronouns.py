"""He and she as speakers, resolved to a person once all quotes and their speakers are known,
with the genders the article gives its people.

A pronoun looks back over its own paragraph and the two before: news names a speaker again
when it comes back after longer, so a person found further back is more often someone else.
`they` stays as written: a group of people, an organisation or a crowd, which the text
names too loosely to pick one entity (and a wrong speaker costs more than a missing one).
"""

from __future__ import annotations

import re
from bisect import bisect_right

from spacy.tokens import Doc

from dateline.extract.quotes.resolver import _Resolver, is_person
from dateline.model import Entity, Quote

PRONOUN_CHARS = 300  # how far back `he said` prefers the person last quoted
PARAGRAPHS_BACK = 2  # paragraphs before the pronoun's own that it looks back over
_BREAK = re.compile(r"\n\s*\n")


def _window_starts(text: str) -> list[int]:
    """Start offset of each paragraph."""
    return [0] + [m.end() for m in _BREAK.finditer(text)]


def _since(starts: list[int], at: int) -> int:
    """Where the paragraph PARAGRAPHS_BACK before the one holding `at` starts."""
    i = bisect_right(starts, at) - 1
    return starts[max(0, i - PARAGRAPHS_BACK)]


def _subjects(doc: Doc | None, res: _Resolver) -> list[tuple[int, str]]:
    """(start, entity id) of the person mentions that are the subject of their clause,
    outside quotation marks, in order."""
    if doc is None:
        return []
    out: list[tuple[int, str]] = []
    for s, t, e in res.spans:
        if not is_person(e) or res.quoted_at(s):
            continue
        span = doc.char_span(s, t, alignment_mode="expand")
        if span is not None and span.root.dep_ in ("nsubj", "nsubjpass"):
            out.append((s, e.id))
    return out


def _resolve_pronouns(quotes: list[Quote], res: _Resolver, genders: dict[str, str],
                      text: str = "", subjects: list[tuple[int, str]] | None = None
                      ) -> list[Quote]:
    """`he said` / `she said`: the person quoted last, when that was recent; news copy keeps
    quoting one person under a pronoun, while other people are named in between as
    the objects of what is said. Else the person named last before the quote as the subject
    of a clause (who the text is about), else the person named last. Each must
    lie within the quote's paragraph or the two before and not be known (`genders`) as the other gender;
    else the quote keeps `he` or `she` with no entity."""
    starts = _window_starts(text)
    quoted = sorted((q.start, q.end) for q in quotes if q.kind == "direct")
    only = {at for at, _ in subjects or []}
    last: Entity | None = None
    last_at = -PRONOUN_CHARS
    for q in quotes:
        if q.speaker is not None and q.speaker_entity is None and q.speaker.lower() in ("he",
                                                                                        "she"):
            want = "m" if q.speaker.lower() == "he" else "f"
            since = _since(starts, q.start)
            recent = last if (last is not None and q.start - last_at <= PRONOUN_CHARS
                              and last_at >= since
                              and genders.get(last.id, want) == want) else None
            ask = {"gender": want, "genders": genders, "since": since, "quoted": quoted}
            mention = (res.last_person(q.start, only=only, **ask)  # type: ignore[arg-type]
                       or res.last_person(q.start, **ask))  # type: ignore[arg-type]
            ent = recent or mention
            if ent is not None:
                q.speaker, q.speaker_entity = ent.name, ent.id
        person = res.by_id.get(q.speaker_entity or "")
        if person is not None and is_person(person):
            last, last_at = person, q.end
    return quotes
