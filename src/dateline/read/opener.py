"""Opening inputs: plain, gzip or zstd, with a cap on decompressed size (gzip bombs)."""

from __future__ import annotations

import codecs
import gzip
import io
from typing import BinaryIO

from dateline.model import Rejected

GZIP_MAGIC = b"\x1f\x8b"
ZSTD_MAGIC = b"\x28\xb5\x2f\xfd"


class LimitedReader(io.RawIOBase):
    """A read-only stream that refuses to yield more than `limit` bytes."""

    def __init__(self, inner: BinaryIO, limit: int, name: str) -> None:
        self._inner = inner
        self._left = limit
        self._limit = limit
        self._name = name
        self._damage: Rejected | None = None

    def readable(self) -> bool:
        return True

    def readinto(self, buf: bytearray | memoryview) -> int:  # type: ignore[override]
        # read1, where there is one, returns what is decompressed so far: with read(), a stream
        # cut part way would lose the good data of the call that meets the cut.
        # The damage is reported one call late: the first time, the stream just ends, so that a
        # buffered reader above hands on what it already holds (a BufferedReader drops the data
        # of a read whose second refill raises, and a WARC parser reads ahead past a record).
        if self._damage is not None:
            raise self._damage
        read = getattr(self._inner, "read1", self._inner.read)
        try:
            data = read(min(len(buf), self._left + 1))
        except Exception as exc:  # EOFError, BadGzipFile, OSError; zstandard raises its own ZstdError
            self._damage = Rejected("truncated", f"{self._name}: compressed stream is damaged ({exc})")
            return 0
        if len(data) > self._left:
            raise Rejected(
                "too_large",
                f"{self._name}: decompresses to more than {self._limit:,} bytes (max_decompressed_bytes)",
            )
        self._left -= len(data)
        buf[: len(data)] = data
        return len(data)

    @property
    def damage(self) -> Rejected | None:
        """The error met at the end of what could be decompressed, once it has been met."""
        return self._damage

    def close(self) -> None:
        self._inner.close()
        super().close()


def damage_of(stream: BinaryIO) -> Rejected | None:
    """The damage a decompressed stream from `open_stream` has met so far (None: none, or plain)."""
    raw = getattr(stream, "raw", None)
    return raw.damage if isinstance(raw, LimitedReader) else None


class Utf8Transcoder(io.RawIOBase):
    """UTF-16 bytes in, UTF-8 bytes out, streaming: every reader then sees the encoding it expects.

    Without it a UTF-16 dump (Windows tools write them) is sniffed as one plain-text blob, and
    its record headers, JSON lines or CSV rows go unseen.
    """

    def __init__(self, inner: BinaryIO, encoding: str) -> None:
        self._inner = inner
        self._decoder = codecs.getincrementaldecoder(encoding)(errors="replace")
        self._pending = b""

    def readable(self) -> bool:
        return True

    def readinto(self, buf: bytearray | memoryview) -> int:  # type: ignore[override]
        while not self._pending:
            chunk = self._inner.read(1 << 16)
            self._pending = self._decoder.decode(chunk, final=not chunk).encode("utf-8")
            if not chunk:
                break
        n = min(len(buf), len(self._pending))
        buf[:n] = self._pending[:n]
        self._pending = self._pending[n:]
        return n

    def close(self) -> None:
        self._inner.close()
        super().close()


def utf16_of(head: bytes) -> str | None:
    """The codec for a UTF-16 stream, from its first bytes; None for anything else."""
    from dateline.read.decode import utf16_without_bom

    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    return utf16_without_bom(head)


def as_utf8(stream: BinaryIO, head: bytes) -> BinaryIO:
    """`stream` itself, or a UTF-8 view of it when it is UTF-16."""
    encoding = utf16_of(head)
    if encoding is None:
        return stream
    return io.BufferedReader(Utf8Transcoder(stream, encoding), buffer_size=1 << 16)  # type: ignore[return-value]


def compression_of(head: bytes) -> str | None:
    if head.startswith(GZIP_MAGIC):
        return "gzip"
    if head.startswith(ZSTD_MAGIC):
        return "zstd"
    return None


def inner_name(name: str) -> str:
    for ext in (".gz", ".gzip", ".zst", ".zstd"):
        if name.lower().endswith(ext):
            return name[: -len(ext)]
    return name


def open_stream(raw: BinaryIO, name: str, max_bytes: int) -> BinaryIO:
    """Wrap `raw` (which must support peek or be buffered) in the decompressor it needs."""
    buffered = raw if isinstance(raw, io.BufferedReader) else io.BufferedReader(raw)  # type: ignore[arg-type]
    kind = compression_of(buffered.peek(4)[:4])
    if kind == "gzip":
        inner: BinaryIO = gzip.GzipFile(fileobj=buffered, mode="rb")  # type: ignore[assignment]
    elif kind == "zstd":
        import zstandard

        inner = zstandard.ZstdDecompressor().stream_reader(buffered, read_across_frames=True)  # type: ignore[assignment]
    else:
        return buffered  # type: ignore[return-value]
    return io.BufferedReader(LimitedReader(inner, max_bytes, name), buffer_size=1 << 16)  # type: ignore[return-value]
