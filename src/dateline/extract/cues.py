"""Words around a name that say what kind of name it is, stronger than one NER label.

spaCy types each mention from a few words of context, and in news it often calls a company a
person (`Ryanair`, `Saturn Corporation`) or a city a person (`Toulouse`). The text itself
often says which it is: a noun in apposition (`German magazine Der Spiegel`), a company suffix
(`Corporation`), a place qualified by its country or state (`Toulouse, France`), a role held
at the name (`Ryanair CEO`). spaCy has no component that reads these, so they are patterns
here; each gives a vote that outweighs a single NER label.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

import pycountry

from dateline.companies import ORG_SUFFIX
from dateline.extract.countries import country_code
from dateline.extract.roles import TITLE_WORDS

CUE_WEIGHT = 3.0

# A common noun naming a kind of organisation, in apposition before a name.
ORG_KIND_BEFORE = re.compile(
    r"\b(?:airline|carrier|airframer|magazine|newspaper|daily|broadcaster|retailer|firm|company"
    r"|manufacturer|maker|automaker|carmaker|bank|insurer|lender|conglomerate|group|agency"
    r"|publisher|studio|label|chain|supplier|developer|operator|startup|giant|exchange"
    r"|regulator|union)s?,?\s+$",
    re.IGNORECASE,
)
# A role held at an organisation, written right after its name (`Ryanair CEO`).
ORG_ROLE_AFTER = re.compile(
    r"^(?:'s)?\s+(?:CEO|chief executive|Chief Executive|chairman|Chairman|executives"
    r"|spokes(?:man|woman|person))\b"
)
# A person's title right before a name (`Special Envoy Marcus Hale`, `analyst David Strauss`):
# the name is a person's, whatever NER made of it. Only titles a person holds: not `General`
# (`General Motors`), `Chief`, `Head` or `Member`, which also begin the names of things.
PERSON_TITLE_BEFORE = re.compile(
    r"\b(?:"
    + "|".join(
        re.escape(w)
        for w in sorted(TITLE_WORDS - {"general", "chief", "head", "member", "leader", "vice",
                                        "deputy", "executive", "official", "chair", "speaker"},
                        key=len, reverse=True)
    )
    + r")\s+$",
    re.IGNORECASE,
)
PLACE_QUALIFIER = re.compile(r"^,\s+(?P<q>[A-Z][\w.]*(?: [A-Z][\w.]*){0,2})")
# A clock time right before a name: the name is a time zone (`08:30 UTC`), not an entity.
CLOCK_BEFORE = re.compile(r"\b\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?\s+$", re.IGNORECASE)
# `iPod`, `eReader`: a lower-case letter then a capital is how products are named; the few
# companies named so (`eBay`) get their ORG back from the cues above.
CAMEL_PRODUCT = re.compile(r"^[a-z][A-Z]\w*")


@lru_cache(maxsize=1)
def _regions() -> frozenset[str]:
    """Names of first-level subdivisions of countries (US states, Canadian provinces, ...)."""
    names = {s.name.lower() for s in pycountry.subdivisions if s.parent_code is None}
    return frozenset(names)


def is_place_qualifier(name: str) -> bool:
    """A country or a state/province: what follows a place name after a comma."""
    return country_code(name) is not None or name.lower() in _regions()


def cue_votes(text: str, start: int, end: int) -> Counter[str]:
    """Type votes that the words around `text[start:end]` give."""
    votes: Counter[str] = Counter()
    surface = text[start:end]
    words = surface.split()
    before = text[max(0, start - 40) : start]
    after = text[end : end + 40]
    country = country_code(surface) is not None
    # A country keeps its type: `US spokesman`, `the union Britain joined` name no company.
    if not country and (ORG_KIND_BEFORE.search(before) or ORG_ROLE_AFTER.match(after)):
        votes["ORG"] += CUE_WEIGHT
    if len(words) > 1 and words[-1].lower() in ORG_SUFFIX:
        votes["ORG"] += CUE_WEIGHT
    q = PLACE_QUALIFIER.match(after)
    if q and is_place_qualifier(q.group("q")) and not country:
        votes["GPE"] += CUE_WEIGHT
    if len(words) > 1 and not country and PERSON_TITLE_BEFORE.search(before):
        votes["PERSON"] += CUE_WEIGHT
    if CAMEL_PRODUCT.match(surface):
        votes["PRODUCT"] += CUE_WEIGHT - 0.5
    return votes


def is_time_zone(text: str, start: int) -> bool:
    """A name right after a clock time (`08:30 UTC`) is a time zone."""
    return bool(CLOCK_BEFORE.search(text[max(0, start - 20) : start]))
