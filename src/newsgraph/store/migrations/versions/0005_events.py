"""PLOVER events: type, mode, context, actor, recipient, place, date, trigger and sentence.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-23
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "events",
        sa.Column("article_id", sa.String(32), sa.ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("position", sa.Integer(), primary_key=True),
        sa.Column("type", sa.String(16), nullable=False),
        sa.Column("mode", sa.String(32)),
        sa.Column("context", sa.String(32)),
        sa.Column("actor_text", sa.Text()),
        sa.Column("actor_entity_id", sa.String(64)),
        sa.Column("recipient_text", sa.Text()),
        sa.Column("recipient_entity_id", sa.String(64)),
        sa.Column("place_text", sa.Text()),
        sa.Column("place_entity_id", sa.String(64)),
        sa.Column("date_value", sa.String(64)),
        sa.Column("date_text", sa.Text()),
        sa.Column("date_granularity", sa.String(16)),
        sa.Column("date_modifier", sa.String(16)),
        sa.Column("trigger_text", sa.Text(), nullable=False),
        sa.Column("trigger_start", sa.Integer(), nullable=False),
        sa.Column("trigger_end", sa.Integer(), nullable=False),
        sa.Column("sentence_start", sa.Integer(), nullable=False),
        sa.Column("sentence_end", sa.Integer(), nullable=False),
        sa.Column("attributed_to", sa.Integer()),
        sa.Column("negated", sa.Integer(), nullable=False),
        sa.Column("hedged", sa.Integer(), nullable=False),
    )
    for column in ("type", "actor_entity_id", "recipient_entity_id", "date_value"):
        op.create_index(f"ix_events_{column}", "events", [column])


def downgrade() -> None:
    op.drop_table("events")
