"""Which documents to keep: a date window and a list of sites, the same for every source.

    sel = Selection(since="2024-03-01", until="2024-03-31", sites=("reuters.com",))
    sel.allows_url("https://www.reuters.com/world/...")   # before downloading or extracting
    sel.rejects(document)                                  # None, or why it is left out

A site matches its subdomains (``bbc.co.uk`` matches ``www.bbc.co.uk`` and ``news.bbc.co.uk``).
The date is the publication date, or when that is unknown the fetch date; with ``since`` or
``until`` a document with neither is left out.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit

from tidings.records import Document

__all__ = ["Selection", "host_of", "normalize_site"]


def normalize_site(site: str) -> str:
    """``https://www.BBC.co.uk/news`` -> ``bbc.co.uk``."""
    s = site.strip().lower()
    if "//" in s:
        s = urlsplit(s).hostname or ""
    s = s.split("/", 1)[0].split(":", 1)[0].strip(".")
    return s.removeprefix("www.")


def host_of(url: str | None) -> str | None:
    if not url:
        return None
    try:
        host = urlsplit(url.strip()).hostname
    except ValueError:
        return None
    return host.lower().strip(".") if host else None


@dataclass(frozen=True)
class Selection:
    since: str | None = None  # YYYY-MM-DD, inclusive
    until: str | None = None  # YYYY-MM-DD, inclusive
    sites: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        object.__setattr__(self, "sites", tuple(s for s in (normalize_site(x) for x in self.sites) if s))

    @property
    def active(self) -> bool:
        return bool(self.since or self.until or self.sites)

    def _site_ok(self, host: str | None) -> bool:
        if not host:
            return False
        host = normalize_site(host)
        return any(host == s or host.endswith("." + s) for s in self.sites)

    def allows_url(self, url: str | None) -> bool:
        """False when sites are selected and the URL's host is not one of them."""
        return not self.sites or self._site_ok(host_of(url))

    def date_reason(self, day: str | None) -> str | None:
        """Why a document of this date (YYYY-MM-DD or longer ISO) is outside the window, or None."""
        if not (self.since or self.until):
            return None
        if not day:
            return "no date (--since/--until)"
        day = day[:10]
        if self.since and day < self.since:
            return "before --since"
        if self.until and day > self.until:
            return "after --until"
        return None

    def rejects(self, doc: Document) -> str | None:
        """Why the document is left out, or None when it is kept."""
        if self.sites and not (self._site_ok(host_of(doc.url)) or self._site_ok(doc.source)):
            return "not a selected site (--site)"
        return self.date_reason(doc.published or doc.fetched)
