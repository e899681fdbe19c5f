"""The `timeml` suite: time expressions against TimeBank + AQUAINT gold, the TempEval-3 way.

Each document's creation time is its publication date. Scores: span F1 strict and relaxed
over every TIMEX3, and value F1 over DATE and TIME expressions; side by side with
dateparser's `search_dates` on the same text.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from itertools import islice
from pathlib import Path

from dateline.eval.load.timeml import TimeDoc, iter_docs
from dateline.eval.result import NOT_INSTALLED, Row, SuiteResult, fmt, meets
from dateline.eval.scoring import Item, TimexScores, empty_timex, restrict_to_types, score_timex
from dateline.settings import Settings

DATE_TIME = frozenset({"DATE", "TIME"})
TARGET_VALUE_F1 = 0.80
Tagger = Callable[[TimeDoc], list[Item]]


def dateline_tagger() -> Tagger | None:
    """The extraction stage's time tagger, or None while it is not installed."""
    try:
        from dateline.extract.times import find_times
    except ImportError:
        return None

    def tag(doc: TimeDoc) -> list[Item]:
        return [Item(t.start, t.end, t.type, t.value) for t in find_times(doc.text, doc.dct)]

    return tag


_PERIOD_FORMAT = {
    "day": "%Y-%m-%d",
    "month": "%Y-%m",
    "year": "%Y",
    "week": "%G-W%V",
    "time": "%Y-%m-%dT%H:%M",
}


def dateparser_tagger() -> Tagger:
    """The baseline: `search_dates` finds the strings; each string's period (day, month,
    year, week, time) from DateDataParser sets the granularity of its ISO value."""
    from dateparser.date import DateDataParser
    from dateparser.search import search_dates

    def tag(doc: TimeDoc) -> list[Item]:
        base = dt.datetime.fromisoformat(doc.dct) if doc.dct else None
        settings = {"RELATIVE_BASE": base} if base else {}
        found = search_dates(doc.text, languages=["en"], settings=settings) or []
        parser = DateDataParser(languages=["en"], settings=settings)
        items, pos = [], 0
        for s, when in found:
            at = doc.text.find(s, pos)
            if at < 0:
                continue
            pos = at + len(s)
            period = parser.get_date_data(s).period or "day"
            value = when.strftime(_PERIOD_FORMAT.get(period, "%Y-%m-%d"))
            items.append(Item(at, pos, "TIME" if period == "time" else "DATE", value))
        return items

    return tag


def _score(doc: TimeDoc, sys: list[Item]) -> tuple[TimexScores, TimexScores]:
    every = score_timex(doc.timexes, sys)
    g, s = restrict_to_types(doc.timexes, sys, DATE_TIME)
    return every, score_timex(g, s)


def run(path: Path, limit: int | None = None, settings: Settings | None = None) -> SuiteResult:
    mine, base = dateline_tagger(), dateparser_tagger()
    totals = {k: (empty_timex(), empty_timex()) for k in ("dateline", "dateparser")}
    n = 0
    for doc in islice(iter_docs(path), limit):
        n += 1
        for name, tagger in (("dateline", mine), ("dateparser", base)):
            if tagger is None:
                continue
            every, dt_only = _score(doc, tagger(doc))
            totals[name] = (totals[name][0] + every, totals[name][1] + dt_only)

    def figures(name: str) -> dict | None:
        if name == "dateline" and mine is None:
            return None
        every, dt_only = totals[name]
        return {
            "span_strict": every.strict.as_dict(),
            "span_relaxed": every.relaxed.as_dict(),
            "value_all_types": every.value.as_dict(),
            "date_time_span_strict": dt_only.strict.as_dict(),
            "date_time_span_relaxed": dt_only.relaxed.as_dict(),
            "date_time_value": dt_only.value.as_dict(),
        }

    ours, theirs = figures("dateline"), figures("dateparser")

    def cell(fig: dict | None, key: str) -> str:
        return NOT_INSTALLED if fig is None else fmt(fig[key]["f1"])

    value = ours["date_time_value"]["f1"] if ours else None
    rows = [
        Row("documents", str(n), str(n)),
        Row(
            "gold expressions (DATE+TIME)",
            str(totals["dateparser"][1].strict.gold),
            str(totals["dateparser"][1].strict.gold),
        ),
        Row("span F1 strict, all types", cell(ours, "span_strict"), cell(theirs, "span_strict")),
        Row("span F1 relaxed, all types", cell(ours, "span_relaxed"), cell(theirs, "span_relaxed")),
        Row(
            "span F1 strict, DATE+TIME",
            cell(ours, "date_time_span_strict"),
            cell(theirs, "date_time_span_strict"),
        ),
        Row(
            "span F1 relaxed, DATE+TIME",
            cell(ours, "date_time_span_relaxed"),
            cell(theirs, "date_time_span_relaxed"),
        ),
        Row("value F1, all types", cell(ours, "value_all_types"), cell(theirs, "value_all_types")),
        Row(
            "value F1, DATE+TIME",
            cell(ours, "date_time_value"),
            cell(theirs, "date_time_value"),
            meets(value, TARGET_VALUE_F1),
        ),
    ]
    result = SuiteResult(
        "timeml",
        rows,
        {"documents": n, "dateline": ours, "dateparser": theirs},
        baseline_name="dateparser search_dates",
    )
    if mine is None:
        result.notes.append("dateline.extract.times is not installed: only the baseline ran")
    return result
