"""Table definitions (SQLAlchemy Core). Portable SQL only: the same code runs on SQLite and PostgreSQL.

- ``documents``: one row per input (coded or failed), unique by content hash.
- ``mentions``: one row per coded event in one sentence of one document (GDELT 2.0 "Mentions").
- ``quantities``: amounts attached to a mention.
- ``events``: deduplicated real-world events that many mentions report (GDELT 2.0 "Events"),
  filled by story clustering (``tidings.stories``); ``mentions.event_id`` names it.
- ``doc_bands``: MinHash LSH band keys of each document, to find syndicated copies
  (``documents.duplicate_of``).
- ``feeds``: the validators (ETag, Last-Modified) of each feed polled, for conditional requests.
"""

from __future__ import annotations

from sqlalchemy import JSON, Boolean, Column, Float, ForeignKey, Index, Integer, MetaData, String, Table, Text
from sqlalchemy.types import TypeEngine

from tidings.records import ACTOR_FIELDS, ACTOR_ROLES, FLAT_COLUMNS, LOCATION_FIELDS

metadata = MetaData()

documents = Table(
    "documents", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("content_hash", String(64), nullable=False, unique=True),
    Column("doc_id", Text, nullable=False),
    Column("origin", Text),
    Column("source", Text),
    Column("url", Text),
    Column("title", Text),
    Column("published", String(10)),
    Column("attribution", Text),
    Column("credits", JSON),
    Column("headings", JSON),
    Column("dateline", Text),
    Column("text", Text),
    Column("status", String(16), nullable=False),  # coded | failed
    Column("error_code", String(32)),
    Column("error", Text),
    Column("coder", String(128)),
    Column("ingested_at", String(32), nullable=False),
    Column("fetched", String(32)),
    Column("duplicate_of", Text),  # doc_id of the original when this text is a syndicated copy
    Column("copy_of", String(64)),  # content hash of that original
    Column("minhash", JSON),
)
Index("ix_documents_doc_id", documents.c.doc_id)
Index("ix_documents_status", documents.c.status)
Index("ix_documents_url", documents.c.url)
Index("ix_documents_origin", documents.c.origin)

feeds = Table(
    "feeds", metadata,
    Column("url", String(2048), primary_key=True),
    Column("etag", Text),
    Column("last_modified", Text),
    Column("checked_at", String(32), nullable=False),
    Column("status", Integer),  # HTTP status of the last poll (200, 304, ...)
)

events = Table(
    "events", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("event_id", String(32), nullable=False, unique=True),
    Column("block", String(16), nullable=False),
    Column("lo", Integer, nullable=False),  # the date interval every mention fits (half-days)
    Column("hi", Integer, nullable=False),
    Column("anchor", String(64), nullable=False),  # canonical position of its first frame
    Column("date", String(10)),
    Column("cameo", String(4), nullable=False),
    Column("cameo_root", String(2), nullable=False),
    Column("plover", String(16)),
    Column("source_code", String(32)),
    Column("source_country", String(3)),
    Column("target_code", String(32)),
    Column("target_country", String(3)),
    Column("negated", Boolean, nullable=False),
    Column("modality", String(16), nullable=False, default="asserted"),
    Column("num_mentions", Integer, nullable=False, default=0),
    Column("num_sources", Integer, nullable=False, default=0),
    Column("num_articles", Integer, nullable=False, default=0),
    Column("goldstein", Float),
    Column("first_seen", String(10)),
    Column("last_seen", String(10)),
    Column("record", JSON, nullable=False),  # the public event record (records.Happening)
)
Index("ix_events_block_hi", events.c.block, events.c.hi)
Index("ix_events_date", events.c.date)

doc_bands = Table(
    "doc_bands", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("document_id", Integer, ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
    Column("band", String(24), nullable=False),
)
Index("ix_doc_bands_band", doc_bands.c.band)
Index("ix_doc_bands_document", doc_bands.c.document_id)

# Types of the flat event columns; the mentions table has one column per flat column of the event
# record (``records.FLAT_COLUMNS``) except ``quantities``, which have their own table.
_ACTOR_TYPES: dict[str, TypeEngine | type[TypeEngine]] = {"text": Text, "code": String(32), "country": String(3), "sector": String(8), "name": Text,
                "kind": String(16)}
_LOCATION_TYPES: dict[str, TypeEngine | type[TypeEngine]] = {"text": Text, "name": Text, "lat": Float, "lon": Float, "country": String(3), "admin1": Text,
                   "geonames_id": Integer, "precision": String(8)}
FLAT_TYPES: dict[str, TypeEngine | type[TypeEngine]] = {
    "mention_id": String(32), "event_id": String(32), "doc_id": Text, "sentence_index": Integer, "sentence": Text,
    "trigger_text": Text, "trigger_start": Integer, "trigger_end": Integer, "date": String(10),
    "date_precision": String(8), "deadline": String(10), "deadline_precision": String(8), "cameo": String(4), "cameo_root": String(2), "quad_class": Integer,
    "goldstein": Float, "plover": String(16), "plover_mode": String(32), "negated": Boolean,
    "modality": String(16), "confidence": Float, "rule": String(128), "coder": String(128),
    "trace": JSON,
    **{f"{role}_{f}": t for role in ACTOR_ROLES for f, t in _ACTOR_TYPES.items()},
    **{f"location_{f}": t for f, t in _LOCATION_TYPES.items()},
}
REQUIRED = {"mention_id", "doc_id", "sentence_index", "sentence", "trigger_text", "trigger_start", "trigger_end",
            "cameo", "cameo_root", "quad_class", "goldstein", "negated", "modality", "confidence", "rule", "coder"}
STORED_COLUMNS = tuple(c for c in FLAT_COLUMNS if c != "quantities")
assert set(STORED_COLUMNS) == set(FLAT_TYPES), "every flat event column needs a type"
assert len(ACTOR_FIELDS) == len(_ACTOR_TYPES)
assert tuple(_LOCATION_TYPES) == LOCATION_FIELDS

mentions = Table(
    "mentions", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("document_id", Integer, ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
    *(Column(name, FLAT_TYPES[name], nullable=name not in REQUIRED, unique=name == "mention_id")
      for name in STORED_COLUMNS),
    Column("story_block", String(16)),  # story clustering: block, end of the date interval, features
    Column("story_lo", Integer),
    Column("story_hi", Integer),
    Column("story", JSON),
)
Index("ix_mentions_event", mentions.c.event_id)
Index("ix_mentions_story", mentions.c.story_block, mentions.c.story_hi, mentions.c.story_lo)
Index("ix_mentions_date", mentions.c.date)
Index("ix_mentions_source", mentions.c.source_code)
Index("ix_mentions_target", mentions.c.target_code)
Index("ix_mentions_cameo", mentions.c.cameo)
Index("ix_mentions_document", mentions.c.document_id)
Index("ix_mentions_location_country", mentions.c.location_country)
for _col in ("source_country", "target_country", "doc_id"):  # 0006: the web view's filters
    Index(f"ix_mentions_{_col}", mentions.c[_col])
Index("ix_mentions_location", mentions.c.location_lat, mentions.c.location_lon)
for _name, _col in (("root", "cameo_root"), ("plover", "plover"), ("place", "location_country")):
    Index(f"ix_mentions_{_name}_date", mentions.c[_col], mentions.c.date)

quantities = Table(
    "quantities", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("mention_id", Integer, ForeignKey("mentions.id", ondelete="CASCADE"), nullable=False),
    Column("kind", String(16), nullable=False),
    Column("value", Float, nullable=False),
    Column("unit", String(16), nullable=False),
    Column("per", String(32)),
    Column("category", String(32)),
    Column("text", Text),
)
Index("ix_quantities_mention", quantities.c.mention_id)
