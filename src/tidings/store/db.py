"""The store: one database class, one writer, Alembic migrations, one transaction per document."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from importlib import resources
from typing import Any

from sqlalchemy import and_, create_engine, delete, event, func, or_, select
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import SQLAlchemyError

from tidings.errors import StoreError
from tidings.records import Document, Event, Failure, Quantity, event_from_flat, event_to_flat
from tidings.store.geo import near_box, place_country_codes, within
from tidings.store.schema import STORED_COLUMNS, documents, feeds, mentions, quantities

__all__ = ["EventQuery", "Store"]


@dataclass(frozen=True)
class EventQuery:
    """Filters for ``Store.events``. Actor filters match a code prefix or an ISO country. Negated
    and hypothetical events are left out unless asked for."""

    source: str | None = None
    target: str | None = None
    root: str | None = None
    code: str | None = None
    plover: str | None = None
    since: str | None = None
    until: str | None = None
    doc: str | None = None
    include_negated: bool = False
    include_hypothetical: bool = False
    limit: int | None = None
    country: str | None = None  # where the event happened (ISO alpha-3; KOS and XKX both mean Kosovo)
    near: tuple[float, float, float] | None = None  # (lat, lon, km): located within km of the point


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=10000")
    cur.close()


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class Store:
    """A tidings database (SQLite by default, any SQLAlchemy URL that the schema supports)."""

    def __init__(self, url: str = "sqlite:///tidings.db", *, migrate: bool = True) -> None:
        self.url = url
        try:
            self.engine: Engine = create_engine(url)
        except (SQLAlchemyError, ValueError) as exc:
            raise StoreError(f"cannot open database {url!r}: {exc}") from exc
        if self.engine.dialect.name == "sqlite":
            event.listen(self.engine, "connect", _sqlite_pragmas)
        if migrate:
            self.migrate()

    def migrate(self) -> None:
        from alembic import command
        from alembic.config import Config

        ini = resources.files("tidings") / "store" / "alembic.ini"
        cfg = Config(str(ini))
        cfg.set_main_option("script_location", str(resources.files("tidings") / "store" / "migrations"))
        try:
            with self.engine.begin() as conn:
                cfg.attributes["connection"] = conn
                command.upgrade(cfg, "head")
        except SQLAlchemyError as exc:
            raise StoreError(f"cannot prepare database {self.url!r}: {exc.__class__.__name__}: {str(exc).splitlines()[0]}") from exc

    def close(self) -> None:
        self.engine.dispose()

    # -- writing ----------------------------------------------------------------------------------
    def has_document(self, content_hash: str) -> bool:
        with self.engine.connect() as conn:
            row = conn.execute(select(documents.c.status).where(documents.c.content_hash == content_hash)).first()
        return row is not None and row.status == "coded"

    def write_document(self, doc: Document, events: list[Event], coder: str) -> int:
        """Store a coded document and its events in one transaction, replacing an earlier coding."""
        try:
            with self.engine.begin() as conn:
                conn.execute(delete(documents).where(documents.c.content_hash == doc.content_hash))
                if doc.origin:
                    conn.execute(delete(documents).where(and_(documents.c.origin == doc.origin, documents.c.status == "failed")))
                doc_pk = conn.execute(documents.insert().values(
                    content_hash=doc.content_hash, doc_id=doc.doc_id, origin=doc.origin, source=doc.source,
                    url=doc.url, title=doc.title, published=doc.published, attribution=doc.attribution,
                    credits=list(doc.credits), headings=[list(h) for h in doc.headings], text=doc.text,
                    dateline=doc.dateline,
                    status="coded", coder=coder, ingested_at=_now(), fetched=doc.fetched,
                )).inserted_primary_key[0]
                self._insert_events(conn, doc_pk, events)
            return len(events)
        except SQLAlchemyError as exc:
            raise StoreError(f"cannot store document {doc.doc_id}: {str(exc).splitlines()[0]}") from exc

    def _insert_events(self, conn: Connection, doc_pk: int, events: list[Event]) -> None:
        if not events:
            return
        rows = []
        for ev in events:
            flat = event_to_flat(ev)
            rows.append({**{c: flat[c] for c in STORED_COLUMNS}, "document_id": doc_pk, "event_ref": None})
        conn.execute(mentions.insert(), rows)
        with_qty = [ev for ev in events if ev.quantities]
        if with_qty:
            ids = dict(conn.execute(select(mentions.c.event_id, mentions.c.id).where(mentions.c.document_id == doc_pk)).all())
            conn.execute(quantities.insert(), [
                {"mention_id": ids[ev.event_id], "kind": q.kind, "value": q.value, "unit": q.unit, "per": q.per,
                 "category": q.category, "text": q.text}
                for ev in with_qty for q in ev.quantities
            ])

    def write_failure(self, failure: Failure) -> None:
        key = failure.raw_hash or failure.origin
        try:
            with self.engine.begin() as conn:
                conn.execute(delete(documents).where(documents.c.content_hash == key))
                conn.execute(documents.insert().values(
                    content_hash=key, doc_id=failure.origin, origin=failure.origin, status="failed",
                    error_code=failure.code, error=failure.reason, ingested_at=_now(),
                ))
        except SQLAlchemyError as exc:
            raise StoreError(f"cannot record failure for {failure.origin}: {str(exc).splitlines()[0]}") from exc

    def forget_failure(self, origin: str) -> None:
        """Drop the failure recorded for ``origin`` (e.g. a feed that is reachable again)."""
        with self.engine.begin() as conn:
            conn.execute(delete(documents).where(and_(documents.c.origin == origin, documents.c.status == "failed")))

    # -- sources ----------------------------------------------------------------------------------
    def url_status(self, url: str) -> tuple[str, str | None] | None:
        """``("coded", None)`` when a document from ``url`` is stored, ``("failed", code)`` when it
        failed, None when the URL is unknown (matched against document URLs and origins)."""
        c = documents.c
        with self.engine.connect() as conn:
            rows = conn.execute(select(c.status, c.error_code).where(or_(c.url == url, c.origin == url))).all()
        if any(r.status == "coded" for r in rows):
            return ("coded", None)
        return ("failed", rows[0].error_code) if rows else None

    def feed_validators(self, url: str) -> tuple[str | None, str | None]:
        """The ETag and Last-Modified of the last complete poll of a feed."""
        with self.engine.connect() as conn:
            row = conn.execute(select(feeds.c.etag, feeds.c.last_modified).where(feeds.c.url == url)).first()
        return (row.etag, row.last_modified) if row else (None, None)

    def save_feed(self, url: str, etag: str | None, last_modified: str | None, status: int) -> None:
        try:
            with self.engine.begin() as conn:
                conn.execute(delete(feeds).where(feeds.c.url == url))
                conn.execute(feeds.insert().values(url=url, etag=etag, last_modified=last_modified,
                                                   checked_at=_now(), status=status))
        except SQLAlchemyError as exc:
            raise StoreError(f"cannot record feed {url}: {str(exc).splitlines()[0]}") from exc

    # -- reading ----------------------------------------------------------------------------------
    def documents(self, *, failed_only: bool = False) -> list[dict[str, Any]]:
        q = select(documents.c.id, documents.c.doc_id, documents.c.origin, documents.c.url, documents.c.status, documents.c.error_code,
                   documents.c.error, documents.c.published, documents.c.title, documents.c.attribution,
                   documents.c.coder, documents.c.fetched).order_by(documents.c.id)
        if failed_only:
            q = q.where(documents.c.status == "failed")
        with self.engine.connect() as conn:
            rows = conn.execute(q).all()
            counts = dict(conn.execute(select(mentions.c.document_id, func.count()).group_by(mentions.c.document_id)).all())
        return [dict(r._mapping) | {"events": counts.get(r.id, 0)} for r in rows]

    def stored_documents(self) -> Iterator[Document]:
        with self.engine.connect() as conn:
            rows = conn.execute(select(documents).where(documents.c.status == "coded").order_by(documents.c.id)).all()
        for r in rows:
            yield Document(doc_id=r.doc_id, text=r.text or "", origin=r.origin or "", title=r.title, source=r.source,
                           url=r.url, published=r.published, attribution=r.attribution,
                           credits=tuple(r.credits or ()), headings=tuple(tuple(h) for h in (r.headings or ())),
                           dateline=r.dateline, fetched=r.fetched)

    def events(self, query: EventQuery | None = None) -> list[Event]:
        query = query or EventQuery()
        m = mentions.c
        conds = []
        if not query.include_negated:
            conds.append(m.negated.is_(False))
        if not query.include_hypothetical:
            conds.append(m.modality != "hypothetical")
        for role, value in (("source", query.source), ("target", query.target)):
            if value:
                v = value.upper()
                conds.append(or_(getattr(m, f"{role}_code").like(v + "%"), getattr(m, f"{role}_country") == v))
        if query.root:
            conds.append(m.cameo_root == query.root.zfill(2))
        if query.code:
            conds.append(m.cameo.like(query.code + "%"))
        if query.plover:
            conds.append(m.plover == query.plover.upper())
        if query.since:
            conds.append(m.date >= query.since)
        if query.until:
            conds.append(m.date <= query.until)
        if query.doc:
            conds.append(m.doc_id == query.doc)
        if query.country:
            conds.append(m.location_country.in_(place_country_codes(query.country)))
        if query.near:
            conds.append(and_(*near_box(m.location_lat, m.location_lon, query.near)))
        stmt = select(mentions).where(*conds).order_by(m.document_id, m.sentence_index, m.trigger_start, m.id)
        if query.limit:
            stmt = stmt.limit(query.limit)
        with self.engine.connect() as conn:
            rows = conn.execute(stmt).all()
            if query.near:  # the box above is coarse; the great-circle distance decides
                rows = [r for r in rows if within(r.location_lat, r.location_lon, query.near)]
            ids = [r.id for r in rows]
            qty: dict[int, list[Quantity]] = {}
            for chunk in range(0, len(ids), 500):
                part = ids[chunk:chunk + 500]
                for q in conn.execute(select(quantities).where(quantities.c.mention_id.in_(part)).order_by(quantities.c.id)):
                    qty.setdefault(q.mention_id, []).append(Quantity(q.kind, q.value, q.unit, q.text or "", q.per, q.category))
        return [event_from_flat(r, qty.get(r.id, ())) for r in rows]

    def mention_context(self) -> dict[str, tuple[str | None, str | None]]:
        """For each stored mention (by event id): the publication date of its document and the
        story event it was clustered into (``mentions.event_ref``), or None for either."""
        stmt = (select(mentions.c.event_id, documents.c.published, mentions.c.event_ref)
                .join(documents, documents.c.id == mentions.c.document_id))
        with self.engine.connect() as conn:
            return {r.event_id: (r.published, None if r.event_ref is None else str(r.event_ref))
                    for r in conn.execute(stmt)}

    def counts(self) -> dict[str, int]:
        with self.engine.connect() as conn:
            docs = dict(conn.execute(select(documents.c.status, func.count()).group_by(documents.c.status)).all())
            n = conn.execute(select(func.count()).select_from(mentions)).scalar_one()
        return {"coded": docs.get("coded", 0), "failed": docs.get("failed", 0), "mentions": n}
