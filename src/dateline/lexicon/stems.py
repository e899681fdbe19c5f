"""Snowball stemmers by ISO 639-1 code (PyStemmer, already a dependency): one word form for the
inflected forms of a word, so that `марте` is found as `март` and `Gesetze` as `Gesetz`."""

from __future__ import annotations

from collections.abc import Callable
from functools import cache

import Stemmer

__all__ = ["STEMMED_LANGUAGES", "stemmer"]

# ISO 639-1 -> the Snowball algorithm PyStemmer names for it.
STEMMED_LANGUAGES = {
    "ar": "arabic", "hy": "armenian", "eu": "basque", "ca": "catalan", "cs": "czech", "da": "danish",
    "nl": "dutch", "en": "english", "eo": "esperanto", "et": "estonian", "fi": "finnish", "fr": "french",
    "de": "german", "el": "greek", "hi": "hindi", "hu": "hungarian", "id": "indonesian", "ga": "irish",
    "it": "italian", "lt": "lithuanian", "ne": "nepali", "no": "norwegian", "nb": "norwegian",
    "fa": "persian", "pl": "polish", "pt": "portuguese", "ro": "romanian", "ru": "russian",
    "sr": "serbian", "es": "spanish", "sv": "swedish", "ta": "tamil", "tr": "turkish", "yi": "yiddish",
}


@cache
def _stemmer(algorithm: str) -> Stemmer.Stemmer:
    return Stemmer.Stemmer(algorithm)


def stemmer(lang: str | None) -> Callable[[str], str] | None:
    """A function from a word to its stem (lower case) for `lang`, or None where Snowball has no
    stemmer for it. PyStemmer is not thread-safe per object, and engines run in processes."""
    algorithm = STEMMED_LANGUAGES.get(lang or "")
    if algorithm is None or algorithm not in Stemmer.algorithms():
        return None
    stem = _stemmer(algorithm).stemWord
    return lambda word: stem(word.lower())
