"""The HTML pages, rendered on the server from the same views as the JSON API."""

from __future__ import annotations

import time
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Path, Query, Request
from fastapi.responses import HTMLResponse
from markupsafe import Markup, escape

from dateline.archive import browse, queries
from dateline.archive.search import QueryError
from dateline.archive.store import Archive
from dateline.web import charts, highlight, views
from dateline.web.api import Db, Page, Text, search_form
from dateline.web.views import Paging, SearchForm

router = APIRouter(include_in_schema=False)

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


def _outlets(request: Request, db: Archive) -> list[str]:
    """The outlet menu, kept for a few minutes: counting outlets scans the whole articles table."""
    cached = getattr(request.app.state, "outlets", None)
    now = time.monotonic()
    if cached is None or now - cached[0] > OUTLETS_TTL:
        cached = (now, [o["outlet"] for o in browse.outlets(db.conn, 100)])
        request.app.state.outlets = cached
    return cached[1]


@router.get("/", response_class=HTMLResponse)
def overview(request: Request, db: Db) -> HTMLResponse:
    figures = views.overview(db)
    _, points = charts.series(charts.months_to_days(figures["per_month"]), unit="month")
    chart = charts.bar_chart(points, "articles per month")
    return render(request, "overview.html", {"s": figures, "chart": chart})


@router.get("/search", response_class=HTMLResponse)
def search(request: Request, db: Db, form: Annotated[SearchForm, Depends(search_form)],
           page: Page = 1) -> HTMLResponse:
    context: dict[str, Any] = {"form": form, "result": None, "error": None,
                               "outlets": _outlets(request, db)}
    if form.q:
        try:
            result = views.search_view(db, form, Paging(page, 20), (OPEN, CLOSE))
        except QueryError as exc:
            context["error"] = str(exc).replace("use --literal", "tick “plain words”")
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
        "a": a, "d": found["data"], "paragraphs": highlight.paragraphs(a),
        "repairs": {k: v for k, v in a.repairs.items() if v},
    })


@router.get("/entities", response_class=HTMLResponse)
def entities(request: Request, db: Db, etype: Annotated[str | None, Query(alias="type", max_length=20)] = None,
             name: Text = None, page: Page = 1) -> HTMLResponse:
    etype = etype.upper() if etype and etype.upper() in queries.ENTITY_TYPES else None
    rows = queries.top_entities(db.conn, etype, 51, (page - 1) * 50, name=name or None)
    return render(request, "entities.html", {
        "rows": rows[:50], "has_more": len(rows) > 50, "page": page, "etype": etype, "name": name or "",
        "types": queries.ENTITY_TYPES,
    })


@router.get("/entities/{ident}", response_class=HTMLResponse)
def entity(request: Request, db: Db, ident: Annotated[str, Path(max_length=views.MAX_TEXT)]) -> HTMLResponse:
    found = views.entity_view(db, ident)
    if found is None:
        return error_page(request, 404, f"no entity {ident!r}")
    unit, points = charts.series(found["per_day"])
    chart = charts.bar_chart(points, f"articles naming {found['name']} per {unit}")
    return render(request, "entity.html", {"e": found, "chart": chart, "unit": unit})


@router.get("/quotes", response_class=HTMLResponse)
def quotes(request: Request, db: Db, speaker: Text = None, q: Text = None,
           kind: Annotated[str | None, Query(pattern="^(direct|indirect|)$")] = None,
           page: Page = 1) -> HTMLResponse:
    rows = queries.quotes(db.conn, speaker=speaker or None, kind=kind or None, contains=q or None,
                          limit=51, offset=(page - 1) * 50)
    return render(request, "quotes.html", {
        "rows": rows[:50], "has_more": len(rows) > 50, "page": page,
        "speaker": speaker or "", "q": q or "", "kind": kind or "",
    })


@router.get("/amounts", response_class=HTMLResponse)
def amounts(request: Request, db: Db, unit: Text = None, counted: Text = None, page: Page = 1) -> HTMLResponse:
    rows = queries.amounts(db.conn, unit=unit or None, counted=counted or None, limit=51, offset=(page - 1) * 50)
    for r in rows:
        r["value_text"] = highlight.fmt_value(r["value"])
    return render(request, "amounts.html", {
        "rows": rows[:50], "has_more": len(rows) > 50, "page": page, "unit": unit or "", "counted": counted or "",
    })
