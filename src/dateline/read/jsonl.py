"""JSON Lines, one object per line; and JSON arrays (or {"articles": [...]}) of objects."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any, BinaryIO

from dateline.model import RawRecord, Rejected, Source
from dateline.read.dated import _lines
from dateline.read.decode import decode
from dateline.read.fields import record_from_row


def _from_value(value: Any, src: Source) -> RawRecord:
    if isinstance(value, dict):
        return record_from_row(value, src)
    if isinstance(value, str):
        return RawRecord(source=src, text=value)
    return RawRecord(source=src, error=Rejected("not_an_object", f"a JSON {type(value).__name__}, not an object"))


def read(stream: BinaryIO, path: str, max_record_bytes: int) -> Iterator[RawRecord]:
    record = 0
    # Count lines before skipping anything, so a reported line number is the real one.
    for lineno, (line, over) in enumerate(_lines(stream, max_record_bytes), 1):
        if not line.strip():
            continue
        src = Source(path=path, record=record, format="jsonl", offset=lineno)
        record += 1
        if over:
            too_large = Rejected("too_large", f"line {lineno} is over {max_record_bytes:,} bytes")
            yield RawRecord(source=src, error=too_large)
            continue
        try:
            text, _ = decode(line)
            value = json.loads(text)
        except Rejected as exc:
            yield RawRecord(source=src, error=exc)
            continue
        except ValueError as exc:
            yield RawRecord(source=src, error=Rejected("malformed_json", f"line {lineno}: {exc}"))
            continue
        yield _from_value(value, src)


def read_array(stream: BinaryIO, path: str, max_record_bytes: int) -> Iterator[RawRecord]:
    # A JSON document has to be parsed whole; its cap is the record cap times a batch.
    cap = max_record_bytes * 20
    data = stream.read(cap + 1)
    src0 = Source(path=path, record=0, format="json", offset=0)
    if len(data) > cap:
        yield RawRecord(source=src0, error=Rejected("too_large", f"JSON document over {cap:,} bytes; use JSON Lines"))
        return
    try:
        text, _ = decode(data)
        doc = json.loads(text)
    except Rejected as exc:
        yield RawRecord(source=src0, error=exc)
        return
    except ValueError as exc:
        yield RawRecord(source=src0, error=Rejected("malformed_json", str(exc)))
        return
    if isinstance(doc, dict):
        items = next((doc[k] for k in ("articles", "items", "data", "records", "results")
                      if isinstance(doc.get(k), list)), [doc])
    elif isinstance(doc, list):
        items = doc
    else:
        items = [doc]
    for i, value in enumerate(items):
        yield _from_value(value, Source(path=path, record=i, format="json", offset=i))
