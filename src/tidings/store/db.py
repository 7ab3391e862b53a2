"""The store: one database class, one writer, Alembic migrations, one transaction per document."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from importlib import resources
from typing import Any

from sqlalchemy import and_, create_engine, delete, event, func, or_, select, true
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import SQLAlchemyError

from tidings.errors import StoreError
from tidings.records import Document, Event, Failure, Happening, Quantity, event_from_flat, event_to_flat
from tidings.store import stories
from tidings.store.schema import STORED_COLUMNS, documents, mentions, quantities
from tidings.store.schema import events as events_table
from tidings.stories.features import StorySettings

__all__ = ["EventQuery", "Store"]


@dataclass(frozen=True)
class EventQuery:
    """Filters for ``Store.events``. Actor filters match a code prefix or an ISO country."""

    source: str | None = None
    target: str | None = None
    root: str | None = None
    code: str | None = None
    plover: str | None = None
    since: str | None = None
    until: str | None = None
    doc: str | None = None
    include_negated: bool = False
    limit: int | None = None
    min_sources: int = 0  # events only: reported by at least this many independent outlets


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

    def write_document(self, doc: Document, events: list[Event], coder: str, *,
                       story: StorySettings | None = None, cluster: bool = True) -> int:
        """Store a coded document and its mentions in one transaction, replacing an earlier coding;
        with ``cluster`` its copies and the events its mentions belong to are updated in the same
        transaction (``tidings.store.stories``)."""
        story = story or StorySettings()
        try:
            with self.engine.begin() as conn:
                old = conn.execute(select(documents.c.id).where(documents.c.content_hash == doc.content_hash)).all()
                stale = stories.events_of_documents(conn, [r.id for r in old]) if old and cluster else set()
                conn.execute(delete(documents).where(documents.c.content_hash == doc.content_hash))
                if doc.origin:
                    conn.execute(delete(documents).where(and_(documents.c.origin == doc.origin, documents.c.status == "failed")))
                doc_pk = conn.execute(documents.insert().values(
                    content_hash=doc.content_hash, doc_id=doc.doc_id, origin=doc.origin, source=doc.source,
                    url=doc.url, title=doc.title, published=doc.published, attribution=doc.attribution,
                    credits=list(doc.credits), headings=[list(h) for h in doc.headings], text=doc.text,
                    status="coded", coder=coder, ingested_at=_now(),
                )).inserted_primary_key[0]
                feats = self._insert_events(conn, doc_pk, doc, events, story)
                if cluster:
                    changed = stories.update_copies(conn, doc_pk, doc.text, story)
                    done = stories.update_clusters(conn, feats, story)
                    stories.refresh_events(conn, (stale | stories.events_of_documents(conn, changed - {doc_pk})) - done)
            return len(events)
        except SQLAlchemyError as exc:
            raise StoreError(f"cannot store document {doc.doc_id}: {str(exc).splitlines()[0]}") from exc

    def _insert_events(self, conn: Connection, doc_pk: int, doc: Document, events: list[Event],
                       story: StorySettings) -> list[Any]:
        if not events:
            return []
        rows = []
        for ev in events:
            flat = event_to_flat(ev)
            cols = stories.story_columns(ev, doc, story)
            rows.append({**{c: flat[c] for c in STORED_COLUMNS}, "document_id": doc_pk, "event_id": None, **cols})
        conn.execute(mentions.insert(), rows)
        feats = [stories.from_json(r["story"]) for r in rows]
        with_qty = [ev for ev in events if ev.quantities]
        if with_qty:
            ids = dict(conn.execute(select(mentions.c.mention_id, mentions.c.id).where(mentions.c.document_id == doc_pk)).all())
            conn.execute(quantities.insert(), [
                {"mention_id": ids[ev.mention_id], "kind": q.kind, "value": q.value, "unit": q.unit, "per": q.per,
                 "category": q.category, "text": q.text}
                for ev in with_qty for q in ev.quantities
            ])
        return feats

    def ensure_stories(self, story: StorySettings | None = None) -> bool:
        """Build copies and events once for mentions stored before stories existed (a database
        upgraded from an older tidings); returns whether it had to."""
        with self.engine.connect() as conn:
            missing = conn.execute(select(mentions.c.id).where(mentions.c.story_block.is_(None)).limit(1)).first()
        if missing is None:
            return False
        self.rebuild_stories(story)
        return True

    def rebuild_stories(self, story: StorySettings | None = None) -> int:
        """Recompute copies and events of the whole store in one transaction; returns the number of events."""
        try:
            with self.engine.begin() as conn:
                return stories.rebuild(conn, story or StorySettings())
        except SQLAlchemyError as exc:
            raise StoreError(f"cannot rebuild stories: {str(exc).splitlines()[0]}") from exc

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

    # -- reading ----------------------------------------------------------------------------------
    def documents(self, *, failed_only: bool = False) -> list[dict[str, Any]]:
        q = select(documents.c.id, documents.c.doc_id, documents.c.origin, documents.c.url, documents.c.source,
                   documents.c.status, documents.c.error_code, documents.c.error, documents.c.published, documents.c.title,
                   documents.c.attribution, documents.c.coder, documents.c.duplicate_of,
                   func.length(documents.c.text).label("length")).order_by(documents.c.id)
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
                           credits=tuple(r.credits or ()), headings=tuple(tuple(h) for h in (r.headings or ())))

    def events(self, query: EventQuery | None = None) -> list[Event]:
        query = query or EventQuery()
        m = mentions.c
        conds = []
        if not query.include_negated:
            conds.append(m.negated.is_(False))
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
        stmt = select(mentions).where(and_(true(), *conds)).order_by(m.document_id, m.sentence_index, m.trigger_start, m.id)
        if query.limit:
            stmt = stmt.limit(query.limit)
        with self.engine.connect() as conn:
            rows = conn.execute(stmt).all()
            ids = [r.id for r in rows]
            qty: dict[int, list[Quantity]] = {}
            for chunk in range(0, len(ids), 500):
                part = ids[chunk:chunk + 500]
                for q in conn.execute(select(quantities).where(quantities.c.mention_id.in_(part)).order_by(quantities.c.id)):
                    qty.setdefault(q.mention_id, []).append(Quantity(q.kind, q.value, q.unit, q.text or "", q.per, q.category))
        return [event_from_flat(r, qty.get(r.id, ())) for r in rows]

    def happenings(self, query: EventQuery | None = None) -> list[Happening]:
        """Unique events (story clusters), filtered like ``events`` on their representative mention;
        ``min_sources`` keeps those reported by that many independent outlets."""
        query = query or EventQuery()
        t = events_table.c
        conds: list[Any] = []
        if not query.include_negated:
            conds.append(t.negated.is_(False))
        for role, value in (("source", query.source), ("target", query.target)):
            if value:
                v = value.upper()
                conds.append(or_(getattr(t, f"{role}_code").like(v + "%"), getattr(t, f"{role}_country") == v))
        if query.root:
            conds.append(t.cameo_root == query.root.zfill(2))
        if query.code:
            conds.append(t.cameo.like(query.code + "%"))
        if query.plover:
            conds.append(t.plover == query.plover.upper())
        if query.since:
            conds.append(t.date >= query.since)
        if query.until:
            conds.append(t.date <= query.until)
        if query.doc:
            conds.append(t.event_id.in_(select(mentions.c.event_id).where(mentions.c.doc_id == query.doc)))
        if query.min_sources:
            conds.append(t.num_sources >= query.min_sources)
        stmt = select(t.record).where(and_(true(), *conds)).order_by(t.date, t.event_id)
        if query.limit:
            stmt = stmt.limit(query.limit)
        with self.engine.connect() as conn:
            return [Happening.from_dict(r.record) for r in conn.execute(stmt).all()]

    def counts(self) -> dict[str, int]:
        with self.engine.connect() as conn:
            docs = dict(conn.execute(select(documents.c.status, func.count()).group_by(documents.c.status)).all())
            n = conn.execute(select(func.count()).select_from(mentions)).scalar_one()
        return {"coded": docs.get("coded", 0), "failed": docs.get("failed", 0), "mentions": n}
