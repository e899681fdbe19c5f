"""The HTML pages, rendered on the server from the same views as the JSON API."""

from __future__ import annotations

import time
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Path, Query, Request
from fastapi.responses import HTMLResponse
from markupsafe import Markup, escape

from dateline.api import NewsArchive
from dateline.archive.kinds.entities import TYPES as ENTITY_TYPES
from dateline.errors import QueryError, user_message
from dateline.model import EVENT_TYPES
from dateline.web import charts, highlight, views
from dateline.web.api import Db, Page, Text, place_filters, search_form
from dateline.web.views import Paging, SearchForm

router = APIRouter(include_in_schema=False)
# The read API's argument names as the pages' query parameters.
API_WORDS = {"date_from": "from", "date_to": "to", "query": "q"}

# Control characters cannot survive cleaning into article text, so they mark matched words
# unambiguously; the snippet is escaped piece by piece around them.
OPEN, CLOSE = "\x02", "\x03"


def snippet_html(snippet: str) -> Markup:
    out, inside = [], False
    for piece in snippet.replace(CLOSE, OPEN).split(OPEN):
        out.append(f"<mark>{escape(piece)}</mark>" if inside else str(escape(piece)))
        inside = not inside
    return Markup("".join(out))


def url_with(request: Request, changes: dict[str, Any]) -> str:
    """This page's URL with some query parameters changed (None removes one); paging restarts."""
    params = dict(request.query_params)
    params.pop("page", None)
    for k, v in changes.items():
        if v is None:
            params.pop(k, None)
        else:
            params[k] = str(v)
    return request.url.path + ("?" + urlencode(params) if params else "")


def render(request: Request, name: str, context: dict[str, Any], status: int = 200) -> HTMLResponse:
    templates = request.app.state.templates
    return templates.TemplateResponse(request, name, {"url_with": url_with, **context}, status_code=status)


def error_page(request: Request, status: int, message: str) -> HTMLResponse:
    return render(request, "error.html", {"status": status, "message": message}, status)


OUTLETS_TTL = 300.0
# The largest clusters only: the listing is read largest first and has no paging.
CLUSTERS_SHOWN = 100


# The library's argument names as a person filling in the search form knows them.
WORDS = {"literal": "tick “plain words”", "date_from": "“from”", "date_to": "“to”"}


def _outlets(request: Request, db: NewsArchive) -> list[str]:
    """The outlet menu, kept for a few minutes: counting outlets scans the whole articles table."""
    cached = getattr(request.app.state, "outlets", None)
    now = time.monotonic()
    if cached is None or now - cached[0] > OUTLETS_TTL:
        cached = (now, [o["outlet"] for o in db.outlets(100)])
        request.app.state.outlets = cached
    return cached[1]


@router.get("/", response_class=HTMLResponse)
def overview(request: Request, db: Db) -> HTMLResponse:
    figures = db.overview()
    _, points = charts.series(charts.months_to_days(figures["per_month"]), unit="month")
    chart = charts.bar_chart(points, "articles per month")
    return render(request, "overview.html", {"s": figures, "chart": chart})


@router.get("/search", response_class=HTMLResponse)
def search(request: Request, db: Db, form: Annotated[SearchForm, Depends(search_form)],
           page: Page = 1) -> HTMLResponse:
    context: dict[str, Any] = {"form": form, "result": None, "error": None,
                               "outlets": _outlets(request, db), "languages": db.languages()}
    if form.q:
        try:
            result = views.search_view(db, form, Paging(page, 20), (OPEN, CLOSE))
        except QueryError as exc:
            context["error"] = user_message(exc, WORDS)
        else:
            for h in result["hits"]:
                h["snippet_html"] = snippet_html(h["snippet"])
            context["result"] = result
    return render(request, "search.html", context, 400 if context["error"] else 200)


@router.get("/articles/{ident}", response_class=HTMLResponse)
def article(request: Request, db: Db, ident: Annotated[str, Path(max_length=64)]) -> HTMLResponse:
    found = views.article_view(db, ident)
    if found is None:
        return error_page(request, 404, f"no article with id {ident!r}")
    a = found["article"]
    return render(request, "article.html", {
        "a": a, "d": found["data"], "paragraphs": highlight.paragraphs(a), "origins": found["origins"],
        "repairs": {k: v for k, v in a.repairs.items() if v},
    })


@router.get("/entities", response_class=HTMLResponse)
def entities(request: Request, db: Db, etype: Annotated[str | None, Query(alias="type", max_length=20)] = None,
             name: Text = None, page: Page = 1) -> HTMLResponse:
    etype = etype.upper() if etype and etype.upper() in ENTITY_TYPES else None
    rows = db.entities(kind=etype, name=name or None, limit=51, offset=(page - 1) * 50).to_dicts()
    return render(request, "entities.html", {
        "rows": rows[:50], "has_more": len(rows) > 50, "page": page, "etype": etype, "name": name or "",
        "types": ENTITY_TYPES,
        "why_empty": views.why_empty(db, "entities", rows),
    })


@router.get("/entities/{ident}", response_class=HTMLResponse)
def entity(request: Request, db: Db, ident: Annotated[str, Path(max_length=views.MAX_TEXT)]) -> HTMLResponse:
    found = views.entity_view(db, ident)
    if found is None:
        return error_page(request, 404, f"no entity {ident!r}")
    if "candidates" in found:  # a name several entities answer to: let the reader choose
        return render(request, "entities.html", {
            "rows": found["candidates"], "has_more": False, "page": 1, "etype": None, "name": ident,
            "types": ENTITY_TYPES, "ambiguous": ident,
        })
    unit, points = charts.series(found["per_day"])
    chart = charts.bar_chart(points, f"articles naming {found['name']} per {unit}")
    return render(request, "entity.html", {"e": found, "chart": chart, "unit": unit})


@router.get("/quotes", response_class=HTMLResponse)
def quotes(request: Request, db: Db, speaker: Text = None, q: Text = None,
           kind: Annotated[str | None, Query(pattern="^(direct|indirect|)$")] = None,
           page: Page = 1) -> HTMLResponse:
    rows = db.quotes(speaker=speaker or None, kind=kind or None, contains=q or None,
                     limit=51, offset=(page - 1) * 50).to_dicts()
    return render(request, "quotes.html", {
        "rows": rows[:50], "has_more": len(rows) > 50, "page": page,
        "speaker": speaker or "", "q": q or "", "kind": kind or "",
        "why_empty": views.why_empty(db, "quotes", rows),
    })


@router.get("/amounts", response_class=HTMLResponse)
def amounts(request: Request, db: Db, unit: Text = None, counted: Text = None, page: Page = 1) -> HTMLResponse:
    rows = db.amounts(unit=unit or None, counted=counted or None, limit=51, offset=(page - 1) * 50).to_dicts()
    for r in rows:
        r["value_text"] = highlight.fmt_value(r["value"])
    return render(request, "amounts.html", {
        "rows": rows[:50], "has_more": len(rows) > 50, "page": page, "unit": unit or "", "counted": counted or "",
        "why_empty": views.why_empty(db, "amounts", rows),
    })


# The periods the events page can chart by (`None`: chosen from the span of the dates).
EVENT_UNITS = ("day", "week")


@router.get("/events", response_class=HTMLResponse)
def events(request: Request, db: Db, etype: Annotated[str | None, Query(alias="type", max_length=20)] = None,
           actor: Text = None, recipient: Text = None, country: Annotated[str | None, Query(max_length=10)] = None,
           sector: Annotated[str | None, Query(max_length=10)] = None,
           flags: Annotated[str | None, Query(max_length=60)] = None,
           date_from: Annotated[str | None, Query(alias="from", max_length=10)] = None,
           date_to: Annotated[str | None, Query(alias="to", max_length=10)] = None,
           by: Annotated[str, Query(pattern="^(type|country)$")] = "type",
           unit: Annotated[str | None, Query(pattern="^(day|week)?$")] = None,
           page: Page = 1) -> HTMLResponse:
    # The page's dates are the events' own, as its charts are: a reader looking at what
    # happened in a week wants the events of that week, whenever they were reported.
    given = {"type": etype or None, "actor": actor or None, "recipient": recipient or None,
             "country": country or None, "sector": sector or None, "flags": flags or None,
             "date_from": date_from or None, "date_to": date_to or None, "dates": "event"}
    rows = db.events(**given, limit=51, offset=(page - 1) * 50).to_dicts()  # a bad type: the app's error page
    counts = db.event_counts(**given, by=by)
    what = "events of type" if by == "type" else "events with a side of"
    return render(request, "events.html", {
        "rows": rows[:50], "has_more": len(rows) > 50, "page": page,
        "charts": charts.by_type(counts, what, unit or None), "by": by, "unit": unit or "",
        "units": EVENT_UNITS, "types": list(EVENT_TYPES), "etype": etype or "", "actor": actor or "",
        "recipient": recipient or "", "country": country or "", "sector": sector or "", "flags": flags or "",
        "date_from": date_from or "", "date_to": date_to or "",
    })


@router.get("/clusters", response_class=HTMLResponse)
def clusters(request: Request, db: Db, min_size: Annotated[int, Query(ge=1)] = 2) -> HTMLResponse:
    rows = db.clusters(min_size=min_size, limit=CLUSTERS_SHOWN + 1).to_dicts()
    return render(request, "clusters.html", {"rows": rows[:CLUSTERS_SHOWN], "has_more": len(rows) > CLUSTERS_SHOWN,
                                             "min_size": min_size})


@router.get("/stories", response_class=HTMLResponse)
def stories(request: Request, db: Db, min_size: Annotated[int, Query(ge=1)] = 2, page: Page = 1) -> HTMLResponse:
    rows = db.stories(min_size=min_size, limit=51, offset=(page - 1) * 50).to_dicts()
    return render(request, "stories.html", {"rows": rows[:50], "has_more": len(rows) > 50, "page": page,
                                            "min_size": min_size})


@router.get("/stories/{ident}", response_class=HTMLResponse)
def story(request: Request, db: Db, ident: Annotated[int, Path(ge=1)]) -> HTMLResponse:
    found = db.story(ident)
    if found is None:
        return error_page(request, 404, f"no story {ident}")
    per_day: dict[str, int] = {}
    for a in found.articles:
        if a.published:
            per_day[a.published[:10]] = per_day.get(a.published[:10], 0) + 1
    unit, points = charts.series(per_day)
    chart = charts.bar_chart(points, f"articles of the story per {unit}") if points else None
    return render(request, "story.html", {"s": found.to_dict(), "chart": chart, "unit": unit})


@router.get("/places", response_class=HTMLResponse)
def places(request: Request, db: Db, filters: Annotated[dict[str, Any], Depends(place_filters)],
           place: Annotated[str | None, Query(max_length=views.MAX_TEXT)] = None) -> HTMLResponse:
    """A world map of the places the articles name (drawn in the browser from `/api/places`), the
    most covered places as a table, and with `place` that place's newest articles."""
    rows = db.places(limit=50, **filters).to_dicts()
    chosen = db.place(place) if place else None
    scope = {API_WORDS.get(k, k): v for k, v in filters.items()}
    return render(request, "places.html", {
        "rows": rows, "chosen": chosen, "place": place or "", "api": "/api/places?" + urlencode(scope),
        "link": "/places?" + urlencode({**scope, "place": ""}), **{k: request.query_params.get(k, "") for k in
                                                                   ("country", "from", "to", "q", "entity")},
    })
