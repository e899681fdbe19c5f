"""Quotes with their speakers: direct (in quotation marks, also across paragraphs) and
indirect (reported speech, from the dependency parse).

Direct quotes are found by scanning quotation marks, because the parse splits them across
sentences; the speaker comes from the cue next to the marks (`"...", X said`,
`X said: "..."`, `"...," said X`) and the parse of that cue's clause. Reported speech is a
cue verb with a subject and a clause or object (`X said (that) ...`, `X urged ...`), with
`the release said citing X` and `according to X` credited to X.

The modules, in the order a quote passes through them:

- `verbs`: the cue and stance verb lists (word lists only);
- `marks`: quoted spans, their closing marks, and quotes inside the writer's own clause;
- `cue`: the cue verb after or before a direct quote;
- `subjects`: the token that speaks, from the parse or the tags around the cue;
- `speakers`: that token's name and entity, through `resolver`;
- `direct` and `reported`: direct and indirect quotes;
- `surnames`: a surname two people share, to the one referred to last;
- `pronouns`: he and she resolved to a person;
- `carry`: quotes without a cue continue the speaker just quoted.

Names with an underscore are shared between these modules but are no API outside the package.
"""

from __future__ import annotations

from spacy.tokens import Doc

from dateline.extract.gender import person_genders
from dateline.extract.quotes.carry import CARRY_CHARS, _carry_speakers
from dateline.extract.quotes.cue import WINDOW
from dateline.extract.quotes.direct import _direct
from dateline.extract.quotes.marks import DASH_CREDIT, OPEN_RE, PAIRS, quote_spans
from dateline.extract.quotes.pronouns import (
    PRONOUN_CHARS,
    _group_subjects,
    _resolve_pronouns,
    _subjects,
)
from dateline.extract.quotes.reported import _indirect
from dateline.extract.quotes.resolver import _Resolver, is_person
from dateline.extract.quotes.speakers import (
    DESCRIPTION_CHARS,
    PERSON_NOUNS,
    PRONOUNS,
    REPORT_NOUNS,
)
from dateline.extract.quotes.surnames import _shared_surnames
from dateline.extract.quotes.verbs import CUES, STANCE
from dateline.model import Article

# The public names of the single module this package replaced, so that its importers are
# unchanged.
__all__ = [
    "CARRY_CHARS",
    "CUES",
    "DASH_CREDIT",
    "DESCRIPTION_CHARS",
    "OPEN_RE",
    "PAIRS",
    "PERSON_NOUNS",
    "PRONOUNS",
    "PRONOUN_CHARS",
    "REPORT_NOUNS",
    "STANCE",
    "WINDOW",
    "extract_quotes",
    "quote_spans",
]


def extract_quotes(article: Article, doc: Doc) -> Article:
    """Fill `article.quotes`; run after the entities, to which speakers are resolved."""
    res = _Resolver(article.entities)
    res.quoted = quote_spans(article.text)
    subjects = _subjects(doc, res)
    res.subjects = {at for at, _ in subjects}
    direct = _direct(article, doc, res)
    quotes = sorted(direct + _indirect(doc, res, direct), key=lambda q: q.start)
    people = [(s, t, e.id) for s, t, e in res.spans if e.type == "PERSON"]
    names = {e.id: e.name for e in article.entities if e.type == "PERSON"}
    genders = person_genders(doc, people, names)
    quotes = _shared_surnames(quotes, res, article.text)
    quotes = _resolve_pronouns(quotes, res, genders, article.text, subjects,
                               _group_subjects(doc, res))
    people_at = [(s, e.id, e.name) for s, _t, e in res.spans
                 if is_person(e) and not res.quoted_at(s)]
    article.quotes = _carry_speakers(quotes, article.text, subjects, people_at)
    return article

