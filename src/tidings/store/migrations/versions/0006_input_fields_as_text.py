"""Fields copied from the input (document ids, publisher, attribution) become TEXT.

SQLite never enforced the VARCHAR lengths; PostgreSQL does, so a JSONL ``id`` or a file path longer
than 512 characters was stored on one backend and refused on the other. On PostgreSQL the change is
a catalogue update; on SQLite the two tables are rebuilt (batch mode, foreign keys off).

Revision ID: 0006
Revises: 0005
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

COLUMNS = {"documents": {"doc_id": 512, "source": 512, "attribution": 512}, "mentions": {"doc_id": 512}}


def upgrade() -> None:
    for table, columns in COLUMNS.items():
        with op.batch_alter_table(table) as batch:
            for name, length in columns.items():
                batch.alter_column(name, type_=sa.Text, existing_type=sa.String(length))


def downgrade() -> None:
    for table, columns in COLUMNS.items():
        with op.batch_alter_table(table) as batch:
            for name, length in columns.items():
                batch.alter_column(name, type_=sa.String(length), existing_type=sa.Text)
