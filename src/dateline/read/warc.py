"""WARC files: each HTML response becomes a record; other responses are rejected by type."""

from __future__ import annotations

from collections.abc import Iterator
from typing import BinaryIO

from dateline.model import RawRecord, Rejected, Source
from dateline.read.decode import decode

_ARTICLE_TYPES = ("response", "resource", "conversion")


def read(stream: BinaryIO, path: str, max_record_bytes: int) -> Iterator[RawRecord]:
    from warcio.archiveiterator import ArchiveIterator

    record = 0
    try:
        records = ArchiveIterator(stream, arc2warc=True)
        for item in records:
            if item.rec_type not in _ARTICLE_TYPES:
                continue  # warcinfo, request and metadata records carry no article
            url = item.rec_headers.get_header("WARC-Target-URI")
            date = item.rec_headers.get_header("WARC-Date")
            headers = item.http_headers if item.http_headers is not None else item.rec_headers
            ctype = headers.get_header("Content-Type") or ""
            wanted = not ctype or "html" in ctype.lower() or "text/plain" in ctype.lower()
            body = item.content_stream().read(max_record_bytes + 1) if wanted else b""
            # Asked before the body is read, warcio skips the body to find the offset.
            offset = records.get_record_offset()
            src = Source(path=path, record=record, format="warc", offset=offset)
            record += 1
            if not wanted:
                yield RawRecord(source=src, url=url, error=Rejected("not_html", f"{url}: content type {ctype}"))
                continue
            if len(body) > max_record_bytes:
                too_large = Rejected("too_large", f"{url}: over {max_record_bytes:,} bytes")
                yield RawRecord(source=src, url=url, error=too_large)
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
