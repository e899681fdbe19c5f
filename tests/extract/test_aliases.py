from dateline.extract.aliases import find_aliases


def names(text: str) -> list[list[str]]:
    return [[n.text for n in a.names] for a in find_aliases(text)]


def test_parenthesised_list() -> None:
    assert ["Daesh", "ISIS", "ISIL", "Islamic State"] in names(
        "Daesh (ISIS/ISIL/Islamic State) is banned in Russia.")


def test_acronym_fits_the_tail_of_the_name() -> None:
    assert names("It was held by the Syrian Democratic Forces (SDF) for years.") == [
        ["Syrian Democratic Forces", "SDF"]]


def test_square_brackets_and_slashes() -> None:
    got = names("the defeat of Daesh/ISIS [Islamic State] wherever it operates")
    assert ["ISIS", "Islamic State"] in got
    assert ["Daesh", "ISIS"] in got


def test_near_misses() -> None:
    assert names("He lives in Paris (France) now.") == []
    assert names("Senator John Smith (R-Texas) said so.") == []
    assert names("The US/UK deal was signed.") == []
    assert names("Shares of Acme (ACM) fell.") == []  # letters do not spell the name
    assert names("The market (pictured) closed.") == []


def test_offsets() -> None:
    text = "The World Health Organization (WHO) said so."
    for aset in find_aliases(text):
        for n in aset.names:
            assert text[n.start : n.end] == n.text


def test_capitalised_words_by_the_thousand_cost_linear_time() -> None:
    import time

    start = time.process_time()
    find_aliases("Washington " * 4000 + "Syrian Democratic Forces (SDF)")  # 44 KB, one bracket at the end
    assert time.process_time() - start < 2  # quadratic before: about 27 s for 20 KB
    assert names("Washington " * 30 + "Syrian Democratic Forces (SDF)")[0][-1] == "SDF"
