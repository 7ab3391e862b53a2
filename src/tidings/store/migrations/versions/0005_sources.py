"""Documents keep their fetch time; lookups by URL and origin are indexed; feeds keep their validators.

Revision ID: 0005
Revises: 0004
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("documents") as batch:
        batch.add_column(sa.Column("fetched", sa.String(32)))
    op.create_index("ix_documents_url", "documents", ["url"])
    op.create_index("ix_documents_origin", "documents", ["origin"])
    op.create_table(
        "feeds",
        sa.Column("url", sa.String(2048), primary_key=True),
        sa.Column("etag", sa.Text), sa.Column("last_modified", sa.Text),
        sa.Column("checked_at", sa.String(32), nullable=False), sa.Column("status", sa.Integer),
    )


def downgrade() -> None:
    op.drop_table("feeds")
    op.drop_index("ix_documents_origin", "documents")
    op.drop_index("ix_documents_url", "documents")
    with op.batch_alter_table("documents") as batch:
        batch.drop_column("fetched")
