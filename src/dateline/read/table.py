"""CSV/TSV and Parquet: one row per article, the text column found by name.

CSV rows are cut out of the byte stream before the csv module sees them: a quoted field may span
lines, so a row ends at the first line end outside quotes. Finding that end ourselves is what
keeps a row over `max_record_bytes` from costing memory or records: its bytes are skipped (its
quotes still followed) up to its real end, so the reader never restarts inside the field and
invents rows from its lines, and the good row after it is read as it is.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, BinaryIO

from dateline.model import RawRecord, Rejected, Source
from dateline.read.decode import decode
from dateline.read.fields import FieldMap, has_text_field, record_from_row
from dateline.read.options import ReadOptions

_PIECE = 1 << 20  # a line is read in pieces of at most this, so no line is ever held whole


@dataclass(slots=True)
class _Row:
    line: int  # the line the row starts on (1-based)
    lines: list[bytes] | None  # None: the row was over the cap and was skipped


class _QuoteState:
    """Whether the scan is inside a quoted field, carried across lines and pieces of lines.

    A quote opens a field only at its start (after the delimiter or a line start), as the csv
    module reads it: a stray inch mark inside an unquoted cell (`a 5" screen`) opens nothing.
    Inside, `""` is an escaped quote and a lone `"` closes the field.
    """

    def __init__(self, delimiter: bytes) -> None:
        self.inside = False
        self.at_field_start = True
        self._opener = re.compile(rb"(?<=" + re.escape(delimiter) + rb")\"")
        self._delimiter = delimiter

    def feed(self, piece: bytes) -> None:
        if piece.count(b'"') % 2 == 0:
            # Quotes in pairs (none, a field opened and closed, `""` inside one): as a CSV writer
            # writes them, the state is unchanged, and counting is far cheaper than following.
            self.at_field_start = piece.endswith((b"\n", self._delimiter))
            return
        pos, n = 0, len(piece)
        if not self.inside and self.at_field_start and piece[:1] == b'"':
            self.inside, pos = True, 1
        while pos < n:
            if self.inside:
                q = piece.find(b'"', pos)
                if q < 0:
                    break
                if piece[q + 1 : q + 2] == b'"':
                    pos = q + 2  # an escaped quote inside the field
                    continue
                self.inside, pos = False, q + 1
                continue
            m = self._opener.search(piece, pos)
            if m is None:
                break
            self.inside, pos = True, m.end()
        self.at_field_start = piece.endswith((b"\n", self._delimiter))


def _rows(stream: BinaryIO, delimiter: bytes, cap: int) -> Iterator[_Row]:
    """Logical rows: the physical lines of each row, or None for a row over `cap` bytes."""
    state = _QuoteState(delimiter)
    lineno, row_line = 0, 1
    buf: list[bytes] = []
    size, over = 0, False
    while True:
        piece = stream.readline(_PIECE)
        if not piece:
            break
        if not buf and not over:
            row_line = lineno + 1
        state.feed(piece)
        size += len(piece)
        if size > cap:
            over, buf = True, []
        elif not over:
            buf.append(piece)
        if not piece.endswith(b"\n"):
            continue
        lineno += 1
        if state.inside:
            continue  # a quoted field runs on to the next line
        yield _Row(row_line, None if over else buf)
        buf, size, over = [], 0, False
    if buf or over:
        yield _Row(row_line, None if over else buf)


def _decode_lines(lines: list[bytes]) -> str:
    """Each line in its own encoding (UTF-8 first, as `decode` does): a file-wide UTF-8 decode
    would turn every byte of a cp1252 export into U+FFFD."""
    data = b"".join(lines)
    try:
        return data.decode("utf-8").removeprefix("\ufeff")  # the common case, at once
    except UnicodeDecodeError:
        pass
    out = []
    for line in data.splitlines(keepends=True):
        try:
            out.append(decode(line)[0])
        except Rejected:
            out.append(line.decode("utf-8", "replace"))  # binary noise: the row is parsed as it is
    return "".join(out)


def _no_text_column(path: str, fmt: str, columns: list[str], fields: FieldMap) -> RawRecord:
    seen = ", ".join(columns[:12]) or "none"
    return RawRecord(
        source=Source(path=path, record=0, format=fmt, offset=0),
        error=Rejected("no_text_column", f"no text column (columns seen: {seen}); expected one of "
                       f"{fields.text_names()}, or name it with --field text=NAME"),
        fields_seen=tuple(columns[:40]),
    )


def _parse(row: _Row, delimiter: str) -> list[str]:
    """The cells of one logical row; raises csv.Error on a row the csv module cannot read."""
    assert row.lines is not None
    cells = list(csv.reader(_decode_lines(row.lines).splitlines(keepends=True), delimiter=delimiter))
    if len(cells) > 1:  # a line end inside quotes the scan missed: keep the accounting one row
        raise csv.Error(f"{len(cells)} rows where one was expected")
    return cells[0] if cells else []


def read_csv(stream: BinaryIO, path: str, opts: ReadOptions, delimiter: str | None = None) -> Iterator[RawRecord]:
    fmt = "tsv" if delimiter == "\t" else "csv"
    delim = delimiter or ","
    cap = opts.max_record_bytes
    # Rows are cut to the cap before parsing, so no field can be larger than this.
    csv.field_size_limit(max(cap, csv.field_size_limit()))
    rows = _rows(stream, delim.encode(), cap)
    header: list[str] | None = None
    record = 0
    for row in rows:
        if header is None:
            try:
                header = [h.strip().lstrip("\ufeff") for h in _parse(row, delim)] if row.lines else []
            except csv.Error as exc:
                yield RawRecord(source=Source(path, 0, fmt, row.line), error=Rejected("malformed_csv", str(exc)))
                return
            if not has_text_field(header, opts.fields):
                yield _no_text_column(path, fmt, header, opts.fields)
                return
            continue
        src = Source(path=path, record=record, format=fmt, offset=row.line)
        if row.lines is None:
            record += 1
            yield RawRecord(source=src, error=Rejected(
                "too_large", f"line {row.line}: a row over {cap:,} bytes (max_record_bytes)"))
            continue
        try:
            cells = _parse(row, delim)
        except csv.Error as exc:
            record += 1
            yield RawRecord(source=src, error=Rejected("malformed_csv", f"line {row.line}: {exc}"))
            continue
        if not any(cell.strip() for cell in cells):
            continue
        record += 1
        if len(cells) != len(header):
            yield RawRecord(source=src, error=Rejected(
                "ragged_row", f"line {row.line}: {len(cells)} cells for {len(header)} columns"))
            continue
        yield record_from_row(dict(zip(header, cells, strict=True)), src, opts.fields)


def read_parquet(stream: BinaryIO, path: str, opts: ReadOptions) -> Iterator[RawRecord]:
    """Rows of a Parquet file, bounded by what they expand to.

    A Parquet bomb is a small file whose values expand to gigabytes: zstd over repetitive text,
    or one huge value repeated through dictionary encoding. String columns are read as
    dictionaries (compact however often a value repeats), each row's size is measured on the
    Arrow arrays, and only rows within `max_record_bytes` become Python objects; what the kept
    rows expand to is counted against `max_decompressed_bytes`.
    """
    import pyarrow as pa
    import pyarrow.parquet as pq

    try:
        pf = pq.ParquetFile(stream)
        strings = [f.name for f in pf.schema_arrow if _is_text(f.type)]
        pf = pq.ParquetFile(stream, read_dictionary=strings)
    except Exception as exc:  # pyarrow raises ArrowInvalid and OSError variants
        yield RawRecord(source=Source(path, 0, "parquet", 0), error=Rejected("malformed_parquet", str(exc)))
        return
    columns = pf.schema_arrow.names
    if not has_text_field(columns, opts.fields):
        yield _no_text_column(path, "parquet", columns, opts.fields)
        return
    limit, cap = opts.max_decompressed_bytes, opts.max_record_bytes
    expanded = record = 0
    try:
        for batch in pf.iter_batches(batch_size=64):
            sizes = _row_sizes(batch)
            for i, size in enumerate(sizes):
                src = Source(path=path, record=record, format="parquet", offset=record)
                record += 1
                if size > cap:
                    yield RawRecord(source=src, error=Rejected(
                        "too_large", f"row {record - 1}: {size:,} bytes, over {cap:,} (max_record_bytes)"))
                    continue
                expanded += size
                if expanded > limit:
                    yield RawRecord(source=src, error=Rejected(
                        "too_large", f"the rows from {record - 1:,} on expand beyond {limit:,} bytes "
                        "(max_decompressed_bytes)"))
                    return
                (row,) = batch.slice(i, 1).to_pylist()
                yield record_from_row(row, src, opts.fields)
    except (MemoryError, pa.ArrowMemoryError) as exc:
        yield RawRecord(source=Source(path, record, "parquet", record), error=Rejected(
            "too_large", f"the rest of the file does not fit in memory ({exc})"))
    except (pa.ArrowException, OSError) as exc:
        yield RawRecord(source=Source(path, record, "parquet", record),
                        error=Rejected("malformed_parquet", f"the rest of the file: {exc}"))


def _is_text(kind: Any) -> bool:
    import pyarrow as pa

    return bool(pa.types.is_string(kind) or pa.types.is_large_string(kind) or pa.types.is_binary(kind))


def _row_sizes(batch: Any) -> list[int]:
    """Bytes of the string and binary values of each row, measured without decoding them."""
    import pyarrow as pa
    import pyarrow.compute as pc

    total = [0] * batch.num_rows
    for column in batch.columns:
        if pa.types.is_dictionary(column.type):
            lengths = pc.take(pc.binary_length(column.dictionary), column.indices)
        elif _is_text(column.type):
            lengths = pc.binary_length(column)
        else:
            continue
        for i, n in enumerate(lengths.to_pylist()):
            total[i] += n or 0
    return total
