"""TimeML documents (TempEval-3 TimeBank and AQUAINT): text, creation time, gold TIMEX3s."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from dateline.eval.scoring import Item


@dataclass(slots=True)
class TimeDoc:
    id: str
    dct: str | None  # the creation time, YYYY-MM-DD
    text: str
    timexes: list[Item] = field(default_factory=list)  # label = TIMEX3 type, value = value


def _walk(elem: ET.Element, parts: list[str], pos: int, out: list[Item]) -> int:
    """Append the text under `elem` to parts and the TIMEX3 spans found to out."""
    start = pos
    if elem.text:
        parts.append(elem.text)
        pos += len(elem.text)
    for child in elem:
        pos = _walk(child, parts, pos, out)
        if child.tail:
            parts.append(child.tail)
            pos += len(child.tail)
    if elem.tag == "TIMEX3":
        out.append(Item(start, pos, elem.get("type"), elem.get("value")))
    return pos


def parse(path: Path) -> TimeDoc:
    root = ET.parse(path).getroot()
    dct = None
    for t in root.iter("TIMEX3"):
        if t.get("functionInDocument") == "CREATION_TIME":
            dct = (t.get("value") or "")[:10] or None
            break
    text_el = root.find("TEXT")
    parts: list[str] = []
    items: list[Item] = []
    if text_el is not None:
        _walk(text_el, parts, 0, items)
    text = "".join(parts)
    # The article's text starts at its first character; gold offsets move with it.
    lead = len(text) - len(text.lstrip())
    text = text.strip()
    items = [Item(i.start - lead, i.end - lead, i.label, i.value) for i in items]
    doc_id = root.findtext("DOCID") or path.stem
    return TimeDoc(doc_id.strip(), dct, text, sorted(items, key=lambda i: i.start))


def iter_docs(folder: Path) -> Iterator[TimeDoc]:
    """Every .tml file under folder (TimeBank/ and AQUAINT/ when given the timeml folder)."""
    for f in sorted(folder.rglob("*.tml")):
        yield parse(f)
