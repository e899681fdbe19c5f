"""WARC files: each HTML response becomes a record; other responses are rejected by type.

Two kinds of damage are met in real crawls and handled here rather than in warcio: regions of
zero bytes where a record should start (a sparse or preallocated file, a disk image), which
warcio would read as one endless line, held whole; and a record cut short by the end of the
file (a crawl stopped mid-write, a gzip cut part way), whose body is short of its length.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, BinaryIO

from dateline.model import RawRecord, Rejected, Source
from dateline.read.decode import decode
from dateline.read.options import ReadOptions

_ARTICLE_TYPES = ("response", "resource", "conversion")
_LINE = 1 << 16  # the longest header or filler line read at once: no line is held whole


def _skip_zeros(stream: BinaryIO) -> None:
    """Read past zero bytes at the head of the stream, a buffer at a time."""
    peek = getattr(stream, "peek", None)
    while peek is not None:
        head = peek(_LINE)[:_LINE]
        zeros = len(head) - len(head.lstrip(b"\0"))
        if not zeros:
            return
        stream.read(zeros)


def _iterator(stream: BinaryIO) -> Any:
    from warcio.archiveiterator import ArchiveIterator

    class ZeroSkipping(ArchiveIterator):  # type: ignore[misc]
        """warcio's iterator, with the gap between records read in bounded lines and zero
        filler skipped as the blank lines between records are."""

        def _consume_blanklines(self) -> tuple[bytes | None, int]:
            empty_size = 0
            first_line = True
            while True:
                line = self.reader.readline(_LINE)
                if not line:
                    return None, empty_size
                body = line.lstrip(b"\0")
                empty_size += len(line) - len(body)
                if not body:
                    continue  # zero filler, read a buffer at a time
                # As warcio does: blank lines end a record, and the first line after its
                # length is taken as one of them even when it is not blank (a wrong length).
                if not body.strip() or (first_line and body is line):
                    empty_size += len(body)
                    first_line = False
                    continue
                return body, empty_size

    return ZeroSkipping(stream, arc2warc=True)


def read(stream: BinaryIO, path: str, opts: ReadOptions) -> Iterator[RawRecord]:
    cap = opts.max_record_bytes
    record = 0
    try:
        _skip_zeros(stream)
        records = _iterator(stream)
        for item in records:
            if item.rec_type not in _ARTICLE_TYPES:
                continue  # warcinfo, request and metadata records carry no article
            url = item.rec_headers.get_header("WARC-Target-URI")
            date = item.rec_headers.get_header("WARC-Date")
            headers = item.http_headers if item.http_headers is not None else item.rec_headers
            ctype = headers.get_header("Content-Type") or ""
            wanted = not ctype or "html" in ctype.lower() or "text/plain" in ctype.lower()
            body = item.content_stream().read(cap + 1) if wanted else b""
            cut = wanted and len(body) <= cap and getattr(item.raw_stream, "limit", 0) > 0
            # Asked before the body is read, warcio skips the body to find the offset.
            offset = records.get_record_offset()
            src = Source(path=path, record=record, format="warc", offset=offset)
            record += 1
            if not wanted:
                yield RawRecord(source=src, url=url, error=Rejected("not_html", f"{url}: content type {ctype}"))
                continue
            if cut:
                yield RawRecord(source=src, url=url, error=Rejected(
                    "truncated", f"{url}: the file ends inside this record"))
                continue
            if len(body) > cap:
                yield RawRecord(source=src, url=url, error=Rejected("too_large", f"{url}: over {cap:,} bytes"))
                continue
            rec = RawRecord(source=src, url=url, date=date)
            try:
                text, _ = decode(body)
            except Rejected as exc:
                rec.error = exc
            else:
                if "text/plain" in ctype.lower():
                    rec.text = text
                else:
                    rec.html = text
            yield rec
    except Rejected:
        raise
    except Exception as exc:  # warcio raises a variety of parse errors on damaged files
        yield RawRecord(source=Source(path, record, "warc", None), error=Rejected("malformed_warc", str(exc)))
