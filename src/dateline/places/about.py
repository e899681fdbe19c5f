"""The countries a story is about, among all those it names.

News is written as an inverted pyramid: what the story is about is in its headline and lead,
and the places it keeps coming back to; a country named once further down is background
(`... as in Canada and Australia`). So a story's countries are its dateline's, those its title
names, those of the places and demonyms of its first paragraph, and those named at least
`REPEATED` times.
"""

from __future__ import annotations

import re
from collections import Counter

from dateline.extract.countries import country_code, demonym_code
from dateline.model import Article

REPEATED = 2


def story_countries(article: Article) -> set[str]:
    """ISO alpha-3 codes of the countries the article is about (from its resolved places)."""
    lead_end = article.paragraphs[0].end if article.paragraphs else len(article.text)
    title = (article.title or "").casefold()
    named: Counter[str] = Counter()
    out: set[str] = title_countries(article.title or "")
    for e in article.entities:
        # A demonym (`Iranian forces`) names its country as well as the country's name does.
        country = e.place.country if e.place is not None else e.country if e.type == "NORP" else None
        if country is None:
            continue
        named[country] += len(e.mentions)
        in_title = bool(title) and re.search(rf"\b{re.escape(e.name.casefold())}\b", title) is not None
        if in_title or any(m.start < lead_end for m in e.mentions):
            out.add(country)
    out |= {c for c, n in named.items() if n >= REPEATED}
    dl = article.dateline
    if dl is not None and dl.location is not None:
        out.add(dl.location.country)
    return out


_WORD = re.compile(r"[A-Za-z][A-Za-z.'\-]*")


def title_countries(title: str) -> set[str]:
    """Countries a headline names, by name or demonym (`CHINESE PORK OUTPUT`, `U.S. BUYS`).

    Headlines are not read by the entity model (often all capitals, no sentence), so their
    words are looked up directly: country names and demonyms only, which are few and distinct;
    a city's name in capitals is too often another word."""
    words = [w.rstrip(".'") if w.count(".") < 2 else w for w in _WORD.findall(title)]
    out: set[str] = set()
    for n in (3, 2, 1):
        for i in range(len(words) - n + 1):
            phrase = " ".join(words[i:i + n])
            if len(phrase) <= 3 and not phrase.isupper():
                continue  # `us` is a pronoun; `US` and `UK` are written in capitals
            code = demonym_code(phrase) or country_code(phrase)
            if code:
                out.add(code)
    return out
