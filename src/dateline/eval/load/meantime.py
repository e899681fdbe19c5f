"""MEANTIME English (Wikinews, CC BY 4.0): text, creation date, gold names, times and amounts.

`meantime_en.jsonl` has one article a line with every span as character offsets into its
text. The source turned `£` into `#`; a `#` before a figure is turned back here (one
character for one, so no offset moves), so that pounds read as pounds.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from dateline.eval.scoring import Item, amount_key, parse_amount

_POUND = re.compile(r"#(?=\s?\d)")
_DAY_FIRST = re.compile(r"(\d\d)-(\d\d)-(\d{4})")


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
    names: list[Item] = field(default_factory=list)  # label: PER ORG LOC PRO FIN; NAM only
    unsure: list[Item] = field(default_factory=list)  # mentions not marked NAM nor anything else
    timexes: list[Item] = field(default_factory=list)  # label: TIMEX3 type; value: its value
    amounts: list[Item] = field(default_factory=list)  # label: MONEY | PERCENT; value: key


def parse_line(line: str) -> MeantimeDoc:
    d = json.loads(line)
    text = _POUND.sub("£", d["text"])
    names, unsure = [], []
    for e in d.get("entities") or []:
        if e.get("start") is None:
            continue
        item = Item(e["start"], e["end"], e.get("type"))
        if e.get("syntactic_type") == "NAM" and e.get("type"):
            names.append(item)
        elif e.get("syntactic_type") in (None, "PRE.NAM"):
            # No syntactic type (part of the corpus lacks it) or a name used as a modifier
            # (`US` in `US airtanker`): neither scored nor held against a system.
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
    return MeantimeDoc(
        str(d["doc_id"]),
        iso(d.get("dct")),
        d.get("title"),
        text,
        sorted(names, key=lambda i: i.start),
        unsure,
        sorted(timexes, key=lambda i: i.start),
        sorted(amounts, key=lambda i: i.start),
    )


def iter_docs(path: Path) -> Iterator[MeantimeDoc]:
    f = path / "meantime_en.jsonl" if path.is_dir() else path
    with f.open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                yield parse_line(line)
