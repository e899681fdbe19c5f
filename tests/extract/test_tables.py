from dateline.extract.amounts import find_amounts
from dateline.extract.tables import in_table, is_table_line, table_lines


def test_earnings_rows_are_table_lines() -> None:
    for row in ("Shr 1.72 dlrs vs 87 cts", "Net 12.5 mln vs 10.1 mln",
                "Revs 41.3 mln vs 38.0 mln", "Avg shrs 5,210,000 vs 4,980,000",
                "Oper shr loss 12 cts vs profit 5 cts", "    Net profit 2,100 vs loss 740",
                "Shr loss 18 cts vs loss one ct", "Shr profit 12 cts vs nil"):
        assert is_table_line(row), row


def test_sentences_with_figures_are_not_table_lines() -> None:
    for line in ("Net income rose to 12.5 mln dlrs from 10.1 mln dlrs, the company said.",
                 "Harbor Corp said it earned 1.72 dlrs a share.",
                 "The mayor met 40 residents on Tuesday.", "Shr", ""):
        assert not is_table_line(line), line


def test_in_table_finds_the_row_of_an_offset() -> None:
    text = "Harbor Corp said first quarter results rose.\nShr 1.72 dlrs vs 87 cts\nNet 5 vs 4"
    rows = table_lines(text)
    assert len(rows) == 2
    assert in_table(rows, text.index("Shr")) and in_table(rows, text.index("Net"))
    assert not in_table(rows, text.index("Harbor"))
    assert not in_table([], 3)


TABLE = ("Harlow Mills Inc said its board approved the results.\n\n"
         "Shr 1.72 dlrs vs 87 cts\nNet 4.5 mln vs 3.2 mln\nRevs 25.1 mln vs 20.3 mln\n"
         "Avg shrs 2.6 mln vs 2.5 mln\nNine mths\nNet profit 312,000 vs loss 122,000\n"
         "Sales 11.2 mln vs 9.8 mln")


def test_money_rows_take_the_currency_their_table_states() -> None:
    got = {a.text: a.unit for a in find_amounts(TABLE)}
    assert got["4.5 mln"] == got["20.3 mln"] == got["312,000"] == got["11.2 mln"] == "USD"
    assert got["2.6 mln"] is None  # shares, not dollars
    assert all(a.counted is None for a in find_amounts(TABLE) if "mln" in a.text)


def test_a_table_that_states_no_currency_gives_none() -> None:
    text = "Oper net 4.5 mln vs 3.2 mln\nRevs 25.1 mln vs 20.3 mln\nAvg shrs 2.6 mln vs 2.5 mln"
    assert {a.unit for a in find_amounts(text)} == {None}


def test_two_currencies_in_one_table_leave_bare_figures_without_a_unit() -> None:
    text = "Shr 1.72 dlrs vs 87 cts\nSales 1.2 mln stg vs 1.1 mln stg\nNet 4.5 mln vs 3.2 mln"
    got = {a.text: a.unit for a in find_amounts(text)}
    assert got["4.5 mln"] is None


def test_a_table_whose_rows_are_paragraphs_of_their_own_is_still_one_table() -> None:
    text = ("Shr 34 cts vs 1.19 dlrs\n\nNet 807,000 vs 2,858,000\n\nYear\n\n"
            "Assets 510.2 mln vs 479.7 mln\n\nThe bank said results would improve.\n\n"
            "Sales 4.1 mln vs 3.9 mln")
    got = {a.text: a.unit for a in find_amounts(text)}
    assert got["807,000"] == got["510.2 mln"] == "USD"
    assert got["4.1 mln"] is None  # after a sentence: another table, which states no currency


def test_a_row_with_a_spelled_figure_states_the_currency_of_its_table() -> None:
    text = "Shr loss 18 cts vs loss one ct\n\nNet loss 1,343,000 vs loss 49,000"
    assert {a.text: a.unit for a in find_amounts(text)}["1,343,000"] == "USD"
