"""Events: PLOVER-coded who-did-what-to-whom, once per article, with every sentence reporting
it as a mention.

One row of `events` per event (its sides flattened into columns, so that a filter on a side's
country or entity is an indexed lookup), and one row of `event_mentions` per sentence that
reports it: a table rather than a JSON column, since mentions are offsets into the text like
every other fact's, and a span query should not have to parse JSON.

The dates of the filters are the article's, as for every kind (so that an export scoped by
dates carries the events of exactly the articles it carries); each record has the event's own
date beside the article's.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from dataclasses import replace
from typing import Any

from dateline.archive.kinds.base import COMMON, Filters, Kind, Table, article_terms, like, listing, paged
from dateline.errors import QueryError
from dateline.model import EVENT_TYPES, QUADS, Article, Claim, Event, EventRecord, Highlight, Party, Place, Span

# The columns of `events`, in the order `write` fills them.
_COLUMNS = ("article_id", "n", "type", "quad", "mode", "trigger", "instrument",
            "actor_text", "actor_entity", "actor_country", "actor_sector",
            "recipient_text", "recipient_entity", "recipient_country", "recipient_sector",
            "place_text", "place_country", "date", "date_from", "flags", "source_speaker", "source_quote")

TABLES = [
    """CREATE TABLE IF NOT EXISTS events (
        article_id TEXT NOT NULL, n INTEGER NOT NULL, type TEXT NOT NULL, quad TEXT NOT NULL,
        mode TEXT, trigger TEXT, instrument TEXT,
        actor_text TEXT, actor_entity TEXT, actor_country TEXT, actor_sector TEXT,
        recipient_text TEXT, recipient_entity TEXT, recipient_country TEXT, recipient_sector TEXT,
        place_text TEXT, place_country TEXT, date TEXT, date_from TEXT NOT NULL DEFAULT 'published',
        flags TEXT NOT NULL DEFAULT '[]', source_speaker TEXT, source_quote INTEGER,
        PRIMARY KEY (article_id, n)) WITHOUT ROWID""",
    """CREATE TABLE IF NOT EXISTS event_mentions (
        article_id TEXT NOT NULL, n INTEGER NOT NULL, m INTEGER NOT NULL, start INTEGER NOT NULL,
        "end" INTEGER NOT NULL, PRIMARY KEY (article_id, n, m)) WITHOUT ROWID""",
    "CREATE INDEX IF NOT EXISTS events_type_date ON events(type, date)",
    "CREATE INDEX IF NOT EXISTS events_date ON events(date)",
    "CREATE INDEX IF NOT EXISTS events_actor_country ON events(actor_country)",
    "CREATE INDEX IF NOT EXISTS events_recipient_country ON events(recipient_country)",
    "CREATE INDEX IF NOT EXISTS events_actor_entity ON events(actor_entity)",
    "CREATE INDEX IF NOT EXISTS events_recipient_entity ON events(recipient_entity)",
    # Archives ingested since events were coded hold them in the articles' JSON: they are
    # filled in here. Their sides' entity ids were the article's own (slugs of the same form as
    # the archive's), so one is kept only where the archive has that entity.
    f"""INSERT OR IGNORE INTO events({", ".join(_COLUMNS)})
        SELECT a.id, CAST(j.key AS INTEGER), json_extract(j.value, '$.type'), json_extract(j.value, '$.quad'),
            json_extract(j.value, '$.mode'), json_extract(j.value, '$.trigger'),
            json_extract(j.value, '$.instrument'), json_extract(j.value, '$.actor.text'),
            (SELECT id FROM entities WHERE id = json_extract(j.value, '$.actor.entity')),
            json_extract(j.value, '$.actor.country'), json_extract(j.value, '$.actor.sector'),
            json_extract(j.value, '$.recipient.text'),
            (SELECT id FROM entities WHERE id = json_extract(j.value, '$.recipient.entity')),
            json_extract(j.value, '$.recipient.country'), json_extract(j.value, '$.recipient.sector'),
            json_extract(j.value, '$.place.text'), json_extract(j.value, '$.place.country'),
            json_extract(j.value, '$.date'), COALESCE(json_extract(j.value, '$.date_from'), 'published'),
            COALESCE(json_extract(j.value, '$.flags'), '[]'), json_extract(j.value, '$.source.speaker'),
            json_extract(j.value, '$.source.quote')
        FROM articles a, json_each(a.json, '$.events') j
        WHERE json_valid(a.json) AND json_extract(j.value, '$.type') IS NOT NULL
            AND json_extract(j.value, '$.quad') IS NOT NULL""",
    """INSERT OR IGNORE INTO event_mentions(article_id, n, m, start, "end")
        SELECT a.id, CAST(j.key AS INTEGER), CAST(m.key AS INTEGER), json_extract(m.value, '$.start'),
            json_extract(m.value, '$.end')
        FROM articles a, json_each(a.json, '$.events') j, json_each(j.value, '$.mentions') m
        WHERE json_valid(a.json) AND json_extract(j.value, '$.type') IS NOT NULL
            AND json_extract(j.value, '$.quad') IS NOT NULL""",
]


# The gazetteer entry of an event's place and where it is (issue 21), added after the events
# table was made. Events stored before carry no entry in their JSON, so there is nothing to fill.
PLACE_COLUMNS = [
    "ALTER TABLE events ADD COLUMN place_id TEXT",
    "ALTER TABLE events ADD COLUMN place_lat REAL",
    "ALTER TABLE events ADD COLUMN place_lon REAL",
]
# `_COLUMNS` and those columns: what `write` fills (the statements above fill `_COLUMNS` only,
# as they run before the place columns exist).
_WRITTEN = (*_COLUMNS, "place_id", "place_lat", "place_lon")


def write(conn: sqlite3.Connection, a: Article, ids: dict[str, str]) -> None:
    """Store the article's events; each side's entity becomes the archive's id (in the article
    too, as a quote's speaker does, so that its stored JSON names the same entities)."""
    rows, mentions = [], []
    for i, e in enumerate(a.events):
        for side in (e.actor, e.recipient):
            if side is not None and side.entity:
                side.entity = ids.get(side.entity, side.entity)
        actor, recipient = e.actor or Party(""), e.recipient or Party("")
        rows.append((a.id, i, e.type, e.quad, e.mode, e.trigger, e.instrument,
                     e.actor and actor.text, actor.entity, actor.country, actor.sector,
                     e.recipient and recipient.text, recipient.entity, recipient.country, recipient.sector,
                     e.place.text if e.place else None, e.place.country if e.place else None,
                     e.date, e.date_from, json.dumps(e.flags), e.source.speaker if e.source else None,
                     e.source.quote if e.source else None,
                     e.place.id if e.place else None, e.place.lat if e.place else None,
                     e.place.lon if e.place else None))
        mentions += [(a.id, i, j, m.start, m.end) for j, m in enumerate(e.mentions)]
    conn.executemany(f"INSERT OR IGNORE INTO events({', '.join(_WRITTEN)}) VALUES ({','.join('?' * len(_WRITTEN))})",
                     rows)
    conn.executemany('INSERT OR IGNORE INTO event_mentions(article_id, n, m, start, "end") VALUES (?,?,?,?,?)',
                     mentions)


def side_terms(conn: sqlite3.Connection, side: str, name: str) -> tuple[str, list[str]]:
    """A WHERE term: the event's `side` (actor or recipient) is the entity `name` names (under
    any of its names), or, for a name that is no entity, is written with those words."""
    from dateline.archive.kinds.entities import find

    ent = find(conn, name)
    if ent:
        return f"(e.{side}_entity = ? OR e.{side}_text = ? COLLATE NOCASE)", [ent.id, name]
    return f"e.{side}_text LIKE ? ESCAPE '\\'", [like(name)]


FLAGS = ("negated", "hedged", "future", "claimed")
# What `dates` may say the date filters apply to: the article's publication (as for every
# kind) or the event's own date (its clause's time expression, else the publication date).
DATES = ("article", "event")


def _flag_terms(flags: str) -> tuple[list[str], list[Any]]:
    """`negated,claimed`: events carrying every one of these flags; `none`: events with no
    flag (reported as plain fact, not denied, hedged, planned or attributed)."""
    wanted = [w.strip().lower() for w in flags.split(",") if w.strip()]
    if wanted == ["none"]:
        return ["e.flags = '[]'"], []
    wrong = [w for w in wanted if w not in FLAGS]
    if wrong or not wanted:
        raise QueryError(f"unknown event flag {', '.join(wrong) or flags!r}; choose from "
                         f"{', '.join(FLAGS)} (joined with commas), or none")
    return (["EXISTS (SELECT 1 FROM json_each(e.flags) WHERE json_each.value = ?)"] * len(wanted),
            wanted)


def _event_date_terms(f: Filters) -> tuple[list[str], list[Any]]:
    """Date bounds on the event's own date (else its article's): an event dated only to a
    month or a year (`2021-09`) counts as of that period's first day."""
    from dateline.archive.search import _date_bounds

    lo, hi = _date_bounds(f.date_from, f.date_to)
    day = "COALESCE(e.date, substr(a.published, 1, 10))"
    first_day = f"substr({day} || '-01-01', 1, 10)"
    where, params = [], []
    if lo:
        where.append(f"{first_day} >= ?")
        params.append(lo[:10])
    if hi:
        where.append(f"{day} <= ?")
        params.append(hi)
    return where, params


def _where(conn: sqlite3.Connection, f: Filters) -> tuple[list[str], list[Any]]:
    dates = (f.dates or "article").lower()
    if dates not in DATES:
        raise QueryError(f"dates must be one of: {', '.join(DATES)} (got {f.dates!r})")
    if dates == "event":
        where, params = article_terms(replace(f, date_from=None, date_to=None))
        more, more_params = _event_date_terms(f)
        where += more
        params += more_params
    else:
        where, params = article_terms(f)
    if f.kind:
        code = f.kind.upper()
        if code in EVENT_TYPES:
            where.append("e.type = ?")
        elif code in QUADS:
            where.append("e.quad = ?")
        else:
            raise QueryError(f"unknown event type {f.kind!r}; choose a PLOVER type ({', '.join(EVENT_TYPES)}) "
                             f"or a quad ({', '.join(QUADS)})")
        params.append(code)
    if f.entity:
        where.append("(e.actor_entity = ? OR e.recipient_entity = ?)")
        params += [f.entity, f.entity]
    for side, name in (("actor", f.actor), ("recipient", f.recipient)):
        if name:
            term, more = side_terms(conn, side, name)
            where.append(term)
            params += more
    if f.country:
        where.append("(e.actor_country = ? OR e.recipient_country = ?)")
        params += [f.country.upper(), f.country.upper()]
    if f.sector:
        where.append("(e.actor_sector = ? OR e.recipient_sector = ?)")
        params += [f.sector.upper(), f.sector.upper()]
    if f.flags:
        more, more_params = _flag_terms(f.flags)
        where += more
        params += more_params
    return where, params


def read(conn: sqlite3.Connection, f: Filters) -> Iterator[EventRecord]:
    """`kind` is a PLOVER type (ASSAULT) or a quad (MCONF); `entity` (an id) keeps events with it
    on either side, `actor` and `recipient` (names) on that side; `country` (ISO alpha-3, or a
    body such as UN) either side's country."""
    where, params = _where(conn, f)
    select = ("SELECT e.*, a.published, a.title, (SELECT json_group_array(json_array(m.start, m.\"end\")) FROM "
              "(SELECT start, \"end\" FROM event_mentions m WHERE m.article_id = e.article_id AND m.n = e.n "
              "ORDER BY m.m) m) AS spans FROM events e JOIN articles a ON a.id = e.article_id")
    return (_record(r) for r in listing(conn, select, "e", where, params, f))


BY = ("type", "country")


def per_day(conn: sqlite3.Connection, f: Filters, by: str = "type") -> dict[str, dict[str, int]]:
    """Every matching event counted per type (`by="type"`) or per country (`by="country"`: an
    event counts once for each country among its two sides) and per day of the event (its own
    date, else the publication date); events of no full day (dated only to a month, or
    undated) are left out, since a daily count cannot place them."""
    if by not in BY:
        raise QueryError(f"events are counted by one of: {', '.join(BY)} (got {by!r})")
    where, params = _where(conn, f)
    day = "substr(COALESCE(e.date, a.published), 1, 10)"
    frm = "FROM events e JOIN articles a ON a.id = e.article_id"
    cond = f"WHERE length({day}) = 10" + "".join(f" AND {w}" for w in where)
    if by == "type":
        sql = f"SELECT e.type AS name, {day} AS day, COUNT(*) AS n {frm} {cond} GROUP BY e.type, day"
    else:
        # UNION (not UNION ALL): an event with the same country on both sides counts once
        sides = " UNION ".join(f"SELECT e.article_id, e.n, e.{s}_country AS name, {day} AS day {frm} {cond} "
                               f"AND e.{s}_country IS NOT NULL" for s in ("actor", "recipient"))
        sql = f"SELECT name, day, COUNT(*) AS n FROM ({sides}) GROUP BY name, day"
        params = params + params
    counts: dict[str, dict[str, int]] = {}
    for r in paged(conn, sql, params, Filters(query=f.query, limit=None)):
        counts.setdefault(r["name"], {})[r["day"]] = r["n"]
    return counts


def _record(r: sqlite3.Row) -> EventRecord:
    def party(side: str) -> Party | None:
        if r[f"{side}_text"] is None and r[f"{side}_entity"] is None:
            return None
        return Party(r[f"{side}_text"] or "", r[f"{side}_entity"], r[f"{side}_country"], r[f"{side}_sector"])

    source = None
    if r["source_speaker"] is not None or r["source_quote"] is not None:
        source = Claim(r["source_speaker"], r["source_quote"])
    return EventRecord(
        r["type"], r["quad"], party("actor"), party("recipient"),
        [Span(s, e) for s, e in json.loads(r["spans"] or "[]")], r["mode"],
        Place(r["place_text"], r["place_country"], r["place_id"], r["place_lat"], r["place_lon"])
        if r["place_text"] is not None else None,
        r["date"], r["date_from"], json.loads(r["flags"]), source, r["trigger"], r["instrument"],
        r["article_id"], r["published"], r["title"],
    )


def _side(p: Party | None) -> str:
    if p is None:
        return "?"
    return p.text + (f" ({p.country})" if p.country else "")


def highlight(a: Article) -> list[Highlight]:
    """One mark per sentence reporting an event: its type and sides as the hover text. A
    sentence's first mark carries the anchor `ev-START` that listings link to (two events of one
    sentence, as compound actors give, share it: an anchor is unique in a page)."""
    marks, anchored = [], set()
    for e in a.events:
        for m in e.mentions:
            anchor = None if m.start in anchored else f"ev-{m.start}"
            anchored.add(m.start)
            marks.append(Highlight(m.start, m.end, "event", f"{e.type} · {_side(e.actor)} → {_side(e.recipient)}",
                                   None, f"event-{e.quad.lower()}", anchor))
    return marks


def describe(e: Event) -> str:
    extra = [x for x in (e.mode, e.place.text if e.place else None, e.date, *e.flags) if x]
    said = f" (says {e.source.speaker})" if e.source and e.source.speaker else ""
    return f"[{e.type}] {_side(e.actor)} → {_side(e.recipient)}" + (f" · {' · '.join(extra)}" if extra else "") + said


KIND = Kind(
    name="events", attr="events", fact=Event, record=EventRecord, tables=("events", "event_mentions"),
    migration=11, write=write, read=read,
    filters=COMMON | {"kind", "actor", "recipient", "country", "sector", "flags", "dates"},
    exports=(Table("events", EventRecord, read),), highlight=highlight, describe=describe,
)
