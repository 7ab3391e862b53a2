"""The FastAPI application: security headers, error pages, static files, and the routers."""

from __future__ import annotations

import threading
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from importlib import resources
from typing import Any

import jinja2
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from starlette.exceptions import HTTPException

from tidings.about import __version__
from tidings.store import Store
from tidings.web.params import BadParameter
from tidings.web.render import doc_url, mention_key

__all__ = ["CSP", "create_app", "templates"]

# Nothing but this server: no inline script or style, no frames, no other origin.
CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
       "font-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
HEADERS = {"Content-Security-Policy": CSP, "X-Content-Type-Options": "nosniff", "Referrer-Policy": "no-referrer",
           "X-Frame-Options": "DENY", "Cross-Origin-Opener-Policy": "same-origin",
           "Cross-Origin-Resource-Policy": "same-origin"}

_WEB = resources.files("tidings") / "web"
# autoescape everywhere: every text from documents is escaped; no template marks anything safe
templates = Jinja2Templates(env=jinja2.Environment(loader=jinja2.FileSystemLoader(str(_WEB / "templates")),
                                                   autoescape=True, undefined=jinja2.StrictUndefined))
templates.env.globals.update(mid=mention_key, doc_url=doc_url)  # for macros too (they see no page context)


def _wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api/")


def _error(request: Request, status: int, message: str) -> Response:
    if _wants_json(request):
        return JSONResponse({"error": message}, status_code=status)
    return templates.TemplateResponse(request, "error.html", {"status": status, "message": message},
                                      status_code=status)


def create_app(store: Store, *, warm: bool = False) -> FastAPI:
    """The web view over ``store`` (open it with ``Store(url, read_only=True)``). ``warm`` computes
    the whole-store aggregates in a background thread at start, so the first visitor does not wait."""
    from tidings.store.queries import features
    from tidings.web import api, pages

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        if warm:
            threading.Thread(target=pages.warm, args=(store,), name="tidings-warm", daemon=True).start()
        yield

    app = FastAPI(lifespan=lifespan, title="tidings", version=__version__, docs_url=None, redoc_url=None,
                  openapi_url="/api/openapi.json",
                  description="Political event data (CAMEO, PLOVER) with the evidence of every event. "
                              "Every list takes the filters of `tidings events`.")
    app.state.store = store
    app.state.features = features(store)

    @app.middleware("http")
    async def security_headers(request: Request, call_next: Any) -> Response:
        response = await call_next(request)
        for name, value in HEADERS.items():
            response.headers.setdefault(name, value)
        return response

    @app.exception_handler(BadParameter)
    async def bad_parameter(request: Request, exc: BadParameter) -> Response:
        return _error(request, 400, str(exc))

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> Response:
        first = exc.errors()[0] if exc.errors() else {}
        where = ".".join(str(p) for p in first.get("loc", ()) if p not in ("query", "path"))
        return _error(request, 400, f"invalid {where}: {first.get('msg', 'bad value')}")

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException) -> Response:
        return _error(request, exc.status_code, str(exc.detail))

    app.include_router(api.router)
    app.include_router(pages.router)
    app.mount("/static", StaticFiles(directory=str(_WEB / "static")), name="static")
    return app
