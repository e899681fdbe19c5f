"""Times: dates, times, durations and sets, resolved against the publication date (TimeML types)."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator

from dateline.archive.kinds.base import COMMON, Filters, Kind, Table, article_terms, listing, names_entity, span_text
from dateline.errors import QueryError
from dateline.model import Article, Highlight, Time, TimeRecord


def write(conn: sqlite3.Connection, a: Article, ids: dict[str, str]) -> None:
    conn.executemany(
        'INSERT OR IGNORE INTO times(article_id, n, value, type, start, "end") VALUES (?,?,?,?,?,?)',
        [(a.id, i, t.value, t.type, t.start, t.end) for i, t in enumerate(a.times)],
    )


def read(conn: sqlite3.Connection, f: Filters) -> Iterator[TimeRecord]:
    """`kind` is the TimeML type (DATE, TIME, DURATION, SET); the value range compares resolved
    values as ISO text, so `value_min=2021` keeps 2021, 2021-06 and 2021-06-09 alike."""
    where, params = article_terms(f)
    if f.kind:
        where.append("t.type = ?")
        params.append(f.kind.upper())
    if f.entity:
        where.append(names_entity("t.article_id"))
        params.append(f.entity)
    for bound, op in ((f.value_min, ">="), (f.value_max, "<=")):
        if bound is not None:
            if not float(bound).is_integer():
                raise QueryError(f"a time value bound is a year, not {bound!r}")
            where.append(f"t.value {op} ?")
            params.append(str(int(bound)) + ("" if op == ">=" else "\uffff"))
    select = (f'SELECT t.article_id, {span_text("t")} AS text, t.value, t.type, t.start, t."end", a.published, a.title '
              "FROM times t JOIN articles a ON a.id = t.article_id")
    return (TimeRecord(r["text"], r["value"], r["start"], r["end"], r["type"] or "DATE", r["article_id"],
                       r["published"], r["title"])
            for r in listing(conn, select, "t", where, params, f))


def highlight(a: Article) -> list[Highlight]:
    return [Highlight(t.start, t.end, "time", f"{t.type.lower()} · {t.value or 'unresolved'}") for t in a.times]


def describe(t: Time) -> str:
    return f"{t.text!r}: {t.value or '?'}"


KIND = Kind(
    name="times", attr="times", fact=Time, record=TimeRecord, tables=("times",), migration=2,
    write=write, read=read, filters=COMMON | {"kind", "value_min", "value_max"},
    exports=(Table("times", TimeRecord, read),), highlight=highlight, describe=describe,
)
