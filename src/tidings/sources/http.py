"""Polite HTTP downloads with httpx: timeouts, retries with backoff, a size limit, bounded redirects,
a delay between requests to the same host, robots.txt, and an honest User-Agent.

    fetcher = Fetcher(settings)                  # transport=httpx.MockTransport(...) in tests
    page = fetcher.get("https://example.org/a")  # a Page, or raises a FetchError / TooLarge
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from urllib.parse import urljoin, urlsplit

import httpx

from tidings.about import __version__
from tidings.config import Settings
from tidings.errors import DnsError, FetchError, FetchTimeout, HttpError, TooLarge, TooManyRedirects
from tidings.sources.robots import Robots

__all__ = ["Fetcher", "Page", "user_agent"]

RETRY_STATUS = {429, 500, 502, 503, 504}
REDIRECT_STATUS = {301, 302, 303, 307, 308}
MAX_RETRY_AFTER = 60.0
ACCEPT = "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/xml;q=0.9,*/*;q=0.5"


def user_agent(settings: Settings) -> str:
    contact = settings.contact.strip() or "no contact set"
    return f"tidings/{__version__} (political event data from news; {contact})"


@dataclass(frozen=True)
class Page:
    url: str  # as requested
    final_url: str  # after redirects
    status: int
    content_type: str
    content: bytes
    fetched: str  # ISO 8601, UTC
    etag: str | None = None
    last_modified: str | None = None


@dataclass(frozen=True)
class _Answer:
    status: int
    headers: httpx.Headers
    content: bytes
    reason: str


def _is_dns_failure(exc: BaseException) -> bool:
    import socket

    seen: BaseException | None = exc
    while seen is not None:
        if isinstance(seen, socket.gaierror):
            return True
        seen = seen.__cause__ or seen.__context__
    text = str(exc).lower()
    return any(s in text for s in ("name or service not known", "nodename nor servname", "name resolution",
                                   "no address associated", "getaddrinfo failed"))


def _retry_after(value: str | None) -> float | None:
    if not value:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        return max(0.0, (parsedate_to_datetime(value) - datetime.now(UTC)).total_seconds())
    except (TypeError, ValueError):
        return None


def _check_url(url: str) -> str:
    """The host of an http(s) URL; ``FetchError`` for anything else."""
    try:
        parts = urlsplit(url)
        host = (parts.hostname or "").lower()
    except ValueError:
        host, parts = "", None
    if parts is None or parts.scheme not in ("http", "https") or not host:
        raise FetchError(f"not an http(s) URL: {url[:200]}")
    return host


class Fetcher:
    """One HTTP client for a run: connection reuse, per-host pacing and the robots.txt cache."""

    def __init__(self, settings: Settings | None = None, *, transport: httpx.BaseTransport | None = None,
                 sleep: Callable[[float], object] = time.sleep, clock: Callable[[], float] = time.monotonic) -> None:
        self.settings = settings or Settings()
        self.client = httpx.Client(transport=transport, timeout=httpx.Timeout(self.settings.fetch_timeout),
                                   follow_redirects=False,
                                   headers={"User-Agent": user_agent(self.settings), "Accept": ACCEPT})
        self.sleep = sleep
        self.clock = clock
        self._last: dict[str, float] = {}
        self.robots = Robots(self._robots_text, agent="tidings", clock=clock)

    def close(self) -> None:
        self.client.close()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- public -----------------------------------------------------------------------------------
    def get(self, url: str, headers: dict[str, str] | None = None) -> Page:
        """Download ``url``, following redirects (each hop allowed by robots.txt), within the limits."""
        current = url
        for _hop in range(self.settings.fetch_max_redirects + 1):
            _check_url(current)
            self.robots.check(current)
            answer = self._request(current, headers)
            location = answer.headers.get("location")
            if answer.status in REDIRECT_STATUS and location:
                current = urljoin(current, location)
                continue
            if answer.status >= 400:
                raise HttpError(answer.status, f"HTTP {answer.status} {answer.reason}".strip())
            return Page(url=url, final_url=current, status=answer.status,
                        content_type=answer.headers.get("content-type", ""), content=answer.content,
                        fetched=datetime.now(UTC).isoformat(timespec="seconds").replace("+00:00", "Z"),
                        etag=answer.headers.get("etag"), last_modified=answer.headers.get("last-modified"))
        raise TooManyRedirects(f"more than {self.settings.fetch_max_redirects} redirects (fetch_max_redirects)")

    # -- internals --------------------------------------------------------------------------------
    def _robots_text(self, url: str) -> tuple[int, bytes]:
        """Status and body of a robots.txt (redirects followed). A host that cannot be reached raises
        its ``FetchError`` (DNS, timeout, connection): that is the reason its pages fail."""
        current = url
        for _hop in range(5):
            try:
                answer = self._request(current, None)
            except TooLarge:
                return 404, b""  # an absurd robots.txt is treated as none
            location = answer.headers.get("location")
            if answer.status in REDIRECT_STATUS and location:
                current = urljoin(current, location)
                continue
            return answer.status, answer.content
        return 404, b""  # RFC 9309: more than five redirects, as if there were no robots.txt

    def _pace(self, host: str) -> None:
        delay = max(self.settings.fetch_delay, self.robots.crawl_delay(host) or 0.0)
        last = self._last.get(host)
        if last is not None:
            wait = last + delay - self.clock()
            if wait > 0:
                self.sleep(wait)

    def _request(self, url: str, headers: dict[str, str] | None) -> _Answer:
        s = self.settings
        host = _check_url(url)
        for attempt in range(s.fetch_retries + 1):
            last_try = attempt == s.fetch_retries
            self._pace(host)
            try:
                with self.client.stream("GET", url, headers=headers) as resp:
                    if resp.status_code in RETRY_STATUS and not last_try:
                        wait = _retry_after(resp.headers.get("retry-after"))
                        self._last[host] = self.clock()
                        self.sleep(min(wait if wait is not None else s.fetch_backoff * 2 ** attempt, MAX_RETRY_AFTER))
                        continue
                    content = self._read(resp) if resp.status_code < 300 else b""
                    return _Answer(resp.status_code, resp.headers, content, resp.reason_phrase)
            except httpx.TimeoutException as exc:
                if last_try:
                    raise FetchTimeout(f"no answer from {host} within {s.fetch_timeout:g} s "
                                       f"({s.fetch_retries + 1} tries)") from exc
            except httpx.ConnectError as exc:
                if _is_dns_failure(exc):
                    raise DnsError(f"host {host} not found (DNS)") from exc
                if last_try:
                    raise FetchError(f"cannot connect to {host}: {str(exc)[:100]}") from exc
            except (httpx.RemoteProtocolError, httpx.ReadError, httpx.WriteError) as exc:
                if last_try:
                    raise FetchError(f"connection to {host} broken: {str(exc)[:100]}") from exc
            except httpx.HTTPError as exc:  # invalid URL, unsupported protocol, decoding
                raise FetchError(f"cannot fetch {url[:200]}: {exc.__class__.__name__}: {str(exc)[:100]}") from exc
            finally:
                self._last[host] = self.clock()
            self.sleep(s.fetch_backoff * 2 ** attempt)
        raise AssertionError("unreachable")  # the last try returns or raises

    def _read(self, resp: httpx.Response) -> bytes:
        limit = self.settings.max_bytes
        declared = resp.headers.get("content-length")
        if declared and declared.isdigit() and int(declared) > limit:
            raise TooLarge(f"page is {int(declared) / 1e6:.1f} MB, above the {limit / 1e6:.1f} MB limit (max_bytes)")
        chunks, size = [], 0
        for chunk in resp.iter_bytes():
            size += len(chunk)
            if size > limit:
                raise TooLarge(f"page is above the {limit / 1e6:.1f} MB limit (max_bytes)")
            chunks.append(chunk)
        return b"".join(chunks)
