"""A store for the web tests: the examples/ articles ingested for real, plus a document whose
title, URL and text carry markup and script (it must show as text and never run) and one that
failed. Built once per test session."""

from __future__ import annotations

import json
import tempfile
from functools import lru_cache
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
INJECTED = {
    "id": "injected", "title": '<img src=x onerror="window.__pwned=2"> Sanctions report',
    "url": "javascript:window.__pwned=3", "date": "2024-05-06",
    "text": "Russia condemned Belarus over <script>window.__pwned=1</script> the crackdown on Tuesday.\n\n"
            "Poland closed its border with Belarus on Wednesday.",
}
SCRIPT = "<script>window.__pwned=1</script>"


@lru_cache(maxsize=1)
def web_store_url() -> str:
    """A SQLite URL of the store (built on first use, in a temporary folder kept for the session)."""
    from tidings.service import ingest
    from tidings.store import Store

    folder = Path(tempfile.mkdtemp(prefix="tidings-web-tests-"))
    extra = folder / "extra.jsonl"
    extra.write_text(json.dumps(INJECTED) + "\n" + json.dumps({"id": "empty-one", "date": "2024-05-06", "text": ""})
                     + "\n", encoding="utf-8")
    url = f"sqlite:///{folder / 'web.db'}"
    store = Store(url)
    report = ingest([str(ROOT / "examples"), str(extra)], store)
    assert report.failed == 1 and report.events > 100, report.to_dict()
    store.close()
    return url


def read_only_store():
    from tidings.store import Store

    return Store(web_store_url(), read_only=True)


class LocalServer:
    """The web view served by uvicorn on 127.0.0.1 (a free port) in a thread of the test process."""

    def __init__(self, app) -> None:
        import socket
        import threading

        import uvicorn

        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            self.port = s.getsockname()[1]
        self.base = f"http://127.0.0.1:{self.port}"
        self.server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=self.port, log_level="warning"))
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def __enter__(self) -> LocalServer:
        import time

        self.thread.start()
        deadline = time.monotonic() + 20
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("the test server did not start")
            time.sleep(0.05)
        return self

    def __exit__(self, *exc) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)


def asgi_get(app, url: str):
    """GET ``url`` from ``app`` in-process through ``httpx.ASGITransport``. It runs in a thread of
    its own: pytest-playwright's sync API keeps an event loop running in the main thread once a
    browser test has started."""
    import asyncio
    from concurrent.futures import ThreadPoolExecutor

    import httpx

    async def go() -> httpx.Response:
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://127.0.0.1") as client:
            return await client.get(url)

    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, go()).result()


def mid(e) -> str:
    """The id of one coded event (a mention), from an ``Event`` or its JSON: ``mention_id`` once
    stories exist, ``event_id`` before."""
    if isinstance(e, dict):
        return e.get("mention_id") or e["event_id"]
    return getattr(e, "mention_id", None) or e.event_id
