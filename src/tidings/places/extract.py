"""Place mentions of documents (``tidings places``): the pipeline up to ``tidings_places``, batched.

``place_documents(docs)`` yields ``(Document, [PlaceMention, ...])`` in input order. Offsets are
into ``Document.text`` (the cleaned text, which for JSON lines is the ``text`` field itself when
cleaning leaves it unchanged). The coder does not run.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.language import Language

from tidings.config import Settings
from tidings.nlp import load_pipeline
from tidings.places.resolve import PlaceMention
from tidings.records import Document

__all__ = ["place_documents", "place_rows"]


def place_documents(documents: Iterable[Document], *, settings: Settings | None = None,
                    nlp: Language | None = None) -> Iterator[tuple[Document, list[PlaceMention]]]:
    settings = settings or Settings()
    nlp = nlp or load_pipeline(settings)
    skip = [name for name in ("tidings_coder",) if name in nlp.pipe_names]
    docs = list(documents)
    with nlp.select_pipes(disable=skip):
        for d, doc in zip(docs, nlp.pipe((d.text for d in docs), batch_size=settings.batch_size), strict=True):
            yield d, list(doc._.places or [])


def place_rows(results: Iterable[tuple[Document, list[PlaceMention]]]) -> Iterator[dict[str, object]]:
    """One flat row per mention: ``doc_id`` first, then the mention (``PlaceMention.to_dict``)."""
    for d, mentions in results:
        for m in mentions:
            yield {"doc_id": d.doc_id, **m.to_dict()}
