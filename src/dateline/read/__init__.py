"""Readers: one module per input format, and `read_inputs` to walk files, folders, globs, stdin.

Each reader yields `RawRecord`s with their source location. A record a reader cannot decode
is still yielded, carrying a `Rejected`, so the ingest can account for it.
"""

from __future__ import annotations

import glob
import io
import os
import sys
from collections.abc import Callable, Iterable, Iterator
from functools import partial
from pathlib import Path
from typing import BinaryIO

from dateline.budget import TimedOut, time_limit, too_slow
from dateline.model import RawRecord, Rejected, Source
from dateline.read import dated, html, jsonl, table, txt, warc
from dateline.read.opener import as_utf8, inner_name, open_stream
from dateline.read.sniff import FORMATS, sniff

Reader = Callable[[BinaryIO, str, int], Iterator[RawRecord]]

READERS: dict[str, Reader] = {
    "dated": dated.read,
    "txt": txt.read,
    "jsonl": jsonl.read,
    "json": jsonl.read_array,
    "csv": table.read_csv,
    "tsv": partial(table.read_csv, delimiter="\t"),
    "parquet": table.read_parquet,
    "html": html.read,
    "warc": warc.read,
}
_SKIP_DIRS = {".git", "__pycache__", ".venv", "node_modules"}
# Documentation that ships beside a data set is not a record of it; named files are still read.
_DOC_FILES = ("readme", "license", "licence", "changelog")


class InputError(Exception):
    """A user's mistake about the inputs (a missing path, an unknown format)."""


def expand(paths: Iterable[str]) -> tuple[list[str], list[str]]:
    """(files to read, paths that matched nothing); folders walked recursively, globs expanded."""
    files: list[str] = []
    missing: list[str] = []
    for p in paths:
        if p == "-":
            files.append("-")
        elif is_uri(p):
            found = _expand_uri(p)
            files.extend(found) if found else missing.append(p)
        elif os.path.isdir(p):
            for root, dirs, names in os.walk(p):
                dirs[:] = sorted(d for d in dirs if d not in _SKIP_DIRS and not d.startswith("."))
                files.extend(os.path.join(root, n) for n in sorted(names) if _listable(n))
        elif os.path.exists(p):
            files.append(p)
        elif glob.has_magic(p):
            matched = sorted(m for m in glob.glob(p, recursive=True) if os.path.isfile(m))
            files.extend(matched) if matched else missing.append(p)
        else:
            missing.append(p)
    return files, missing


def is_uri(path: str) -> bool:
    return "://" in path


def _listable(name: str) -> bool:
    base = name.rsplit("/", 1)[-1]
    return not base.startswith(".") and not base.lower().startswith(_DOC_FILES)


def _expand_uri(uri: str) -> list[str]:
    """Files under an object-store or file URL (s3://, gs://, file://), through pyarrow."""
    from pyarrow import fs as pafs

    try:
        fsys, base = pafs.FileSystem.from_uri(uri)
        info = fsys.get_file_info(base)
        scheme = uri.split("://", 1)[0]
        if info.type == pafs.FileType.File:
            return [uri]
        if info.type != pafs.FileType.Directory:
            return []
        infos = fsys.get_file_info(pafs.FileSelector(base, recursive=True))
    except Exception as exc:  # pyarrow raises ArrowInvalid/OSError for unknown schemes, no access
        print(f"warning: cannot list {uri}: {exc}", file=sys.stderr)
        return []
    names = sorted(i.path for i in infos if i.type == pafs.FileType.File and _listable(i.path))
    return [f"{scheme}://{n}" for n in names]


class _NativeReader(io.RawIOBase):
    """A pyarrow input stream as a raw binary stream, so our buffering and readers apply."""

    def __init__(self, native: object) -> None:
        self._native = native

    def readable(self) -> bool:
        return True

    def readinto(self, buf: bytearray | memoryview) -> int:  # type: ignore[override]
        data = self._native.read(len(buf))  # type: ignore[attr-defined]
        buf[: len(data)] = data
        return len(data)

    def close(self) -> None:
        self._native.close()  # type: ignore[attr-defined]
        super().close()


def _open(path: str) -> BinaryIO:
    if path == "-":
        return sys.stdin.buffer
    if is_uri(path):
        from pyarrow import fs as pafs

        fsys, inner = pafs.FileSystem.from_uri(path)
        return io.BufferedReader(_NativeReader(fsys.open_input_stream(inner)))  # type: ignore[return-value]
    return open(path, "rb")  # noqa: SIM115


def check_format(fmt: str | None) -> None:
    if fmt is not None and fmt not in FORMATS:
        raise InputError(f"unknown format {fmt!r}; choose one of: {', '.join(FORMATS)}")


def read_inputs(
    paths: Iterable[str], fmt: str | None = None, max_record_bytes: int = 5_000_000,
    max_decompressed_bytes: int = 2_000_000_000, skip: Iterable[str] = (), timeout_s: float = 0.0,
) -> Iterator[RawRecord]:
    """Every record of every input, in order; raises InputError if no input exists.

    `skip`: files never read (the archive being written, when it lies in an input folder).
    `timeout_s`: the seconds a reader may take to produce one record (read_timeout_s).
    """
    check_format(fmt)
    files, missing = expand(paths)
    skipped = {os.path.realpath(s) for s in skip}
    files = [f for f in files if f == "-" or os.path.realpath(f) not in skipped]
    if not files:
        raise InputError(f"no such file or folder: {', '.join(missing) or '(none given)'}")
    for m in missing:
        print(f"warning: no such file or folder: {m}", file=sys.stderr)
    for f in files:
        yield from _timed(read_file(f, fmt, max_record_bytes, max_decompressed_bytes), f, fmt, timeout_s)


def _timed(records: Iterator[RawRecord], path: str, fmt: str | None, seconds: float) -> Iterator[RawRecord]:
    """A file's records, each produced within `seconds`. A reader interrupted part way cannot
    resume (its parser's state is lost), so the rest of that file becomes one reject, as for a
    stream that breaks part way; the next file is read as usual."""
    count = 0
    while True:
        try:
            with time_limit(seconds, clock="wall"):
                rec = next(records, None)
        except TimedOut:
            name = "<stdin>" if path == "-" else path
            yield RawRecord(source=Source(name, count, fmt or "unknown", None),
                            error=too_slow("read", seconds, "read_timeout_s"))
            return
        if rec is None:
            return
        count += 1
        yield rec


def _seekable(stream: BinaryIO, raw: BinaryIO, path: str, limit: int) -> BinaryIO:
    """Parquet needs seeking: a plain file is read in place, anything else in memory, capped."""
    if stream is raw and path != "-":
        return raw
    data = stream.read(limit + 1)
    if len(data) > limit:
        raise Rejected("too_large", f"{path}: over {limit:,} bytes to hold in memory (max_decompressed_bytes)")
    return io.BytesIO(data)


def read_file(path: str, fmt: str | None, max_record_bytes: int, max_decompressed_bytes: int) -> Iterator[RawRecord]:
    name = "<stdin>" if path == "-" else path
    try:
        raw: BinaryIO = _open(path)
    except (OSError, ValueError) as exc:
        yield RawRecord(source=Source(name, 0, fmt or "unknown", 0), error=Rejected("unreadable", str(exc)))
        return
    count = 0
    try:
        stream = open_stream(raw, name, max_decompressed_bytes)
        peek = getattr(stream, "peek", None)
        head = peek(8192)[:8192] if peek else b""
        if not head.startswith(b"PAR1"):
            stream = as_utf8(stream, head)
            head = stream.peek(8192)[:8192] if head else b""  # type: ignore[attr-defined]
        chosen = fmt or sniff(inner_name(Path(name).name), head)
        if chosen == "parquet":
            stream = _seekable(stream, raw, path, max_decompressed_bytes)
        for rec in READERS[chosen](stream, name, max_record_bytes):
            count += 1
            yield rec
    except Rejected as exc:
        # A stream that breaks part way (truncated gzip, a bomb) rejects the rest of the file.
        yield RawRecord(source=Source(name, count, fmt or "unknown", None), error=exc)
    except OSError as exc:
        yield RawRecord(source=Source(name, count, fmt or "unknown", None), error=Rejected("unreadable", str(exc)))
    finally:
        if path != "-":
            raw.close()
