"""factRuEval-2016 (Russian news): each document's text and its named entities as gold spans.

`.spans` gives annotated pieces (id, type, character offset, length, ...); `.objects` builds
entities from them (id, type, span ids). We score names the way the Natasha authors turn this
corpus into NER gold (their `nerus` conversion): a Person is its whole extent (first name to
surname); an Org is each of its `org_name` pieces (not the descriptor: in `мэрии Москвы` the
organisation's name is not written, and `Москвы` is a place); a Location or LocOrg is each of
its `loc_name` pieces; of overlapping spans the first kept (`МИД Грузии`: the ORG, not the LOC
inside it). Types: Person -> PER, Org -> ORG, Location and LocOrg -> LOC.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from dateline.eval.scoring import Item

TYPES = {"Person": "PER", "Org": "ORG", "Location": "LOC", "LocOrg": "LOC"}
NAME_PIECE = {"Org": "org_name", "Location": "loc_name", "LocOrg": "loc_name"}


@dataclass(slots=True)
class RuDoc:
    id: str
    text: str
    entities: list[Item]


def _spans(path: Path) -> dict[str, tuple[str, int, int]]:
    out: dict[str, tuple[str, int, int]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        fields = line.partition("#")[0].split()
        if len(fields) >= 4:
            start = int(fields[2])
            out[fields[0]] = (fields[1], start, start + int(fields[3]))
    return out


def _gold(objects: Path, spans: dict[str, tuple[str, int, int]]) -> list[Item]:
    found: list[Item] = []
    for line in objects.read_text(encoding="utf-8").splitlines():
        fields = line.partition("#")[0].split()
        if len(fields) < 3 or fields[1] not in TYPES:
            continue
        kind, pieces = fields[1], [spans[s] for s in fields[2:] if s in spans]
        if not pieces:
            continue
        if kind == "Person":
            found.append(Item(min(p[1] for p in pieces), max(p[2] for p in pieces), TYPES[kind]))
        else:
            found += [Item(p[1], p[2], TYPES[kind]) for p in pieces if p[0] == NAME_PIECE[kind]]
    kept: list[Item] = []
    for item in sorted(found, key=lambda i: (i.start, -i.end)):
        if not any(k.start < item.end and item.start < k.end for k in kept):
            kept.append(item)
    return kept


def iter_docs(folder: Path) -> Iterator[RuDoc]:
    """The documents of `folder` (devset/ or the folder above it), in the order of their number."""
    if (folder / "devset").is_dir():
        folder = folder / "devset"
    texts = sorted(folder.glob("book_*.txt"), key=lambda p: int(p.stem.split("_")[1]))
    for txt in texts:
        spans = _spans(txt.with_suffix(".spans"))
        yield RuDoc(txt.stem, txt.read_text(encoding="utf-8"), _gold(txt.with_suffix(".objects"), spans))
