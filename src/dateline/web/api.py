"""The JSON API: one endpoint beside every page, with the article contract's field names."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Path, Query, Request
from fastapi.routing import APIRoute

from dateline.api import NewsArchive
from dateline.archive.kinds import KINDS
from dateline.web import views
from dateline.web.views import MAX_PAGE, MAX_PAGE_SIZE, MAX_QUERY, MAX_TEXT, Paging, SearchForm

router = APIRouter(prefix="/api", tags=["api"])


async def archive(request: Request) -> NewsArchive:
    return request.app.state.conns.local


Db = Annotated[NewsArchive, Depends(archive)]
Text = Annotated[str | None, Query(max_length=MAX_TEXT)]
Page = Annotated[int, Query(ge=1, le=MAX_PAGE)]
Size = Annotated[int, Query(ge=1, le=MAX_PAGE_SIZE)]


def search_form(
    q: Annotated[str, Query(max_length=MAX_QUERY, description="FTS5 query")] = "",
    date_from: Annotated[str | None, Query(alias="from", max_length=10)] = None,
    date_to: Annotated[str | None, Query(alias="to", max_length=10)] = None,
    entity: Text = None, outlet: Text = None,
    language: Annotated[str | None, Query(max_length=16, description="ISO 639-1, e.g. en or ru")] = None,
    sort: Annotated[str, Query(pattern="^(rank|date)$")] = "rank",
    literal: bool = False,
    all_copies: Annotated[bool, Query(alias="all", description="every copy, not one per cluster")] = False,
    by_story: Annotated[bool, Query(description="one result per story thread, with its label and size")] = False,
    place: Annotated[str | None, Query(max_length=MAX_TEXT, description="a gazetteer id (geonames:706483)")] = None,
) -> SearchForm:
    return SearchForm(q.strip(), date_from, date_to, entity, outlet, sort, literal, all_copies, by_story,
                      place or None, language or None)


@router.get("")
def index() -> dict[str, Any]:
    """The JSON API's routes, each with its one-line description."""
    routes = [r for r in router.routes if isinstance(r, APIRoute)]
    return {"routes": [{"path": r.path, "methods": sorted(r.methods), "description": _first_line(r.endpoint.__doc__)}
                       for r in routes]}


def _first_line(doc: str | None) -> str:
    return doc.strip().splitlines()[0] if doc else ""


@router.get("/overview")
def overview(db: Db) -> dict[str, Any]:
    """What the front page shows: the figures, top entities, outlets, recent articles and rejects."""
    return db.overview()


@router.get("/stats")
def stats(db: Db) -> dict[str, Any]:
    """Figures about the archive: articles, sources, rejects, dates, facts per kind, clusters, stories, languages."""
    return db.stats().to_dict()


@router.get("/clusters")
def clusters(db: Db, min_size: Annotated[int, Query(ge=1)] = 2, size: Size = 50) -> list[dict[str, Any]]:
    """Near-duplicate clusters (copies of one text), largest first; `size` counts exact copies too."""
    return db.clusters(min_size=min_size, limit=size).to_dicts()


@router.get("/search")
def search(db: Db, form: Annotated[SearchForm, Depends(search_form)], page: Page = 1,
           size: Size = 20) -> dict[str, Any]:
    """Hits with `[`/`]` around the matched words in `snippet`, one per story cluster (one per story
    thread, with its `story`, when `by_story`), and facets.

    A query matching more than `window` articles is ranked and counted among its `window` newest
    matches (`facets.complete` is then false); narrow it with words, dates or filters.
    """
    result = views.search_view(db, form, Paging(page, size), ("[", "]"))
    if result["entity"] is not None:
        result["entity"] = {k: result["entity"][k] for k in ("id", "name", "type")}
    return result


@router.get("/articles/{ident}")
def article(db: Db, ident: Annotated[str, Path(max_length=64)]) -> dict[str, Any]:
    """One article by id or unique id prefix: the article contract, its raw records and its copies."""
    found = views.article_view(db, ident)
    if found is None:
        raise HTTPException(404, f"no article with id {ident!r}")
    return found["data"]


@router.get("/entities")
def entities(db: Db, etype: Annotated[str | None, Query(alias="type", max_length=20)] = None,
             name: Text = None, page: Page = 1, size: Size = 50) -> list[dict[str, Any]]:
    """The archive's entities, most covered first; `type` (PERSON, ORG, ...) and `name` (a part) filter them."""
    return db.entities(kind=etype, name=name, limit=size, offset=(page - 1) * size).to_dicts()


@router.get("/entities/{ident}")
def entity(db: Db, ident: Annotated[str, Path(max_length=MAX_TEXT)]) -> dict[str, Any]:
    """The entity with its coverage; a name several entities answer to gives
    `{"ambiguous": name, "candidates": [...]}` instead."""
    found = views.entity_view(db, ident)
    if found is None:
        raise HTTPException(404, f"no entity {ident!r}")
    return found


@router.get("/quotes")
def quotes(db: Db, speaker: Text = None, q: Text = None,
           kind: Annotated[str | None, Query(pattern="^(direct|indirect)$")] = None,
           date_from: Annotated[str | None, Query(alias="from", max_length=10)] = None,
           date_to: Annotated[str | None, Query(alias="to", max_length=10)] = None,
           entity: Text = None, outlet: Text = None, page: Page = 1, size: Size = 50) -> list[dict[str, Any]]:
    """Quotes, newest articles first; `speaker`, `kind` (direct, indirect) and `q` (words of the quote) filter them."""
    return db.quotes(speaker=speaker, kind=kind, contains=q, date_from=date_from, date_to=date_to, entity=entity,
                     outlet=outlet, limit=size, offset=(page - 1) * size).to_dicts()


@router.get("/amounts")
def amounts(db: Db, unit: Text = None, counted: Text = None,
            value_min: Annotated[float | None, Query(alias="min")] = None,
            value_max: Annotated[float | None, Query(alias="max")] = None,
            date_from: Annotated[str | None, Query(alias="from", max_length=10)] = None,
            date_to: Annotated[str | None, Query(alias="to", max_length=10)] = None,
            entity: Text = None, outlet: Text = None, page: Page = 1, size: Size = 50) -> list[dict[str, Any]]:
    """Amounts of money and counts; `unit`, `counted` and `min`/`max` (the value) filter them."""
    return db.amounts(unit=unit, counted=counted, value_min=value_min, value_max=value_max, date_from=date_from,
                      date_to=date_to, entity=entity, outlet=outlet, limit=size, offset=(page - 1) * size).to_dicts()


EventType = Annotated[str | None, Query(alias="type", max_length=20, description="PLOVER type or quad")]


@router.get("/events")
def events(db: Db, etype: EventType = None, actor: Text = None, recipient: Text = None,
           country: Annotated[str | None, Query(max_length=10)] = None,
           sector: Annotated[str | None, Query(max_length=10, description="either side's sector")] = None,
           flags: Annotated[str | None, Query(max_length=60, description=(
               "flags all present (negated, hedged, future, claimed; comma-joined), or none"))] = None,
           dates: Annotated[str | None, Query(max_length=10, description=(
               "what from/to apply to: article (its publication date, the default) or event "
               "(the event's own date)"))] = None,
           date_from: Annotated[str | None, Query(alias="from", max_length=10)] = None,
           date_to: Annotated[str | None, Query(alias="to", max_length=10)] = None,
           entity: Text = None, outlet: Text = None, page: Page = 1, size: Size = 50) -> list[dict[str, Any]]:
    """PLOVER-coded events in the contract's shape, newest articles first."""
    return db.events(type=etype, actor=actor, recipient=recipient, country=country, sector=sector, flags=flags,
                     dates=dates, date_from=date_from, date_to=date_to, entity=entity, outlet=outlet, limit=size,
                     offset=(page - 1) * size).to_dicts()


@router.get("/facts/{kind}")
def facts(db: Db, kind: Annotated[str, Path(pattern="^(" + "|".join(KINDS) + ")$")],
          date_from: Annotated[str | None, Query(alias="from", max_length=10)] = None,
          date_to: Annotated[str | None, Query(alias="to", max_length=10)] = None,
          entity: Text = None, outlet: Text = None, language: Text = None,
          fact_kind: Annotated[str | None, Query(alias="kind", max_length=20)] = None,
          unit: Text = None, value_min: Annotated[float | None, Query(alias="min")] = None,
          value_max: Annotated[float | None, Query(alias="max")] = None, speaker: Text = None,
          contains: Text = None, counted: Text = None, name: Text = None,
          page: Page = 1, size: Size = 50) -> list[dict[str, Any]]:
    """Facts of any kind of the registry, with the same filters for every kind (a filter the kind
    does not take is a 400)."""
    given = {"date_from": date_from, "date_to": date_to, "entity": entity, "outlet": outlet, "language": language,
             "kind": fact_kind, "unit": unit, "value_min": value_min, "value_max": value_max, "speaker": speaker,
             "contains": contains, "counted": counted, "name": name, "offset": (page - 1) * size or None}
    return db.facts(kind, limit=size, **given).to_dicts()


@router.get("/stories")
def stories(db: Db, date_from: Annotated[str | None, Query(alias="from", max_length=10)] = None,
            date_to: Annotated[str | None, Query(alias="to", max_length=10)] = None, entity: Text = None,
            min_size: Annotated[int, Query(ge=1)] = 2, page: Page = 1, size: Size = 50) -> list[dict[str, Any]]:
    """Story threads, largest first: `id`, `label`, `first`, `last`, `size`, `outlets`, `articles`."""
    return db.stories(date_from=date_from, date_to=date_to, entity=entity, min_size=min_size, limit=size,
                      offset=(page - 1) * size).to_dicts()


@router.get("/stories/{ident}")
def story(db: Db, ident: Annotated[int, Path(ge=1)]) -> dict[str, Any]:
    """One story: its articles in date order, its outlets, its quotes grouped by speaker."""
    found = db.story(ident)
    if found is None:
        raise HTTPException(404, f"no story {ident}")
    return found.to_dict()


# A map shows at most this many places (the most covered); the rest are counted in their country.
MAX_MAP_PLACES = 1000


def place_filters(
    country: Annotated[str | None, Query(max_length=10, description="ISO alpha-3; its cities count")] = None,
    kind: Annotated[str | None, Query(pattern="^(country|region|city)$")] = None,
    date_from: Annotated[str | None, Query(alias="from", max_length=10)] = None,
    date_to: Annotated[str | None, Query(alias="to", max_length=10)] = None,
    q: Annotated[str | None, Query(max_length=MAX_QUERY, description="FTS5 query over the articles")] = None,
    entity: Text = None, outlet: Text = None,
    story: Annotated[int | None, Query(ge=1, description="a story thread's id")] = None,
) -> dict[str, Any]:
    """The filters of the places, as the read API names them (empty ones left out)."""
    given = {"country": country, "kind": kind, "date_from": date_from, "date_to": date_to, "query": q,
             "entity": entity, "outlet": outlet, "story": story}
    return {k: v for k, v in given.items() if v not in (None, "")}


@router.get("/places")
def places(db: Db, filters: Annotated[dict[str, Any], Depends(place_filters)],
           size: Annotated[int, Query(ge=1, le=MAX_MAP_PLACES)] = 500) -> dict[str, Any]:
    """Places named in the articles, with article and mention counts, and the same per country (for a map).

    `places`: the most covered first, each `{id, name, kind, country, region, lat, lon, articles,
    mentions, datelines}`; `countries`: `{country, name, numeric, articles, mentions}`, where
    `numeric` is the ISO numeric code the world atlas keys its shapes on.
    """
    return {"places": db.places(limit=size, **filters).to_dicts(), "countries": db.place_countries(**filters)}


@router.get("/places/{ident}")
def place(db: Db, ident: Annotated[str, Path(max_length=MAX_TEXT)]) -> dict[str, Any]:
    """One place by its gazetteer id (`geonames:2988507`), with its counts and newest articles."""
    found = db.place(ident)
    if found is None:
        raise HTTPException(404, f"no place {ident!r} in this archive")
    return found
