"""He and she as speakers, resolved to a person once all quotes and their speakers are known,
with the genders the article gives its people.

A pronoun looks back over its own paragraph and the one before: news names a speaker again
when it comes back after longer, so a person found further back is more often someone else.
`they` stays as written: a group of people, an organisation or a crowd, which the text
names too loosely to pick one entity (and a wrong speaker costs more than a missing one).
"""

from __future__ import annotations

import re

from dateline.extract.quotes.resolver import _Resolver, is_person
from dateline.model import Entity, Quote

PRONOUN_CHARS = 300  # how far back `he said` prefers the person last quoted
PARAGRAPHS_BACK = 2  # the pronoun's own paragraph and the one before it
_BREAK = re.compile(r"\n\s*\n")


def _window_starts(text: str) -> list[int]:
    """Start offset of each paragraph."""
    return [0] + [m.end() for m in _BREAK.finditer(text)]


def _since(starts: list[int], at: int) -> int:
    """Where the paragraph before the one holding `at` starts."""
    i = max(k for k, s in enumerate(starts) if s <= at)
    return starts[max(0, i - (PARAGRAPHS_BACK - 1))]


def _resolve_pronouns(quotes: list[Quote], res: _Resolver, genders: dict[str, str],
                      text: str = "") -> list[Quote]:
    """`he said` / `she said`: the person quoted last, when that was recent; news copy keeps
    quoting one person under a pronoun, while other people are named in between as
    the objects of what is said. Else the person named last before the quote. Either must
    lie within the last two paragraphs and not be known (`genders`) as the other gender;
    else the quote keeps `he` or `she` with no entity."""
    starts = _window_starts(text)
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
            mention = res.last_person(q.start, gender=want, genders=genders, since=since)
            ent = recent or mention
            if ent is not None:
                q.speaker, q.speaker_entity = ent.name, ent.id
        person = res.by_id.get(q.speaker_entity or "")
        if person is not None and is_person(person):
            last, last_at = person, q.end
    return quotes
