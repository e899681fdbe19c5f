"""Which token speaks: the subject of a cue verb, read from the dependency parse and, where
the parse left the verb without one, from the part-of-speech tags around it.

These give a token only; `speakers` turns it into a name and an entity.
"""

from __future__ import annotations

from spacy.tokens import Token

from dateline.extract.quotes.marks import _STOPS


def _subject(verb: Token, outside: tuple[int, int] = (0, 0)) -> Token | None:
    """The verb's subject; with `outside`, one not inside that quoted character range."""
    subjects = [c for c in verb.children
                if c.dep_ in ("nsubj", "nsubjpass") and not outside[0] <= c.idx < outside[1]]
    if len(subjects) > 1 and subjects[1].pos_ == "PROPN" and _runs_on(subjects[0], subjects[1]):
        # `the analyst Dana Byrne said`: news puts a description before a name with no comma,
        # and the parser may read both as subjects; the name is who speaks
        return subjects[1]
    return subjects[0] if subjects else None


def _runs_on(first: Token, second: Token) -> bool:
    """Whether the second subject's phrase starts right after the first (nothing between)."""
    return second.left_edge.i == first.i + 1


def _detached_subject(verb: Token) -> Token | None:
    """The speaker of a cue the parser left without a subject, read from the tags around it:
    `Ann Lee (D-Wis.) said`, `Col. Ann Lee, a spokeswoman in Kabul, said`, `Ann Lee, asked
    about it, had said`, `an adviser, Ann Lee, said`, `Ann Lee did it, writing "..."`."""
    doc = verb.doc
    j = verb.i - 1
    while j >= 0 and doc[j].pos_ in ("AUX", "ADV", "PART"):
        j -= 1
    if j >= 0 and doc[j].text == ")":
        while j >= 0 and doc[j].text != "(":
            j -= 1
        j -= 1
    if j < 0:
        return None
    if doc[j].pos_ == "PROPN":
        return doc[j]
    if doc[j].text != ",":
        return None
    k = j - 1
    while k >= 0 and j - k < 25 and doc[k].text != "," and doc[k].text not in _STOPS:
        if verb.lower_.endswith("ing") and doc[k].pos_ == "VERB":
            return _subject(doc[k])  # `X did Y, writing`: the subject of what came before
        k -= 1
    if k <= 0 or doc[k].text != ",":
        return None
    segment = doc[k + 1 : j]
    if segment and all(t.pos_ == "PROPN" for t in segment):
        return segment[-1]  # `an adviser, Ann Lee, said`
    return doc[k - 1] if doc[k - 1].pos_ == "PROPN" else None


_NP_TAGS = frozenset({"PROPN", "NOUN", "DET", "ADJ", "NUM", "PUNCT"})


def _name_before(verb: Token, first: int) -> Token | None:
    """`"Go back to Univision," Trump barked`: the parser, misled by an imperative quote,
    may hang the name on the quote's verb; the noun phrase between the closing mark and the
    verb is then the speaker, read from the part-of-speech tags."""
    words = verb.doc[first : verb.i]
    if not words or len(words) > 8 or any(t.pos_ not in _NP_TAGS and not t.is_title
                                          or t.is_space for t in words):
        return None
    # `"...," Flynn, a top Trump adviser, said`: a name set off from a description by a comma
    # is who speaks; the description after it only says who that is.
    comma = next((t.i for t in words if t.text == ","), None)
    if comma is not None and comma > first and verb.doc[comma - 1].pos_ == "PROPN":
        return verb.doc[comma - 1]
    nouns = [t for t in words if t.pos_ in ("PROPN", "NOUN") or t.is_title]
    return nouns[-1] if nouns else None


_CLIMB = ("advcl", "xcomp", "conj", "relcl", "pcomp")


_TOLD = frozenset("tell tells told telling ask asks asked asking".split())


def _first_noun(verb: Token, outside: tuple[int, int]) -> Token | None:
    """The name right after an inverted cue (`said Hester`, `Stated Stone:`)."""
    nxt = verb.doc[verb.i + 1] if verb.i + 1 < len(verb.doc) else None
    if nxt is None or outside[0] <= nxt.idx < outside[1] or nxt.pos_ not in ("PROPN", "NOUN",
                                                                             "DET"):
        return None
    if verb.lower_ in _TOLD:
        return None  # `"...," Ann Lee tells Fox News`: who is told does not speak
    for tok in verb.doc[verb.i + 1 : verb.i + 6]:
        if tok.pos_ == "PROPN" or tok.pos_ == "NOUN" and tok.dep_ in ("nsubj", "attr", "dobj"):
            head = tok
            while head.head.i > head.i and head.head.pos_ in ("PROPN", "NOUN"):
                head = head.head  # `said Sen. Ann Lee`: from `Sen.` to `Lee`
            return head
    return None


def _inverted(verb: Token, outside: tuple[int, int]) -> Token | None:
    """`..., saying "..."`, `adding, "..."`, `Ann Lee smiled and told reporters, "..."`: the
    subject of the clause the cue hangs on; `"...," said Hester` when the parse makes Hester no
    subject: the name right after the verb."""
    head = verb
    # ccomp too: `"...," adding that ...` hangs on the quote's own clause, itself the
    # complement of the cue before the quote.
    # prep too: `Obama ended his list by saying "..."`, where the cue hangs on `by`.
    while head.dep_ in (*_CLIMB, "ccomp", "prep") and head.head is not head:
        head = head.head
        subj = _subject(head, outside)
        if subj is not None:
            return subj
    return _first_noun(verb, outside)
