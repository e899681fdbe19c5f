"""Amounts: money and counts, with their unit, qualifier and what is counted."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from urllib.parse import urlencode

from dateline.archive.kinds.base import (
    COMMON,
    Filters,
    Kind,
    Table,
    article_terms,
    fmt_value,
    like,
    listing,
    names_entity,
    span_text,
    value_terms,
)
from dateline.model import Amount, AmountRecord, Article, Highlight


def write(conn: sqlite3.Connection, a: Article, ids: dict[str, str]) -> None:
    conn.executemany(
        'INSERT OR IGNORE INTO amounts(article_id, n, value, unit, qualifier, counted, start, "end") '
        "VALUES (?,?,?,?,?,?,?,?)",
        [(a.id, i, m.value, m.unit, m.qualifier, m.counted, m.start, m.end) for i, m in enumerate(a.amounts)],
    )


def read(conn: sqlite3.Connection, f: Filters) -> Iterator[AmountRecord]:
    where, params = article_terms(f)
    if f.unit:
        where.append("m.unit = ? COLLATE NOCASE")
        params.append(f.unit)
    if f.counted:
        where.append("m.counted LIKE ? ESCAPE '\\'")
        params.append(like(f.counted))
    if f.entity:
        where.append(names_entity("m.article_id"))
        params.append(f.entity)
    vw, vp = value_terms(f, "m.value")
    select = (f'SELECT m.article_id, {span_text("m")} AS text, m.value, m.unit, m.qualifier, m.counted, '
              'm.start, m."end", a.published, a.title FROM amounts m JOIN articles a ON a.id = m.article_id')
    return (AmountRecord(r["text"], r["value"], r["unit"], r["qualifier"], r["counted"], r["start"], r["end"],
                         r["article_id"], r["published"], r["title"])
            for r in listing(conn, select, "m", where + vw, params + vp, f))


def highlight(a: Article) -> list[Highlight]:
    out = []
    for m in a.amounts:
        what = " ".join(x for x in (m.qualifier, fmt_value(m.value), m.unit, m.counted) if x)
        href = "/amounts?" + urlencode({"unit": m.unit}) if m.unit else "/amounts"
        out.append(Highlight(m.start, m.end, "amount", f"amount · {what}", href, "", f"m-{m.start}"))
    return out


def describe(m: Amount) -> str:
    parts = [fmt_value(m.value), m.unit or "", m.counted or ""]
    q = f" ({m.qualifier})" if m.qualifier else ""
    return f"{m.text!r}: {' '.join(p for p in parts if p)}{q}"


KIND = Kind(
    name="amounts", attr="amounts", fact=Amount, record=AmountRecord, tables=("amounts",), migration=2,
    write=write, read=read, filters=COMMON | {"unit", "counted", "value_min", "value_max"},
    exports=(Table("amounts", AmountRecord, read),), highlight=highlight, describe=describe,
)
