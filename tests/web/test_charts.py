"""Counts over time regrouped by a unit fitting the span, drawn as SVG bars."""

from __future__ import annotations

import datetime as dt

from dateline.web.charts import bar_chart, choose_unit, months_to_days, series


def test_unit_follows_the_span() -> None:
    d = dt.date(2024, 1, 1)
    assert choose_unit(d, d + dt.timedelta(days=30)) == "day"
    assert choose_unit(d, d + dt.timedelta(days=300)) == "week"
    assert choose_unit(d, d + dt.timedelta(days=3000)) == "month"
    assert choose_unit(d, d + dt.timedelta(days=20000)) == "year"


def test_gaps_are_zeros_and_weeks_start_on_monday() -> None:
    unit, pts = series({"2024-03-01": 2, "2024-03-04": 1})
    assert unit == "day" and pts == [("2024-03-01", 2), ("2024-03-02", 0), ("2024-03-03", 0), ("2024-03-04", 1)]
    unit, pts = series({"2024-01-03": 1, "2024-01-04": 2, "2024-08-01": 5})
    assert unit == "week" and pts[0] == ("2024-01-01", 3) and pts[-1] == ("2024-07-29", 5)
    assert sum(n for _, n in pts) == 8 and len(pts) == 31


def test_months_regroup_and_bad_dates_are_ignored() -> None:
    unit, pts = series(months_to_days({"2023-11": 4, "2024-02": 1, "junk": 9}), unit="month")
    assert pts == [("2023-11", 4), ("2023-12", 0), ("2024-01", 0), ("2024-02", 1)]
    assert series({}) == ("day", [])


def test_bar_chart_escapes_and_draws_one_bar_a_period() -> None:
    svg = bar_chart([("<b>", 3), ("2024-02", 0)], 'label "x"')
    assert svg.count('class="bar"') == 2 and "<b>" not in svg and "&lt;b&gt;" in svg
    assert 'aria-label="label &#34;x&#34;"' in svg
    assert "no dated articles" in bar_chart([], "x")


def test_one_chart_per_type_over_the_same_periods() -> None:
    from dateline.web.charts import by_type

    found = by_type({"PROTEST": {"2024-03-01": 1}, "ASSAULT": {"2024-03-02": 2, "2024-03-04": 1, "undated": 5}},
                    "events")
    assert [(name, total) for name, total, _ in found] == [("ASSAULT", 3), ("PROTEST", 1)]  # dated days only
    # both span 1 to 4 March, so the bars of one day line up from chart to chart
    assert all(chart.count("<rect") == 4 for _, _, chart in found)
    assert by_type({}, "events") == []
