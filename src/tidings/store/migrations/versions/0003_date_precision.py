"""Mentions record how precise their date and deadline are (day, week, month, year); documents
keep the place of their wire dateline.

Revision ID: 0003
Revises: 0002
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("mentions") as batch:
        batch.add_column(sa.Column("date_precision", sa.String(8)))
        batch.add_column(sa.Column("deadline_precision", sa.String(8)))
    with op.batch_alter_table("documents") as batch:
        batch.add_column(sa.Column("dateline", sa.Text))
    op.execute("UPDATE mentions SET date_precision = 'day' WHERE date IS NOT NULL")
    op.execute("UPDATE mentions SET deadline_precision = 'day' WHERE deadline IS NOT NULL")


def downgrade() -> None:
    with op.batch_alter_table("documents") as batch:
        batch.drop_column("dateline")
    with op.batch_alter_table("mentions") as batch:
        batch.drop_column("deadline_precision")
        batch.drop_column("date_precision")
