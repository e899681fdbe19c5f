from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

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


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # a clause telling what happened takes the last such month, one looking ahead the next
        ("The chairman stepped down in March.", "2021-11-02", ("March", "2021-03")),
        ("The plant was sold in April.", "2021-10-26", ("April", "2021-04")),
        ("The plant will be sold in April.", "2021-10-26", ("April", "2022-04")),
        ("The rights expire Nov. 21.", "2021-11-02", ("Nov. 21", "2021-11-21")),
        ("The loan must be repaid by February.", "2021-10-30", ("February", "2022-02")),
        # a date just ahead stays this year even in a past-tense clause
        ("The offer was extended to Nov. 16.", "2021-10-30", ("Nov. 16", "2021-11-16")),
    ],
)
def test_tense_sets_the_year_of_a_bare_month(
    text: str, published: str, expected: tuple[str, str]
) -> None:
    assert expected in values(text, published)


def test_weekday_direction_follows_the_words_before_it() -> None:
    pub = "2021-09-08"  # a Wednesday
    assert ("Monday", "2021-09-06") in values("The minister resigned on Monday.", pub)
    assert ("Friday", "2021-09-10") in values("The team planned to leave on Friday.", pub)
    assert ("Tuesday", "2021-09-14") in values("A vote could come as soon as Tuesday.", pub)
    # what follows a sentence-opening weekday does not turn it ahead
    assert ("Monday", "2021-09-06") in values(
        "On Monday, the government said it would cut taxes.", pub)


def test_reporting_quarter_anchors_relative_periods() -> None:
    text = ("Acme posted third-quarter profit of $5 million, up from $4 million a year earlier. "
            "In the quarter, sales rose 5% from the year-ago quarter.")
    got = values(text, "2021-10-27")
    assert ("third-quarter", "2021-Q3") in got
    assert ("a year earlier", "2020-Q3") in got
    assert ("the quarter", "2021-Q3") in got
    assert ("the year-ago quarter", "2020-Q3") in got


def test_comparison_takes_the_granularity_of_its_reference() -> None:
    got = values("Car sales rose 43% in February compared with the same period last year.",
                 "2021-03-03")
    assert ("the same period last year", "2020-02") in got


def test_year_ago_without_quarters_is_last_year() -> None:
    assert ("a year ago", "2020") in values("Prices were lower a year ago.", "2021-06-01")


def test_clock_times_take_their_zone_and_day() -> None:
    got = values("The storm made landfall at 14:30 UTC Monday, after 10 p.m. yesterday.",
                 "2021-09-08")
    assert ("14:30 UTC Monday", "2021-09-06T14:30Z") in got
    assert ("10 p.m. yesterday", "2021-09-07T22:00") in got


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Output fell in the first quarter of last year.", ("the first quarter of last year",
                                                            "2020-Q1")),
        ("Sales in this year's third quarter rose.", ("this year's third quarter", "2021-Q3")),
        ("The plant closed in June last year.", ("June last year", "2020-06")),
        ("The strike began last fall.", ("last fall", "2020-FA")),
        ("Exports grew this summer.", ("this summer", "2021-SU")),
        ("Floods hit in the winter of 1994.", ("the winter of 1994", "1994-WI")),
    ],
)
def test_quarters_months_and_seasons_relative_to_a_year(
    text: str, expected: tuple[str, str]
) -> None:
    assert expected in values(text)


@given(st.lists(st.sampled_from([
    "Profit rose in the third quarter.", "Sales fell a year earlier.", "It closed on Monday.",
    "The vote is due by February.", "It was sold last fall.", "He left at 9 a.m. Tuesday.",
    "The rules changed in the same period last year.", " ", "Acme said. ",
]), max_size=8))
def test_every_value_is_filled_and_offsets_hold(parts: list[str]) -> None:
    text = " ".join(parts)
    for t in find_times(text, PUB):
        assert text[t.start : t.end] == t.text
        assert t.value is None or not t.value.startswith("@")


@given(st.dates(min_value=date(1990, 1, 1), max_value=date(2030, 12, 31)))
def test_bare_weekday_is_within_a_week_of_publication(pub: date) -> None:
    for text in ("It happened on Tuesday.", "It will happen on Tuesday."):
        (t,) = find_times(text, pub.isoformat())
        day = date.fromisoformat(t.value or "")
        assert day.weekday() == 1
        assert abs((day - pub).days) < 7


def test_rates_and_the_newspaper_daily_are_not_times() -> None:
    for text in ("Output rose to 1.2 mln barrels per day.", "The field pumps 500,000 barrels a day.",
                 "The Israeli daily Haaretz said the talks failed.",
                 "The vote was close, the daily reported."):
        assert find_times(text, "2021-09-09") == [], text
    kept = find_times("Prices are set daily. He stayed for a day.", "2021-09-09")
    assert [t.text for t in kept] == ["daily", "a day"]


def test_a_span_reaching_outside_the_calendar_is_kept_unresolved() -> None:
    text = "Settled 3,000 years ago, or 1,000,000 days ago, or 900,000 weeks ago, or 50,000 months ago."
    found = find_times(text, "1987-03-04")
    assert [t.text for t in found] == ["3,000 years ago", "1,000,000 days ago", "900,000 weeks ago",
                                       "50,000 months ago"]
    assert all(t.value is None for t in found)
    assert find_times("It opened 30 years ago.", "1987-03-04")[0].value == "1957"
