"""A read-only connection to a store, for viewers (``tidings serve``): nothing it runs can write.

SQLite files are opened with ``mode=ro`` (and ``query_only``); PostgreSQL sessions start with
``default_transaction_read_only``. A SQLite file that does not exist is an error, never a new
empty database.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any
from urllib.parse import quote

from sqlalchemy import create_engine, event
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.exc import ArgumentError

from tidings.errors import StoreError

__all__ = ["read_only_engine", "schema_lag"]


def _sqlite_read_only(dbapi_conn: Any, _record: Any) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA query_only=ON")
    cur.execute("PRAGMA busy_timeout=10000")
    cur.execute("PRAGMA case_sensitive_like=ON")  # codes are upper case: lets ``LIKE 'RUS%'`` use an index
    cur.close()


def read_only_engine(url: str) -> Engine:
    try:
        parsed = make_url(url)
    except ArgumentError as exc:
        raise StoreError(f"cannot open database {url!r}: {exc}") from exc
    if parsed.get_backend_name() == "sqlite":
        if not parsed.database or parsed.database == ":memory:":
            raise StoreError(f"cannot open database {url!r} read-only: name a database file")
        path = Path(parsed.database).resolve()
        if not path.is_file():
            raise StoreError(f"no database at {path}")
        uri = f"file:{quote(str(path))}?mode=ro"
        engine = create_engine("sqlite://", creator=lambda: sqlite3.connect(uri, uri=True, check_same_thread=False))
        event.listen(engine, "connect", _sqlite_read_only)
        return engine
    if parsed.get_backend_name() == "postgresql":
        return create_engine(parsed, connect_args={"options": "-c default_transaction_read_only=on"})
    raise StoreError(f"cannot open {parsed.get_backend_name()} databases read-only")


def schema_lag(engine: Engine) -> tuple[str | None, str] | None:
    """``(revision, head)`` when the store's schema is older than this tidings' (a viewer does not
    migrate; any command that opens the store for writing does), None when it is current."""
    from importlib import resources

    from alembic.script import ScriptDirectory
    from sqlalchemy import text
    from sqlalchemy.exc import SQLAlchemyError

    head = ScriptDirectory(str(resources.files("tidings") / "store" / "migrations")).get_current_head()
    try:
        with engine.connect() as conn:
            revision = conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
    except SQLAlchemyError as exc:
        raise StoreError(f"not a tidings database: {str(exc).splitlines()[0]}") from exc
    return None if revision == head or head is None else (revision, head)
