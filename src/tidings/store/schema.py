"""Table definitions (SQLAlchemy Core). Portable SQL only: the same code runs on SQLite and PostgreSQL.

- ``documents``: one row per input (coded or failed), unique by content hash.
- ``mentions``: one row per coded event in one sentence of one document (GDELT 2.0 "Mentions").
- ``quantities``: amounts attached to a mention.
- ``events``: deduplicated real-world events that many mentions report (GDELT 2.0 "Events"),
  filled by story clustering; ``mentions.event_ref`` points to it.
"""

from __future__ import annotations

from sqlalchemy import JSON, Boolean, Column, Float, ForeignKey, Index, Integer, MetaData, String, Table, Text

metadata = MetaData()

documents = Table(
    "documents", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("content_hash", String(64), nullable=False, unique=True),
    Column("doc_id", String(512), nullable=False),
    Column("origin", Text),
    Column("source", String(512)),
    Column("url", Text),
    Column("title", Text),
    Column("published", String(10)),
    Column("attribution", String(512)),
    Column("credits", JSON),
    Column("headings", JSON),
    Column("text", Text),
    Column("status", String(16), nullable=False),  # coded | failed
    Column("error_code", String(32)),
    Column("error", Text),
    Column("coder", String(128)),
    Column("ingested_at", String(32), nullable=False),
)
Index("ix_documents_doc_id", documents.c.doc_id)
Index("ix_documents_status", documents.c.status)

events = Table(
    "events", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("date", String(10)),
    Column("cameo", String(4), nullable=False),
    Column("source_code", String(32)),
    Column("target_code", String(32)),
    Column("num_mentions", Integer, nullable=False, default=0),
    Column("num_sources", Integer, nullable=False, default=0),
    Column("num_articles", Integer, nullable=False, default=0),
    Column("goldstein", Float),
    Column("first_seen", String(32)),
)

_actor_cols = []
for _role in ("source", "target"):
    _actor_cols += [
        Column(f"{_role}_text", Text), Column(f"{_role}_code", String(32)), Column(f"{_role}_country", String(3)),
        Column(f"{_role}_sector", String(8)), Column(f"{_role}_name", Text), Column(f"{_role}_kind", String(16)),
    ]

mentions = Table(
    "mentions", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("event_id", String(32), nullable=False, unique=True),
    Column("document_id", Integer, ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
    Column("doc_id", String(512), nullable=False),
    Column("sentence_index", Integer, nullable=False),
    Column("sentence", Text, nullable=False),
    Column("trigger_text", Text, nullable=False),
    Column("trigger_start", Integer, nullable=False),
    Column("trigger_end", Integer, nullable=False),
    Column("date", String(10)),
    Column("deadline", String(10)),
    Column("cameo", String(4), nullable=False),
    Column("cameo_root", String(2), nullable=False),
    Column("quad_class", Integer, nullable=False),
    Column("goldstein", Float, nullable=False),
    Column("plover", String(16)),
    Column("plover_mode", String(32)),
    *_actor_cols,
    Column("negated", Boolean, nullable=False, default=False),
    Column("modality", String(16), nullable=False),
    Column("location", Text),
    Column("confidence", Float, nullable=False),
    Column("rule", String(128), nullable=False),
    Column("coder", String(128), nullable=False),
    Column("reported_by", JSON),
    Column("event_ref", Integer, ForeignKey("events.id", ondelete="SET NULL")),
)
Index("ix_mentions_date", mentions.c.date)
Index("ix_mentions_source", mentions.c.source_code)
Index("ix_mentions_target", mentions.c.target_code)
Index("ix_mentions_cameo", mentions.c.cameo)
Index("ix_mentions_document", mentions.c.document_id)

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
