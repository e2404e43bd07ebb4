"""claims: the offsets of the cue and of the source mention, and the speaker's confidence.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-02
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None

COLUMNS = (
    ("cue_start", sa.Integer()),
    ("cue_end", sa.Integer()),
    ("cue_text", sa.String(64)),
    ("source_start", sa.Integer()),
    ("source_end", sa.Integer()),
    ("source_text", sa.Text()),
    ("confidence", sa.Float()),
)


def upgrade() -> None:
    with op.batch_alter_table("claims") as batch:
        for name, kind in COLUMNS:
            batch.add_column(sa.Column(name, kind, nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("claims") as batch:
        for name, _ in reversed(COLUMNS):
            batch.drop_column(name)
