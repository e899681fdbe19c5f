"""Reuters-21578 (SGML, latin-1): stories with their DATE, TITLE, DATELINE and BODY.

The files are not well-formed XML (bare `&#3;` control references, stray `<` in titles), so
the elements are cut out with regular expressions rather than parsed.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from dateline.model import RawRecord, Source

_STORY = re.compile(r"<REUTERS\b(?P<attrs>[^>]*)>(?P<body>.*?)</REUTERS>", re.S)
_NEWID = re.compile(r'NEWID="(\d+)"')
_FIELD = {name: re.compile(rf"<{name}>(.*?)</{name}>", re.S) for name in ("DATE", "TITLE", "DATELINE", "BODY")}
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
_DATELINE_DATE = re.compile(rf",?\s*(?:{_MONTH}\s+\d{{1,2}}|\d{{1,2}}\s+{_MONTH})\s*-", re.I)
_INDENTED = re.compile(r"^(?: {2,}|\t)\S")
_SIGNOFF = re.compile(r"^\s*reuters?\s*$", re.I)
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f]")


@dataclass(slots=True)
class Story:
    newid: str
    file: str
    date: str
    title: str | None
    dateline: str | None  # as written, e.g. `    SALVADOR, Feb 26 - `
    body: str | None  # as written: hard-wrapped, indented paragraph starts, closing `Reuter`


def _field(name: str, text: str) -> str | None:
    m = _FIELD[name].search(text)
    return _CONTROL.sub("", html.unescape(m.group(1))) if m else None


def iter_stories(folder: Path) -> Iterator[Story]:
    for f in sorted(folder.glob("reut2-*.sgm")):
        data = f.read_text(encoding="latin-1")
        for m in _STORY.finditer(data):
            newid = _NEWID.search(m.group("attrs"))
            inner = m.group("body")
            yield Story(
                newid=newid.group(1) if newid else "?",
                file=f.name,
                date=(_field("DATE", inner) or "").strip(),
                title=_field("TITLE", inner),
                dateline=_field("DATELINE", inner),
                body=_field("BODY", inner),
            )


def to_record(story: Story) -> RawRecord:
    """The record a user would have: title, DATE as written, dateline then the body as is."""
    text = (story.dateline or "") + (story.body or "")
    return RawRecord(
        source=Source(story.file, int(story.newid) if story.newid.isdigit() else 0, "reuters"),
        text=text,
        date=story.date,
        title=story.title,
    )


def gold_place(dateline: str | None) -> str | None:
    """The place of a dateline: everything before its date (`RICHMOND, Va. Feb 26 -`)."""
    if not dateline or not dateline.strip():
        return None
    m = _DATELINE_DATE.search(dateline)
    head = dateline[: m.start()] if m else dateline.split(",")[0]
    place = " ".join(head.split()).rstrip(",")
    return place or None


def gold_date(date: str) -> str | None:
    """`26-FEB-1987 15:01:01.79` -> `1987-02-26`."""
    m = re.match(r"\s*(\d{1,2})-([A-Za-z]{3})-(\d{4})", date)
    if not m:
        return None
    months = "jan feb mar apr may jun jul aug sep oct nov dec".split()
    mon = m.group(2).lower()
    if mon not in months:
        return None
    return f"{m.group(3)}-{months.index(mon) + 1:02d}-{int(m.group(1)):02d}"


def gold_paragraphs(story: Story) -> list[str]:
    """The body split at its indented lines, lines joined, without the closing `Reuter`.

    The dateline stands before the first paragraph but is not part of it; a few DATELINE
    elements run on into the first words of the story, which then belong to the body.
    """
    lead = ""
    if story.dateline and (m := _DATELINE_DATE.search(story.dateline)):
        lead = story.dateline[m.end() :].strip()
    paragraphs: list[list[str]] = [[lead]] if lead else []
    lines = (story.body or "").split("\n")
    while lines and (not lines[-1].strip() or _SIGNOFF.match(lines[-1])):
        lines.pop()  # the closing `Reuter` stands on its own line, indented or not
    for line in lines:
        if not line.strip():
            continue
        if _INDENTED.match(line) or not paragraphs:
            paragraphs.append([])
        paragraphs[-1].append(line.strip())
    out = [" ".join(p) for p in paragraphs]
    while out and _SIGNOFF.match(out[-1]):
        out.pop()
    return out
