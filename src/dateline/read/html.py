"""HTML pages, one article per file; the text is extracted in the clean stage."""

from __future__ import annotations

from collections.abc import Iterator
from typing import BinaryIO

from dateline.model import RawRecord, Rejected, Source
from dateline.read.decode import decode


def read(stream: BinaryIO, path: str, max_record_bytes: int) -> Iterator[RawRecord]:
    data = stream.read(max_record_bytes + 1)
    src = Source(path=path, record=0, format="html", offset=0)
    if len(data) > max_record_bytes:
        yield RawRecord(source=src, error=Rejected("too_large", f"page is over {max_record_bytes:,} bytes"))
        return
    rec = RawRecord(source=src)
    try:
        rec.html, _ = decode(data)
    except Rejected as exc:
        rec.error = exc
    yield rec
