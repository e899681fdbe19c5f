"""Russian country names to ISO 3166-1 alpha-3: ISO 3166's own Russian names (pycountry ships
the translations) and the short forms news uses (`lexicon/ru/countries.txt`: `США`, `Россия`)."""

from __future__ import annotations

import gettext
from functools import lru_cache

import pycountry

from dateline import lexicon
from dateline.extract.named import key


@lru_cache(maxsize=1)
def russian_countries() -> dict[str, str]:
    """Each Russian country name's key (see `named.key`) -> alpha-3."""
    out: dict[str, str] = {}
    try:
        ru = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["ru"])
    except OSError:  # a pycountry built without its translations: the short forms still work
        ru = None
    if ru is not None:
        for c in pycountry.countries:
            for attr in ("name", "common_name", "official_name"):
                english = getattr(c, attr, None)
                if english:
                    out.setdefault(key(ru.gettext(english)), c.alpha_3)
    for name, code in lexicon.mapping("countries", "ru").items():
        out[key(name)] = code
    return out
