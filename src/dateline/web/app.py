"""The web interface and JSON API: `create_app(db_path)` builds the FastAPI application.

The archive is opened read-only, one connection per worker thread (a connection carries its own
progress handler, which search uses as a time limit, so threads must not share one). Pages are
rendered by Jinja2 with autoescaping on; every response carries a content policy that allows
only the package's own scripts and styles.
"""

from __future__ import annotations

import threading
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exception_handlers import request_validation_exception_handler
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, FileSystemLoader

from dateline import api as read_api
from dateline.api import NewsArchive
from dateline.errors import DatelineError, user_message
from dateline.settings import Settings, load_settings
from dateline.web import api, highlight, pages

HERE = Path(__file__).parent

CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
# The library's argument names as the JSON API's query parameters.
API_WORDS = {"date_from": "from", "date_to": "to", "value_min": "min", "value_max": "max", "contains": "q"}
# Swagger UI sets inline styles on its widgets; its scripts still come only from /static.
CSP_DOCS = CSP.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'")


class Connections:
    """One read-only archive per thread, all closed when the app stops."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self._local = threading.local()
        self._all: list[NewsArchive] = []
        self._lock = threading.Lock()
        read_api.open(settings.db, settings).close()  # fail at start-up, not at the first request

    def get(self) -> NewsArchive:
        archive = getattr(self._local, "archive", None)
        if archive is None:
            archive = read_api.open(self.settings.db, self.settings)
            self._local.archive = archive
            with self._lock:
                self._all.append(archive)
        return archive

    @property
    def local(self) -> NewsArchive:
        """An archive whose every attribute is looked up on the calling thread's connection.

        FastAPI runs a sync dependency and its endpoint on different pool threads, so the
        dependency hands out this proxy; the connection is picked where it is used. Sharing one
        connection across threads deadlocks: search's progress handler takes the GIL while
        SQLite holds the connection's mutex.
        """
        return _ThreadArchive(self)  # type: ignore[return-value]

    def close(self) -> None:
        with self._lock:
            for a in self._all:
                a.close()
            self._all.clear()


class _ThreadArchive:
    __slots__ = ("_conns",)

    def __init__(self, conns: Connections) -> None:
        self._conns = conns

    def __getattr__(self, name: str) -> object:
        return getattr(self._conns.get(), name)


def _templates() -> Jinja2Templates:
    env = Environment(loader=FileSystemLoader(HERE / "templates"), autoescape=True,
                      trim_blocks=True, lstrip_blocks=True)
    env.filters["amount"] = highlight.fmt_value
    return Jinja2Templates(env=env)


def create_app(db_path: str | None = None, settings: Settings | None = None) -> FastAPI:
    """The app over the archive at `db_path`, else the settings' `db` (built as the command line
    and the library build them: `load_settings`)."""
    settings = settings or load_settings()
    if db_path is not None:
        settings = settings.with_overrides(db=str(db_path))
    conns = Connections(settings)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        conns.close()

    app = FastAPI(title="dateline", summary="A clean, de-duplicated, searchable news archive.",
                  docs_url=None, redoc_url=None, lifespan=lifespan)
    app.state.conns = conns
    app.state.templates = _templates()
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    app.include_router(api.router)
    app.include_router(pages.router)

    @app.middleware("http")
    async def headers(request: Request, call_next):  # type: ignore[no-untyped-def]
        response: Response = await call_next(request)
        response.headers["Content-Security-Policy"] = CSP_DOCS if request.url.path == "/docs" else CSP
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Referrer-Policy"] = "no-referrer"
        return response

    @app.exception_handler(DatelineError)
    async def user_error(request: Request, exc: DatelineError) -> Response:
        if request.url.path.startswith("/api/"):
            return JSONResponse({"detail": user_message(exc, API_WORDS)}, status_code=exc.http_status)
        return pages.error_page(request, exc.http_status, user_message(exc, pages.WORDS))

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> Response:
        if request.url.path.startswith("/api/"):
            return await request_validation_exception_handler(request, exc)
        problems = "; ".join(f"{'.'.join(str(x) for x in e['loc'][1:])}: {e['msg']}" for e in exc.errors())
        return pages.error_page(request, 400, f"invalid request ({problems})")

    @app.get("/docs", include_in_schema=False)
    def docs(request: Request) -> HTMLResponse:
        return request.app.state.templates.TemplateResponse(request, "docs.html", {})

    return app
