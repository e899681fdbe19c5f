"""What each page shows, as plain data: the HTML pages and the JSON API are two renderings of it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from dateline.archive import browse, queries
from dateline.archive.search import QueryError, facets, search
from dateline.archive.stats import stats
from dateline.archive.store import Archive

MAX_PAGE_SIZE = 100
MAX_PAGE = 100  # deep paging gets slow and nobody reads page 101; narrow the query instead
MAX_TEXT = 200  # filters other than the query: names, outlets, units
MAX_QUERY = 500
# Broad queries over a large archive are ranked and counted among this many of their newest
# matches (see archive.search); with paging capped at MAX_PAGE, date order stays exact.
WINDOW = 1000


@dataclass(frozen=True, slots=True)
class Paging:
    page: int = 1
    size: int = 20

    @property
    def offset(self) -> int:
        return (self.page - 1) * self.size


@dataclass(frozen=True, slots=True)
class SearchForm:
    q: str = ""
    date_from: str | None = None
    date_to: str | None = None
    entity: str | None = None
    outlet: str | None = None
    sort: str = "rank"
    literal: bool = False
    all_copies: bool = False


def search_view(archive: Archive, form: SearchForm, paging: Paging, marks: tuple[str, str]) -> dict[str, Any]:
    """Hits of one page (one per story cluster unless all copies are asked for) and facets."""
    conn = archive.conn
    entity = queries.find_entity(conn, form.entity) if form.entity else None
    if form.entity and entity is None:
        raise QueryError(f"no entity {form.entity!r} in this archive")
    entity_id = entity["id"] if entity else None
    hits = search(
        conn, form.q, date_from=form.date_from or None, date_to=form.date_to or None,
        limit=paging.size + 1, offset=paging.offset, sort=form.sort, literal=form.literal,
        one_per_cluster=not form.all_copies, outlet=form.outlet or None, entity=entity_id, marks=marks,
        window=WINDOW,
    )
    counts = facets(conn, form.q, date_from=form.date_from or None, date_to=form.date_to or None,
                    literal=form.literal, outlet=form.outlet or None, entity=entity_id, scan=WINDOW)
    return {
        "query": form.q, "page": paging.page, "size": paging.size, "window": WINDOW,
        "has_more": len(hits) > paging.size, "entity": entity,
        "hits": [h.to_dict() for h in hits[: paging.size]], "facets": counts,
    }


def article_view(archive: Archive, ident: str) -> dict[str, Any] | None:
    """The article contract, plus the raw records it came from and the other copies in its cluster."""
    article = archive.article(ident)
    if article is None:
        return None
    d = article.to_dict()
    d["copies"] = browse.cluster_copies(archive.conn, article.id)
    d["raw_records"] = archive.raw_records(article.id)
    return {"article": article, "data": d}


def entity_view(archive: Archive, ident: str) -> dict[str, Any] | None:
    ent = queries.find_entity(archive.conn, ident)
    if ent is None:
        return None
    # `articles` is the list of latest articles there, as in `dateline entity --json`.
    return {**ent, "article_count": ent["articles"], **queries.entity_detail(archive.conn, ent["id"], limit=25)}


def overview(archive: Archive) -> dict[str, Any]:
    figures = stats(archive)
    figures["top_entities"] = queries.top_entities(archive.conn, top=15)
    figures["outlets"] = browse.outlets(archive.conn, top=15)
    figures["recent"] = browse.recent_articles(archive.conn, 10)
    figures["recent_rejects"] = browse.reject_samples(archive.conn, 20)
    figures["clusters"] = browse.has_table(archive.conn, "dedup_members")
    return figures
