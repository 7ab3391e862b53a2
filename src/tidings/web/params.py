"""Query parameters of the web view, checked: the filters of ``tidings events`` plus ``q`` (text in
the evidence), ``min_sources`` (stories), paging and periods. A bad value is a ``BadParameter``
(HTTP 400) whose message names the parameter and what it accepts."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date as Date
from functools import lru_cache

from tidings.store.db import EventQuery
from tidings.store.queries import BUCKETS, MAX_ROWS, EventFilter

__all__ = ["FILTER_NAMES", "BadParameter", "Paging", "bucket_from", "filters_from", "int_param", "paging_from",
           "query_string"]

FILTER_NAMES = ("source", "target", "root", "code", "plover", "since", "until", "doc", "country", "near",
                "include_negated", "include_hypothetical", "q", "min_sources")
_ACTOR = re.compile(r"[A-Za-z0-9]{1,32}")
_COUNTRY = re.compile(r"[A-Za-z]{3}")
_TRUE, _FALSE = {"1", "true", "on", "yes"}, {"0", "false", "off", "no", ""}


class BadParameter(ValueError):
    """A query parameter that cannot be used; ``str()`` is the message shown to the user."""


@dataclass(frozen=True)
class Paging:
    page: int
    per_page: int


@lru_cache(maxsize=1)
def _codebook() -> tuple[frozenset[str], frozenset[str]]:
    from tidings.coding.codebook import codebook

    book = codebook()
    return frozenset(book), frozenset(c.plover for c in book.values() if c.plover)


def _get(params: Mapping[str, str], name: str) -> str | None:
    value = params.get(name)
    if value is None:
        return None
    value = value.strip()
    return value or None


def _date(params: Mapping[str, str], name: str) -> str | None:
    value = _get(params, name)
    if value is None:
        return None
    try:
        return Date.fromisoformat(value).isoformat() if len(value) == 10 else _bad(name, value, "a date YYYY-MM-DD")
    except ValueError:
        return _bad(name, value, "a date YYYY-MM-DD")


def _bad(name: str, value: str, expected: str) -> str:
    shown = value if len(value) <= 40 else value[:37] + "..."
    raise BadParameter(f"invalid {name}={shown!r}: expected {expected}")


def _flag(params: Mapping[str, str], name: str) -> bool:
    value = (params.get(name) or "").strip().lower()
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    _bad(name, value, "true or false")
    return False


def int_param(params: Mapping[str, str], name: str, default: int, low: int, high: int) -> int:
    value = _get(params, name)
    if value is None:
        return default
    if not re.fullmatch(r"\d{1,9}", value) or not low <= int(value) <= high:
        _bad(name, value, f"a whole number from {low} to {high}")
    return int(value)


def _near(value: str | None) -> tuple[float, float, float] | None:
    if value is None:
        return None
    parts = value.split(",")
    try:
        lat, lon, km = (float(p) for p in parts) if len(parts) == 3 else (None, None, None)
    except ValueError:
        lat = lon = km = None
    if lat is None or lon is None or km is None or not (-90 <= lat <= 90 and -180 <= lon <= 180 and 0 < km <= 20000):
        _bad("near", value, "LAT,LON,KM (latitude -90..90, longitude -180..180, 0 < KM <= 20000)")
    return lat, lon, km  # type: ignore[return-value]


def filters_from(params: Mapping[str, str], *, stories: bool) -> EventFilter:
    """The ``EventFilter`` of a request's query parameters (empty values count as absent)."""
    codes, plovers = _codebook()
    actors = {}
    for role in ("source", "target"):
        value = _get(params, role)
        if value is not None and not _ACTOR.fullmatch(value):
            _bad(role, value, "an actor code prefix or a country (letters and digits, e.g. RUS or RUSGOV)")
        actors[role] = value.upper() if value else None
    root = _get(params, "root")
    if root is not None:
        if not re.fullmatch(r"\d{1,2}", root) or not 1 <= int(root) <= 20:
            _bad("root", root, "a CAMEO root from 01 to 20")
        root = root.zfill(2)
    code = _get(params, "code")
    if code is not None and (not re.fullmatch(r"\d{2,4}", code) or not any(c.startswith(code) for c in codes)):
        _bad("code", code, "a CAMEO code or code prefix (2 to 4 digits, e.g. 0331)")
    plover = _get(params, "plover")
    if plover is not None:
        if plover.upper() not in plovers:
            _bad("plover", plover, "a PLOVER category (" + ", ".join(sorted(plovers)) + ")")
        plover = plover.upper()
    since, until = _date(params, "since"), _date(params, "until")
    if since and until and since > until:
        raise BadParameter(f"since={since} is after until={until}")
    country = _get(params, "country")
    if country is not None and not _COUNTRY.fullmatch(country):
        _bad("country", country, "an ISO 3166 alpha-3 country code (e.g. UKR)")
    doc = _get(params, "doc")
    if doc is not None and len(doc) > 512:
        _bad("doc", doc, "a document id of at most 512 characters")
    text = _get(params, "q")
    if text is not None and len(text) > 200:
        _bad("q", text, "at most 200 characters of text")
    min_sources = None
    if _get(params, "min_sources") is not None:
        if not stories:
            raise BadParameter("min_sources needs stories: this store has no story clustering yet")
        min_sources = int_param(params, "min_sources", 1, 1, 100_000)
    query = EventQuery(source=actors["source"], target=actors["target"], root=root, code=code, plover=plover,
                       since=since, until=until, doc=doc, include_negated=_flag(params, "include_negated"),
                       include_hypothetical=_flag(params, "include_hypothetical"),
                       country=country.upper() if country else None, near=_near(_get(params, "near")))
    return EventFilter(query=query, text=text, min_sources=min_sources)


def paging_from(params: Mapping[str, str]) -> Paging:
    per_page = int_param(params, "per_page", 50, 1, 200)
    return Paging(int_param(params, "page", 1, 1, max(1, MAX_ROWS // per_page)), per_page)


def bucket_from(params: Mapping[str, str], default: str = "day") -> str:
    value = _get(params, "bucket") or default
    if value not in BUCKETS:
        _bad("bucket", value, "one of " + ", ".join(BUCKETS))
    return value


def query_string(f: EventFilter) -> dict[str, str]:
    """The query parameters that give back ``f`` (for links: pages, downloads, drill-downs)."""
    q = f.query
    pairs = {"source": q.source, "target": q.target, "root": q.root, "code": q.code, "plover": q.plover,
             "since": q.since, "until": q.until, "doc": q.doc, "country": q.country,
             "near": ",".join(f"{v:g}" for v in q.near) if q.near else None,
             "include_negated": "1" if q.include_negated else None,
             "include_hypothetical": "1" if q.include_hypothetical else None, "q": f.text,
             "min_sources": str(f.min_sources) if f.min_sources else None}
    return {k: v for k, v in pairs.items() if v}
