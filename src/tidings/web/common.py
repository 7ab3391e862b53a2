"""What the API and the pages share: the store of the request and its checked filters.

``Filters`` is a FastAPI dependency that declares every filter (so the OpenAPI document lists
them) as plain text and checks them itself (``params.filters_from``): a bad value is a 400 with a
message, never a 422 or a 500."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Query, Request

from tidings.store import Store
from tidings.store.queries import EventFilter, Features
from tidings.web.params import Paging, filters_from, paging_from

__all__ = ["Filters", "Page", "features_of", "store_of"]

Text = Annotated[str | None, Query()]


def store_of(request: Request) -> Store:
    return request.app.state.store


def features_of(request: Request) -> Features:
    return request.app.state.features


def _filters(
    request: Request,
    source: Annotated[str | None, Query(description="Source actor: a code prefix (RUS, RUSGOV, IGOEU) or a country.")] = None,
    target: Annotated[str | None, Query(description="Target actor, as source.")] = None,
    root: Annotated[str | None, Query(description="CAMEO root, 01-20.")] = None,
    code: Annotated[str | None, Query(description="CAMEO code or prefix (e.g. 0331).")] = None,
    plover: Annotated[str | None, Query(description="PLOVER category (e.g. AGREE).")] = None,
    since: Annotated[str | None, Query(description="Earliest event date, YYYY-MM-DD.")] = None,
    until: Annotated[str | None, Query(description="Latest event date, YYYY-MM-DD.")] = None,
    doc: Annotated[str | None, Query(description="Document id.")] = None,
    country: Annotated[str | None, Query(description="Where the event happened (ISO alpha-3).")] = None,
    near: Annotated[str | None, Query(description="LAT,LON,KM: events located within KM of the point.")] = None,
    include_negated: Annotated[str | None, Query(description="true: include negated events.")] = None,
    include_hypothetical: Annotated[str | None, Query(description="true: include hypothetical events.")] = None,
    q: Annotated[str | None, Query(description="Text in the evidence sentence (case-insensitive).")] = None,
    min_sources: Annotated[str | None, Query(description="At least this many sources (only when stories exist).")] = None,
) -> EventFilter:
    return filters_from(request.query_params, stories=features_of(request).stories)


def _paging(
    request: Request,
    page: Annotated[str | None, Query(description="Page number, from 1.")] = None,
    per_page: Annotated[str | None, Query(description="Events per page, 1-200 (default 50).")] = None,
) -> Paging:
    return paging_from(request.query_params)


Filters = Annotated[EventFilter, Depends(_filters)]
Page = Annotated[Paging, Depends(_paging)]
