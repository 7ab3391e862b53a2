"""Mentions keep the event location as columns: the words, the resolved place and its precision.

The old ``location`` column (a bare name) moves to ``location_text``.

Revision ID: 0004
Revises: 0003
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

TYPES: dict[str, sa.types.TypeEngine | type[sa.types.TypeEngine]] = {"text": sa.Text, "name": sa.Text, "lat": sa.Float, "lon": sa.Float, "country": sa.String(3),
         "admin1": sa.Text, "geonames_id": sa.Integer, "precision": sa.String(8)}


def upgrade() -> None:
    with op.batch_alter_table("mentions") as batch:
        for f, t in TYPES.items():
            batch.add_column(sa.Column(f"location_{f}", t))
    op.execute("UPDATE mentions SET location_text = location WHERE location IS NOT NULL")
    with op.batch_alter_table("mentions") as batch:
        batch.drop_column("location")
        batch.create_index("ix_mentions_location_country", ["location_country"])


def downgrade() -> None:
    with op.batch_alter_table("mentions") as batch:
        batch.drop_index("ix_mentions_location_country")
        batch.add_column(sa.Column("location", sa.Text))
    op.execute("UPDATE mentions SET location = location_text")
    with op.batch_alter_table("mentions") as batch:
        for f in TYPES:
            batch.drop_column(f"location_{f}")
