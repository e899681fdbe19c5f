"""What every fact kind shares: the filters, the WHERE terms they make, one page of rows.

Filters mean the same for every kind and every caller (the command line, the web, a notebook):
dates and outlet and language are the article's; `entity` keeps facts of articles naming the
entity (or, for quotes and mentions, facts of the entity itself); `kind`, `unit`, the value
range apply where the kind has them; `query` keeps facts of articles matching a full-text query.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from dateline.errors import QueryError
from dateline.model import Article, Highlight
from dateline.record import record

MAX_LIMIT = 1000  # one page of a listing; exports read without a limit, a batch at a time


@record(frozen=True)
class Filters:
    """What a listing of facts keeps (see the module's note); a listing's page is `limit` and `offset`."""

    date_from: str | None = None
    date_to: str | None = None
    entity: str | None = None  # an entity id (the API resolves names before it gets here)
    outlet: str | None = None
    language: str | None = None
    kind: str | None = None  # quote kind, time type, entity type, event type or quad
    unit: str | None = None
    value_min: float | None = None
    value_max: float | None = None
    speaker: str | None = None
    contains: str | None = None
    counted: str | None = None
    name: str | None = None
    query: str | None = None  # FTS5 query over the articles (exports)
    actor: str | None = None  # events: a name on the acting side
    recipient: str | None = None  # events: a name on the receiving side
    country: str | None = None  # events: either side's country (ISO alpha-3 or a body); places: the place's
    sector: str | None = None  # events: either side's sector (GOV, MIL, REB, ...)
    flags: str | None = None  # events: comma-joined flags all present (`negated,claimed`), or `none`
    dates: str | None = None  # events: `event` to apply date_from/date_to to the event's own date
    place: str | None = None  # places: a gazetteer id (`geonames:2988507`)
    story: int | None = None  # places: those of the articles of a story thread
    limit: int | None = 50  # None: every row (exports)
    offset: int = 0


def shorten(text: str, n: int) -> str:
    """At most about `n` characters, cut at a word and marked with an ellipsis: a reader can
    tell a cut quote from a whole one, and no word is shown half."""
    text = " ".join(text.split())
    if len(text) <= n:
        return text
    head = text[:n]
    # A word cut in the middle is dropped whole (a single overlong word is cut where it must be).
    if not text[n].isspace() and " " in head:
        head = head.rsplit(" ", 1)[0]
    return head.rstrip(" ,;:") + "\u2026"


def like(text: str) -> str:
    """A LIKE pattern that finds `text` anywhere, its `%` and `_` taken literally (ESCAPE '\\')."""
    return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def article_terms(f: Filters, a: str = "a") -> tuple[list[str], list[Any]]:
    """WHERE terms on the article a fact belongs to: dates, outlet, language, full-text query."""
    from dateline.archive.search import _date_bounds

    where: list[str] = []
    params: list[Any] = []
    lo, hi = _date_bounds(f.date_from, f.date_to)
    if lo:
        where.append(f"{a}.published >= ?")
        params.append(lo)
    if hi:
        where.append(f"{a}.published <= ?")
        params.append(hi)
    if f.outlet:
        where.append(f"{a}.outlet = ?")
        params.append(f.outlet)
    if f.language:
        # The language is the article's where the cleaner detected one; an article without one
        # does not match a language filter.
        where.append(f"{a}.language = ?")
        params.append(f.language)
    if f.query:
        where.append(f"{a}.rowid IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)")
        params.append(f.query)
    return where, params


def names_entity(column: str) -> str:
    """A WHERE term: the article in `column` names the entity given as the parameter."""
    return f"{column} IN (SELECT article_id FROM article_entities WHERE entity_id = ?)"


def span_text(alias: str) -> str:
    """SQL for the text of a fact's span, cut from its article's text (joined as `a`): a fact table
    keeps the offsets only, as the text they point into is stored once, in `articles`. SQLite's
    `substr` counts characters, as Python's offsets do."""
    return f'substr(a.text, {alias}.start + 1, {alias}."end" - {alias}.start)'


def value_terms(f: Filters, column: str) -> tuple[list[str], list[Any]]:
    where, params = [], []
    if f.value_min is not None:
        where.append(f"{column} >= ?")
        params.append(f.value_min)
    if f.value_max is not None:
        where.append(f"{column} <= ?")
        params.append(f.value_max)
    if f.value_min is not None and f.value_max is not None and f.value_min > f.value_max:
        raise QueryError(f"the value range is empty ({f.value_min:g} > {f.value_max:g})")
    return where, params


def listing(conn: sqlite3.Connection, select: str, alias: str, where: list[str], params: list[Any],
            f: Filters, order: str = "n") -> Iterator[sqlite3.Row]:
    """Rows of a fact table joined to their articles, newest articles first: one page, or every
    row when `f.limit` is None (read lazily, so an export holds one batch at a time)."""
    sql = select + (" WHERE " + " AND ".join(where) if where else "")
    sql += f" ORDER BY a.published IS NULL, a.published DESC, {alias}.article_id, {alias}.{order}"
    yield from paged(conn, sql, params, f)


def paged(conn: sqlite3.Connection, sql: str, params: list[Any], f: Filters) -> Iterator[sqlite3.Row]:
    """`sql` with the filters' page, or every row in batches; a malformed full-text query in the
    filters is a QueryError."""
    if f.limit is not None:
        sql += " LIMIT ? OFFSET ?"
        params = [*params, max(1, min(f.limit, MAX_LIMIT)), max(0, f.offset)]
    try:
        cur = conn.execute(sql, params)
        while rows := cur.fetchmany(1000):
            yield from rows
    except sqlite3.OperationalError as exc:
        if f.query and ("fts5" in str(exc) or "syntax" in str(exc)):
            raise QueryError(f"malformed query {f.query!r} ({exc})") from exc
        raise


Writer = Callable[[sqlite3.Connection, Article, dict[str, str]], None]
Reader = Callable[[sqlite3.Connection, Filters], Iterable[Any]]


@record(frozen=True)
class Table:
    """One exported table of a kind: its name and the record type of its rows."""

    name: str
    record: type
    rows: Reader


@record(frozen=True)
class Kind:
    """A fact kind, declared once: everything else (schema check, writer, reader, exports, the
    `facts` command and route, the highlighters) iterates over these declarations.

    - `name`: the word users type (`dateline facts quotes`, `/api/facts/quotes`) and the table.
    - `attr`: the Article field holding the facts; `fact`: the dataclass of one fact in an article.
    - `record`: the dataclass `read` returns (the fact, plus the article it is in).
    - `tables`: the archive tables the kind owns; `migration`: the migration that made them.
    - `write(conn, article, entity_ids)`: store a new article's facts; `entity_ids` maps the
      article's entity ids to the archive's (filled by the entities kind, which writes first).
    - `read(conn, filters)`: one page of records; `filters`: which filters the kind takes.
    - `exports`: the tables an export writes for the kind.
    - `highlight(article)`: the spans to mark in an article's text; `describe(fact)`: one line.
    """

    name: str
    attr: str
    fact: type
    record: type
    tables: tuple[str, ...]
    migration: int
    write: Writer
    read: Reader
    filters: frozenset[str]
    exports: tuple[Table, ...]
    highlight: Callable[[Article], list[Highlight]]
    describe: Callable[[Any], str]


def fmt_value(value: float | None) -> str:
    if value is None:
        return "?"
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.2f}"


COMMON = frozenset({"date_from", "date_to", "entity", "outlet", "language", "query", "limit", "offset"})
