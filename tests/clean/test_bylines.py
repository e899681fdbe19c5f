import pytest

from dateline.clean import clean_record
from dateline.clean.bylines import byline_names
from dateline.model import RawRecord, Source


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("By Ann Lee and Bo Park", ["Ann Lee", "Bo Park"]),
        ("BY ANN LEE", ["ANN LEE"]),
        ("By Ann Lee, Staff Writer", ["Ann Lee"]),
        ("By Ann Lee, Bo Park and Cy Ray, Associated Press", ["Ann Lee", "Bo Park", "Cy Ray"]),
        ("By Jean-Paul de la Tour | The Gazette", ["Jean-Paul de la Tour"]),
        ("By Ann Lee for the Daily Bugle", ["Ann Lee"]),
        ("Ann Lee, Reuters", ["Ann Lee"]),
        ("By Mary O'Neil", ["Mary O'Neil"]),
    ],
)
def test_bylines_give_their_names(line: str, names: list[str]):
    assert byline_names(line) == names


@pytest.mark.parametrize(
    "line",
    [
        "By Tuesday the river had risen.",
        "By the time the vote came, the mayor had left.",
        "By way of comparison, Oslo did better.",
        "By Monday Morning, Oslo was calm and the ferries ran again.",
        "Ann Lee, Editor",
        "By Reuters",
    ],
)
def test_sentences_that_start_with_by_are_not_bylines(line: str):
    assert byline_names(line) is None


def test_a_byline_leaves_the_body_and_its_names_join_the_authors():
    text = (
        "By Ann Lee and Bo Park\n\n"
        "The city council voted on Tuesday to close the old bridge to lorries from March.\n\n"
        "Engineers found cracks in two of its piers during an inspection in the autumn."
    )
    raw = RawRecord(Source("t", 0, "txt"), text=text, authors=["Bo Park"])
    article = clean_record(raw)
    assert article.text.startswith("The city council")
    assert article.authors == ["Bo Park", "Ann Lee"]
    assert [(r.text, r.reason) for r in article.removed] == [("By Ann Lee and Bo Park", "byline")]
    assert article.repairs["byline"] == 1
