"""Library functions behind the command line: code, ingest, recode, fetch, watch."""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, BinaryIO

from spacy.language import Language

from tidings.config import Settings
from tidings.errors import StoreError, TidingsError
from tidings.ingest import Selection, read_inputs
from tidings.nlp import load_pipeline
from tidings.pipeline import code_documents
from tidings.records import Document, Event, Failure, Happening
from tidings.store import Store
from tidings.stories import DocInfo, cluster_events, story_settings

if TYPE_CHECKING:
    from tidings.sources import Fetcher

__all__ = ["IngestReport", "code_paths", "code_stories", "coder_version", "complete_metadata", "fetch", "ingest",
           "ingest_coded", "ingest_items", "ingest_parquet", "recode", "set_date", "watch"]

Progress = Callable[[str], None]


@dataclass
class IngestReport:
    new: int = 0
    unchanged: int = 0
    updated: int = 0  # stored before, and completed with metadata the new copy has (a date, a URL)
    failed: int = 0
    events: int = 0
    failures: list[Failure] = field(default_factory=list)
    skipped: Counter[str] = field(default_factory=Counter)  # left out on purpose, by reason

    def to_dict(self) -> dict[str, object]:
        return {"new": self.new, "unchanged": self.unchanged, "updated": self.updated, "failed": self.failed,
                "events": self.events,
                "skipped": dict(self.skipped), "failures": [f.to_dict() for f in self.failures]}


def _record_failure(store: Store, report: IngestReport, failure: Failure, progress: Progress | None) -> None:
    """A document that failed: stored with its reason, counted, reported on one line."""
    store.write_failure(failure)
    report.failed += 1
    report.failures.append(failure)
    if progress:
        progress(f"failed {failure.origin}: {failure.reason}")


def coder_version(nlp: Language) -> str:
    """The version string of the pipeline's coder (code, data and knowledge-base hashes)."""
    from tidings.coding.component import CoderComponent

    coder = nlp.get_pipe("tidings_coder")
    assert isinstance(coder, CoderComponent)
    return coder.version


def _split(items: Iterable[Document | Failure], sink: list[Failure]) -> Iterator[Document]:
    for item in items:
        if isinstance(item, Failure):
            sink.append(item)
        else:
            yield item


def code_paths(paths: Iterable[str], *, date: str | None = None, settings: Settings | None = None,
               stdin: BinaryIO | None = None, failures: list[Failure] | None = None,
               n_process: int = 1, select: Selection | None = None,
               skipped: Counter[str] | None = None) -> Iterator[tuple[Document, list[Event]]]:
    """Read and code documents without a database; failures are appended to ``failures``."""
    settings = settings or Settings()
    sink = failures if failures is not None else []
    docs = _split(read_inputs(paths, date=date, settings=settings, stdin=stdin, select=select, skipped=skipped), sink)
    yield from code_documents(docs, settings=settings, n_process=n_process)


def ingest(paths: Iterable[str], store: Store, *, date: str | None = None, settings: Settings | None = None,
           stdin: BinaryIO | None = None, progress: Progress | None = None, n_process: int = 1,
           select: Selection | None = None, exclude: Iterable[str] = ()) -> IngestReport:
    """Clean, code and store documents; identical content already stored is left as it is."""
    settings = settings or Settings()
    report = IngestReport()
    items = read_inputs(paths, date=date, settings=settings, stdin=stdin, select=select, skipped=report.skipped,
                        exclude=exclude)
    return ingest_items(items, store, settings=settings, progress=progress, n_process=n_process, report=report)


def ingest_items(items: Iterable[Document | Failure], store: Store, *, settings: Settings | None = None,
                 progress: Progress | None = None, n_process: int = 1, report: IngestReport | None = None,
                 stop: Callable[[], bool] | None = None) -> IngestReport:
    """Code and store documents from any source, record its failures; ``stop()`` true ends it between documents."""
    settings = settings or Settings()
    report = report if report is not None else IngestReport()
    nlp = load_pipeline(settings)
    coder = coder_version(nlp)
    completed: set[str] = set()
    story = story_settings(settings)
    if store.ensure_stories(story) and progress:
        progress("built the events of mentions stored before stories")

    def fresh() -> Iterator[Document]:
        source = iter(items)
        while not (stop and stop()):
            item = next(source, None)
            if item is None:
                return
            if isinstance(item, Failure):
                _record_failure(store, report, item, progress)
            elif store.has_document(item.content_hash):
                stored = store.stored_document(item.content_hash)
                merged = complete_metadata(stored, item) if stored is not None else None
                if merged is None:
                    report.unchanged += 1
                    if progress:
                        progress(f"unchanged {item.origin or item.doc_id}")
                else:  # the same text again, now with a date (or URL, title): keep it and re-date
                    completed.add(merged.content_hash)
                    yield merged
            else:
                yield item

    for doc, events in code_documents(fresh(), settings=settings, nlp=nlp, n_process=n_process):
        if doc.content_hash in completed:
            store.write_document(doc, events, coder, story=story)
            report.updated += 1
            report.events += len(events)
            if progress:
                progress(f"updated {doc.origin or doc.doc_id}: metadata completed, {len(events)} events")
            continue
        try:
            stored = store.add_document(doc, events, coder, story=story)
        except StoreError as exc:  # one document that cannot be written never stops the others
            _record_failure(store, report, Failure(doc.origin or doc.doc_id, exc.reason, exc.code, doc.content_hash),
                            progress)
            continue
        if not stored:  # another ingester stored the same content meanwhile
            report.unchanged += 1
            if progress:
                progress(f"unchanged {doc.origin or doc.doc_id}")
            continue
        report.events += len(events)
        report.new += 1
        if progress:
            progress(f"coded {doc.origin or doc.doc_id}: {len(events)} events")
    return report


def ingest_coded(items: Iterable[tuple[Document, list[Event], str] | Failure], store: Store, *,
                 settings: Settings | None = None, progress: Progress | None = None,
                 report: IngestReport | None = None) -> IngestReport:
    """Store documents coded elsewhere (``(document, events, coder)``) and failures, as ``ingest``
    stores its own: one transaction per document with its copies and events, identical content
    already stored left as it is."""
    report = report if report is not None else IngestReport()
    story = story_settings(settings or Settings())
    if store.ensure_stories(story) and progress:
        progress("built the events of mentions stored before stories")
    for item in items:
        if isinstance(item, Failure):
            _record_failure(store, report, item, progress)
            continue
        doc, events, coder = item
        if store.has_document(doc.content_hash) or not store.add_document(doc, events, coder, story=story):
            report.unchanged += 1
            continue
        report.events += len(events)
        report.new += 1
        if progress:
            progress(f"stored {doc.origin or doc.doc_id}: {len(events)} events")
    return report


def ingest_parquet(path: str, store: Store, *, settings: Settings | None = None,
                   progress: Progress | None = None) -> IngestReport:
    """Load the output of ``tidings spark`` (its Parquet documents and mentions) into a store; the
    mentions are clustered into events as they are stored."""
    from tidings.parquet import read_output

    return ingest_coded(read_output(path), store, settings=settings, progress=progress)


METADATA = ("published", "url", "title", "source", "dateline", "fetched", "attribution")


def complete_metadata(stored: Document, arriving: Document) -> Document | None:
    """The stored document with the fields it lacks taken from an identical text arriving again, or
    None when the new copy adds nothing (known metadata is never overwritten)."""
    gained = {f: getattr(arriving, f) for f in METADATA if not getattr(stored, f) and getattr(arriving, f)}
    return replace(stored, **gained) if gained else None


def recode(store: Store, *, settings: Settings | None = None, progress: Progress | None = None,
           date: str | None = None, doc_id: str | None = None) -> IngestReport:
    """Re-code stored documents (all, or those with ``doc_id``) with the current coder, replacing
    their mentions atomically; ``date`` becomes the publication date of those that have none. A
    full recode then rebuilds copies and events from scratch; one document's updates its own."""
    settings = settings or Settings()
    nlp = load_pipeline(settings)
    coder = coder_version(nlp)
    report = IngestReport()
    story = story_settings(settings)
    docs = [replace(d, published=d.published or date) for d in store.stored_documents(doc_id=doc_id)]
    for doc, events in code_documents(docs, settings=settings, nlp=nlp):
        report.events += store.write_document(doc, events, coder, story=story, cluster=doc_id is not None)
        report.new += 1
        if progress:
            progress(f"recoded {doc.doc_id}: {len(events)} events")
    if doc_id is None:
        store.rebuild_stories(story)
    return report


def fetch(targets: Iterable[str], store: Store, *, settings: Settings | None = None, select: Selection | None = None,
          progress: Progress | None = None, stop: Callable[[], bool] | None = None, fetcher: Fetcher | None = None,
          feeds_only: bool = False) -> IngestReport:
    """Download pages and feeds (a feed stands for its items), then code and store them like ``ingest``."""
    from tidings.sources import Fetcher, FetchSession

    settings = settings or Settings()
    own = fetcher is None
    fetcher = fetcher or Fetcher(settings)
    report = IngestReport()
    try:
        session = FetchSession(store, fetcher, settings=settings, select=select, skipped=report.skipped, stop=stop,
                               feeds_only=feeds_only)
        ingest_items(session.documents(targets), store, settings=settings, progress=progress, report=report, stop=stop)
        session.commit()  # only now are the documents of the polled feeds stored
    finally:
        if own:
            fetcher.close()
    return report


def watch(feeds: list[str], store: Store, *, every: float, stop: threading.Event, settings: Settings | None = None,
          select: Selection | None = None, progress: Progress | None = None, polls: int | None = None,
          on_poll: Callable[[int, IngestReport], None] | None = None,
          on_error: Callable[[int, TidingsError], None] | None = None, fetcher: Fetcher | None = None) -> int:
    """Poll ``feeds`` every ``every`` seconds and ingest their new items until ``stop`` is set."""
    from tidings.sources import Fetcher, run_polls

    settings = settings or Settings()
    own = fetcher is None
    fetcher = fetcher or Fetcher(settings, sleep=stop.wait)  # Ctrl-C also ends a wait between requests

    def poll(_n: int) -> IngestReport:
        return fetch(feeds, store, settings=settings, select=select, progress=progress, stop=stop.is_set,
                     fetcher=fetcher, feeds_only=True)

    try:
        return run_polls(poll, every=every, stop=stop, polls=polls, on_poll=on_poll, on_error=on_error)
    finally:
        if own:
            fetcher.close()


def set_date(store: Store, doc_id: str, date: str, *, settings: Settings | None = None,
             progress: Progress | None = None) -> IngestReport:
    """Give the documents with ``doc_id`` the publication date ``date`` and re-date their events
    (time expressions are resolved again from the new date)."""
    from tidings.errors import UsageError

    docs = list(store.stored_documents(doc_id=doc_id))
    if not docs:
        raise UsageError(f"no coded document {doc_id!r} (see 'tidings docs' for the ids)")
    settings = settings or Settings()
    nlp = load_pipeline(settings)
    coder = coder_version(nlp)
    report = IngestReport()
    for doc, events in code_documents([replace(d, published=date) for d in docs], settings=settings, nlp=nlp):
        report.events += store.write_document(doc, events, coder, story=story_settings(settings))
        report.updated += 1
        if progress:
            progress(f"re-dated {doc.doc_id}: {len(events)} events")
    return report


def code_stories(coded: Iterable[tuple[Document, list[Event]]],
                 settings: Settings | None = None) -> tuple[list[Event], list[Happening]]:
    """Cluster coded documents held in memory (``code_documents``' output): their mentions with
    ``event_id`` set, and the events. No copy detection: each document counts as its own outlet's."""
    story = story_settings(settings or Settings())
    items = [(e, DocInfo(d.content_hash, d.doc_id, d.published, d.source, d.source or d.doc_id)) for d, evs in coded for e in evs]
    return cluster_events(items, story)
