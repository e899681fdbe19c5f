"""Quotes: direct and reported speech, with the speaker as written and as an archive entity."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator

from dateline.archive.kinds.base import COMMON, Filters, Kind, Table, article_terms, like, listing, shorten, span_text
from dateline.model import Article, Highlight, Quote, QuoteRecord


def write(conn: sqlite3.Connection, a: Article, ids: dict[str, str]) -> None:
    for q in a.quotes:
        if q.speaker_entity:
            q.speaker_entity = ids.get(q.speaker_entity, q.speaker_entity)
    conn.executemany(
        'INSERT OR IGNORE INTO quotes(article_id, n, kind, speaker, entity_id, cue, start, "end") '
        "VALUES (?,?,?,?,?,?,?,?)",
        [(a.id, i, q.kind, q.speaker, q.speaker_entity, q.cue, q.start, q.end) for i, q in enumerate(a.quotes)],
    )


def read(conn: sqlite3.Connection, f: Filters) -> Iterator[QuoteRecord]:
    """`speaker` is a name: its entity's quotes (under any of its names) or, for a name that is no
    entity, quotes whose speaker is written so; `entity` is an entity id: its quotes."""
    from dateline.archive.kinds.entities import find

    where, params = article_terms(f)
    if f.speaker:
        ent = find(conn, f.speaker)
        if ent:
            where.append("(q.entity_id = ? OR q.speaker = ? COLLATE NOCASE)")
            params += [ent.id, f.speaker]
        else:
            where.append("q.speaker LIKE ? ESCAPE '\\'")
            params.append(like(f.speaker))
    if f.entity:
        where.append("q.entity_id = ?")
        params.append(f.entity)
    if f.kind:
        where.append("q.kind = ?")
        params.append(f.kind)
    if f.contains:
        where.append(f"{span_text('q')} LIKE ? ESCAPE '\\'")
        params.append(like(f.contains))
    select = (f'SELECT q.article_id, {span_text("q")} AS text, q.kind, q.speaker, q.entity_id, q.cue, '
              'q.start, q."end", a.published, a.title FROM quotes q JOIN articles a ON a.id = q.article_id')
    return (QuoteRecord(r["text"], r["kind"], r["speaker"], r["entity_id"], r["start"], r["end"], r["cue"],
                        r["article_id"], r["published"], r["title"])
            for r in listing(conn, select, "q", where, params, f))


def highlight(a: Article) -> list[Highlight]:
    return [Highlight(q.start, q.end, "quote", f"{q.kind} quote · {q.speaker or 'speaker unknown'}", None,
                      f"quote-{q.kind}", f"q-{q.start}") for q in a.quotes]


# About two lines of a terminal: enough to recognise a quote in a list of an article's facts.
QUOTE_SHOWN = 200


def describe(q: Quote) -> str:
    return f"[{q.kind}] {q.speaker or '?'}: {shorten(q.text, QUOTE_SHOWN)}"


KIND = Kind(
    name="quotes", attr="quotes", fact=Quote, record=QuoteRecord, tables=("quotes",), migration=2,
    write=write, read=read, filters=COMMON | {"kind", "speaker", "contains"},
    exports=(Table("quotes", QuoteRecord, read),), highlight=highlight, describe=describe,
)
