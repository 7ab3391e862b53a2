"""The benchmark corpus as a CC-NEWS-like WARC.gz: one HTML page per document (title, publication
date in the page's metadata, navigation and footer around the article), each preceded by its
request record as a crawler writes them."""

from __future__ import annotations

import html
import io
from collections.abc import Iterable
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

__all__ = ["page_html", "write_warc"]

SITES = ("news.example.com", "www.example.org", "wire.example.net", "daily.example.info")


def page_html(doc: dict) -> str:
    title, _, body = doc["text"].partition("\n")
    paragraphs = "".join(f"<p>{html.escape(p.strip())}</p>" for p in body.split("\n\n") if p.strip())
    t = html.escape(title.strip())
    return (f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{t}</title>'
            f'<meta property="article:published_time" content="{doc["date"]}T09:00:00Z"></head><body>'
            f'<header><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/business">Business</a></nav></header>'
            f"<main><article><h1>{t}</h1>{paragraphs}</article></main>"
            f"<footer><p>Copyright the publisher. All rights reserved.</p></footer></body></html>")


def url_of(doc: dict, i: int) -> str:
    return f"https://{SITES[i % len(SITES)]}/{doc['date'].replace('-', '/')}/{doc['id']}"


def write_warc(docs: Iterable[dict], path: Path, *, requests: bool = True) -> int:
    """Write ``docs`` as HTML responses to a WARC.gz; return how many."""
    n = 0
    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        for i, doc in enumerate(docs):
            url = url_of(doc, i)
            date = f"{doc['date']}T12:00:00Z"
            if requests:
                req = StatusAndHeaders(f"GET /{doc['id']} HTTP/1.1", [("Host", SITES[i % len(SITES)])],
                                       is_http_request=True)
                writer.write_record(writer.create_warc_record(url, "request", payload=io.BytesIO(b""), http_headers=req,
                                                              warc_headers_dict={"WARC-Date": date}))
            body = page_html(doc).encode("utf-8")
            http = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8"),
                                               ("Content-Length", str(len(body)))], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=http,
                                                          warc_headers_dict={"WARC-Date": date}))
            n += 1
    return n
