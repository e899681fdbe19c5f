"""The JSON API: one endpoint beside every page, with the article contract's field names."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Path, Query, Request

from dateline.archive import queries
from dateline.archive.store import Archive
from dateline.web import views
from dateline.web.views import MAX_PAGE, MAX_PAGE_SIZE, MAX_QUERY, MAX_TEXT, Paging, SearchForm

router = APIRouter(prefix="/api", tags=["api"])


async def archive(request: Request) -> Archive:
    return request.app.state.conns.local


Db = Annotated[Archive, Depends(archive)]
Text = Annotated[str | None, Query(max_length=MAX_TEXT)]
Page = Annotated[int, Query(ge=1, le=MAX_PAGE)]
Size = Annotated[int, Query(ge=1, le=MAX_PAGE_SIZE)]


def search_form(
    q: Annotated[str, Query(max_length=MAX_QUERY, description="FTS5 query")] = "",
    date_from: Annotated[str | None, Query(alias="from", max_length=10)] = None,
    date_to: Annotated[str | None, Query(alias="to", max_length=10)] = None,
    entity: Text = None, outlet: Text = None,
    sort: Annotated[str, Query(pattern="^(rank|date)$")] = "rank",
    literal: bool = False,
    all_copies: Annotated[bool, Query(alias="all", description="every copy, not one per cluster")] = False,
) -> SearchForm:
    return SearchForm(q.strip(), date_from, date_to, entity, outlet, sort, literal, all_copies)


@router.get("/overview")
def overview(db: Db) -> dict[str, Any]:
    return views.overview(db)


@router.get("/search")
def search(db: Db, form: Annotated[SearchForm, Depends(search_form)], page: Page = 1,
           size: Size = 20) -> dict[str, Any]:
    """Hits with `[`/`]` around the matched words in `snippet`, one per story cluster, and facets.

    A query matching more than `window` articles is ranked and counted among its `window` newest
    matches (`facets.complete` is then false); narrow it with words, dates or filters.
    """
    result = views.search_view(db, form, Paging(page, size), ("[", "]"))
    if result["entity"] is not None:
        result["entity"] = {k: result["entity"][k] for k in ("id", "name", "type")}
    return result


@router.get("/articles/{ident}")
def article(db: Db, ident: Annotated[str, Path(max_length=64)]) -> dict[str, Any]:
    found = views.article_view(db, ident)
    if found is None:
        raise HTTPException(404, f"no article with id {ident!r}")
    return found["data"]


@router.get("/entities")
def entities(db: Db, etype: Annotated[str | None, Query(alias="type", max_length=20)] = None,
             name: Text = None, page: Page = 1, size: Size = 50) -> list[dict[str, Any]]:
    if etype and etype.upper() not in queries.ENTITY_TYPES:
        raise HTTPException(400, f"unknown entity type {etype!r}; one of {', '.join(queries.ENTITY_TYPES)}")
    return queries.top_entities(db.conn, etype, size, (page - 1) * size, name=name)


@router.get("/entities/{ident}")
def entity(db: Db, ident: Annotated[str, Path(max_length=MAX_TEXT)]) -> dict[str, Any]:
    found = views.entity_view(db, ident)
    if found is None:
        raise HTTPException(404, f"no entity {ident!r}")
    return found


@router.get("/quotes")
def quotes(db: Db, speaker: Text = None, q: Text = None,
           kind: Annotated[str | None, Query(pattern="^(direct|indirect)$")] = None,
           page: Page = 1, size: Size = 50) -> list[dict[str, Any]]:
    return queries.quotes(db.conn, speaker=speaker, kind=kind, contains=q, limit=size, offset=(page - 1) * size)


@router.get("/amounts")
def amounts(db: Db, unit: Text = None, counted: Text = None, page: Page = 1, size: Size = 50) -> list[dict[str, Any]]:
    return queries.amounts(db.conn, unit=unit, counted=counted, limit=size, offset=(page - 1) * size)
