"""Opening inputs: plain, gzip or zstd, with a cap on decompressed size (gzip bombs)."""

from __future__ import annotations

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

    def readable(self) -> bool:
        return True

    def readinto(self, buf: bytearray | memoryview) -> int:  # type: ignore[override]
        try:
            data = self._inner.read(min(len(buf), self._left + 1))
        except (EOFError, gzip.BadGzipFile, OSError) as exc:
            raise Rejected("truncated", f"{self._name}: compressed stream is damaged ({exc})") from exc
        except Exception as exc:  # zstandard raises its own ZstdError
            raise Rejected("truncated", f"{self._name}: compressed stream is damaged ({exc})") from exc
        if len(data) > self._left:
            raise Rejected(
                "too_large",
                f"{self._name}: decompresses to more than {self._limit:,} bytes (max_decompressed_bytes)",
            )
        self._left -= len(data)
        buf[: len(data)] = data
        return len(data)

    def close(self) -> None:
        self._inner.close()
        super().close()


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
