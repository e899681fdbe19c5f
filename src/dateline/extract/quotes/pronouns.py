"""He and she as speakers, resolved to a person once all quotes and their speakers are known,
with the genders the article gives its people.

A pronoun looks back over its own paragraph and the two before: news names a speaker again
when it comes back after longer, so a person found further back is more often someone else.
`they` goes to an organisation, a government or a group (never a person) named as the
subject of a clause, or quoted, in the same window, when nothing closer could be meant: a
plural noun or names joined by `and` in between (`the protesters`, `Lee and Park`) are the
nearer antecedent, and name no one entity, so the quote keeps `they` with no entity.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from spacy.attrs import DEP
from spacy.tokens import Doc

from dateline.extract.doctokens import tokens_where
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


# The kinds of entity `they` may stand for: bodies and groups that act as many.
GROUP_TYPES = frozenset({"ORG", "NORP", "GPE"})
_PLURAL_TAGS = frozenset({"NNS", "NNPS"})


def _group_subjects(doc: Doc | None, res: _Resolver) -> list[tuple[int, Entity | None]]:
    """(start, entity) of the subjects, outside quotation marks, that `they` may go back to,
    in order: an organisation, government or group named as the subject of a clause, and
    (with no entity) a plural noun or a subject joined by `and` to another, which `they`
    would mean before anything further back."""
    if doc is None:
        return []
    named: dict[int, Entity] = {}
    for s, t, e in res.spans:
        span = doc.char_span(s, t, alignment_mode="expand")
        if e.type in GROUP_TYPES and span is not None and span.root.dep_ == "nsubj":
            named[span.root.i] = e
    out: list[tuple[int, Entity | None]] = []
    for i in tokens_where(doc, DEP, ("nsubj",)):  # the subjects only, found in the DEP column
        tok = doc[i]
        if res.quoted_at(tok.idx):
            continue
        coordinated = any(c.dep_ == "conj" for c in tok.children)
        if tok.i in named and not coordinated:
            out.append((tok.idx, named[tok.i]))
        elif tok.tag_ in _PLURAL_TAGS or coordinated:
            out.append((tok.idx, None))
    return out


def _plural_actor(at: int, since: int, groups: list[tuple[int, Entity | None]],
                  quoted: tuple[int, Entity] | None) -> Entity | None:
    """The nearest antecedent of `they` before `at` and not before `since`: a group subject
    or the body last quoted; None when the nearest is a plural that names no entity."""
    best = None
    for start, ent in groups:
        if start >= at:
            break
        if start >= since:
            best = (start, ent)
    if quoted is not None and quoted[0] >= since and (best is None or quoted[0] >= best[0]):
        return quoted[1]
    return best[1] if best else None


def _inside_any(spans: list[tuple[int, int]], at: int) -> bool:
    """`at` lies inside one of the spans (sorted by start; they may nest or overlap)."""
    return any(s <= at < e for s, e in spans[: bisect_right(spans, (at, float("inf")))])


def _resolve_pronouns(quotes: list[Quote], res: _Resolver, genders: dict[str, str],
                      text: str = "", subjects: list[tuple[int, str]] | None = None,
                      groups: list[tuple[int, Entity | None]] | None = None) -> list[Quote]:
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
    last_group: tuple[int, Entity] | None = None
    # What is said, reported or quoted, is spoken of: its subjects are no antecedents.
    said = sorted((q.start, q.end) for q in quotes)
    groups = [g for g in groups or [] if not _inside_any(said, g[0])]
    for q in quotes:
        if q.speaker is not None and q.speaker_entity is None and q.speaker.lower() in ("he",
                                                                                        "she"):
            want = "m" if q.speaker.lower() == "he" else "f"
            since = _since(starts, q.start)
            recent = last if (last is not None and q.start - last_at <= PRONOUN_CHARS
                              and last_at >= since
                              and genders.get(last.id, want) == want) else None
            ask = {"gender": want, "genders": genders, "since": since, "quoted": quoted}
            subject, subject_at = res.last_person_at(q.start, only=only, **ask)  # type: ignore[arg-type]
            mention = subject or res.last_person(q.start, **ask)  # type: ignore[arg-type]
            if recent is not None and subject is not None and subject is not recent and (
                    subject_at > last_at and not _inside_any(said, subject_at)):
                # `"...," Lee said. Park, a pollster, thinks otherwise. "...," he said`: a
                # person made the subject after the last quote is who the story turned to
                # (a subject inside reported speech is spoken of, and does not count).
                recent = None
            # The person quoted last is an antecedent too: `"...," the senator said.` two
            # paragraphs up, with no name since, is who `he said` goes back to.
            quoted_before = last if (last is not None and last_at >= since
                                     and genders.get(last.id, want) == want) else None
            ent = recent or mention or quoted_before
            if ent is not None:
                q.speaker, q.speaker_entity = ent.name, ent.id
        elif q.speaker is not None and q.speaker_entity is None and q.speaker.lower() == "they":
            group = _plural_actor(q.start, _since(starts, q.start), groups, last_group)
            if group is not None:
                q.speaker, q.speaker_entity = group.name, group.id
        person = res.by_id.get(q.speaker_entity or "")
        if person is not None and is_person(person):
            last, last_at = person, q.end
        elif person is not None and person.type in GROUP_TYPES:
            last_group = (q.start, person)
    return quotes
