"""Stories: a mention's own id is ``mention_id``, ``event_id`` names its clustered event; the events
table holds one row per real-world event; documents record the original they copy.

Revision ID: 0007
Revises: 0006
"""

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def _events_table() -> None:
    op.create_table(
        "events",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("event_id", sa.String(32), nullable=False, unique=True),
        sa.Column("block", sa.String(16), nullable=False),
        sa.Column("lo", sa.Integer, nullable=False), sa.Column("hi", sa.Integer, nullable=False),
        sa.Column("anchor", sa.String(64), nullable=False),
        sa.Column("date", sa.String(10)), sa.Column("cameo", sa.String(4), nullable=False),
        sa.Column("cameo_root", sa.String(2), nullable=False), sa.Column("plover", sa.String(16)),
        sa.Column("source_code", sa.String(32)), sa.Column("source_country", sa.String(3)),
        sa.Column("target_code", sa.String(32)), sa.Column("target_country", sa.String(3)),
        sa.Column("negated", sa.Boolean, nullable=False),
        sa.Column("modality", sa.String(16), nullable=False, server_default="asserted"),
        sa.Column("num_mentions", sa.Integer, nullable=False), sa.Column("num_sources", sa.Integer, nullable=False),
        sa.Column("num_articles", sa.Integer, nullable=False), sa.Column("goldstein", sa.Float),
        sa.Column("first_seen", sa.String(10)), sa.Column("last_seen", sa.String(10)),
        sa.Column("record", sa.JSON, nullable=False),
    )
    op.create_index("ix_events_block_hi", "events", ["block", "hi"])
    op.create_index("ix_events_date", "events", ["date"])


def upgrade() -> None:
    with op.batch_alter_table("mentions") as batch:
        batch.alter_column("event_id", new_column_name="mention_id", existing_type=sa.String(32), existing_nullable=False)
        batch.drop_column("event_ref")
    with op.batch_alter_table("mentions") as batch:
        batch.add_column(sa.Column("event_id", sa.String(32)))
        batch.add_column(sa.Column("story_block", sa.String(16)))
        batch.add_column(sa.Column("story_lo", sa.Integer))
        batch.add_column(sa.Column("story_hi", sa.Integer))
        batch.add_column(sa.Column("story", sa.JSON))
    op.create_index("ix_mentions_event", "mentions", ["event_id"])
    op.create_index("ix_mentions_story", "mentions", ["story_block", "story_hi", "story_lo"])
    op.drop_table("events")
    _events_table()
    with op.batch_alter_table("documents") as batch:
        batch.add_column(sa.Column("duplicate_of", sa.Text))
        batch.add_column(sa.Column("copy_of", sa.String(64)))
        batch.add_column(sa.Column("minhash", sa.JSON))
    op.create_table(
        "doc_bands",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("document_id", sa.Integer, sa.ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
        sa.Column("band", sa.String(24), nullable=False),
    )
    op.create_index("ix_doc_bands_band", "doc_bands", ["band"])
    op.create_index("ix_doc_bands_document", "doc_bands", ["document_id"])


def downgrade() -> None:
    op.drop_table("doc_bands")
    with op.batch_alter_table("documents") as batch:
        for name in ("minhash", "copy_of", "duplicate_of"):
            batch.drop_column(name)
    op.drop_table("events")
    op.create_table(
        "events",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("date", sa.String(10)), sa.Column("cameo", sa.String(4), nullable=False),
        sa.Column("source_code", sa.String(32)), sa.Column("target_code", sa.String(32)),
        sa.Column("num_mentions", sa.Integer, nullable=False), sa.Column("num_sources", sa.Integer, nullable=False),
        sa.Column("num_articles", sa.Integer, nullable=False), sa.Column("goldstein", sa.Float),
        sa.Column("first_seen", sa.String(32)),
    )
    op.drop_index("ix_mentions_story", "mentions")
    op.drop_index("ix_mentions_event", "mentions")
    with op.batch_alter_table("mentions") as batch:
        for name in ("story", "story_hi", "story_lo", "story_block", "event_id"):
            batch.drop_column(name)
    with op.batch_alter_table("mentions") as batch:
        batch.add_column(sa.Column("event_ref", sa.Integer, sa.ForeignKey("events.id", ondelete="SET NULL")))
        batch.alter_column("mention_id", new_column_name="event_id", existing_type=sa.String(32), existing_nullable=False)
