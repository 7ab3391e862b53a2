"""Coding documents end to end: batches through ``nlp.pipe``, optionally in worker processes.

``code_documents(docs)`` yields ``(Document, [Event, ...])`` in input order. Memory stays bounded:
documents stream through in batches and workers receive chunks.
"""

from __future__ import annotations

import multiprocessing as mp
from collections.abc import Iterable, Iterator
from dataclasses import replace
from itertools import islice

from spacy.language import Language

from tidings.config import Settings
from tidings.nlp import load_pipeline
from tidings.records import Document, Event

__all__ = ["code_documents", "code_text"]

_worker_nlp: Language | None = None


def _docs_for(nlp: Language, documents: list[Document]):
    for d in documents:
        doc = nlp.make_doc(d.text)
        doc.user_data["tidings_doc_id"] = d.doc_id
        doc.user_data["tidings_published"] = d.published
        doc.user_data["tidings_headings"] = d.headings
        doc.user_data["tidings_dateline"] = d.dateline
        yield doc


def _code_batch(nlp: Language, documents: list[Document], batch_size: int) -> list[tuple[Document, list[Event]]]:
    out = []
    for d, doc in zip(documents, nlp.pipe(_docs_for(nlp, documents), batch_size=batch_size), strict=True):
        key = d.content_hash[:16]
        # ids keyed by content: two documents that share a name never share event ids
        out.append((d, [replace(e, mention_id=e.make_id(key)) for e in doc._.events or []]))
    return out


def _work(args: tuple[list[Document], int]) -> list[tuple[Document, list[Event]]]:
    assert _worker_nlp is not None
    documents, batch_size = args
    return _code_batch(_worker_nlp, documents, batch_size)


def _chunks(items: Iterable[Document], size: int) -> Iterator[list[Document]]:
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


def code_documents(documents: Iterable[Document], *, settings: Settings | None = None,
                   nlp: Language | None = None, n_process: int = 1) -> Iterator[tuple[Document, list[Event]]]:
    """Code cleaned documents; yields ``(document, events)`` in input order, in batches (and worker
    processes when ``n_process`` > 1)."""
    settings = settings or Settings()
    if n_process <= 1:
        nlp = nlp or load_pipeline(settings)
        for chunk in _chunks(documents, settings.batch_size * 4):
            yield from _code_batch(nlp, chunk, settings.batch_size)
        return
    # workers are forked from a process that has the pipeline loaded: they share it copy-on-write
    # instead of loading the model again
    global _worker_nlp
    _worker_nlp = nlp or load_pipeline(settings)
    ctx = mp.get_context("fork")
    with ctx.Pool(n_process) as pool:
        jobs = ((chunk, settings.batch_size) for chunk in _chunks(documents, settings.batch_size))
        for result in pool.imap(_work, jobs, chunksize=1):
            yield from result


def code_text(text: str, *, published: str | None = None, doc_id: str = "text",
              nlp: Language | None = None) -> list[Event]:
    """Code one cleaned text (convenience for tests and notebooks)."""
    from tidings.clean import clean_text

    cleaned = clean_text(text)
    doc = Document(doc_id=doc_id, text=cleaned.text, published=published, headings=cleaned.headings,
                   dateline=cleaned.dateline)
    return next(code_documents([doc], nlp=nlp))[1]
