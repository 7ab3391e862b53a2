"""URLs and feeds to documents: ``FetchSession.documents(targets)`` yields a ``Document`` for every
page downloaded and a ``Failure`` (with its reason) for every URL that could not be used.

A target is a page or a feed (RSS/Atom, recognised by its media type or its root element); a feed
stands for its items. URLs already stored are not fetched again, nor are URLs that failed for a
lasting reason (404, not HTML, not English, too large). Feeds are asked conditionally
(If-None-Match / If-Modified-Since) with the validators of their last complete poll;
``commit()`` keeps the new validators once the documents are stored, and only for feeds whose
items were all handled, so that an interrupted poll is done again in full the next time.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path

from tidings.config import Settings
from tidings.errors import InputError, NotHtml, UsageError
from tidings.ingest import Selection, decode_bytes, document_from_html, selected
from tidings.ingest.warc import HTML_TYPES, url_doc_id
from tidings.records import Document, Failure
from tidings.sources.feeds import BadFeed, FeedItem, looks_like_feed, parse_feed
from tidings.sources.http import Fetcher, Page
from tidings.store import Store

__all__ = ["LASTING", "FetchSession", "read_url_list"]

# failures that fetching again would not change: such URLs are not fetched again
LASTING = frozenset({"http-404", "http-410", "not-html", "language", "too-large", "empty", "unsupported"})


def read_url_list(path: str) -> list[str]:
    """URLs from a file, one a line; blank lines and lines starting with ``#`` are ignored."""
    try:
        lines = Path(path).read_text(encoding="utf-8-sig").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise UsageError(f"cannot read URL list {path}: {exc.__class__.__name__}: {exc}") from exc
    return [s for s in (line.strip() for line in lines) if s and not s.startswith("#")]


def _failure(url: str, exc: InputError) -> Failure:
    return Failure(url, exc.reason, exc.code, hashlib.sha256(f"url\0{url}".encode()).hexdigest())


@dataclass(frozen=True)
class _Polled:
    url: str
    etag: str | None
    last_modified: str | None
    status: int


class FetchSession:
    """Downloads for one run (or one poll of ``tidings watch``)."""

    def __init__(self, store: Store, fetcher: Fetcher, *, settings: Settings | None = None,
                 select: Selection | None = None, skipped: Counter[str] | None = None,
                 stop: Callable[[], bool] | None = None, feeds_only: bool = False) -> None:
        self.store = store
        self.fetcher = fetcher
        self.settings = settings or Settings()
        self.select = select or Selection()
        self.skipped = skipped if skipped is not None else Counter()
        self.stop = stop or (lambda: False)
        self.feeds_only = feeds_only
        self.polled: list[_Polled] = []
        self._seen: set[str] = set()

    def documents(self, targets: Iterable[str]) -> Iterator[Document | Failure]:
        def raw() -> Iterator[Document | Failure]:
            for target in targets:
                if self.stop():
                    return
                yield from self._target(target.strip())

        return selected(raw(), self.select, self.skipped)

    def commit(self) -> None:
        """Keep the validators of the feeds polled in full (call after their documents are stored)."""
        for p in self.polled:
            self.store.save_feed(p.url, p.etag, p.last_modified, p.status)
            self.store.forget_failure(p.url)
        self.polled.clear()

    # -- targets ----------------------------------------------------------------------------------
    def _known(self, url: str, *, lasting: bool = True) -> bool:
        """True (and counted) when ``url`` need not be fetched."""
        if url in self._seen:
            self.skipped["already seen in this run"] += 1
            return True
        status = self.store.url_status(url)
        if status and status[0] == "coded":
            self.skipped["already stored"] += 1
            return True
        if lasting and status and status[1] in LASTING:
            self.skipped[f"failed before ({status[1]})"] += 1
            return True
        return False

    def _target(self, url: str) -> Iterator[Document | Failure]:
        if self._known(url, lasting=False):  # what the user names is tried again, unless stored
            return
        self._seen.add(url)
        etag, modified = self.store.feed_validators(url)
        headers = {k: v for k, v in (("If-None-Match", etag), ("If-Modified-Since", modified)) if v}
        try:
            page = self.fetcher.get(url, headers or None)
        except InputError as exc:
            yield _failure(url, exc)
            return
        if page.status == 304:
            self.skipped["feed not modified (HTTP 304)"] += 1
            self.polled.append(_Polled(url, page.etag or etag, page.last_modified or modified, 304))
        elif looks_like_feed(page.content_type, page.content):
            yield from self._feed(url, page)
        elif self.feeds_only:
            yield _failure(url, BadFeed(f"not a feed ({page.content_type.split(';')[0] or 'no Content-Type'})"))
        else:
            yield self._page(url, page)

    def _feed(self, url: str, page: Page) -> Iterator[Document | Failure]:
        try:
            items = parse_feed(page.content, page.final_url, page.content_type)
        except BadFeed as exc:
            yield _failure(url, exc)
            return
        complete = True
        for item in items:
            if self.stop():
                complete = False
                break
            if not self.select.allows_url(item.url):
                self.skipped["not a selected site (--site)"] += 1
                continue
            if item.published and (why := self.select.date_reason(item.published)):
                self.skipped[why] += 1
                continue
            if self._known(item.url):
                continue
            self._seen.add(item.url)
            try:
                result = self._page(item.url, self.fetcher.get(item.url), item)
            except InputError as exc:
                result = _failure(item.url, exc)
            if isinstance(result, Failure) and result.code not in LASTING:
                complete = False  # the next poll asks for the whole feed again
            yield result
        if complete:
            self.polled.append(_Polled(url, page.etag, page.last_modified, page.status))

    def _page(self, url: str, page: Page, item: FeedItem | None = None) -> Document | Failure:
        ctype = page.content_type.split(";", 1)[0].strip().lower()
        try:
            if ctype not in HTML_TYPES:
                raise NotHtml(f"not an HTML page ({ctype or 'no Content-Type'})")
            doc = document_from_html(decode_bytes(page.content), url_doc_id(page.final_url), url,
                                     default_date=item.published if item else None, settings=self.settings,
                                     raw_hash=hashlib.sha256(page.content).hexdigest(), url=page.final_url)
        except InputError as exc:
            return _failure(url, exc)
        return replace(doc, fetched=page.fetched)
