"""People within an article: which person each name of a person stands for.

News names a person in full once (`President Barack Obama`, `Donald J. Trump`) and then by the
surname, often with an honorific (`Mr. Obama`, `Mrs. Obama`). Grouping mentions by their
words alone fails both ways: `Mr. Obama` and `Mrs. Obama` become one person, and `Donald J.
Trump`, `Donald Trump` and `Mr. Trump` three. So:

- a full name is its first names and surname, with honorifics, initials and suffixes
  (`Jr.`) set aside: `Donald J. Trump` = `Donald Trump`; two full names are one person when
  their surnames and first names agree and their initials do not clash (`George W. Bush` and
  `George H. W. Bush` are two people);
- a bare surname goes to a person of the article with that surname whose gender, as the
  words around the names say it (an honorific, `first lady`, `his wife`), does not clash;
  among several, to the one named most recently before it; if none was named before it and
  more than one could be meant, or none fits, it stays unresolved: a name with no person,
  rather than a guess that files one person's words under another.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from dateline.extract.gender import word_gender
from dateline.persons import PersonName, parse_name, same_person

UNRESOLVED = "?"  # the key prefix of a surname that names no one person of the article


@dataclass(slots=True)
class Person:
    key: str
    name: PersonName
    votes: Counter[str] = field(default_factory=Counter)
    named_at: list[int] = field(default_factory=list)

    @property
    def gender(self) -> str | None:
        (top, n), *rest = self.votes.most_common() or [("", 0)]
        return top if top and n > (rest[0][1] if rest else 0) else None


@dataclass(slots=True)
class Named:
    """A name in the text that may be a person: where it is, its words, its NER label."""

    start: int
    end: int
    name: str
    label: str | None


def _full_people(text: str, names: list[Named]) -> tuple[list[Person], dict[int, Person]]:
    people: list[Person] = []
    of: dict[int, Person] = {}
    for i, n in enumerate(names):
        parsed = parse_name(n.name) if n.label == "PERSON" else None
        if parsed is None or not parsed.firsts:
            continue
        person = next((p for p in people if same_person(p.name, parsed)), None)
        if person is None:
            key = " ".join((*parsed.firsts, *parsed.initials, parsed.surname, parsed.suffix)).strip()
            taken = sum(1 for p in people if p.key.split("#")[0] == key)
            person = Person(f"{key}#{taken}" if taken else key, parsed)
            people.append(person)
        vote = word_gender(text, n.start, n.end)
        if vote:
            person.votes[vote] += 1
        person.named_at.append(n.start)
        of[i] = person
    return people, of


def _pick(candidates: list[Person], gender: str | None, at: int, suffix: str = ""
          ) -> Person | None:
    fits = [p for p in candidates if gender is None or p.gender in (None, gender)]
    # `Trump` beside `Donald Trump` and `Donald Trump Jr.`: news writes the son's suffix
    # whenever it means him (`Trump Jr.`), so a surname without one is the one without one.
    if any(p.name.suffix == suffix for p in fits):
        fits = [p for p in fits if p.name.suffix == suffix]
    if gender is not None and any(p.gender == gender for p in fits):
        fits = [p for p in fits if p.gender == gender]
    before = [(max(x for x in p.named_at if x < at), p) for p in fits
              if any(x < at for x in p.named_at)]
    if before:
        return max(before, key=lambda t: t[0])[1]
    return fits[0] if len(fits) == 1 else None


def resolve_people(text: str, names: list[Named]) -> list[str | None]:
    """For each name, the key of the person it stands for (the same key for every name of
    one person); `?surname` for a surname that stays unresolved; None for a name that is not
    a person's name or has no full name in the article to go to."""
    people, of = _full_people(text, names)
    by_surname: dict[str, list[Person]] = {}
    for p in people:
        by_surname.setdefault(p.name.surname, []).append(p)
    out: list[str | None] = [None] * len(names)
    for i, n in sorted(enumerate(names), key=lambda t: t[1].start):
        if i in of:
            out[i] = of[i].key
            continue
        parsed = parse_name(n.name)
        if parsed is None or parsed.firsts or parsed.surname not in by_surname:
            continue
        person = _pick(by_surname[parsed.surname], word_gender(text, n.start, n.end), n.start,
                       parsed.suffix)
        if person is None:
            out[i] = UNRESOLVED + parsed.surname
        else:
            out[i] = person.key
            person.named_at.append(n.start)
    return out
