"""The one record type of dateline, and the facts it carries.

Everything in the pipeline moves `RawRecord`s (what a reader saw) and `Article`s (what the
cleaner made of one). Facts are spans of `Article.text`: `start`/`end` are end-exclusive
character offsets into the clean text, never copies that could drift from it.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields
from typing import Any


class Rejected(Exception):
    """A record that cannot become an article; `reason` is a short code users can count by."""

    def __init__(self, reason: str, detail: str = "") -> None:
        super().__init__(f"{reason}: {detail}" if detail else reason)
        self.reason = reason
        self.detail = detail

    def __reduce__(self) -> tuple[type, tuple[str, str]]:
        # Exceptions pickle their `args` by default; ours must survive a trip to a worker.
        return (Rejected, (self.reason, self.detail))


@dataclass(slots=True)
class Source:
    """Where a record came from: a file (or `-`), its record number, and the format read."""

    path: str
    record: int
    format: str
    offset: int | None = None  # byte or line offset inside the file, where the format has one

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(slots=True)
class RawRecord:
    """One record as a reader yields it, before any cleaning."""

    source: Source
    text: str | None = None
    html: str | None = None
    date: str | None = None  # as written in the input; the cleaner normalises it
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    error: Rejected | None = None  # set by a reader that could not decode the record
    stored: bool = False  # this very source, unchanged, is in the archive already: nothing to do

    @property
    def raw(self) -> str:
        return self.text if self.text is not None else (self.html or "")


@dataclass(slots=True)
class Span:
    start: int
    end: int


@dataclass(slots=True)
class Dateline:
    text: str
    place: str | None
    agency: str | None
    date: str | None = None  # a date written inside the dateline (`SALVADOR, Feb 26 -`)


@dataclass(slots=True)
class Notice:
    text: str
    refers_to: str | None


@dataclass(slots=True)
class Removed:
    """Text the cleaner took off the body, kept so nothing is silently lost."""

    text: str
    reason: str  # boilerplate | signoff | duplicate | empty


@dataclass(slots=True)
class Mention:
    start: int
    end: int
    text: str


@dataclass(slots=True)
class Entity:
    id: str
    name: str
    type: str
    aliases: list[str] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)
    country: str | None = None
    mentions: list[Mention] = field(default_factory=list)


@dataclass(slots=True)
class Quote:
    text: str
    kind: str  # direct | indirect
    speaker: str | None
    speaker_entity: str | None
    start: int
    end: int
    cue: str | None = None


@dataclass(slots=True)
class Amount:
    text: str
    value: float | None
    unit: str | None
    qualifier: str | None
    counted: str | None
    start: int
    end: int


@dataclass(slots=True)
class Time:
    text: str
    value: str | None
    start: int
    end: int
    type: str = "DATE"  # DATE | TIME | DURATION | SET, as in TimeML


@dataclass(slots=True)
class Event:
    actor: str | None
    action: str
    target: str | None
    place: str | None
    time: str | None
    sentence_start: int
    sentence_end: int


@dataclass(slots=True)
class Cluster:
    id: str
    kind: str  # unique | exact | near
    size: int


@dataclass(slots=True)
class Article:
    id: str
    source: Source
    text: str
    paragraphs: list[Span]
    published: str | None = None
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    dateline: Dateline | None = None
    notices: list[Notice] = field(default_factory=list)
    repairs: dict[str, int] = field(default_factory=dict)
    removed: list[Removed] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    amounts: list[Amount] = field(default_factory=list)
    times: list[Time] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    cluster: Cluster | None = None
    extra_sources: list[Source] = field(default_factory=list)

    def paragraph_texts(self) -> list[str]:
        return [self.text[p.start : p.end] for p in self.paragraphs]

    def to_dict(self) -> dict[str, Any]:
        """The article contract of DESIGN.md, as plain JSON-ready data."""
        out: dict[str, Any] = {
            "id": self.id,
            "source": self.source.to_dict(),
            "published": self.published,
            "title": self.title,
            "url": self.url,
            "outlet": self.outlet,
            "dateline": _dateline_dict(self.dateline),
            "text": self.text,
            "paragraphs": [{"start": p.start, "end": p.end} for p in self.paragraphs],
            "notices": [asdict(n) for n in self.notices],
            "repairs": dict(self.repairs),
            "removed": [asdict(r) for r in self.removed],
            "warnings": list(self.warnings),
            "entities": [asdict(e) for e in self.entities],
            "quotes": [asdict(q) for q in self.quotes],
            "amounts": [asdict(a) for a in self.amounts],
            "times": [asdict(t) for t in self.times],
            "events": [asdict(e) for e in self.events],
            "cluster": asdict(self.cluster) if self.cluster else None,
        }
        if self.extra_sources:
            out["extra_sources"] = [s.to_dict() for s in self.extra_sources]
        return out

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Article:
        dl = d.get("dateline")
        return cls(
            id=d["id"],
            source=Source(**d["source"]),
            text=d["text"],
            paragraphs=[Span(p["start"], p["end"]) for p in d.get("paragraphs", [])],
            published=d.get("published"),
            title=d.get("title"),
            url=d.get("url"),
            outlet=d.get("outlet"),
            dateline=Dateline(**_only(Dateline, dl)) if dl else None,
            notices=[Notice(**n) for n in d.get("notices", [])],
            repairs=dict(d.get("repairs", {})),
            removed=[Removed(**r) for r in d.get("removed", [])],
            warnings=list(d.get("warnings", [])),
            entities=[
                Entity(**{**e, "mentions": [Mention(**m) for m in e.get("mentions", [])]})
                for e in d.get("entities", [])
            ],
            quotes=[Quote(**q) for q in d.get("quotes", [])],
            amounts=[Amount(**a) for a in d.get("amounts", [])],
            times=[Time(**t) for t in d.get("times", [])],
            events=[Event(**e) for e in d.get("events", [])],
            cluster=Cluster(**d["cluster"]) if d.get("cluster") else None,
            extra_sources=[Source(**s) for s in d.get("extra_sources", [])],
        )


def _dateline_dict(dl: Dateline | None) -> dict[str, Any] | None:
    if dl is None:
        return None
    return {"text": dl.text, "place": dl.place, "agency": dl.agency, "date": dl.date}


def _only(cls: type, d: dict[str, Any]) -> dict[str, Any]:
    names = {f.name for f in fields(cls)}
    return {k: v for k, v in d.items() if k in names}
