from datetime import date

from dateline.extract.periods import reporting_quarter
from dateline.model import Time


def quarter(value: str) -> Time:
    return Time(text="q", value=value, start=0, end=1)


def test_reporting_quarter_is_the_most_named_recent_one() -> None:
    times = [quarter("2021-Q2"), quarter("2021-Q3"), quarter("2021-Q3"), quarter("1984-Q3"),
             quarter("1984-Q3"), quarter("1984-Q3")]
    assert reporting_quarter(times, date(2021, 10, 27)) == (2021, 3)


def test_reporting_quarter_defaults_to_the_last_one_ended() -> None:
    assert reporting_quarter([], date(2021, 10, 27)) == (2021, 3)
    assert reporting_quarter([], date(2021, 2, 10)) == (2020, 4)
