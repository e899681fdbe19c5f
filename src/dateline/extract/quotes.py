"""Quotes with their speakers: direct (in quotation marks, also across paragraphs) and
indirect (reported speech, from the dependency parse).

Direct quotes are found by scanning quotation marks, because the parse splits them across
sentences; the speaker comes from the cue next to the marks (`"...", X said`,
`X said: "..."`, `"...," said X`) and the parse of that cue's clause. Reported speech is a
cue verb with a subject and a clause or object (`X said (that) ...`, `X urged ...`), with
`the release said citing X` and `according to X` credited to X.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from spacy.tokens import Doc, Span, Token

from dateline.extract.gender import person_genders
from dateline.extract.roles import TITLE_WORDS
from dateline.model import Article, Entity, Quote

CUES = frozenset(
    "say says said saying tell tells told add adds added state states stated announce announces "
    "announced emphasise emphasises emphasised emphasize emphasizes emphasized urge urges urged "
    "warn warns warned stress stresses stressed note notes noted explain explains explained "
    "claim claims claimed insist insists insisted argue argues argued declare declares declared "
    "assert asserts asserted confirm confirms confirmed deny denies denied reiterate reiterates "
    "reiterated acknowledge acknowledges acknowledged suggest suggests suggested write writes "
    "wrote report reports reported predict predicts predicted recall recalls recalled continue "
    "continues continued shout shouts shouted ask asks asked reply replies replied respond responds "
    "responded boast boasts boasted tweet tweets tweeted post posts posted quip quips quipped "
    "joke jokes joked saying telling adding noting stating explaining arguing claiming "
    "insisting warning writing tweeting asking replying responding reporting declaring "
    "comment comments commented commenting demand demands demanded exclaim exclaims exclaimed "
    "retort retorts retorted conclude concludes concluded answer answers answered read reads "
    "chant chants chanted chanting echo echoes echoed echoing shouting yell yells yelled yelling "
    "cry cries cried crying point points pointed pointing written spoken".split()
)
REPORT_NOUNS = frozenset(
    "release statement report communique communiqué document letter notice post tweet "
    "announcement readout memo filing transcript".split()
)
PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i"})
CUE_WORDS = "|".join(sorted(CUES, key=len, reverse=True))
# A title abbreviation (`Mr.`, `Sen.`) may stand in the speaker's name between quote and cue.
_TITLE_DOT = r"(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Del|Lt|Col|Sgt|Capt|Prof|St|Jr|Sr)\."
AFTER_CUE = re.compile(
    rf"[\s,]*(?:(?P<pre>(?:{_TITLE_DOT}|[^\n\"“”.;:]){{1,80}}?)\s+(?P<v1>{CUE_WORDS})\b|(?P<v2>{CUE_WORDS})\s)"
)
# `"…" ― Jane Doe`: the dash credit of listicles, letters and social posts.
DASH_CREDIT = re.compile(r"\s*[\u2015\u2014\u2013]\s*(?P<name>[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*){0,3})")
BEFORE_CUE = re.compile(
    rf"\b(?P<v>{CUE_WORDS})\b(?:[^\n\"“”.;]{{0,60}}?)[:,]\s*$"
)
# Two apostrophes open and close quotes in some archives (the New York Times' plain text).
PAIRS = {"“": "”", "``": "''", '"': '"', "''": "''"}
OPEN_RE = re.compile(r"“|``|\"|''")


def _paragraph_starts(text: str) -> set[int]:
    return {0} | {m.end() for m in re.finditer(r"\n\s*\n", text)}


def quote_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each quoted passage, marks excluded; a quote left open at the end of a
    paragraph continues where the next paragraph opens a quote again (the news convention)."""
    starts = _paragraph_starts(text)
    spans: list[tuple[int, int]] = []
    pos = 0
    while True:
        m = OPEN_RE.search(text, pos)
        if not m:
            return spans
        close = PAIRS[m.group(0)]
        begin = m.end()
        end = _find_close(text, begin, close, m.group(0), starts)
        if end is None:
            pos = m.end()
            continue
        if end > begin:
            spans.append((begin, end))
        pos = end + len(close)


def _find_close(text: str, begin: int, close: str, opener: str, starts: set[int]) -> int | None:
    pos = begin
    while True:
        end = text.find(close, pos)
        brk = text.find("\n", pos)
        if brk != -1 and (end == -1 or brk < end):
            nxt = re.compile(r"\n\s*\n").match(text, brk)
            after = nxt.end() if nxt else brk + 1
            if after in starts and text.startswith(opener, after):
                pos = after + len(opener)
                continue
            return None
        return end if end != -1 else None


def _token_at(doc: Doc, char: int) -> Token | None:
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    return span[0] if span is not None and len(span) else None


def _noun_phrase(tok: Token) -> Span:
    """A subject's name: the head with its compounds, titles and determiners, no clauses."""
    left = tok
    for child in tok.lefts:
        if child.dep_ in ("compound", "det", "amod", "poss", "nmod", "nummod", "punct"):
            left = min(left, child, key=lambda t: t.i)
            break
    while left.i < tok.i and any(t.is_space or "\n" in t.text for t in tok.doc[left.i : tok.i]):
        left = tok.doc[left.i + 1]  # a parse across a paragraph break (`1:50 p.m.\n\nDr. Lee`)
    right = tok
    for child in tok.rights:
        if child.dep_ in ("compound", "appos", "flat") and child.i == right.i + 1:
            right = child
    return tok.doc[left.i : right.i + 1]


def _subject(verb: Token, outside: tuple[int, int] = (0, 0)) -> Token | None:
    """The verb's subject; with `outside`, one not inside that quoted character range."""
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass") and not outside[0] <= child.idx < outside[1]:
            return child
    return None


def _cited(verb: Token) -> Token | None:
    """`the release said citing X` or `quoting X`: X."""
    for tok in verb.subtree:
        if tok.lower_ in ("citing", "quoting") and tok.i > verb.i:
            for child in tok.children:
                if child.dep_ in ("dobj", "pobj", "attr", "nsubj"):
                    return child
    return None


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


def _speaker(tok: Token | None, verb: Token | None, res: _Resolver, at: int
             ) -> tuple[str | None, str | None]:
    if tok is None:
        return None, None
    if verb is not None and tok.lower_ in REPORT_NOUNS:
        cited = _cited(verb)
        if cited is not None:
            tok = cited
    if tok.lower_ in ("who", "that", "which") and verb is not None and verb.dep_ == "relcl":
        tok = verb.head  # `Trump, who said ...`: the relative clause's head is the speaker
    tok = _out_of_brackets(tok)
    if tok.lower_ in PRONOUNS:
        return tok.text, None  # he and she are resolved once all speakers are known
    np = _noun_phrase(tok)
    ent = (res.at(np.start_char, np.end_char) or res.by_name(np.text) or res.by_name(tok.text)
           or _person_within(tok, res))
    if ent is None and _is_description(np):
        # `The star then recalled`: a definite role names the person just written about; the
        # words stay the speaker, the entity says who that is.
        ent = res.last_person(np.start_char, DESCRIPTION_CHARS)
        return (np.text, ent.id) if ent else (np.text, None)
    return (ent.name, ent.id) if ent else (np.text, None)


DESCRIPTION_CHARS = 400  # how far back `the star` looks for the person it stands for
# Roles that presuppose a person already named (`the star`, `the Republican nominee`), beside
# the titles of office; not `the woman` or `the man`, who may be someone never named.
PERSON_NOUNS = TITLE_WORDS | frozenset(
    "star actor actress singer rapper comedian host anchor candidate nominee frontrunner "
    "front-runner hopeful businessman businesswoman tycoon billionaire mogul magnate author "
    "novelist pastor preacher activist incumbent challenger contender".split()
)


def _is_description(np: Span) -> bool:
    """`the star`, `the former secretary of state`: `the`, then words, a singular role."""
    head = np.root
    return (np[0].lower_ == "the" and head.tag_ == "NN" and head.lower_ in PERSON_NOUNS
            and not any(t.pos_ == "PROPN" for t in np))


def _out_of_brackets(tok: Token) -> Token:
    """`Gov. Ann Lee (R-OH), said`: a subject the parse found in the party-and-state brackets
    stands for the name before them."""
    doc = tok.doc
    i = tok.i
    while i > 0 and i > tok.i - 4 and doc[i - 1].text != "(":
        i -= 1
    if i > 1 and doc[i - 1].text == "(" and doc[i - 2].pos_ == "PROPN":
        return doc[i - 2]
    return tok


def _person_within(tok: Token, res: _Resolver) -> Entity | None:
    """`Speaker of the House Rep. Paul Ryan`, `the head of the agency, Ann Lee`: the person
    named inside the subject's phrase (its clauses left out) when its head is a title."""
    stop = [c.left_edge.i for c in tok.rights if c.dep_ in ("relcl", "acl")]
    end = min([tok.right_edge.i + 1, *stop])
    span = tok.doc[tok.left_edge.i : end]
    ent = res.at(span.start_char, span.end_char)
    return ent if ent is not None and ent.type == "PERSON" else None


def _direct(article: Article, doc: Doc, res: _Resolver) -> list[Quote]:
    text = article.text
    starts = [t.idx for t in doc]
    out: list[Quote] = []
    for start, end in quote_spans(text):
        content = text[start:end]
        if _inside_clause(text, start):
            continue  # a phrase quoted inside reported speech or a title: not a direct quote
        close_len = 2 if text.startswith("''", end) else 1
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
            ent = res.by_name(credit.group("name"))
            speaker, ent_id = (ent.name, ent.id) if ent else (credit.group("name"), None)
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


def _cue_speaker(verb: Token, named: Token | None, quote: tuple[int, int], res: _Resolver
                 ) -> tuple[str | None, str | None]:
    """The speaker of a quote whose cue verb is known, from the parse around the verb."""
    passive = [c for c in verb.children if c.dep_ == "nsubjpass"]
    if passive:
        # `X was asked, "..."`: the subject heard the words; the speaker is the agent, if any.
        agent = [g for c in verb.children if c.dep_ == "agent" for g in c.children
                 if g.dep_ == "pobj"]
        return _speaker(agent[0], verb, res, quote[0]) if agent else (None, None)
    acl = verb.head if verb.dep_ == "acl" and verb.head.pos_ == "PROPN" else None
    # A name right between the closing mark and the verb speaks, whatever the parse says.
    proper = named if named is not None and named.pos_ == "PROPN" else None
    subj = (proper or _subject(verb, quote) or named or acl or _inverted(verb, quote)
            or _detached_subject(verb))
    return _speaker(subj, verb, res, quote[0])


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


# `Pollsters agree - Ann Lee: "..."`, `asked pollster Ann Lee: "..."`: a person named right
# before the colon that opens the quote speaks it, whatever verb came earlier.
_NAME_COLON = re.compile(r"(?P<name>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}):\s*$")
_PREPOSITIONS = frozenset("to with on from at by in for of about".split())


def _name_colon(text: str, start: int, res: _Resolver) -> tuple[str, str | None] | None:
    window = max(0, start - 80)
    before = text[window:start].rstrip("\"“'` \n")
    m = _NAME_COLON.search(before)
    if m is None:
        return None
    at = window + m.start("name")
    ent = res.at(at, at + len(m.group("name")))
    words = before[: m.start("name")].split()
    if words and words[-1] in ("-", "—", "–") and len(m.group("name").split()) > 1:
        # A roundup's `Headline - Ann Lee: "..."`: a name there, known to NER or not.
        return (ent.name, ent.id) if ent else (m.group("name"), None)
    if ent is None or ent.type != "PERSON" or words and words[-1].lower() in _PREPOSITIONS:
        return None
    return ent.name, ent.id


# The word before an opening mark: a quote that follows one continues a clause of the writer's
# (`she called it "a disgrace"`, `Trump told Fox that "they ..."`); news and PolNeAR alike
# treat such a quote as part of reported speech, or as a title or scare quote, unless the word
# is a speech verb (`Trump says "..."`, `chanted "USA!"`) or a headline in capitals before a
# roundup's quoted lead.
_WORD_BEFORE = re.compile(r"(\w[\w’']*)[ \t\"“”'`]*$")


def _inside_clause(text: str, start: int) -> bool:
    before = text[max(0, start - 40) : start]
    while before.endswith(("\"", "“", "''", "``", "'")):
        before = before[:-2] if before.endswith(("''", "``")) else before[:-1]
    m = _WORD_BEFORE.search(before)
    if m is None or before.rstrip() != before[: m.end(1)]:
        return False  # punctuation, a line break or the text's start before the mark
    word = m.group(1)
    return word.lower() not in CUES and not (word.isupper() and len(word) > 1)


WINDOW = 40  # tokens read on each side of a quote for its cue: the longest appositives fit
_QUOTE_TOKEN = re.compile(r"[\"“”]|``|''")
_STOPS = frozenset({".", "!", "?", ";"})


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


_NP_TAGS = frozenset({"PROPN", "NOUN", "DET", "ADJ", "NUM", "PUNCT"})


def _name_before(verb: Token, first: int) -> Token | None:
    """`"Go back to Univision," Trump barked`: the parser, misled by an imperative quote,
    may hang the name on the quote's verb; the noun phrase between the closing mark and the
    verb is then the speaker, read from the part-of-speech tags."""
    words = verb.doc[first : verb.i]
    if not words or len(words) > 8 or any(t.pos_ not in _NP_TAGS and not t.is_title
                                          or t.is_space for t in words):
        return None
    nouns = [t for t in words if t.pos_ in ("PROPN", "NOUN") or t.is_title]
    return nouns[-1] if nouns else None


def _verb_before(doc: Doc, starts: list[int], start: int, end: int) -> Token | None:
    """The cue of `X said: "..."` or `X said, "..."`: the nearest verb before the opening
    mark, when the mark follows the verb, a colon or a comma."""
    i = bisect_left(starts, start) - 1
    while i >= 0 and _QUOTE_TOKEN.search(doc[i].text):
        i -= 1  # the opening mark itself
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
    """A speech verb, or `as X put it, "..."`."""
    nxt = tok.nbor() if tok.i + 1 < len(tok.doc) else None
    return tok.lower_ in CUES or tok.lower_ in ("put", "puts") and nxt is not None and (
        nxt.lower_ == "it")


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
    while head.dep_ in (*_CLIMB, "ccomp") and head.head is not head:
        head = head.head
        subj = _subject(head, outside)
        if subj is not None:
            return subj
    return _first_noun(verb, outside)


def _content(verb: Token) -> Span | None:
    for child in verb.children:
        if child.dep_ == "ccomp":
            return _trim(verb.doc[child.left_edge.i : child.right_edge.i + 1])
    if verb.lower_ in ("say", "says", "said", "saying", "tell", "tells", "told", "think",
                       "thinks", "thought", "know", "knows", "knew", "see", "sees", "saw",
                       "feel", "feels", "felt", "hold", "holds", "held"):
        return None  # `said in a statement`, `knew him well`: nothing reported
    right = [c for c in verb.rights if c.dep_ in ("dobj", "xcomp", "prep", "advcl", "conj",
                                                  "ccomp")]
    if not right:
        return None
    last = max(c.right_edge.i for c in right)
    return _trim(verb.doc[verb.i + 1 : last + 1])


def _trim(span: Span) -> Span | None:
    doc = span.doc
    s, e = span.start, span.end
    while s < e and (doc[s].is_punct or doc[s].is_space or doc[s].lower_ in ("that",)):
        s += 1
    while e > s and (doc[e - 1].is_punct or doc[e - 1].is_space):
        e -= 1
    return doc[s:e] if e - s >= 2 else None


def _forms(bases: str) -> frozenset[str]:
    """Regular inflections of base verbs; the pipeline runs without a lemmatizer, and a table
    of forms is cheaper than running one."""
    out: set[str] = set()
    for b in bases.split():
        if b.endswith("e"):
            out |= {b, b + "s", b + "d", b[:-1] + "ing"}
        elif b.endswith("y") and b[-2] not in "aeiou":
            out |= {b, b[:-1] + "ies", b[:-1] + "ied", b + "ing"}
        elif b.endswith(("s", "sh", "ch", "x")):
            out |= {b, b + "es", b + "ed", b + "ing"}
        else:
            out |= {b, b + "s", b + "ed", b + "ing"}
    return frozenset(out)


# Reported thought and stance, which news attributes as much as speech (PolNeAR counts
# `X believes ...`, `a study found ...`, `X called for ...`): for indirect attributions only,
# since none of them introduces a direct quote reliably.
STANCE = _forms(
    "believe suggest agree accuse criticize criticise promise pledge vow predict estimate "
    "expect hope fear worry admit concede mention indicate reveal allege contend maintain "
    "question blame praise cite attack want call urge demand insist propose recommend "
    "describe dismiss reject defend support oppose argue acknowledge recognize recognise "
    "conclude decide announce confirm deny warn emphasize emphasise stress note complain "
    "describe signal vow threaten refuse decline hint imply acknowledge"
) | frozenset(
    "think thinks thought thinking know knows knew known knowing find finds found finding "
    "show shows showed shown showing feel feels felt feeling hold holds held holding "
    "see sees saw seen".split()
)


def _indirect(doc: Doc, res: _Resolver, direct: list[Quote]) -> list[Quote]:
    out: list[Quote] = []
    inside = [(q.start, q.end) for q in direct]
    for tok in doc:
        low = tok.lower_
        according = low == "according" and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "to"
        if not according and not ((low in CUES or low in STANCE) and tok.pos_ in ("VERB", "AUX")):
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


def extract_quotes(article: Article, doc: Doc) -> Article:
    """Fill `article.quotes`; run after the entities, to which speakers are resolved."""
    res = _Resolver(article.entities)
    direct = _direct(article, doc, res)
    quotes = sorted(direct + _indirect(doc, res, direct), key=lambda q: q.start)
    people = [(s, t, e.id) for s, t, e in res.spans if e.type == "PERSON"]
    quotes = _resolve_pronouns(quotes, res, person_genders(doc, people))
    article.quotes = _carry_speakers(quotes, article.text)
    return article


PRONOUN_CHARS = 300  # how far back `he said` looks for the person last quoted


def _resolve_pronouns(quotes: list[Quote], res: _Resolver, genders: dict[str, str]
                      ) -> list[Quote]:
    """`he said` / `she said`: the person quoted last, when that was recent; news copy keeps
    quoting one person under a pronoun, while other people are named in between as
    the objects of what is said. Else the person named last before the quote. Either must
    not be known (`genders`) as the other gender."""
    last: Entity | None = None
    last_at = -PRONOUN_CHARS
    for q in quotes:
        if q.speaker is not None and q.speaker_entity is None and q.speaker.lower() in ("he",
                                                                                        "she"):
            want = "m" if q.speaker.lower() == "he" else "f"
            recent = last if q.start - last_at <= PRONOUN_CHARS and genders.get(
                last.id if last else "", want) == want else None
            mention = res.last_person(q.start, gender=want, genders=genders)
            ent = recent or mention
            if ent is not None:
                q.speaker, q.speaker_entity = ent.name, ent.id
        person = res.by_id.get(q.speaker_entity or "")
        if person is not None and person.type == "PERSON":
            last, last_at = person, q.end
    return quotes


CARRY_CHARS = 400  # how far back a quote without a cue looks for the speaker it continues


def _carry_speakers(quotes: list[Quote], text: str) -> list[Quote]:
    """A direct quote with no cue of its own continues the speaker just quoted: news copy
    attributes the first quote and lets the next sentence or paragraph of quotation run on
    (`"We will win," Ruiz said. "The count is clean."`). The carry stops at a quote that has
    no speaker either, and reaches over at most one paragraph break and CARRY_CHARS of text."""
    last: Quote | None = None
    for q in quotes:
        if q.kind == "direct" and q.speaker is None and last is not None:
            if q.start - last.end <= CARRY_CHARS and text.count("\n\n", last.end, q.start) <= 1:
                q.speaker, q.speaker_entity, q.cue = last.speaker, last.speaker_entity, "continued"
        if q.speaker is not None and (q.kind == "direct" or q.speaker_entity is not None):
            last = q
        elif q.kind == "direct":
            last = None
    return quotes
