"""Story clustering and duplicate detection: arrival order and features, an inverted index,
document frequencies, the nearest-neighbour graph, and text fingerprints.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "story_articles",
        sa.Column("article_id", sa.String(32), sa.ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("seq", sa.Integer(), nullable=False, unique=True),
        sa.Column("story_id", sa.String(48), nullable=False),
        sa.Column("published", sa.String(32)),
        sa.Column("counts", sa.JSON(), nullable=False),
    )
    op.create_index("ix_story_articles_story_id", "story_articles", ["story_id"])
    op.create_table(
        "story_keys",
        sa.Column("key", sa.String(200), primary_key=True),
        sa.Column("seq", sa.Integer(), primary_key=True),
        sa.Column("article_id", sa.String(32), nullable=False),
    )
    op.create_table(
        "key_counts",
        sa.Column("key", sa.String(200), primary_key=True),
        sa.Column("count", sa.Integer(), nullable=False),
    )
    op.create_table(
        "article_neighbours",
        sa.Column("article_id", sa.String(32), primary_key=True),
        sa.Column("neighbour_id", sa.String(32), primary_key=True),
        sa.Column("weight", sa.Float(), nullable=False),
    )
    op.create_index("ix_article_neighbours_neighbour_id", "article_neighbours", ["neighbour_id"])
    op.create_table(
        "fingerprints",
        sa.Column("article_id", sa.String(32), sa.ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("text_hash", sa.String(64), nullable=False),
        sa.Column("shingles", sa.Integer(), nullable=False),
    )
    op.create_index("ix_fingerprints_text_hash", "fingerprints", ["text_hash"])
    op.create_table(
        "minhash_bands",
        sa.Column("band", sa.String(40), primary_key=True),
        sa.Column("article_id", sa.String(32), primary_key=True),
    )


def downgrade() -> None:
    for table in ("minhash_bands", "fingerprints", "article_neighbours", "key_counts", "story_keys", "story_articles"):
        op.drop_table(table)
