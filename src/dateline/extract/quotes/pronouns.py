"""He and she as speakers, resolved to a person once all quotes and their speakers are known,
with the genders the article gives its people."""

from __future__ import annotations

from dateline.extract.quotes.resolver import _Resolver
from dateline.model import Entity, Quote

PRONOUN_CHARS = 300  # how far back `he said` looks for the person last quoted


def _resolve_pronouns(quotes: list[Quote], res: _Resolver, genders: dict[str, str]
                      ) -> list[Quote]:
    """`he said` / `she said`: the person quoted last, when that was recent; news copy keeps
    quoting one person under a pronoun, while other people are named in between as
    the objects of what is said. Else the person named last before the quote. Either must
    not be known (`genders`) as the other gender."""
    last: Entity | None = None
    last_at = -PRONOUN_CHARS
    for q in quotes:
        if q.speaker is not None and q.speaker_entity is None and q.speaker.lower() in ("he",
                                                                                        "she"):
            want = "m" if q.speaker.lower() == "he" else "f"
            recent = last if q.start - last_at <= PRONOUN_CHARS and genders.get(
                last.id if last else "", want) == want else None
            mention = res.last_person(q.start, gender=want, genders=genders)
            ent = recent or mention
            if ent is not None:
                q.speaker, q.speaker_entity = ent.name, ent.id
        person = res.by_id.get(q.speaker_entity or "")
        if person is not None and person.type == "PERSON":
            last, last_at = person, q.end
    return quotes
