"""Entity aliases: every surface form of a canonical entity, with its mention count.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-23
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "entity_aliases",
        sa.Column("entity_id", sa.String(64), sa.ForeignKey("entities.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("alias", sa.String(200), primary_key=True),
        sa.Column("mentions", sa.Integer(), nullable=False),
    )
    op.create_index("ix_entity_aliases_alias", "entity_aliases", ["alias"])


def downgrade() -> None:
    op.drop_table("entity_aliases")
