"""Natasha's Russian models, loaded once per process, and one pass over a text.

Natasha (MIT) ships its news embedding, NER, morphology and syntax models inside its wheel
(`natasha/data/`, 27 MB) and reads them from there: nothing is fetched at run time. Loading
takes about 5 s and 0.3 GB on this kind of machine (measured by `dateline eval languages`).
The parse is needed, not only the NER: Natasha's normalisation puts a name's words back in the
nominative (`Сергея Лаврова` -> `Сергей Лавров`) reading each word's case from the morphology
and which words agree from the syntax.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from dateline.extract.named import NamedSpan


@dataclass(frozen=True, slots=True)
class Natasha:
    segmenter: Any
    morph_vocab: Any
    morph: Any
    syntax: Any
    ner: Any


def _morph_vocab() -> Any:
    """Natasha's MorphVocab (pymorphy2 over the OpenCorpora dictionary), given the dictionary's
    folder: pymorphy2 looks it up through `pkg_resources` entry points, and setuptools, which
    provides `pkg_resources`, is not always installed (nor kept by newer setuptools)."""
    import pymorphy2_dicts_ru
    from natasha import MorphVocab

    class PathMorphVocab(MorphVocab):  # type: ignore[misc]
        @classmethod
        def choose_dictionary_path(cls, path: str | None = None, lang: str | None = None) -> str:
            return path or pymorphy2_dicts_ru.get_path()

    return PathMorphVocab()


@lru_cache(maxsize=1)
def get_natasha() -> Natasha:
    """The models, loaded on first use (a Russian-free run never pays for them)."""
    from natasha import NewsEmbedding, NewsMorphTagger, NewsNERTagger, NewsSyntaxParser, Segmenter

    emb = NewsEmbedding()
    return Natasha(Segmenter(), _morph_vocab(), NewsMorphTagger(emb), NewsSyntaxParser(emb), NewsNERTagger(emb))


def natasha_doc(text: str, models: Natasha | None = None) -> Any:
    """The text segmented and its names found, a `natasha.Doc`, with the morphology of each
    sentence that holds a name and the syntax of each that holds an organisation: what the
    normalisation reads (the syntax only for organisations, to inflect the head of `Министерства
    иностранных дел` and not its complement). Tagging and parsing every sentence, as
    `Doc.tag_morph` and `Doc.parse_syntax` do, cost three times the NER, mostly on sentences with
    no name (measured on factRuEval: morphology 0.28 s, syntax 0.63 s, NER 0.26 s a document)."""
    from natasha import Doc
    from natasha.doc import inject_morph, inject_syntax, offset_syntax, sent_words

    m = models or get_natasha()
    doc = Doc(text)
    doc.segment(m.segmenter)
    doc.tag_ner(m.ner)
    named = [s for s in doc.sents if s.spans]
    for sent, markup in zip(named, m.morph.map([sent_words(s) for s in named]), strict=True):
        inject_morph(sent.tokens, markup.tokens)
    orgs = [(i, s) for i, s in enumerate(doc.sents, 1) if any(sp.type == "ORG" for sp in s.spans)]
    for (i, sent), markup in zip(orgs, m.syntax.map([sent_words(s) for _, s in orgs]), strict=True):
        inject_syntax(sent.tokens, markup.tokens)
        offset_syntax(i, sent.tokens)  # token ids unique across the document, as parse_syntax makes them
    return doc


def bare_spans(text: str) -> list[tuple[int, int, str]]:
    """Natasha's NER alone, as it tags the text: (start, end, PER|ORG|LOC)."""
    m = get_natasha()
    return [(s.start, s.stop, s.type) for s in m.ner(text).spans]


def named_spans(text: str) -> list[NamedSpan]:
    """Each name Natasha finds, with its normal (nominative) form: `Лаврова` -> `Лавров`."""
    m = get_natasha()
    doc = natasha_doc(text, m)
    out: list[NamedSpan] = []
    for span in doc.spans:
        span.normalize(m.morph_vocab)
        out.append(NamedSpan(span.start, span.stop, span.type, span.normal or span.text))
    return out
