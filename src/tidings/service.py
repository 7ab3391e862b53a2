"""Library functions behind the command line: code, ingest, recode."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import BinaryIO

from spacy.language import Language

from tidings.config import Settings
from tidings.errors import StoreError
from tidings.ingest import read_inputs
from tidings.nlp import load_pipeline
from tidings.pipeline import code_documents
from tidings.records import Document, Event, Failure, Happening
from tidings.store import Store
from tidings.stories import DocInfo, cluster_events, story_settings

__all__ = ["IngestReport", "code_paths", "code_stories", "coder_version", "ingest", "recode"]

Progress = Callable[[str], None]


@dataclass
class IngestReport:
    new: int = 0
    unchanged: int = 0
    failed: int = 0
    events: int = 0
    failures: list[Failure] = field(default_factory=list)

    def to_dict(self) -> dict[str, object]:
        return {"new": self.new, "unchanged": self.unchanged, "failed": self.failed, "events": self.events,
                "failures": [f.to_dict() for f in self.failures]}


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
               n_process: int = 1) -> Iterator[tuple[Document, list[Event]]]:
    """Read and code documents without a database; failures are appended to ``failures``."""
    settings = settings or Settings()
    sink = failures if failures is not None else []
    docs = _split(read_inputs(paths, date=date, settings=settings, stdin=stdin), sink)
    yield from code_documents(docs, settings=settings, n_process=n_process)


def ingest(paths: Iterable[str], store: Store, *, date: str | None = None, settings: Settings | None = None,
           stdin: BinaryIO | None = None, progress: Progress | None = None, n_process: int = 1) -> IngestReport:
    """Clean, code and store documents; identical content already stored is left as it is."""
    settings = settings or Settings()
    report = IngestReport()
    nlp = load_pipeline(settings)
    coder = coder_version(nlp)
    story = story_settings(settings)
    if store.ensure_stories(story) and progress:
        progress("built the events of mentions stored before stories")

    def fresh() -> Iterator[Document]:
        for item in read_inputs(paths, date=date, settings=settings, stdin=stdin):
            if isinstance(item, Failure):
                store.write_failure(item)
                report.failed += 1
                report.failures.append(item)
                if progress:
                    progress(f"failed {item.origin}: {item.reason}")
            elif store.has_document(item.content_hash):
                report.unchanged += 1
                if progress:
                    progress(f"unchanged {item.origin or item.doc_id}")
            else:
                yield item

    for doc, events in code_documents(fresh(), settings=settings, nlp=nlp, n_process=n_process):
        try:
            report.events += store.write_document(doc, events, coder, story=story)
        except StoreError as exc:  # one document that cannot be written never stops the others
            failure = Failure(doc.origin or doc.doc_id, exc.reason, exc.code, doc.content_hash)
            store.write_failure(failure)
            report.failed += 1
            report.failures.append(failure)
            if progress:
                progress(f"failed {failure.origin}: {failure.reason}")
            continue
        report.new += 1
        if progress:
            progress(f"coded {doc.origin or doc.doc_id}: {len(events)} events")
    return report


def recode(store: Store, *, settings: Settings | None = None, progress: Progress | None = None) -> IngestReport:
    """Re-code every stored document with the current coder, replacing its mentions atomically,
    then rebuild copies and events from scratch."""
    settings = settings or Settings()
    nlp = load_pipeline(settings)
    coder = coder_version(nlp)
    report = IngestReport()
    story = story_settings(settings)
    for doc, events in code_documents(list(store.stored_documents()), settings=settings, nlp=nlp):
        report.events += store.write_document(doc, events, coder, story=story, cluster=False)
        report.new += 1
        if progress:
            progress(f"recoded {doc.doc_id}: {len(events)} events")
    store.rebuild_stories(story)
    return report


def code_stories(coded: Iterable[tuple[Document, list[Event]]],
                 settings: Settings | None = None) -> tuple[list[Event], list[Happening]]:
    """Cluster coded documents held in memory (``code_documents``' output): their mentions with
    ``event_id`` set, and the events. No copy detection: each document counts as its own outlet's."""
    story = story_settings(settings or Settings())
    items = [(e, DocInfo(d.content_hash, d.doc_id, d.published, d.source, d.source or d.doc_id)) for d, evs in coded for e in evs]
    return cluster_events(items, story)
