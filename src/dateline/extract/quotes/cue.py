"""The cue verb of a direct quote: the verb after its closing mark (`"...," X said`,
`"...," said X`) or before its opening mark (`X said: "..."`, `X said, "..."`).

The scan reads tokens, not characters, so that abbreviations and long appositives between
the quote and its verb do not stop it.
"""

from __future__ import annotations

from bisect import bisect_left

from spacy.tokens import Doc, Token

from dateline.extract.quotes.marks import _QUOTE_TOKEN, _STOPS
from dateline.extract.quotes.subjects import (
    _CLIMB,
    _detached_subject,
    _first_noun,
    _name_before,
    _subject,
)
from dateline.extract.quotes.verbs import CUES, is_speech

WINDOW = 40  # tokens read on each side of a quote for its cue: the longest appositives fit


def _is_cue(verb: Token, outside: tuple[int, int]) -> bool:
    """A speech verb, or (after the quote) any verb with a subject outside the quote: news
    copy puts all sorts of verbs there (`"...," Kelly charged`, `Trump barked`)."""
    if verb.pos_ not in ("VERB", "AUX"):
        return False
    if verb.lower_ in CUES:
        return True
    # Someone named or a pronoun, not a thing: `"...," the balloons cascaded` is no cue.
    subj = _subject(verb, outside)
    return subj is not None and subj.pos_ in ("PROPN", "PRON")


def _verb_after(doc: Doc, starts: list[int], start: int, after: int) -> Token | None:
    """The cue verb of `"...," X said` or `"...," said X`: the first verb after the closing
    mark, before the sentence ends, a line breaks or another quote opens. Reading tokens, not
    characters, lets abbreviations (`Rep. Gwen Moore (D-Wis.) said`) and long appositives
    through, where a character pattern has to stop at every full stop."""
    i = bisect_left(starts, after)
    for tok in doc[i : i + WINDOW]:
        if "\n" in tok.text or _QUOTE_TOKEN.search(tok.text) or tok.text in _STOPS:
            return None
        if tok.is_title and tok.lower_ not in CUES:
            continue  # `"...," Tulsa police Chief Ann Lee said`: a name the tagger took for a verb
        name = _name_before(tok, i) if tok.pos_ == "VERB" else None
        if tok.pos_ == "VERB" and (tok.lower_ in CUES or name is not None and (
                name.pos_ == "PROPN" or name.is_title)):
            return tok  # `"...," adding that ...` hangs on a clause: its subject is the speaker
        if tok.dep_ == "aux":
            continue  # `"...," the president will say`
        if tok.pos_ in ("VERB", "AUX") and tok.dep_ not in ("amod", "acl", "relcl", "advcl",
                                                           "compound"):
            # The first finite verb decides: its subject, or none at all (a clause that
            # merely follows the quote is not its cue).
            if _is_cue(tok, (start, after)):
                return tok
            if tok.lower_ not in ("is", "was", "has", "had", "have", "been"):
                return None
    return None


def _bare_attribution(verb: Token, starts: list[int], after: int) -> bool:
    """`"We will win." Ann Lee said Monday.`: a short sentence that is only a name, a speech
    verb and its circumstances attributes the quote before it, full stop or not."""
    if verb.lower_ not in CUES or verb.i - bisect_left(starts, after) > 6:
        return False
    for tok in verb.doc[verb.i + 1 : verb.i + 8]:
        if tok.text in (".", "!", "?"):
            return True
        if tok.pos_ in ("VERB", "AUX") or _QUOTE_TOKEN.search(tok.text):
            return False
    return False


def _verb_before(doc: Doc, starts: list[int], start: int, end: int) -> Token | None:
    """The cue of `X said: "..."` or `X said, "..."`: the nearest verb before the opening
    mark, when the mark follows the verb, a colon or a comma."""
    i = bisect_left(starts, start) - 1
    # The opening mark itself: a token or two (`"'`). Walking back over any number of marks made
    # a text of thousands of marks quadratic; a longer run opens no quote a verb could cue.
    stop = i - 3
    while i >= 0 and i > stop and _QUOTE_TOKEN.search(doc[i].text):
        i -= 1
    if i >= 1 and doc[i].is_space and doc[i - 1].text == ":":
        i -= 1  # `Stone said:` closing the paragraph before a quoted block
    if i < 0 or doc[i].idx >= start:
        return None
    last = doc[i]
    if not (last.text in (":", ",", "—", "–") or last.pos_ == "VERB"):
        return None
    for tok in reversed(doc[max(0, i - WINDOW) : i + 1]):
        if tok is not last and ("\n" in tok.text or _QUOTE_TOKEN.search(tok.text)
                                or tok.text in _STOPS):
            return None
        if tok.pos_ != "VERB":
            continue
        # Before a colon any verb with a subject introduces the quote (`X released the
        # following statement:`), and so before a dash (`When Lee wrapped up — "..." —`);
        # before a comma only a speech verb does.
        has_subject = _subject(tok, (start, end)) is not None
        if _speech(tok) or tok is last or last.text in (":", "—", "–") and has_subject:
            return tok if has_subject or tok.dep_ in _CLIMB or tok.i < i and _first_noun(
                tok, (start, end)) is not None or _detached_subject(tok) is not None else None
    return None


def _speech(tok: Token) -> bool:
    """A speech verb, a phrasal one with its particle (`As Lee pointed out in May, "..."`:
    the particle makes it speech, as `said` is), or `as X put it, "..."`."""
    nxt = tok.nbor() if tok.i + 1 < len(tok.doc) else None
    return is_speech(tok) or tok.lower_ in ("put", "puts") and nxt is not None and (
        nxt.lower_ == "it")
