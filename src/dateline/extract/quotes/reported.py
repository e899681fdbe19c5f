"""Indirect quotes (reported speech) from the dependency parse: a cue or stance verb with a
subject and a clause or object (`X said (that) ...`, `X urged ...`), and `according to X`.
"""

from __future__ import annotations

from spacy.attrs import LOWER, POS
from spacy.tokens import Doc, Span, Token

from dateline.extract.doctokens import tokens_where
from dateline.extract.quotes.resolver import _Resolver
from dateline.extract.quotes.speakers import _speaker
from dateline.extract.quotes.subjects import _subject
from dateline.extract.quotes.verbs import THOUGHT, is_attribution
from dateline.model import Quote


def _indirect(doc: Doc, res: _Resolver, direct: list[Quote]) -> list[Quote]:
    out: list[Quote] = []
    inside = [(q.start, q.end) for q in direct]
    # Only the tokens the test below can pass (`according`, a verb or auxiliary), found in the
    # doc's columns: building a Token for every word of the article cost more than the rule.
    cands = set(tokens_where(doc, POS, ("VERB", "AUX"))) | set(tokens_where(doc, LOWER, ("according",)))
    for i in sorted(cands):
        tok = doc[i]
        low = tok.lower_
        according = low == "according" and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "to"
        if not according and not (tok.pos_ in ("VERB", "AUX") and is_attribution(tok)):
            continue
        # After the word tests, which let few tokens through: this one costs a comparison per
        # direct quote, and ran for every token when it came first.
        if any(s <= tok.idx < e for s, e in inside):
            continue
        q = _according(tok, res) if according else _reported(tok, res)
        # A paraphrase may hold a partial quote (`she says Trump's "meltdown is unhinged"`);
        # what opens with a quotation mark is the direct quote itself, not reported speech.
        if q and not any(s - 2 <= q.start < e for s, e in inside):
            out.append(q)
    return out


def _reported(verb: Token, res: _Resolver) -> Quote | None:
    subj = _subject(verb)
    content = _content(verb)
    if subj is None or content is None or subj.i in range(content.start, content.end):
        return None
    speaker, ent_id = _speaker(subj, verb, res, content.start_char)
    return Quote(text=content.text, kind="indirect", speaker=speaker, speaker_entity=ent_id,
                 start=content.start_char, end=content.end_char, cue=verb.text)


def _according(tok: Token, res: _Resolver) -> Quote | None:
    to = tok.doc[tok.i + 1]
    objs = [c for c in to.children if c.dep_ == "pobj"] or [
        c for c in tok.subtree if c.dep_ == "pobj"]
    if not objs:
        return None
    sent = tok.sent
    phrase_end = objs[0].right_edge.i + 1
    if tok.i - sent.start > sent.end - phrase_end:
        content = _trim(tok.doc[sent.start : tok.i])
    else:
        content = _trim(tok.doc[phrase_end : sent.end])
    if content is None:
        return None
    speaker, ent_id = _speaker(objs[0], None, res, content.start_char)
    return Quote(text=content.text, kind="indirect", speaker=speaker, speaker_entity=ent_id,
                 start=content.start_char, end=content.end_char, cue="according to")


def _content(verb: Token) -> Span | None:
    """What the verb reports: its clause (finite, for a verb of thought), else, for a verb of
    saying or stance, its object with what hangs on it."""
    for child in verb.children:
        if child.dep_ == "ccomp":
            if verb.lower_ in THOUGHT and not _finite(child):
                return None  # `saw prices slump`: what happened, not what someone thinks
            return _trim(verb.doc[child.left_edge.i : child.right_edge.i + 1])
    if verb.lower_ in _NO_OBJECT:
        return None  # `said in a statement`, `knew him well`: nothing reported
    right = [c for c in verb.rights if c.dep_ in ("dobj", "ccomp", "oprd") or c.dep_ == "prep"
             and _said_about(c) or c.dep_ == "xcomp" and c.tag_ == "VBG"]
    if right and any(c.dep_ == "dobj" for c in right):
        # An infinitive reports words only after an object, as what someone was told to do
        # (`urged Congress to act`); alone it is a plan (`pledged to cut`, `agreed to sell`).
        # A gerund is an object itself (`mentioned refinancing loans`).
        right += [c for c in verb.rights if c.dep_ == "xcomp" and c not in right]
    if not right:
        return None
    last = max(c.right_edge.i for c in right)
    return _trim(verb.doc[verb.i + 1 : last + 1])


# Verbs whose object is no report: who is told, who is known, where one was seen.
_NO_OBJECT = THOUGHT | frozenset(
    "say says said saying tell tells told telling".split())
# Prepositions of circumstance: `on Thursday`, `in a statement`, `at a rally` say when,
# where or how someone spoke, not what about (`warned of`, `called for`, `spoke about`).
_CIRCUMSTANCE = frozenset(
    "in at during after before since until till from to into with by over through amid "
    "near across via inside outside onto upon".split())
_FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})


def _said_about(prep: Token) -> bool:
    if prep.lower_ in _CIRCUMSTANCE:
        return False
    objs = [c for c in prep.children if c.dep_ == "pobj"]
    # `on Thursday`, `on Capitol Hill`: a date or a place is when or where, never the topic.
    return not any(o.ent_type_ in ("DATE", "TIME", "GPE", "LOC", "FAC") for o in objs)


def _finite(clause: Token) -> bool:
    """A clause with a tensed verb or a modal (`that prices fell`, `prices will fall`), not a
    bare or infinitive one (`prices slump`, `to win`)."""
    return clause.tag_ in _FINITE_TAGS or any(
        c.dep_ in ("aux", "auxpass") and c.tag_ in _FINITE_TAGS for c in clause.children)


def _trim(span: Span) -> Span | None:
    doc = span.doc
    s, e = span.start, span.end
    while s < e and (doc[s].is_punct or doc[s].is_space or doc[s].lower_ in ("that",)):
        s += 1
    while e > s and (doc[e - 1].is_punct or doc[e - 1].is_space):
        e -= 1
    return doc[s:e] if e - s >= 2 else None
