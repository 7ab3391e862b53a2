"""What runs on the executors: read the pieces of one partition, code their documents with the
same pipeline function as ``tidings code``, and turn them into rows of the Parquet contract.

The spaCy pipeline with the actor knowledge base and the gazetteer is loaded once per executor
process (the Python worker, which Spark reuses from task to task) and at most once per partition:
never per document. This module needs no Spark: it is plain Python over an iterator of pieces.
"""

from __future__ import annotations

import hashlib
import io
import os
import shutil
import socket
import tempfile
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from spacy.language import Language

from tidings.config import Settings
from tidings.ingest import Selection, read_inputs, read_jsonl, selected
from tidings.nlp import load_pipeline
from tidings.parquet import DOCUMENTS, MENTIONS, document_row, failure_row, mention_row
from tidings.pipeline import code_documents
from tidings.records import Document, Failure
from tidings.spark.plan import Piece, is_remote

__all__ = ["STATS", "code_partition", "pipeline", "read_piece"]

STATS = "stats"
MAX_FAILURES_REPORTED = 100  # per partition; every failure is in the documents dataset
_PIPELINES: dict[tuple[Any, ...], Language] = {}  # this process's pipelines, by the settings that shape them


def pipeline(settings: Settings) -> tuple[Language, bool]:
    """The pipeline for ``settings``, and whether this call loaded it (the first in this process)."""
    key = (settings.models, settings.actor_files, settings.statements)
    fresh = key not in _PIPELINES
    if fresh:
        _PIPELINES[key] = load_pipeline(settings)
    return _PIPELINES[key], fresh


def _download(url: str, folder: str, settings: Settings) -> str:
    """A local copy of a remote input, named as the URL names it (the file name is the document id of
    a text or HTML file). ``s3://`` needs boto3 in the environment; http(s) uses httpx."""
    name = os.path.basename(urlsplit(url).path) or "input"
    local = os.path.join(folder, name)
    if url.startswith(("s3://", "s3a://")):
        try:
            import boto3
        except ImportError:
            raise OSError("reading s3:// needs boto3 in the Spark environment") from None
        parts = urlsplit(url)
        boto3.client("s3").download_file(parts.netloc, parts.path.lstrip("/"), local)
        return local
    if not url.startswith(("http://", "https://")):
        raise OSError(f"unsupported URL scheme {url.split('://', 1)[0]!r} (use s3://, http:// or https://)")
    import httpx

    from tidings.sources.http import user_agent

    with httpx.stream("GET", url, follow_redirects=True, timeout=settings.fetch_timeout,
                      headers={"User-Agent": user_agent(settings)}) as answer:
        if answer.status_code != 200:
            raise OSError(f"HTTP {answer.status_code}")
        with open(local, "wb") as fh:
            for block in answer.iter_bytes(1 << 20):
                fh.write(block)
    return local


def _renamed(item: Document | Failure, path: str, name: str) -> Document | Failure:
    """Origins name the input as the user gave it, not the path an executor opened."""
    if path != name and item.origin.startswith(path):
        return replace(item, origin=name + item.origin[len(path):])
    return item


def read_piece(piece: Piece, *, date: str | None, settings: Settings, select: Selection,
               skipped: Counter[str], folder: str) -> Iterator[Document | Failure]:
    """Documents and failures of one piece (downloaded into ``folder`` first when remote)."""
    path = piece.path
    if is_remote(path):
        try:
            path = _download(path, folder, settings)
        except Exception as exc:  # noqa: BLE001 - any download problem is this input's failure
            detail = str(exc).splitlines()[0][:120] if str(exc) else exc.__class__.__name__
            yield Failure(piece.name, f"cannot download: {detail}", "fetch",
                          hashlib.sha256(f"url\0{piece.name}".encode()).hexdigest())
            return
    try:
        if piece.whole:
            for item in read_inputs([path], date=date, settings=settings, select=select, skipped=skipped):
                yield _renamed(item, path, piece.name)
        else:
            with open(path, "rb") as fh:
                fh.seek(piece.start)
                data = fh.read(piece.end - piece.start)
            items = read_jsonl(io.BytesIO(data), piece.name, date=date, settings=settings, first_line=piece.first_line)
            yield from selected(items, select, skipped)
    finally:
        if path != piece.path:
            Path(path).unlink(missing_ok=True)


def code_partition(pieces: Iterable[Piece], *, settings: Settings, date: str | None = None,
                   select: Selection | None = None) -> Iterator[tuple[str, dict[str, Any]]]:
    """Code the documents of one partition: yields ``("documents", row)`` for every input (coded or
    failed), ``("mentions", row)`` for every event, and last ``("stats", counts)``."""
    select = select or Selection()
    nlp, fresh = pipeline(settings)
    coder: str = getattr(nlp.get_pipe("tidings_coder"), "version", "")
    skipped: Counter[str] = Counter()
    failures: list[Failure] = []
    stats: dict[str, Any] = {"pid": f"{socket.gethostname()}:{os.getpid()}", "pipelines_loaded": int(fresh), "documents": 0, "failed": 0,
                             "events": 0, "coder": coder}

    def documents(folder: str) -> Iterator[Document]:
        for piece in pieces:
            for item in read_piece(piece, date=date, settings=settings, select=select, skipped=skipped, folder=folder):
                if isinstance(item, Failure):
                    failures.append(item)
                else:
                    yield item

    folder = tempfile.mkdtemp(prefix="tidings-spark-")
    try:
        for doc, events in code_documents(documents(folder), settings=settings, nlp=nlp):
            stats["documents"] += 1
            stats["events"] += len(events)
            yield DOCUMENTS, document_row(doc, events, coder)
            for ev in events:
                yield MENTIONS, mention_row(ev)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    for failure in failures:
        yield DOCUMENTS, failure_row(failure)
    stats.update(failed=len(failures), skipped=dict(skipped),
                 failures=[(f.origin, f.reason) for f in failures[:MAX_FAILURES_REPORTED]])
    yield STATS, stats
