import pytest

from dateline.extract.times import find_times

PUB = "2021-09-09"  # a Thursday


def values(text: str, published: str | None = PUB) -> list[tuple[str, str | None]]:
    return [(t.text, t.value) for t in find_times(text, published)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The ministers met on Thursday.", ("Thursday", "2021-09-09")),
        ("The talks ended on Monday.", ("Monday", "2021-09-06")),
        ("The ministers will meet on Friday.", ("Friday", "2021-09-10")),
        ("He resigned last Thursday.", ("last Thursday", "2021-09-02")),
        ("They meet next Monday.", ("next Monday", "2021-09-13")),
        ("In June, the bank cut rates.", ("June", "2021-06")),
        ("The budget for 2021 was cut.", ("2021", "2021")),
        ("Prices rose last week.", ("last week", "2021-W35")),
        ("The vote is next month.", ("next month", "2021-10")),
        ("He arrived two days ago.", ("two days ago", "2021-09-07")),
        ("It opened on 9 September.", ("9 September", "2021-09-09")),
        ("It opened Sept. 9.", ("Sept. 9", "2021-09-09")),
        ("It opened on September 9, 2020.", ("September 9, 2020", "2020-09-09")),
        ("Crime fell in the 1990s.", ("the 1990s", "199X")),
        ("Sales rose this year.", ("this year", "2021")),
        ("The strike began yesterday.", ("yesterday", "2021-09-08")),
        ("Profit rose in the third quarter.", ("the third quarter", "2021-Q3")),
        ("The reactor was shut in March 2011.", ("March 2011", "2011-03")),
        ("The talks will resume in November.", ("November", "2021-11")),
        ("Talks broke down in April.", ("April", "2021-04")),
        ("The talks resume in December.", ("December", "2021-12")),
    ],
)
def test_resolved_at_own_granularity(text: str, expected: tuple[str, str]) -> None:
    assert expected in values(text)


def test_month_without_year_is_the_nearest() -> None:
    assert ("Feb. 10", "2022-02-10") in values("The deadline is Feb. 10.", "2021-11-20")
    assert ("December", "2020-12") in values("It began in December.", "2021-03-02")
    assert ("the fourth quarter", "2020-Q4") in values("Sales fell in the fourth quarter.",
                                                       "2021-01-20")


def test_types_follow_timeml() -> None:
    found = {t.text: t.type for t in find_times(
        "The war lasted three years; he calls every week, now at 3 p.m., and on Friday morning.", PUB)}
    assert found["three years"] == "DURATION"
    assert found["every week"] == "SET"
    assert found["3 p.m."] == "TIME"
    assert found["Friday morning"] == "TIME"


def test_durations_have_iso_values() -> None:
    assert ("the past five years", "P5Y") in values("Output grew over the past five years.")
    assert ("six months", "P6M") in values("He served six months in prison.")


def test_no_publication_date_keeps_relative_null() -> None:
    got = dict(values("On Thursday, as in June 2020, and in 2019 and last week.", None))
    assert got["Thursday"] is None
    assert got["last week"] is None
    assert got["June 2020"] == "2020-06"
    assert got["2019"] == "2019"


def test_near_misses_are_not_times() -> None:
    texts = [t.text for t in find_times("The 2,000-year-old city has 1999 residents and "
                                        "may grow; a $2021 fee. He will march.", PUB)]
    assert texts == []


def test_offsets_point_into_the_text() -> None:
    text = "Yesterday, in June and on 9 September, the envoy met them."
    for t in find_times(text, PUB):
        assert text[t.start : t.end] == t.text
