from dateline.lexicon.stems import stemmer


def test_a_stemmer_for_each_snowball_language_and_none_elsewhere() -> None:
    de = stemmer("de")
    assert de is not None and de("Gesetze") == de("Gesetz")
    assert stemmer("ja") is None and stemmer(None) is None
