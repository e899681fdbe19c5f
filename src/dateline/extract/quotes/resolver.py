"""Speaker names to the article's entities: the lookup every speaker goes through."""

from __future__ import annotations

from dateline.model import Entity


class _Resolver:
    """Speaker names to the article's entities, by overlapping mention, name, or pronoun."""

    def __init__(self, entities: list[Entity]) -> None:
        self.spans = sorted(
            ((m.start, m.end, e) for e in entities for m in e.mentions), key=lambda x: x[0]
        )
        # Names the NER missed as a mention can still name a known entity: its full name, an
        # alias, or (for people) the surname alone, when only one person has that surname.
        self.by_id = {e.id: e for e in entities}
        self.names: dict[str, Entity | None] = {}
        for e in entities:
            for n in (e.name, *e.aliases):
                self.names.setdefault(n.casefold(), e)
        surnames: dict[str, list[Entity]] = {}
        for e in entities:
            if e.type == "PERSON" and " " in e.name:
                surnames.setdefault(e.name.split()[-1].casefold(), []).append(e)
        for key, people in surnames.items():
            self.names.setdefault(key, people[0] if len(people) == 1 else None)

    def by_name(self, text: str) -> Entity | None:
        key = text.casefold().removeprefix("the ").strip()
        return self.names.get(key)

    def at(self, start: int, end: int) -> Entity | None:
        hits = [e for s, t, e in self.spans if s < end and start < t]
        persons = [e for e in hits if e.type == "PERSON"]
        return (persons or hits or [None])[-1]

    def last_person(self, before: int, within: int | None = None, gender: str | None = None,
                    genders: dict[str, str] | None = None) -> Entity | None:
        """The person mentioned last before `before`; with `within`, only if that close; with
        `gender`, only one whose known gender (in `genders`) does not contradict it."""
        found, at = None, 0
        for s, _t, e in self.spans:
            if s >= before:
                break
            if e.type == "PERSON" and (gender is None or (genders or {}).get(e.id, gender)
                                       == gender):
                found, at = e, s
        return found if within is None or before - at <= within else None
