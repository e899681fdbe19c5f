"""Bar charts drawn on the server as inline SVG.

A chart of counts over time needs no JavaScript: drawing it here keeps the pages working with
a strict content policy and without a vendored chart library. Labels go through `escape`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from markupsafe import Markup, escape

WIDTH, HEIGHT, PAD_LEFT, PAD_BOTTOM, PAD_TOP = 720, 180, 40, 22, 8


def _parse(day: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(day[:10])
    except ValueError:
        return None


def _key(d: dt.date, unit: str) -> str:
    if unit == "day":
        return d.isoformat()
    if unit == "week":
        return (d - dt.timedelta(days=d.weekday())).isoformat()  # the Monday of its ISO week
    if unit == "month":
        return d.isoformat()[:7]
    return d.isoformat()[:4]


def _step(d: dt.date, unit: str) -> dt.date:
    if unit == "day":
        return d + dt.timedelta(days=1)
    if unit == "week":
        return d + dt.timedelta(days=7)
    if unit == "month":
        return (d.replace(day=1) + dt.timedelta(days=32)).replace(day=1)
    return d.replace(year=d.year + 1, month=1, day=1)


def choose_unit(first: dt.date, last: dt.date) -> str:
    days = (last - first).days
    if days <= 92:
        return "day"
    if days <= 2 * 366:
        return "week"
    if days <= 40 * 366:
        return "month"
    return "year"


def series(per_day: Mapping[str, int], unit: str | None = None) -> tuple[str, list[tuple[str, int]]]:
    """Counts per day regrouped by day, week, month or year (chosen by the span), gaps as zeros."""
    dated = [(d, n) for k, n in per_day.items() if (d := _parse(k)) is not None]
    if not dated:
        return unit or "day", []
    first, last = min(d for d, _ in dated), max(d for d, _ in dated)
    unit = unit or choose_unit(first, last)
    counts: dict[str, int] = {}
    for d, n in dated:
        counts[_key(d, unit)] = counts.get(_key(d, unit), 0) + n
    start = first - dt.timedelta(days=first.weekday()) if unit == "week" else first
    out, d = [], start
    while d <= last:
        out.append((_key(d, unit), counts.get(_key(d, unit), 0)))
        d = _step(d, unit)
    return unit, out


def months_to_days(per_month: Mapping[str, int]) -> dict[str, int]:
    """Monthly counts keyed by the month's first day, so `series` can regroup them."""
    return {f"{m}-01": n for m, n in per_month.items() if len(m) == 7}


def bar_chart(points: list[tuple[str, int]], label: str) -> Markup:
    """An SVG bar chart; each bar has a tooltip with its period and count."""
    if not points:
        return Markup('<p class="empty">no dated articles</p>')
    top = max(n for _, n in points) or 1
    plot_w, plot_h = WIDTH - PAD_LEFT - 4, HEIGHT - PAD_BOTTOM - PAD_TOP
    bw = plot_w / len(points)
    parts = [
        f'<svg class="chart" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" aria-label="{escape(label)}" '
        f'xmlns="http://www.w3.org/2000/svg">',
        f'<line class="axis" x1="{PAD_LEFT}" y1="{PAD_TOP + plot_h}" x2="{WIDTH - 4}" y2="{PAD_TOP + plot_h}"/>',
        f'<text class="tick" x="{PAD_LEFT - 4}" y="{PAD_TOP + 8}" text-anchor="end">{top}</text>',
        f'<text class="tick" x="{PAD_LEFT - 4}" y="{PAD_TOP + plot_h}" text-anchor="end">0</text>',
    ]
    every = max(1, len(points) // 8)  # about eight period labels, whatever the number of bars
    for i, (period, n) in enumerate(points):
        h = plot_h * n / top
        x = PAD_LEFT + i * bw
        parts.append(
            f'<rect class="bar" x="{x + bw * 0.1:.1f}" y="{PAD_TOP + plot_h - h:.1f}" '
            f'width="{max(bw * 0.8, 1):.1f}" height="{h:.1f}"><title>{escape(period)}: {n}</title></rect>'
        )
        if i % every == 0:
            parts.append(f'<text class="tick" x="{x:.1f}" y="{HEIGHT - 6}">{escape(period)}</text>')
    parts.append("</svg>")
    return Markup("".join(parts))


def by_type(per_type: Mapping[str, Mapping[str, int]], what: str, unit: str | None = None
            ) -> list[tuple[str, int, Markup]]:
    """One bar chart per type (or country: any name of a series; most frequent first), all over
    the same periods so that they line up: a chart with several series stacked in one would
    hide the small ones under the large. `unit` (day, week, month, year) is chosen from the
    span of the dates when not given. Each item is (name, total, chart)."""
    days = {d for counts in per_type.values() for d in counts if _parse(d) is not None}
    if not days:
        return []
    unit, _ = series(dict.fromkeys(days, 0), unit)
    ends = dict.fromkeys((min(days), max(days)), 0)  # every series spans the whole range
    out = []
    for name, counts in per_type.items():
        _, points = series({**ends, **counts}, unit)
        out.append((name, sum(n for _, n in points), bar_chart(points, f"{what} {name} per {unit}")))
    return sorted(out, key=lambda x: (-x[1], x[0]))
