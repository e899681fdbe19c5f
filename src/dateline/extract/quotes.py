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
    "chant chants chanted echo echoes echoed".split()
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

    def last_person(self, before: int) -> Entity | None:
        found = None
        for s, _t, e in self.spans:
            if s >= before:
                break
            if e.type == "PERSON":
                found = e
        return found


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
    if tok.lower_ in PRONOUNS:
        return tok.text, None  # he and she are resolved once all speakers are known
    np = _noun_phrase(tok)
    ent = (res.at(np.start_char, np.end_char) or res.by_name(np.text) or res.by_name(tok.text)
           or _person_within(tok, res))
    return (ent.name, ent.id) if ent else (np.text, None)


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
        close_len = 2 if text.startswith("''", end) else 1
        # A quote closed by a full stop ends its sentence: what follows is the next one
        # (attribution after a quote takes a comma, `"...," she said`).
        ends_sentence = content.rstrip().endswith(".")
        verb = None if ends_sentence else _verb_after(doc, starts, start, end + close_len)
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
        if verb is not None:
            cue = verb.text
            subj = _subject(verb, (start, end)) or named or _inverted(verb, (start, end))
            speaker, ent_id = _speaker(subj, verb, res, start)
        out.append(Quote(text=content, kind="direct", speaker=speaker, speaker_entity=ent_id,
                         start=start, end=end, cue=cue))
    return out


WINDOW = 40  # tokens read on each side of a quote for its cue: the longest appositives fit
_QUOTE_TOKEN = re.compile(r"[\"“”]|``|''")
_STOPS = frozenset({".", "!", "?", ";"})


def _is_cue(verb: Token, outside: tuple[int, int]) -> bool:
    """A speech verb, or (after the quote) any verb with a subject outside the quote: news
    copy puts all sorts of verbs there (`"...," Kelly charged`, `Trump barked`)."""
    if verb.pos_ not in ("VERB", "AUX"):
        return False
    return verb.lower_ in CUES or _subject(verb, outside) is not None


def _verb_after(doc: Doc, starts: list[int], start: int, after: int) -> Token | None:
    """The cue verb of `"...," X said` or `"...," said X`: the first verb after the closing
    mark, before the sentence ends, a line breaks or another quote opens. Reading tokens, not
    characters, lets abbreviations (`Rep. Gwen Moore (D-Wis.) said`) and long appositives
    through, where a character pattern has to stop at every full stop."""
    i = bisect_left(starts, after)
    for tok in doc[i : i + WINDOW]:
        if "\n" in tok.text or _QUOTE_TOKEN.search(tok.text) or tok.text in _STOPS:
            return None
        if tok.pos_ == "VERB" and (_name_before(tok, i) is not None or tok.lower_ in CUES):
            return tok  # `"...," adding that ...` hangs on a clause: its subject is the speaker
        if tok.pos_ in ("VERB", "AUX") and tok.dep_ not in ("amod", "acl", "relcl", "advcl",
                                                           "compound"):
            # The first finite verb decides: its subject, or none at all (a clause that
            # merely follows the quote is not its cue).
            if _is_cue(tok, (start, after)):
                return tok
            if tok.lower_ not in ("is", "was", "has", "had", "have", "been"):
                return None
    return None


_NP_TAGS = frozenset({"PROPN", "NOUN", "DET", "ADJ", "NUM", "PUNCT"})


def _name_before(verb: Token, first: int) -> Token | None:
    """`"Go back to Univision," Trump barked`: the parser, misled by an imperative quote,
    may hang the name on the quote's verb; the noun phrase between the closing mark and the
    verb is then the speaker, read from the part-of-speech tags."""
    words = verb.doc[first : verb.i]
    if not words or len(words) > 8 or any(t.pos_ not in _NP_TAGS or t.is_space for t in words):
        return None
    nouns = [t for t in words if t.pos_ in ("PROPN", "NOUN")]
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
    if not (last.text in (":", ",") or last.pos_ == "VERB"):
        return None
    for tok in reversed(doc[max(0, i - WINDOW) : i + 1]):
        if tok is not last and ("\n" in tok.text or _QUOTE_TOKEN.search(tok.text)
                                or tok.text in _STOPS):
            return None
        if tok.pos_ != "VERB":
            continue
        # Before a colon any verb with a subject introduces the quote (`X released the
        # following statement:`); before a comma only a speech verb does.
        has_subject = _subject(tok, (start, end)) is not None
        if tok.lower_ in CUES or tok is last or last.text == ":" and has_subject:
            return tok if has_subject or tok.dep_ in _CLIMB or tok.i < i and _first_noun(
                tok, (start, end)) is not None else None
    return None


_CLIMB = ("advcl", "xcomp", "conj", "relcl", "pcomp")


def _first_noun(verb: Token, outside: tuple[int, int]) -> Token | None:
    """The name right after an inverted cue (`said Hester`, `Stated Stone:`)."""
    nxt = verb.doc[verb.i + 1] if verb.i + 1 < len(verb.doc) else None
    if nxt is None or outside[0] <= nxt.idx < outside[1] or nxt.pos_ not in ("PROPN", "NOUN",
                                                                             "DET"):
        return None
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
    quotes = _resolve_pronouns(quotes, res)
    article.quotes = _carry_speakers(quotes, article.text)
    return article


PRONOUN_CHARS = 300  # how far back `he said` looks for the person last quoted


def _resolve_pronouns(quotes: list[Quote], res: _Resolver) -> list[Quote]:
    """`he said` / `she said`: the person quoted last, when that was recent; news copy keeps
    quoting one person under a pronoun, while other people are named in between as
    the objects of what is said. Else the person named last before the quote."""
    last: Entity | None = None
    last_at = -PRONOUN_CHARS
    for q in quotes:
        if q.speaker is not None and q.speaker_entity is None and q.speaker.lower() in ("he",
                                                                                        "she"):
            recent = last if q.start - last_at <= PRONOUN_CHARS else None
            mention = res.last_person(q.start)
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
        if q.speaker is not None:
            last = q
        elif q.kind == "direct":
            last = None
    return quotes
