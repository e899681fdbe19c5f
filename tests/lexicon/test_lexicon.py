from dateline import lexicon


def test_a_mapping_reads_key_equals_value_lines_and_skips_comments() -> None:
    agencies = lexicon.mapping("agencies")
    assert agencies["reuter"] == "Reuters"
    assert agencies["associated press"] == "AP"
    assert not any(k.startswith("#") for k in agencies)


def test_a_missing_list_is_a_key_error_and_has_says_so() -> None:
    assert not lexicon.has("no-such-list")
    try:
        lexicon.entries("no-such-list")
    except KeyError as e:
        assert "en/no-such-list" in str(e)
    else:
        raise AssertionError("a missing list must raise")


def test_english_is_a_language_with_word_lists() -> None:
    assert "en" in lexicon.languages()
