"""Opening a database from a URL: SQLite or PostgreSQL, with errors a user can act on.

``open_engine(url)`` parses the URL, picks the driver (``postgresql://`` means psycopg 3, the
driver tidings installs), connects once, and turns every way this can go wrong into one
``DatabaseUnavailable`` line: a malformed URL, an unsupported database, a driver that is not
installed, a server that is down, a login refused, a database that does not exist. Passwords never
appear in messages.

Transactions that write are serialised per document: on SQLite by ``BEGIN IMMEDIATE`` (one writer
at a time, the others wait up to ``busy_timeout``), on PostgreSQL by a transaction-level advisory
lock on a key (``lock(conn, key)``), so that two ingesters writing the same document, or running
the first migration of a new database, wait for each other instead of failing.
"""

from __future__ import annotations

import hashlib
import os
import re
from typing import Any

from sqlalchemy import create_engine, event, func, select
from sqlalchemy.engine import URL, Connection, Engine, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, NoSuchModuleError, SQLAlchemyError

from tidings.errors import DatabaseUnavailable

__all__ = ["WRITE", "lock", "open_engine", "safe_url", "transient"]

SUPPORTED = ("sqlite", "postgresql")
EXAMPLES = "sqlite:///FILE.db or postgresql://USER:PASSWORD@HOST:PORT/DATABASE"
WRITE = {"tidings_write": True}  # execution option of connections that write (BEGIN IMMEDIATE on SQLite)
CONNECT_TIMEOUT = 10  # seconds, unless the URL says otherwise (?connect_timeout=N)
BUSY_TIMEOUT_MS = 30000


def safe_url(url: URL | str) -> str:
    """The URL without its password, for messages."""
    try:
        return (make_url(url) if isinstance(url, str) else url).render_as_string(hide_password=True)
    except (ArgumentError, ValueError):  # not a URL: mask anything that looks like user:password@
        return re.sub(r"(://[^:/@]*:)[^@]*@", r"\1***@", str(url))


def _parse(url: str) -> URL:
    try:
        parsed = make_url(url)
    except (ArgumentError, ValueError):
        hint = f"; for a SQLite file write sqlite:///{url}" if "://" not in url and url.strip() else ""
        raise DatabaseUnavailable(f"invalid database URL {safe_url(url)!r}: expected {EXAMPLES}{hint}") from None
    backend, _, driver = parsed.drivername.partition("+")
    if backend == "postgres":  # the scheme Heroku and libpq also accept
        backend = "postgresql"
    if backend not in SUPPORTED:
        raise DatabaseUnavailable(f"unsupported database {backend!r} in {safe_url(parsed)}: "
                                  f"tidings stores events in SQLite or PostgreSQL ({EXAMPLES})")
    if backend == "postgresql":
        parsed = parsed.set(drivername=f"postgresql+{driver or 'psycopg'}")
        if not parsed.database:
            raise DatabaseUnavailable(f"no database name in {safe_url(parsed)}: expected {EXAMPLES}")
    return parsed


def _sqlite_connect(dbapi_conn: Any, _record: Any) -> None:
    # tidings issues BEGIN itself (see _sqlite_begin): pysqlite's own transaction handling would
    # run DDL outside transactions and upgrade read transactions to writes too late
    dbapi_conn.isolation_level = None
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cur.close()


def _sqlite_begin(conn: Connection) -> None:
    conn.exec_driver_sql("BEGIN IMMEDIATE" if conn.get_execution_options().get("tidings_write") else "BEGIN")


def _reason(exc: BaseException) -> str:
    """The driver's message on one line."""
    orig = getattr(exc, "orig", None) or exc
    lines = [ln.strip() for ln in str(orig).splitlines() if ln.strip()]
    text = " ".join(" ".join(lines).split()) or orig.__class__.__name__
    return text.removeprefix("connection failed: ")


def open_engine(url: str, *, create: bool = True) -> Engine:
    """An engine for ``url`` that has connected once; raises ``DatabaseUnavailable`` otherwise.
    With ``create=False`` a SQLite file that does not exist is an error, not a new empty database."""
    parsed = _parse(url)
    shown = safe_url(url)
    if not create and parsed.get_backend_name() == "sqlite" and parsed.database not in (None, "", ":memory:") \
            and not parsed.database.startswith("file:") and not os.path.exists(parsed.database):
        folder = os.path.dirname(os.path.abspath(parsed.database))
        if not os.path.isdir(folder):
            raise DatabaseUnavailable(f"cannot open database {shown}: folder {folder} does not exist")
        raise DatabaseUnavailable(f"no database at {parsed.database}: check --db (or $TIDINGS_DB), "
                                  "or create one with 'tidings ingest'")
    kwargs: dict[str, Any] = {}
    if parsed.get_backend_name() == "postgresql" and "connect_timeout" not in parsed.query:
        kwargs["connect_args"] = {"connect_timeout": CONNECT_TIMEOUT}
    try:
        engine = create_engine(parsed, **kwargs)
    except ModuleNotFoundError as exc:
        raise DatabaseUnavailable(f"database driver {exc.name!r} for {parsed.drivername} URLs is not installed "
                                  f"(tidings installs psycopg: write postgresql://…)") from exc
    except NoSuchModuleError as exc:
        raise DatabaseUnavailable(f"unknown database driver {parsed.drivername!r} in {shown}: "
                                  f"use {EXAMPLES}") from exc
    except (SQLAlchemyError, ValueError, TypeError) as exc:
        raise DatabaseUnavailable(f"invalid database URL {shown}: {_reason(exc)}") from exc
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_connect)
        event.listen(engine, "begin", _sqlite_begin)
        if parsed.database and parsed.database != ":memory:" and not parsed.database.startswith("file:"):
            folder = os.path.dirname(os.path.abspath(parsed.database))
            if not os.path.isdir(folder):
                raise DatabaseUnavailable(f"cannot open database {shown}: folder {folder} does not exist")
    try:
        with engine.connect():
            pass
    except DBAPIError as exc:
        engine.dispose()
        raise DatabaseUnavailable(f"cannot connect to database {shown}: {_reason(exc)}") from exc
    return engine


def lock(conn: Connection, key: str) -> None:
    """Hold a lock on ``key`` until the transaction ends (PostgreSQL; SQLite writers are serialised)."""
    if conn.dialect.name == "postgresql":
        n = int.from_bytes(hashlib.sha256(key.encode("utf-8")).digest()[:8], "big", signed=True)
        conn.execute(select(func.pg_advisory_xact_lock(n)))


def transient(exc: SQLAlchemyError) -> bool:
    """A failure that the same transaction may not meet again: deadlock, serialisation, busy."""
    orig = getattr(exc, "orig", None)
    if getattr(orig, "sqlstate", None) in ("40P01", "40001"):
        return True
    return "database is locked" in str(orig or exc)
