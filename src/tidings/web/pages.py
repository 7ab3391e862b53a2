"""The HTML pages: each calls the same query functions as its JSON counterpart in ``api``."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import HTMLResponse

from tidings.coding.codebook import codebook
from tidings.store import Store, queries
from tidings.store.queries import EventFilter
from tidings.web import render
from tidings.web.api import check_event_id
from tidings.web.app import templates
from tidings.web.common import Filters, Page, features_of, store_of
from tidings.web.params import bucket_from, int_param, query_string

__all__ = ["router", "warm"]

router = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)


def _page(request: Request, name: str, f: EventFilter | None = None, **context: Any) -> HTMLResponse:
    qs = query_string(f) if f is not None else {}
    book = codebook()
    return templates.TemplateResponse(request, name, {
        "filters": f, "qs": qs, "qs_text": urlencode(qs), "stories": features_of(request).stories,
        "roots": sorted({(c.root, book[c.root].name if c.root in book else c.root) for c in book.values()}),
        "plovers": sorted({c.plover for c in book.values() if c.plover}), "urlencode": urlencode,
        "code_name": render.code_name, "quad_names": render.QUAD_NAMES, **context})


def _timeline(request: Request, f: EventFilter, most: int = 60) -> dict[str, Any]:
    store = store_of(request)
    days = queries.timeline(store, f, "day")
    bucket = bucket_from(request.query_params, render.pick_bucket([d["period"] for d in days], most))
    rows = days if bucket == "day" else queries.timeline(store, f, bucket)  # folded from the same cached pass
    return {"bucket": bucket, "bars": render.timeline_bars(rows, bucket)}


def warm(store: Store) -> None:
    """Compute the whole-store aggregates the pages show first (they stay cached until the store
    changes): ``tidings serve`` runs this in the background at start."""
    f = EventFilter()
    days = queries.timeline(store, f, "day")
    queries.timeline(store, f, render.pick_bucket([d["period"] for d in days]))
    queries.totals(store)
    for role in ("source", "target"):
        queries.top_actors(store, f, role, 10)
        queries.top_actors(store, f, role, 12)
    queries.dyads(store, f, 10)
    queries.dyads(store, f, 500)
    queries.map_points(store, f)


@router.get("/")
def overview(request: Request, f: Filters) -> HTMLResponse:
    store = store_of(request)
    return _page(request, "overview.html", f, totals=queries.totals(store), timeline=_timeline(request, f),
                 sources=queries.top_actors(store, f, "source", 10), targets=queries.top_actors(store, f, "target", 10),
                 dyads=queries.dyads(store, f, 10))


@router.get("/dyads")
def dyads(request: Request, f: Filters) -> HTMLResponse:
    size = int_param(request.query_params, "size", 12, 2, 40)
    pairs = queries.dyads(store_of(request), f, 500)
    rows = [a["actor"] for a in queries.top_actors(store_of(request), f, "source", size)]
    cols = [a["actor"] for a in queries.top_actors(store_of(request), f, "target", size)]
    cells = {(d["source"], d["target"]): d for d in pairs}
    return _page(request, "dyads.html", f, rows=rows, cols=cols, cells=cells, pairs=pairs[:50], size=size)


@router.get("/dyad")
def dyad(request: Request, f: Filters, paging: Page) -> HTMLResponse:
    if not f.query.source or not f.query.target:
        raise HTTPException(400, "a dyad needs both source and target (e.g. /dyad?source=RUS&target=BLR)")
    store = store_of(request)
    return _page(request, "dyad.html", f, timeline=_timeline(request, f),
                 page=queries.events_page(store, f, paging.page, paging.per_page), pair=queries.summary(store, f))


@router.get("/events")
def events(request: Request, f: Filters, paging: Page) -> HTMLResponse:
    return _page(request, "events.html", f, page=queries.events_page(store_of(request), f, paging.page, paging.per_page))


@router.get("/events/{event_id}")
def event(request: Request, event_id: str) -> HTMLResponse:
    store = store_of(request)
    found = queries.event_detail(store, check_event_id(event_id))
    if found is None:
        raise HTTPException(404, f"no event {event_id}")
    ev, story = found
    view = queries.document(store, ev.doc_id)
    text = view.doc["text"] if view else None
    return _page(request, "event.html", None, ev=ev, story=story, doc=view.doc if view else None,
                 evidence=render.evidence_segments(ev, text), kb=_kb_entries(ev),
                 book=codebook().get(ev.cameo))


def _kb_entries(ev: Any) -> dict[str, list[Any]]:
    """How each actor's words read in the knowledge base on the event's date."""
    from tidings.actors.kb import load_kb

    kb = load_kb()
    return {role: kb.candidates(actor.text, ev.date) for role in ("source", "target", "reported_by")
            if (actor := getattr(ev, role)) is not None and actor.text}


@router.get("/docs")
def documents(request: Request, paging: Page) -> HTMLResponse:
    only = (request.query_params.get("failed") or "").lower() in {"1", "true", "on", "yes"}
    rows, total = queries.documents_page(store_of(request), failed_only=only, page=paging.page,
                                         per_page=paging.per_page)
    return _page(request, "documents.html", None, rows=rows, total=total, failed=only, paging=paging,
                 pages=max(1, -(-total // paging.per_page)))


@router.get("/doc")
def doc_by_query(request: Request) -> HTMLResponse:
    doc_id = request.query_params.get("id") or ""
    return doc(request, doc_id)


@router.get("/docs/{doc_id:path}")
def doc(request: Request, doc_id: str) -> HTMLResponse:
    view = queries.document(store_of(request), doc_id)
    if view is None:
        raise HTTPException(404, f"no document {doc_id[:80]}")
    segments = render.document_segments(view.doc["text"] or "", view.events)
    return _page(request, "document.html", None, view=view, segments=segments)


@router.get("/map")
def map_page(request: Request, f: Filters) -> HTMLResponse:
    return _page(request, "map.html", f, points=queries.map_points(store_of(request), f))


@router.get("/api")
def api_index(request: Request) -> HTMLResponse:
    spec = request.app.openapi()
    routes = [(path, op.get("summary", ""), [p["name"] for p in op.get("parameters", [])])
              for path, ops in spec["paths"].items() for op in ops.values()]
    return _page(request, "api.html", None, routes=routes)
