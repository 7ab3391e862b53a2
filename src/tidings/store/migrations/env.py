"""Alembic environment: runs migrations on the connection tidings passes in ``config.attributes``."""

from alembic import context

from tidings.store.schema import metadata

connection = context.config.attributes.get("connection")
if connection is None:  # pragma: no cover - tidings always passes a connection
    raise RuntimeError("run migrations through tidings.store.Store")
context.configure(connection=connection, target_metadata=metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
