"""Speaker names to the article's entities: the lookup every speaker goes through."""

from __future__ import annotations

import re
from bisect import bisect_right

from dateline import lexicon
from dateline.model import Entity

# Platforms where words appear (`Twitter`): never a person, whatever type NER gave them.
PLATFORMS = lexicon.words("platforms", lower=True)
# The kinds of entity that can speak: people, organisations, governments (a country as
# actor), groups named by nationality or party, and buildings that stand for an office
# (`the White House said`); never a date, a product, a law or a region as such.
SPEAKER_TYPES = frozenset({"PERSON", "ORG", "GPE", "NORP", "FAC"})


def is_person(e: Entity) -> bool:
    """A person an article names: typed PERSON and not a platform the recogniser misread."""
    return e.type == "PERSON" and e.name.casefold() not in PLATFORMS


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
        # The quoted passages of the text (sorted): words inside them are what someone said.
        self.quoted: list[tuple[int, int]] = []
        # Start offsets of the person mentions that are the subject of a clause.
        self.subjects: set[int] = set()

    def quoted_at(self, at: int) -> bool:
        """`at` lies inside a quoted passage."""
        return _inside(self.quoted, at)

    def by_name(self, text: str) -> Entity | None:
        key = text.casefold().removeprefix("the ").strip()
        return self.names.get(key)

    def at(self, start: int, end: int) -> Entity | None:
        hits = [e for s, t, e in self.spans if s < end and start < t]
        persons = [e for e in hits if e.type == "PERSON"]
        return (persons or hits or [None])[-1]

    def last_person(self, before: int, within: int | None = None, gender: str | None = None,
                    genders: dict[str, str] | None = None, since: int = 0,
                    quoted: list[tuple[int, int]] | None = None,
                    only: set[int] | None = None) -> Entity | None:
        """The person mentioned last before `before` (and not before `since`); with `within`,
        only if that close; with `gender`, only one whose known gender (in `genders`) does
        not contradict it; none named inside the `quoted` spans (sorted), who are spoken
        of, not speaking; with `only`, only mentions starting at one of those offsets."""
        found, at = self.last_person_at(before, gender, genders, since, quoted, only)
        return found if within is None or before - at <= within else None

    def last_person_at(self, before: int, gender: str | None = None,
                       genders: dict[str, str] | None = None, since: int = 0,
                       quoted: list[tuple[int, int]] | None = None,
                       only: set[int] | None = None) -> tuple[Entity | None, int]:
        """`last_person` with the offset of the mention found (0 when none)."""
        found, at = None, 0
        for s, _t, e in self.spans:
            if s >= before:
                break
            if s >= since and is_person(e) and (only is None or s in only) and not _inside(
                    quoted or [], s) and (
                    gender is None or (genders or {}).get(e.id, gender) == gender):
                found, at = e, s
        return found, at

    def last_titled(self, before: int, title: str, since: int = 0,
                    quoted: list[tuple[int, int]] | None = None) -> Entity | None:
        """The person mentioned last before `before` (not before `since`, not inside the
        `quoted` spans) whose roles hold the title word (`president` for a person introduced
        as `former President Ann Lee` or `Lee, the former president`)."""
        found = None
        for s, _t, e in self.spans:
            if s >= before:
                break
            if s >= since and is_person(e) and not _inside(quoted or [], s) and (
                    title in title_words(e.roles)):
                found = e
        return found

    def titled(self, before: int, title: str, quoted: list[tuple[int, int]] | None = None
               ) -> dict[str, list[int]]:
        """The id of each person mentioned before `before` (not inside the `quoted` spans)
        whose roles hold the title word, with the offsets of those mentions, in order of
        first mention."""
        out: dict[str, list[int]] = {}
        for s, _t, e in self.spans:
            if s >= before:
                break
            if is_person(e) and not _inside(quoted or [], s) and title in title_words(e.roles):
                out.setdefault(e.id, []).append(s)
        return out


# Abbreviated titles as news writes them before a name (`Sen. Ted Cruz`), to the word a
# description uses (`the senator`).
_TITLE_ABBREVIATIONS = {"sen": "senator", "gov": "governor", "rep": "representative",
                        "gen": "general", "pres": "president", "sec": "secretary",
                        "amb": "ambassador", "lt": "lieutenant", "col": "colonel",
                        "adm": "admiral", "supt": "superintendent", "atty": "attorney"}


def title_words(roles: list[str]) -> set[str]:
    """The words of a person's roles, abbreviations spelt out: `former President` and
    `Sen.` -> {former, president, senator}."""
    out = set()
    for role in roles:
        for w in re.findall(r"[^\W\d_]+", role.casefold()):
            out.add(_TITLE_ABBREVIATIONS.get(w, w))
    return out


def _inside(spans: list[tuple[int, int]], at: int) -> bool:
    i = bisect_right(spans, (at, float("inf"))) - 1
    return i >= 0 and spans[i][0] <= at < spans[i][1]
