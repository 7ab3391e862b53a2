"""Mentions keep their decision trace and the reporter as actor columns like source and target.

Revision ID: 0002
Revises: 0001
"""

import json

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

FIELDS = ("text", "code", "country", "sector", "name", "kind")
TYPES: dict[str, sa.types.TypeEngine | type[sa.types.TypeEngine]] = {"text": sa.Text, "code": sa.String(32), "country": sa.String(3), "sector": sa.String(8), "name": sa.Text,
         "kind": sa.String(16)}


def upgrade() -> None:
    with op.batch_alter_table("mentions") as batch:
        for f in FIELDS:
            batch.add_column(sa.Column(f"reported_by_{f}", TYPES[f]))
        batch.add_column(sa.Column("trace", sa.JSON))
    conn = op.get_bind()
    rows = conn.execute(sa.text("SELECT id, reported_by FROM mentions WHERE reported_by IS NOT NULL")).all()
    for row_id, value in rows:
        actor = json.loads(value) if isinstance(value, str) else value
        if actor:
            conn.execute(sa.text("UPDATE mentions SET " + ", ".join(f"reported_by_{f} = :{f}" for f in FIELDS)
                                 + " WHERE id = :id"), {**{f: actor.get(f) for f in FIELDS}, "id": row_id})
    with op.batch_alter_table("mentions") as batch:
        batch.drop_column("reported_by")


def downgrade() -> None:
    with op.batch_alter_table("mentions") as batch:
        batch.add_column(sa.Column("reported_by", sa.JSON))
        batch.drop_column("trace")
        for f in FIELDS:
            batch.drop_column(f"reported_by_{f}")
