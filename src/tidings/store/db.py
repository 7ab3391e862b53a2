"""The store: one database class, one writer, Alembic migrations, one transaction per document.

SQLite (the default) and PostgreSQL run the same code. Several processes may write to one store at
once (``tidings ingest`` twice, on overlapping inputs): each document is written in one transaction
that holds a lock on its content hash, so a document is stored once, whoever codes it first.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from importlib import resources
from typing import Any, TypeVar

from sqlalchemy import and_, delete, func, or_, select, true
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import OperationalError, SQLAlchemyError

from tidings.errors import DatabaseUnavailable, StoreError, UsageError
from tidings.records import Document, Event, Failure, Happening, Quantity, event_from_flat, event_to_flat
from tidings.store import stories
from tidings.store.engine import WRITE, lock, open_engine, safe_url, transient
from tidings.store.geo import near_box, place_country_codes, within
from tidings.store.schema import STORED_COLUMNS, documents, feeds, mentions, quantities
from tidings.store.schema import events as events_table
from tidings.stories.features import StorySettings

__all__ = ["EventQuery", "Store", "event_conditions"]

STORIES_LOCK = "tidings-stories"  # clustering into the events table is serialised across writers

T = TypeVar("T")
RETRIES = 4


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
    sort: str = "document"  # document (text order) | date | -date | goldstein | -goldstein
    min_sources: int = 0  # events only: reported by at least this many independent outlets
    since_ingest: str | None = None  # only events of documents ingested at or after this ISO time


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _nul(value: Any) -> Any:
    """Metadata without NUL characters, which PostgreSQL cannot store in text (the document text
    itself is already cleaned of control characters)."""
    if isinstance(value, str):
        return value.replace("\x00", "")
    if isinstance(value, list):
        return [_nul(v) for v in value]
    return value


def _line(exc: BaseException) -> str:
    return str(getattr(exc, "orig", None) or exc).strip().splitlines()[0] if str(exc).strip() else exc.__class__.__name__


def alembic_config() -> Any:
    """The Alembic configuration of the store's migrations (the connection goes in ``attributes``)."""
    from alembic.config import Config

    cfg = Config(str(resources.files("tidings") / "store" / "alembic.ini"))
    cfg.set_main_option("script_location", str(resources.files("tidings") / "store" / "migrations"))
    return cfg


def coded_conditions(c: Any, query: EventQuery) -> list[Any]:
    """The conditions on what was coded, for any table with the event record's coded columns
    (``mentions`` and the deduplicated ``events``): negation, modality, actors, codes and dates."""
    conds: list[Any] = []
    if not query.include_negated:
        conds.append(c.negated.is_(False))
    if not query.include_hypothetical:
        conds.append(c.modality != "hypothetical")
    for role, value in (("source", query.source), ("target", query.target)):
        if value:
            v = value.upper()
            conds.append(or_(getattr(c, f"{role}_code").like(v + "%"), getattr(c, f"{role}_country") == v))
    if query.root:
        conds.append(c.cameo_root == query.root.zfill(2))
    if query.code:
        conds.append(c.cameo.like(query.code + "%"))
    if query.plover:
        conds.append(c.plover == query.plover.upper())
    if query.since:
        conds.append(c.date >= query.since)
    if query.until:
        conds.append(c.date <= query.until)
    return conds


def event_conditions(query: EventQuery) -> list[Any]:
    """The SQL conditions of an ``EventQuery`` on ``mentions`` (``near`` is a coarse box: callers
    keep only the rows that ``geo.within`` accepts; ``min_sources`` applies to events only)."""
    m = mentions.c
    conds = coded_conditions(m, query)
    if query.doc:
        conds.append(m.doc_id == query.doc)
    if query.country:
        conds.append(m.location_country.in_(place_country_codes(query.country)))
    if query.near:
        conds.append(and_(*near_box(m.location_lat, m.location_lon, query.near)))
    if query.since_ingest:
        conds.append(m.document_id.in_(select(documents.c.id).where(documents.c.ingested_at >= query.since_ingest)))
    return conds


class Store:
    """A tidings database: ``sqlite:///FILE.db`` (the default) or ``postgresql://USER:PW@HOST/DB``.

    Opening connects once and brings the schema to the current revision; a URL that cannot be used
    raises ``DatabaseUnavailable`` with a one-line reason.
    """

    def __init__(self, url: str = "sqlite:///tidings.db", *, migrate: bool = True, create: bool = True,
                 read_only: bool = False) -> None:
        """Open the store at ``url``. ``create=False`` (commands that only read) refuses a database
        that does not exist or holds no tidings store, instead of creating an empty one;
        ``read_only`` (a viewer) opens SQLite with ``mode=ro`` and PostgreSQL in read-only sessions,
        and never migrates."""
        self.url = url
        self.display_url = safe_url(url)
        self.read_only = read_only
        if read_only:
            from tidings.store.readonly import read_only_engine

            self.engine: Engine = read_only_engine(url)
            return
        self.engine = open_engine(url, create=create)
        if not create and not self._has_schema():
            self.engine.dispose()
            raise DatabaseUnavailable(f"{self.display_url} holds no tidings store: check --db (or $TIDINGS_DB), "
                                      "or create one with 'tidings ingest'")
        if migrate:
            self.migrate()

    def _has_schema(self) -> bool:
        from sqlalchemy import inspect

        return "documents" in inspect(self.engine).get_table_names()

    @property
    def backend(self) -> str:
        return self.engine.dialect.name

    def migrate(self) -> None:
        """Upgrade the schema to the newest revision. Safe when several processes open a new
        database at once: the upgrade runs under a lock, and whoever comes second finds it done."""
        from alembic import command
        from alembic.runtime.migration import MigrationContext
        from alembic.script import ScriptDirectory
        from alembic.util import CommandError

        cfg = alembic_config()
        head = ScriptDirectory.from_config(cfg).get_current_head()
        try:
            with self.engine.connect() as conn:
                current = MigrationContext.configure(conn).get_current_revision()
            if current == head:
                return

            # SQLite migrations rebuild tables (batch mode): with foreign keys on, dropping the old
            # table would cascade-delete the rows that reference it (quantities of mentions)
            with self._transaction("tidings:migrations", foreign_keys=False) as conn:
                cfg.attributes["connection"] = conn
                command.upgrade(cfg, "head")
                if self.backend == "sqlite" and conn.exec_driver_sql("PRAGMA foreign_key_check").first():
                    raise StoreError(f"cannot prepare database {self.display_url}: the migration broke references")
        except CommandError as exc:
            raise DatabaseUnavailable(f"database {self.display_url} has a schema this version of tidings does not "
                                      f"know ({exc}); was it written by a newer tidings?") from exc
        except SQLAlchemyError as exc:
            raise StoreError(f"cannot prepare database {self.display_url}: {_line(exc)}") from exc

    def close(self) -> None:
        self.engine.dispose()

    # -- writing ----------------------------------------------------------------------------------
    @contextmanager
    def _read(self) -> Iterator[Connection]:
        try:
            with self.engine.connect() as conn:
                yield conn
        except SQLAlchemyError as exc:  # e.g. the server went away
            raise StoreError(f"cannot read database {self.display_url}: {_line(exc)}") from exc

    @contextmanager
    def _transaction(self, key: str, *, foreign_keys: bool = True) -> Iterator[Connection]:
        """One write transaction holding the lock on ``key`` (see ``engine.lock``)."""
        with self.engine.connect() as conn:
            raw = conn.connection.driver_connection if self.backend == "sqlite" and not foreign_keys else None
            if raw is not None:  # outside any transaction, where SQLite honours it
                raw.execute("PRAGMA foreign_keys=OFF")
            try:
                conn.execution_options(**WRITE)
                with conn.begin():
                    lock(conn, key)
                    yield conn
            finally:
                if raw is not None:
                    raw.execute("PRAGMA foreign_keys=ON")

    def _write(self, fn: Callable[[Connection], T], *, key: str, what: str) -> T:
        """Run ``fn`` in one write transaction holding the lock on ``key``; retry deadlocks."""
        for attempt in range(RETRIES):
            try:
                with self._transaction(key) as conn:
                    return fn(conn)
            except OperationalError as exc:
                if attempt + 1 < RETRIES and transient(exc):
                    time.sleep(0.05 * 2 ** attempt)
                    continue
                raise StoreError(f"{what}: {_line(exc)}") from exc
            except SQLAlchemyError as exc:
                raise StoreError(f"{what}: {_line(exc)}") from exc
        raise AssertionError("unreachable")  # pragma: no cover

    def has_document(self, content_hash: str) -> bool:
        with self._read() as conn:
            row = conn.execute(select(documents.c.status).where(documents.c.content_hash == content_hash)).first()
        return row is not None and row.status == "coded"

    def write_document(self, doc: Document, events: list[Event], coder: str, *,
                       story: StorySettings | None = None, cluster: bool = True) -> int:
        """Store a coded document and its mentions in one transaction, replacing an earlier coding;
        with ``cluster`` its copies and the events its mentions belong to are updated in the same
        transaction (``tidings.store.stories``)."""
        story = story or StorySettings()

        def write(conn: Connection) -> int:
            old = conn.execute(select(documents.c.id).where(documents.c.content_hash == doc.content_hash)).all()
            if cluster:
                lock(conn, STORIES_LOCK)
            stale = stories.events_of_documents(conn, [r.id for r in old]) if old and cluster else set()
            conn.execute(delete(documents).where(documents.c.content_hash == doc.content_hash))
            self._insert_document(conn, doc, events, coder, story, cluster, stale)
            return len(events)

        return self._write(write, key=doc.content_hash, what=f"cannot store document {doc.doc_id}")

    def add_document(self, doc: Document, events: list[Event], coder: str, *,
                     story: StorySettings | None = None) -> bool:
        """Store a newly coded document, with its copies and events, unless a coded copy is there
        already (another ingester may have stored it meanwhile): True when this call stored it."""
        story = story or StorySettings()

        def add(conn: Connection) -> bool:
            row = conn.execute(select(documents.c.status).where(documents.c.content_hash == doc.content_hash)).first()
            if row is not None and row.status == "coded":
                return False
            if row is not None:
                conn.execute(delete(documents).where(documents.c.content_hash == doc.content_hash))
            lock(conn, STORIES_LOCK)
            self._insert_document(conn, doc, events, coder, story, True, set())
            return True

        return self._write(add, key=doc.content_hash, what=f"cannot store document {doc.doc_id}")

    def _insert_document(self, conn: Connection, doc: Document, events: list[Event], coder: str,
                         story: StorySettings, cluster: bool, stale: set[str]) -> None:
        if doc.origin:
            conn.execute(delete(documents).where(and_(documents.c.origin == doc.origin, documents.c.status == "failed")))
        inserted = conn.execute(documents.insert().values(
            content_hash=doc.content_hash, doc_id=_nul(doc.doc_id), origin=_nul(doc.origin), source=_nul(doc.source),
            url=_nul(doc.url), title=_nul(doc.title), published=doc.published, attribution=_nul(doc.attribution),
            credits=_nul(list(doc.credits)), headings=_nul([list(h) for h in doc.headings]), text=doc.text,
            dateline=_nul(doc.dateline), status="coded", coder=coder, ingested_at=_now(), fetched=doc.fetched,
        )).inserted_primary_key
        if inserted is None:  # a single-row INSERT always returns its key
            raise StoreError(f"cannot store document {doc.doc_id}: the database returned no key")
        doc_pk = inserted[0]
        feats = self._insert_events(conn, doc_pk, doc, events, story)
        if cluster:
            changed = stories.update_copies(conn, doc_pk, doc.text, story)
            done = stories.update_clusters(conn, feats, story)
            stories.refresh_events(conn, (stale | stories.events_of_documents(conn, changed - {doc_pk})) - done)

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
        with self._read() as conn:
            missing = conn.execute(select(mentions.c.id).where(mentions.c.story_block.is_(None)).limit(1)).first()
        if missing is None:
            return False
        self.rebuild_stories(story)
        return True

    def rebuild_stories(self, story: StorySettings | None = None) -> int:
        """Recompute copies and events of the whole store in one transaction; returns the number of events."""

        def rebuild(conn: Connection) -> int:
            lock(conn, STORIES_LOCK)
            return stories.rebuild(conn, story or StorySettings())

        return self._write(rebuild, key=STORIES_LOCK, what="cannot rebuild stories")

    def write_failure(self, failure: Failure) -> None:
        """Record an input that failed, replacing an earlier failure of the same input (never a
        coded document)."""
        key = failure.raw_hash or failure.origin

        def write(conn: Connection) -> None:
            conn.execute(delete(documents).where(and_(documents.c.content_hash == key, documents.c.status == "failed")))
            if conn.execute(select(documents.c.id).where(documents.c.content_hash == key)).first() is not None:
                return
            conn.execute(documents.insert().values(
                content_hash=key, doc_id=_nul(failure.origin), origin=_nul(failure.origin), status="failed",
                error_code=failure.code, error=_nul(failure.reason), ingested_at=_now(),
            ))

        self._write(write, key=key, what=f"cannot record failure for {failure.origin}")

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
        q = select(documents.c.id, documents.c.doc_id, documents.c.origin, documents.c.url, documents.c.source,
                   documents.c.status, documents.c.error_code, documents.c.error, documents.c.published,
                   documents.c.title, documents.c.attribution, documents.c.coder, documents.c.fetched,
                   documents.c.duplicate_of, func.length(documents.c.text).label("length")).order_by(documents.c.id)
        if failed_only:
            q = q.where(documents.c.status == "failed")
        with self._read() as conn:
            rows = conn.execute(q).all()
            counts: dict[int, int] = dict(conn.execute(select(mentions.c.document_id, func.count()).group_by(mentions.c.document_id)).all())
        return [dict(r._mapping) | {"events": counts.get(r.id, 0)} for r in rows]

    def stored_document(self, content_hash: str) -> Document | None:
        """The coded document with this content, or None."""
        return next(self.stored_documents(content_hash=content_hash), None)

    def stored_documents(self, *, content_hash: str | None = None, doc_id: str | None = None) -> Iterator[Document]:
        q = select(documents).where(documents.c.status == "coded").order_by(documents.c.id)
        if content_hash is not None:
            q = q.where(documents.c.content_hash == content_hash)
        if doc_id is not None:
            q = q.where(documents.c.doc_id == doc_id)
        with self._read() as conn:
            rows = conn.execute(q).all()
        for r in rows:
            yield Document(doc_id=r.doc_id, text=r.text or "", origin=r.origin or "", title=r.title, source=r.source,
                           url=r.url, published=r.published, attribution=r.attribution,
                           credits=tuple(r.credits or ()), headings=tuple(tuple(h) for h in (r.headings or ())),
                           dateline=r.dateline, fetched=r.fetched)

    def events(self, query: EventQuery | None = None) -> list[Event]:
        query = query or EventQuery()
        m = mentions.c
        conds = event_conditions(query)
        order = {"document": (m.document_id, m.sentence_index, m.trigger_start, m.id),
                 "date": (m.date, m.document_id, m.sentence_index, m.id),
                 "-date": (m.date.desc(), m.document_id, m.sentence_index, m.id),
                 "goldstein": (m.goldstein, m.document_id, m.sentence_index, m.id),
                 "-goldstein": (m.goldstein.desc(), m.document_id, m.sentence_index, m.id)}
        if query.sort not in order:
            raise UsageError(f"unknown sort {query.sort!r}: one of {', '.join(order)}")
        stmt = select(mentions).where(and_(true(), *conds)).order_by(*order[query.sort])
        if query.limit:
            stmt = stmt.limit(query.limit)
        with self._read() as conn:
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

    def happenings(self, query: EventQuery | None = None) -> list[Happening]:
        """Unique events (story clusters), filtered like ``events`` on their representative mention;
        ``min_sources`` keeps those reported by that many independent outlets."""
        query = query or EventQuery()
        t = events_table.c
        conds = coded_conditions(t, query)
        if query.doc:
            conds.append(t.event_id.in_(select(mentions.c.event_id).where(mentions.c.doc_id == query.doc)))
        if query.min_sources:
            conds.append(t.num_sources >= query.min_sources)
        m = mentions.c
        where: list[Any] = []  # filters on where and when the mentions were: an event matches through any of them
        if query.country:
            where.append(m.location_country.in_(place_country_codes(query.country)))
        if query.near:
            where.extend(near_box(m.location_lat, m.location_lon, query.near))
        if query.since_ingest:
            where.append(m.document_id.in_(select(documents.c.id).where(documents.c.ingested_at >= query.since_ingest)))
        order = {"date": (t.date, t.event_id), "-date": (t.date.desc(), t.event_id), "goldstein": (t.goldstein, t.event_id),
                 "-goldstein": (t.goldstein.desc(), t.event_id), "document": (t.date, t.event_id)}
        if query.sort not in order:
            raise UsageError(f"unknown sort {query.sort!r}: one of {', '.join(order)}")
        with self._read() as conn:
            if where:
                rows = conn.execute(select(m.event_id, m.location_lat, m.location_lon).where(and_(*where))).all()
                if query.near:  # the box is coarse; the great-circle distance decides
                    rows = [r for r in rows if within(r.location_lat, r.location_lon, query.near)]
                conds.append(t.event_id.in_(sorted({r.event_id for r in rows if r.event_id})))
            stmt = select(t.record).where(and_(true(), *conds)).order_by(*order[query.sort])
            if query.limit:
                stmt = stmt.limit(query.limit)
            return [Happening.from_dict(r.record) for r in conn.execute(stmt).all()]

    def mention_context(self) -> dict[str, tuple[str | None, str | None]]:
        """For each stored mention (by mention id): the publication date of its document and the
        event (story) it was clustered into, or None for either."""
        stmt = (select(mentions.c.mention_id, documents.c.published, mentions.c.event_id)
                .join(documents, documents.c.id == mentions.c.document_id))
        with self._read() as conn:
            return {r.mention_id: (r.published, r.event_id) for r in conn.execute(stmt)}

    def counts(self) -> dict[str, int]:
        with self._read() as conn:
            docs: dict[str, int] = dict(conn.execute(select(documents.c.status, func.count()).group_by(documents.c.status)).all())
            n = conn.execute(select(func.count()).select_from(mentions)).scalar_one()
        return {"coded": docs.get("coded", 0), "failed": docs.get("failed", 0), "mentions": n}
