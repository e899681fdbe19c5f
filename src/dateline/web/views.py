"""What each page shows, as plain data: the HTML pages and the JSON API are two renderings of it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from dateline.api import NewsArchive
from dateline.archive.kinds import KINDS
from dateline.archive.kinds.entities import origin as entity_origin

MAX_PAGE_SIZE = 100
MAX_PAGE = 100  # deep paging gets slow and nobody reads page 101; narrow the query instead
MAX_TEXT = 200  # filters other than the query: names, outlets, units
MAX_QUERY = 500
# Broad queries over a large archive are ranked and counted among their newest matches: the
# settings' `search_window`, the same for the web and the command line.


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
    by_story: bool = False
    place: str | None = None  # a gazetteer id: a point clicked on the search page's map
    language: str | None = None  # ISO 639-1; the query is then stemmed in that language alone


def search_view(archive: NewsArchive, form: SearchForm, paging: Paging, marks: tuple[str, str]) -> dict[str, Any]:
    """Hits of one page (one per story cluster unless all copies are asked for, one per story
    thread when `by_story`) and facets."""
    entity = archive.resolve_entity(form.entity).to_dict() if form.entity else None
    # The entity resolved once: search and facets get its id, which is looked up directly.
    scope = {"date_from": form.date_from or None, "date_to": form.date_to or None, "literal": form.literal,
             "outlet": form.outlet or None, "entity": entity["id"] if entity else None,
             "place": form.place or None, "language": form.language or None}
    hits = archive.search(form.q, limit=paging.size + 1, offset=paging.offset, sort=form.sort,
                          all_copies=form.all_copies, by_story=form.by_story, marks=marks, **scope)
    counts = archive.facets(form.q, **scope)
    return {
        "query": form.q, "page": paging.page, "size": paging.size, "window": archive.settings.search_window,
        "has_more": len(hits) > paging.size, "entity": entity,
        "place": archive.place(form.place, limit=1) if form.place else None,
        "hits": [h.to_dict() for h in hits[: paging.size]], "facets": counts,
    }


def article_view(archive: NewsArchive, ident: str) -> dict[str, Any] | None:
    """The article contract, plus the raw records it came from and the other copies in its cluster."""
    article = archive.article(ident)
    if article is None:
        return None
    d = article.to_dict()
    d["copies"] = archive.copies(article.id).to_dicts()
    d["raw_records"] = archive.sources(article.id)
    # Entities without mentions say where they come from (the dateline, a notice).
    origins = {e.id: where for e in article.entities if (where := entity_origin(article, e))}
    return {"article": article, "data": d, "origins": origins}


def entity_view(archive: NewsArchive, ident: str) -> dict[str, Any] | None:
    """An entity's page as data; a name several entities answer to gives `candidates`."""
    found = archive.entity(ident, limit=25)
    return None if found is None else found.to_dict()


def why_empty(archive: NewsArchive, kind: str, rows: list[Any]) -> str | None:
    """Why a listing is empty when the archive holds no fact of the kind at all (an archive stored
    without extraction looks otherwise like one whose filters matched nothing); None otherwise."""
    if rows or archive.facts(kind, limit=1):
        return None
    if not any(archive.facts(k, limit=1) for k in KINDS):
        return f"this archive holds no {kind}: its articles were stored without extraction"
    return f"this archive holds no {kind}"
