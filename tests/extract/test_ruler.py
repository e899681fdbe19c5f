"""The compiled attribute rules give the POS, TAG and DEP that spaCy's attribute_ruler gives."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import spacy
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc

from dateline.extract.ruler import NotCompiled, compile_rules

# A tag map and exceptions in the shape of the English models' rules: a later rule overrides an
# earlier one, rules read tags, lower-cased words and dependencies, one writes the second token
# of a two-token match, and whitespace tokens get their own tag and dependency.
PATTERNS = [
    {"patterns": [[{"TAG": "NN"}]], "attrs": {"POS": "NOUN", "MORPH": "Number=Sing"}},
    {"patterns": [[{"TAG": "NNP"}]], "attrs": {"POS": "PROPN"}},
    {"patterns": [[{"TAG": "VBZ"}]], "attrs": {"POS": "VERB"}},
    {"patterns": [[{"TAG": "VBD"}]], "attrs": {"POS": "VERB"}},
    {"patterns": [[{"TAG": "PRP"}]], "attrs": {"POS": "PRON"}},
    {"patterns": [[{"TAG": "IN"}]], "attrs": {"POS": "ADP"}},
    {"patterns": [[{"TAG": "DT"}]], "attrs": {"POS": "DET"}},
    {"patterns": [[{"TAG": "EX"}]], "attrs": {"POS": "PRON"}},
    {"patterns": [[{"TAG": "."}]], "attrs": {"POS": "PUNCT"}},
    {"patterns": [[{"TAG": "NN", "LOWER": "nothing"}]], "attrs": {"POS": "PRON", "LEMMA": "nothing"}},
    {"patterns": [[{"TAG": "VBZ", "LOWER": {"IN": ["is", "has"]}}]], "attrs": {"POS": "AUX"}},
    {"patterns": [[{"TAG": "IN", "DEP": "mark"}]], "attrs": {"POS": "SCONJ"}},
    {"patterns": [[{"DEP": {"NOT_IN": ["det", ""]}, "TAG": "DT"}]], "attrs": {"POS": "PRON"}},
    {"patterns": [[{"DEP": "expl"}, {"LOWER": {"IN": ["is", "was"]}}]], "attrs": {"POS": "VERB"},
     "index": 1},
    {"patterns": [[{"LOWER": "quietly"}]], "attrs": {"MORPH": "Degree=Pos"}},
    {"patterns": [[{"IS_SPACE": True, "DEP": {"NOT_IN": [""]}}]], "attrs": {"DEP": "dep"}},
    {"patterns": [[{"IS_SPACE": True}]], "attrs": {"TAG": "_SP", "POS": "SPACE"}},
]

WORDS = ["There", "is", "nothing", "that", "Ana", "said", "\n\n", "because", "it", "has", "rained", "."]
TAGS = ["EX", "VBZ", "NN", "DT", "NNP", "VBD", "", "IN", "PRP", "VBZ", "VBD", "."]
DEPS = ["expl", "ROOT", "attr", "nsubj", "nsubj", "relcl", "punct", "mark", "nsubj", "aux", "advcl", "punct"]
HEADS = [1, 1, 1, 5, 5, 2, 5, 10, 10, 10, 1, 1]


def _doc(nlp: spacy.Language) -> Doc:
    spaces = [True] * len(WORDS)
    spaces[5] = spaces[6] = spaces[-2] = spaces[-1] = False
    return Doc(nlp.vocab, words=WORDS, spaces=spaces, tags=TAGS, deps=DEPS, heads=HEADS)


def _read(doc: Doc) -> list[tuple[str, str, str]]:
    return [(t.pos_, t.tag_, t.dep_) for t in doc]


def _ruler(nlp: spacy.Language, patterns: list[dict]) -> AttributeRuler:  # type: ignore[type-arg]
    ruler = AttributeRuler(nlp.vocab)
    ruler.add_patterns(patterns)  # type: ignore[arg-type]
    return ruler


def test_the_compiled_rules_set_what_the_attribute_ruler_sets() -> None:
    nlp = spacy.blank("en")
    ruler = _ruler(nlp, PATTERNS)
    expected = _read(ruler(_doc(nlp)))
    got = _read(compile_rules(ruler.patterns, nlp.vocab.strings)(_doc(nlp)))
    assert got == expected
    # the exceptions did change things, so the test compares more than a tag map
    assert [p for p, _, _ in got][:4] == ["PRON", "VERB", "PRON", "PRON"]
    assert got[6] == ("SPACE", "_SP", "dep") and got[9][0] == "AUX" and got[7][0] == "SCONJ"


def test_a_later_rule_overrides_an_earlier_one_for_the_same_tag() -> None:
    nlp = spacy.blank("en")
    patterns = [*PATTERNS, {"patterns": [[{"TAG": "NNP"}]], "attrs": {"POS": "X"}}]
    got = _read(compile_rules(_ruler(nlp, patterns).patterns, nlp.vocab.strings)(_doc(nlp)))
    assert got[4][0] == "X"


def test_morph_and_lemma_are_left_alone() -> None:
    nlp = spacy.blank("en")
    doc = compile_rules(_ruler(nlp, PATTERNS).patterns, nlp.vocab.strings)(_doc(nlp))
    assert not doc.has_annotation("MORPH") and not doc.has_annotation("LEMMA")


@pytest.mark.parametrize("pattern", [
    [{"TAG": "NN", "OP": "+"}],
    [{"TEXT": {"REGEX": "^[A-Z]"}}],
    [{"ENT_TYPE": "PERSON"}],
])
def test_a_pattern_it_cannot_evaluate_exactly_is_refused(pattern: list[dict]) -> None:  # type: ignore[type-arg]
    nlp = spacy.blank("en")
    with pytest.raises(NotCompiled):
        compile_rules([{"patterns": [pattern], "attrs": {"POS": "NOUN"}, "index": 0}], nlp.vocab.strings)


def test_an_empty_doc_passes_through() -> None:
    nlp = spacy.blank("en")
    compiled = compile_rules(_ruler(nlp, PATTERNS).patterns, nlp.vocab.strings)
    assert len(compiled(Doc(nlp.vocab, words=[]))) == 0


def test_no_extractor_reads_lemmas_or_morphology() -> None:
    # The trimmed pipeline leaves both unset; an extractor that read them would read nothing.
    # extract/ru reads Natasha's own morphology (its own models, not the spaCy pipeline).
    src = Path(__file__).parents[2] / "src" / "dateline" / "extract"
    spacy_readers = [p for p in src.rglob("*.py") if "ru" not in p.relative_to(src).parts[:-1]]
    readers = [p.name for p in spacy_readers
               if re.search(r"\.(lemma_?|morph)\b|\"LEMMA\"|\"MORPH\"", p.read_text(encoding="utf-8"))]
    assert readers == ["ruler.py"]


NEWS = [
    "There is nothing the ministry can do, a spokesman said on Tuesday.\n\nHe added that it "
    "had not been told whether the talks would resume.",
    "Shares of Acme Corp rose 4% after the company said it would buy back stock worth $2 billion, "
    "something analysts had expected.",
    '"We are ready," Ana Ruiz told reporters in Lima. "Once the vote is held, everyone will see."',
]


@pytest.mark.slow
def test_the_trimmed_model_tags_as_the_model_with_its_own_ruler() -> None:
    from dateline.extract.nlp import get_nlp, resolve_model

    ours = get_nlp("en_core_web_sm")
    assert "attribute_ruler" not in ours.pipe_names and "dateline_attribute_rules" in ours.pipe_names
    shipped = spacy.load(resolve_model("en_core_web_sm"), exclude=["lemmatizer"])
    for a, b in zip(ours.pipe(NEWS), shipped.pipe(NEWS), strict=True):
        assert [(t.pos_, t.tag_, t.dep_, t.head.i, t.ent_type_) for t in a] == \
               [(t.pos_, t.tag_, t.dep_, t.head.i, t.ent_type_) for t in b]
