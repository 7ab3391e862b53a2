"""Read queries over a store, shared by the web view and the command line: counts over time by
QuadClass, top actors, dyads, pages of filtered events, one event with its story, one document
with its events.

Every function takes a ``Store`` and an ``EventFilter`` (the filters of ``tidings events`` plus a
text search over the evidence and, once stories exist, a minimum number of sources) and returns
plain records. Aggregates over the whole store are cached until the store changes.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date as Date
from datetime import timedelta
from typing import Any

from sqlalchemy import Column, and_, case, func, inspect, literal, select
from sqlalchemy.engine import Connection
from sqlalchemy.sql import visitors

from tidings.records import Event, Quantity, event_from_flat
from tidings.store.db import EventQuery, Store, event_conditions
from tidings.store.geo import near_box, within
from tidings.store.schema import documents, events, mentions, quantities

__all__ = [
    "BUCKETS", "COUNT_CAP", "MAX_ROWS", "MENTION_ID", "STORIES_SCHEMA", "STORY_LINK", "DocumentView", "EventFilter", "EventPage", "StoryView", "Totals", "actor_key", "document",
    "documents_page", "dyads", "event_detail", "events_page", "features", "iter_events", "map_points", "period_of", "summary", "timeline", "top_actors",
    "totals",
]

# A mention's own id, and the link from a mention to its story (the clustered event). Stores before
# story clustering call the mention's id ``event_id`` and link through ``event_ref``; with stories,
# ``mention_id`` is the mention's id and ``event_id`` names its event in ``events.event_id``.
STORIES_SCHEMA = "mention_id" in mentions.c
MENTION_ID = mentions.c.mention_id if STORIES_SCHEMA else mentions.c.event_id
STORY_LINK = (mentions.c.event_id, events.c.event_id) if STORIES_SCHEMA else (mentions.c.event_ref, events.c.id)

COUNT_CAP = 1000  # counts of filtered events stop here ("1,000+"): a count never scans a whole large store
MAX_ROWS = 10_000  # how deep the pages of one listing go (refine the filters to see further)
m = mentions.c


@dataclass(frozen=True)
class EventFilter:
    """``EventQuery`` (the CLI's filters) + ``text``, a case-insensitive search in the evidence
    sentence, + ``min_sources``, kept to events reported by at least that many sources (stories)."""

    query: EventQuery = field(default_factory=EventQuery)
    text: str | None = None
    min_sources: int | None = None


@dataclass(frozen=True)
class Features:
    """What this store can answer: ``stories`` once story clustering has filled the events table."""

    stories: bool


@dataclass(frozen=True)
class Totals:
    documents: int
    failed: int
    mentions: int
    first_date: str | None
    last_date: str | None
    coders: list[tuple[str, int]]


@dataclass(frozen=True)
class EventPage:
    events: list[Event]
    total: int  # capped at COUNT_CAP + 1 when ``capped``
    capped: bool
    page: int
    per_page: int
    has_next: bool

    @property
    def pages(self) -> int:
        """Pages known to exist (when ``capped``, more follow: ``has_next``)."""
        return max(1, -(-self.total // self.per_page), self.page)


@dataclass(frozen=True)
class StoryView:
    """The real-world event a mention belongs to (when stories exist) and all its mentions."""

    story: dict[str, Any]
    mentions: list[dict[str, Any]]


@dataclass(frozen=True)
class DocumentView:
    doc: dict[str, Any]  # the documents row (text, title, url, status, error ...)
    events: list[Event]  # every coded event, negated and hypothetical ones included
    versions: int  # documents stored under this doc_id


# -- caching of whole-store aggregates -------------------------------------------------------------
_cache_lock = threading.Lock()
_cache: dict[tuple[Any, ...], Any] = {}


def _version(conn: Connection) -> tuple[Any, ...]:
    """Changes whenever a document or mention is written (ids only grow; a recode inserts anew)."""
    return conn.execute(select(func.max(m.id))).scalar(), conn.execute(select(func.max(documents.c.id))).scalar()


def _cached(store: Store, name: str, args: tuple[Any, ...], compute: Any) -> Any:
    with store.engine.connect() as conn:
        key = (id(store), store.url, name, args, _version(conn))
        with _cache_lock:
            if key in _cache:
                return _cache[key]
        value = compute(conn)
    with _cache_lock:
        if len(_cache) > 256:
            _cache.clear()
        _cache[key] = value
    return value


# -- filters ---------------------------------------------------------------------------------------
def features(store: Store) -> Features:
    """Feature detection: stories exist when the store has the events table, mentions point to it,
    and at least one does."""
    insp = inspect(store.engine)
    link, target = STORY_LINK
    if "events" not in insp.get_table_names():
        return Features(stories=False)
    cols = {c["name"] for c in insp.get_columns("events")}
    if not {"num_sources", "num_mentions", target.name} <= cols or link.name not in {
            c["name"] for c in insp.get_columns("mentions")}:
        return Features(stories=False)
    with store.engine.connect() as conn:
        linked = conn.execute(select(m.id).where(link.is_not(None)).limit(1)).first()
    return Features(stories=linked is not None)


def _conditions(f: EventFilter) -> list[Any]:
    conds = event_conditions(f.query)
    if f.text:
        conds.append(func.lower(m.sentence).like("%" + _escape_like(f.text.lower()) + "%", escape="\\"))
    if f.min_sources:
        link, target = STORY_LINK
        conds.append(link.in_(select(target).where(events.c.num_sources >= f.min_sources)))
    return conds


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _where(f: EventFilter) -> Any:
    conds = _conditions(f)
    return and_(*conds) if conds else literal(True)


def actor_key(role: str) -> Any:
    """The actor of a dyad: its country when it has one, else its code (IGOs, unresolved sectors)."""
    return func.coalesce(getattr(m, f"{role}_country"), getattr(m, f"{role}_code"))


def _near_ids(conn: Connection, f: EventFilter) -> list[int] | None:
    """Ids inside the ``near`` circle, or None without ``near``: the box around it is read from
    the (latitude, longitude) index alone, the great-circle distance decides."""
    if not f.query.near:
        return None
    box = near_box(m.location_lat, m.location_lon, f.query.near)
    rows = conn.execute(select(m.id, m.location_lat, m.location_lon).where(and_(*box))).all()
    return [r.id for r in rows if within(r.location_lat, r.location_lon, f.query.near)]


def _scoped(conn: Connection, f: EventFilter) -> Any:
    """The filter as one SQL condition, the ``near`` circle included."""
    ids = _near_ids(conn, f)
    return _where(f) if ids is None else and_(_where(f), m.id.in_(ids or [-1]))


# -- aggregates --------------------------------------------------------------------------------------
def totals(store: Store) -> Totals:
    def compute(conn: Connection) -> Totals:
        status: dict[str, int] = dict(conn.execute(select(documents.c.status, func.count()).group_by(documents.c.status)).all())
        n = conn.execute(select(func.count()).select_from(mentions)).scalar_one()
        first, last = conn.execute(select(func.min(m.date), func.max(m.date))).one()
        coders = conn.execute(select(m.coder, func.count()).group_by(m.coder).order_by(func.count().desc())).all()
        return Totals(status.get("coded", 0), status.get("failed", 0), n, first, last, [tuple(c) for c in coders])

    return _cached(store, "totals", (), compute)


BUCKETS = ("day", "week", "month", "year")


def period_of(day: str, bucket: str) -> str:
    """The period a YYYY-MM-DD day falls in: itself, its ISO week's Monday, YYYY-MM or YYYY."""
    if bucket == "day":
        return day
    if bucket == "week":
        d = Date.fromisoformat(day)
        return (d - timedelta(days=d.weekday())).isoformat()
    if bucket == "month":
        return day[:7]
    if bucket == "year":
        return day[:4]
    raise ValueError(f"unknown bucket {bucket!r}: one of {', '.join(BUCKETS)}")


def _daily(store: Store, f: EventFilter) -> list[tuple[str | None, int, int, float]]:
    """(date, QuadClass, events, sum of Goldstein) of the filtered events, one pass, cached."""

    def compute(conn: Connection) -> list[tuple[str | None, int, int, float]]:
        stmt = (select(m.date, m.quad_class, func.count(), func.sum(m.goldstein)).where(_scoped(conn, f))
                .group_by(m.date, m.quad_class).order_by(m.date))
        return [(d, q, n, float(g or 0)) for d, q, n, g in conn.execute(stmt)]

    return _cached(store, "daily", (f,), compute)


def timeline(store: Store, f: EventFilter, bucket: str = "day") -> list[dict[str, Any]]:
    """Events per period (``BUCKETS``) by QuadClass: ``[{"period", "q1", "q2", "q3", "q4", "total"}]``,
    oldest first; undated events are left out."""
    if bucket not in BUCKETS:
        raise ValueError(f"unknown bucket {bucket!r}: one of {', '.join(BUCKETS)}")
    out: dict[str, dict[str, Any]] = {}
    for day, quad, n, _ in _daily(store, f):
        if day is None:
            continue
        p = period_of(day, bucket)
        row = out.setdefault(p, {"period": p, "q1": 0, "q2": 0, "q3": 0, "q4": 0, "total": 0})
        row[f"q{quad}"] += n
        row["total"] += n
    return list(out.values())


def summary(store: Store, f: EventFilter) -> dict[str, Any]:
    """How many events the filter keeps, their mean Goldstein, cooperation (QuadClass 1-2) and
    conflict (3-4): the figures of a dyad, from the same pass as its timeline."""
    rows = _daily(store, f)
    n = sum(r[2] for r in rows)
    coop = sum(r[2] for r in rows if r[1] <= 2)
    return {"count": n, "goldstein": round(sum(r[3] for r in rows) / n, 2) if n else None, "cooperation": coop,
            "conflict": n - coop}


def top_actors(store: Store, f: EventFilter, role: str = "source", limit: int = 10) -> list[dict[str, Any]]:
    """The actors (country, else code) most often in ``role``, with their event counts."""
    key = actor_key(role).label("actor")

    def compute(conn: Connection) -> list[dict[str, Any]]:
        stmt = (select(key, func.count().label("n")).where(and_(_scoped(conn, f), key.is_not(None)))
                .group_by(key).order_by(func.count().desc(), key).limit(limit))
        return [{"actor": a, "count": n} for a, n in conn.execute(stmt)]

    return _cached(store, "actors", (f, role, limit), compute)


def dyads(store: Store, f: EventFilter, limit: int = 50) -> list[dict[str, Any]]:
    """Source → target pairs (country, else code) with their event count, mean Goldstein and the
    counts of cooperation (QuadClass 1-2) and conflict (3-4), most frequent first."""
    src, tgt = actor_key("source").label("source"), actor_key("target").label("target")

    def compute(conn: Connection) -> list[dict[str, Any]]:
        coop = func.sum(case((m.quad_class <= 2, 1), else_=0))
        stmt = (select(src, tgt, func.count(), func.avg(m.goldstein), coop)
                .where(and_(_scoped(conn, f), src.is_not(None), tgt.is_not(None)))
                .group_by(src, tgt).order_by(func.count().desc(), src, tgt).limit(limit))
        return [{"source": s, "target": t, "count": n, "goldstein": round(float(g), 2), "cooperation": int(c),
                 "conflict": n - int(c)} for s, t, n, g, c in conn.execute(stmt)]

    return _cached(store, "dyads", (f, limit), compute)


def map_points(store: Store, f: EventFilter, limit: int = 2000) -> list[dict[str, Any]]:
    """Located events grouped by place: ``{lat, lon, name, country, count, goldstein, conflict}``."""

    def compute(conn: Connection) -> list[dict[str, Any]]:
        conflict = func.sum(case((m.quad_class >= 3, 1), else_=0))
        stmt = (select(m.location_lat, m.location_lon, func.max(m.location_name), func.max(m.location_country),
                       func.count(), func.avg(m.goldstein), conflict)
                .where(and_(_scoped(conn, f), m.location_lat.is_not(None), m.location_lon.is_not(None)))
                .group_by(m.location_lat, m.location_lon)
                .order_by(func.count().desc(), m.location_lat, m.location_lon).limit(limit))
        return [{"lat": lat, "lon": lon, "name": name, "country": c, "count": n, "goldstein": round(float(g), 2),
                 "conflict": int(k)} for lat, lon, name, c, n, g, k in conn.execute(stmt)]

    return _cached(store, "map", (f, limit), compute)


# -- events ----------------------------------------------------------------------------------------------
# filters whose indexes cannot give the rows in date order (an OR of two indexes, a code prefix)
_UNORDERED = {"source_code", "source_country", "target_code", "target_country", "cameo", "doc_id"}


def _by_date_only(cond: Any) -> Any:
    """The same condition, written so that only indexes in date order can serve it (the date's, or
    root, PLOVER or event country followed by the date; ``col || ''`` is ``col``, NULL included, on
    SQLite and PostgreSQL alike): the planner then walks the dates in order and stops after one
    page instead of sorting every match."""

    def swap(element: Any, **kw: Any) -> Any:
        if isinstance(element, Column) and element.table is mentions and element.name in _UNORDERED:
            return element.concat("")
        if isinstance(element, Column) and element.table is mentions and element.name in ("location_lat", "location_lon"):
            return element + 0
        return None

    return visitors.replacement_traverse(cond, {}, swap)


def _with_quantities(conn: Connection, rows: Sequence[Any]) -> list[Event]:
    qty: dict[int, list[Quantity]] = {}
    ids = [r.id for r in rows]
    for start in range(0, len(ids), 500):
        part = ids[start:start + 500]
        for q in conn.execute(select(quantities).where(quantities.c.mention_id.in_(part)).order_by(quantities.c.id)):
            qty.setdefault(q.mention_id, []).append(Quantity(q.kind, q.value, q.unit, q.text or "", q.per, q.category))
    return [event_from_flat(r, qty.get(r.id, ())) for r in rows]


def _order() -> tuple[Any, ...]:
    """Newest first, undated last (as SQLite puts NULLs; PostgreSQL is told so)."""
    return (m.date.desc().nulls_last(), m.id.desc())


def events_page(store: Store, f: EventFilter, page: int = 1, per_page: int = 50) -> EventPage:
    """One page of the filtered events, newest first, and their number (capped at ``COUNT_CAP``).

    One pass through the filter's indexes finds up to ``COUNT_CAP + 1`` matches. When there are no
    more, that is the whole set: it is sorted here and the page read by id. When there are more,
    the filter is broad, and walking the date index finds a page fastest."""
    with store.engine.connect() as conn:
        cond = _scoped(conn, f)
        found = conn.execute(select(m.id, m.date).where(cond).limit(COUNT_CAP + 1)).all()
        start = (page - 1) * per_page
        if len(found) <= COUNT_CAP:
            found = sorted(found, key=lambda r: (r.date or "", r.id), reverse=True)
            ids = [r.id for r in found[start:start + per_page]]
            by_id = {r.id: r for r in conn.execute(select(mentions).where(m.id.in_(ids or [-1])))}
            rows: Sequence[Any] = [by_id[i] for i in ids]
            more = start + per_page < len(found)
        else:
            rows = conn.execute(select(mentions).where(_by_date_only(cond)).order_by(*_order())
                                .limit(per_page + 1).offset(start)).all()
            more = len(rows) > per_page and page * per_page < MAX_ROWS
            rows = rows[:per_page]
        return EventPage(_with_quantities(conn, rows), len(found), len(found) > COUNT_CAP, page, per_page, more)


def iter_events(store: Store, f: EventFilter, chunk: int = 1000) -> Iterator[Event]:
    """Every filtered event, newest first, read ``chunk`` rows at a time (for downloads)."""
    with store.engine.connect() as conn:
        cond = _scoped(conn, f)
        last: tuple[Any, int] | None = None
        while True:
            stmt = select(mentions).where(cond).order_by(*_order()).limit(chunk)
            if last is not None:  # keyset pagination: rows after the last one sent
                d, i = last
                after = ((m.date < d) | ((m.date == d) & (m.id < i)) | m.date.is_(None)) if d is not None \
                    else and_(m.date.is_(None), m.id < i)
                stmt = stmt.where(after)
            rows = conn.execute(stmt).all()
            if not rows:
                return
            yield from _with_quantities(conn, rows)
            last = (rows[-1].date, rows[-1].id)


def event_detail(store: Store, mention_id: str) -> tuple[Event, StoryView | None] | None:
    """One coded event (a mention) by its id, with its story and every mention of it when stories exist."""
    link, target = STORY_LINK
    with store.engine.connect() as conn:
        row = conn.execute(select(mentions).where(MENTION_ID == mention_id)).first()
        if row is None:
            return None
        event = _with_quantities(conn, [row])[0]
        story = None
        ref = getattr(row, link.name, None)
        if ref is not None and features(store).stories:
            s = conn.execute(select(events).where(target == ref)).first()
            ms = conn.execute(select(MENTION_ID.label("mention_id"), m.doc_id, m.sentence, m.date, documents.c.title,
                                     documents.c.url, documents.c.source)
                              .join(documents, documents.c.id == m.document_id)
                              .where(link == ref).order_by(m.date, m.id)).all()
            if s is not None:
                story = StoryView(dict(s._mapping), [dict(r._mapping) for r in ms])
        return event, story


def document(store: Store, doc_id: str) -> DocumentView | None:
    """A document by id (the latest coded one when several share it, else the latest failure) with
    all its events in text order."""
    with store.engine.connect() as conn:
        rows = conn.execute(select(documents).where(documents.c.doc_id == doc_id)
                            .order_by((documents.c.status == "coded").desc(), documents.c.id.desc())).all()
        if not rows:
            return None
        doc = dict(rows[0]._mapping)
        evs = conn.execute(select(mentions).where(m.document_id == doc["id"])
                           .order_by(m.trigger_start, m.id)).all()
        return DocumentView(doc, _with_quantities(conn, evs), len(rows))


def documents_page(store: Store, *, failed_only: bool = False, page: int = 1, per_page: int = 50
                   ) -> tuple[list[dict[str, Any]], int]:
    """A page of documents (newest first) with their status, failure reason and event count, and
    how many there are."""
    c = documents.c
    cond = c.status == "failed" if failed_only else literal(True)
    with store.engine.connect() as conn:
        total = conn.execute(select(func.count()).select_from(documents).where(cond)).scalar_one()
        n = select(func.count()).where(m.document_id == c.id).scalar_subquery()
        rows = conn.execute(select(c.id, c.doc_id, c.origin, c.url, c.title, c.published, c.status, c.error_code,
                                   c.error, n.label("events")).where(cond).order_by(c.id.desc())
                            .limit(per_page).offset((page - 1) * per_page)).all()
    return [dict(r._mapping) for r in rows], total
