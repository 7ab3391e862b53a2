"""RSS and Atom feeds, parsed by feedparser from bytes already downloaded (never from a URL)."""

from __future__ import annotations

import time
from dataclasses import dataclass

import feedparser

from tidings.errors import InputError

__all__ = ["BadFeed", "FeedItem", "looks_like_feed", "parse_feed"]

FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/feed+json")
XML_TYPES = ("application/xml", "text/xml")


class BadFeed(InputError):
    code = "bad-feed"


@dataclass(frozen=True)
class FeedItem:
    url: str
    title: str | None = None
    published: str | None = None  # YYYY-MM-DD


def looks_like_feed(content_type: str, body: bytes) -> bool:
    """True for RSS/Atom by media type, or XML whose root is ``rss``, ``feed`` or ``rdf:RDF``."""
    ctype = content_type.split(";", 1)[0].strip().lower()
    if ctype in FEED_TYPES:
        return True
    if ctype and ctype not in XML_TYPES and not ctype.startswith("text/plain"):
        return False
    head = body[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith(b"<?xml"):
        head = head[head.find(b"?>") + 2:].lstrip()
    while head.startswith(b"<!--") and b"-->" in head:
        head = head[head.find(b"-->") + 3:].lstrip()
    return head.startswith((b"<rss", b"<feed", b"<rdf:rdf"))


def _day(parsed: time.struct_time | None) -> str | None:
    return time.strftime("%Y-%m-%d", parsed) if parsed else None


def parse_feed(body: bytes, url: str, content_type: str = "") -> list[FeedItem]:
    """The items of a feed, links made absolute against ``url``; raises ``BadFeed`` when none can be read."""
    parsed = feedparser.parse(body, response_headers={"content-location": url,
                                                      "content-type": content_type or "application/xml"})
    items: list[FeedItem] = []
    seen: set[str] = set()
    for entry in parsed.entries:
        link = (entry.get("link") or "").strip()
        if not link or link in seen or not link.startswith(("http://", "https://")):
            continue
        seen.add(link)
        items.append(FeedItem(link, entry.get("title"), _day(entry.get("published_parsed") or entry.get("updated_parsed"))))
    if not items and parsed.bozo and not parsed.entries:
        problem = parsed.get("bozo_exception")
        raise BadFeed(f"not a readable feed: {str(problem).splitlines()[0][:100] if problem else 'no items'}")
    return items
