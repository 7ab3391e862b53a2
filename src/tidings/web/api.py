"""The JSON API behind every page (documented at /api/openapi.json and /api)."""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterator
from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import StreamingResponse

from tidings.export import flat_row
from tidings.records import FLAT_COLUMNS
from tidings.store import queries
from tidings.web.common import Filters, Page, features_of, store_of
from tidings.web.params import BadParameter, bucket_from, int_param

__all__ = ["EVENT_ID", "router"]

router = APIRouter(prefix="/api", tags=["api"])
EVENT_ID = re.compile(r"[A-Za-z0-9_-]{1,64}")


def check_event_id(event_id: str) -> str:
    if not EVENT_ID.fullmatch(event_id):
        raise BadParameter(f"invalid event id {event_id[:40]!r}: letters, digits, - and _ only")
    return event_id


@router.get("/overview", summary="Totals, coder versions and what the store can answer")
def overview(request: Request) -> dict[str, Any]:
    t = queries.totals(store_of(request))
    return {"documents": t.documents, "failed": t.failed, "mentions": t.mentions, "first_date": t.first_date,
            "last_date": t.last_date, "coders": [{"coder": c, "events": n} for c, n in t.coders],
            "stories": features_of(request).stories}


@router.get("/timeline", summary="Events per day, week, month or year by QuadClass")
def timeline(request: Request, f: Filters,
             bucket: Annotated[str | None, Query(description="day, week, month or year")] = None) -> dict[str, Any]:
    b = bucket_from(request.query_params)
    return {"bucket": b, "periods": queries.timeline(store_of(request), f, b)}


@router.get("/actors", summary="Most frequent source or target actors")
def actors(request: Request, f: Filters,
           role: Annotated[str, Query(pattern="^(source|target)$")] = "source",
           limit: Annotated[str | None, Query(description="1-500 (default 20)")] = None) -> dict[str, Any]:
    n = int_param(request.query_params, "limit", 20, 1, 500)
    return {"role": role, "actors": queries.top_actors(store_of(request), f, role, n)}


@router.get("/dyads", summary="Source → target pairs with counts and mean Goldstein")
def dyads(request: Request, f: Filters,
          limit: Annotated[str | None, Query(description="1-500 (default 50)")] = None) -> dict[str, Any]:
    n = int_param(request.query_params, "limit", 50, 1, 500)
    return {"dyads": queries.dyads(store_of(request), f, n)}


@router.get("/map", summary="Located events grouped by place")
def map_points(request: Request, f: Filters) -> dict[str, Any]:
    return {"points": queries.map_points(store_of(request), f)}


@router.get("/events", summary="A page of filtered events, newest first")
def events(request: Request, f: Filters, paging: Page) -> dict[str, Any]:
    page = queries.events_page(store_of(request), f, paging.page, paging.per_page)
    return {"total": page.total, "capped": page.capped, "page": page.page, "per_page": page.per_page,
            "pages": page.pages, "has_next": page.has_next, "events": [e.to_dict() for e in page.events]}


def _csv(rows: Iterator[Any]) -> Iterator[str]:
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=list(FLAT_COLUMNS))
    writer.writeheader()
    for i, e in enumerate(rows, 1):
        writer.writerow(flat_row(e))
        if i % 500 == 0:
            yield buf.getvalue()
            buf.seek(0)
            buf.truncate()
    yield buf.getvalue()


@router.get("/events.csv", summary="Every filtered event as CSV (the columns of tidings export)")
def events_csv(request: Request, f: Filters) -> StreamingResponse:
    return StreamingResponse(_csv(queries.iter_events(store_of(request), f)), media_type="text/csv; charset=utf-8",
                             headers={"Content-Disposition": 'attachment; filename="events.csv"'})


@router.get("/events.jsonl", summary="Every filtered event as JSON lines (the event record)")
def events_jsonl(request: Request, f: Filters) -> StreamingResponse:
    lines = (json.dumps(e.to_dict(), ensure_ascii=False) + "\n" for e in queries.iter_events(store_of(request), f))
    return StreamingResponse(lines, media_type="application/x-ndjson; charset=utf-8",
                             headers={"Content-Disposition": 'attachment; filename="events.jsonl"'})


@router.get("/events/{event_id}", summary="One event, with its story's mentions when stories exist")
def event(request: Request, event_id: str) -> dict[str, Any]:
    found = queries.event_detail(store_of(request), check_event_id(event_id))
    if found is None:
        raise HTTPException(404, f"no event {event_id}")
    ev, story = found
    return {"event": ev.to_dict(),
            "story": None if story is None else {"event": story.story, "mentions": story.mentions}}


@router.get("/documents", summary="Documents, newest first, with status and failure reason")
def documents(request: Request, paging: Page,
              failed: Annotated[str | None, Query(description="true: only failed documents")] = None) -> dict[str, Any]:
    only = (failed or "").lower() in {"1", "true", "on", "yes"}
    rows, total = queries.documents_page(store_of(request), failed_only=only, page=paging.page,
                                         per_page=paging.per_page)
    return {"total": total, "page": paging.page, "per_page": paging.per_page, "documents": rows}


@router.get("/docs/{doc_id:path}", summary="A document: its cleaned text, status and events")
def doc(request: Request, doc_id: str) -> dict[str, Any]:
    view = queries.document(store_of(request), doc_id)
    if view is None:
        raise HTTPException(404, f"no document {doc_id[:80]}")
    return {"document": {k: v for k, v in view.doc.items() if k != "id"}, "versions": view.versions,
            "events": [e.to_dict() for e in view.events]}
