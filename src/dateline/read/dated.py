"""The dated-text format: a record starts at a line `date YYYY-MM-DD` and runs to the next.

The rest of the header line belongs to the record's text (scrapers often glue the first
paragraph to it). Lines are read with a size cap so a file without newlines cannot take
all memory; a record over the cap is rejected and reading goes on at the next header.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import BinaryIO

from dateline.model import RawRecord, Rejected, Source
from dateline.read.decode import decode

HEADER = re.compile(rb"^[ \t]*date[ \t]+(\S+)(?:[ \t]+|$)(.*)", re.DOTALL)
_DATEISH = re.compile(rb"^\d{1,6}-\d{1,2}-\d{1,2}$")


def _lines(stream: BinaryIO, cap: int) -> Iterator[tuple[bytes, bool]]:
    """Yield (line, overflowed): an overlong line is yielded as its first `cap` bytes."""
    while True:
        line = stream.readline(cap + 1)
        if not line:
            return
        if len(line) > cap and not line.endswith(b"\n"):
            while True:  # skip the rest of the overlong line without holding it
                rest = stream.readline(1 << 20)
                if not rest or rest.endswith(b"\n"):
                    break
            yield line[:cap], True
        else:
            yield line, False


def read(stream: BinaryIO, path: str, max_record_bytes: int) -> Iterator[RawRecord]:
    record = 0
    buf: list[bytes] = []
    size = 0
    date: bytes | None = None
    start_line = 1
    overflow = False

    def flush() -> RawRecord | None:
        if not buf and date is None:
            return None
        src = Source(path=path, record=record, format="dated", offset=start_line)
        if overflow or size > max_record_bytes:
            return RawRecord(
                source=src,
                error=Rejected("too_large", f"record is over {max_record_bytes:,} bytes (max_record_bytes)"),
            )
        data = b"".join(buf)
        if date is None and not data.strip():
            return None
        rec = RawRecord(source=src, date=date.decode("ascii", "replace") if date else None)
        try:
            rec.text, _ = decode(data)
        except Rejected as exc:
            rec.error = exc
        return rec

    for lineno, (line, over) in enumerate(_lines(stream, max_record_bytes), 1):
        m = HEADER.match(line)
        if m and _DATEISH.match(m.group(1)):
            done = flush()
            if done is not None:
                yield done
                record += 1
            date, buf, size, overflow, start_line = m.group(1), [m.group(2)], len(line), over, lineno
            continue
        if size <= max_record_bytes:
            buf.append(line)
        size += len(line)
        overflow = overflow or over
    done = flush()
    if done is not None:
        yield done
