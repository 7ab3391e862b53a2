"""Storage of documents and events (SQLAlchemy Core + Alembic; SQLite by default)."""

from tidings.store.db import EventQuery, Store

__all__ = ["EventQuery", "Store"]
