"""Claims with their attribution (speaker, channel, issues) and evidence offsets.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-23
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "claims",
        sa.Column("article_id", sa.String(32), sa.ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("position", sa.Integer(), primary_key=True),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("start_char", sa.Integer(), nullable=False),
        sa.Column("end_char", sa.Integer(), nullable=False),
        sa.Column("sentence_start", sa.Integer(), nullable=False),
        sa.Column("sentence_end", sa.Integer(), nullable=False),
        sa.Column("cue", sa.String(64)),
        sa.Column("has_speaker", sa.Integer(), nullable=False),
        sa.Column("speaker_name", sa.Text()),
        sa.Column("speaker_entity_id", sa.String(64)),
        sa.Column("speaker_role", sa.Text()),
        sa.Column("speaker_organisation", sa.Text()),
        sa.Column("speaker_anonymous", sa.Integer(), nullable=False),
        sa.Column("speaker_description", sa.Text()),
        sa.Column("channel", sa.Text()),
        sa.Column("issues", sa.JSON(), nullable=False),
    )
    op.create_index("ix_claims_speaker_entity_id", "claims", ["speaker_entity_id"])


def downgrade() -> None:
    op.drop_table("claims")
