"""MEANTIME English (Wikinews, CC BY 4.0): text, creation date, gold names, times and amounts.

`meantime_en.jsonl` has one article a line with every span as character offsets into its
text. The source turned `£` into `#`; a `#` before a figure is turned back here (one
character for one, so no offset moves), so that pounds read as pounds.

MEANTIME annotates names, times and amounts in full only in the first sentences of each
article (the title and the first five sentences; later mentions carry no syntactic type and
are there for cross-document coreference only). A system mention past that extent can be
neither right nor wrong, so each document records where its annotated extent ends: the end
of the last fully annotated sentence, read from the NAF-like XML originals beside the JSONL
(`intra_cross-doc_annotation/*/<doc_id>_*.xml`), their tokens aligned with the text in order.
Without the originals the whole text counts.
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path

from dateline.eval.scoring import Item, amount_key, parse_amount

_POUND = re.compile(r"#(?=\s?\d)")
_DAY_FIRST = re.compile(r"(\d\d)-(\d\d)-(\d{4})")
ANNOTATED_SENTENCES = 6  # title + five sentences: the guidelines' extent for full annotation
_FULL = ("TIMEX3", "VALUE", "SIGNAL")  # markables annotated only inside the extent


def iso(value: str | None) -> str | None:
    """One creation date is written day first (`03-02-2009` for February 3): made ISO."""
    m = _DAY_FIRST.fullmatch(value or "")
    return f"{m[3]}-{m[2]}-{m[1]}" if m else value


@dataclass(slots=True)
class MeantimeDoc:
    id: str
    dct: str | None
    title: str | None
    text: str
    # label: PER ORG LOC PRO FIN; value: the cross-document instance id; NAM only
    names: list[Item] = field(default_factory=list)
    unsure: list[Item] = field(default_factory=list)  # mentions not marked NAM nor anything else
    timexes: list[Item] = field(default_factory=list)  # label: TIMEX3 type; value: its value
    amounts: list[Item] = field(default_factory=list)  # label: MONEY | PERCENT; value: key
    extent: int | None = None  # end of the fully annotated sentences; None: the whole text

    def within(self, items: list[Item]) -> list[Item]:
        """The system items that start inside the annotated extent."""
        return items if self.extent is None else [i for i in items if i.start < self.extent]


def annotated_extent(xml: Path, text: str) -> int | None:
    """Character end of the last fully annotated sentence, or None when tokens do not align.

    The extent is the first `ANNOTATED_SENTENCES` sentences, or further when a markable that
    is only annotated in full (a time, an amount, a typed entity mention) lies beyond them.
    """
    root = ET.parse(xml).getroot()
    tokens = [(t.get("t_id"), int(t.get("sentence") or 0), t.text or "") for t in root.iter("token")]
    sentence = {tid: s for tid, s, _ in tokens}
    last = ANNOTATED_SENTENCES - 1
    markables = root.find("Markables")
    for m in markables if markables is not None else []:
        full = m.tag in _FULL or (m.tag == "ENTITY_MENTION" and m.get("syntactic_type"))
        ids = [a.get("t_id") for a in m.iter("token_anchor")]
        if full and ids:
            last = max(last, *(sentence.get(i, 0) for i in ids))
    end, cursor = 0, 0
    for _, s, word in tokens:
        at = text.find(word, cursor)
        if at < 0:
            return None
        cursor = at + len(word)
        if s <= last:
            end = cursor
    return end


def _originals(path: Path) -> dict[str, Path]:
    base = path if path.is_dir() else path.parent
    return {
        x.name.split("_", 1)[0]: x for x in sorted(base.glob("intra_cross-doc_annotation/*/*.xml"))
    }


def parse_line(line: str, originals: dict[str, Path] | None = None) -> MeantimeDoc:
    d = json.loads(line)
    text = _POUND.sub("£", d["text"])
    names, unsure = [], []
    for e in d.get("entities") or []:
        if e.get("start") is None:
            continue
        item = Item(e["start"], e["end"], e.get("type"))
        if e.get("syntactic_type") == "NAM" and e.get("type"):
            names.append(replace(item, value=e.get("instance_id") or None))
        elif e.get("syntactic_type") in (None, "", "PRE.NAM"):
            # No syntactic type (None past the annotated extent; empty in much of the airbus
            # and gm sub-corpora, on names and common nouns alike) or a name used as a
            # modifier (`US` in `US airtanker`): neither scored nor held against a system.
            unsure.append(item)
    timexes = [
        Item(t["start"], t["end"], t.get("type"), iso(t.get("value")))
        for t in d.get("timexes") or []
        if t.get("start") is not None
    ]
    amounts = []
    for v in d.get("values") or []:
        if v.get("type") not in ("MONEY", "PERCENT") or v.get("start") is None:
            continue
        value, unit = parse_amount(text[v["start"] : v["end"]])
        amounts.append(Item(v["start"], v["end"], v["type"], amount_key(value, unit)))
    xml = (originals or {}).get(str(d["doc_id"]))
    return MeantimeDoc(
        str(d["doc_id"]),
        iso(d.get("dct")),
        d.get("title"),
        text,
        sorted(names, key=lambda i: i.start),
        unsure,
        sorted(timexes, key=lambda i: i.start),
        sorted(amounts, key=lambda i: i.start),
        annotated_extent(xml, d["text"]) if xml else None,  # the tokens still read `#`
    )


def iter_docs(path: Path) -> Iterator[MeantimeDoc]:
    f = path / "meantime_en.jsonl" if path.is_dir() else path
    originals = _originals(path)
    with f.open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                yield parse_line(line, originals)
