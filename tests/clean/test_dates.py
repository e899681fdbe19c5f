from __future__ import annotations

import pytest

from dateline.clean.dates import BadDate, normalise_date


@pytest.mark.parametrize(("raw", "iso"), [
    ("2021-09-09", "2021-09-09"),
    ("2021-09-09T14:03:00Z", "2021-09-09"),
    ("26-FEB-1987 15:01:01.79", "1987-02-26"),
    ("Thu, 09 Sep 2021 14:03:00 GMT", "2021-09-09"),
    ("Thu, 09 Sep 2021 23:30:00 -0500", "2021-09-09"),
    ("1631196180", "2021-09-09"),
    ("1631196180000", "2021-09-09"),
    ("20210909", "2021-09-09"),
    ("September 9, 2021", "2021-09-09"),
    ("", None),
    (None, None),
])
def test_dates(raw: str | None, iso: str | None) -> None:
    assert normalise_date(raw) == iso


@pytest.mark.parametrize("raw", ["2021-02-30", "99999-01-01", "2021-13-01"])
def test_impossible_dates_raise(raw: str) -> None:
    with pytest.raises(BadDate):
        normalise_date(raw)


def test_unrecognised_text_is_none() -> None:
    assert normalise_date("sometime soon-ish perhaps") is None


def test_a_full_date_in_a_url_path_is_read():
    from dateline.clean.dates import url_date

    assert url_date("https://news.example/west/statements/2019/nov/18/ann-lee/claim/") == "2019-11-18"
    assert url_date("https://news.example/2019/11/8/20948348/story") == "2019-11-08"
    assert url_date("https://news.example/sport/2019-11-18-cup-final") == "2019-11-18"
    assert url_date("https://news.example/2019/11/story") is None  # a month is not a day
    assert url_date("https://news.example/story?from=/2019/11/18/") is None  # not the path
    assert url_date("https://news.example/2019/02/30/story") is None
