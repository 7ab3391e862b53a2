"""``tidings serve``: the web view of a store (read-only, on localhost unless told otherwise)."""

from __future__ import annotations

from typing import Annotated

import typer

from tidings.cli.app import app, err, settings_for
from tidings.errors import UsageError

LOCAL = {"127.0.0.1", "localhost", "::1"}


@app.command("serve")
def serve_cmd(
    ctx: typer.Context,
    db: Annotated[str | None, typer.Option("--db", help="Database URL (opened read-only).")] = None,
    host: Annotated[str, typer.Option("--host", help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", help="Port to listen on.")] = 8080,
) -> None:
    """Browse the stored events in a web browser: timeline, dyads, events, documents, map, JSON API."""
    import uvicorn

    from tidings.store import Store
    from tidings.web import create_app

    if not 0 < port < 65536:
        raise UsageError(f"invalid --port {port}: 1-65535")
    from tidings.store.readonly import schema_lag

    url = settings_for(ctx, db_url=db).db_url
    store = Store(url, read_only=True)
    lag = schema_lag(store.engine)
    if lag:
        err.print(f"warning: the database is at schema {lag[0]}, this tidings expects {lag[1]}: pages work but "
                  f"some filters are slow until a writing command upgrades it (e.g. tidings docs --db {url})",
                  markup=False, highlight=False)
    application = create_app(store, warm=True)
    if host not in LOCAL:
        err.print(f"warning: serving on {host}: anyone who can reach this address can read the database "
                  "(there is no login)", markup=False, highlight=False)
    err.print(f"tidings: serving {url} read-only on http://{'[' + host + ']' if ':' in host else host}:{port}/ "
              "(Ctrl-C stops)", markup=False, highlight=False)
    uvicorn.run(application, host=host, port=port, log_level="warning", server_header=False)
