"""The language of an article: as the record or the page states it, else detected from its text.

Why py3langid: it ships its model inside the package (langid.py's naive Bayes over byte n-grams,
BSD), runs offline, and classifies a news lead in well under a millisecond (1,000 characters;
lingua is more accurate on very short texts but its models are ten times larger and slower to
load). A guess is kept only when the detector is confident (normalised probability at least 0.9)
on enough text: on 2,761 Reuters-21578 bodies no body got a non-English label with that
confidence, while 181 got a weak one (wire tables, all-caps copy) — the kind of text that must not
lose its English extraction to a guess. An article with no confident guess keeps `language` None,
and the extract stage treats it as it always has.

What the detector reads (see `label`): the text lowercased, only when it has enough letters, and
only over the languages an article can be stored in (those with an ISO 639-1 code).
"""

from __future__ import annotations

from functools import cache

MIN_CHARS = 40  # below this a guess is noise (a title or a dateline alone)
READ_CHARS = 1000  # the lead says the language; reading more costs time and changes nothing
CONFIDENT = 0.9
# Letters, not characters, carry a language: a table of figures (`12,345  67,890  1.2  3.4`) is
# mostly digits and punctuation, and what letters it has are abbreviations any language could use.
# Below this share of letters among the visible characters the text is said to have no language.
# A wire earnings table with its words (`Shr 45 cts vs 58 cts  Net 1.1 mln`) passes this share;
# the detector is rarely confident on it, so the stage's confidence rule leaves it unknown.
MIN_LETTER_SHARE = 0.5
MIN_LETTERS = 3  # a title such as `2016 Dems React` still has words; `1987/88` has none
# A page's or a feed's declared language is written once in the site's template (`<html lang>`)
# or the feed's channel (RSS `<language>`), not by the author of each article: a site that
# publishes in two languages under one template, or keeps the CMS default, declares the wrong
# one for a whole section. The text itself is the article's own evidence, so a confident guess
# on a long text overrides the declaration; on a short text the declaration stands, since there
# the detector is the weaker witness (see docs/quality.md, languages: titles vs articles).
OVERRIDE_LETTERS = 400
OVERRIDE_CONFIDENT = 0.99
# Labels the detector has that are not languages of articles (`zxx`: no linguistic content).
NOT_LANGUAGES = frozenset({"zxx", "und", "mul"})


@cache
def _identifier():  # type: ignore[no-untyped-def]
    import numpy as np
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    ident = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    # The archive stores ISO 639-1 codes, so a label without one (`pcm`, Nigerian Pidgin; `bcl`;
    # `kab`) could only ever become None. Left among the candidates they still win on English
    # headlines and tables (Nigerian Pidgin's vocabulary is English) and take away a right answer;
    # the candidates are thus the languages the contract can express, not a list chosen for news.
    ident.set_languages([c for c in ident.nb_classes if len(c) == 2 and c not in NOT_LANGUAGES])
    # numpy returns the column selection in a strided layout; the per-text product reads it whole,
    # and a contiguous copy keeps that product as fast as over the full model
    ident.nb_ptc = np.ascontiguousarray(ident.nb_ptc)
    return ident


def _letters(text: str) -> int:
    return sum(map(str.isalpha, text))


def classify(text: str) -> tuple[str, float] | None:
    """py3langid's label and normalised probability for the text's first 1,000 characters, or
    None when they have too few letters to be in any language."""
    sample = text[:READ_CHARS]
    letters = _letters(sample)
    visible = len("".join(sample.split()))
    if letters < MIN_LETTERS or letters < MIN_LETTER_SHARE * visible:
        return None
    # Case says little about language in news (headlines in title case, wire copy in capitals)
    # while the model's n-grams were learnt from ordinary running text: `BAHIA COCOA REVIEW` and
    # `Obama Power Plant Rules Face Key Test` are n-grams it has rarely seen in English. Lowercase
    # text is what all its training languages share.
    code, prob = _identifier().classify(sample.lower())
    return str(code), float(prob)


def label(text: str) -> str | None:
    """The detector's best label, confident or not (what the evaluation compares)."""
    got = classify(text)
    return got[0] if got else None


def detect(text: str) -> str | None:
    """The ISO 639-1 code of the text's language, or None when the guess is not confident."""
    if len(text[:READ_CHARS].strip()) < MIN_CHARS:
        return None
    got = classify(text)
    if got is None or got[1] < CONFIDENT:
        return None
    return got[0]


def normalise(code: str | None) -> str | None:
    """A language as records write it (`en-GB`, `EN`, `pt_BR`) as ISO 639-1; other forms give None."""
    if not code:
        return None
    base = code.strip().replace("_", "-").split("-")[0].lower()
    return base if len(base) == 2 and base.isalpha() else None


def language_of(stated: str | None, title: str | None, body: str) -> str | None:
    """The record's or page's own statement, unless a confident guess on a long text contradicts
    it (see OVERRIDE_LETTERS); with no statement, a confident guess."""
    declared = normalise(stated)
    if declared is None:
        return detect(f"{title}\n{body}" if title else body)
    if _letters(body[:READ_CHARS]) >= OVERRIDE_LETTERS:
        got = classify(body)
        if got is not None and got[1] >= OVERRIDE_CONFIDENT and got[0] != declared:
            return got[0]
    return declared
