"""robots.txt, read as RFC 9309 says: a missing file (4xx) allows everything; a server error or an
unreachable host forbids the whole site for now; rules are cached for a day per site."""

from __future__ import annotations

from collections.abc import Callable
from urllib.parse import urlsplit
from urllib.robotparser import RobotFileParser

from tidings.errors import Disallowed

__all__ = ["Robots"]

TTL = 24 * 3600.0


class Robots:
    """``check(url)`` raises ``Disallowed`` when the site's robots.txt forbids the URL."""

    def __init__(self, fetch: Callable[[str], tuple[int, bytes]], *, agent: str, clock: Callable[[], float]) -> None:
        self._fetch = fetch  # url -> (status, body); status 0 when unreachable
        self.agent = agent
        self._clock = clock
        self._cache: dict[str, tuple[float, RobotFileParser | None, str | None]] = {}
        self._delays: dict[str, float] = {}

    def _site(self, url: str) -> str:
        parts = urlsplit(url)
        return f"{parts.scheme}://{parts.netloc}".lower()

    def _rules(self, url: str) -> tuple[RobotFileParser | None, str | None]:
        site = self._site(url)
        cached = self._cache.get(site)
        if cached and self._clock() - cached[0] < TTL:
            return cached[1], cached[2]
        status, body = self._fetch(site + "/robots.txt")
        parser: RobotFileParser | None = None
        refusal: str | None = None
        if 200 <= status < 300:
            parser = RobotFileParser()
            parser.parse(body.decode("utf-8", errors="replace").splitlines())
            delay = parser.crawl_delay(self.agent)
            if delay:
                self._delays[(urlsplit(url).hostname or "").lower()] = float(delay)
        elif status == 0 or status >= 500:
            refusal = (f"robots.txt of {urlsplit(url).netloc} cannot be read "
                       f"({'unreachable' if status == 0 else f'HTTP {status}'}): the site is not fetched for now")
        self._cache[site] = (self._clock(), parser, refusal)
        return parser, refusal

    def check(self, url: str) -> None:
        parser, refusal = self._rules(url)
        if refusal:
            raise Disallowed(refusal)
        if parser is not None and not parser.can_fetch(self.agent, url):
            raise Disallowed(f"robots.txt of {urlsplit(url).netloc} disallows {urlsplit(url).path or '/'}")

    def crawl_delay(self, host: str) -> float | None:
        return self._delays.get(host)
