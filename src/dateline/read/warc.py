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
        for item in ArchiveIterator(stream, arc2warc=True):
            if item.rec_type not in _ARTICLE_TYPES:
                continue  # warcinfo, request and metadata records carry no article
            offset = item.stream.tell() if hasattr(item.stream, "tell") else None
            src = Source(path=path, record=record, format="warc", offset=offset)
            record += 1
            url = item.rec_headers.get_header("WARC-Target-URI")
            date = item.rec_headers.get_header("WARC-Date")
            ctype = ""
            if item.http_headers is not None:
                ctype = item.http_headers.get_header("Content-Type") or ""
            else:
                ctype = item.rec_headers.get_header("Content-Type") or ""
            if ctype and "html" not in ctype.lower() and "text/plain" not in ctype.lower():
                yield RawRecord(source=src, url=url, error=Rejected("not_html", f"{url}: content type {ctype}"))
                continue
            body = item.content_stream().read(max_record_bytes + 1)
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
