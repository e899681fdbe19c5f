"""Exporting the archive as JSON Lines, CSV or Parquet (the article contract's fields)."""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Iterator
from typing import IO, Any

from dateline.archive.store import Archive

FORMATS = ("jsonl", "csv", "parquet")
CSV_FIELDS = ("id", "published", "title", "outlet", "url", "dateline_place", "dateline_agency",
              "source_path", "source_record", "text", "authors", "language", "section")


def _flat(d: dict[str, Any]) -> dict[str, Any]:
    dl = d.get("dateline") or {}
    return {
        "id": d["id"], "published": d["published"], "title": d["title"], "outlet": d.get("outlet"),
        "url": d.get("url"), "dateline_place": dl.get("place"), "dateline_agency": dl.get("agency"),
        "source_path": d["source"]["path"], "source_record": d["source"]["record"], "text": d["text"],
        # Bylines in one cell: `; ` because a name may hold a comma (`Doe, Jane`).
        "authors": "; ".join(d.get("authors") or []) or None, "language": d.get("language"),
        "section": d.get("section"),
    }


def export(archive: Archive, fmt: str, out: IO[str] | None = None, path: str | None = None) -> int:
    """Write every article; returns how many. Parquet needs a path, the others a stream."""
    rows: Iterator[dict[str, Any]] = (a.to_dict() for a in archive.iter_articles())
    if fmt == "jsonl":
        stream = out or sys.stdout
        n = 0
        for d in rows:
            stream.write(json.dumps(d, ensure_ascii=False) + "\n")
            n += 1
        return n
    if fmt == "csv":
        stream = out or sys.stdout
        writer = csv.DictWriter(stream, fieldnames=CSV_FIELDS)
        writer.writeheader()
        n = 0
        for d in rows:
            writer.writerow(_flat(d))
            n += 1
        return n
    if fmt == "parquet":
        if path is None:
            raise ValueError("parquet export needs --out FILE")
        return _parquet(rows, path)
    raise ValueError(f"unknown export format {fmt!r}; choose one of: {', '.join(FORMATS)}")


def _parquet(rows: Iterator[dict[str, Any]], path: str) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = pa.schema([(f, pa.string()) for f in CSV_FIELDS if f != "source_record"]
                       + [("source_record", pa.int64()), ("json", pa.string())])
    writer = pq.ParquetWriter(path, schema)
    n = 0
    batch: list[dict[str, Any]] = []
    try:
        for d in rows:
            flat = _flat(d)
            flat["json"] = json.dumps(d, ensure_ascii=False)
            batch.append(flat)
            n += 1
            if len(batch) >= 1000:
                writer.write_table(pa.Table.from_pylist(batch, schema=schema))
                batch = []
        if batch or n == 0:
            writer.write_table(pa.Table.from_pylist(batch, schema=schema))
    finally:
        writer.close()
    return n
