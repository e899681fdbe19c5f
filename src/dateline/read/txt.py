"""Plain text: one article per file."""

from __future__ import annotations

from collections.abc import Iterator
from typing import BinaryIO

from dateline.model import RawRecord, Rejected, Source
from dateline.read.decode import decode


def read(stream: BinaryIO, path: str, max_record_bytes: int) -> Iterator[RawRecord]:
    data = stream.read(max_record_bytes + 1)
    src = Source(path=path, record=0, format="txt", offset=0)
    if len(data) > max_record_bytes:
        yield RawRecord(
            source=src,
            error=Rejected("too_large", f"file is over {max_record_bytes:,} bytes (max_record_bytes)"),
        )
        return
    rec = RawRecord(source=src)
    try:
        rec.text, _ = decode(data)
    except Rejected as exc:
        rec.error = exc
    yield rec
