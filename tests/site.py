"""A small web site on 127.0.0.1 for the fetch and watch tests: pages, feeds, robots.txt, redirects,
slow and failing answers, and a log of every request (no test touches the internet)."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

Answer = tuple[int, dict[str, str], bytes]


@dataclass
class Hit:
    at: float
    path: str
    headers: dict[str, str]


@dataclass
class LocalSite:
    routes: dict[str, Callable[[dict[str, str]], Answer]] = field(default_factory=dict)
    hits: list[Hit] = field(default_factory=list)

    def __post_init__(self) -> None:
        site = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self) -> None:  # noqa: N802 - the http.server API
                headers = {k.lower(): v for k, v in self.headers.items()}
                site.hits.append(Hit(time.monotonic(), self.path, headers))
                route = site.routes.get(self.path)
                status, extra, body = route(headers) if route else (404, {"Content-Type": "text/plain"}, b"not found")
                try:
                    self.send_response(status)
                    for k, v in extra.items():
                        self.send_header(k, v)
                    if "Content-Length" not in extra:
                        self.send_header("Content-Length", str(len(body)))
                    self.end_headers()
                    self.wfile.write(body)
                except (BrokenPipeError, ConnectionResetError):
                    pass

            def log_message(self, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        # shutdown() waits for the loop's next poll: 0.05 s rather than the default 0.5 s per test
        self.thread = threading.Thread(target=self.server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
        self.thread.start()

    @property
    def port(self) -> int:
        return self.server.server_address[1]

    def url(self, path: str, host: str = "127.0.0.1") -> str:
        return f"http://{host}:{self.port}{path}"

    def add(self, path: str, body: bytes | str, *, status: int = 200, ctype: str = "text/html; charset=utf-8",
            headers: dict[str, str] | None = None, delay: float = 0.0) -> None:
        data = body.encode("utf-8") if isinstance(body, str) else body

        def answer(_h: dict[str, str]) -> Answer:
            if delay:
                time.sleep(delay)
            return status, {"Content-Type": ctype, **(headers or {})}, data

        self.routes[path] = answer

    def redirect(self, path: str, to: str, status: int = 301) -> None:
        self.routes[path] = lambda _h: (status, {"Location": to}, b"")

    def count(self, path: str) -> int:
        return sum(h.path == path for h in self.hits)

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


def rss(site: LocalSite, items: list[tuple[str, str, str | None]], title: str = "Test wire") -> str:
    """An RSS 2.0 document; ``items`` are (path, title, YYYY-MM-DD or None)."""
    parts = []
    for path, item_title, day in items:
        date = ""
        if day:
            stamp = time.mktime(time.strptime(day + " 12", "%Y-%m-%d %H"))
            date = f"<pubDate>{formatdate(stamp, usegmt=True)}</pubDate>"
        parts.append(f"<item><title>{item_title}</title><link>{site.url(path)}</link>{date}</item>")
    return (f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>{title}</title>'
            f"<link>{site.url('/')}</link><description>test</description>{''.join(parts)}</channel></rss>")


def feed_route(site: LocalSite, path: str, state: dict) -> None:
    """A feed whose items are ``state["items"]``; it answers 304 to a request with its current ETag."""

    def answer(headers: dict[str, str]) -> Answer:
        body = rss(site, state["items"]).encode()
        etag = f'"v{len(state["items"])}"'
        if headers.get("if-none-match") == etag:
            return 304, {"ETag": etag}, b""
        return 200, {"Content-Type": "application/rss+xml; charset=utf-8", "ETag": etag,
                     "Last-Modified": "Mon, 04 Mar 2024 10:00:00 GMT"}, body

    site.routes[path] = answer
