"""CSV/TSV and Parquet: one row per article, the text column found by name."""

from __future__ import annotations

import csv
import io
import sys
from collections.abc import Iterator
from typing import BinaryIO

from dateline.model import RawRecord, Rejected, Source
from dateline.read.fields import has_text_field, record_from_row

csv.field_size_limit(sys.maxsize)


def _no_text_column(path: str, fmt: str, columns: list[str]) -> RawRecord:
    seen = ", ".join(columns[:12]) or "none"
    return RawRecord(
        source=Source(path=path, record=0, format=fmt, offset=0),
        error=Rejected("no_text_column", f"no text column (columns seen: {seen}); "
                       "expected one of text, content, body, maintext, article"),
    )


def read_csv(stream: BinaryIO, path: str, max_record_bytes: int, delimiter: str | None = None) -> Iterator[RawRecord]:
    fmt = "tsv" if delimiter == "\t" else "csv"
    text = io.TextIOWrapper(stream, encoding="utf-8", errors="replace", newline="")
    reader = csv.reader(text, delimiter=delimiter or ",")
    try:
        header = next(reader)
    except StopIteration:
        return
    except csv.Error as exc:
        yield RawRecord(source=Source(path, 0, fmt, 0), error=Rejected("malformed_csv", str(exc)))
        return
    header = [h.strip().lstrip("\ufeff") for h in header]
    if not has_text_field(header):
        yield _no_text_column(path, fmt, header)
        return
    record = 0
    while True:
        src = Source(path=path, record=record, format=fmt, offset=reader.line_num + 1)
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            yield RawRecord(source=src, error=Rejected("malformed_csv", f"line {src.offset}: {exc}"))
            record += 1
            continue
        if not any(cell.strip() for cell in row):
            continue
        record += 1
        if len(row) != len(header):
            yield RawRecord(source=src, error=Rejected(
                "ragged_row", f"line {src.offset}: {len(row)} cells for {len(header)} columns"))
            continue
        rec = record_from_row(dict(zip(header, row, strict=True)), src)
        if rec.text and len(rec.text.encode()) > max_record_bytes:
            rec = RawRecord(source=src, error=Rejected("too_large", f"over {max_record_bytes:,} bytes"))
        yield rec


def read_parquet(stream: BinaryIO, path: str, max_record_bytes: int) -> Iterator[RawRecord]:
    import pyarrow.parquet as pq

    try:
        pf = pq.ParquetFile(stream)
    except Exception as exc:  # pyarrow raises ArrowInvalid and OSError variants
        yield RawRecord(source=Source(path, 0, "parquet", 0), error=Rejected("malformed_parquet", str(exc)))
        return
    columns = pf.schema_arrow.names
    if not has_text_field(columns):
        yield _no_text_column(path, "parquet", columns)
        return
    record = 0
    for batch in pf.iter_batches(batch_size=512):
        for row in batch.to_pylist():
            src = Source(path=path, record=record, format="parquet", offset=record)
            record += 1
            rec = record_from_row(row, src)
            if rec.text and len(rec.text) > max_record_bytes:
                rec = RawRecord(source=src, error=Rejected("too_large", f"over {max_record_bytes:,} bytes"))
            yield rec
