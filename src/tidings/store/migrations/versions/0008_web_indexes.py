"""Indexes for the web view's filters: actor countries (the other half of the actor filter, next to
the code prefix), document id, coordinates (the ``near`` box, read from the index alone), and
CAMEO root, PLOVER category and event country each followed by the date, so that a page of
newest events under one of them is read in order instead of sorted.

Revision ID: 0008
Revises: 0007
"""

from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

INDEXES = {
    "ix_mentions_source_country": ["source_country"],
    "ix_mentions_target_country": ["target_country"],
    "ix_mentions_doc_id": ["doc_id"],
    "ix_mentions_root_date": ["cameo_root", "date"],
    "ix_mentions_plover_date": ["plover", "date"],
    "ix_mentions_place_date": ["location_country", "date"],
    "ix_mentions_location": ["location_lat", "location_lon"],
}


def upgrade() -> None:
    for name, columns in INDEXES.items():
        op.create_index(name, "mentions", columns)


def downgrade() -> None:
    for name in INDEXES:
        op.drop_index(name, "mentions")
