"""Exports: the archive as typed tables (Parquet or CSV files in a folder), or its articles as a stream.

The tables are `articles`, `sources`, each fact kind's tables as the registry declares them
(`entities`, `mentions`, `events`, `quotes`, `amounts`, `times`), `clusters` and `stories`; their columns are the
fields of the records in `dateline.model`, typed. A query and dates keep the articles they match
and the facts of those articles.
"""

from __future__ import annotations

import csv
import json
import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any

from dateline.archive.kinds import KINDS, Filters
from dateline.archive.reader import Reader
from dateline.errors import UsageError
from dateline.model import ArticleRow, ClusterMember, SourceRow, StoryMember, arrow_schema, table_row

TABLE_FORMATS = ("parquet", "csv")
STREAM_FORMATS = ("jsonl", "csv")
BATCH = 1000
# A spreadsheet runs a cell that starts with one of these as a formula (CSV injection, OWASP);
# such a cell gets a leading apostrophe, which spreadsheets show as text and do not run.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def tables(reader: Reader, f: Filters) -> Iterator[tuple[str, type, Iterable[Any]]]:
    """(name, record type, rows) of every exported table, rows read lazily."""
    yield "articles", ArticleRow, (ArticleRow.of(a) for a in reader.iter_articles(f))
    yield "sources", SourceRow, reader.source_rows(f)
    for kind in KINDS.values():
        for table in kind.exports:
            yield table.name, table.record, reader.table(table, f)
    yield "clusters", ClusterMember, reader.cluster_rows(f)
    yield "stories", StoryMember, reader.story_rows(f)


def export_tables(reader: Reader, folder: str, fmt: str, f: Filters) -> dict[str, int]:
    """Every table as `folder/NAME.parquet` (or `.csv`); returns the rows written per table.

    A path ending in `.parquet` or `.csv` gets the `articles` table alone, as one file."""
    if fmt not in TABLE_FORMATS:
        raise UsageError(f"unknown table format {fmt!r}; choose one of: {', '.join(TABLE_FORMATS)}")
    if folder.endswith("." + fmt):
        name, record, rows = next(tables(reader, f))
        return {name: _write(fmt, folder, record, rows)}
    out = Path(folder)
    if out.exists() and not out.is_dir():
        raise UsageError(f"{folder} is a file; tables are written into a folder")
    out.mkdir(parents=True, exist_ok=True)
    return {name: _write(fmt, str(out / f"{name}.{fmt}"), record, rows) for name, record, rows in tables(reader, f)}


def _write(fmt: str, path: str, record: type, rows: Iterable[Any]) -> int:
    tmp = path + ".part"  # a reader never sees half a table; an interrupted export leaves no table
    n = (_parquet if fmt == "parquet" else _csv_file)(tmp, record, rows)
    os.replace(tmp, path)
    return n


def _parquet(path: str, record: type, rows: Iterable[Any]) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = arrow_schema(record)
    n = 0
    with pq.ParquetWriter(path, schema) as writer:
        batch: list[dict[str, Any]] = []
        for r in rows:
            batch.append(table_row(r))
            n += 1
            if len(batch) >= BATCH:
                writer.write_table(pa.Table.from_pylist(batch, schema=schema))
                batch = []
        if batch or n == 0:
            writer.write_table(pa.Table.from_pylist(batch, schema=schema))
    return n


def _csv_file(path: str, record: type, rows: Iterable[Any]) -> int:
    with open(path, "w", encoding="utf-8", newline="") as fh:
        return write_csv(fh, record, rows)


def write_csv(stream: IO[str], record: type, rows: Iterable[Any]) -> int:
    from dataclasses import fields

    writer = csv.DictWriter(stream, fieldnames=[x.name for x in fields(record)])
    writer.writeheader()
    n = 0
    for r in rows:
        writer.writerow({k: safe_cell(v) for k, v in r.to_dict().items()})
        n += 1
    return n


def safe_cell(value: Any) -> Any:
    """A CSV cell: lists as JSON, text that a spreadsheet would run as a formula made inert."""
    if isinstance(value, list | dict):
        value = json.dumps(value, ensure_ascii=False)
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def write_stream(reader: Reader, fmt: str, stream: IO[str], f: Filters) -> int:
    """The articles to a stream: JSON Lines of the article contract, or the `articles` table as CSV."""
    if fmt == "jsonl":
        n = 0
        for a in reader.iter_articles(f):
            stream.write(json.dumps(a.to_dict(), ensure_ascii=False) + "\n")
            n += 1
        return n
    if fmt == "csv":
        return write_csv(stream, ArticleRow, (ArticleRow.of(a) for a in reader.iter_articles(f)))
    raise UsageError(f"unknown stream format {fmt!r}; choose one of: {', '.join(STREAM_FORMATS)}")
