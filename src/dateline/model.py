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


# PLOVER's four quad categories, by short code: verbal/material x cooperation/conflict.
QUADS: dict[str, str] = {
    "VCOOP": "verbal cooperation", "MCOOP": "material cooperation",
    "VCONF": "verbal conflict", "MCONF": "material conflict",
}

# The 16 PLOVER event types and their quad, as the PLOVER manual groups them.
EVENT_TYPES: dict[str, str] = {
    "AGREE": "VCOOP", "CONSULT": "VCOOP", "SUPPORT": "VCOOP", "CONCEDE": "VCOOP",
    "COOPERATE": "MCOOP", "AID": "MCOOP", "RETREAT": "MCOOP",
    "REQUEST": "VCONF", "ACCUSE": "VCONF", "REJECT": "VCONF", "THREATEN": "VCONF",
    "PROTEST": "MCONF", "SANCTION": "MCONF", "MOBILIZE": "MCONF", "COERCE": "MCONF",
    "ASSAULT": "MCONF",
}

# An event's flags, in this order: `negated` (`did not attack`), `hedged` (`may impose`,
# `reportedly`), `future` (`will meet`, `plans to`), `claimed` (told by a source, not seen).
EVENT_FLAGS = ("negated", "hedged", "future", "claimed")


@dataclass(slots=True)
class Party:
    """One side of an event: the words that name it, the article entity they are (an id in
    `Article.entities`), its country (ISO alpha-3, or a body: EU, UN, NATO, AU, IGO) and its
    sector (GOV, MIL, COP, REB, OPP, CVL, BUS, MED, IGO, NGO, JUD, REL, EDU, HLH)."""

    text: str
    entity: str | None = None
    country: str | None = None
    sector: str | None = None


@dataclass(slots=True)
class Place:
    text: str
    country: str | None = None


@dataclass(slots=True)
class Claim:
    """Who reports the event (`X said Y attacked Z`: X), and the article quote it is in."""

    speaker: str | None = None
    quote: int | None = None  # index into `Article.quotes`


@dataclass(slots=True)
class Event:
    """A PLOVER-coded event, once per article: every sentence reporting it is a mention."""

    type: str  # one of EVENT_TYPES
    quad: str  # one of QUADS
    actor: Party | None
    recipient: Party | None
    mentions: list[Span]
    mode: str | None = None  # how, where PLOVER has modes: ASSAULT aerial, PROTEST hunger ...
    place: Place | None = None
    date: str | None = None
    date_from: str = "published"  # text | published
    flags: list[str] = field(default_factory=list)
    source: Claim | None = None
    trigger: str | None = None  # the event word(s) as written: `shelled`, `talks`
    instrument: str | None = None  # the words that gave the mode: `car bomb`, `rifles`

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Event | None:
        """An event as stored, or None for the old uncoded subject-verb-object shape."""
        if "type" not in d or "quad" not in d:
            return None

        def party(x: dict[str, Any] | None) -> Party | None:
            return Party(**_only(Party, x)) if x else None

        return cls(
            type=d["type"], quad=d["quad"], actor=party(d.get("actor")),
            recipient=party(d.get("recipient")),
            mentions=[Span(m["start"], m["end"]) for m in d.get("mentions", [])],
            mode=d.get("mode"),
            place=Place(**_only(Place, d["place"])) if d.get("place") else None,
            date=d.get("date"), date_from=d.get("date_from") or "published",
            flags=list(d.get("flags", [])),
            source=Claim(**_only(Claim, d["source"])) if d.get("source") else None,
            trigger=d.get("trigger"), instrument=d.get("instrument"),
        )


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
            "events": [e.to_dict() for e in self.events],
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
            events=_events(d.get("events", [])),
            cluster=Cluster(**d["cluster"]) if d.get("cluster") else None,
            extra_sources=[Source(**s) for s in d.get("extra_sources", [])],
        )


def _dateline_dict(dl: Dateline | None) -> dict[str, Any] | None:
    if dl is None:
        return None
    return {"text": dl.text, "place": dl.place, "agency": dl.agency, "date": dl.date}


def _events(ds: list[dict[str, Any]]) -> list[Event]:
    # Archives written before events were coded hold subject-verb-object triples: they were
    # never events in the PLOVER sense, so they are dropped rather than guessed into types.
    return [e for e in (Event.from_dict(d) for d in ds) if e is not None]


def _only(cls: type, d: dict[str, Any]) -> dict[str, Any]:
    names = {f.name for f in fields(cls)}
    return {k: v for k, v in d.items() if k in names}
