"""The schema's newest revision is known without Alembic (so a current database opens without
importing it), and that constant follows the migrations."""

from __future__ import annotations

from alembic.script import ScriptDirectory

from newsgraph.store.database import SCHEMA_HEAD, alembic_config


def test_the_known_head_is_alembics_head() -> None:
    assert ScriptDirectory.from_config(alembic_config()).get_current_head() == SCHEMA_HEAD
