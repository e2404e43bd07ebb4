"""entity aliases: why the mentions written this way were joined to their entity (its own name,
a short form, initials, the gazetteer, a name of an earlier article).

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-03
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("entity_aliases") as batch:
        batch.add_column(sa.Column("reason", sa.String(64), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("entity_aliases") as batch:
        batch.drop_column("reason")
