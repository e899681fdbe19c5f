"""The one record type of dateline, and the facts it carries.

Everything in the pipeline moves `RawRecord`s (what a reader saw) and `Article`s (what the
cleaner made of one). Facts are spans of `Article.text`: `start`/`end` are end-exclusive
character offsets into the clean text, never copies that could drift from it.
"""

from __future__ import annotations

from dataclasses import asdict, field, fields
from typing import Any

from dateline.record import record

# Every dataclass here has a docstring: for one without, `dataclass` writes one from
# `inspect.signature` at import, a cost every command (a read command's start-up) pays.


class Rejected(Exception):
    """A record that cannot become an article; `reason` is a short code users can count by."""

    def __init__(self, reason: str, detail: str = "") -> None:
        super().__init__(f"{reason}: {detail}" if detail else reason)
        self.reason = reason
        self.detail = detail

    def __reduce__(self) -> tuple[type, tuple[str, str]]:
        # Exceptions pickle their `args` by default; ours must survive a trip to a worker.
        return (Rejected, (self.reason, self.detail))


@record
class Source:
    """Where a record came from: a file (or `-`), its record number, and the format read."""

    path: str
    record: int
    format: str
    offset: int | None = None  # byte or line offset inside the file, where the format has one

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@record
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
    authors: list[str] = field(default_factory=list)  # bylines, without "By"
    section: str | None = None
    language: str | None = None  # ISO 639-1, when the record gives it
    image: str | None = None
    description: str | None = None
    # Labels a format carries beside the text (Reuters-21578 topics and places: `topic:cocoa`).
    tags: list[str] = field(default_factory=list)
    # A record rejected for having no text keeps the names of the fields it had, so that the
    # ingest summary can suggest the `--field text=NAME` that was meant.
    fields_seen: tuple[str, ...] = ()
    stored: bool = False  # this very source, unchanged, is in the archive already: nothing to do

    @property
    def raw(self) -> str:
        return self.text if self.text is not None else (self.html or "")


@record
class Span:
    """A stretch of the clean text: character offsets, end exclusive."""

    start: int
    end: int


@record
class Location:
    """A place resolved to the gazetteer (`dateline.places`): its id there (`geonames:2988507`,
    or `iso:DE-BY` for a region GeoNames does not ship), its name, its kind (country, region =
    first-level division, city), its ISO 3166-1 alpha-3 country, its ISO 3166-2 region where
    known, and where it is (decimal degrees; None where no shipped table says)."""

    id: str
    name: str
    kind: str
    country: str
    region: str | None = None
    lat: float | None = None
    lon: float | None = None


@record
class ArticlePlace(Location):
    """A place of one article: how often its entities name it, and whether it is the dateline's."""

    mentions: int = 0
    dateline: bool = False


def _location(d: dict[str, Any] | None) -> Location | None:
    return Location(**_only(Location, d)) if d else None


@record
class Dateline:
    """The dateline that opened the story (`PARIS, March 3 (Reuters) -`), cut from the text."""

    text: str
    place: str | None
    agency: str | None
    date: str | None = None  # a date written inside the dateline (`SALVADOR, Feb 26 -`)
    day: str | None = None  # that date resolved against the publication date (`2021-02-26`)
    location: Location | None = None  # the place resolved to the gazetteer


@record
class Notice:
    """A publisher's note found in the record (a correction, an editor's note) and what it is about."""

    text: str
    refers_to: str | None


@record
class Removed:
    """Text the cleaner took off the body, kept so nothing is silently lost."""

    text: str
    reason: str  # boilerplate | signoff | duplicate | empty


@record
class Mention:
    """One place in the clean text where an entity is named."""

    start: int
    end: int
    text: str


@record
class Entity:
    """A person, organisation, place or other named thing, with every mention of it in the article."""

    id: str
    name: str
    type: str
    aliases: list[str] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)
    country: str | None = None
    mentions: list[Mention] = field(default_factory=list)
    place: Location | None = None  # GPE, LOC, FAC: the place it names, resolved to the gazetteer


@record
class Quote:
    """Words attributed to a speaker, direct or reported, with where they stand in the text."""

    text: str
    kind: str  # direct | indirect
    speaker: str | None
    speaker_entity: str | None
    start: int
    end: int
    cue: str | None = None


@record
class Amount:
    """An amount of money or a count, with its value, unit and what it counts."""

    text: str
    value: float | None
    unit: str | None
    qualifier: str | None
    counted: str | None
    start: int
    end: int


@record
class Time:
    """A date or time the text names, with its value resolved where the article's date allows."""

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


@record
class Party:
    """One side of an event: the words that name it, the article entity they are (an id in
    `Article.entities`), its country (ISO alpha-3, or a body: EU, UN, NATO, AU, IGO) and its
    sector (GOV, MIL, COP, REB, OPP, CVL, BUS, MED, IGO, NGO, JUD, REL, EDU, HLH)."""

    text: str
    entity: str | None = None
    country: str | None = None
    sector: str | None = None


@record
class Place:
    """Where an event happened: the place as written (`Kirkuk`), its country (ISO alpha-3), and
    where the places stage resolved it to the gazetteer, that entry's id and coordinates (None
    for a place it left unresolved, or a region no shipped table places)."""

    text: str
    country: str | None = None
    id: str | None = None
    lat: float | None = None
    lon: float | None = None


@record
class Claim:
    """Who reports the event (`X said Y attacked Z`: X), and the article quote it is in."""

    speaker: str | None = None
    quote: int | None = None  # index into `Article.quotes`


@record
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


@record
class Cluster:
    """The copies an article belongs to: itself alone, exact copies, or near copies."""

    id: str
    kind: str  # unique | exact | near
    size: int


@record
class StoryRef:
    """The story thread an article is in: articles about the same real-world event, any wording."""

    id: int
    label: str | None
    size: int


@record
class Article:
    """One clean article: its text, where it was read, and every fact as a span of its text."""

    id: str
    source: Source
    text: str
    paragraphs: list[Span]
    published: str | None = None
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    authors: list[str] = field(default_factory=list)
    section: str | None = None
    language: str | None = None
    image: str | None = None
    description: str | None = None
    tags: list[str] = field(default_factory=list)
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
    story: StoryRef | None = None
    extra_sources: list[Source] = field(default_factory=list)

    @property
    def places(self) -> list[ArticlePlace]:
        """The article's resolved places, one per gazetteer entry, from its entities and dateline."""
        found: dict[str, ArticlePlace] = {}
        located = [(e.place, len(e.mentions), False) for e in self.entities if e.place is not None]
        if self.dateline is not None and self.dateline.location is not None:
            located.append((self.dateline.location, 0, True))
        for loc, mentions, dateline in located:
            p = found.setdefault(loc.id, ArticlePlace(**asdict(loc)))
            p.mentions += mentions
            p.dateline = p.dateline or dateline
        return list(found.values())

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
            "authors": list(self.authors),
            "language": self.language,
            "section": self.section,
            "description": self.description,
            "image": self.image,
            "tags": list(self.tags),
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
            "story": asdict(self.story) if self.story else None,
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
            authors=list(d.get("authors") or []),
            section=d.get("section"),
            language=d.get("language"),
            image=d.get("image"),
            description=d.get("description"),
            tags=list(d.get("tags") or []),
            dateline=Dateline(**{**_only(Dateline, dl), "location": _location(dl.get("location"))}) if dl else None,
            notices=[Notice(**n) for n in d.get("notices", [])],
            repairs=dict(d.get("repairs", {})),
            removed=[Removed(**r) for r in d.get("removed", [])],
            warnings=list(d.get("warnings", [])),
            entities=[
                Entity(**{**e, "mentions": [Mention(**m) for m in e.get("mentions", [])],
                          "place": _location(e.get("place"))})
                for e in d.get("entities", [])
            ],
            quotes=[Quote(**q) for q in d.get("quotes", [])],
            amounts=[Amount(**a) for a in d.get("amounts", [])],
            times=[Time(**t) for t in d.get("times", [])],
            events=_events(d.get("events", [])),
            cluster=Cluster(**d["cluster"]) if d.get("cluster") else None,
            story=StoryRef(**d["story"]) if d.get("story") else None,
            extra_sources=[Source(**s) for s in d.get("extra_sources", [])],
        )


def _dateline_dict(dl: Dateline | None) -> dict[str, Any] | None:
    if dl is None:
        return None
    out: dict[str, Any] = {"text": dl.text, "place": dl.place, "agency": dl.agency, "date": dl.date, "day": dl.day}
    if dl.location is not None:  # only once resolved (extraction): clean alone leaves it out
        out["location"] = asdict(dl.location)
    return out


def _events(ds: list[dict[str, Any]]) -> list[Event]:
    # Archives written before events were coded hold subject-verb-object triples: they were
    # never events in the PLOVER sense, so they are dropped rather than guessed into types.
    return [e for e in (Event.from_dict(d) for d in ds) if e is not None]


def _only(cls: type, d: dict[str, Any]) -> dict[str, Any]:
    names = {f.name for f in fields(cls)}
    return {k: v for k, v in d.items() if k in names}


# -- what the read API returns ---------------------------------------------------------------
# Each query of `dateline.open(...)` returns `Results` of one of these records; `to_dict()` gives
# the article contract's field names, plus where the fact was found (article id, date, title).


class _Record:
    __slots__ = ()

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)  # type: ignore[call-overload]


@record
class QuoteRecord(Quote, _Record):
    """A quote as a listing shows it, with its article."""

    article_id: str = ""
    published: str | None = None
    title: str | None = None


@record
class AmountRecord(Amount, _Record):
    """An amount as a listing shows it, with its article."""

    article_id: str = ""
    published: str | None = None
    title: str | None = None


@record
class TimeRecord(Time, _Record):
    """A time as a listing shows it, with its article."""

    article_id: str = ""
    published: str | None = None
    title: str | None = None


@record
class EventRecord(Event, _Record):
    """An event as stored, with the article it is in; actor and recipient entities are the
    archive's entity ids."""

    article_id: str = ""
    published: str | None = None
    title: str | None = None


@record
class PlaceRecord(Location, _Record):
    """A place of the archive with its coverage: articles naming it (or filed there), the
    mentions of it, and the articles whose dateline it is."""

    articles: int = 0
    mentions: int = 0
    datelines: int = 0


@record
class MentionRecord(Mention, _Record):
    """A mention as a listing shows it, with its entity and article."""

    entity_id: str = ""
    article_id: str = ""
    published: str | None = None
    title: str | None = None


@record
class EntityRecord(_Record):
    """An entity of the whole archive: its names, and how many articles and mentions name it."""

    id: str
    name: str
    type: str
    country: str | None = None
    aliases: list[str] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)
    articles: int = 0
    mentions: int = 0


@record
class ArticleRef(_Record):
    """An article named in a listing: enough to show it and to open it."""

    id: str
    published: str | None = None
    title: str | None = None
    outlet: str | None = None
    lead: str = ""
    mentions: int | None = None  # in an entity's page: how often the article names it

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        if d["mentions"] is None:
            d.pop("mentions")
        return d


@record
class EntityDetail(_Record):
    """One entity with its coverage: articles per day and month, latest articles, quotes, company."""

    entity: EntityRecord
    per_day: dict[str, int] = field(default_factory=dict)
    per_month: dict[str, int] = field(default_factory=dict)
    latest: list[ArticleRef] = field(default_factory=list)
    cooccurring: list[dict[str, Any]] = field(default_factory=list)
    quotes: list[QuoteRecord] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        # `articles` is the list of latest articles, as `dateline entity --json` has always printed
        # it; the count is `article_count`.
        return {**self.entity.to_dict(), "article_count": self.entity.articles,
                "articles": [a.to_dict() for a in self.latest], "per_month": dict(self.per_month),
                "per_day": dict(self.per_day), "cooccurring": list(self.cooccurring),
                "quotes": [q.to_dict() for q in self.quotes]}


@record
class Ambiguous(_Record):
    """A name that several entities answer to: the candidates, most covered first."""

    name: str
    candidates: list[EntityRecord]

    def to_dict(self) -> dict[str, Any]:
        return {"ambiguous": self.name, "candidates": [c.to_dict() for c in self.candidates]}


@record
class Hit(_Record):
    """One search hit; `snippet` has the matched words between the caller's marks."""

    id: str
    published: str | None
    title: str | None
    snippet: str
    score: float
    outlet: str | None = None
    cluster_id: str | None = None
    copies: int = 1
    story: StoryRef | None = None  # set when search returns one hit per story thread

    def to_dict(self) -> dict[str, Any]:
        out = {
            "id": self.id, "published": self.published, "title": self.title, "snippet": self.snippet,
            "score": round(self.score, 4), "outlet": self.outlet, "cluster_id": self.cluster_id,
            "copies": self.copies,
        }
        if self.story is not None:
            out["story"] = asdict(self.story)
        return out


@record
class ClusterRecord(_Record):
    """A story cluster: copies of one text, with its earliest, longest article as representative."""

    id: str
    kind: str  # near | exact | unique
    size: int
    articles: int
    representative: dict[str, Any]
    first_published: str | None
    last_published: str | None
    outlets: list[str]


@record
class StoryRecord(_Record):
    """A story thread: articles about one real-world event across outlets and days."""

    id: int
    label: str | None
    first: str | None
    last: str | None
    size: int
    outlets: list[str] = field(default_factory=list)
    articles: list[str] = field(default_factory=list)  # article ids, earliest first


@record
class StoryDetail(_Record):
    """A story with its timeline (articles, earliest first) and its quotes grouped by speaker."""

    id: int
    label: str | None
    first: str | None
    last: str | None
    size: int
    outlets: list[str] = field(default_factory=list)
    articles: list[ArticleRef] = field(default_factory=list)
    quotes: dict[str, list[dict[str, Any]]] = field(default_factory=dict)


@record
class ArchiveStats(_Record):
    """Figures about an archive: its size, counts of what it holds and why records were rejected."""

    path: str
    size_bytes: int
    articles: int
    sources: int
    rejects: int
    undated: int
    published_from: str | None
    published_to: str | None
    formats: dict[str, int]
    reject_reasons: dict[str, int]
    per_month: dict[str, int]
    runs: list[dict[str, Any]]
    facts: dict[str, int] = field(default_factory=dict)  # fact kind -> how many (entities: linked ones)
    clusters: int = 0  # near-duplicate clusters of two articles or more
    stories: int = 0
    languages: dict[str, int] = field(default_factory=dict)  # ISO 639-1 (or `unknown`) -> articles
    bytes_per_article: int = 0  # the file's size over its articles
    free_bytes: int = 0  # pages freed by deletes and not yet given back (VACUUM)


class Results(list):  # type: ignore[type-arg]
    """The records a query returned, in order; also a pandas DataFrame or an Arrow table.

    `record` is the record type (so that an empty result still has its columns); `windowed`
    is true for a search that ranked only the newest matches of a broad query.
    """

    def __init__(self, items: Any = (), record: type | None = None, windowed: bool = False) -> None:
        super().__init__(items)
        self.record = record
        self.windowed = windowed

    def to_dicts(self) -> list[dict[str, Any]]:
        return [r.to_dict() for r in self]

    def to_arrow(self) -> Any:
        import pyarrow as pa

        if self.record is not None and is_flat(self.record):
            return pa.Table.from_pylist(self.to_dicts(), schema=arrow_schema(self.record))
        return pa.Table.from_pylist(self.to_dicts())

    def to_pandas(self) -> Any:
        try:
            import pandas as pd
        except ImportError as exc:
            from dateline.errors import MissingExtra

            raise MissingExtra("DataFrames need pandas: pip install 'dateline[pandas]'") from exc
        frame = self.to_arrow().to_pandas()
        return frame if len(frame.columns) or not self.record else pd.DataFrame(columns=_names(self.record))


def _names(cls: type) -> list[str]:
    return [f.name for f in fields(cls)]


def is_flat(cls: type) -> bool:
    """Whether every field of the record maps to an Arrow column type (see `arrow_schema`)."""
    return all(_arrow_type(t) is not None for t in _hints(cls).values())


def arrow_schema(cls: type) -> Any:
    """The Arrow schema of a record type, from its type hints: typed columns for exports and frames.
    A field of no column type (a dict, a list of records) is a JSON text column (see `table_row`)."""
    import pyarrow as pa

    return pa.schema([(name, _arrow_type(t) or pa.string()) for name, t in _hints(cls).items()])


def table_row(record: Any) -> dict[str, Any]:
    """A record as one row of its `arrow_schema` table: nested fields as JSON text, so that any
    record (an event with its actor and recipient) fits a flat table or a CSV file."""
    import json

    d = record.to_dict()
    for name in _nested(type(record)):
        if d[name] is not None:
            d[name] = json.dumps(d[name], ensure_ascii=False)
    return d


def _nested(cls: type) -> list[str]:
    return [name for name, t in _hints(cls).items() if _arrow_type(t) is None]


def _hints(cls: type) -> dict[str, Any]:
    import typing

    hints = typing.get_type_hints(cls)
    return {f.name: hints[f.name] for f in fields(cls)}


def _arrow_type(t: Any) -> Any:
    import types
    import typing

    import pyarrow as pa

    args = [a for a in typing.get_args(t) if a is not type(None)]
    if isinstance(t, types.UnionType) or typing.get_origin(t) is typing.Union:
        return _arrow_type(args[0]) if len(args) == 1 else None
    if typing.get_origin(t) is list:
        inner = _arrow_type(args[0]) if args else None
        return pa.list_(inner) if inner is not None else None
    simple = {str: pa.string(), int: pa.int64(), float: pa.float64(), bool: pa.bool_()}
    return simple.get(t)


@record(frozen=True)
class Highlight:
    """A span of an article's text to mark, as a fact kind declares it (the web and the terminal
    draw it): `kind` names the mark (entity, quote, amount, time), `title` is the hover text."""

    start: int
    end: int
    kind: str
    title: str
    href: str | None = None
    css: str = ""
    anchor: str | None = None


# -- rows of the exported tables beyond the facts ------------------------------------------------


@record
class ArticleRow(_Record):
    """An article as one row of the `articles` table of an export (its facts are other tables)."""

    id: str
    published: str | None
    title: str | None
    outlet: str | None
    url: str | None
    language: str | None
    dateline_text: str | None
    dateline_place: str | None
    dateline_agency: str | None
    source_path: str
    source_record: int
    source_format: str
    cluster_id: str | None
    cluster_kind: str | None
    cluster_size: int | None
    text: str
    authors: list[str] = field(default_factory=list)
    section: str | None = None

    @classmethod
    def of(cls, a: Article) -> ArticleRow:
        dl, c = a.dateline, a.cluster
        return cls(a.id, a.published, a.title, a.outlet, a.url, a.language,
                   dl.text if dl else None, dl.place if dl else None, dl.agency if dl else None,
                   a.source.path, a.source.record, a.source.format,
                   c.id if c else None, c.kind if c else None, c.size if c else None, a.text,
                   list(a.authors), a.section)


@record
class SourceRow(_Record):
    """One record an article was read from (an exact copy is another source of the same article)."""

    article_id: str
    path: str
    record: int
    format: str | None
    offset: int | None
    outlet: str | None
    url: str | None
    added: str


@record
class ClusterMember(_Record):
    """One article's cluster, as the export's clusters table has it."""

    article_id: str
    cluster_id: str
    kind: str
    size: int


@record
class StoryMember(_Record):
    """An exported row: the story thread an article is in."""

    article_id: str
    story_id: int
    label: str | None
    size: int
