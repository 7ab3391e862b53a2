"""Web archives: WARC and WARC.gz files (e.g. Common Crawl's CC-NEWS), read with warcio.

Every HTTP response record holding an HTML page becomes a document, through trafilatura as HTML
files do, with its URL, its fetch date (``WARC-Date``) and its site. Other records (warcinfo,
requests, metadata, redirects, error statuses, PDFs and images) are skipped and counted by reason.
A record that cannot be parsed is a failure with its byte offset (``FILE@OFFSET``, which
``warcio extract FILE OFFSET`` understands), and reading goes on at the next record: in a
``.warc.gz`` the next gzip member that starts a WARC record. Records stream one at a time and a
payload is read only up to ``max_bytes``, so memory does not grow with the file.
"""

from __future__ import annotations

import hashlib
import os
import zlib
from collections import Counter
from collections.abc import Iterator
from dataclasses import replace
from typing import Any

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from tidings.config import Settings
from tidings.errors import CorruptRecord, InputError, TooLarge
from tidings.ingest.decode import decode_bytes
from tidings.ingest.select import Selection
from tidings.records import Document, Failure

__all__ = ["HTML_TYPES", "is_warc", "read_warc", "url_doc_id"]

WARC_SUFFIXES = (".warc", ".warc.gz")
HTML_TYPES = ("text/html", "application/xhtml+xml")
_GZIP_MAGIC = b"\x1f\x8b\x08"
_SCAN = 1 << 20
# what warcio (and zlib under it) raise on a record it cannot parse
_BROKEN = (ArchiveLoadFailed, zlib.error, EOFError, ValueError, OSError)


def is_warc(path: str) -> bool:
    return path.lower().endswith(WARC_SUFFIXES)


def url_doc_id(url: str) -> str:
    """The document id of a page: its URL (long URLs shortened, with a hash to keep them distinct)."""
    url = url.strip()
    if len(url) <= 500:
        return url
    return url[:480] + "#" + hashlib.sha1(url.encode("utf-8")).hexdigest()[:16]


def _is_html(content_type: str | None, head: bytes) -> bool:
    if content_type:
        return content_type.split(";", 1)[0].strip().lower() in HTML_TYPES
    sniff = head[:512].lstrip().lower()
    return sniff.startswith((b"<!doctype html", b"<html"))


def _record(rec: Any, origin: str, *, default_date: str | None, settings: Settings, select: Selection,
            skipped: Counter[str]) -> Iterator[Document | Failure]:
    from tidings.ingest.readers import document_from_html

    if rec.rec_type != "response":
        skipped[f"WARC {rec.rec_type} record"] += 1
        return
    if rec.http_headers is None:
        skipped["WARC response without HTTP headers"] += 1
        return
    status = rec.http_headers.get_statuscode() or ""
    if status.startswith("3"):
        skipped["redirect (HTTP 3xx)"] += 1
        return
    if status != "200":
        skipped[f"HTTP {status or 'status missing'} response"] += 1
        return
    url = rec.rec_headers.get_header("WARC-Target-URI") or ""
    if not select.allows_url(url):
        skipped["not a selected site (--site)"] += 1
        return
    content_type = rec.http_headers.get_header("Content-Type")
    if content_type and not _is_html(content_type, b""):
        skipped[f"not HTML ({content_type.split(';', 1)[0].strip().lower()})"] += 1
        return
    try:
        length = int(rec.rec_headers.get_header("Content-Length") or 0)
        if length > settings.max_bytes:
            raise TooLarge(f"WARC record is {length / 1e6:.1f} MB, above the {settings.max_bytes / 1e6:.1f} MB limit (max_bytes)")
        payload = rec.content_stream().read(settings.max_bytes + 1)
        if len(payload) > settings.max_bytes:
            raise TooLarge(f"page is above the {settings.max_bytes / 1e6:.1f} MB limit (max_bytes)")
        if getattr(rec.raw_stream, "limit", 0) > 0:  # the record's block ended before its Content-Length
            raise CorruptRecord(f"truncated WARC record at byte {origin.rsplit('@', 1)[-1]}: the file ends inside it")
        if not _is_html(content_type, payload):
            skipped["not HTML (no Content-Type)"] += 1
            return
        raw_hash = hashlib.sha256(payload).hexdigest()
        doc = document_from_html(decode_bytes(payload), url_doc_id(url) if url else origin, origin,
                                 default_date=default_date, settings=settings, raw_hash=raw_hash, url=url or None)
    except InputError as exc:
        digest = hashlib.sha256(f"{origin}\0{url}".encode()).hexdigest()
        yield Failure(origin, f"{url or 'record'}: {exc.reason}", exc.code, digest)
        return
    yield replace(doc, fetched=rec.rec_headers.get_header("WARC-Date"))


def _next_record(fh: Any, start: int, size: int, gz: bool) -> int:
    """Offset of the first WARC record at or after ``start`` (``size`` when there is none)."""
    marker = _GZIP_MAGIC if gz else b"WARC/1."
    pos = start
    while pos < size:
        fh.seek(pos)
        block = fh.read(_SCAN + len(marker))
        i = block.find(marker)
        while i != -1:
            fh.seek(pos + i)
            if _starts_record(fh.read(1 << 16), gz):
                return pos + i
            i = block.find(marker, i + 1)
        pos += _SCAN
    return size


def _starts_record(head: bytes, gz: bool) -> bool:
    if not gz:
        return head.startswith(b"WARC/1.")
    try:
        return zlib.decompressobj(31).decompress(head, 16).startswith(b"WARC/")
    except zlib.error:
        return False


def _corrupt(path: str, offset: int, detail: str) -> Failure:
    origin = f"{path}@{offset}"
    reason = CorruptRecord(f"corrupt or truncated WARC record at byte {offset}: {detail}")
    return Failure(origin, reason.reason, reason.code, hashlib.sha256(f"warc\0{origin}".encode()).hexdigest())


def read_warc(path: str, *, default_date: str | None = None, settings: Settings | None = None,
              select: Selection | None = None, skipped: Counter[str] | None = None) -> Iterator[Document | Failure]:
    """Yield a document for each HTML response in a WARC or WARC.gz file, a failure for each broken record."""
    settings = settings or Settings()
    select = select or Selection()
    skipped = skipped if skipped is not None else Counter()
    size = os.path.getsize(path)
    with open(path, "rb") as fh:
        gz = fh.read(3) == _GZIP_MAGIC
        pos = 0
        while pos < size:
            fh.seek(pos)
            it = ArchiveIterator(fh)
            try:
                for rec in it:
                    yield from _record(rec, f"{path}@{it.offset}", default_date=default_date, settings=settings,
                                       select=select, skipped=skipped)
                end = it.offset  # the end of the last complete record
                fh.seek(end)
                if not fh.read(4096).strip(b"\r\n\t \x00"):
                    return
                yield _corrupt(path, end, "the file ends inside it")
                pos = _next_record(fh, end + 1, size, gz)
            except _BROKEN as exc:
                bad = it.offset
                detail = str(exc).splitlines()[0][:80] if str(exc) else exc.__class__.__name__
                yield _corrupt(path, bad, "".join(ch if ch.isprintable() else "?" for ch in detail))
                pos = _next_record(fh, max(bad, pos) + 1, size, gz)
