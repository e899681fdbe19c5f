"""Readers: one module per input format, and `read_inputs` to walk files, folders, globs, stdin.

Each reader yields `RawRecord`s with their source location. A record a reader cannot decode
is still yielded, carrying a `Rejected`, so the ingest can account for it.
"""

from __future__ import annotations

import glob
import io
import os
import stat
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from functools import partial
from pathlib import Path
from typing import BinaryIO

from dateline.budget import TimedOut, time_limit, too_slow
from dateline.model import RawRecord, Rejected, Source
from dateline.read import dated, html, jsonl, sgml, table, txt, warc, xml
from dateline.read.opener import as_utf8, damage_of, inner_name, open_stream
from dateline.read.options import ReadOptions
from dateline.read.sniff import FORMATS, sniff

Reader = Callable[[BinaryIO, str, ReadOptions], Iterator[RawRecord]]


def _capped(read: Callable[[BinaryIO, str, int], Iterator[RawRecord]]) -> Reader:
    """A reader that needs only the record cap, called with the reading options."""
    return lambda stream, path, opts: read(stream, path, opts.max_record_bytes)


READERS: dict[str, Reader] = {
    "dated": _capped(dated.read),
    "txt": _capped(txt.read),
    "jsonl": jsonl.read,
    "json": jsonl.read_array,
    "csv": table.read_csv,
    "tsv": partial(table.read_csv, delimiter="\t"),
    "parquet": table.read_parquet,
    "html": _capped(html.read),
    "warc": warc.read,
    "sgml": sgml.read,
    "xml": xml.read,
}
_SKIP_DIRS = {".git", "__pycache__", ".venv", "node_modules"}
# Documentation that ships beside a data set is not a record of it; named files are still read.
_DOC_FILES = ("readme", "license", "licence", "changelog")


class InputError(Exception):
    """A user's mistake about the inputs (a missing path, an unknown format)."""


def expand(paths: Iterable[str], unreadable: list[tuple[str, str]] | None = None) -> tuple[list[str], list[str]]:
    """(files to read, paths that matched nothing); folders walked recursively, globs expanded.

    `unreadable` collects (folder, why) for each sub-folder that could not be listed.
    """
    files: list[str] = []
    missing: list[str] = []

    def walk_error(exc: OSError) -> None:
        if unreadable is not None:
            unreadable.append((exc.filename or "?", exc.strerror or str(exc)))

    for p in paths:
        if p == "-":
            files.append("-")
        elif is_uri(p):
            found = _expand_uri(p)
            files.extend(found) if found else missing.append(p)
        elif os.path.isdir(p):
            for root, dirs, names in os.walk(p, onerror=walk_error):
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


def check_inputs(paths: Sequence[str], fmt: str | None = None) -> None:
    """Raise InputError when no input exists (or the format is unknown), before anything else is
    opened: a mistyped path must not leave an empty archive behind. Checks existence only; the
    folders are walked when they are read."""
    check_format(fmt)
    if not any(p == "-" or is_uri(p) or os.path.exists(p) or glob.has_magic(p) and glob.glob(p, recursive=True)
               for p in paths):
        raise InputError(f"no such file or folder: {', '.join(paths) or '(none given)'}")


def read_inputs(
    paths: Iterable[str], fmt: str | None = None, max_record_bytes: int = 5_000_000,
    max_decompressed_bytes: int = 2_000_000_000, skip: Iterable[str] = (), options: ReadOptions | None = None,
    timeout_s: float = 0.0,
) -> Iterator[RawRecord]:
    """Every record of every input, in order; raises InputError if no input exists.

    `skip`: files never read (the archive being written, when it lies in an input folder).
    `options` (from `ReadOptions.from_settings`) replaces the two limits given one by one.
    `timeout_s`: the seconds a reader may take to produce one record (read_timeout_s).
    """
    check_format(fmt)
    opts = options or ReadOptions(max_record_bytes=max_record_bytes, max_decompressed_bytes=max_decompressed_bytes)
    paths = list(paths)
    unreadable: list[tuple[str, str]] = []
    files, missing = expand(paths, unreadable)
    skipped = {os.path.realpath(s) for s in skip}
    files = [f for f in files if f == "-" or os.path.realpath(f) not in skipped]
    if not files and not unreadable:
        raise InputError(f"no such file or folder: {', '.join(missing) or '(none given)'}")
    for m in missing:
        print(f"warning: no such file or folder: {m}", file=sys.stderr)
    for folder, why in unreadable:
        # A folder that cannot be listed may hold any number of records: one reject says so.
        yield RawRecord(source=Source(folder, 0, "folder", None),
                        error=Rejected("unreadable", f"cannot list the folder: {why}"))
    named = {os.path.abspath(p) for p in paths}
    for f in files:
        yield from _timed(read_file(f, fmt, opts.max_record_bytes, opts.max_decompressed_bytes, opts,
                                    named=f == "-" or os.path.abspath(f) in named), f, fmt, timeout_s)


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


def special_file(path: str, named: bool) -> str | None:
    """Why a path is not read as a file (a FIFO, a device, a socket); None for a regular file.

    Reading a FIFO blocks until a writer comes, and a device such as /dev/zero never ends, so
    only regular files are read from folders and globs. A pipe named on the command line is
    read, as stdin is: that is how `<(zcat dump.gz)` reaches us.
    """
    if path == "-" or is_uri(path):
        return None
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return None  # opening it will say why
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISFIFO(mode):
        return None if named else "a named pipe (FIFO), not a regular file"
    kind = "a character device" if stat.S_ISCHR(mode) else "a block device" if stat.S_ISBLK(mode) else \
        "a socket" if stat.S_ISSOCK(mode) else "a folder" if stat.S_ISDIR(mode) else "a special file"
    link = f" (a link to {os.path.realpath(path)})" if os.path.islink(path) else ""
    return f"{kind}{link}, not a regular file"


def read_file(
    path: str, fmt: str | None, max_record_bytes: int, max_decompressed_bytes: int,
    options: ReadOptions | None = None, named: bool = True,
) -> Iterator[RawRecord]:
    """The records of one file. `named`: the user gave this path itself (not found in a folder)."""
    opts = options or ReadOptions(max_record_bytes=max_record_bytes, max_decompressed_bytes=max_decompressed_bytes)
    max_decompressed_bytes = opts.max_decompressed_bytes
    name = "<stdin>" if path == "-" else path
    why = special_file(path, named)
    if why is not None:
        yield RawRecord(source=Source(name, 0, fmt or "unknown", 0), error=Rejected("not_a_file", why))
        return
    try:
        raw: BinaryIO = _open(path)
    except (OSError, ValueError) as exc:
        yield RawRecord(source=Source(name, 0, fmt or "unknown", 0), error=Rejected("unreadable", str(exc)))
        return
    count = 0
    held: RawRecord | None = None  # the last record, held until the stream is known to be whole
    try:
        stream = open_stream(raw, name, max_decompressed_bytes)
        decompressed = stream
        peek = getattr(stream, "peek", None)
        head = peek(8192)[:8192] if peek else b""
        if not head.startswith(b"PAR1"):
            stream = as_utf8(stream, head)
            head = stream.peek(8192)[:8192] if head else b""  # type: ignore[attr-defined]
        chosen = fmt or sniff(inner_name(Path(name).name), head)
        if chosen == "parquet":
            stream = _seekable(stream, raw, path, max_decompressed_bytes)
        for rec in READERS[chosen](stream, name, opts):
            if held is not None:
                yield held
            count += 1
            held = rec
        damage = damage_of(decompressed)
        if damage is not None and held is not None and held.error is None:
            # The reader ended where the stream was cut: its last record may be cut short too.
            held = RawRecord(source=held.source, error=damage)
            damage = None
        if held is not None:
            yield held
            held = None
        if damage is not None:
            yield RawRecord(source=Source(name, count, fmt or "unknown", None), error=damage)
    except Rejected as exc:
        # A stream that breaks part way (truncated gzip, a bomb) rejects the rest of the file.
        if held is not None:
            yield held
        yield RawRecord(source=Source(name, count, fmt or "unknown", None), error=exc)
    except OSError as exc:
        if held is not None:
            yield held
        yield RawRecord(source=Source(name, count, fmt or "unknown", None), error=Rejected("unreadable", str(exc)))
    finally:
        if path != "-":
            raw.close()
