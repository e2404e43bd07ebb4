"""No index on entity_mentions.label: a handful of labels over every mention, and SQLite (without
statistics) walked it instead of the article's own mentions, reading every PERSON and ORG
mention in the database to show one story.

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-23
"""

from __future__ import annotations

from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.drop_index("ix_entity_mentions_label", "entity_mentions")


def downgrade() -> None:
    op.create_index("ix_entity_mentions_label", "entity_mentions", ["label"])
