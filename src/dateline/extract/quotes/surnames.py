"""A speaker named by a surname two people of the article share: the one the text is about.

`entities` gives a bare surname (`Clinton said`) to the person of that surname named most
recently by name. But news refers to a person by description as well (`Former President Bill
Clinton spoke in Flint, with his wife Hillary Clinton. ... the former president said ...`):
the description, once resolved to a speaker, is the last reference to him, and the `Clinton`
that follows means him, though her full name came later than his. So a quote whose speaker
is a bare surname shared by two people goes to the one referred to last: by a full name
(`Hillary Clinton`, `Mrs. Clinton`) or by a description or title that spoke a quote
(`the former president said`). A bare surname is no reference: it is what is in doubt.
"""

from __future__ import annotations

from dateline.extract.quotes.resolver import _Resolver, is_person
from dateline.model import Quote

# How far around a quote its speaker's name stands: `"...," Clinton said` after the closing
# mark, `Clinton said on Monday, "..."` before the opening one.
SPEAKER_CHARS = 80


def _surname(name: str) -> str:
    return name.split()[-1].casefold() if name.split() else ""


def _shared_surnames(quotes: list[Quote], res: _Resolver, text: str) -> list[Quote]:
    people = {e.id: e for _s, _t, e in res.spans if is_person(e) and " " in e.name}
    by_surname: dict[str, set[str]] = {}
    for e in people.values():
        by_surname.setdefault(_surname(e.name), set()).add(e.id)
    shared = {k: ids for k, ids in by_surname.items() if len(ids) > 1}
    if not shared:
        return quotes
    # (offset, entity id) of each reference that says who is meant: a mention by more than
    # the bare surname, and a quote spoken by a description (`the former president`).
    refs = [(s, e.id) for s, t, e in res.spans if e.id in people
            and _surname(e.name) in shared and text[s:t].casefold() != _surname(e.name)]
    refs += [(q.start, q.speaker_entity) for q in quotes if q.speaker_entity in people
             and q.speaker and q.speaker != people[q.speaker_entity].name]
    refs.sort()
    for q in quotes:
        ent = people.get(q.speaker_entity or "")
        if ent is None or _surname(ent.name) not in shared:
            continue
        bare = _bare_speaker(q, res, text, ent.id)
        if bare is None:
            continue
        ids = shared[_surname(ent.name)]
        before = [(at, who) for at, who in refs if at < bare and who in ids
                  and not q.start <= at < q.end]
        if before and before[-1][1] != ent.id:
            q.speaker_entity = before[-1][1]
            q.speaker = people[before[-1][1]].name
    return quotes


def _bare_speaker(q: Quote, res: _Resolver, text: str, ent_id: str) -> int | None:
    """Where the quote's speaker is named by the bare surname alone, if it is: a mention of
    its entity that is one word, just after the quote's end or just before its start."""
    for s, t, e in res.spans:
        if e.id != ent_id or " " in text[s:t].strip():
            continue
        if q.end <= s <= q.end + SPEAKER_CHARS or q.start - SPEAKER_CHARS <= t <= q.start:
            return s
    return None
