"""Words that end company names, and a company's name said without them.

Shared by extraction (a short form joins its company's full name in an article) and the
archive (the same short form links the company across articles), so both read one list. A
module of its own, without spaCy, because the archive imports it.
"""

from __future__ import annotations

# The last word of a company's name.
ORG_SUFFIX = frozenset(
    "corporation corp corp. inc inc. llc ltd ltd. limited co co. company aircraft airlines "
    "airways motors holdings group ag plc n.v. nv gmbh bank".split()
)
# Words a company's name may drop when it is said short (`AirTran` for `AirTran Airways`).
CORPORATE = frozenset({w.replace(".", "") for w in ORG_SUFFIX}) | frozenset(
    "capital management computer computers motor international industries systems "
    "technologies partners communications entertainment".split()
)


def company_short_form(short: str, full: str) -> bool:
    """`Apple` for `Apple Computer`, `Cerberus` for `Cerberus Capital Management`: the first
    words of the full name, the rest corporate words. Not `New York` for `New York Times`.
    Words are compared case-folded, dots aside."""
    s = short.casefold().replace(".", "").split()
    lw = full.casefold().replace(".", "").split()
    return 0 < len(s) < len(lw) and lw[: len(s)] == s and all(w in CORPORATE for w in lw[len(s) :])


# Legal forms that end a company's registered name (`Pizza Inn Inc`, `Fiat S.p.A.`): no
# person's name ends so, whatever label the recogniser gave it.
LEGAL_FORMS = frozenset(
    "inc incorporated corp corporation ltd limited plc llc co ag nv gmbh sa spa".split()
)


def has_legal_form(name: str) -> bool:
    """The name ends in a company's legal form (dots and a comma before it aside)."""
    words = name.replace(".", "").replace(",", " ").casefold().split()
    return len(words) > 1 and words[-1] in LEGAL_FORMS
