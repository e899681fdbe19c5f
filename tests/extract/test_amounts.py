from dateline.extract.amounts import find_amounts


def one(text: str):  # type: ignore[no-untyped-def]
    found = find_amounts(text)
    assert len(found) == 1, found
    return found[0]


def test_money_with_qualifier() -> None:
    a = one("Donors pledged more than $600 million last year.")
    assert (a.value, a.unit, a.qualifier, a.text) == (600e6, "USD", "more than",
                                                      "more than $600 million")


def test_money_forms() -> None:
    cases = {
        "The deal is worth $1.2bn in total.": (1.2e9, "USD"),
        "It raised €50m from investors.": (50e6, "EUR"),
        "A £3 billion loan was agreed.": (3e9, "GBP"),
        "It cost 50 million roubles to build.": (50e6, "RUB"),
        "The fine was USD 4.5 million in all.": (4.5e6, "USD"),
        "The contract is worth US$ 40 billion.": (40e9, "USD"),
    }
    for text, (value, unit) in cases.items():
        a = one(text)
        assert (a.value, a.unit) == (value, unit), text


def test_counts_name_what_is_counted() -> None:
    a = one("They hold some 2,000 terrorist fighters in camps.")
    assert (a.value, a.qualifier, a.counted) == (2000, "some", "terrorist fighters")
    b = one("Police detained 2,000 Iraqi nationals on Monday.")
    assert (b.value, b.counted) == (2000, "Iraqi nationals")


def test_plural_scale_is_a_lower_bound() -> None:
    a = one("The camps hold thousands of Daesh fighters.")
    assert (a.value, a.qualifier, a.counted) == (1000, "thousands of", "Daesh fighters")


def test_numbers_in_words_and_percentages() -> None:
    assert one("Three soldiers were killed.").value == 3
    assert (one("A dozen people were hurt.").value, one("A dozen people were hurt.").counted) == (
        12, "people")
    p = one("Turnout was 45.5% in the capital.")
    assert (p.value, p.unit) == (45.5, "percent")
    assert one("Unemployment rose 3 percent.").unit == "percent"


def test_near_misses() -> None:
    assert find_amounts("They toured the 2,000-year-old city.") == []
    assert find_amounts("The law was passed in 2021 by parliament.") == []
    assert find_amounts("One of them said it was a real risk.") == []
    assert find_amounts("The summit opened on September 9 in Paris.") == []


def test_offsets_point_into_the_text() -> None:
    text = "Some 300 workers and $5m, plus 12% and thousands of homes."
    found = find_amounts(text)
    assert len(found) == 4
    for a in found:
        assert text[a.start : a.end] == a.text


def test_wire_abbreviations_are_units_and_scales() -> None:
    cases = {
        "Profit was 12.5 mln dlrs in the quarter.": (12.5e6, "USD"),
        "Sales rose 4.5 pct in March.": (4.5, "percent"),
        "It sold bonds worth 2.1 bln stg on Friday.": (2.1e9, "GBP"),
        "The loan of 300 mln N.Z. dlrs was signed.": (300e6, "NZD"),
        "A 50 mln Can dlrs issue was priced.": (50e6, "CAD"),
        "It raised 500 mln marks abroad.": (500e6, "DEM"),
        "Turnover was 1.2 bln French francs.": (1.2e9, "FRF"),
        "The payout is 87 cts a share.": (0.87, "USD"),
        "It paid 20 mln U.S. dlrs for the stake.": (20e6, "USD"),
    }
    for text, (value, unit) in cases.items():
        a = one(text)
        assert (a.value, a.unit) == (value, unit), text


def test_a_table_row_holds_amounts() -> None:
    found = find_amounts("Shr 1.72 dlrs vs 87 cts")
    assert [(a.value, a.unit) for a in found] == [(1.72, "USD"), (0.87, "USD")]


def test_currency_codes_only_at_word_boundaries() -> None:
    for text in ("Growth slowed from last years 2.1 per cent.", "Trading halts at 15 hrs local.",
                 "The bank offers 6.5 pct on deposits."):
        assert not [a for a in find_amounts(text) if a.unit == "INR"], text
    assert one("The fee is Rs 500 per visit.").unit == "INR"


def test_wire_fractions() -> None:
    assert one("The 10-3/4 pct notes will be redeemed.").value == 10.75
    assert (one("The stock fell 7-1/2 dlrs on the day.").value, "USD") == (7.5, "USD")


def test_a_proportion_is_one_share_not_two_counts() -> None:
    a = one("Some 3 in 10 voters said they would back the plan.")
    assert (a.text, a.value, a.unit, a.qualifier, a.counted) == ("Some 3 in 10", 30.0, "percent",
                                                                 "some", "voters")
    b = one("Nine out of 10 economists expect a cut.")
    assert (b.value, b.unit) == (90.0, "percent")
    # A number and a duration are not a share of anything.
    assert find_amounts("He scored 2 in 10 minutes.") == []


def test_clock_times_and_vague_words_are_not_counts() -> None:
    assert find_amounts("The vote starts at 12 p.m. and ends at 9 pm.") == []
    assert find_amounts("Several ministers and a few aides left.") == []


def test_a_range_writes_its_percent_unit_once() -> None:
    found = find_amounts("Prices rose between 5 and 7 pct last year.")
    assert [(a.text, a.value, a.unit) for a in found] == [("5", 5.0, "percent"),
                                                         ("7 pct", 7.0, "percent")]
    # A year before `to` starts no range.
    found = find_amounts("The share rose from 30 percent in 2016 to 41 percent.")
    assert [a.value for a in found] == [30.0, 41.0]


def test_plural_scales_of_money_and_of_plurals() -> None:
    a = one("The group is spending billions of dollars on the campaign.")
    assert (a.text, a.value, a.unit, a.counted) == ("billions of dollars", 1e9, "USD", None)
    b = one("Hundreds of thousands of protesters marched.")
    assert (b.value, b.counted) == (1e5, "protesters")


def test_comparisons_and_seasons_end_a_count() -> None:
    a = one("Slaughter is put at 126,000 head versus 128,000 a week ago.")
    assert (a.value, a.counted) == (126000.0, "head")
    # `1987/88` is a season: its `88` counts nothing.
    assert find_amounts("The 1987/88 crop against the 1986/87 one.") == []


def test_a_share_of_one_percent_in_words() -> None:
    text = ("The index gained half a percent on Monday, and the bank raised rates by a quarter "
            "of a percentage point; he ate half a pie.")
    got = [(text[a.start:a.end], a.value, a.unit) for a in find_amounts(text)]
    assert got == [("half a percent", 0.5, "percent"),
                   ("a quarter of a percentage point", 0.25, "percent")]
