"""CSV/TSV and Parquet: one row per article, the text column found by name."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from typing import BinaryIO

from dateline.model import RawRecord, Rejected, Source
from dateline.read.dated import _lines
from dateline.read.decode import decode
from dateline.read.fields import has_text_field, record_from_row


class _Lines:
    """Decoded lines for the csv module, each under the record cap, each in its own encoding.

    A file-wide UTF-8 decode would turn every byte of a cp1252 export into U+FFFD; decoding line
    by line (UTF-8 first, as `decode` does) keeps the text. `overflow` tells the reader that a
    line was cut at the cap, so that its row is rejected rather than stored cut.
    """

    def __init__(self, stream: BinaryIO, cap: int) -> None:
        self._it = _lines(stream, cap)
        self.overflow = False

    def __iter__(self) -> Iterator[str]:
        for line, over in self._it:
            self.overflow = self.overflow or over
            try:
                yield decode(line)[0]
            except Rejected:
                yield line.decode("utf-8", "replace")  # binary noise: the row is parsed as it is


def _no_text_column(path: str, fmt: str, columns: list[str]) -> RawRecord:
    seen = ", ".join(columns[:12]) or "none"
    return RawRecord(
        source=Source(path=path, record=0, format=fmt, offset=0),
        error=Rejected("no_text_column", f"no text column (columns seen: {seen}); "
                       "expected one of text, content, body, maintext, article"),
    )


def read_csv(stream: BinaryIO, path: str, max_record_bytes: int, delimiter: str | None = None) -> Iterator[RawRecord]:
    fmt = "tsv" if delimiter == "\t" else "csv"
    # Fields may span lines; a field over the cap is a csv.Error, not a string held in memory.
    csv.field_size_limit(max_record_bytes)
    lines = _Lines(stream, max_record_bytes)
    reader = csv.reader(lines, delimiter=delimiter or ",")
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
            too_large = "larger than field limit" in str(exc) or lines.overflow
            reason = "too_large" if too_large else "malformed_csv"
            lines.overflow = False
            yield RawRecord(source=src, error=Rejected(reason, f"line {src.offset}: {exc}"))
            record += 1
            continue
        if not any(cell.strip() for cell in row):
            continue
        record += 1
        if lines.overflow:
            lines.overflow = False
            yield RawRecord(source=src, error=Rejected(
                "too_large", f"line {src.offset}: a line over {max_record_bytes:,} bytes (max_record_bytes)"))
            continue
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
