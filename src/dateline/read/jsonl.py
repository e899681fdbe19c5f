"""JSON Lines, one object per line; and JSON arrays (or {"articles": [...]}) of objects.

A JSON array is read item by item (`raw_decode` from where the last item ended), so that one
bad item (nested 10,000 deep, or too large) is rejected alone and the items around it are kept.
Nesting is bounded by `max_json_depth`; Python's parser would otherwise stop the whole run with
a RecursionError near 1,000 levels.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any, BinaryIO

from dateline.model import RawRecord, Rejected, Source
from dateline.read.dated import _lines
from dateline.read.decode import decode
from dateline.read.fields import FieldMap, record_from_row
from dateline.read.options import ReadOptions

_DECODER = json.JSONDecoder()
_WS = re.compile(r"\s*")
# Inside a value being skipped: strings (with escapes) and the brackets that nest.
_TOKEN = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"|[\[\]{}]', re.S)
# Where the list of records sits in an object that wraps it.
_WRAPPERS = ("articles", "items", "data", "records", "results")


def _from_value(value: Any, src: Source, fields: FieldMap) -> RawRecord:
    if isinstance(value, dict):
        return record_from_row(value, src, fields)
    if isinstance(value, str):
        return RawRecord(source=src, text=value)
    return RawRecord(source=src, error=Rejected("not_an_object", f"a JSON {type(value).__name__}, not an object"))


def _too_deep(max_depth: int) -> Rejected:
    return Rejected("too_complex", f"JSON nested over {max_depth:,} levels (max_json_depth)")


def _loads(text: str, max_depth: int) -> Any:
    try:
        value = json.loads(text)
    except RecursionError as exc:  # deeper than the parser's stack allows
        raise _too_deep(max_depth) from exc
    if nesting(value) > max_depth:
        raise _too_deep(max_depth)
    return value


def read(stream: BinaryIO, path: str, opts: ReadOptions) -> Iterator[RawRecord]:
    cap = opts.max_record_bytes
    record = 0
    # Count lines before skipping anything, so a reported line number is the real one.
    for lineno, (line, over) in enumerate(_lines(stream, cap), 1):
        if not line.strip():
            continue
        src = Source(path=path, record=record, format="jsonl", offset=lineno)
        record += 1
        if over:
            yield RawRecord(source=src, error=Rejected("too_large", f"line {lineno} is over {cap:,} bytes"))
            continue
        try:
            text, _ = decode(line)
            value = _loads(text, opts.max_json_depth)
        except Rejected as exc:
            yield RawRecord(source=src, error=Rejected(exc.reason, f"line {lineno}: {exc.detail}"))
            continue
        except ValueError as exc:
            yield RawRecord(source=src, error=Rejected("malformed_json", f"line {lineno}: {exc}"))
            continue
        yield _from_value(value, src, opts.fields)


def read_array(stream: BinaryIO, path: str, opts: ReadOptions) -> Iterator[RawRecord]:
    # A JSON document is held whole while its items are read; its cap is the record cap times a batch.
    cap = opts.max_record_bytes * 20
    data = stream.read(cap + 1)
    src0 = Source(path=path, record=0, format="json", offset=0)
    if len(data) > cap:
        yield RawRecord(source=src0, error=Rejected("too_large", f"JSON document over {cap:,} bytes; use JSON Lines"))
        return
    try:
        text, _ = decode(data)
    except Rejected as exc:
        yield RawRecord(source=src0, error=exc)
        return
    start = _items_start(text)
    if start is None:  # one object (or scalar) for the whole file
        try:
            value = _loads(text, opts.max_json_depth)
        except Rejected as exc:
            yield RawRecord(source=src0, error=exc)
            return
        except ValueError as exc:
            yield RawRecord(source=src0, error=Rejected("malformed_json", str(exc)))
            return
        wrapped = next((value[k] for k in _WRAPPERS if isinstance(value, dict) and isinstance(value.get(k), list)),
                       None)
        for i, item in enumerate(wrapped if wrapped is not None else [value]):
            yield _from_value(item, Source(path=path, record=i, format="json", offset=i), opts.fields)
        return
    yield from _items(text, start, path, opts)


def _items_start(text: str) -> int | None:
    """Where the items of a top-level array begin (just after `[`); None when it is not one."""
    pos = _WS.match(text, 1 if text.startswith("\ufeff") else 0).end()  # type: ignore[union-attr]
    return pos + 1 if text[pos : pos + 1] == "[" else None


def _items(text: str, pos: int, path: str, opts: ReadOptions) -> Iterator[RawRecord]:
    i = 0
    while True:
        pos = _WS.match(text, pos).end()  # type: ignore[union-attr]
        if text[pos : pos + 1] in ("]", ""):
            return
        src = Source(path=path, record=i, format="json", offset=i)
        i += 1
        try:
            value, end = _DECODER.raw_decode(text, pos)
        except RecursionError:
            end = _value_end(text, pos)
            yield RawRecord(source=src, error=_too_deep(opts.max_json_depth))
        except ValueError as exc:
            # Past a malformed item there is no telling where the next one starts.
            yield RawRecord(source=src, error=Rejected("malformed_json", f"item {i - 1}: {exc}; the rest is unread"))
            return
        else:
            if end - pos > opts.max_record_bytes:
                yield RawRecord(source=src, error=Rejected(
                    "too_large", f"item {i - 1} is over {opts.max_record_bytes:,} characters (max_record_bytes)"))
            elif nesting(value) > opts.max_json_depth:
                yield RawRecord(source=src, error=_too_deep(opts.max_json_depth))
            else:
                yield _from_value(value, src, opts.fields)
        pos = _WS.match(text, end).end()  # type: ignore[union-attr]
        if text[pos : pos + 1] == ",":
            pos += 1


def nesting(value: Any) -> int:
    """How deep a parsed JSON value nests (a scalar: 0), walked without recursion."""
    deepest = 0
    stack = [(value, 1)] if isinstance(value, (dict, list)) else []
    while stack:
        node, depth = stack.pop()
        deepest = max(deepest, depth)
        children = node.values() if isinstance(node, dict) else node
        stack.extend((c, depth + 1) for c in children if isinstance(c, (dict, list)))
    return deepest


def _value_end(text: str, pos: int) -> int:
    """The end of the (array or object) value starting at pos, found by brackets and strings."""
    depth = 0
    for m in _TOKEN.finditer(text, pos):
        tok = m.group()
        if tok in "[{":
            depth += 1
        elif tok in "]}":
            depth -= 1
            if depth == 0:
                return m.end()
    return len(text)
