"""Initial schema: documents, mentions, quantities and the (clustered) events table.

Revision ID: 0001
Revises:
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def _actor(role: str) -> list[sa.Column]:
    return [
        sa.Column(f"{role}_text", sa.Text), sa.Column(f"{role}_code", sa.String(32)),
        sa.Column(f"{role}_country", sa.String(3)), sa.Column(f"{role}_sector", sa.String(8)),
        sa.Column(f"{role}_name", sa.Text), sa.Column(f"{role}_kind", sa.String(16)),
    ]


def upgrade() -> None:
    op.create_table(
        "documents",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("content_hash", sa.String(64), nullable=False, unique=True),
        sa.Column("doc_id", sa.String(512), nullable=False),
        sa.Column("origin", sa.Text), sa.Column("source", sa.String(512)), sa.Column("url", sa.Text),
        sa.Column("title", sa.Text), sa.Column("published", sa.String(10)),
        sa.Column("attribution", sa.String(512)), sa.Column("credits", sa.JSON), sa.Column("headings", sa.JSON),
        sa.Column("text", sa.Text), sa.Column("status", sa.String(16), nullable=False),
        sa.Column("error_code", sa.String(32)), sa.Column("error", sa.Text), sa.Column("coder", sa.String(128)),
        sa.Column("ingested_at", sa.String(32), nullable=False),
    )
    op.create_index("ix_documents_doc_id", "documents", ["doc_id"])
    op.create_index("ix_documents_status", "documents", ["status"])
    op.create_table(
        "events",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("date", sa.String(10)), sa.Column("cameo", sa.String(4), nullable=False),
        sa.Column("source_code", sa.String(32)), sa.Column("target_code", sa.String(32)),
        sa.Column("num_mentions", sa.Integer, nullable=False), sa.Column("num_sources", sa.Integer, nullable=False),
        sa.Column("num_articles", sa.Integer, nullable=False), sa.Column("goldstein", sa.Float),
        sa.Column("first_seen", sa.String(32)),
    )
    op.create_table(
        "mentions",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("event_id", sa.String(32), nullable=False, unique=True),
        sa.Column("document_id", sa.Integer, sa.ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
        sa.Column("doc_id", sa.String(512), nullable=False),
        sa.Column("sentence_index", sa.Integer, nullable=False), sa.Column("sentence", sa.Text, nullable=False),
        sa.Column("trigger_text", sa.Text, nullable=False), sa.Column("trigger_start", sa.Integer, nullable=False),
        sa.Column("trigger_end", sa.Integer, nullable=False), sa.Column("date", sa.String(10)),
        sa.Column("deadline", sa.String(10)), sa.Column("cameo", sa.String(4), nullable=False),
        sa.Column("cameo_root", sa.String(2), nullable=False), sa.Column("quad_class", sa.Integer, nullable=False),
        sa.Column("goldstein", sa.Float, nullable=False), sa.Column("plover", sa.String(16)),
        sa.Column("plover_mode", sa.String(32)), *_actor("source"), *_actor("target"),
        sa.Column("negated", sa.Boolean, nullable=False), sa.Column("modality", sa.String(16), nullable=False),
        sa.Column("location", sa.Text), sa.Column("confidence", sa.Float, nullable=False),
        sa.Column("rule", sa.String(128), nullable=False), sa.Column("coder", sa.String(128), nullable=False),
        sa.Column("reported_by", sa.JSON),
        sa.Column("event_ref", sa.Integer, sa.ForeignKey("events.id", ondelete="SET NULL")),
    )
    for col in ("date", "source_code", "target_code", "cameo", "document_id"):
        op.create_index(f"ix_mentions_{col.replace('_code', '').replace('_id', '')}", "mentions", [col])
    op.create_table(
        "quantities",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("mention_id", sa.Integer, sa.ForeignKey("mentions.id", ondelete="CASCADE"), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False), sa.Column("value", sa.Float, nullable=False),
        sa.Column("unit", sa.String(16), nullable=False), sa.Column("per", sa.String(32)),
        sa.Column("category", sa.String(32)), sa.Column("text", sa.Text),
    )
    op.create_index("ix_quantities_mention", "quantities", ["mention_id"])


def downgrade() -> None:
    op.drop_table("quantities")
    op.drop_table("mentions")
    op.drop_table("events")
    op.drop_table("documents")
