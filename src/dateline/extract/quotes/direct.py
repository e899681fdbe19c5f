"""Direct quotes: each quoted span that is speech, with its cue and speaker.

A span is kept when a cue verb, a dash credit or a name before a colon attributes it, or when
it reads like a sentence; titles and scare quotes are dropped.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from spacy.tokens import Doc

from dateline.extract.doctokens import token_starts
from dateline.extract.quotes.cue import _bare_attribution, _verb_after, _verb_before
from dateline.extract.quotes.marks import DASH_CREDIT, _inside_clause, quote_spans
from dateline.extract.quotes.resolver import _Resolver
from dateline.extract.quotes.speakers import _cue_speaker, _name_colon
from dateline.extract.quotes.subjects import _name_before
from dateline.extract.quotes.verbs import CUES
from dateline.model import Article, Quote

# A quoted word or two that the sentence runs on after (`urging "comprehensive" talks`,
# `called the plan "reckless" and vowed`) is a modifier or a scare quote: the writer marks a
# word as someone's, but no utterance is reported. Speech set off as its own utterance ends
# in punctuation inside the marks (`"No," she said`) or is followed by punctuation.
MODIFIER_WORDS = 2
_RUNS_ON = re.compile(r"[ \t]+([^\W\d_]+)")
# `"Never" she said`, `"Absurd" said Lee`: a bare exclamation with its cue right after is
# speech, though its comma is missing.
_CUE_NEXT = frozenset({"he", "she", "they", "i", "we"})


def _modifier(content: str, text: str, after: int) -> bool:
    words = content.split()
    if not 0 < len(words) <= MODIFIER_WORDS or re.search(r"[.,!?;:…]\s*$", content):
        return False
    nxt = _RUNS_ON.match(text, after)
    return nxt is not None and nxt.group(1).lower() not in CUES | _CUE_NEXT


def _direct(article: Article, doc: Doc, res: _Resolver) -> list[Quote]:
    text = article.text
    starts = token_starts(doc)  # read as a column, not token by token
    out: list[Quote] = []
    for start, end in quote_spans(text):
        content = text[start:end]
        if _inside_clause(text, start):
            continue  # a phrase quoted inside reported speech or a title: not a direct quote
        close_len = 2 if text.startswith("''", end) else 1
        if _modifier(content, text, end + close_len):
            continue  # `urging "comprehensive" negotiations`: a word quoted inside a clause
        # A quote closed by a full stop ends its sentence: what follows is the next one
        # (attribution after a quote takes a comma, `"...," she said`).
        ends_sentence = content.rstrip().endswith(".")
        verb = _verb_after(doc, starts, start, end + close_len)
        if ends_sentence and verb is not None and not _bare_attribution(verb, starts,
                                                                       end + close_len):
            verb = None
        named = _name_before(verb, bisect_left(starts, end + close_len)) if verb else None
        if verb is None:
            verb = _verb_before(doc, starts, start, end)
        sentence_like = len(content.split()) >= 4 and re.search(r"[.,!?…]\s*$", content)
        if verb is not None and not sentence_like and verb.lower_ not in CUES:
            verb = None  # `the film "Dune" opened`: a title before any verb, not speech
        credit = DASH_CREDIT.match(text, end + close_len) if verb is None else None
        if verb is None and not sentence_like and credit is None:
            continue  # a title or a scare-quoted word, not speech
        cue, speaker, ent_id = None, None, None
        if credit is not None:
            name = credit.group("name").rstrip(".")  # the sentence's full stop
            at = credit.start("name")
            ent = res.by_name(name) or res.at(at, at + len(name))
            speaker, ent_id = (ent.name, ent.id) if ent else (name, None)
            cue = "credit"
        colon = _name_colon(text, start, res)
        if colon is not None:
            (speaker, ent_id), cue = colon, ":"
        elif verb is not None:
            cue = verb.text
            speaker, ent_id = _cue_speaker(verb, named, (start, end), res)
        out.append(Quote(text=content, kind="direct", speaker=speaker, speaker_entity=ent_id,
                         start=start, end=end, cue=cue))
    return out
