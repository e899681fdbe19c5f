from dateline.extract.aliases import find_aliases


def names(text: str) -> list[list[str]]:
    return [[n.text for n in a.names] for a in find_aliases(text)]


def test_parenthesised_list() -> None:
    assert ["Daesh", "ISIS", "ISIL", "Islamic State"] in names(
        "Daesh (ISIS/ISIL/Islamic State) is banned in Russia.")


def test_acronym_fits_the_tail_of_the_name() -> None:
    assert names("It was held by the Syrian Democratic Forces (SDF) for years.") == [
        ["Syrian Democratic Forces", "SDF"]]


def test_square_brackets_define_but_a_bare_slash_does_not() -> None:
    got = names("the defeat of Daesh/ISIS [Islamic State] wherever it operates")
    assert got == [["ISIS", "Islamic State"]]


def test_slash_between_a_name_and_its_acronym_defines_it() -> None:
    assert names("Fighters of the Islamic State of Iraq and Syria/ISIS fled.") == [
        ["Islamic State of Iraq and Syria", "ISIS"]]


def test_slash_lists_of_people_and_outlets_give_no_alias() -> None:
    assert names("The town resisted the Obama/Clinton calls for a truce, aides said.") == []
    assert names("Donors weighed a Walker/Cruz ticket before the vote.") == []
    assert names("A New York Times/CBS News poll put the senator ahead.") == []
    assert names("Ann Lee/Bob Park wrote the report.") == []


def test_also_known_as_and_formerly() -> None:
    assert names("Abu Omar al-Masri, also known as Abu Hamza, was arrested.") == [
        ["Abu Omar al-Masri", "Abu Hamza"]]
    assert names("Northwind Holdings (formerly Acme Mills) cut jobs.") == [
        ["Northwind Holdings", "Acme Mills"]]
    assert names("Verdant Labs (also known as VL Group) hired staff.") == [
        ["Verdant Labs", "VL Group"]]


def test_a_past_role_after_formerly_is_not_a_name() -> None:
    assert names("Jane Doe, formerly Chief Executive of Acme, spoke.") == []


def test_near_misses() -> None:
    assert names("He lives in Paris (France) now.") == []
    assert names("Senator John Smith (R-Texas) said so.") == []
    assert names("Rep. Ann Lee (D-N.Y.) and Bob Park (R) voted no.") == []
    assert names("The report (Reuters, AP) was denied.") == []
    assert names("The US/UK deal was signed.") == []
    assert names("Shares of Acme (ACM) fell.") == []  # letters do not spell the name
    assert names("The market (pictured) closed.") == []


def test_offsets() -> None:
    text = "The World Health Organization (WHO) and Daesh, also known as ISIS, met Meta (formerly Facebook)."
    sets = find_aliases(text)
    assert len(sets) == 3
    for aset in sets:
        for n in aset.names:
            assert text[n.start : n.end] == n.text


def test_capitalised_words_by_the_thousand_cost_linear_time() -> None:
    import time

    start = time.process_time()
    find_aliases("Washington " * 4000 + "Syrian Democratic Forces (SDF)")  # 44 KB, one bracket at the end
    assert time.process_time() - start < 2  # quadratic before: about 27 s for 20 KB
    assert names("Washington " * 30 + "Syrian Democratic Forces (SDF)")[0][-1] == "SDF"
