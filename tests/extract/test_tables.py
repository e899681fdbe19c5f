from dateline.extract.tables import in_table, is_table_line, table_lines


def test_earnings_rows_are_table_lines() -> None:
    for row in ("Shr 1.72 dlrs vs 87 cts", "Net 12.5 mln vs 10.1 mln",
                "Revs 41.3 mln vs 38.0 mln", "Avg shrs 5,210,000 vs 4,980,000",
                "Oper shr loss 12 cts vs profit 5 cts", "    Net profit 2,100 vs loss 740"):
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
