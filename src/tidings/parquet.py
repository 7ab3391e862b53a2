"""The Parquet record contract, shared by ``tidings export --format parquet``, ``tidings spark`` and
``tidings ingest --from-parquet``.

One Arrow schema for mentions (the event record of the README, field for field) and one for
documents. Types are kept: ``date`` and ``deadline`` are ``date32``; the trigger, the actors
(``source``, ``target``, ``reported_by``) and the location are structs; ``quantities`` is a list of
structs and ``trace`` a list of strings. Lists use Parquet's standard element name (``element``), so
a file written by pyarrow and a file written by Spark read back with the same schema. Every column
is nullable, as Spark writes them.

A Spark output directory holds two datasets, partitioned by day (Hive style, ``date=2021-09-10``;
``__HIVE_DEFAULT_PARTITION__`` when there is no date)::

    DIR/mentions/date=YYYY-MM-DD/part-*.parquet       MENTION_SCHEMA (``date`` in the path)
    DIR/documents/published=YYYY-MM-DD/part-*.parquet DOCUMENT_SCHEMA: every input, coded or failed,
                                                      with its reason and the ids of its mentions
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date as Date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tidings.records import ACTOR_FIELDS, EVENT_FIELDS, LOCATION_FIELDS, Document, Event, Failure

if TYPE_CHECKING:
    import pyarrow as pa

__all__ = ["DOCUMENT_FIELDS", "DOCUMENTS", "MENTIONS", "PARTITIONS", "QUANTITY_FIELDS", "document_row", "document_schema",
           "event_from_row", "failure_row", "mention_row", "mention_schema", "mentions_table", "read_dataset",
           "read_output"]

MENTIONS, DOCUMENTS = "mentions", "documents"
PARTITIONS = {MENTIONS: "date", DOCUMENTS: "published"}  # the partition column of each dataset
QUANTITY_FIELDS: tuple[str, ...] = ("kind", "value", "unit", "per", "category", "text")
DOCUMENT_FIELDS: tuple[str, ...] = (
    "doc_id", "status", "error_code", "error", "content_hash", "raw_hash", "origin", "url", "source", "title",
    "published", "fetched", "attribution", "credits", "headings", "dateline", "text", "coder", "mentions",
)


def _types() -> dict[str, Any]:
    import pyarrow as pa

    def listof(t: pa.DataType) -> pa.DataType:
        return pa.list_(pa.field("element", t))

    s = pa.string()
    actor = pa.struct([(f, s) for f in ACTOR_FIELDS])
    location_types = {"lat": pa.float64(), "lon": pa.float64(), "geonames_id": pa.int64()}
    return {
        "mention_id": s, "event_id": s, "doc_id": s, "sentence_index": pa.int32(), "sentence": s,
        "trigger": pa.struct([("text", s), ("start", pa.int32()), ("end", pa.int32())]),
        "date": pa.date32(), "date_precision": s, "deadline": pa.date32(), "deadline_precision": s,
        "cameo": s, "cameo_root": s, "quad_class": pa.int8(), "goldstein": pa.float64(), "plover": s,
        "plover_mode": s, "source": actor, "target": actor, "negated": pa.bool_(), "modality": s,
        "quantities": listof(pa.struct([(f, pa.float64() if f == "value" else s) for f in QUANTITY_FIELDS])),
        "location": pa.struct([(f, location_types.get(f, s)) for f in LOCATION_FIELDS]),
        "confidence": pa.float64(), "rule": s, "coder": s, "reported_by": actor, "trace": listof(s),
        # documents
        "status": s, "error_code": s, "error": s, "content_hash": s, "raw_hash": s, "origin": s, "url": s,
        "title": s, "published": pa.date32(), "fetched": s, "attribution": s, "credits": listof(s),
        "headings": listof(pa.struct([("start", pa.int32()), ("end", pa.int32())])), "dateline": s, "text": s,
        "mentions": listof(s),
    }


def mention_schema() -> pa.Schema:
    """The Arrow schema of a mention: the event record's fields in order, typed."""
    import pyarrow as pa

    types = _types()
    missing = [n for n in EVENT_FIELDS if n not in types]
    if missing:  # a new field of the event record needs its Parquet type here
        raise KeyError(f"no Parquet type for event field(s) {', '.join(missing)}")
    return pa.schema([pa.field(n, types[n]) for n in EVENT_FIELDS])


def document_schema() -> pa.Schema:
    """The Arrow schema of a document row: metadata, text, status and reason, ids of its mentions."""
    import pyarrow as pa

    types = _types()
    types["source"] = pa.string()  # the outlet (an actor in mentions)
    return pa.schema([pa.field(n, types[n]) for n in DOCUMENT_FIELDS])


def _day(value: str | None) -> Date | None:
    return Date.fromisoformat(value[:10]) if value else None


def _iso(value: Date | str | None) -> str | None:
    return value.isoformat() if isinstance(value, Date) else value


def _float(value: Any) -> float | None:
    return None if value is None else float(value)


def mention_row(ev: Event) -> dict[str, Any]:
    """An event as a row of ``mention_schema()`` (plain Python values: dates, dicts, lists)."""
    row = ev.to_dict()
    row["date"], row["deadline"] = _day(ev.date), _day(ev.deadline)
    row["goldstein"], row["confidence"] = float(ev.goldstein), float(ev.confidence)
    row["quantities"] = [{**q, "value": float(q["value"])} for q in row["quantities"]]
    if row["location"] is not None:
        row["location"].update(lat=_float(ev.location.lat), lon=_float(ev.location.lon))  # type: ignore[union-attr]
    return row


def event_from_row(row: dict[str, Any]) -> Event:
    """The ``Event`` of a mention row (as read back from Parquet)."""
    data = dict(row)
    data["date"], data["deadline"] = _iso(data.get("date")), _iso(data.get("deadline"))
    return Event.from_dict(data)


def document_row(doc: Document, events: Iterable[Event], coder: str) -> dict[str, Any]:
    """A coded document as a row of ``document_schema()``."""
    return {
        "doc_id": doc.doc_id, "status": "coded", "error_code": None, "error": None, "content_hash": doc.content_hash,
        "raw_hash": doc.raw_hash, "origin": doc.origin, "url": doc.url, "source": doc.source, "title": doc.title,
        "published": _day(doc.published), "fetched": doc.fetched, "attribution": doc.attribution,
        "credits": list(doc.credits), "headings": [{"start": a, "end": b} for a, b in doc.headings],
        "dateline": doc.dateline, "text": doc.text, "coder": coder, "mentions": [e.mention_id for e in events],
    }


def failure_row(failure: Failure) -> dict[str, Any]:
    """A failed input as a row of ``document_schema()``: its origin, reason and code."""
    row: dict[str, Any] = dict.fromkeys(DOCUMENT_FIELDS)
    row.update(doc_id=failure.origin, status="failed", error_code=failure.code, error=failure.reason,
               raw_hash=failure.raw_hash, origin=failure.origin, credits=[], headings=[], mentions=[])
    return row


def _document(row: dict[str, Any]) -> Document:
    return Document(
        doc_id=row["doc_id"], text=row["text"] or "", origin=row["origin"] or "", title=row["title"],
        source=row["source"], url=row["url"], published=_iso(row["published"]), attribution=row["attribution"],
        credits=tuple(row["credits"] or ()), headings=tuple((h["start"], h["end"]) for h in row["headings"] or ()),
        raw_hash=row["raw_hash"] or "", dateline=row["dateline"], fetched=row["fetched"],
    )


def mentions_table(events: Iterable[Event]) -> pa.Table:
    """Events as an Arrow table of ``mention_schema()`` (what ``tidings export --format parquet`` writes)."""
    import pyarrow as pa

    return pa.Table.from_pylist([mention_row(e) for e in events], schema=mention_schema())


def read_dataset(path: str | Path, name: str) -> pa.Table:
    """One dataset (``mentions`` or ``documents``) of a Spark output directory, with its typed schema
    (the partition column restored from the directory names)."""
    import pyarrow as pa
    import pyarrow.dataset as ds

    schema = mention_schema() if name == MENTIONS else document_schema()
    root = Path(path) / name
    if not root.is_dir():
        return schema.empty_table()
    part = ds.partitioning(pa.schema([schema.field(PARTITIONS[name])]), flavor="hive")
    return ds.dataset(str(root), schema=schema, format="parquet", partitioning=part).to_table()


def read_output(path: str | Path) -> Iterator[tuple[Document, list[Event], str] | Failure]:
    """The inputs of a Spark output directory: ``(document, events, coder)`` for each coded
    document and a ``Failure`` for each failed one, in a stable order (by document id)."""
    root = Path(path)
    if not (root / DOCUMENTS).is_dir():
        from tidings.errors import UsageError

        raise UsageError(f"{path} is not a tidings spark output (no {DOCUMENTS}/ folder)")
    mentions = read_dataset(root, MENTIONS)
    index = {mid: i for i, mid in enumerate(mentions.column("mention_id").to_pylist())}
    documents = read_dataset(root, DOCUMENTS).sort_by([("doc_id", "ascending"), ("origin", "ascending")])
    for batch in documents.to_batches(max_chunksize=256):
        for row in batch.to_pylist():
            if row["status"] == "failed":
                yield Failure(row["origin"] or row["doc_id"], row["error"] or "", row["error_code"] or "error",
                              row["raw_hash"] or "")
                continue
            missing = [mid for mid in row["mentions"] or () if mid not in index]
            if missing:
                from tidings.errors import UsageError

                raise UsageError(f"{path} is incomplete: mention {missing[0]} of document {row['doc_id']} is missing")
            rows = mentions.take([index[mid] for mid in row["mentions"] or ()]).to_pylist()
            yield _document(row), [event_from_row(r) for r in rows], row["coder"] or ""
