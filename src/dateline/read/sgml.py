"""Wire-service SGML collections: Reuters-21578's `<REUTERS>` records, one record each.

A story carries its DATE, TITLE, DATELINE (`SALVADOR, Feb 26 - `) and BODY as elements, and its
topics, places, people, organisations and exchanges as `<D>` lists, kept as the record's tags
(`topic:cocoa`, `place:el-salvador`). The files are not well-formed XML (bare `&#3;` control
references, stray `<` in titles), so records are cut out by their tags, not parsed; and they
are read a record at a time, so a 1.3 MB collection is never held or cleaned as one page.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from typing import BinaryIO

from dateline.model import RawRecord, Rejected, Source
from dateline.read.dated import _lines
from dateline.read.decode import decode
from dateline.read.options import ReadOptions

_OPEN = re.compile(rb"<REUTERS\b", re.I)
_CLOSE = re.compile(rb"</REUTERS\s*>", re.I)
_FIELD = {name: re.compile(rf"<{name}\b[^>]*>(.*?)</{name}\s*>", re.S | re.I)
          for name in ("DATE", "TITLE", "DATELINE", "BODY", "TEXT", "AUTHOR")}
_LISTS = {"TOPICS": "topic", "PLACES": "place", "PEOPLE": "person", "ORGS": "org", "EXCHANGES": "exchange"}
_LIST = {name: re.compile(rf"<{name}\b[^>]*>(.*?)</{name}\s*>", re.S | re.I) for name in _LISTS}
_D = re.compile(r"<D>(.*?)</D>", re.S | re.I)
_TAG = re.compile(r"<[^>]*>")
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f]")
_NEWID = re.compile(r'NEWID="(\d+)"', re.I)


def looks_like(head: bytes) -> bool:
    """Reuters-21578 and files built like it: `<REUTERS ...>` records near the top."""
    return _OPEN.search(head) is not None


def _unescape(text: str) -> str:
    return _CONTROL.sub("", html.unescape(text))


def _field(name: str, story: str) -> str | None:
    m = _FIELD[name].search(story)
    return _unescape(m.group(1)) if m else None


def _tags(story: str) -> list[str]:
    tags = []
    for name, kind in _LISTS.items():
        m = _LIST[name].search(story)
        if m:
            tags.extend(f"{kind}:{_unescape(d).strip()}" for d in _D.findall(m.group(1)) if d.strip())
    return tags


def to_record(story: str, src: Source) -> RawRecord:
    """One story's text: the dateline then the body as written (the clean stage takes the
    dateline off the lead, as it does for any wire copy); an unprocessed story has only TEXT."""
    dateline, body = _field("DATELINE", story), _field("BODY", story)
    if body is None and dateline is None and (raw := _field("TEXT", story)) is not None:
        # TYPE="UNPROC": the text stands in TEXT, untagged; a BRIEF has only its TITLE there.
        rest = _TAG.sub(" ", _FIELD["TITLE"].sub(" ", raw))
        body = rest if any(c.isalnum() for c in rest) else None
    title = _field("TITLE", story)
    author = _field("AUTHOR", story)
    rec = RawRecord(
        source=src, date=(_field("DATE", story) or "").strip() or None,
        title=" ".join(title.split()) if title else None, tags=_tags(story),
        authors=[_unescape(author).strip().removeprefix("By ").strip()] if author and author.strip() else [],
    )
    text = (dateline or "") + (body or "")
    if not text.strip():
        rec.error = Rejected("no_text", "a story with a title only (no DATELINE or BODY)")
    else:
        rec.text = text
    return rec


def read(stream: BinaryIO, path: str, opts: ReadOptions) -> Iterator[RawRecord]:
    cap = opts.max_record_bytes
    record = 0
    buf: list[bytes] | None = None
    size, start, over = 0, 0, False
    for lineno, (line, cut) in enumerate(_lines(stream, cap), 1):
        if buf is None:
            m = _OPEN.search(line)
            if m is None:
                continue  # the collection's own wrapper, a DOCTYPE, blank lines
            buf, size, start, over = [line[m.start():]], len(line), lineno, cut
        else:
            size += len(line)
            over = over or cut or size > cap
            if not over:
                buf.append(line)
        if not _CLOSE.search(line):
            continue
        src = Source(path=path, record=record, format="sgml", offset=start)
        record += 1
        data = b"".join(buf)
        buf = None
        if over:
            yield RawRecord(source=src, error=Rejected("too_large", f"line {start}: a story over {cap:,} bytes"))
            continue
        try:
            story, _ = decode(data)
        except Rejected as exc:
            yield RawRecord(source=src, error=exc)
            continue
        newid = _NEWID.search(story[:300])
        rec = to_record(story, src)
        if newid:
            rec.tags.insert(0, f"newid:{newid.group(1)}")
        yield rec
    if buf is not None:
        src = Source(path=path, record=record, format="sgml", offset=start)
        yield RawRecord(source=src, error=Rejected("truncated", f"line {start}: the file ends inside a story"))
