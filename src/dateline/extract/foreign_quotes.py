"""Direct quotes of articles in other languages, by the quotation marks the text uses:
`„…“` and `»…«` (German), `«…»` (French, Russian, Spanish, Italian), `‹…›`, `「…」`, `“…”`.

The speaker is named only where it is plain: a verb of speech from the language's short list
(`lexicon/<lang>/quote_verbs.txt`) right beside the quote and a capitalised name right beside the
verb (`«…», — заявил Песков`, `„…“, sagte Scholz`, `Macron a déclaré : « … »`); otherwise the
quote is kept with no speaker. None of the English rules (pronouns, carried speakers, the parse)
runs here: a wrong speaker costs more than a missing one.
"""

from __future__ import annotations

from functools import cache

import regex

from dateline import lexicon
from dateline.model import Quote

__all__ = ["find_foreign_quotes"]

# Opening mark -> closing marks. `„` closes with `“` in German and with `”` in Polish.
PAIRS = {"„": "“”", "«": "»", "»": "«", "‹": "›", "「": "」", "『": "』", "“": "”", '"': '"'}
_OPEN = regex.compile("|".join(regex.escape(k) for k in PAIRS))
# Russian and French put names of companies, parties and papers in guillemets (`«Газпром»`,
# `«Le Monde»`): a quote of fewer words than this is a name or a term, unless a verb of speech
# stands beside it.
MIN_WORDS = 4
MAX_CHARS = 2000  # a mark left open would otherwise swallow the article
_NAME = r"\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+){0,2}"
# An abbreviated honorific or initial before the name (`M. Macron`, `Mme Borne`, `Sr. Sánchez`,
# `Dr. Weber`): news names people so after the first mention; the speaker is the name after it.
# Without a full stop only the honorifics written so (a capitalised first name is not one).
_HONORIFIC = r"(?:(?:\p{Lu}\p{Ll}{0,3}\.|Mme|Mlle|Herr|Frau|Sra|Srta)\s+(?=\p{Lu}))?"
# Between a closing mark and the verb: a comma or a full stop, a dash (Russian `», —`), spaces.
_UNSPACED = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Thai}]")
_GAP = r"\s*[,.]?\s*(?:[\-\u2013\u2014]\s*)?"


@cache
def _patterns(lang: str) -> tuple[regex.Pattern[str], regex.Pattern[str]] | None:
    if not lexicon.has("quote_verbs", lang):
        return None
    verbs = "|".join(regex.escape(v).replace(r"\ ", r"\s+")
                     for v in sorted(lexicon.entries("quote_verbs", lang), key=len, reverse=True))
    after = regex.compile(rf"{_GAP}(?P<verb>{verbs})(?!\p{{L}})\s+{_HONORIFIC}(?P<name>{_NAME})(?!\p{{L}})", regex.V1)
    # `Scholz sagte: „…“`: the name, the verb and a colon right before the opening mark.
    before = regex.compile(rf"(?<![\p{{L}}.])(?:{_HONORIFIC})(?P<name>{_NAME})\s+(?P<verb>{verbs})\s*:\s*$", regex.V1)
    return after, before


def _verb_case_ok(verb: str) -> bool:
    return verb[:1].islower()  # `So` opening a sentence is not the quoting `so`


def _speaker(text: str, start: int, end: int, lang: str) -> tuple[str | None, str | None]:
    """(speaker, verb) when a verb of the list and a capitalised name stand right beside the quote
    (its marks at text[start-1] and text[end])."""
    pats = _patterns(lang)
    if pats is None:
        return None, None
    after, before = pats
    m = after.match(text, end + 1)
    if m and _verb_case_ok(m.group("verb")):
        return m.group("name"), " ".join(m.group("verb").split())
    m = before.search(text, max(0, start - 1 - 80), start - 1)
    if m:
        return m.group("name"), " ".join(m.group("verb").split())
    return None, None


def _spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each quoted passage, marks excluded; the outer quote where quotes nest."""
    spans: list[tuple[int, int]] = []
    pos = 0
    while m := _OPEN.search(text, pos):
        begin = m.end()
        closes = PAIRS[m.group(0)]
        end = next((i for i in range(begin, min(len(text), begin + MAX_CHARS)) if text[i] in closes), None)
        # a paragraph break ends a quote left open (the next paragraph reopens it)
        brk = text.find("\n\n", begin, end if end is not None else begin)
        if end is None or brk != -1:
            pos = begin
            continue
        if end > begin:
            spans.append((begin, end))
        pos = end + 1
    return spans


def _words(text: str) -> int:
    """Words of a quote; Chinese and Japanese write no spaces, about two characters a word."""
    if _UNSPACED.search(text):
        return max(len(text.split()), len(text) // 2)
    return len(text.split())


def find_foreign_quotes(text: str, lang: str | None) -> list[Quote]:
    """The direct quotes of `text` (written in `lang`), with the speaker where it is plain."""
    out: list[Quote] = []
    for begin, close in _spans(text):
        speaker, verb = _speaker(text, begin, close, lang or "")
        # French sets its guillemets apart with spaces (`« Nous … »`): the quote is the words
        start = begin + len(text[begin:close]) - len(text[begin:close].lstrip())
        end = close - (len(text[begin:close]) - len(text[begin:close].rstrip()))
        inner = text[start:end]
        if _words(inner) < MIN_WORDS and verb is None:
            continue
        out.append(Quote(text=inner, kind="direct", speaker=speaker, speaker_entity=None, start=start, end=end,
                         cue=verb))
    return [q for q in out if q.text]
